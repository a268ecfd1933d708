#include "core/solver.h"

#include <algorithm>
#include <limits>

namespace baton {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kFitScaleMicro = 1000000;  // the largest fit, F = 1, in 10^-6
constexpr std::size_t kPrefetchAhead = 8;

// A FIFO of client indices that reuses its storage.
struct ClientQueue {
    std::vector<int>& items;
    std::size_t head = 0;

    bool empty() const { return head >= items.size(); }
    int pop() {
        int j = items[head++];
        if (head > 4096 && head * 2 > items.size()) {
            items.erase(items.begin(), items.begin() + std::ptrdiff_t(head));
            head = 0;
        }
        return j;
    }
};

}  // namespace

TransportAuction::TransportAuction(std::vector<int> capacity,
                                   std::vector<std::vector<TransportArc>> arcs)
    : m_capacity(std::move(capacity)), m_arcs(std::move(arcs)) {
    std::size_t m = m_capacity.size();
    int n = clientCount();
    m_slotStart.assign(m + 1, 0);
    for (std::size_t k = 0; k < m; ++k) {
        m_slotStart[k + 1] = m_slotStart[k] + std::clamp(m_capacity[k], 0, n);
    }
    m_slotPrice.assign(std::size_t(m_slotStart[m]), 0);
    m_slotHolder.assign(std::size_t(m_slotStart[m]), -1);
    m_assigned.assign(std::size_t(n), -1);
    m_assignedFit.assign(std::size_t(n), 0);
    m_slotOf.assign(std::size_t(n), -1);
    m_filled.assign(m, 0);
    m_minPrice.assign(m, 0);
    m_big = (std::int64_t(m) + 1) * 1000000 + 1;
    m_scale = std::int64_t(n) + 1;
    m_profit.assign(std::size_t(n), 0);
    m_reverse.assign(m, {});
    for (int j = 0; j < n; ++j) {
        for (const TransportArc& arc : m_arcs[std::size_t(j)]) {
            m_reverse[std::size_t(arc.employee)].push_back({j, int(arc.fit)});
        }
    }
    packArcs();
}

// An arc to an employee without slots can never win, so it is left out.
void TransportAuction::packArcs() {
    std::size_t n = m_arcs.size();
    m_packedStart.assign(n + 1, 0);
    m_packed.clear();
    for (std::size_t j = 0; j < n; ++j) {
        for (const TransportArc& arc : m_arcs[j]) {
            if (slotCount(arc.employee) > 0) m_packed.push_back({arc.employee, int(arc.fit)});
        }
        m_packedStart[j + 1] = int(m_packed.size());
    }
}

std::int64_t TransportAuction::minPrice(int employee) const {
    return m_minPrice[std::size_t(employee)];
}

std::int64_t TransportAuction::profit(int client) const {
    return m_profit[std::size_t(client)];
}

std::int64_t TransportAuction::computedProfit(int client) const {
    int k = m_assigned[std::size_t(client)];
    if (k < 0) return 0;
    return benefit(m_assignedFit[std::size_t(client)]) -
           m_slotPrice[std::size_t(m_slotOf[std::size_t(client)])];
}

__int128 TransportAuction::slotPriceSum() const {
    __int128 sum = 0;
    for (std::int64_t p : m_slotPrice) sum += p;
    return sum;
}

void TransportAuction::siftDown(int employee, int position) {
    int start = m_slotStart[std::size_t(employee)];
    int size = slotCount(employee);
    for (;;) {
        int left = 2 * position + 1;
        if (left >= size) return;
        int child = left;
        int right = left + 1;
        if (right < size &&
            m_slotPrice[std::size_t(start + right)] < m_slotPrice[std::size_t(start + left)]) {
            child = right;
        }
        if (m_slotPrice[std::size_t(start + child)] >= m_slotPrice[std::size_t(start + position)])
            return;
        swapSlots(employee, position, child);
        position = child;
    }
}

void TransportAuction::siftUp(int employee, int position) {
    int start = m_slotStart[std::size_t(employee)];
    while (position > 0) {
        int parent = (position - 1) / 2;
        if (m_slotPrice[std::size_t(start + parent)] <= m_slotPrice[std::size_t(start + position)])
            return;
        swapSlots(employee, parent, position);
        position = parent;
    }
}

