#include "io/import_cursor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "core/dates.h"

namespace baton::import_detail {

namespace {

int findHeader(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (trimCell(header[i]) == trimCell(name)) return static_cast<int>(i);
    }
    return -1;
}

// The missing cells of a column below its first row. A function of its own, so that the
// loop runs in a frame with nothing to destroy (Emscripten's JavaScript exceptions wrap
// calls made while a destructor is pending, at a high cost). It stays out of line for the
// same reason, because inlined into fillDownCandidates it would run beside that vector.
[[gnu::noinline]] std::size_t countMissing(const Table& table, std::size_t column) {
    std::size_t blanks = 0;
    for (std::size_t r = 1; r < table.rowCount(); ++r) {
        if (isMissingCell(table.cell(r, column))) ++blanks;
    }
    return blanks;
}

// True when the column looks like exported merged cells. Two tests: the blanks are at least
// a third of the cells (groups of about two rows), and filling each blank from the cell
// above leaves every value in one contiguous run, as grouped data has. A column that is
// blank only where a record lacks the value (a deal with no account, an open deal without
// a close date) fails one test or the other.
[[gnu::noinline]] bool looksMerged(const Table& table, std::size_t column, std::size_t blanks) {
    std::size_t rows = table.rowCount();
    if (blanks * 3 < rows) return false;
    std::unordered_set<std::string_view> finished;  // values whose run has ended
    std::string_view current = table.cell(0, column);
    std::size_t reappeared = 0;
    std::size_t runs = 1;
    for (std::size_t r = 1; r < rows; ++r) {
        std::string_view cell = table.cell(r, column);
        if (isMissingCell(cell) || cell == current) continue;
        finished.insert(current);
        if (finished.count(cell) > 0) ++reappeared;
        current = cell;
        ++runs;
    }
    return reappeared * 10 <= runs;
}

}  // namespace

std::string quotedList(const std::vector<std::string>& names, std::size_t max) {
    std::string out;
    std::size_t shown = std::min(names.size(), max);
    for (std::size_t i = 0; i < shown; ++i) out += (i == 0 ? "\"" : ", \"") + names[i] + "\"";
    if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

ImportIssue unmappedFieldIssue(const SourceTable& source, const std::vector<std::string>& fields,
                               std::string commandLineMessage) {
    if (source.surface == ImportSurface::CommandLine) {
        return {source.file, 1, "", std::move(commandLineMessage)};
    }
    std::string what;
    std::vector<std::string> known;
    for (const std::string& field : fields) {
        what += (what.empty() ? "" : " or ") + field;
        for (std::string& name : knownHeaders(source.entity, field)) {
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                known.push_back(std::move(name));
            }
        }
    }
    std::string entity = entityName(source.entity);
    std::string names = quotedList(known, known.size());
    std::string headers = quotedList(source.table.header);
    std::string message =
        "no column gives the " + what + " of " + entity + ". In Excel, add a column with it or " +
        "rename the header of the column that has it to one of " + names +
        " (case, spaces, \"-\" and \"_\" are ignored) and open the file again, or read the " +
        "file with a mapping file through \"Use mapping file…\". The headers read are " + headers;
    return {source.file, 1, "", std::move(message),
            MessageKey{"unmapped_field.page", {what, entity, names, headers}}};
}

TableCursor::TableCursor(const SourceTable& source, const TableMapping& mapping,
                         const std::vector<std::string>& fillDown, ImportReport& report)
    : m_source(source), m_report(report) {
    const std::vector<std::string>& header = source.table.header;
    for (const auto& [field, name] : mapping.columns) {
        m_fields.emplace_back(field, findHeader(header, name));
        m_mappedHeaders.push_back(name);
        m_fieldNames.push_back(field);
    }
    m_fillDown.assign(header.size(), false);
    m_filled.assign(header.size(), std::string());
    m_cells.assign(header.size(), std::string_view());
    for (const std::string& name : fillDown) {
        int c = findHeader(header, name);
        if (c >= 0) m_fillDown[c] = true;
    }
    bool comma = mapping.decimal == "," || (mapping.decimal == "auto" && source.delimiter == ';');
    m_decimal = comma ? DecimalMark::Comma : DecimalMark::Point;
}

