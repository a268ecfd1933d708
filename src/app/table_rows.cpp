#include "app/table_rows.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "io/export_csv.h"

namespace baton {

std::vector<int> orderRows(const RowOrderRequest& request, const RowSource& source) {
    std::vector<int> rows;
    rows.reserve(static_cast<std::size_t>(std::max(0, request.rowCount)));
    for (int i = 0; i < request.rowCount; ++i) {
        if (!source.keep || source.keep(i)) rows.push_back(i);
    }
    bool byId = request.sortColumn == request.idColumn;
    auto before = [&](int a, int b) {
        if (!byId && source.compare) {
            int order = source.compare(a, b, request.sortColumn);
            if (order != 0) return request.descending ? order > 0 : order < 0;
        }
        if (source.id) {
            int order = source.id(a).compare(source.id(b));
            if (order != 0) return byId && request.descending ? order > 0 : order < 0;
        }
        return a < b;
    };
    std::sort(rows.begin(), rows.end(), before);
    return rows;
}

int compareNumbers(double a, double b) {
    bool aNan = std::isnan(a);
    bool bNan = std::isnan(b);
    if (aNan || bNan) return int(bNan) - int(aNan);
    return a < b ? -1 : (a > b ? 1 : 0);
}

bool isPlainNumber(std::string_view text) {
    std::size_t at = 0;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    std::size_t digits = 0;
    for (; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) ++digits;
    if (at < text.size() && text[at] == '.') {
        for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) {
            ++digits;
        }
    }
    if (digits == 0) return false;
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
        std::size_t exponent = at;
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
        if (at == exponent) return false;
    }
    return at == text.size();
}

std::string tsvCell(std::string_view text) {
    // A spreadsheet runs such pasted text as a formula, so it gets a leading quote. A number
    // such as -12.5 stays a number.
    if (startsLikeFormula(text) && !isPlainNumber(text)) {
        return tsvCell("'" + std::string(text));
    }
    if (text.find_first_of("\t\r\n\"") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string tabSeparated(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += '\t';
            out += tsvCell(row[i]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace baton