void TransportAuction::swapSlots(int employee, int a, int b) {
    int start = m_slotStart[std::size_t(employee)];
    std::swap(m_slotPrice[std::size_t(start + a)], m_slotPrice[std::size_t(start + b)]);
    std::swap(m_slotHolder[std::size_t(start + a)], m_slotHolder[std::size_t(start + b)]);
    for (int s : {a, b}) {
        int holder = m_slotHolder[std::size_t(start + s)];
        if (holder >= 0) m_slotOf[std::size_t(holder)] = start + s;
    }
}

void TransportAuction::bid(int client, std::int64_t epsilon, std::vector<int>& queue) {
    const PackedArc* arcs = m_packed.data() + m_packedStart[std::size_t(client)];
    int count = m_packedStart[std::size_t(client) + 1] - m_packedStart[std::size_t(client)];
    const std::int64_t* minPrices = m_minPrice.data();
    std::int64_t first = kNone;
    std::int64_t second = kNone;
    int best = -1;
    for (int a = 0; a < count; ++a) {
        std::int64_t net = benefit(arcs[a].fit) - minPrices[arcs[a].other];
        if (net > first) {
            second = first;
            first = net;
            best = a;
        } else if (net > second) {
            second = net;
        }
    }
    if (best < 0 || first <= 0) return;  // staying unplaced is the best option

    const PackedArc& arc = arcs[best];
    int k = arc.other;
    int start = m_slotStart[std::size_t(k)];
    int size = slotCount(k);
    // The next-cheapest slot of the same employee is also an alternative.
    for (int s = 1; s <= 2 && s < size; ++s) {
        second = std::max(second, benefit(arc.fit) - m_slotPrice[std::size_t(start + s)]);
    }
    std::int64_t fallback = std::max<std::int64_t>(second, 0);

    int evicted = m_slotHolder[std::size_t(start)];
    if (evicted >= 0) {
        m_assigned[std::size_t(evicted)] = -1;
        m_slotOf[std::size_t(evicted)] = -1;
        m_profit[std::size_t(evicted)] = 0;
        queue.push_back(evicted);
    } else {
        m_filled[std::size_t(k)] += 1;
    }
    m_slotPrice[std::size_t(start)] += first - fallback + epsilon;
    m_slotHolder[std::size_t(start)] = client;
    m_slotOf[std::size_t(client)] = start;
    m_assigned[std::size_t(client)] = k;
    m_assignedFit[std::size_t(client)] = arc.fit;
    m_profit[std::size_t(client)] = benefit(arc.fit) - m_slotPrice[std::size_t(start)];
    if (!m_escalated && m_slotPrice[std::size_t(start)] > m_contestedPrice) m_contested = true;
    siftDown(k, 0);
    m_minPrice[std::size_t(k)] = m_slotPrice[std::size_t(start)];
    ++m_bids;
}

void TransportAuction::unassign(int client) {
    int k = m_assigned[std::size_t(client)];
    if (k < 0) return;
    m_slotHolder[std::size_t(m_slotOf[std::size_t(client)])] = -1;
    m_slotOf[std::size_t(client)] = -1;
    m_assigned[std::size_t(client)] = -1;
    m_profit[std::size_t(client)] = 0;
    m_filled[std::size_t(k)] -= 1;
}

void TransportAuction::runPhase(std::int64_t epsilon, std::vector<int>& items) {
    ClientQueue queue{items};
    while (!queue.empty() && !m_contested) {
        int j = queue.pop();
        // A bid waits mostly for the first load of its client's arcs, which lie anywhere in
        // memory, so the arcs of the client kPrefetchAhead places later are requested now.
        if (queue.head + kPrefetchAhead < items.size()) {
            int later = items[queue.head + kPrefetchAhead];
            const PackedArc* row = m_packed.data() + m_packedStart[std::size_t(later)];
            __builtin_prefetch(row);
            __builtin_prefetch(row + 8);
        }
        if (m_assigned[std::size_t(j)] < 0) bid(j, epsilon, items);
    }
    items.clear();
}

