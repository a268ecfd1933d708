// CSV as RFC 4180 describes it (quoted fields with doubled quotes and embedded line breaks,
// CRLF or LF), with the delimiter detected among ',' ';' and tab. Input is UTF-8 text (see
// io/encoding.h). Rows are read one at a time from the buffer; cells are stored in one
// contiguous buffer, so a large file costs about its own size plus 4 bytes a cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

// Files larger than this, or with more data rows, are rejected with a message.
constexpr std::size_t kMaxImportBytes = 200u * 1024u * 1024u;
constexpr std::size_t kMaxImportRows = 2'000'000;

// A header and rows of text cells, from a CSV file or a spreadsheet. Trailing empty cells of
// every row, and trailing empty headers, are dropped.
class Table {
public:
    std::vector<std::string> header;

    std::size_t rowCount() const { return m_lines.size(); }
    // The cells stored for `row` (trailing empty cells are not stored).
    std::size_t cellCount(std::size_t row) const {
        std::size_t end = row + 1 < m_rowStarts.size() ? m_rowStarts[row + 1] : m_cellEnds.size();
        return end - m_rowStarts[row];
    }
    // The cell, or "" when the row has no such cell. Inline, because an import reads every
    // cell through it several times.
    std::string_view cell(std::size_t row, std::size_t column) const {
        if (row >= m_rowStarts.size() || column >= cellCount(row)) return {};
        std::size_t index = m_rowStarts[row] + column;
        std::size_t begin = index == 0 ? 0 : m_cellEnds[index - 1];
        return std::string_view(m_text.data() + begin, m_cellEnds[index] - begin);
    }
    // Where the row starts in the source: the 1-based line of a CSV file or row of a sheet.
    long sourceLine(std::size_t row) const { return m_lines[row]; }
    // The text of all cells, one after the other.
    std::string_view text() const { return std::string_view(m_text.data(), m_textSize); }

    // Appends a row; false when the cell buffer would pass 4 GiB.
    bool addRow(const std::vector<std::string_view>& cells, long sourceLine);
    // Reserves room for `textBytes` of cell text, `cells` cells and `rows` rows.
    void reserve(std::size_t textBytes, std::size_t cells, std::size_t rows);
    // Sets the header, dropping trailing empty names.
    void setHeader(std::vector<std::string> names);

private:
    // The cell text is m_text's first m_textSize bytes. The rest is zeroed room for more
    // rows, so that addRow copies into it without resizing the string per row (in
    // WebAssembly, that resize's memset cost more than the copy).
    std::string m_text;
    std::size_t m_textSize = 0;
    std::vector<std::uint32_t> m_cellEnds;   // end offset of each cell in m_text
    std::vector<std::uint32_t> m_rowStarts;  // index in m_cellEnds of each row's first cell
    std::vector<long> m_lines;
};

// Reads one record at a time from UTF-8 text. A field is a view into the text, except a
// quoted field with a doubled quote or with text after its closing quote, which is
// unquoted into a buffer that the next call to next() reuses.
class CsvReader {
public:
    CsvReader(std::string_view text, char delimiter);

    // Reads the next record; false at the end of the text or on an error (see error()).
    bool next();
    std::size_t fieldCount() const { return m_fields.size(); }
    // Valid until the next call to next().
    std::string_view field(std::size_t i) const;
    // The 1-based line on which the last record read starts.
    long line() const { return m_recordLine; }
    // Empty unless a quoted field was never closed; then "line L: ...".
    const std::string& error() const { return m_error; }

private:
    // A field's bytes: [begin, end) of the text, or of m_buffer when `buffered`.
    struct Span {
        std::size_t begin = 0;
        std::size_t end = 0;
        bool buffered = false;
    };

    bool readQuoted(Span& field);
    std::size_t unquotedEnd(std::size_t from) const;

    std::string_view m_text;
    char m_delimiter;
    bool m_stops[256] = {};  // the delimiter, CR and LF: the bytes that end unquoted text
    std::size_t m_pos = 0;
    long m_line = 1;
    long m_recordLine = 0;
    std::string m_buffer;
    std::vector<Span> m_fields;
    std::string m_error;
};

// Picks the delimiter among ',' ';' and '\t' from the first records: the one found the same
// number of times (more than zero) on the most records; ',' when none is found.
char detectDelimiter(std::string_view text);

// A data row whose cell count differs from the header's, as a hand-made file gives when an
// unquoted value contains the delimiter or when a row lacks its last cells.
struct RaggedRow {
    std::size_t row = 0;  // index in the table's rows
    // The row's cell count. For a row longer than the header, trailing blank cells are not
    // counted, so that "a,b,c,," under three headers is no ragged row.
    std::size_t cells = 0;
};

struct CsvReadResult {
    std::optional<Table> table;  // absent on error
    char delimiter = ',';
    std::vector<RaggedRow> raggedRows;  // in row order
    // "line L: ..." with what to do; for an empty text, a message that names no line.
    std::string error;
    // True when the text has no header: it is empty or has only blank lines, which may
    // contain white space and byte order marks.
    bool empty = false;
};

// Reads a whole CSV text: the first record is the header. `delimiter` 0 detects it.
CsvReadResult readCsv(std::string_view text, char delimiter = 0,
                      std::size_t maxRows = kMaxImportRows);

}  // namespace baton
