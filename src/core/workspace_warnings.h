// Warnings about a valid workspace whose allocation cannot do what its user expects: no
// employee can receive the released clients, every fit weight is 0 so that the fit chooses
// no owner, or max_clients and max_workload leave no room for a pin or for any client.
// `baton validate` prints them, and the page returns them with an imported workspace.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace baton {

struct WorkspaceWarning {
    std::string path;     // JSON pointer of the field to change, such as "/policy/fit/weights"
    std::string message;  // what goes wrong and what to do
};

// Every warning below, then those of limitWarnings.
std::vector<WorkspaceWarning> allocationWarnings(const Workspace& workspace);

// Warnings about the capacity limits, with the figures the allocation engine uses: a pin to
// an employee whose kept clients or workload leave no room for the client, every receiver at
// a limit, and receivers that keep more than their limits allow.
// NOTE: max_value_share is not checked here, because it needs the evaluation's values.
std::vector<WorkspaceWarning> limitWarnings(const Workspace& workspace);

// True when no fit weight is above 0. A negative weight counts as 0, so every fit is then 0.
bool fitWeightsAllZero(const FitPolicy& fit);

}  // namespace baton
