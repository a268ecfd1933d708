// Writing the assignments of an allocation result as CSV for a spreadsheet: UTF-8 with a
// byte order mark by default (Excel then reads Chinese names correctly), or GB18030. Text
// cells are guarded against formula injection (see escapeFormulaText) in both encodings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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
// come from `workspace` (empty when an id is not found there). Lines end in CRLF. fit,
// value and difficulty are decimal numbers; every other cell is text passed through
// escapeFormulaText.
CsvExportResult exportAssignmentsCsv(const AllocationResult& result, const Workspace& workspace,
                                     CsvExportEncoding encoding = CsvExportEncoding::Utf8Bom);

// Quotes a field when it contains a delimiter, a quote or a line break (RFC 4180).
std::string csvField(const std::string& text);

// Prefixes a single quote to text that starts with '=', '+', '-', '@', a tab or a carriage
// return. Excel and other spreadsheets would run such text as a formula when they open the
// CSV (CSV or formula injection), and the quote makes them read it as text. Other text is
// returned unchanged. Only for text cells, because a number such as -12.5 would become text.
std::string escapeFormulaText(const std::string& text);
// True when `text` starts with a character that makes a spreadsheet read it as a formula.
bool startsLikeFormula(std::string_view text);

}  // namespace baton
