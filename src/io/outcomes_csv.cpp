#include "io/outcomes_csv.h"

#include <cctype>
#include <cstdlib>
#include <map>

#include "io/csv.h"

namespace baton {

namespace {

std::string trim(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) return "";
    std::size_t end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(start, end - start + 1));
}

// Parses a plain decimal number such as 12000 or 4.5; nothing for other text.
std::optional<double> parseNumber(const std::string& text) {
    // Emscripten 3.1.6's libc++ has no std::from_chars for double, so strtod reads the
    // number. Rejecting hexadecimal and a leading space keeps to what from_chars accepts.
    if (text.empty() || std::isspace(static_cast<unsigned char>(text.front())) ||
        text.find_first_of("xX") != std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

void addError(OutcomesReadResult& out, const std::string& column, long line, int index,
              std::string message) {
    out.errors.push_back({column, int(line), index + 1, std::move(message)});
}

}  // namespace

OutcomesReadResult readOutcomesCsv(std::string_view text, const std::string& date) {
    OutcomesReadResult out;
    CsvReadResult csv = readCsv(text);
    if (!csv.table) {
        out.errors.push_back({"", std::nullopt, std::nullopt, csv.error});
        return out;
    }
    const Table& table = *csv.table;
    std::map<std::string, int> column;
    for (std::size_t i = 0; i < table.header.size(); ++i) column[trim(table.header[i])] = int(i);
    for (const char* name : {"client", "outcome", "satisfaction", "revenue_since"}) {
        if (!column.count(name)) {
            out.errors.push_back(
                {name, 1, std::nullopt,
                 std::string("missing column \"") + name +
                     "\"; the header is client,outcome,satisfaction,revenue_since"});
        }
    }
    if (!out.errors.empty()) return out;
    std::map<std::string, long> seen;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        long line = table.sourceLine(row);
        auto cell = [&](const char* name) {
            return trim(table.cell(row, std::size_t(column[name])));
        };
        ClientOutcome o;
        o.client = cell("client");
        o.date = date;
        o.extra["line"] = line;
        if (o.client.empty()) addError(out, "client", line, column["client"], "missing client id");
        if (seen.count(o.client) && !o.client.empty()) {
            addError(out, "client", line, column["client"],
                     "client " + o.client + " is listed twice (first on line " +
                         std::to_string(seen[o.client]) + ")");
        }
        seen.emplace(o.client, line);
        std::string kind = cell("outcome");
        if (std::optional<OutcomeKind> parsed = parseOutcomeKind(kind)) {
            o.outcome = *parsed;
        } else {
            addError(out, "outcome", line, column["outcome"],
                     "invalid outcome \"" + kind + "\": use retained or lost");
        }
        std::string satisfaction = cell("satisfaction");
        if (!satisfaction.empty()) {
            o.satisfaction = parseNumber(satisfaction);
            if (!o.satisfaction || *o.satisfaction < 1.0 || *o.satisfaction > 5.0) {
                addError(out, "satisfaction", line, column["satisfaction"],
                         "invalid satisfaction \"" + satisfaction + "\": use a number from 1 to 5");
            }
        }
        std::string revenue = cell("revenue_since");
        if (!revenue.empty()) {
            o.revenueSince = parseNumber(revenue);
            if (!o.revenueSince || *o.revenueSince < 0.0) {
                addError(out, "revenue_since", line, column["revenue_since"],
                         "invalid revenue_since \"" + revenue + "\": use a number of 0 or more");
            }
        }
        out.outcomes.push_back(std::move(o));
    }
    if (!out.errors.empty()) out.outcomes.clear();
    return out;
}

}  // namespace baton
