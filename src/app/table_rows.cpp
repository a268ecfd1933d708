#include "app/table_rows.h"

#include <algorithm>
#include <cmath>

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

std::string tsvCell(std::string_view text) {
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