int TableCursor::column(const char* field) const {
    for (const auto& [name, c] : m_fields) {
        if (name == field) return c;
    }
    return -1;
}

std::vector<int> TableCursor::unmappedColumns() const {
    std::vector<int> out;
    for (std::size_t c = 0; c < m_source.table.header.size(); ++c) {
        bool used = std::any_of(m_fields.begin(), m_fields.end(),
                                [&](const auto& f) { return f.second == static_cast<int>(c); });
        if (!used && !m_source.table.header[c].empty()) out.push_back(static_cast<int>(c));
    }
    return out;
}

bool TableCursor::checkColumns(std::initializer_list<const char*> required) {
    bool ok = true;
    std::string entity = entityName(m_source.entity);
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].second >= 0) continue;
        m_report.addError("missing_column",
                          {m_source.file, 1, m_mappedHeaders[i],
                           "the mapping takes " + m_fieldNames[i] +
                               " from this column, but the file has no such header; its "
                               "headers are " +
                               quotedList(m_source.table.header) + ": correct tables." + entity +
                               ".columns." + m_fieldNames[i] + " in the mapping"});
        ok = false;
    }
    for (const char* field : required) {
        bool listed = std::any_of(m_fields.begin(), m_fields.end(),
                                  [&](const auto& f) { return f.first == field; });
        if (listed) continue;
        m_report.addError(
            "unmapped_field",
            unmappedFieldIssue(m_source, {field},
                               "no column gives the " + std::string(field) + " of " + entity +
                                   "; add \"" + field + "\": \"HEADER\" to tables." + entity +
                                   ".columns in the import mapping, with one of the headers " +
                                   quotedList(m_source.table.header)));
        ok = false;
    }
    return ok;
}

void TableCursor::moveTo(std::size_t row) {
    m_row = row;
    for (std::size_t c = 0; c < m_fillDown.size(); ++c) {
        std::string_view cell = trimCell(m_source.table.cell(row, c));
        if (m_fillDown[c]) {
            if (!isMissingCell(cell)) m_filled[c] = std::string(cell);
            cell = m_filled[c];
        }
        m_cells[c] = cell;
    }
}

long TableCursor::rowNumber() const {
    return m_source.table.sourceLine(m_row);
}

std::string_view TableCursor::raw(int column) const {
    if (column < 0) return {};
    return m_cells[column];
}

bool TableCursor::missing(int column) const {
    return isMissingCell(raw(column));
}

void TableCursor::error(const std::string& code, int column, std::string message, MessageKey key,
                        std::string reference) {
    m_report.addError(code, {m_source.file,
                             rowNumber(),
                             column >= 0 ? header(column) : "",
                             std::move(message),
                             std::move(key),
                             1,
                             {},
                             std::move(reference)});
}

void TableCursor::warning(const std::string& code, int column, std::string message, MessageKey key,
                          std::string reference) {
    m_report.addWarning(code, {m_source.file,
                               rowNumber(),
                               column >= 0 ? header(column) : "",
                               std::move(message),
                               std::move(key),
                               1,
                               {},
                               std::move(reference)});
}

void TableCursor::reportMissing(int column) {
    std::string message = "the cell is empty; fill it in";
    if (!m_fillDown[column]) {
        message += ", or, if an empty cell means the same as the one above (merged cells), add \"" +
                   header(column) + "\" to \"fill_down\" in the mapping";
    }
    error("missing_value", column, message);
}

std::optional<std::string> TableCursor::text(int column) const {
    if (column < 0 || missing(column)) return std::nullopt;
    return std::string(raw(column));
}

std::optional<std::string> TableCursor::id(int column, bool required) {
    std::optional<std::string_view> value = idView(column, required);
    if (!value) return std::nullopt;
    return std::string(*value);
}

