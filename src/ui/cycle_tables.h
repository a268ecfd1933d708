// Cell text shared by the cycle's tables (Appeals, Follow-up): an id with the name of the
// employee or client it stands for, so that a reader need not look the id up.
#pragma once

#include <string>

#include "core/model.h"

namespace baton::ui {

// Returns "E07  Anna Lind" for an employee id, or the id alone when the employee is unknown
// or its name is empty or repeats the id.
std::string employeeWithName(const Workspace& workspace, const std::string& id);
// The same for a client id.
std::string clientWithName(const Workspace& workspace, const std::string& id);

}  // namespace baton::ui
