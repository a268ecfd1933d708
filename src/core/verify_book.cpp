#include "core/verify_book.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace baton::verify_detail {

namespace {

std::string numberWith(double x, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*g", digits, x);
    return text;
}

}  // namespace

std::string number(double x) {
    return numberWith(x, 6);
}

std::string distinctNumber(double x, double other) {
    int digits = 6;
    while (digits < 17 && x != other && numberWith(x, digits) == numberWith(other, digits))
        ++digits;
    return numberWith(x, digits);
}

std::string reportedAgainst(double reported, double recomputed) {
    return "reported " + distinctNumber(reported, recomputed) + ", recomputed " +
           distinctNumber(recomputed, reported);
}

std::string unknownCode(const std::string& field, const std::string& code, const char* kind,
                        const std::string& allowed) {
    std::string out = field;
    if (code.empty()) {
        out += " is missing";
    } else {
        out += " \"";
        out += code;
        out += "\" is not ";
        out += kind;
    }
    out += "; use one of ";
    out += allowed;
    return out;
}

namespace {

bool leaves(EmployeeStatus s) {
    return s == EmployeeStatus::Leaving || s == EmployeeStatus::Departed;
}

}  // namespace

Book readBook(const Workspace& ws, const Policy& policy) {
    Book b;
    for (std::size_t i = 0; i < ws.employees.size(); ++i)
        b.employeeIndex.emplace(ws.employees[i].id, int(i));
    for (std::size_t j = 0; j < ws.clients.size(); ++j)
        b.clientIndex.emplace(ws.clients[j].id, int(j));
    for (const Client& c : ws.clients) {
        auto owner = c.owner ? b.employeeIndex.find(*c.owner) : b.employeeIndex.end();
        bool gone = owner == b.employeeIndex.end() ||
                    leaves(ws.employees[std::size_t(owner->second)].status);
        bool all = policy.scope == Scope::All && !c.keyAccount;
        b.released.push_back(gone || all ? 1 : 0);
    }
    for (const auto& [id, i] : b.employeeIndex) {
        const Employee& e = ws.employees[std::size_t(i)];
        if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person)
            b.receivers.push_back(i);
    }
    return b;
}

PairRules::PairRules(const Workspace& ws, const Policy& policy, const Book& book)
    : m_ws(ws), m_policy(policy), m_book(book) {
    for (const Employee& e : ws.employees) m_skills.emplace_back(e.skills.begin(), e.skills.end());
    for (const Relationship& r : ws.relationships) {
        if (r.kind != RelationshipKind::ServedBefore) m_related.insert({r.client, r.employee});
    }
    for (const PairOverride& f : policy.forbids) m_forbidden.insert({f.client, f.employee});
}

bool PairRules::meetsNeeds(int j, int e) const {
    const Client& c = m_ws.clients[std::size_t(j)];
    const std::set<std::string>& has = m_skills[std::size_t(e)];
    for (const std::string& need : c.needs) {
        if (!has.count(need)) return false;
    }
    return !c.keyAccount || has.count("team:key_accounts") > 0;
}

bool PairRules::related(int j, int e) const {
    return m_related.count({m_ws.clients[std::size_t(j)].id, m_ws.employees[std::size_t(e)].id}) >
           0;
}

bool PairRules::forbidden(int j, int e) const {
    return m_forbidden.count({m_ws.clients[std::size_t(j)].id, m_ws.employees[std::size_t(e)].id}) >
           0;
}

bool PairRules::outsideTeam(int j, int e) const {
    const std::optional<std::string>& owner = m_ws.clients[std::size_t(j)].owner;
    if (!m_policy.constraints.teamBoundary || !owner) return false;
    auto o = m_book.employeeIndex.find(*owner);
    if (o == m_book.employeeIndex.end()) return false;
    return m_ws.employees[std::size_t(o->second)].team != m_ws.employees[std::size_t(e)].team;
}

double workloadOf(const Client& c) {
    return c.workload ? std::max(0.0, *c.workload) : 0.0;
}

namespace {

// The released clients of one pool (workspace indices) and the team they stay in. The pool
// with `anyTeam` set is the one every receiver may take from.
struct Pool {
    bool anyTeam = true;
    std::string team;
    std::vector<int> clients;
};

class ShareBuilder {
public:
    ShareBuilder(const Workspace& ws, const Policy& policy, const Evaluation& ev, const Book& book,
                 const std::vector<double>& weights)
        : m_ws(ws),
          m_policy(policy),
          m_ev(ev),
          m_book(book),
          m_w(weights),
          m_rules(ws, policy, book) {}

