#include "core/eligibility.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/allocation.h"
#include "core/id_index.h"

namespace baton {

namespace {

// The index of the client's owner, or -1 for a null owner or an unknown id.
std::vector<int> ownerIndices(const Workspace& workspace) {
    IdIndex index(workspace.employees.size());
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        index.add(workspace.employees[i].id, int(i));
    }
    std::vector<int> owners(workspace.clients.size(), -1);
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        const auto& owner = workspace.clients[j].owner;
        if (owner) owners[j] = index.find(*owner);
    }
    return owners;
}

// Exports usually list clients in id order already, so a check in one pass often spares
// the sort.
std::vector<int> sortedById(const Workspace& workspace, std::vector<int> clients) {
    auto before = [&](int a, int b) {
        int order =
            workspace.clients[std::size_t(a)].id.compare(workspace.clients[std::size_t(b)].id);
        return order != 0 ? order < 0 : a < b;
    };
    if (!std::is_sorted(clients.begin(), clients.end(), before))
        std::sort(clients.begin(), clients.end(), before);
    return clients;
}

std::vector<int> releasedFrom(const Workspace& workspace, const Policy& policy,
                              const std::vector<int>& owners) {
    std::vector<int> released;
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        int owner = owners[j];
        bool ownerGone = owner < 0 || isLeaver(workspace.employees[std::size_t(owner)].status);
        bool release = ownerGone;
        if (policy.scope == Scope::All) release = ownerGone || !workspace.clients[j].keyAccount;
        if (release) released.push_back(int(j));
    }
    return sortedById(workspace, std::move(released));
}

}  // namespace

std::vector<int> releasedClients(const Workspace& workspace, const Policy& policy) {
    return releasedFrom(workspace, policy, ownerIndices(workspace));
}

EligibilityModel::EligibilityModel(const Workspace& workspace, const Policy& policy,
                                   const FitModel& fit)
    : m_workspace(workspace), m_policy(policy), m_fit(fit) {
    std::size_t n = workspace.clients.size();
    std::size_t m = workspace.employees.size();
    m_previousOwner = ownerIndices(workspace);
    m_released = releasedFrom(workspace, policy, m_previousOwner);
    m_releasedFlag.assign(n, 0);
    for (int j : m_released) m_releasedFlag[std::size_t(j)] = 1;

    m_kept.assign(m, 0);
    m_keptWorkload.assign(m, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        int owner = m_previousOwner[j];
        if (owner < 0 || m_releasedFlag[j]) continue;
        m_kept[std::size_t(owner)] += 1;
        m_keptWorkload[std::size_t(owner)] += workloadOf(int(j));
    }

    m_isReceiver.assign(m, 0);
    for (std::size_t i = 0; i < m; ++i) {
        const Employee& e = workspace.employees[i];
        if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person) {
            m_receivers.push_back(int(i));
            m_isReceiver[i] = 1;
        }
    }
    std::sort(m_receivers.begin(), m_receivers.end(), [&](int a, int b) {
        const std::string& x = workspace.employees[std::size_t(a)].id;
        const std::string& y = workspace.employees[std::size_t(b)].id;
        return x != y ? x < y : a < b;
    });

    groupReceivers();
    readBlockedPairs();
    m_keyAccountTag = fit.tagId("team:key_accounts");
}

// Groups the receivers by skills (and team, under the team boundary): members of a group meet
// the same needs and fit a client alike, apart from continuity.
void EligibilityModel::groupReceivers() {
    std::map<std::pair<TagBits, std::string>, int> groupIndex;
    m_groupOf.assign(m_workspace.employees.size(), -1);
    for (int i : m_receivers) {
        std::string team =
            m_policy.constraints.teamBoundary ? m_workspace.employees[std::size_t(i)].team : "";
        auto key = std::make_pair(m_fit.skills(i), team);
        auto it = groupIndex.find(key);
        if (it == groupIndex.end()) {
            it = groupIndex.emplace(key, int(m_groups.size())).first;
            m_groups.push_back(ReceiverGroup{m_fit.skills(i), team, {}});
        }
        m_groups[std::size_t(it->second)].employees.push_back(i);
        m_groupOf[std::size_t(i)] = it->second;
    }
}

