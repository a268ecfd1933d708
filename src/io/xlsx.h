// Reading one worksheet of an XLSX workbook (Office Open XML, a zip of XML parts) as a
// Table: shared and inline strings, numbers, booleans, and numbers stored with a date
// format, which become ISO dates. Formulas give their cached value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.h"

namespace baton {

struct XlsxReadResult {
    std::optional<Table> table;       // absent on error
    std::vector<std::string> sheets;  // the workbook's sheet names, in order
    std::string sheet;                // the sheet read
    std::string error;                // what failed and what to do
    // True when the error is that the zip archive or its XML is unreadable, as opposed to a
    // readable workbook without the sheet or rows asked for.
    bool unreadable = false;
};

// True when the bytes start like a zip archive ("PK\x03\x04").
bool looksLikeZip(std::string_view bytes);

// Reads the sheet named `sheet`. When `sheet` is empty, reads the first sheet named
// `preferred` (ignoring ASCII case), else the first sheet. The first non-empty row is the
// header. Rows are numbered as in the sheet (Table::sourceLine).
XlsxReadResult readXlsx(std::string_view bytes, const std::string& sheet = "",
                        std::size_t maxRows = kMaxImportRows,
                        const std::string& preferred = "");

}  // namespace baton
