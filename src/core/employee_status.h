// A change of an employee's status and last day, under the rules that the page's Employees
// tab and `baton status` share. A leaving employee needs a last day, an ISO date YYYY-MM-DD.
// Every other status keeps the last day the employee has.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/model.h"

namespace baton {

struct EmployeeStatusChange {
    std::string field;  // the workspace field at fault ("last_day"); empty when valid
    std::string error;  // why the change is rejected and what to give; empty when valid
    EmployeeStatus statusBefore = EmployeeStatus::Active;
    EmployeeStatus status = EmployeeStatus::Active;
    std::string lastDayBefore;
    std::string lastDay;  // the last day after the change

    bool ok() const { return error.empty(); }
    // True when the change leaves the status and the last day as they are.
    bool unchanged() const { return status == statusBefore && lastDay == lastDayBefore; }
};

// Checks a change of `employee` to `status`. A change to leaving takes `lastDay`, which must
// be an ISO date YYYY-MM-DD. Any other status ignores `lastDay` and keeps the employee's own.
EmployeeStatusChange planStatusChange(const Employee& employee, EmployeeStatus status,
                                      const std::string& lastDay);

// Sets the status and last day of a valid change on `employee`.
void applyStatusChange(Employee& employee, const EmployeeStatusChange& change);

// The detail of the audit entry of kind "status": the employee, "from", "to" and the last
// day after the change when there is one.
nlohmann::json statusAuditDetail(const std::string& employeeId, const EmployeeStatusChange& change);

}  // namespace baton