void TransportAuction::freeSlotsWithPrice(int employee, std::vector<int>& slots) const {
    slots.clear();
    for (int s = m_slotStart[std::size_t(employee)]; s < m_slotStart[std::size_t(employee) + 1];
         ++s) {
        if (m_slotHolder[std::size_t(s)] < 0 && m_slotPrice[std::size_t(s)] > 0) slots.push_back(s);
    }
}

// One reverse-auction step for the employee's free slots with a positive price, q of them
// (at most kReverseBatch per step). One scan of the employee's arcs ranks the other
// clients by their gain from moving here (benefit minus their profit now). The best q
// whose gain exceeds epsilon move in, and every slot of the employee drops to the
// (q+1)-th gain less epsilon, or to 0 when too few clients gain. Each winner then gains at
// least epsilon and every other client gains at most epsilon from the employee, as in the
// one-slot step of Bertsekas and Castanon. Lowering the employee's other slots only
// raises their holders' profits. Appends the employees the winners left to `left`.
void TransportAuction::reverseStep(int employee, std::vector<int>& slots, std::int64_t epsilon,
                                   std::vector<int>& left) {
    if (slots.size() > kReverseBatch) slots.resize(kReverseBatch);
    std::size_t q = slots.size();
    // The best q + 1 gains, best first; equal gains keep the earlier arc first.
    struct Offer {
        std::int64_t gain;
        int client;
        std::int64_t fit;
    };
    Offer best[kReverseBatch + 1];
    std::size_t kept = 0;
    // Locals, because the stores into `best` would make the compiler reload the members.
    const std::int64_t big = m_big;
    const std::int64_t scale = m_scale;
    const std::int64_t* profits = m_profit.data();
    for (const PackedArc& arc : m_reverse[std::size_t(employee)]) {
        int client = arc.other;
        std::int64_t fit = arc.fit;
        std::int64_t gain = (big + fit) * scale - profits[client];
        if (kept == q + 1 && gain <= best[q].gain) continue;
        // Read only for a gain that would enter `best`, since most gains do not.
        if (m_assigned[std::size_t(client)] == employee) continue;
        std::size_t at = kept < q + 1 ? kept++ : q;
        while (at > 0 && best[at - 1].gain < gain) {
            best[at] = best[at - 1];
            --at;
        }
        best[at] = {gain, client, fit};
    }
    std::size_t winners = 0;
    while (winners < q && winners < kept && best[winners].gain > epsilon) ++winners;
    std::int64_t price = 0;
    if (winners == q && kept > q) price = std::max<std::int64_t>(0, best[q].gain - epsilon);
    // Lowering every price to at most `price` keeps the heap order.
    for (int s = m_slotStart[std::size_t(employee)]; s < m_slotStart[std::size_t(employee) + 1];
         ++s) {
        if (m_slotPrice[std::size_t(s)] <= price) continue;
        m_slotPrice[std::size_t(s)] = price;
        int holder = m_slotHolder[std::size_t(s)];
        if (holder >= 0)
            m_profit[std::size_t(holder)] = benefit(m_assignedFit[std::size_t(holder)]) - price;
    }
    m_minPrice[std::size_t(employee)] = std::min(m_minPrice[std::size_t(employee)], price);
    for (std::size_t w = 0; w < winners; ++w) {
        int winner = best[w].client;
        int from = m_assigned[std::size_t(winner)];
        unassign(winner);
        int slot = slots[w];
        m_slotHolder[std::size_t(slot)] = winner;
        m_slotOf[std::size_t(winner)] = slot;
        m_assigned[std::size_t(winner)] = employee;
        m_assignedFit[std::size_t(winner)] = best[w].fit;
        m_profit[std::size_t(winner)] = benefit(best[w].fit) - m_slotPrice[std::size_t(slot)];
        m_filled[std::size_t(employee)] += 1;
        if (from >= 0 && from != employee) left.push_back(from);
    }
    m_bids += (long long)winners;
    ++m_reverseSteps;
}

