#include "core/verify_bound.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace baton::verify_detail {

namespace {

// Sums of prices times rooms reach about 10^19 at 100,000 clients, past 64 bits.
using Wide = __int128;

// Prices above these could overflow a pair's 64-bit net value.
constexpr std::int64_t kMaxScale = 1'000'000'000'000;
constexpr std::int64_t kMaxPrice = 1'000'000'000'000'000'000;
constexpr double kSlack = 1e-6;
constexpr std::int64_t kFitMicro = 1'000'000;  // a fit of 1 in millionths

struct Receiver {
    int employee = -1;  // workspace index
    std::int64_t price = 0;
    long long room = 0;                  // clients it may still take
    std::optional<double> workloadLeft;  // what max_workload leaves after the kept and pinned
    std::optional<double> valueLeft;     // what max_value_share leaves after the pinned
    int group = -1;
};

// Receivers with the same skills (and team, under the team boundary) meet the same needs and
// give a client the same fit, apart from continuity.
struct Group {
    int representative = -1;  // workspace index of one member
    std::set<std::string> skills;
    std::vector<int> members;  // receiver positions, cheapest first
};

// A pair that differs from its group: a served-before pair (continuity) or a blocked one (a
// conflict or personal relationship, or a forbid).
struct Special {
    int employee = -1;
    bool served = false;
    bool blocked = false;
};

class BoundBuilder {
public:
    BoundBuilder(const Workspace& ws, const Policy& policy, const Evaluation& ev, const Book& book,
                 const DualPrices& dual, const std::vector<int>& fixed)
        : m_ws(ws),
          m_policy(policy),
          m_ev(ev),
          m_book(book),
          m_dual(dual),
          m_rules(ws, policy, book),
          m_fixed(fixed) {}

    DualBound run();

private:
    void readReceiverPositions();
    void readReceivers();
    void readPrices();
    void readGroups();
    void readSpecials();
    // Per group: the fit without continuity in millionths, or -1 where the group may not
    // take the client (a need, a key account, the team boundary).
    const std::vector<std::int32_t>& groupFits(int j);
    bool fits(int j, const Receiver& r) const;
    std::int64_t net(std::int64_t fitMicro, const Receiver& r) const {
        return m_dual.placement + fitMicro * m_dual.scale - r.price;
    }
    // The client's dual value: its best net value over the allowed pairs, or 0.
    std::int64_t clientValue(int j);

    const Workspace& m_ws;
    const Policy& m_policy;
    const Evaluation& m_ev;
    const Book& m_book;
    const DualPrices& m_dual;
    PairRules m_rules;
    DualBound m_out;
    const std::vector<int>& m_fixed;
    std::vector<int> m_receiverOf;  // per employee: its receiver position, or -1
    std::vector<Receiver> m_receivers;
    std::vector<Group> m_groups;
    std::vector<std::vector<Special>> m_special;  // per client, by employee index
    std::map<std::string, std::vector<std::int32_t>> m_profileFits;
    std::int64_t m_continuityMicro = 0;
    std::int64_t m_lowestPrice = 0;
    double m_pinnedMicro = 0.0;
};

void BoundBuilder::readReceiverPositions() {
    m_receiverOf.assign(m_ws.employees.size(), -1);
    for (std::size_t r = 0; r < m_book.receivers.size(); ++r)
        m_receiverOf[std::size_t(m_book.receivers[r])] = int(r);
}

void BoundBuilder::readReceivers() {
    const ConstraintPolicy& limits = m_policy.constraints;
    std::size_t n = m_ws.employees.size();
    std::vector<long long> used(n, 0);
    std::vector<double> work(n, 0.0), value(n, 0.0);
    double released = 0.0;
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        const Client& c = m_ws.clients[j];
        if (m_book.released[j]) released += m_ev.clients[j].value;
        int e = m_book.released[j] ? m_fixed[j] : -1;
        if (!m_book.released[j] && c.owner) {
            auto owner = m_book.employeeIndex.find(*c.owner);
            if (owner != m_book.employeeIndex.end()) e = owner->second;
        }
        if (e < 0) {
            if (m_book.released[j] && m_fixed[j] == kFree) m_out.freeClients += 1;
            continue;
        }
        used[std::size_t(e)] += 1;
        work[std::size_t(e)] += workloadOf(c);
        if (m_book.released[j]) value[std::size_t(e)] += m_ev.clients[j].value;
    }
    for (int e : m_book.receivers) {
        const Employee& emp = m_ws.employees[std::size_t(e)];
        Receiver r;
        r.employee = e;
        long long maxClients = emp.maxClients ? *emp.maxClients : limits.defaultMaxClients;
        r.room = std::clamp(maxClients - used[std::size_t(e)], 0LL, (long long)m_out.freeClients);
        std::optional<double> maxWorkload =
            emp.maxWorkload ? emp.maxWorkload : limits.defaultMaxWorkload;
        if (maxWorkload) r.workloadLeft = std::max(0.0, *maxWorkload - work[std::size_t(e)]);
        if (limits.maxValueShare)
            r.valueLeft = *limits.maxValueShare * released - value[std::size_t(e)];
        m_receivers.push_back(r);
    }
}

