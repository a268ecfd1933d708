// The check of a built workspace at the end of an import: the rules the workspace JSON
// reader applies, tested on the model directly instead of writing and reading it back.
#include <cmath>
#include <cstdio>

#include "core/dates.h"
#include "io/import_state.h"
#include "io/workspace_json.h"

namespace baton::import_detail {

namespace {

// The bound of a range that has none on that side.
constexpr double kAny = HUGE_VAL;

// A field of one record, as the JSON pointer "/ARRAY/INDEX/KEY" names it in the workspace.
struct Where {
    const char* array;
    std::size_t index;
    const char* key;

    std::string pointer() const {
        return std::string("/") + array + "/" + std::to_string(index) + "/" + key;
    }
};

// Collects at most kMaxErrors errors as "POINTER: message", as `baton validate` lists them.
class Checker {
public:
    static constexpr long kMaxErrors = 100;

    explicit Checker(ImportReport& report) : m_report(report) {}

    bool full() const { return m_count >= kMaxErrors; }
    void add(const std::string& pointer, const std::string& message) {
        if (full()) return;
        ++m_count;
        m_report.addError("invalid_workspace", {"workspace", 0, "", pointer + ": " + message});
    }

    void add(const Where& where, const std::string& message) { add(where.pointer(), message); }

    void number(const Where& where, const std::optional<double>& value, double low,
                double high) {
        if (!value) return;
        if (!std::isfinite(*value)) {
            add(where, "must be a finite number");
        } else if (*value < low && high == kAny) {
            add(where, "must be " + format(low) + " or more, found " + format(*value));
        } else if (*value < low || *value > high) {
            add(where, "must be between " + format(low) + " and " + format(high) +
                             ", found " + format(*value));
        }
    }

    void date(const Where& where, const std::string& value) {
        if (!parseIsoDate(value)) {
            add(where, "invalid date \"" + value + "\"; use an ISO date YYYY-MM-DD");
        }
    }

private:
    static std::string format(double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.15g", value);
        return text;
    }

    ImportReport& m_report;
    long m_count = 0;
};

// Maps each id to its first index and reports empty and repeated ids.
template <typename T>
TextIndex indexIds(Checker& check, const std::vector<T>& items, const char* array,
                      const char* noun) {
    TextIndex ids;
    ids.reserve(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].id.empty()) {
            check.add(Where{array, k, "id"}, "an id must not be empty");
            continue;
        }
        auto [at, inserted] = ids.emplace(items[k].id, static_cast<int>(k));
        if (inserted) continue;
        check.add(Where{array, k, "id"}, std::string("duplicate ") + noun + " id \"" +
                                               items[k].id + "\": /" + array + "/" +
                                               std::to_string(*at) + " has it already");
    }
    return ids;
}

void reference(Checker& check, const TextIndex& ids, const std::string& id, const Where& at,
               const char* noun) {
    if (check.full() || ids.find(id)) return;
    check.add(at, std::string(noun) + " \"" + id + "\" is not the id of any " + noun);
}

void checkEmployees(Checker& check, const std::vector<Employee>& employees) {
    for (std::size_t k = 0; k < employees.size() && !check.full(); ++k) {
        const Employee& e = employees[k];
        // An empty date of an employee is an absent one.
        if (!e.hired.empty()) check.date(Where{"employees", k, "hired"}, e.hired);
        if (!e.lastDay.empty()) check.date(Where{"employees", k, "last_day"}, e.lastDay);
        if (e.maxClients && (*e.maxClients < 0 || *e.maxClients > 1000000000)) {
            check.add(Where{"employees", k, "capacity/max_clients"},
                      "must be between 0 and 1000000000, found " +
                          std::to_string(*e.maxClients));
        }
        check.number(Where{"employees", k, "capacity/max_workload"}, e.maxWorkload, 0, kAny);
        check.number(Where{"employees", k, "metrics/sales_12m"}, e.metrics.sales12m, -kAny,
                     kAny);
        check.number(Where{"employees", k, "metrics/quota_attainment"},
                     e.metrics.quotaAttainment, 0, kAny);
        check.number(Where{"employees", k, "metrics/csat"}, e.metrics.csat, 0, kAny);
        check.number(Where{"employees", k, "metrics/retention"}, e.metrics.retention, 0, 1);
        check.number(Where{"employees", k, "metrics/review"}, e.metrics.review, 0, kAny);
    }
}