bool TransportAuction::reverseCleanup(std::int64_t epsilon, long long maxSteps) {
    std::vector<int> work;
    std::vector<int> slots;
    for (int k = employeeCount() - 1; k >= 0; --k) {
        freeSlotsWithPrice(k, slots);
        if (!slots.empty()) work.push_back(k);
    }
    long long steps = 0;
    std::vector<int> left;
    while (!work.empty()) {
        int k = work.back();
        work.pop_back();
        for (freeSlotsWithPrice(k, slots); !slots.empty(); freeSlotsWithPrice(k, slots)) {
            if (++steps > maxSteps) return false;
            left.clear();
            reverseStep(k, slots, epsilon, left);
            work.insert(work.end(), left.begin(), left.end());
        }
    }
    return true;
}

bool TransportAuction::isHappy(int client, std::int64_t epsilon) const {
    std::int64_t own = profit(client);
    // Staying unplaced, worth 0, is an option too.
    if (own < -epsilon) return false;
    for (int a = m_packedStart[std::size_t(client)]; a < m_packedStart[std::size_t(client) + 1];
         ++a) {
        const PackedArc& arc = m_packed[std::size_t(a)];
        if (benefit(arc.fit) - minPrice(arc.other) > own + epsilon) return false;
    }
    return true;
}

// Recomputes each profit from the slot prices and reads the original arc lists, so a slip
// in the kept profits or the packed arcs fails the check.
bool TransportAuction::checkComplementarySlackness() const {
    for (std::size_t s = 0; s < m_slotPrice.size(); ++s) {
        if (m_slotHolder[s] < 0 && m_slotPrice[s] != 0) return false;
    }
    for (int j = 0; j < clientCount(); ++j) {
        std::int64_t own = computedProfit(j);
        if (own < -1 || own != profit(j)) return false;
        for (const TransportArc& arc : m_arcs[std::size_t(j)]) {
            int k = arc.employee;
            if (slotCount(k) == 0) continue;
            std::int64_t cheapest = m_slotPrice[std::size_t(m_slotStart[std::size_t(k)])];
            if (benefit(arc.fit) - cheapest > own + 1) return false;
        }
    }
    return true;
}

long long TransportAuction::reverseStepLimit() const {
    return 64LL * (static_cast<long long>(m_slotPrice.size()) + clientCount()) + 1024;
}

// Returns the spread of the arcs' fits plus one, in fit units (10^-6).
std::int64_t TransportAuction::fitRange() const {
    std::int64_t lowest = kFitScaleMicro;
    std::int64_t highest = 0;
    for (const auto& arcs : m_arcs) {
        for (const TransportArc& arc : arcs) {
            lowest = std::min(lowest, arc.fit);
            highest = std::max(highest, arc.fit);
        }
    }
    return std::max<std::int64_t>(0, highest - lowest) + 1;
}

// Prices only need to separate fits, so the first phase starts at the fit range rather
// than at the full benefit BIG + fit. A client that loses every arc still bids its whole
// benefit at once, because its second option (staying unplaced) is worth 0.
std::int64_t TransportAuction::startEpsilon() const {
    return std::max<std::int64_t>(1, fitRange() * m_scale / kScalingFactor);
}

// Returns the first epsilon of phases that settle a contest for too few slots. There the
// excess clients' prices must climb by about BIG before staying unplaced wins. Steps of a
// fit-range epsilon take millions of bids for that, and steps on the scale of BIG a few per
// slot.
std::int64_t TransportAuction::contestedStartEpsilon() const {
    return std::max<std::int64_t>(1, (fitRange() + m_big) * m_scale / kScalingFactor);
}

