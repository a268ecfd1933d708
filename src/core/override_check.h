// Checks of a policy's pins and forbids against the workspace. An allocation reports each
// problem found here only as a pin conflict of the client. The problems: pins to employees
// who cannot receive clients, a pin and a forbid on the same pair, and two pins of one
// client to different employees.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace baton {

struct OverrideProblem {
    std::string path;     // JSON pointer of the override, such as "/policy/pins/0"
    std::string message;  // what is wrong and what to do
};

std::vector<OverrideProblem> checkOverrides(const Workspace& workspace);

}  // namespace baton