std::optional<std::string_view> TableCursor::idView(int column, bool required) {
    if (column < 0) return std::nullopt;
    std::string_view value = raw(column);
    if (isMissingCell(value)) {
        if (required) reportMissing(column);
        return std::nullopt;
    }
    if (isExcelMangledNumber(value)) {
        warning("excel_mangled_id", column,
                "\"" + std::string(value) +
                    "\" is a number in scientific notation, as Excel "
                    "shows a long numeric id whose last digits are lost; export the column as text",
                {"excel_mangled_id", {std::string(value)}});
    }
    return value;
}

std::optional<double> TableCursor::number(int column, bool required) {
    if (column < 0) return std::nullopt;
    if (missing(column)) {
        if (required) reportMissing(column);
        return std::nullopt;
    }
    std::optional<double> value = parseNumber(raw(column), m_decimal);
    if (!value) {
        bool outOfRange = isNumberOutOfRange(raw(column), m_decimal);
        std::string message =
            outOfRange ? "\"" + std::string(raw(column)) +
                             "\" is out of range: numbers must lie "
                             "between -1.7e308 and 1.7e308; correct the cell"
                       : "\"" + std::string(raw(column)) + "\" is not a number; write it as " +
                             (m_decimal == DecimalMark::Comma ? "1.234,5" : "1234.5 or 1,234.5") +
                             " (set \"decimal\" in the mapping if the decimal mark differs)";
        std::string key = outOfRange                        ? "invalid_number.out_of_range"
                          : m_decimal == DecimalMark::Comma ? "invalid_number.decimal_comma"
                                                            : "invalid_number.decimal_point";
        if (required)
            error("invalid_number", column, message);
        else
            warning("invalid_number", column, message + "; the value is left out",
                    {key, {std::string(raw(column))}});
    }
    return value;
}

namespace {

std::string plainNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

// "0 or more", "between 1 and 5", "at most 10": the range in words.
std::string rangeText(double low, double high) {
    if (high == HUGE_VAL) return plainNumber(low) + " or more";
    if (low == -HUGE_VAL) return "at most " + plainNumber(high);
    return "between " + plainNumber(low) + " and " + plainNumber(high);
}

}  // namespace

std::optional<double> TableCursor::numberIn(const char* field, double low, double high) {
    int c = column(field);
    std::optional<double> value = number(c, false);
    if (!value || (*value >= low && *value <= high)) return value;
    error("out_of_range", c,
          "\"" + std::string(raw(c)) + "\" is out of range: " + field + " must be " +
              rangeText(low, high) +
              "; correct the cell, or leave it empty if the figure is "
              "unknown");
    return std::nullopt;
}

std::optional<long long> TableCursor::wholeIn(const char* field, long long low, long long high) {
    int c = column(field);
    std::optional<double> value = number(c, false);
    if (!value) return std::nullopt;
    std::string range =
        "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    if (*value < static_cast<double>(low) || *value > static_cast<double>(high)) {
        error("out_of_range", c,
              "\"" + std::string(raw(c)) + "\" is " +
                  (*value > static_cast<double>(high) ? "too large" : "too small") + ": " + field +
                  " must be " + range +
                  "; correct the cell, or leave it empty for "
                  "the policy's default");
        return std::nullopt;
    }
    if (std::floor(*value) != *value) {
        error("invalid_number", c,
              "\"" + std::string(raw(c)) + "\" is not a whole number: " + field + " must be " +
                  range);
        return std::nullopt;
    }
    return static_cast<long long>(*value);
}

std::optional<std::string> TableCursor::date(int column, bool required) {
    std::optional<IsoDate> iso = isoDate(column, required);
    if (!iso) return std::nullopt;
    return std::string(iso->view());
}

