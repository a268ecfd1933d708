// The warnings of `baton validate` about a workspace that reads without errors. They cover
// overrides that can never hold, the allocation warnings of workspace_warnings.h, the
// evaluation's notes on the policy's weights, and clients without difficulty inputs. They also
// cover figures that the evaluation flags and leaves out of the scores, and ids in cycle records
// that the workspace does not have (core/cycle_references.h). The page returns the
// same list with an imported workspace.
#pragma once

#include <vector>

#include "core/model.h"
#include "core/workspace_warnings.h"

namespace baton {

// Returns the warnings in the order `baton validate` prints them. A note on the policy's
// weights names its field in the message and has an empty path. It runs the evaluation once.
std::vector<WorkspaceWarning> validationWarnings(const Workspace& workspace);

}  // namespace baton
