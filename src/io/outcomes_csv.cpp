#include "io/outcomes_csv.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "core/dates.h"
#include "io/csv.h"
#include "io/mapping.h"

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

// The header names of each column, normalised as normaliseHeader does, most specific first.
// Client and date take the names that the main import reads for a transaction's client and
// date, satisfaction those of a client's satisfaction.
std::vector<std::pair<std::string, std::vector<std::string>>> columnNames() {
    return {{"client", knownHeaders(Entity::Transactions, "client")},
            {"outcome", {"outcome", "result", "结果", "回访结果"}},
            {"satisfaction", knownHeaders(Entity::Clients, "satisfaction")},
            {"revenue_since", {"revenuesince", "回访后收入", "收入"}},
            {"date", knownHeaders(Entity::Transactions, "date")}};
}

std::map<std::string, int> findColumns(const std::vector<std::string>& header) {
    std::vector<std::string> normalised;
    for (const std::string& h : header) normalised.push_back(normaliseHeader(trim(h)));
    std::map<std::string, int> columns;
    for (const auto& [field, names] : columnNames()) {
        for (const std::string& name : names) {
            auto at = std::find(normalised.begin(), normalised.end(), name);
            if (at == normalised.end()) continue;
            columns[field] = int(at - normalised.begin());
            break;
        }
    }
    return columns;
}

void addError(OutcomesReadResult& out, const std::string& column, long line, int index,
              std::string message) {
    out.errors.push_back({column, int(line), index + 1, std::move(message)});
}

// Reads the outcome on `row` of `table`, whose columns out.columns gives, and adds an error to
// `out` for each invalid cell. `seen` maps each client read so far to its line.
ClientOutcome readOutcomeRow(const Table& table, std::size_t row, const std::string& today,
                             std::map<std::string, long>& seen, OutcomesReadResult& out) {
    std::map<std::string, int>& column = out.columns;
    long line = table.sourceLine(row);
    auto cell = [&](const char* name) { return trim(table.cell(row, std::size_t(column[name]))); };
    ClientOutcome o;
    o.client = cell("client");
    o.date = today;
    o.extra["line"] = line;
    std::string date = column.count("date") ? cell("date") : "";
    if (!date.empty()) {
        o.date = date;
        if (!parseIsoDate(date)) {
            addError(out, "date", line, column["date"],
                     "invalid date \"" + date + "\": use an ISO date YYYY-MM-DD");
        }
    }
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
    return o;
}

}  // namespace

OutcomesReadResult readOutcomesCsv(std::string_view text, const std::string& today) {
    OutcomesReadResult out;
    CsvReadResult csv = readCsv(text);
    if (!csv.table) {
        out.errors.push_back({"", std::nullopt, std::nullopt, csv.error});
        return out;
    }
    const Table& table = *csv.table;
    out.columns = findColumns(table.header);
    std::map<std::string, int>& column = out.columns;
    for (const char* name : {"client", "outcome", "satisfaction", "revenue_since"}) {
        if (!column.count(name)) {
            out.errors.push_back(
                {name, 1, std::nullopt,
                 std::string("missing column \"") + name +
                     "\"; the header is client,outcome,satisfaction,revenue_since with an "
                     "optional date, or 客户,结果,满意度,回访后收入 with an optional 日期"});
        }
    }
    if (!out.errors.empty()) return out;
    std::map<std::string, long> seen;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        out.outcomes.push_back(readOutcomeRow(table, row, today, seen, out));
    }
    if (!out.errors.empty()) out.outcomes.clear();
    return out;
}

JsonError outcomeRowError(const OutcomesReadResult& read, const ClientOutcome& outcome,
                          const std::string& finalDate, const std::string& message) {
    int line = outcome.extra.value("line", 0);
    auto at = [&](const char* name) -> std::optional<int> {
        auto it = read.columns.find(name);
        if (it == read.columns.end()) return std::nullopt;
        return it->second + 1;
    };
    bool early = !finalDate.empty() && outcome.date < finalDate;
    if (!early) return {"client", line, at("client"), message};
    bool dated = read.columns.count("date") > 0;
    if (dated) {
        return {"date", line, at("date"),
                "the outcome date " + outcome.date + " of client " + outcome.client +
                    " is before the final date " + finalDate + ": give a date on or after " +
                    finalDate};
    }
    return {"date", line, std::nullopt,
            "today's date " + outcome.date + " is before the final date " + finalDate +
                ", and the file has no date column: add a date column (date or 日期) with the "
                "day each outcome was recorded"};
}

}  // namespace baton
