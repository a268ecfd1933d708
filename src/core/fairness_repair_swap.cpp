// The swap search of the fairness repair: the best exchange of a client of one receiver
// with a client of another.
#include <algorithm>

#include "core/fairness_repair_state.h"

namespace baton::repair_detail {

namespace {

// Adds `step` to `top`, a heap with the worst step on top under `better`, when the heap has
// fewer than `limit` steps or `step` is better than its worst. Keeps at most `limit` steps.
template <typename Better>
void keepAmongBest(std::vector<Step>& top, std::size_t limit, const Step& step, Better better) {
    if (top.size() < limit || better(step, top.front())) {
        top.push_back(step);
        std::push_heap(top.begin(), top.end(), better);
        if (top.size() > limit) {
            std::pop_heap(top.begin(), top.end(), better);
            top.pop_back();
        }
    }
}

}  // namespace

// Scores the swap `s`, whose fitLoss contains the incoming client's part so far, and keeps
// it in `best` when preferable. A lower bound on its fit loss comes from the outgoing
// client's arc or its best fit off the arcs. Swaps strictly worse than `best`, or than `bar`
// when one is given, are dropped by that bound before the pair test and the exact fit.
void Repair::offerSwap(Step s, Step& best, const Step* bar) const {
    int arc = arcOf(s.back, s.from);
    std::int64_t upper = arc >= 0 ? m_arcFit[std::size_t(arc)] : m_omittedFit[std::size_t(s.back)];
    if (upper < 0) return;  // every open pair of the outgoing client is an arc
    std::int64_t ownOut = m_items[std::size_t(s.back)].ownFit;
    // Strictly worse than `best` or `bar` even at its smallest loss: the exact fit cannot
    // make it preferable to either.
    std::int64_t lowest = s.fitLoss + ownOut - upper;
    auto beaten = [&](const Step& other) {
        return double(lowest) * other.gain > double(other.fitLoss) * s.gain;
    };
    if (best.client >= 0 && beaten(best)) return;
    if (bar != nullptr && beaten(*bar)) return;
    s.fitLoss += ownOut - (arc >= 0 ? upper : m_c.fitMicroOf(s.back, s.from));
    if (best.client >= 0 && !preferable(s, best)) return;
    // The pair test runs last: most swaps that reach here lose to `best` anyway.
    if (arc < 0 && !m_c.isOpen(s.back, s.from)) return;
    best = s;
}

// Orders r's outgoing clients so that a swap search can stop early: by value ascending
// when r has only a value deficit, by difficulty descending when it has only a difficulty
// excess, else in bundle order. Returns the order's kind. The most valuable client of the
// book goes to `special`, not `sorted`, because moving it changes the value outside every
// bundle.
Repair::SwapOrder Repair::orderOutgoing(int r, std::vector<Outgoing>& sorted,
                                        std::vector<Outgoing>& special) const {
    for (int mine : m_bundle[std::size_t(r)]) {
        if (!movable(mine)) continue;
        (mine == m_topClient ? special : sorted).push_back({mine, after(r, mine, -1)});
    }
    double deficit = 0.0;
    double excess = 0.0;
    violationParts(r, m_side[std::size_t(r)], ownerOfTop(), deficit, excess);
    SwapOrder order = SwapOrder::None;
    if (deficit > 0.0 && excess <= 0.0) order = SwapOrder::ValueAscending;
    if (deficit <= 0.0 && excess > 0.0) order = SwapOrder::DifficultyDescending;
    auto value = [&](const Outgoing& o) { return m_items[std::size_t(o.pos)].value; };
    auto difficulty = [&](const Outgoing& o) { return m_items[std::size_t(o.pos)].difficulty; };
    if (order == SwapOrder::ValueAscending) {
        std::sort(sorted.begin(), sorted.end(), [&](const Outgoing& a, const Outgoing& b) {
            return value(a) != value(b) ? value(a) < value(b) : a.pos < b.pos;
        });
    } else if (order == SwapOrder::DifficultyDescending) {
        std::sort(sorted.begin(), sorted.end(), [&](const Outgoing& a, const Outgoing& b) {
            return difficulty(a) != difficulty(b) ? difficulty(a) > difficulty(b) : a.pos < b.pos;
        });
    }
    return order;
}

// The best exchange of a client of r with a client of another receiver.
//
// Pruning: let k own `other` with a violation below kMet / 2, and let neither client be
// the book's most valuable one, so that the value outside each bundle stays the same.
// A swap then gains more than kMet only if r's violation drops. If r has only a value
// deficit, that needs the incoming value above the outgoing one. If r has only a
// difficulty excess, it needs the incoming difficulty below the outgoing one, whether or
// not the outgoing client is r's hardest. Candidates are sorted by that key, so the scan
// of r's clients stops at the first one that fails. When r and k both have only a value
// deficit, no swap between them gains, because value moved from one deficit to the other
// lowers one by what it raises the other, and either may gain a difficulty excess. The
// rounding of these sums is far below kMet. The choice among the remaining candidates
// does not depend on the order they are tried in (see `consider`).
Step Repair::bestSwapFor(int r, bool full, std::vector<Step>* others) const {
    Step best;
    int topOwner = ownerOfTop();
    std::vector<Outgoing> sorted;
    std::vector<Outgoing> special;
    SwapOrder order = orderOutgoing(r, sorted, special);
    if (sorted.empty() && special.empty()) return best;
    SwapColumns columns = columnsOf(sorted);
    std::vector<double> gains(sorted.size(), 0.0);
    // The best steps found so far, one per incoming client, worst on top. Only the best
    // step and the kFollowUps after it leave the search (see findStep), so once the heap
    // is full, a swap strictly worse than its top cannot leave it either.
    std::vector<Step> topSteps;
    std::size_t topLimit = others != nullptr ? kFollowUps + 1 : 1;
    auto better = [this](const Step& a, const Step& b) { return preferable(a, b); };
    const std::vector<int>& incoming = full ? m_offGraph : m_near[std::size_t(r)];
    for (std::size_t at = 0; at < incoming.size(); ++at) {
        int other = incoming[at];
        Step bestForOther;
        int k = m_items[std::size_t(other)].owner;
        if (k == r || !movable(other)) continue;
        if (order == SwapOrder::ValueAscending && other != m_topClient && special.empty() &&
            onlyValueDeficit(k, topOwner)) {
            continue;
        }
        // The pair test of (other, r), run once it is needed; an arc to r passes it.
        int admitted = full ? -1 : 1;
        std::int64_t inLoss = kUnknownLoss;  // fit lost by moving `other` to r
        double base = m_violation[std::size_t(r)] + m_violation[std::size_t(k)];
        Side kRest = after(k, other, -1);
        // Returns false once `other` proves ineligible for r, which ends its scan.
        auto offer = [&](int mine, double gain) {
            if (gain <= kMet) return true;
            if (admitted < 0) admitted = eligible(other, r) ? 1 : 0;
            if (admitted == 0) return false;
            if (inLoss == kUnknownLoss) {
                std::int64_t inFit =
                    full ? fitMicro(other, r) : m_nearFit[std::size_t(r)][std::size_t(at)];
                inLoss = m_items[std::size_t(other)].ownFit - inFit;
            }
            offerSwap({other, mine, k, r, gain, inLoss}, bestForOther,
                      topSteps.size() == topLimit ? &topSteps.front() : nullptr);
            return true;
        };
        bool open = true;
        for (const Outgoing& out : special) {
            Side rSide = withClient(out.rest, other);
            Side kSide = withClient(kRest, out.pos);
            if (!open || !hasRoom(r, rSide) || !hasRoom(k, kSide)) continue;
            int top = m_topClient == other ? r : topOwner;
            if (m_topClient == out.pos) top = k;
            open = offer(out.pos, base - violationOf(r, rSide, top) - violationOf(k, kSide, top));
        }
        std::size_t limit = open ? sorted.size() : 0;
        bool prune = order != SwapOrder::None && other != m_topClient &&
                     m_violation[std::size_t(k)] <= 0.5 * kMet;
        if (prune) limit = pruneLimit(order, sorted, other);
        if (order != SwapOrder::None) limit = std::min(limit, kSwapOutgoing);
        int top = m_topClient == other ? r : topOwner;
        swapGains(r, k, top, other, kRest, base, columns, limit, gains);
        for (std::size_t i = 0; i < limit && open; ++i) {
            open = offer(sorted[i].pos, gains[i]);
        }
        if (bestForOther.client < 0) continue;
        keepAmongBest(topSteps, topLimit, bestForOther, better);
        if (best.client < 0 || preferable(bestForOther, best)) std::swap(best, bestForOther);
        if (others != nullptr && bestForOther.client >= 0) others->push_back(bestForOther);
    }
    return best;
}

// How many of the sorted outgoing clients can gain with `other` coming in (see above).
std::size_t Repair::pruneLimit(SwapOrder order, const std::vector<Outgoing>& sorted,
                               int other) const {
    double incomingValue = m_items[std::size_t(other)].value;
    double incomingDifficulty = m_items[std::size_t(other)].difficulty;
    auto it = sorted.end();
    if (order == SwapOrder::ValueAscending) {
        it = std::partition_point(sorted.begin(), sorted.end(), [&](const Outgoing& o) {
            return m_items[std::size_t(o.pos)].value < incomingValue;
        });
    } else if (order == SwapOrder::DifficultyDescending) {
        it = std::partition_point(sorted.begin(), sorted.end(), [&](const Outgoing& o) {
            return m_items[std::size_t(o.pos)].difficulty > incomingDifficulty;
        });
    }
    return std::size_t(it - sorted.begin());
}

Repair::SwapColumns Repair::columnsOf(const std::vector<Outgoing>& sorted) const {
    SwapColumns c;
    for (const Outgoing& o : sorted) {
        c.value.push_back(m_items[std::size_t(o.pos)].value);
        c.difficulty.push_back(m_items[std::size_t(o.pos)].difficulty);
        c.workload.push_back(m_items[std::size_t(o.pos)].workload);
        c.restValue.push_back(o.rest.value);
        c.restDifficulty.push_back(o.rest.difficulty);
        c.restWorkload.push_back(o.rest.workload);
        c.restHardest.push_back(o.rest.hardest);
    }
    return c;
}

// The gain of swapping each of the first `limit` outgoing clients of r with `other` of k,
// or -1 where a limit would break. The same arithmetic as after(), withClient() and
// violationOf() in the same order, written over flat columns so that it vectorises.
void Repair::swapGains(int r, int k, int top, int other, const Side& kRest, double base,
                       const SwapColumns& c, std::size_t limit, std::vector<double>& gains) const {
    bool countsFit = m_side[std::size_t(r)].count <= m_room[std::size_t(r)] &&
                     m_side[std::size_t(k)].count <= m_room[std::size_t(k)];
    if (!countsFit) {
        std::fill(gains.begin(), gains.begin() + std::ptrdiff_t(limit), -1.0);
        return;
    }
    double inValue = m_items[std::size_t(other)].value;
    double inDifficulty = m_items[std::size_t(other)].difficulty;
    double inWorkload = m_items[std::size_t(other)].workload;
    double rBest = outsideValue(r, top);
    double kBest = outsideValue(k, top);
    double rTarget = m_c.targets[std::size_t(r)];
    double kTarget = m_c.targets[std::size_t(k)];
    double rShare = m_difficultyShare[std::size_t(r)];
    double kShare = m_difficultyShare[std::size_t(k)];
    double rLimit = m_workloadLimit[std::size_t(r)];
    double kLimit = m_workloadLimit[std::size_t(k)];
    double valueUnit = m_valueUnit;
    double difficultyUnit = m_difficultyUnit;
    double valueLimit = m_valueLimit;
    for (std::size_t i = 0; i < limit; ++i) {
        double rValue = c.restValue[i] + inValue;
        double rDifficulty = c.restDifficulty[i] + inDifficulty;
        double rHardest = std::max(c.restHardest[i], inDifficulty);
        double rWorkload = c.restWorkload[i] + inWorkload;
        double kValue = kRest.value + c.value[i];
        double kDifficulty = kRest.difficulty + c.difficulty[i];
        double kHardest = std::max(kRest.hardest, c.difficulty[i]);
        double kWorkload = kRest.workload + c.workload[i];
        double rViolation = std::max(0.0, rTarget - rValue - rBest) / valueUnit +
                            std::max(0.0, rDifficulty - rHardest - rShare) / difficultyUnit;
        double kViolation = std::max(0.0, kTarget - kValue - kBest) / valueUnit +
                            std::max(0.0, kDifficulty - kHardest - kShare) / difficultyUnit;
        bool fits = !(rWorkload > rLimit) && !(kWorkload > kLimit) && !(rValue > valueLimit) &&
                    !(kValue > valueLimit);
        double gain = base - rViolation - kViolation;
        gains[i] = fits ? gain : -1.0;
    }
}

}  // namespace baton::repair_detail
