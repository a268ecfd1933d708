// Exact solver of the capacitated assignment behind an allocation.
//
// Problem: clients j (each placed at most once) and employees k with capacities c_k; a
// sparse list of candidate arcs (j, k) with integer fit f_jk in [0, 10^6]. Maximise first
// the number of placed clients, then the total fit. Both are folded into one benefit
// b_jk = BIG + f_jk with BIG = (m + 1) x 10^6 + 1: any allocation with one more placement
// beats any with fewer, because an augmenting path changes the fit of at most m clients.
//
// Algorithm: epsilon-scaling forward auction (Bertsekas) on similar objects. Each employee
// has c_k slots with their own prices, kept in a min-heap; a client bids for the cheapest
// slot of its best employee, raising that slot's price by the gap to its second-best
// option plus epsilon, and an evicted holder bids again. Staying unplaced is an option of
// value 0 for every client. Benefits are multiplied by (n + 1), so that the final
// epsilon = 1 gives an allocation within n < n + 1 scaled units of the optimum, which is
// exact for integer benefits. Epsilon drops by kScalingFactor per phase; each phase keeps
// the prices and the assignments that still meet its epsilon and rebids the rest, which
// also makes a warm re-solve after adding arcs cheap. Phases start at the fit range, not
// at BIG; if a price climbs past a few fit ranges, clients are contesting too few slots,
// and the phases restart from an epsilon on the scale of BIG (see scaledPhases).
//
// With more slots than clients, scaling can leave a free slot at a positive price, which
// breaks complementary slackness (a free slot must cost 0, the value of staying unplaced).
// After each phase, reverse-auction steps (Bertsekas and Castanon, forward/reverse
// auction for asymmetric assignment) lower each such slot's price until it wins a client
// or reaches 0; they keep every client within epsilon of its best option. The end state
// (checked again by `checkComplementarySlackness`) proves optimality over the arcs. The
// reverse steps are capped; a run that hits the cap reports `converged = false`, and its
// result is then bounded, not proven.
//
// Complexity: O(bids x arcs per client); a bid is O(log c_k). Memory O(arcs + slots).
// Determinism: clients bid in FIFO order starting from index order, and among equal net
// values the first arc in the client's list wins, so the caller orders arcs by lottery.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace baton {

struct TransportArc {
    int employee = 0;
    std::int64_t fit = 0;  // F x 10^6
};

struct AuctionStats {
    long long bids = 0;
    long long reverseSteps = 0;  // reverse-auction steps, each a scan of one employee's arcs
    int phases = 0;
    bool converged = true;
};

class TransportAuction {
public:
    static constexpr std::int64_t kScalingFactor = 8;
    // Free slots one reverse step fills at most.
    static constexpr std::size_t kReverseBatch = 16;

    // `arcs[j]` lists client j's candidates; at most one arc per employee.
    TransportAuction(std::vector<int> capacity, std::vector<std::vector<TransportArc>> arcs);

    // Solves from zero prices with epsilon scaling, stopping after the first phase whose
    // epsilon is at most `stopEpsilon`. Only a stop at 1 gives the exact optimum over the
    // arcs. A larger stop gives an allocation within n x stopEpsilon scaled units of it.
    AuctionStats solve(std::int64_t stopEpsilon = 1);
    // Runs the remaining phases of a solve that stopped early, down to epsilon 1.
    AuctionStats refine();
    // The stop epsilon at which the total fit is within `slackMicro` fit units (10^-6) per
    // client of the optimum over the arcs, capped so that the number placed stays maximal.
    std::int64_t coarseEpsilon(std::int64_t slackMicro) const;
    // The epsilon of the last phase run: every client is within it of its best option.
    std::int64_t epsilon() const { return m_epsilon; }
    // Adds arcs to some clients and re-solves warm down to the same stop epsilon: the
    // phases run again from the top epsilon, keeping the prices and every assignment that
    // still meets each epsilon.
    AuctionStats addArcsAndResolve(const std::vector<std::pair<int, TransportArc>>& added);

