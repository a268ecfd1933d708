#include "io/importer.h"

#include <algorithm>
#include <map>

#include "core/dates.h"
#include "io/encoding.h"
#include "io/import_state.h"
#include "io/workspace_json.h"
#include "io/xlsx.h"

namespace baton {

using import_detail::ImportState;

LoadTableResult loadTable(Entity entity, const std::string& file, std::string_view bytes,
                          const TableMapping& mapping) {
    LoadTableResult result;
    if (bytes.size() > kMaxImportBytes) {
        result.error = file + ": the file has " + std::to_string(bytes.size() / (1024 * 1024)) +
                       " MB, more than the 200 MB an import takes; split it into smaller files";
        return result;
    }
    SourceTable source;
    source.entity = entity;
    source.file = file;
    if (looksLikeZip(bytes)) {
        XlsxReadResult xlsx = readXlsx(bytes, mapping.sheet);
        if (!xlsx.table) {
            result.error = file + ": " + xlsx.error;
            return result;
        }
        source.table = std::move(*xlsx.table);
        source.encoding = "xlsx";
        result.source = std::move(source);
        return result;
    }
    std::optional<Encoding> encoding = parseEncoding(mapping.encoding);
    DecodeResult decoded = decodeText(bytes, encoding.value_or(Encoding::Auto));
    if (!decoded.text) {
        result.error = file + " " + decoded.error;
        return result;
    }
    CsvReadResult csv = readCsv(*decoded.text, mapping.delimiter.value_or(0));
    if (!csv.table) {
        result.error = file + " " + csv.error;
        return result;
    }
    source.table = std::move(*csv.table);
    source.encoding = decoded.detected;
    source.delimiter = csv.delimiter;
    result.source = std::move(source);
    return result;
}

Mapping completeMapping(const Mapping& mapping, const std::vector<SourceTable>& tables) {
    Mapping out = mapping;
    for (const SourceTable& t : tables) {
        TableMapping& tm = out.tables[entityName(t.entity)];
        if (tm.columns.empty()) tm.columns = suggestColumns(t.entity, t.table.header);
    }
    return out;
}

namespace {

struct OwnerTally {
    double value = 0.0;
    long count = 0;
};

// Picks each client's owner from its transactions that name an employee.
void deriveOwners(ImportState& state) {
    const std::string& rule = state.mapping.deriveOwner;
    if (rule == "none") return;
    std::vector<std::map<std::string, OwnerTally>> tallies(state.ws.clients.size());
    for (const Transaction& t : state.ws.transactions) {
        if (!t.employee) continue;
        auto c = state.clientById.find(t.client);
        if (c == state.clientById.end() || !state.ownerToDerive[c->second]) continue;
        OwnerTally& tally = tallies[c->second][*t.employee];
        tally.value += t.amount;
        ++tally.count;
    }
    long derived = 0, unowned = 0;
    bool byValue = rule == "largest_won_value";
    for (std::size_t i = 0; i < state.ws.clients.size(); ++i) {
        if (!state.ownerToDerive[i]) continue;
        const std::string* best = nullptr;
        OwnerTally top;
        // std::map visits employee ids in ascending order, so ties keep the smaller id.
        for (const auto& [employee, tally] : tallies[i]) {
            bool better = byValue ? (tally.value > top.value ||
                                     (tally.value == top.value && tally.count > top.count))
                                  : (tally.count > top.count ||
                                     (tally.count == top.count && tally.value > top.value));
            if (!best || better) {
                best = &employee;
                top = tally;
            }
        }
        if (best) {
            state.ws.clients[i].owner = *best;
            ++derived;
        } else {
            ++unowned;
        }
    }
    std::string how = byValue ? "the employee with the largest won value (sum of transaction "
                                "amounts) on the client, ties going to more transactions, "
                                "then to the smaller id"
                              : "the employee with the most transactions on the client, ties "
                                "going to the larger value, then to the smaller id";
    state.report.addDerived("owner of " + std::to_string(derived) + " clients: " + how +
                            (unowned > 0 ? "; " + std::to_string(unowned) +
                                               " clients have no transaction with an employee "
                                               "and no owner"
                                         : ""));
}

// Sets revenue_12m of clients that have none from their transactions in the value window.
void deriveRevenue(ImportState& state) {
    if (state.mapping.deriveRevenue == "none" || state.ws.transactions.empty()) return;
    std::string asOf = state.ws.policy.asOf.value_or("");
    if (asOf.empty()) {
        for (const Transaction& t : state.ws.transactions) asOf = std::max(asOf, t.date);
    }
    std::optional<long long> end = parseIsoDate(asOf);
    if (!end) return;
    std::string from = formatIsoDate(*end - state.ws.policy.value.windowDays + 1);
    std::vector<std::optional<double>> sums(state.ws.clients.size());
    for (const Transaction& t : state.ws.transactions) {
        if (t.date < from || t.date > asOf) continue;
        auto c = state.clientById.find(t.client);
        if (c == state.clientById.end() || state.revenueGiven[c->second]) continue;
        sums[c->second] = sums[c->second].value_or(0.0) + t.amount;
    }
    long set = 0;
    for (std::size_t i = 0; i < sums.size(); ++i) {
        if (!sums[i]) continue;
        state.ws.clients[i].revenue12m = *sums[i];
        ++set;
    }
    if (set == 0) return;
    state.report.addDerived("revenue_12m of " + std::to_string(set) +
                            " clients: the sum of their transactions from " + from + " to " +
                            asOf + " (the value window up to the latest transaction)");
}

void reportCreated(ImportState& state) {
    auto sources = [](const std::set<std::string>& s) {
        std::string out;
        for (const std::string& x : s) out += (out.empty() ? "" : ", ") + x;
        return out;
    };
    if (state.createdEmployees > 0) {
        state.report.setCount("employees_created_from_columns", state.createdEmployees);
        state.report.addDerived(std::to_string(state.createdEmployees) +
                                " employees created from " + sources(state.employeeSources) +
                                " (id and name are the cell text, status active)");
    }
    if (state.createdClients > 0) {
        state.report.setCount("clients_created_from_columns", state.createdClients);
        state.report.addDerived(std::to_string(state.createdClients) + " clients created from " +
                                sources(state.clientSources) + " (id and name are the cell text)");
    }
}

void offerFillDown(ImportState& state, const std::vector<SourceTable>& tables) {
    for (const SourceTable& t : tables) {
        const TableMapping& tm = state.mapping.tables.at(entityName(t.entity));
        for (const std::string& header :
             import_detail::fillDownCandidates(t, tm, state.mapping.fillDown)) {
            state.report.addSuggestion(
                t.file + " column \"" + header + "\" has empty cells below filled ones, as " +
                "merged cells export; add \"" + header + "\" to \"fill_down\" in the mapping " +
                "to copy the value above into them");
        }
    }
}

// Checks the built workspace as `baton validate` would; its errors become import errors.
void validateResult(ImportState& state) {
    WorkspaceReadResult check = workspaceFromJson(workspaceToJson(state.ws));
    for (const JsonError& e : check.errors) {
        state.report.addError("invalid_workspace",
                              {"workspace", 0, "", e.path + ": " + e.message});
    }
}

void startFrom(ImportState& state, const Workspace* into, const std::vector<SourceTable>& t) {
    if (into) state.ws = *into;
    for (std::size_t i = 0; i < state.ws.employees.size(); ++i) {
        state.indexEmployee(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < state.ws.clients.size(); ++i) {
        state.indexClient(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < state.ws.deals.size(); ++i) {
        state.dealById.emplace(state.ws.deals[i].id, static_cast<int>(i));
    }
    state.ownerToDerive.assign(state.ws.clients.size(), 0);
    state.revenueGiven.assign(state.ws.clients.size(), 1);
    auto given = [&](Entity e) {
        return std::any_of(t.begin(), t.end(), [&](const SourceTable& s) { return s.entity == e; });
    };
    state.employeesListed = given(Entity::Employees) || !state.ws.employees.empty();
    state.clientsListed = given(Entity::Clients) || !state.ws.clients.empty();
    state.knownProducts.insert(state.options.knownProducts.begin(),
                               state.options.knownProducts.end());
}

}  // namespace

ImportResult importTables(const std::vector<SourceTable>& tables, const Mapping& mapping,
                          const Workspace* into, const ImportOptions& options) {
    ImportResult result;
    result.mapping = completeMapping(mapping, tables);
    ImportState state(result.report, result.mapping, options);
    startFrom(state, into, tables);
    using Reader = void (*)(ImportState&, const SourceTable&, const TableMapping&);
    const std::pair<Entity, Reader> kOrder[] = {
        {Entity::Employees, import_detail::importEmployees},
        {Entity::Clients, import_detail::importClients},
        {Entity::Transactions, import_detail::importTransactions},
        {Entity::Deals, import_detail::importDeals},
        {Entity::Relationships, import_detail::importRelationships},
    };
    for (const auto& [entity, read] : kOrder) {
        for (const SourceTable& t : tables) {
            if (t.entity == entity) read(state, t, result.mapping.tables.at(entityName(entity)));
        }
    }
    offerFillDown(state, tables);
    reportCreated(state);
    deriveOwners(state);
    deriveRevenue(state);
    result.report.setCount("employees", static_cast<long>(state.ws.employees.size()));
    result.report.setCount("clients", static_cast<long>(state.ws.clients.size()));
    result.report.setCount("transactions", static_cast<long>(state.ws.transactions.size()));
    result.report.setCount("deals", static_cast<long>(state.ws.deals.size()));
    result.report.setCount("relationships", static_cast<long>(state.ws.relationships.size()));
    if (result.report.ok()) validateResult(state);
    if (result.report.ok()) result.workspace = std::move(state.ws);
    return result;
}

}  // namespace baton
