#include "io/csv.h"

#include <algorithm>
#include <array>
#include <limits>

namespace baton {

std::size_t Table::cellCount(std::size_t row) const {
    std::size_t end = row + 1 < m_rowStarts.size() ? m_rowStarts[row + 1] : m_cellEnds.size();
    return end - m_rowStarts[row];
}

std::string_view Table::cell(std::size_t row, std::size_t column) const {
    if (row >= m_rowStarts.size() || column >= cellCount(row)) return {};
    std::size_t index = m_rowStarts[row] + column;
    std::size_t begin = index == 0 ? 0 : m_cellEnds[index - 1];
    return std::string_view(m_text).substr(begin, m_cellEnds[index] - begin);
}

bool Table::addRow(const std::vector<std::string_view>& cells, long sourceLine) {
    std::size_t used = cells.size();
    while (used > 0 && cells[used - 1].empty()) --used;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < used; ++i) bytes += cells[i].size();
    constexpr std::size_t kLimit = std::numeric_limits<std::uint32_t>::max();
    if (m_text.size() + bytes > kLimit || m_cellEnds.size() + used > kLimit) return false;
    m_rowStarts.push_back(static_cast<std::uint32_t>(m_cellEnds.size()));
    for (std::size_t i = 0; i < used; ++i) {
        m_text.append(cells[i]);
        m_cellEnds.push_back(static_cast<std::uint32_t>(m_text.size()));
    }
    m_lines.push_back(sourceLine);
    return true;
}

void Table::setHeader(std::vector<std::string> names) {
    while (!names.empty() && names.back().empty()) names.pop_back();
    header = std::move(names);
}

std::string_view CsvReader::field(std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
    return std::string_view(m_buffer).substr(begin, m_ends[i] - begin);
}

bool CsvReader::next() {
    m_buffer.clear();
    m_ends.clear();
    if (m_pos >= m_text.size() || !m_error.empty()) return false;
    m_recordLine = m_line;
    const std::size_t n = m_text.size();
    while (true) {
        // One field starts at m_pos.
        if (m_pos < n && m_text[m_pos] == '"') {
            long openedOn = m_line;
            ++m_pos;
            while (true) {
                std::size_t quote = m_text.find('"', m_pos);
                if (quote == std::string_view::npos) {
                    m_error = "line " + std::to_string(openedOn) +
                              ": a quoted field opened here is never closed; close the quote "
                              "or write a quote inside a field as two quotes (\"\")";
                    return false;
                }
                std::string_view part = m_text.substr(m_pos, quote - m_pos);
                m_line += static_cast<long>(std::count(part.begin(), part.end(), '\n'));
                m_buffer.append(part);
                m_pos = quote + 1;
                if (m_pos < n && m_text[m_pos] == '"') {
                    m_buffer.push_back('"');
                    ++m_pos;
                    continue;
                }
                break;
            }
        }
        // Unquoted text, or text after a closing quote, up to the delimiter or line end.
        std::size_t end = m_pos;
        while (end < n && m_text[end] != m_delimiter && m_text[end] != '\n' &&
               m_text[end] != '\r') {
            ++end;
        }
        m_buffer.append(m_text.substr(m_pos, end - m_pos));
        m_ends.push_back(m_buffer.size());
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
    bool haveHeader = false;
    std::vector<std::string_view> cells;
    while (reader.next()) {
        cells.clear();
        for (std::size_t i = 0; i < reader.fieldCount(); ++i) cells.push_back(reader.field(i));
        bool blank = std::all_of(cells.begin(), cells.end(),
                                 [](std::string_view c) { return c.empty(); });
        if (blank) continue;
        if (!haveHeader) {
            table.setHeader(std::vector<std::string>(cells.begin(), cells.end()));
            haveHeader = true;
            continue;
        }
        if (table.rowCount() >= maxRows) {
            result.error = "line " + std::to_string(reader.line()) + ": the file has more than " +
                           std::to_string(maxRows) +
                           " data rows, the most an import takes; split it into smaller files";
            return result;
        }
        if (!table.addRow(cells, reader.line())) {
            result.error = "line " + std::to_string(reader.line()) +
                           ": the table holds more than 4 GiB of text; split it into smaller "
                           "files";
            return result;
        }
    }
    if (!reader.error().empty()) {
        result.error = reader.error();
        return result;
    }
    if (!haveHeader) {
        result.error = "line 1: the file is empty; give a header row and data rows";
        return result;
    }
    result.table = std::move(table);
    return result;
}

}  // namespace baton