void BoundBuilder::readPrices() {
    if (m_dual.scale < 1 || m_dual.scale > kMaxScale)
        m_out.problems.push_back("optimality dual scale " + std::to_string(m_dual.scale) +
                                 " is outside 1 to 10^12");
    if (m_dual.placement > kMaxPrice)
        m_out.problems.push_back("optimality dual placement is above 10^18");
    if (m_dual.placed > m_out.freeClients)
        m_out.problems.push_back("optimality dual placed " + std::to_string(m_dual.placed) +
                                 " is more than the " + std::to_string(m_out.freeClients) +
                                 " released clients without a pin");
    for (const auto& [id, price] : m_dual.prices) {
        auto e = m_book.employeeIndex.find(id);
        int r = e == m_book.employeeIndex.end() ? -1 : m_receiverOf[std::size_t(e->second)];
        if (r < 0) {
            m_out.problems.push_back("optimality dual prices: " + id +
                                     " is not an employee who can receive clients");
        } else if (price > kMaxPrice) {
            m_out.problems.push_back("optimality dual prices: " + id + " is above 10^18");
        } else {
            m_receivers[std::size_t(r)].price = price;
        }
    }
    bool first = true;
    for (const Receiver& r : m_receivers) {
        if (r.room <= 0) continue;
        m_lowestPrice = first ? r.price : std::min(m_lowestPrice, r.price);
        first = false;
    }
}

void BoundBuilder::readGroups() {
    std::map<std::string, int> index;
    for (std::size_t r = 0; r < m_receivers.size(); ++r) {
        if (m_receivers[r].room <= 0) continue;
        const Employee& emp = m_ws.employees[std::size_t(m_receivers[r].employee)];
        std::set<std::string> skills(emp.skills.begin(), emp.skills.end());
        std::string key;
        for (const std::string& s : skills) key += s + '\x1f';
        if (m_policy.constraints.teamBoundary) key += '\x1e' + emp.team;
        auto [it, added] = index.emplace(key, int(m_groups.size()));
        if (added) m_groups.push_back({m_receivers[r].employee, std::move(skills), {}});
        m_groups[std::size_t(it->second)].members.push_back(int(r));
        m_receivers[r].group = it->second;
    }
    for (Group& g : m_groups) {
        std::sort(g.members.begin(), g.members.end(), [&](int a, int b) {
            std::int64_t pa = m_receivers[std::size_t(a)].price;
            std::int64_t pb = m_receivers[std::size_t(b)].price;
            return pa != pb ? pa < pb : a < b;
        });
    }
    Client any;
    m_continuityMicro =
        std::int64_t(std::llround(fitTermsWith(any, {}, true, m_policy.fit)[4] * 1e6));
}

void BoundBuilder::readSpecials() {
    m_special.assign(m_ws.clients.size(), {});
    std::unordered_map<std::string, int> clientOf, employeeOf;
    for (const auto& [id, j] : m_book.clientIndex) clientOf.emplace(id, j);
    for (const auto& [id, e] : m_book.employeeIndex) employeeOf.emplace(id, e);
    auto mark = [&](const std::string& client, const std::string& employee, bool served) {
        auto c = clientOf.find(client);
        auto e = employeeOf.find(employee);
        if (c == clientOf.end() || e == employeeOf.end()) return;
        if (!m_book.released[std::size_t(c->second)] || m_fixed[std::size_t(c->second)] != kFree)
            return;
        std::vector<Special>& list = m_special[std::size_t(c->second)];
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Special& s) { return s.employee == e->second; });
        if (it == list.end()) it = list.insert(list.end(), Special{e->second, false, false});
        (served ? it->served : it->blocked) = true;
    };
    for (const Relationship& r : m_ws.relationships)
        mark(r.client, r.employee, r.kind == RelationshipKind::ServedBefore);
    for (const Transaction& t : m_ws.transactions) {
        if (t.employee) mark(t.client, *t.employee, true);
    }
    for (const PairOverride& f : m_policy.forbids) mark(f.client, f.employee, false);
}

const std::vector<std::int32_t>& BoundBuilder::groupFits(int j) {
    const Client& c = m_ws.clients[std::size_t(j)];
    std::string key;
    for (const std::string& p : std::set<std::string>(c.prefers.begin(), c.prefers.end()))
        key += p + '\x1f';
    key += '\x1e' + c.industry + '\x1e' + c.region + '\x1e' + c.language + '\x1e';
    for (const std::string& need : c.needs) key += need + '\x1f';
    key += c.keyAccount ? "\x1ek" : "\x1e-";
    if (m_policy.constraints.teamBoundary && c.owner) key += '\x1e' + *c.owner;
    auto [it, added] = m_profileFits.emplace(key, std::vector<std::int32_t>());
    if (!added) return it->second;
    for (const Group& g : m_groups) {
        std::int32_t micro = -1;
        if (m_rules.meetsNeeds(j, g.representative) && !m_rules.outsideTeam(j, g.representative)) {
            micro = 0;
            for (double term : fitTermsWith(c, g.skills, false, m_policy.fit))
                micro += std::int32_t(std::lround(term * 1e6));
        }
        it->second.push_back(micro);
    }
    return it->second;
}