namespace {

// Names the part of a YYYY-MM-DD text that makes it no date (a month past 12, a day past
// the month's end), or returns an empty string when the text has another shape. For a
// named part it sets `key` to "invalid_date.month" or "invalid_date.day" and appends the
// values of the reason to its arguments.
std::string impossibleDateReason(std::string_view text, MessageKey& key) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return {};
    }
    auto digits = [&](std::size_t at, std::size_t n) {
        int x = 0;
        for (std::size_t i = at; i < at + n; ++i) x = x * 10 + (text[i] - '0');
        return x;
    };
    int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (month < 1 || month > 12) {
        key.key = "invalid_date.month";
        key.args.push_back(std::to_string(month));
        return "there is no month " + std::to_string(month);
    }
    int days = daysInMonth(year, month);
    if (day < 1 || day > days) {
        key.key = "invalid_date.day";
        key.args.insert(key.args.end(), {std::string(text.substr(0, 7)), std::to_string(days),
                                         std::to_string(day)});
        return std::string(text.substr(0, 7)) + " has " + std::to_string(days) +
               " days, so no day " + std::to_string(day);
    }
    return {};
}

}  // namespace

std::optional<IsoDate> TableCursor::isoDate(int column, bool required) {
    if (column < 0) return std::nullopt;
    if (missing(column)) {
        if (required) reportMissing(column);
        return std::nullopt;
    }
    std::optional<IsoDate> iso = parseDate(raw(column));
    if (!iso) {
        MessageKey key{"invalid_date.shape", {std::string(raw(column))}};
        std::string why = impossibleDateReason(raw(column), key);
        std::string message =
            "\"" + std::string(raw(column)) + "\" is not a date; " +
            (why.empty() ? "write it as YYYY-MM-DD (2023-09-01)" : why + "; correct the date");
        if (required)
            error("invalid_date", column, message);
        else
            warning("invalid_date", column, message + "; the value is left out", std::move(key));
    }
    return iso;
}

std::optional<bool> TableCursor::boolean(int column) {
    if (column < 0 || missing(column)) return std::nullopt;
    std::optional<bool> value = parseBoolCell(raw(column));
    if (!value) {
        warning("invalid_boolean", column,
                "\"" + std::string(raw(column)) +
                    "\" is not yes or no; write true or false; the value is left out",
                {"invalid_boolean", {std::string(raw(column))}});
    }
    return value;
}

std::vector<std::string> TableCursor::list(int column) const {
    std::vector<std::string> out;
    if (column < 0 || missing(column)) return out;
    std::string value(raw(column));
    // Items are separated by ';', ',', '|' or the ideographic comma "、".
    std::string current;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        bool end = i == value.size();
        bool ideographic = !end && value.compare(i, 3, "\xE3\x80\x81") == 0;
        if (end || value[i] == ';' || value[i] == ',' || value[i] == '|' || ideographic) {
            std::string_view item = trimCell(current);
            if (!item.empty()) out.emplace_back(item);
            current.clear();
            if (ideographic) i += 2;
        } else {
            current.push_back(value[i]);
        }
    }
    return out;
}

std::vector<std::string> fillDownCandidates(const SourceTable& source, const TableMapping& mapping,
                                            const std::vector<std::string>& fillDown) {
    std::vector<std::string> out;
    const Table& table = source.table;
    if (table.rowCount() < 2) return out;
    for (const auto& [field, name] : mapping.columns) {
        int c = findHeader(table.header, name);
        bool listed = std::find(fillDown.begin(), fillDown.end(), name) != fillDown.end();
        bool known = std::find(out.begin(), out.end(), name) != out.end();
        const FieldSpec* spec = findField(source.entity, field);
        bool key = spec && (spec->kind == FieldKind::Id || spec->kind == FieldKind::Date);
        // A blank last day means the employee is not leaving, never "same as above".
        bool blankMeansNone = source.entity == Entity::Employees && field == "last_day";
        if (c < 0 || listed || known || !key || blankMeansNone) continue;
        if (isMissingCell(table.cell(0, static_cast<std::size_t>(c)))) continue;
        std::size_t blanks = countMissing(table, static_cast<std::size_t>(c));
        // Blank cells after a filled first cell, in an id or date column that is not mostly
        // blank and whose values form groups, are what merged cells export.
        if (blanks > 0 && blanks * 10 <= table.rowCount() * 9 &&
            looksMerged(table, static_cast<std::size_t>(c), blanks)) {
            out.push_back(name);
        }
    }
    return out;
}

}  // namespace baton::import_detail
