// An index of the employees who served each client before: those named by the client's
// served_before relationships and by its transactions, whatever their date or amount. The fit's
// continuity term reads it once per candidate pair, so it is kept as compressed rows of
// sorted, distinct employee indices over the workspace's clients.
//
// Building it reads every transaction once and resolves two ids per transaction. The
// evaluation reads every transaction anyway, so it builds the index for all clients in
// the same pass and an allocation on that evaluation reuses it instead of reading the
// transactions a second time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/id_index.h"
#include "core/model.h"

namespace baton {

// A row of employee indices, viewed in place; valid while its index lives. A plain pair of
// pointers rather than std::span, because the LEMON benchmark compiles these headers as
// C++17.
struct ServedRow {
    const int* first = nullptr;
    const int* last = nullptr;

    const int* begin() const { return first; }
    const int* end() const { return last; }
    bool empty() const { return first == last; }
    std::size_t size() const { return std::size_t(last - first); }
};

class ServedBefore {
public:
    // Employees that served client `client` (a workspace index) before, in index order.
    ServedRow of(int client) const;
    bool contains(int client, int employee) const;
    // True when the index was built from a workspace with the same numbers of clients,
    // employees, transactions and relationships: a cheap guard against an evaluation
    // reused on a workspace that has changed since.
    bool builtFrom(const Workspace& workspace) const;
    std::size_t pairCount() const { return m_employees.size(); }

private:
    friend class ServedBeforeBuilder;
    std::vector<int> m_start{0};  // row r is [m_start[r], m_start[r + 1])
    std::vector<int> m_employees;
    std::size_t m_clients = 0;
    std::size_t m_employeeCount = 0;
    std::size_t m_transactions = 0;
    std::size_t m_relationships = 0;
};

// Collects (client, employee) pairs and sorts them into rows. Employee ids resolve
// through an index of the workspace's employees, skipping the lookup when a transaction
// names the same employee as the one before it.
class ServedBeforeBuilder {
public:
    explicit ServedBeforeBuilder(const Workspace& workspace);

    // Records that the transaction's employee, if it names a known one, served `client`.
    void addTransaction(int client, const Transaction& t) {
        if (client >= 0 && t.employee) add(client, employeeOf(*t.employee));
    }
    // Adds the served_before relationships. `findClient` maps a client id to its index, or
    // to -1 for a client outside the index.
    template <class Find>
    void addRelationships(Find&& findClient) {
        for (const Relationship& r : m_workspace.relationships) {
            if (r.kind != RelationshipKind::ServedBefore) continue;
            int client = findClient(std::string_view(r.client));
            if (client >= 0) add(client, employeeOf(r.employee));
        }
    }
    ServedBefore finish();

private:
    int employeeOf(const std::string& id);
    void add(int client, int employee) {
        if (employee >= 0) m_pairs.push_back({client, employee});
    }

    struct Pair {
        int client;
        int employee;
    };
    const Workspace& m_workspace;
    IdIndex m_employees;
    const std::string* m_lastEmployee = nullptr;
    int m_lastIndex = -1;
    std::vector<Pair> m_pairs;
};

// Builds the index for the clients listed in `clients` (workspace indices). Every other
// client gets an empty row.
ServedBefore buildServedBefore(const Workspace& workspace, const std::vector<int>& clients);

}  // namespace baton
