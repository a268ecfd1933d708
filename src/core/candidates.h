// The sparse candidate graph of the fair solver and the dense optimality check.
//
// Receivers with the same skill set (and team, under the team boundary) share every fit
// and need test, so each client scans groups, not employees: O(clients x groups). Each
// client keeps the employees that served it before plus its best `perClient` others by
// fit, ties broken by the seeded lottery. After a solve, `violations` scans every omitted
// pair through the groups, using each group's cheapest open employee: an omitted pair
// whose benefit minus price beats the client's profit by more than epsilon proves the
// sparse optimum is not yet the dense one, and is added back. A client whose profit
// already beats its best omitted fit at the lowest price anywhere skips the scan.
// Clients with the same tags share one sorted list of groups (a profile).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/allocation_context.h"
#include "core/solver.h"

namespace baton {

// The candidates a client keeps besides the employees that served it before. With 8, the
// dense check at L (33,544 released clients, 700 receivers) added back 97,674 arcs over
// three warm re-solves. With 16 it finds none to add, and the auction makes fewer bids.
constexpr int kCandidatesPerClient = 16;

struct CandidateGraph {
    std::vector<int> clients;                     // released positions, in id order
    std::vector<std::vector<TransportArc>> arcs;  // TransportArc::employee is a receiver position
    std::vector<int> capacity;                    // per receiver: room less its pinned clients
    // Per client: the best fit of any receiver left out of its arcs, or -1 when none is.
    std::vector<std::int64_t> omittedFit;
};

struct DenseCheck {
    std::vector<std::pair<int, TransportArc>> violations;  // (solver client, arc)
    // Dual upper bound on the total benefit over every eligible pair, in scaled units. It
    // reaches about 10^19 for 100,000 placed clients among 1,000 receivers, past 64 bits.
    __int128 upperBound = 0;
};

class CandidateBuilder {
public:
    CandidateBuilder(const AllocationContext& context, int perClient);

    CandidateGraph build() const;
    DenseCheck check(const TransportAuction& auction, const CandidateGraph& graph) const;

private:
    struct GroupFit {
        int group;
        std::int64_t fit;
        std::uint64_t lottery;
    };
    // The groups that admit a profile's clients, best fit first (continuity aside). A walk
    // over them usually stops after a few groups, so the order is made on demand: the first
    // m_sorted entries are in order and every later one ranks below them.
    class RankedGroups {
    public:
        explicit RankedGroups(std::vector<GroupFit> groups);
        std::size_t size() const { return m_groups.size(); }
        const GroupFit& at(std::size_t i);

    private:
        std::vector<GroupFit> m_groups;
        std::size_t m_sorted = 0;
    };
    // NOTE: extends the profile's order in place, so one builder serves one thread.
    RankedGroups& admittedGroups(int pos) const {
        return m_profiles[std::size_t(m_profileOf[std::size_t(pos)])];
    }
    std::vector<GroupFit> rankGroups(int pos) const;
    bool open(int pos, int receiver) const;
    bool isContinuity(int pos, int receiver) const;

    const AllocationContext& m_context;
    int m_perClient;
    std::vector<int> m_capacity;              // per receiver: slots in the graph
    std::vector<std::vector<int>> m_members;  // per group: receiver positions with slots
    mutable std::vector<RankedGroups> m_profiles;
    std::vector<int> m_profileOf;  // per released position
};

}  // namespace baton
