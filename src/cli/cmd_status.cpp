// `baton status FILE EMPLOYEE STATUS [--last-day YYYY-MM-DD] [--out F]`: sets one employee's
// status and last day under the rules of the page's Employees tab (core/employee_status.h)
// and appends the same "status" entry to the audit log.
#include <chrono>
#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/audit.h"
#include "core/employee_status.h"
#include "io/name_suggest.h"
#include "io/workspace_json.h"
#include "store/store_time.h"

namespace baton::cli {

namespace {

constexpr int kUsageError = 2;

std::string nowUtc() {
    auto since = std::chrono::system_clock::now().time_since_epoch();
    return formatUtcTime(
        static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(since).count()));
}

// The index of the employee whose id is `key`, else of the one employee whose name is
// `key`. Prints why and returns -1 when no employee or several match.
int findEmployeeByIdOrName(const Workspace& ws, const std::string& key, const std::string& file) {
    if (int index = ws.findEmployee(key); index >= 0) return index;
    std::vector<int> named;
    for (std::size_t i = 0; i < ws.employees.size(); ++i) {
        if (ws.employees[i].name == key) named.push_back(static_cast<int>(i));
    }
    if (named.size() == 1) return named.front();
    if (named.size() > 1) {
        std::string ids;
        for (int i : named) ids += (ids.empty() ? "" : ", ") + ws.employees[std::size_t(i)].id;
        printError(file + ": " + std::to_string(named.size()) + " employees are named \"" + key +
                   "\" (" + ids + "); give the id of the one to change");
        return -1;
    }
    std::vector<std::string> candidates;
    for (const Employee& e : ws.employees) {
        candidates.push_back(e.id);
        if (!e.name.empty() && e.name != e.id) candidates.push_back(e.name);
    }
    std::string message = file + ": no employee has the id or name \"" + key + "\"";
    if (std::optional<std::string> near = NameSuggester(candidates).suggest(key)) {
        message += "; did you mean \"" + *near + "\"?";
    } else {
        message += "; give an employee id or the exact name from the workspace's employees";
    }
    printError(message);
    return -1;
}

}  // namespace

int runStatus(const StatusArgs& args) {
    std::optional<EmployeeStatus> status = parseEmployeeStatus(args.status);
    if (!status) {
        printUsageError("status",
                        "STATUS must be one of active, leaving, departed, on_leave, "
                        "found \"" +
                            args.status + "\"");
        return kUsageError;
    }
    if (!args.lastDay.empty() && *status != EmployeeStatus::Leaving) {
        printUsageError("status",
                        "--last-day applies only to the status leaving. An employee "
                        "set to " +
                            args.status + " keeps the last day it has, so leave --last-day out");
        return kUsageError;
    }

    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    int index = findEmployeeByIdOrName(*ws, args.employee, args.file);
    if (index < 0) return 1;
    Employee& employee = ws->employees[std::size_t(index)];

    // Like the page's last-day field, which opens with the date the employee has.
    std::string lastDay = args.lastDay.empty() ? employee.lastDay : args.lastDay;
    EmployeeStatusChange change = planStatusChange(employee, *status, lastDay);
    if (!change.ok()) {
        // The only field the rules reject is last_day, which --last-day sets.
        printUsageError("status", "--last-day: " + change.error);
        return kUsageError;
    }

    std::string lastDayText = change.lastDay.empty() ? "" : ", last day " + change.lastDay;
    if (change.unchanged()) {
        std::cerr << "baton: employee " << employee.id << " is already " << args.status
                  << lastDayText << "; nothing changed\n";
    } else {
        applyStatusChange(employee, change);
        appendAuditEntry(
            ws->audit, AuditEvent{"status", nowUtc(), "", statusAuditDetail(employee.id, change)});
        std::cerr << "baton: employee " << employee.id << ": status "
                  << toString(change.statusBefore) << " -> " << args.status << lastDayText << "\n";
    }

    std::string text = writeWorkspace(*ws);
    return args.out.empty() ? writeOutput(text, "") : replaceFile(text, args.out);
}

}  // namespace baton::cli
