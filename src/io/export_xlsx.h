// Writing Baton's tables as XLSX workbooks: the workspace (one sheet per table, headed by
// the field names that import suggests a mapping from, so the workbook imports again), and
// the assignments of an allocation result (the columns of exportAssignmentsCsv).
#pragma once

#include <optional>
#include <string>

#include "core/allocation.h"
#include "core/model.h"

namespace baton {

struct XlsxExportResult {
    std::optional<std::string> bytes;  // the .xlsx file; absent on error
    std::string error;
};

// Sheets employees, clients, transactions, deals and relationships. Dates stay ISO text
// (YYYY-MM-DD), lists are joined with "; ", a missing number is an empty cell. A table
// of more than 1,048,575 rows (a sheet's limit under its header) is an error.
XlsxExportResult exportWorkspaceXlsx(const Workspace& workspace);

// One sheet "assignments": one row per assignment, then one per unassigned client with
// "unassigned: REASON" in won_because. fit, value and difficulty are numbers.
XlsxExportResult exportAssignmentsXlsx(const AllocationResult& result,
                                       const Workspace& workspace);

}  // namespace baton