// Reads the conflict and personal relationships and the forbids as sorted pair keys.
void EligibilityModel::readBlockedPairs() {
    std::size_t n = m_workspace.clients.size();
    std::size_t m = m_workspace.employees.size();
    IdIndex clientIndex(n);
    IdIndex employeeIndex(m);
    for (std::size_t j = 0; j < n; ++j) clientIndex.add(m_workspace.clients[j].id, int(j));
    for (std::size_t i = 0; i < m; ++i) employeeIndex.add(m_workspace.employees[i].id, int(i));
    auto addPair = [&](std::vector<std::uint64_t>& set, const std::string& c,
                       const std::string& e) {
        int ci = clientIndex.find(c);
        int ei = employeeIndex.find(e);
        if (ci >= 0 && ei >= 0) set.push_back(pairKey(ci, ei));
    };
    for (const Relationship& r : m_workspace.relationships) {
        if (r.kind != RelationshipKind::ServedBefore) addPair(m_blocked, r.client, r.employee);
    }
    for (const PairOverride& f : m_policy.forbids) addPair(m_forbidden, f.client, f.employee);
    for (auto* set : {&m_blocked, &m_forbidden}) {
        std::sort(set->begin(), set->end());
        set->erase(std::unique(set->begin(), set->end()), set->end());
    }
}

int EligibilityModel::maxClients(int employee) const {
    const auto& own = m_workspace.employees[std::size_t(employee)].maxClients;
    return own ? *own : m_policy.constraints.defaultMaxClients;
}

std::optional<double> EligibilityModel::maxWorkload(int employee) const {
    const auto& own = m_workspace.employees[std::size_t(employee)].maxWorkload;
    return own ? own : m_policy.constraints.defaultMaxWorkload;
}

int EligibilityModel::clientRoom(int employee) const {
    return std::max(0, maxClients(employee) - keptClients(employee));
}

std::optional<double> EligibilityModel::workloadRoom(int employee) const {
    std::optional<double> cap = maxWorkload(employee);
    if (!cap) return std::nullopt;
    return std::max(0.0, *cap - keptWorkload(employee));
}

double EligibilityModel::workloadOf(int client) const {
    const auto& w = m_workspace.clients[std::size_t(client)].workload;
    return w ? std::max(0.0, *w) : 0.0;
}

bool EligibilityModel::groupAdmits(int client, const ReceiverGroup& group) const {
    if (!m_fit.meetsNeeds(client, group.skills)) return false;
    const Client& c = m_workspace.clients[std::size_t(client)];
    if (c.keyAccount && !m_fit.hasTag(group.skills, m_keyAccountTag)) return false;
    if (m_policy.constraints.teamBoundary) {
        int owner = previousOwner(client);
        if (owner >= 0 && m_workspace.employees[std::size_t(owner)].team != group.team)
            return false;
    }
    return true;
}

bool EligibilityModel::pairBlocked(int client, int employee) const {
    std::uint64_t key = pairKey(client, employee);
    return std::binary_search(m_blocked.begin(), m_blocked.end(), key) ||
           std::binary_search(m_forbidden.begin(), m_forbidden.end(), key);
}

std::string EligibilityModel::pairReason(int client, int employee) const {
    if (!isReceiver(employee)) return "ineligible_status";
    const Client& c = m_workspace.clients[std::size_t(client)];
    const TagBits& skills = m_fit.skills(employee);
    if (!m_fit.meetsNeeds(client, skills)) return "ineligible_need";
    if (c.keyAccount && !m_fit.hasTag(skills, m_keyAccountTag)) return "ineligible_need";
    std::uint64_t key = pairKey(client, employee);
    if (std::binary_search(m_blocked.begin(), m_blocked.end(), key)) return "conflict";
    if (std::binary_search(m_forbidden.begin(), m_forbidden.end(), key)) return "forbidden";
    if (m_policy.constraints.teamBoundary) {
        int owner = previousOwner(client);
        const std::string& team = m_workspace.employees[std::size_t(employee)].team;
        if (owner >= 0 && m_workspace.employees[std::size_t(owner)].team != team) {
            return "team_boundary";
        }
    }
    return "";
}

}  // namespace baton