    Shares build();

private:
    void readBooks();
    bool mayTake(std::size_t i, const Pool& pool) const;
    void addPool(const Pool& pool, const std::vector<char>& member, Shares& s);

    const Workspace& m_ws;
    const Policy& m_policy;
    const Evaluation& m_ev;
    const Book& m_book;
    const std::vector<double>& m_w;
    PairRules m_rules;
    std::vector<Pool> m_pools;
    std::vector<int> m_kept;          // per employee index: clients kept
    std::vector<double> m_keptWork;   // per employee index: workload kept
    std::vector<double> m_keptValue;  // per employee index: value kept
    std::map<std::string, double> m_keptByTeam;
    double m_keptAll = 0.0;
    double m_releasedValue = 0.0;
};

void ShareBuilder::readBooks() {
    std::size_t n = m_ws.employees.size();
    m_kept.assign(n, 0);
    m_keptWork.assign(n, 0.0);
    m_keptValue.assign(n, 0.0);
    m_pools.assign(1, Pool{});
    std::map<std::string, std::size_t> byTeam;
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        const Client& c = m_ws.clients[j];
        auto owner = c.owner ? m_book.employeeIndex.find(*c.owner) : m_book.employeeIndex.end();
        bool known = owner != m_book.employeeIndex.end();
        if (m_book.released[j]) {
            m_releasedValue += m_ev.clients[j].value;
            if (!m_policy.constraints.teamBoundary || !known) {
                m_pools[0].clients.push_back(int(j));
                continue;
            }
            const std::string& team = m_ws.employees[std::size_t(owner->second)].team;
            auto [it, added] = byTeam.emplace(team, m_pools.size());
            if (added) m_pools.push_back(Pool{false, team, {}});
            m_pools[it->second].clients.push_back(int(j));
            continue;
        }
        if (!known) continue;
        std::size_t e = std::size_t(owner->second);
        m_kept[e] += 1;
        m_keptWork[e] += workloadOf(c);
        m_keptValue[e] += m_ev.clients[j].value;
        m_keptByTeam[m_ws.employees[e].team] += m_ev.clients[j].value;
        m_keptAll += m_ev.clients[j].value;
    }
}

bool ShareBuilder::mayTake(std::size_t i, const Pool& pool) const {
    int e = m_book.receivers[i];
    const Employee& emp = m_ws.employees[std::size_t(e)];
    const ConstraintPolicy& limits = m_policy.constraints;
    if (!pool.anyTeam && emp.team != pool.team) return false;
    int maxClients = emp.maxClients ? *emp.maxClients : limits.defaultMaxClients;
    if (m_kept[std::size_t(e)] >= maxClients) return false;
    std::optional<double> maxWorkload =
        emp.maxWorkload ? emp.maxWorkload : limits.defaultMaxWorkload;
    // What max_workload leaves; an employee already over it has 0 left.
    std::optional<double> left;
    if (maxWorkload) left = std::max(0.0, *maxWorkload - m_keptWork[std::size_t(e)]);
    std::optional<double> cap;
    if (limits.maxValueShare) cap = *limits.maxValueShare * m_releasedValue;
    for (int j : pool.clients) {
        if (left && workloadOf(m_ws.clients[std::size_t(j)]) > *left + 1e-6) continue;
        if (cap && m_ev.clients[std::size_t(j)].value > *cap + 1e-6) continue;
        if (m_rules.allowed(j, e)) return true;
    }
    return false;
}

void ShareBuilder::addPool(const Pool& pool, const std::vector<char>& member, Shares& s) {
    double poolW = 0.0, poolV = 0.0, poolD = 0.0;
    for (std::size_t i = 0; i < member.size(); ++i) poolW += member[i] ? m_w[i] : 0.0;
    for (int j : pool.clients) {
        poolV += m_ev.clients[std::size_t(j)].value;
        poolD += m_ev.clients[std::size_t(j)].difficulty;
    }
    if (poolW <= 0.0) return;
    std::vector<double> part(member.size(), 0.0);
    for (std::size_t i = 0; i < member.size(); ++i) {
        if (!member[i]) continue;
        part[i] = m_w[i] / poolW;
        s.difficulty[i] += part[i] * poolD;
    }
    if (m_policy.entitlement.bookTopUp) {
        double books = pool.anyTeam ? m_keptAll : m_keptByTeam[pool.team];
        std::vector<double> raw(member.size(), 0.0);
        double sumRaw = 0.0;
        for (std::size_t i = 0; i < member.size(); ++i) {
            if (!member[i]) continue;
            double own = m_keptValue[std::size_t(m_book.receivers[i])];
            raw[i] = std::max(0.0, part[i] * (poolV + books) - own);
            sumRaw += raw[i];
        }
        if (sumRaw > 0.0) {
            for (std::size_t i = 0; i < member.size(); ++i) part[i] = raw[i] / sumRaw;
        }
    }
    for (std::size_t i = 0; i < member.size(); ++i) s.targets[i] += part[i] * poolV;
}

