// Warnings about a valid workspace whose allocation cannot do what its user expects: no
// employee can receive the released clients, or every fit weight is 0 so that the fit
// chooses no owner. `baton validate` prints them, and the page returns them with an
// imported workspace.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace baton {

struct WorkspaceWarning {
    std::string path;     // JSON pointer of the field to change, such as "/policy/fit/weights"
    std::string message;  // what goes wrong and what to do
};

std::vector<WorkspaceWarning> allocationWarnings(const Workspace& workspace);

// True when no fit weight is above 0. A negative weight counts as 0, so every fit is then 0.
bool fitWeightsAllZero(const FitPolicy& fit);

}  // namespace baton
