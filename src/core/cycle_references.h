// Warnings about ids in the cycle records of a workspace: leavers, kept clients, overrides,
// appeals, moves, handovers and outcomes that name an employee or client the workspace does
// not have, or that disagree with the cycle's own results. They are warnings, not read
// errors, because a client or employee may be deleted after a cycle while its record stays
// as history. A record that the cycle steps could not have written is a hand edit.
#pragma once

#include <vector>

#include "core/model.h"
#include "core/workspace_warnings.h"

namespace baton {

// Returns one warning per id, with the JSON pointer of the field ("/cycles/0/appeals/1/clients/0").
std::vector<WorkspaceWarning> cycleReferenceWarnings(const Workspace& workspace);

}  // namespace baton
