// Writing the assignments of an allocation result as CSV for a spreadsheet: UTF-8 with a
// byte order mark by default (Excel then reads Chinese names correctly), or GB18030.
#pragma once

#include <optional>
#include <string>

#include "core/allocation.h"
#include "core/model.h"

namespace baton {

enum class CsvExportEncoding { Utf8Bom, Gb18030 };

struct CsvExportResult {
    std::optional<std::string> bytes;  // absent on error
    std::string error;
};

// One row per assignment: client, client_name, previous_owner, employee, employee_name, fit,
// value, difficulty, won_because; then one row per unassigned client with its reason. Names
// come from `workspace` (empty when an id is not found there). Lines end in CRLF.
CsvExportResult exportAssignmentsCsv(const AllocationResult& result, const Workspace& workspace,
                                     CsvExportEncoding encoding = CsvExportEncoding::Utf8Bom);

// Quotes a field when it contains a delimiter, a quote or a line break (RFC 4180).
std::string csvField(const std::string& text);

}  // namespace baton
