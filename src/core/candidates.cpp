#include "core/candidates.h"

#include <algorithm>
#include <map>

namespace baton {

namespace {

bool better(const std::pair<std::int64_t, std::uint64_t>& a,
            const std::pair<std::int64_t, std::uint64_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
}

// Returns each receiver's room in clients, or 0 where its workload room is below the
// lightest released client's workload. No client is open to such a receiver. Its slots, never
// bid on, would keep a price of 0, which defeats the dense check's early exit for every client.
std::vector<int> slotsOf(const AllocationContext& c) {
    std::vector<int> slots = c.room;
    if (c.releasedCount() == 0) return slots;
    double lightest = c.workloadOf(0);
    for (int pos = 1; pos < c.releasedCount(); ++pos)
        lightest = std::min(lightest, c.workloadOf(pos));
    for (int r = 0; r < c.receiverCount(); ++r) {
        const auto& room = c.workloadRoom[std::size_t(r)];
        if (room && lightest > *room + kTolerance) slots[std::size_t(r)] = 0;
    }
    return slots;
}

}  // namespace

CandidateBuilder::CandidateBuilder(const AllocationContext& context, int perClient)
    : m_context(context), m_perClient(perClient), m_capacity(slotsOf(context)) {
    const auto& groups = context.eligibility.groups();
    m_members.assign(groups.size(), {});
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (int e : groups[g].employees) {
            int r = context.receiverPos[std::size_t(e)];
            if (r >= 0 && m_capacity[std::size_t(r)] > 0) m_members[g].push_back(r);
        }
    }
    std::map<std::vector<int>, int> profileIndex;
    m_profileOf.assign(context.released.size(), -1);
    for (int pos = 0; pos < context.releasedCount(); ++pos) {
        int j = context.released[std::size_t(pos)];
        std::vector<int> key = context.fit.profileKey(j);
        key.push_back(context.workspace.clients[std::size_t(j)].keyAccount ? 1 : 0);
        if (context.policy.constraints.teamBoundary)
            key.push_back(context.eligibility.previousOwner(j));
        auto it = profileIndex.find(key);
        if (it == profileIndex.end()) {
            it = profileIndex.emplace(std::move(key), int(m_profiles.size())).first;
            m_profiles.emplace_back(rankGroups(pos));
        }
        m_profileOf[std::size_t(pos)] = it->second;
    }
}

bool CandidateBuilder::open(int pos, int receiver) const {
    const AllocationContext& c = m_context;
    if (c.room[std::size_t(receiver)] <= 0) return false;
    const auto& wl = c.workloadRoom[std::size_t(receiver)];
    if (wl && c.workloadOf(pos) > *wl + kTolerance) return false;
    if (c.valueCap && c.valueOf(pos) > *c.valueCap + kTolerance) return false;
    return !c.eligibility.pairBlocked(c.released[std::size_t(pos)],
                                      c.receivers[std::size_t(receiver)]);
}

bool CandidateBuilder::isContinuity(int pos, int receiver) const {
    return m_context.fit.servedBefore(m_context.released[std::size_t(pos)],
                                      m_context.receivers[std::size_t(receiver)]);
}

std::vector<CandidateBuilder::GroupFit> CandidateBuilder::rankGroups(int pos) const {
    const AllocationContext& c = m_context;
    int j = c.released[std::size_t(pos)];
    const auto& groups = c.eligibility.groups();
    std::vector<GroupFit> out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (m_members[g].empty() || !c.eligibility.groupAdmits(j, groups[g])) continue;
        // Ties between groups go by the lottery of the first client with this profile.
        std::uint64_t draw = c.lottery(pos, -1 - int(g));
        out.push_back({int(g), c.fit.micro(j, groups[g].skills, false), draw});
    }
    return out;
}

CandidateBuilder::RankedGroups::RankedGroups(std::vector<GroupFit> groups)
    : m_groups(std::move(groups)) {}

// Returns the i-th best group, first sorting a longer prefix when i lies beyond the sorted
// one. The prefix at least doubles, so a walk over all n groups costs O(n log n) in all.
const CandidateBuilder::GroupFit& CandidateBuilder::RankedGroups::at(std::size_t i) {
    if (i >= m_sorted) {
        std::size_t next =
            std::min(m_groups.size(), std::max({i + 1, 2 * m_sorted, std::size_t(16)}));
        auto rank = [](const GroupFit& a, const GroupFit& b) {
            if (a.fit != b.fit) return a.fit > b.fit;
            return a.lottery != b.lottery ? a.lottery < b.lottery : a.group < b.group;
        };
        auto first = m_groups.begin() + std::ptrdiff_t(m_sorted);
        std::partial_sort(first, m_groups.begin() + std::ptrdiff_t(next), m_groups.end(), rank);
        m_sorted = next;
    }
    return m_groups[i];
}

