#include "core/served_before.h"

#include <algorithm>

namespace baton {

ServedRow ServedBefore::of(int client) const {
    std::size_t c = std::size_t(client);
    if (c + 1 >= m_start.size()) return {};
    const int* base = m_employees.data();
    return {base + m_start[c], base + m_start[c + 1]};
}

bool ServedBefore::contains(int client, int employee) const {
    ServedRow row = of(client);
    return std::binary_search(row.begin(), row.end(), employee);
}

bool ServedBefore::builtFrom(const Workspace& workspace) const {
    return m_clients == workspace.clients.size() && m_employeeCount == workspace.employees.size() &&
           m_transactions == workspace.transactions.size() &&
           m_relationships == workspace.relationships.size();
}

ServedBeforeBuilder::ServedBeforeBuilder(const Workspace& workspace)
    : m_workspace(workspace), m_employees(workspace.employees.size()) {
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        m_employees.add(workspace.employees[i].id, int(i));
    }
}

int ServedBeforeBuilder::employeeOf(const std::string& id) {
    if (m_lastEmployee == nullptr || *m_lastEmployee != id) {
        m_lastIndex = m_employees.find(id);
        m_lastEmployee = &id;
    }
    return m_lastIndex;
}

// A counting sort by client puts each row's employees together in one pass over the
// pairs. Each row is then sorted and cleared of repeats in place.
ServedBefore ServedBeforeBuilder::finish() {
    ServedBefore index;
    std::size_t clients = m_workspace.clients.size();
    index.m_clients = clients;
    index.m_employeeCount = m_workspace.employees.size();
    index.m_transactions = m_workspace.transactions.size();
    index.m_relationships = m_workspace.relationships.size();
    std::vector<int> start(clients + 1, 0);
    for (const Pair& p : m_pairs) start[std::size_t(p.client) + 1] += 1;
    for (std::size_t c = 0; c < clients; ++c) start[c + 1] += start[c];
    std::vector<int> employees(m_pairs.size());
    std::vector<int> next(start.begin(), start.end() - 1);
    for (const Pair& p : m_pairs)
        employees[std::size_t(next[std::size_t(p.client)]++)] = p.employee;
    m_pairs = {};
    index.m_start.assign(clients + 1, 0);
    int kept = 0;
    for (std::size_t c = 0; c < clients; ++c) {
        auto first = employees.begin() + start[c];
        auto last = employees.begin() + start[c + 1];
        std::sort(first, last);
        last = std::unique(first, last);
        // Rows are compacted in order, so a row never overwrites one not yet read.
        for (auto it = first; it != last; ++it) employees[std::size_t(kept++)] = *it;
        index.m_start[c + 1] = kept;
    }
    employees.resize(std::size_t(kept));
    employees.shrink_to_fit();
    index.m_employees = std::move(employees);
    return index;
}

ServedBefore buildServedBefore(const Workspace& workspace, const std::vector<int>& clients) {
    IdIndex clientIndex(clients.size());
    for (int j : clients) clientIndex.add(workspace.clients[std::size_t(j)].id, j);
    ServedBeforeBuilder builder(workspace);
    auto find = [&](std::string_view id) { return clientIndex.find(id); };
    builder.addRelationships(find);
    // Exports often list a client's transactions together, so a repeated id skips the
    // lookup. Client ids are unique in any workspace that passed import.
    const std::string* lastClient = nullptr;
    int client = -1;
    for (const Transaction& t : workspace.transactions) {
        if (!t.employee) continue;
        if (lastClient == nullptr || *lastClient != t.client) {
            client = clientIndex.find(t.client);
            lastClient = &t.client;
        }
        builder.addTransaction(client, t);
    }
    return builder.finish();
}

}  // namespace baton
