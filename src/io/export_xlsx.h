// Writing Baton's tables as XLSX workbooks: the workspace (one sheet per table, headed by
// the field names that import suggests a mapping from, so the workbook imports again), and
// the assignments of an allocation result (the columns of exportAssignmentsCsv).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/allocation.h"
#include "core/model.h"

namespace baton {

struct XlsxExportResult {
    std::optional<std::string> bytes;  // the .xlsx file; absent on error
    std::string error;
};

// The last sheet of a workspace export. Its rows are a key and a value, and the row with the
// key kWorkspaceMarkerKey and the value kWorkspaceMarkerFormat marks the workbook, so that
// the import keeps its won and lost deals as deals instead of reading a CRM pipeline.
inline constexpr std::string_view kWorkspaceMarkerSheet = "baton";
inline constexpr std::string_view kWorkspaceMarkerKey = "format";
inline constexpr std::string_view kWorkspaceMarkerFormat = "baton-workspace";

// Sheets employees, clients, transactions, deals and relationships, then the marker sheet.
// Dates stay ISO text (YYYY-MM-DD), lists are joined with "; ", a missing number is an
// empty cell. The policy, company, cycles, audit log and unknown fields are not written.
// A table of more than 1,048,575 rows (a sheet's limit under its header) is an error.
XlsxExportResult exportWorkspaceXlsx(const Workspace& workspace);

// One sheet "assignments": one row per assignment, then one per unassigned client with
// "unassigned: REASON" in won_because. fit, value and difficulty are numbers.
XlsxExportResult exportAssignmentsXlsx(const AllocationResult& result,
                                       const Workspace& workspace);

}  // namespace baton