CandidateGraph CandidateBuilder::build() const {
    const AllocationContext& c = m_context;
    CandidateGraph graph;
    graph.capacity = m_capacity;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int pin = c.pinned[std::size_t(pos)];
        if (pin >= 0) graph.capacity[std::size_t(pin)] -= 1;
        if (pin >= 0 || !c.pinConflict[std::size_t(pos)].empty()) continue;
        graph.clients.push_back(pos);
    }
    graph.arcs.resize(graph.clients.size());
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        int pos = graph.clients[s];
        int j = c.released[std::size_t(pos)];
        std::vector<std::pair<std::pair<std::int64_t, std::uint64_t>, int>> chosen;
        for (int e : c.fit.continuityOf(j)) {
            int r = c.receiverPos[std::size_t(e)];
            if (r < 0 || !open(pos, r)) continue;
            const auto& group = c.eligibility.groups()[std::size_t(c.eligibility.groupOf(e))];
            if (!c.eligibility.groupAdmits(j, group)) continue;
            chosen.push_back({{c.fit.micro(j, group.skills, true), c.lottery(pos, r)}, r});
        }
        RankedGroups& groups = admittedGroups(pos);
        std::size_t limit = chosen.size() + std::size_t(m_perClient);
        std::int64_t omitted = -1;
        for (std::size_t gi = 0; gi < groups.size() && omitted < 0; ++gi) {
            const GroupFit& group = groups.at(gi);
            const std::vector<int>& members = m_members[std::size_t(group.group)];
            // The draw differs per client, so that tied members share the load.
            std::size_t start = std::size_t(c.lottery(pos, -1 - group.group) % members.size());
            for (std::size_t t = 0; t < members.size(); ++t) {
                int r = members[(start + t) % members.size()];
                if (isContinuity(pos, r) || !open(pos, r)) continue;
                if (chosen.size() >= limit) {
                    omitted = group.fit;
                    break;
                }
                chosen.push_back({{group.fit, c.lottery(pos, r)}, r});
            }
        }
        graph.omittedFit.push_back(omitted);
        std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? better(a.first, b.first) : a.second < b.second;
        });
        for (const auto& [key, r] : chosen) graph.arcs[s].push_back({r, key.first});
    }
    return graph;
}

DenseCheck CandidateBuilder::check(const TransportAuction& auction,
                                   const CandidateGraph& graph) const {
    const AllocationContext& c = m_context;
    // Each group's members by the price of their cheapest slot, cheapest first.
    std::vector<std::vector<int>> byPrice = m_members;
    for (auto& members : byPrice) {
        std::sort(members.begin(), members.end(), [&](int a, int b) {
            std::int64_t pa = auction.minPrice(a);
            std::int64_t pb = auction.minPrice(b);
            return pa != pb ? pa < pb : a < b;
        });
    }
    DenseCheck result;
    result.upperBound = auction.slotPriceSum();
    // Every client is within epsilon of its best arc, so its dual value over the arcs is
    // at most its profit plus epsilon.
    const std::int64_t epsilon = auction.epsilon();
    std::int64_t lowestPrice = -1;
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (graph.capacity[std::size_t(r)] <= 0) continue;
        std::int64_t p = auction.minPrice(r);
        if (lowestPrice < 0 || p < lowestPrice) lowestPrice = p;
    }
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        int pos = graph.clients[s];
        std::int64_t profit = auction.profit(int(s));
        std::int64_t omitted = graph.omittedFit[s];
        if (omitted < 0 || auction.benefit(omitted) - lowestPrice <= profit + epsilon) {
            // No omitted pair can beat the client's profit: its best option is among its arcs.
            result.upperBound += std::max<std::int64_t>(profit + epsilon, 0);
            continue;
        }
        std::int64_t best = 0;
        for (const TransportArc& arc : auction.arcs(int(s))) {
            if (graph.capacity[std::size_t(arc.employee)] <= 0) continue;
            best = std::max(best, auction.benefit(arc.fit) - auction.minPrice(arc.employee));
        }
        // Groups come best fit first, so once a group cannot beat the profit at the lowest
        // price anywhere, no later group can either: the client's dual value is then at
        // most profit + epsilon.
        best = std::max(best, profit + epsilon);
        RankedGroups& groups = admittedGroups(pos);
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            const GroupFit& g = groups.at(gi);
            if (auction.benefit(g.fit) - lowestPrice <= profit + epsilon) break;
            for (int r : byPrice[std::size_t(g.group)]) {
                if (graph.capacity[std::size_t(r)] <= 0 || isContinuity(pos, r) || !open(pos, r))
                    continue;
                std::int64_t net = auction.benefit(g.fit) - auction.minPrice(r);
                best = std::max(best, net);
                if (net > profit + epsilon)
                    result.violations.push_back({int(s), TransportArc{r, g.fit}});
                break;
            }
        }
        result.upperBound += best;
    }
    return result;
}

}  // namespace baton
