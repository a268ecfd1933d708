#include "io/csv.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "io/cells.h"

namespace baton {

namespace {

// Copies `size` bytes. Cells of up to 16 bytes move as two overlapping fixed-size blocks,
// because in WebAssembly a call to memcpy per cell cost more than the copy itself.
void copyCell(char* out, const char* in, std::size_t size) {
    if (size > 16) {
        std::memcpy(out, in, size);
    } else if (size >= 8) {
        std::memcpy(out, in, 8);
        std::memcpy(out + size - 8, in + size - 8, 8);
    } else if (size >= 4) {
        std::memcpy(out, in, 4);
        std::memcpy(out + size - 4, in + size - 4, 4);
    } else if (size > 0) {
        out[0] = in[0];
        out[size / 2] = in[size / 2];
        out[size - 1] = in[size - 1];
    }
}

}  // namespace

bool Table::addRow(const std::vector<std::string_view>& cells, long sourceLine) {
    std::size_t used = cells.size();
    while (used > 0 && cells[used - 1].empty()) --used;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < used; ++i) bytes += cells[i].size();
    constexpr std::size_t kLimit = std::numeric_limits<std::uint32_t>::max();
    if (m_textSize + bytes > kLimit || m_cellEnds.size() + used > kLimit) return false;
    if (m_textSize + bytes > m_text.size()) {
        m_text.resize(std::min(kLimit, std::max(m_textSize + bytes, 2 * m_text.size())));
    }
    m_rowStarts.push_back(static_cast<std::uint32_t>(m_cellEnds.size()));
    for (std::size_t i = 0; i < used; ++i) {
        copyCell(m_text.data() + m_textSize, cells[i].data(), cells[i].size());
        m_textSize += cells[i].size();
        m_cellEnds.push_back(static_cast<std::uint32_t>(m_textSize));
    }
    m_lines.push_back(sourceLine);
    return true;
}

void Table::reserve(std::size_t textBytes, std::size_t cells, std::size_t rows) {
    if (textBytes > m_text.size()) m_text.resize(textBytes);
    m_cellEnds.reserve(cells);
    m_rowStarts.reserve(rows);
    m_lines.reserve(rows);
}

void Table::setHeader(std::vector<std::string> names) {
    while (!names.empty() && names.back().empty()) names.pop_back();
    header = std::move(names);
}

CsvReader::CsvReader(std::string_view text, char delimiter)
    : m_text(text), m_delimiter(delimiter) {
    m_stops[static_cast<unsigned char>(delimiter)] = true;
    m_stops[static_cast<unsigned char>('\n')] = true;
    m_stops[static_cast<unsigned char>('\r')] = true;
}

std::string_view CsvReader::field(std::size_t i) const {
    const Span& span = m_fields[i];
    std::string_view from = span.buffered ? std::string_view(m_buffer) : m_text;
    return from.substr(span.begin, span.end - span.begin);
}

std::size_t CsvReader::unquotedEnd(std::size_t from) const {
    const std::size_t n = m_text.size();
    const char* text = m_text.data();
    while (from < n && !m_stops[static_cast<unsigned char>(text[from])]) ++from;
    return from;
}

// Reads the quoted part of a field starting at the opening quote at m_pos. The field stays
// a view into the text unless a doubled quote forces a copy into m_buffer.
bool CsvReader::readQuoted(Span& field) {
    const std::size_t n = m_text.size();
    long openedOn = m_line;
    ++m_pos;
    field = Span{m_pos, m_pos, false};
    while (true) {
        std::size_t quote = m_text.find('"', m_pos);
        if (quote == std::string_view::npos) {
            m_error = "line " + std::to_string(openedOn) +
                      ": a quoted field opened here is never closed; close the quote or write "
                      "a quote inside a field as two quotes (\"\")";
            return false;
        }
        std::string_view part = m_text.substr(m_pos, quote - m_pos);
        m_line += static_cast<long>(std::count(part.begin(), part.end(), '\n'));
        if (field.buffered) {
            m_buffer.append(part);
            field.end = m_buffer.size();
        } else {
            field.end = quote;
        }
        m_pos = quote + 1;
        if (m_pos >= n || m_text[m_pos] != '"') return true;
        // A doubled quote is one quote character of the field.
        if (!field.buffered) {
            std::size_t begin = m_buffer.size();
            m_buffer.append(m_text.substr(field.begin, field.end - field.begin));
            field = Span{begin, m_buffer.size(), true};
        }
        m_buffer.push_back('"');
        field.end = m_buffer.size();
        ++m_pos;
    }
}

bool CsvReader::next() {
    m_buffer.clear();
    m_fields.clear();
    if (m_pos >= m_text.size() || !m_error.empty()) return false;
    m_recordLine = m_line;
    const std::size_t n = m_text.size();
    while (true) {
        Span field{m_pos, m_pos, false};
        bool quoted = m_pos < n && m_text[m_pos] == '"';
        if (quoted && !readQuoted(field)) return false;
        // Unquoted text, or text after a closing quote, up to the delimiter or line end.
        std::size_t end = unquotedEnd(m_pos);
        if (!quoted) {
            field.end = end;
        } else if (end > m_pos) {
            if (!field.buffered) {
                std::size_t begin = m_buffer.size();
                m_buffer.append(m_text.substr(field.begin, field.end - field.begin));
                field = Span{begin, m_buffer.size(), true};
            }
            m_buffer.append(m_text.substr(m_pos, end - m_pos));
            field.end = m_buffer.size();
        }
        m_fields.push_back(field);
        m_pos = end;
        if (m_pos >= n) return true;
        char c = m_text[m_pos++];
        if (c == m_delimiter) continue;
        if (c == '\r' && m_pos < n && m_text[m_pos] == '\n') ++m_pos;
        ++m_line;
        return true;
    }
}