    int clientCount() const { return int(m_arcs.size()); }
    int employeeCount() const { return int(m_capacity.size()); }
    int assignedEmployee(int client) const { return m_assigned[std::size_t(client)]; }
    std::int64_t benefit(std::int64_t fit) const { return (m_big + fit) * m_scale; }
    std::int64_t scale() const { return m_scale; }
    std::int64_t big() const { return m_big; }
    // The cheapest slot of the employee (0 when its capacity is 0).
    std::int64_t minPrice(int employee) const;
    // The client's net value now: benefit minus the price of its slot, or 0 when unplaced.
    std::int64_t profit(int client) const;
    __int128 slotPriceSum() const;  // past 64 bits when many slots are priced near BIG
    const std::vector<TransportArc>& arcs(int client) const { return m_arcs[std::size_t(client)]; }
    // True when every client is within epsilon = 1 of its best arc or of staying unplaced,
    // and every free slot costs 0: then the allocation is optimal over the arcs.
    bool checkComplementarySlackness() const;

private:
    void runPhase(std::int64_t epsilon, std::vector<int>& queue);
    void bid(int client, std::int64_t epsilon, std::vector<int>& queue);
    void unassign(int client);
    void freeSlotsWithPrice(int employee, std::vector<int>& slots) const;
    void reverseStep(int employee, std::vector<int>& slots, std::int64_t epsilon,
                     std::vector<int>& left);
    bool reverseCleanup(std::int64_t epsilon, long long maxSteps);
    long long reverseStepLimit() const;
    AuctionStats scaledPhases(std::int64_t epsilon, std::vector<int> queue);
    std::int64_t fitRange() const;
    std::int64_t startEpsilon() const;
    std::int64_t contestedStartEpsilon() const;
    void siftUp(int employee, int position);
    void swapSlots(int employee, int a, int b);
    bool isHappy(int client, std::int64_t epsilon) const;
    void siftDown(int employee, int position);
    int slotCount(int employee) const {
        return m_slotStart[std::size_t(employee) + 1] - m_slotStart[std::size_t(employee)];
    }

    // The profit recomputed from the slot prices, not from m_profit.
    std::int64_t computedProfit(int client) const;
    void packArcs();

    // A candidate arc as the bids and the reverse steps read it: 8 bytes, because fits lie
    // in [0, 10^6] and the scans over arcs are bound by memory traffic.
    struct PackedArc {
        int other;  // the employee in a client's list, the client in an employee's list
        int fit;
    };

    std::vector<int> m_capacity;
    std::vector<std::vector<TransportArc>> m_arcs;
    // Every client's arcs to employees with slots, in list order, in compressed rows: client
    // j's are at [m_packedStart[j], m_packedStart[j + 1]). Rebuilt when arcs are added.
    std::vector<int> m_packedStart;
    std::vector<PackedArc> m_packed;
    // Per client: benefit minus the price of its slot, or 0 when unplaced. Kept up to date
    // by every bid and reverse step, because the reverse steps read it for every arc.
    std::vector<std::int64_t> m_profit;
    std::vector<int> m_slotStart;
    std::vector<std::int64_t> m_slotPrice;  // per employee, a min-heap on price
    // Per employee: the price of its cheapest slot (its heap's root), 0 without slots.
    // A bid reads it for every arc, so it is kept in this small array that stays in cache.
    std::vector<std::int64_t> m_minPrice;
    std::vector<int> m_slotHolder;  // client or -1
    std::vector<int> m_assigned;    // employee or -1
    std::vector<std::int64_t> m_assignedFit;
    std::vector<int> m_slotOf;                      // slot index or -1
    std::vector<int> m_filled;                      // held slots per employee
    std::vector<std::vector<PackedArc>> m_reverse;  // (client, fit) per employee
    std::int64_t m_epsilon = 1;                     // of the last phase run
    std::int64_t m_stopEpsilon = 1;                 // phases stop once they reach it
    std::int64_t m_big = 0;
    std::int64_t m_scale = 1;
    // A slot price above m_contestedPrice shows clients contesting too few slots (see
    // scaledPhases). m_contested records it; m_escalated records that the phases then
    // restarted at contestedStartEpsilon.
    std::int64_t m_contestedPrice = 0;
    bool m_contested = false;
    bool m_escalated = false;
    long long m_bids = 0;
    long long m_reverseSteps = 0;
};

}  // namespace baton
