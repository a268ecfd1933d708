// Writing an XLSX workbook (Office Open XML SpreadsheetML: a zip of XML parts) one row at
// a time. Text is written as inline strings, numbers as numbers; the first row of each
// sheet is drawn bold and frozen as its header. The zip is deflated as rows arrive, so
// memory grows with the compressed size, not the XML text.
//
// Limits are those of Excel: 1,048,576 rows and 16,384 columns a sheet, sheet names of
// 1 to 31 characters without : \ / ? * [ ]. A call past a limit fails and error() names
// the sheet, row and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/zip_writer.h"

namespace baton {

inline constexpr long kXlsxMaxRows = 1'048'576;
inline constexpr int kXlsxMaxColumns = 16'384;

class XlsxWriter {
public:
    // Starts a new worksheet (ending the one before). False when the name is invalid or
    // already used (sheet names compare without case, as in Excel).
    bool beginSheet(const std::string& name);
    // Starts the next row of the open sheet. False past kXlsxMaxRows.
    bool beginRow();
    // Appends a cell to the open row. text() fails on invalid UTF-8; number() writes an
    // empty cell for NaN or an infinity, which a workbook cannot store.
    bool text(std::string_view value);
    bool number(double value);
    bool empty();
    bool endRow();
    // Ends the last sheet, writes the workbook parts and returns the .xlsx bytes; nullopt
    // with error() set when a call failed or no sheet was written.
    std::optional<std::string> finish();
    const std::string& error() const { return m_error; }

private:
    bool fail(const std::string& message);
    bool endSheet();
    bool beginCell();
    bool flushIfLarge();
    std::string cellReference() const;

    ZipWriter m_zip;
    std::vector<std::string> m_sheets;
    std::string m_buffer;  // sheet XML not yet passed to the zip writer
    long m_row = 0;        // 1-based number of the open or last row
    int m_column = 0;      // cells written in the open row
    bool m_inSheet = false;
    bool m_inRow = false;
    std::string m_error;
};

// Converts a 0-based column index to its letters: 0 is "A", 26 is "AA".
std::string xlsxColumnName(int column);

}  // namespace baton