Shares ShareBuilder::build() {
    readBooks();
    std::size_t m = m_book.receivers.size();
    Shares s;
    s.takesShare.assign(m, 0);
    s.entitlements.assign(m, 0.0);
    s.targets.assign(m, 0.0);
    s.difficulty.assign(m, 0.0);
    std::vector<std::vector<char>> member(m_pools.size(), std::vector<char>(m, 0));
    for (std::size_t p = 0; p < m_pools.size(); ++p) {
        for (std::size_t i = 0; i < m; ++i) {
            member[p][i] = mayTake(i, m_pools[p]) ? 1 : 0;
            s.takesShare[i] = s.takesShare[i] || member[p][i];
        }
    }
    double sumW = 0.0;
    for (std::size_t i = 0; i < m; ++i) sumW += s.takesShare[i] ? m_w[i] : 0.0;
    for (std::size_t i = 0; i < m; ++i) s.entitlements[i] = s.takesShare[i] ? m_w[i] / sumW : 0.0;
    for (std::size_t p = 0; p < m_pools.size(); ++p) addPool(m_pools[p], member[p], s);
    return s;
}

}  // namespace

Shares computeShares(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                     const Book& book, const std::vector<double>& weights) {
    return ShareBuilder(ws, policy, ev, book, weights).build();
}

ServedPairs servedPairs(const Workspace& ws) {
    ServedPairs served;
    for (const Relationship& r : ws.relationships) {
        if (r.kind == RelationshipKind::ServedBefore) served.insert({r.client, r.employee});
    }
    for (const Transaction& t : ws.transactions) {
        if (t.employee) served.insert({t.client, *t.employee});
    }
    return served;
}

std::array<double, 5> fitTermsWith(const Client& c, const std::set<std::string>& skills,
                                   bool served, const FitPolicy& w) {
    auto has = [&](const std::string& tag) { return skills.count(tag) > 0; };
    double total = std::max(0.0, w.prefers) + std::max(0.0, w.industry) + std::max(0.0, w.region) +
                   std::max(0.0, w.language) + std::max(0.0, w.continuity);
    std::array<double, 5> micro = {0.0, 0.0, 0.0, 0.0, 0.0};
    if (total <= 0.0) return micro;
    auto part = [&](double weight, double share) {
        return std::round(std::max(0.0, weight) / total * share * 1e6);
    };
    std::set<std::string> prefers(c.prefers.begin(), c.prefers.end());
    double met = 0;
    for (const std::string& p : prefers) met += has(p) ? 1 : 0;
    micro[0] = prefers.empty() ? 0.0 : part(w.prefers, met / double(prefers.size()));
    micro[1] = !c.industry.empty() && has("industry:" + c.industry) ? part(w.industry, 1) : 0;
    micro[2] = !c.region.empty() && has("region:" + c.region) ? part(w.region, 1) : 0;
    micro[3] = !c.language.empty() && has("lang:" + c.language) ? part(w.language, 1) : 0;
    micro[4] = served ? part(w.continuity, 1) : 0;
    for (double& term : micro) term /= 1e6;
    return micro;
}

std::array<double, 5> fitTermsOf(const Workspace& ws, const Policy& policy,
                                 const ServedPairs& servedSet, int client, int employee) {
    const Client& c = ws.clients[std::size_t(client)];
    const Employee& e = ws.employees[std::size_t(employee)];
    std::set<std::string> skills(e.skills.begin(), e.skills.end());
    return fitTermsWith(c, skills, servedSet.count({c.id, e.id}) > 0, policy.fit);
}

double fitOf(const Workspace& ws, const Policy& policy, const ServedPairs& servedSet, int client,
             int employee) {
    double micro = 0.0;
    for (double term : fitTermsOf(ws, policy, servedSet, client, employee))
        micro += std::round(term * 1e6);
    return std::min(micro, 1e6) / 1e6;
}

}  // namespace baton::verify_detail