void checkClients(Checker& check, const std::vector<Client>& clients,
                  const TextIndex& employees) {
    for (std::size_t k = 0; k < clients.size() && !check.full(); ++k) {
        const Client& c = clients[k];
        if (c.owner && !c.owner->empty()) {
            reference(check, employees, *c.owner, Where{"clients", k, "owner"}, "employee");
        }
        check.number(Where{"clients", k, "revenue_12m"}, c.revenue12m, -kAny, kAny);
        check.number(Where{"clients", k, "potential"}, c.potential, 0, kAny);
        check.number(Where{"clients", k, "workload"}, c.workload, 0, kAny);
        check.number(Where{"clients", k, "difficulty"}, c.difficulty, 0, 100);
        check.number(Where{"clients", k, "satisfaction"}, c.satisfaction, 1, 5);
        check.number(Where{"clients", k, "complaints"}, c.complaints, 0, kAny);
        check.number(Where{"clients", k, "late_payments"}, c.latePayments, 0, kAny);
    }
}

// The ids of the records, packed so that the check of a million references stays in cache.
template <typename T>
std::vector<std::string_view> idsOf(const std::vector<T>& items) {
    std::vector<std::string_view> ids;
    ids.reserve(items.size());
    for (const T& item : items) ids.push_back(item.id);
    return ids;
}

// True when the index recorded for reference `k` is a record with that id, which proves
// the reference resolves without a lookup.
bool recordedAs(const std::vector<int>& recorded, std::size_t k,
                const std::vector<std::string_view>& ids, const std::string& id) {
    if (k >= recorded.size()) return false;
    int index = recorded[k];
    return index >= 0 && static_cast<std::size_t>(index) < ids.size() && ids[index] == id;
}

// Checks every transaction. The id lists come from the caller, so that this loop has no
// object to destroy: under Emscripten's JavaScript exceptions, calls made while one is
// pending go through a slow JavaScript wrapper. It stays out of line, because inlined into
// checkWorkspace (whose indexes have destructors) its calls would be wrapped again.
[[gnu::noinline]] void checkTransactions(Checker& check, const ImportState& state,
                                         const TextIndex& employees, const TextIndex& clients,
                                         const std::vector<std::string_view>& clientIds,
                                         const std::vector<std::string_view>& employeeIds) {
    const Workspace& ws = state.ws;
    for (std::size_t k = 0; k < ws.transactions.size() && !check.full(); ++k) {
        const Transaction& t = ws.transactions[k];
        if (!recordedAs(state.transactionClient, k, clientIds, t.client)) {
            reference(check, clients, t.client, Where{"transactions", k, "client"}, "client");
        }
        if (t.employee && !recordedAs(state.transactionEmployee, k, employeeIds, *t.employee)) {
            reference(check, employees, *t.employee, Where{"transactions", k, "employee"},
                      "employee");
        }
        check.date(Where{"transactions", k, "date"}, t.date);
        check.number(Where{"transactions", k, "amount"}, t.amount, -kAny, kAny);
    }
}

void checkDealsAndRelationships(Checker& check, const Workspace& ws,
                                const TextIndex& employees, const TextIndex& clients) {
    for (std::size_t k = 0; k < ws.relationships.size() && !check.full(); ++k) {
        const Relationship& r = ws.relationships[k];
        reference(check, employees, r.employee, Where{"relationships", k, "employee"},
                  "employee");
        reference(check, clients, r.client, Where{"relationships", k, "client"}, "client");
    }
    for (std::size_t k = 0; k < ws.deals.size() && !check.full(); ++k) {
        const Deal& d = ws.deals[k];
        reference(check, clients, d.client, Where{"deals", k, "client"}, "client");
        reference(check, employees, d.employee, Where{"deals", k, "employee"}, "employee");
        check.number(Where{"deals", k, "amount"}, d.amount, -kAny, kAny);
        if (d.expectedClose) check.date(Where{"deals", k, "expected_close"}, *d.expectedClose);
    }
}

}  // namespace

void checkWorkspace(ImportState& state) {
    const Workspace& ws = state.ws;
    Checker check(state.report);
    TextIndex employees = indexIds(check, ws.employees, "employees", "employee");
    TextIndex clients = indexIds(check, ws.clients, "clients", "client");
    indexIds(check, ws.deals, "deals", "deal");
    checkEmployees(check, ws.employees);
    checkClients(check, ws.clients, employees);
    checkTransactions(check, state, employees, clients, idsOf(ws.clients), idsOf(ws.employees));
    checkDealsAndRelationships(check, ws, employees, clients);
    for (const JsonError& e : checkPolicyReferences(ws, ws.policy, "/policy")) {
        check.add(e.path, e.message);
    }
}

}  // namespace baton::import_detail
