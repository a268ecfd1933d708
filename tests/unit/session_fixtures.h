// Helpers shared by the tests of Session.
#pragma once

#include <cstddef>

#include "core/model.h"

namespace baton::test {

// Returns the index of the first active employee who is a person, or -1 when there is none.
inline int firstActivePerson(const Workspace& workspace) {
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        const Employee& e = workspace.employees[i];
        if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace baton::test