bool BoundBuilder::fits(int j, const Receiver& r) const {
    if (r.room <= 0) return false;
    if (r.workloadLeft && workloadOf(m_ws.clients[std::size_t(j)]) > *r.workloadLeft + kSlack)
        return false;
    return !r.valueLeft || m_ev.clients[std::size_t(j)].value <= *r.valueLeft + kSlack;
}

std::int64_t BoundBuilder::clientValue(int j) {
    const std::vector<std::int32_t>& fit = groupFits(j);
    const std::vector<Special>& special = m_special[std::size_t(j)];
    auto isSpecial = [&](int e) {
        return std::any_of(special.begin(), special.end(),
                           [e](const Special& s) { return s.employee == e; });
    };
    std::int64_t best = 0;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (fit[g] < 0) continue;
        std::int64_t micro = std::min<std::int64_t>(fit[g], kFitMicro);
        if (m_dual.placement + micro * m_dual.scale - m_lowestPrice <= best) continue;
        // The cheapest member that may take the client alone gives the group's best net value.
        for (int r : m_groups[g].members) {
            const Receiver& rec = m_receivers[std::size_t(r)];
            if (isSpecial(rec.employee) || !fits(j, rec)) continue;
            best = std::max(best, net(micro, rec));
            break;
        }
    }
    for (const Special& s : special) {
        int r = m_receiverOf[std::size_t(s.employee)];
        if (s.blocked || r < 0) continue;
        const Receiver& rec = m_receivers[std::size_t(r)];
        if (rec.group < 0 || fit[std::size_t(rec.group)] < 0 || !fits(j, rec)) continue;
        std::int64_t micro = fit[std::size_t(rec.group)] + (s.served ? m_continuityMicro : 0);
        best = std::max(best, net(std::min(micro, kFitMicro), rec));
    }
    return best;
}

DualBound BoundBuilder::run() {
    readReceiverPositions();
    readReceivers();
    readPrices();
    if (!m_out.problems.empty()) return m_out;
    readGroups();
    readSpecials();
    std::optional<ServedPairs> served;
    Wide total = 0;
    for (const Receiver& r : m_receivers) total += Wide(r.room) * Wide(r.price);
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        if (!m_book.released[j]) continue;
        if (m_fixed[j] >= 0) {
            if (!served) served = servedPairs(m_ws);
            m_pinnedMicro += std::round(fitOf(m_ws, m_policy, *served, int(j), m_fixed[j]) * 1e6);
        } else if (m_fixed[j] == kFree) {
            total += clientValue(int(j));
        }
    }
    total -= Wide(m_dual.placement) * Wide(m_dual.placed);
    // Fits are whole millionths, so the bound rounds down to one.
    Wide free = total / m_dual.scale;
    if (free * m_dual.scale > total) free -= 1;
    m_out.fit = (m_pinnedMicro + double(free)) / 1e6;
    return m_out;
}

}  // namespace

DualBound dualBound(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                    const Book& book, const DualPrices& dual, const std::vector<int>& fixed) {
    return BoundBuilder(ws, policy, ev, book, dual, fixed).run();
}

void checkDualBound(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                    const Book& book, const std::vector<int>& fixed, const ClaimedFit& claim,
                    std::vector<std::string>& breaches) {
    const Optimality& o = claim.optimality;
    if (!o.dual) {
        breaches.push_back(
            "optimality has no dual prices (optimality/dual), so its upper_bound cannot be "
            "rechecked; allocate again with this version of baton");
        return;
    }
    DualBound b = dualBound(ws, policy, ev, book, *o.dual, fixed);
    for (std::string& problem : b.problems) breaches.push_back(std::move(problem));
    if (!b.problems.empty()) return;
    // Rounding to 6 decimals and the solver's integer division allow 2 millionths.
    const double slack = 2e-6 + 1e-12 * std::fabs(b.fit);
    if (o.upperBound + slack < b.fit) {
        breaches.push_back("optimality upper_bound " + number(o.upperBound) +
                           " is below the dual bound " + distinctNumber(b.fit, o.upperBound) +
                           " recomputed from its prices; the fit is not shown to be within it");
    }
    if (o.status != "optimal") return;
    if (claim.placedFree != o.dual->placed) {
        breaches.push_back("optimality status \"optimal\" for " + std::to_string(o.dual->placed) +
                           " placed clients (optimality/dual/placed), but the result places " +
                           std::to_string(claim.placedFree) + " released clients without a pin");
    }
    if (claim.totalFit + slack < b.fit) {
        breaches.push_back("optimality status \"optimal\" with total_fit " +
                           number(claim.totalFit) + " below the dual bound " +
                           distinctNumber(b.fit, claim.totalFit) +
                           " recomputed from its prices; the fit is not shown to be optimal");
    }
}

}  // namespace baton::verify_detail
