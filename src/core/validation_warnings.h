// The warnings of `baton validate` about a workspace that reads without errors: overrides that
// can never hold, the allocation warnings of workspace_warnings.h, the evaluation's notes on
// the policy's weights, clients without difficulty inputs, and figures that the evaluation
// flags and leaves out of the scores. The page returns the same list with an imported
// workspace, so both give the same warnings.
#pragma once

#include <vector>

#include "core/model.h"
#include "core/workspace_warnings.h"

namespace baton {

// Returns the warnings in the order `baton validate` prints them. A note on the policy's
// weights names its field in the message and has an empty path. It runs the evaluation once.
std::vector<WorkspaceWarning> validationWarnings(const Workspace& workspace);

}  // namespace baton