char detectDelimiter(std::string_view text) {
    constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
    constexpr int kSampleRecords = 20;
    char best = ',';
    int bestAgreeing = 0;
    std::size_t bestFields = 0;
    for (char candidate : kCandidates) {
        CsvReader reader(text, candidate);
        std::vector<std::size_t> counts;
        while (static_cast<int>(counts.size()) < kSampleRecords && reader.next()) {
            if (reader.fieldCount() == 1 && reader.field(0).empty()) continue;
            counts.push_back(reader.fieldCount());
        }
        if (counts.empty() || counts.front() < 2) continue;
        int agreeing =
            static_cast<int>(std::count(counts.begin(), counts.end(), counts.front()));
        if (agreeing > bestAgreeing || (agreeing == bestAgreeing && counts.front() > bestFields)) {
            best = candidate;
            bestAgreeing = agreeing;
            bestFields = counts.front();
        }
    }
    return best;
}

namespace {

// Reserves the table's storage from the header's share of the text: the cell text is at
// most the text, and the rows are estimated from the line breaks of the first 64 KiB.
void reserveFor(Table& table, std::string_view text, std::size_t columns) {
    std::string_view sample = text.substr(0, 64 * 1024);
    std::size_t lines = static_cast<std::size_t>(std::count(sample.begin(), sample.end(), '\n'));
    std::size_t rows = lines == 0 ? 1 : text.size() / (sample.size() / lines) + 1;
    table.reserve(text.size(), rows * std::max<std::size_t>(columns, 1), rows);
}

// Appends the last row of `table` to `ragged` when its cell count differs from the header's.
// Cells past the header that are blank (white space only) are not counted, because they
// contain no value.
void checkWidth(const Table& table, const std::vector<std::string_view>& cells,
                std::vector<RaggedRow>& ragged) {
    std::size_t width = table.header.size();
    std::size_t filled = cells.size();
    while (filled > width && trimCell(cells[filled - 1]).empty()) --filled;
    if (filled != width) ragged.push_back(RaggedRow{table.rowCount() - 1, filled});
}

// True for a cell of white space and U+FEFF marks alone. A byte order mark can be in a cell
// where two exports were joined, and decoding removes only the one at the start of the file.
bool isBlankCell(std::string_view cell) {
    while (true) {
        cell = trimCell(cell);
        if (cell.substr(0, 3) != "\xEF\xBB\xBF") return cell.empty();
        cell.remove_prefix(3);
    }
}

// Reads the header and the rows into `table`, and the rows of another width into `ragged`.
// Returns whether a header was found, with `error` set when a limit is passed. The caller
// owns every object with a destructor, because under Emscripten's JavaScript exceptions, a
// call made while one is pending goes through a slow JavaScript wrapper. It stays out of
// line, because inlined into readCsv its calls would be wrapped again.
[[gnu::noinline]] bool readRows(CsvReader& reader, std::string_view text, std::size_t maxRows,
                                Table& table, std::vector<std::string_view>& cells,
                                std::vector<RaggedRow>& ragged, std::string& error) {
    bool haveHeader = false;
    while (reader.next()) {
        cells.clear();
        for (std::size_t i = 0; i < reader.fieldCount(); ++i) cells.push_back(reader.field(i));
        // A line of white space alone is blank too, so that a file of such lines is empty
        // rather than a header of spaces with no data rows.
        if (std::all_of(cells.begin(), cells.end(), isBlankCell)) continue;
        if (!haveHeader) {
            table.setHeader(std::vector<std::string>(cells.begin(), cells.end()));
            haveHeader = true;
            reserveFor(table, text, cells.size());
            continue;
        }
        if (table.rowCount() >= maxRows) {
            error = "line " + std::to_string(reader.line()) + ": the file has more than " +
                    std::to_string(maxRows) +
                    " data rows, the most an import takes; split it into smaller files";
            return true;
        }
        if (!table.addRow(cells, reader.line())) {
            error = "line " + std::to_string(reader.line()) +
                    ": the table holds more than 4 GiB of text; split it into smaller files";
            return true;
        }
        checkWidth(table, cells, ragged);
    }
    return haveHeader;
}

}  // namespace

CsvReadResult readCsv(std::string_view text, char delimiter, std::size_t maxRows) {
    CsvReadResult result;
    if (text.size() > kMaxImportBytes) {
        result.error = "the file has " + std::to_string(text.size() / (1024 * 1024)) +
                       " MB of text, more than the 200 MB an import takes; split it into "
                       "smaller files";
        return result;
    }
    result.delimiter = delimiter != 0 ? delimiter : detectDelimiter(text);
    CsvReader reader(text, result.delimiter);
    Table table;
    std::vector<std::string_view> cells;
    bool haveHeader =
        readRows(reader, text, maxRows, table, cells, result.raggedRows, result.error);
    if (!result.error.empty()) return result;
    if (!reader.error().empty()) {
        result.error = reader.error();
        return result;
    }
    if (!haveHeader) {
        result.empty = true;
        result.error =
            "the file is empty: it has no header row and no data, at most blank "
            "lines; export it again with a header row and data rows";
        return result;
    }
    result.table = std::move(table);
    return result;
}

}  // namespace baton
