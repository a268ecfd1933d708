#include "core/employee_status.h"

#include "core/dates.h"

namespace baton {

EmployeeStatusChange planStatusChange(const Employee& employee, EmployeeStatus status,
                                      const std::string& lastDay) {
    EmployeeStatusChange change;
    change.statusBefore = employee.status;
    change.status = status;
    change.lastDayBefore = employee.lastDay;
    change.lastDay = employee.lastDay;
    if (status != EmployeeStatus::Leaving) return change;
    if (lastDay.empty()) {
        change.field = "last_day";
        change.error = "employee " + employee.id +
                       " is leaving, so give the last day as YYYY-MM-DD, for example 2026-01-31";
    } else if (!parseIsoDate(lastDay)) {
        change.field = "last_day";
        change.error = "\"" + lastDay + "\" is not a valid date for the last day of employee " +
                       employee.id + "; give it as YYYY-MM-DD, for example 2026-01-31";
    } else {
        change.lastDay = lastDay;
    }
    return change;
}

void applyStatusChange(Employee& employee, const EmployeeStatusChange& change) {
    employee.status = change.status;
    employee.lastDay = change.lastDay;
}

nlohmann::json statusAuditDetail(const std::string& employeeId,
                                 const EmployeeStatusChange& change) {
    nlohmann::json detail = {{"employee", employeeId},
                             {"from", toString(change.statusBefore)},
                             {"to", toString(change.status)}};
    if (!change.lastDay.empty()) detail["last_day"] = change.lastDay;
    return detail;
}

}  // namespace baton