// Runs the phases from `epsilon` down to the stop epsilon, keeping prices and every assignment that
// still meets the phase's epsilon, so that a warm start costs little where little changed.
//
// Any two arcs differ by less than the fit range, so a price above a few fit ranges comes
// from clients whose other option is staying unplaced: too few slots for them. The phase
// then stops and the phases restart, keeping prices, at contestedStartEpsilon.
AuctionStats TransportAuction::scaledPhases(std::int64_t epsilon, std::vector<int> queue) {
    AuctionStats stats;
    m_contestedPrice = 4 * fitRange() * m_scale;
    for (;;) {
        for (int j = 0; j < clientCount(); ++j) {
            if (m_assigned[std::size_t(j)] >= 0 && !isHappy(j, epsilon)) {
                unassign(j);
                queue.push_back(j);
            } else if (m_assigned[std::size_t(j)] < 0 && !isHappy(j, epsilon)) {
                queue.push_back(j);
            }
        }
        ++stats.phases;
        runPhase(epsilon, queue);
        if (m_contested) {
            m_contested = false;
            m_escalated = true;
            queue.clear();
            epsilon = std::max(epsilon, contestedStartEpsilon());
            continue;
        }
        // Free slots end each phase at price 0, so the next phase starts from prices that
        // are near-optimal duals and needs few steps.
        stats.converged = reverseCleanup(epsilon, reverseStepLimit()) && stats.converged;
        m_epsilon = epsilon;
        if (epsilon <= m_stopEpsilon) break;
        epsilon = std::max<std::int64_t>(1, epsilon / kScalingFactor);
    }
    stats.bids = m_bids;
    stats.reverseSteps = m_reverseSteps;
    return stats;
}

AuctionStats TransportAuction::solve(std::int64_t stopEpsilon) {
    m_stopEpsilon = std::max<std::int64_t>(1, stopEpsilon);
    m_contested = false;
    m_escalated = false;
    std::fill(m_slotPrice.begin(), m_slotPrice.end(), 0);
    std::fill(m_minPrice.begin(), m_minPrice.end(), 0);
    std::vector<int> queue;
    for (int j = 0; j < clientCount(); ++j) {
        unassign(j);
        queue.push_back(j);
    }
    return scaledPhases(startEpsilon(), std::move(queue));
}

AuctionStats TransportAuction::refine() {
    m_stopEpsilon = 1;
    std::int64_t next = std::max<std::int64_t>(1, m_epsilon / kScalingFactor);
    if (m_epsilon == 1) next = 1;
    return scaledPhases(next, {});
}

// After a phase at epsilon e, the total benefit is within n x e of the optimum
// (Bertsekas). With e = slackMicro x scale, that is under slackMicro fit units per client.
// The cap keeps n x e below one placement's BIG, so the number placed stays the maximum.
std::int64_t TransportAuction::coarseEpsilon(std::int64_t slackMicro) const {
    std::int64_t n = clientCount();
    std::int64_t slack = std::max<std::int64_t>(1, slackMicro) * m_scale;
    std::int64_t cap = m_big * m_scale / (n + 1);
    return std::max<std::int64_t>(1, std::min(slack, cap));
}

AuctionStats TransportAuction::addArcsAndResolve(
    const std::vector<std::pair<int, TransportArc>>& added) {
    std::vector<int> queue;
    // The prices are epsilon-optimal for the old arcs, so the warm phases start from the
    // largest gain a new arc offers over its client's profit rather than from the top.
    std::int64_t largestGain = 1;
    for (const auto& item : added) {
        const TransportArc& arc = item.second;
        if (slotCount(arc.employee) == 0) continue;
        std::int64_t gain = benefit(arc.fit) - minPrice(arc.employee) - profit(item.first);
        largestGain = std::max(largestGain, gain);
    }
    for (const auto& item : added) {
        // Plain names, not a structured binding: clang 14 (Emscripten 3.1.6) rejects
        // capturing a structured binding in the lambda below.
        const int client = item.first;
        const TransportArc& arc = item.second;
        auto& arcs = m_arcs[std::size_t(client)];
        bool present = std::any_of(arcs.begin(), arcs.end(), [&](const TransportArc& a) {
            return a.employee == arc.employee;
        });
        if (!present) {
            arcs.push_back(arc);
            m_reverse[std::size_t(arc.employee)].push_back({client, int(arc.fit)});
        }
        unassign(client);
        queue.push_back(client);
    }
    packArcs();
    std::sort(queue.begin(), queue.end());
    queue.erase(std::unique(queue.begin(), queue.end()), queue.end());
    std::int64_t epsilon = std::max<std::int64_t>(1, largestGain / kScalingFactor);
    return scaledPhases(std::min(startEpsilon(), epsilon), std::move(queue));
}

}  // namespace baton
