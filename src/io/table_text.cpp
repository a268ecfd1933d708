#include "io/table_text.h"

#include <cstdio>
#include <vector>

namespace baton {

namespace {

// Bytes that may start a removed character: the C0 controls other than tab, LF and CR, then
// DEL, 0xC2 (the lead byte of U+0080 to U+00BF) and 0xEF (the lead byte of U+FEFF).
struct LeadBytes {
    bool lead[256] = {};
    constexpr LeadBytes() {
        for (int c = 0; c < 0x20; ++c) lead[c] = c != '\t' && c != '\n' && c != '\r';
        lead[0x7F] = true;
        lead[0xC2] = true;
        lead[0xEF] = true;
    }
};

constexpr LeadBytes kLeadBytes;

// The length in bytes of the removed character at `at`, 0 when none starts there.
std::size_t removedLength(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char c = byte(at);
    if (!kLeadBytes.lead[c]) return 0;
    if (c < 0x80) return 1;
    if (c == 0xC2) return at + 1 < text.size() && byte(at + 1) <= 0x9F ? 2 : 0;
    bool bom = text.substr(at, 3) == "\xEF\xBB\xBF";
    return bom ? 3 : 0;
}

// The cleaned text of one header or cell, with counts of the characters removed.
struct Cleaned {
    std::string text;
    long byteOrderMarks = 0;
    long controls = 0;
    std::string firstControl;  // "U+0000", the first control character removed
};

Cleaned clean(std::string_view text) {
    Cleaned out;
    out.text.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = removedLength(text, i);
        if (length == 0) {
            out.text.push_back(text[i++]);
            continue;
        }
        if (length == 3) {
            ++out.byteOrderMarks;
        } else {
            unsigned code = length == 1 ? static_cast<unsigned char>(text[i])
                                        : static_cast<unsigned char>(text[i + 1]);
            if (out.controls++ == 0) {
                char name[16];
                std::snprintf(name, sizeof name, "U+%04X", code);
                out.firstControl = name;
            }
        }
        i += length;
    }
    return out;
}

void warnRemoved(const Cleaned& cleaned, ImportIssue where, ImportReport& report) {
    if (cleaned.byteOrderMarks > 0) {
        ImportIssue issue = where;
        issue.message = "removed U+FEFF (a byte order mark) from the text; one inside a file "
                        "usually starts a second file joined to the first, so check this row "
                        "and the rows after it";
        issue.messageKey = {"byte_order_mark_in_cell", {}};
        report.addWarning("byte_order_mark_in_cell", std::move(issue));
    }
    if (cleaned.controls > 0) {
        where.message = "removed " + std::to_string(cleaned.controls) +
                        (cleaned.controls == 1 ? " control character (" : " control characters "
                                                                          "(first ") +
                        cleaned.firstControl +
                        ") that a spreadsheet does not show; compare the value with the source "
                        "and remove them there, since a damaged or UTF-16 file often has them";
        where.messageKey = {cleaned.controls == 1 ? "control_character_in_cell.one"
                                                  : "control_character_in_cell.many",
                            {std::to_string(cleaned.controls), cleaned.firstControl}};
        report.addWarning("control_character_in_cell", std::move(where));
    }
}

std::string columnName(const Table& table, std::size_t column) {
    if (column < table.header.size() && !table.header[column].empty()) {
        return table.header[column];
    }
    return "column " + std::to_string(column + 1);
}

}  // namespace

bool hasInvisibleCharacters(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // The table lookup skips most bytes without a call to removedLength.
        if (kLeadBytes.lead[bytes[i]] && removedLength(text, i) > 0) return true;
    }
    return false;
}

void removeInvisibleCharacters(Table& table, const std::string& file, ImportReport& report) {
    for (std::string& name : table.header) {
        if (!hasInvisibleCharacters(name)) continue;
        Cleaned cleaned = clean(name);
        name = cleaned.text;
        warnRemoved(cleaned, {file, 1, name, ""}, report);
    }
    if (!hasInvisibleCharacters(table.text())) return;
    Table rebuilt;
    rebuilt.header = table.header;
    rebuilt.reserve(table.text().size(), 0, table.rowCount());
    std::vector<std::string> texts;
    std::vector<std::string_view> cells;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        std::size_t count = table.cellCount(row);
        texts.assign(count, std::string());
        cells.assign(count, std::string_view());
        for (std::size_t c = 0; c < count; ++c) {
            std::string_view cell = table.cell(row, c);
            cells[c] = cell;
            if (!hasInvisibleCharacters(cell)) continue;
            Cleaned cleaned = clean(cell);
            texts[c] = std::move(cleaned.text);
            cells[c] = texts[c];
            warnRemoved(cleaned, {file, table.sourceLine(row), columnName(table, c), ""}, report);
        }
        // The rebuilt table has no more text than the one it replaces, so addRow succeeds.
        rebuilt.addRow(cells, table.sourceLine(row));
    }
    table = std::move(rebuilt);
}

}  // namespace baton
