#include "core/fairness_repair.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "core/fairness_repair_state.h"

namespace baton {
namespace repair_detail {

Repair::Repair(const AllocationContext& c, std::vector<int>& owner, const CandidateGraph& graph)
    : m_c(c), m_owner(owner) {
    std::size_t m = c.receivers.size();
    std::size_t n = c.released.size();
    for (int pos = 0; pos < int(n); ++pos) {
        m_items.push_back({c.valueOf(pos), c.difficultyOf(pos), c.workloadOf(pos), 0,
                           owner[std::size_t(pos)], c.pinned[std::size_t(pos)]});
    }
    double infinity = std::numeric_limits<double>::infinity();
    for (std::size_t r = 0; r < m; ++r) {
        m_room.push_back(c.room[r]);
        const auto& wl = c.workloadRoom[r];
        m_workloadLimit.push_back(wl ? *wl + kTolerance : infinity);
    }
    m_valueLimit = c.valueCap ? *c.valueCap + kTolerance : infinity;
    indexArcs(graph);
    m_bundle.assign(m, {});
    m_side.assign(m, {});
    m_hardestPos.assign(m, -1);
    m_secondHardest.assign(m, 0.0);
    for (int pos = 0; pos < int(n); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        m_bundle[std::size_t(r)].push_back(pos);
        m_items[std::size_t(pos)].ownFit = fitMicro(pos, r);
    }
    for (int r = 0; r < int(m); ++r) refresh(r);
    computeShares();
    for (int pos = 0; pos < int(n); ++pos) {
        if (m_omittedFit[std::size_t(pos)] >= 0) m_offGraph.push_back(pos);
    }
    for (int r = 0; r < int(m); ++r) m_allReceivers.push_back(r);
    m_violation.assign(m, 0.0);
    int topOwner = ownerOfTop();
    for (int r = 0; r < int(m); ++r) {
        m_violation[std::size_t(r)] = violationOf(r, m_side[std::size_t(r)], topOwner);
    }
}

// Every arc of the graph implies an eligible pair with room, because the builder keeps
// only open pairs (room, workload, value cap, skills, relationships and forbids).
void Repair::indexArcs(const CandidateGraph& graph) {
    std::size_t n = m_c.released.size();
    std::vector<int> count(n + 1, 0);
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        count[std::size_t(graph.clients[s]) + 1] += int(graph.arcs[s].size());
    }
    m_arcStart.assign(n + 1, 0);
    for (std::size_t p = 0; p < n; ++p) m_arcStart[p + 1] = m_arcStart[p] + count[p + 1];
    m_arcReceiver.assign(std::size_t(m_arcStart[n]), -1);
    m_arcFit.assign(std::size_t(m_arcStart[n]), 0);
    m_near.assign(m_c.receivers.size(), {});
    m_nearFit.assign(m_c.receivers.size(), {});
    m_omittedFit.assign(n, kFitScale);
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        m_omittedFit[std::size_t(graph.clients[s])] = graph.omittedFit[s];
    }
    std::vector<int> next(m_arcStart.begin(), m_arcStart.end() - 1);
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        int pos = graph.clients[s];
        for (const TransportArc& arc : graph.arcs[s]) {
            int slot = next[std::size_t(pos)]++;
            m_near[std::size_t(arc.employee)].push_back(pos);
            m_nearFit[std::size_t(arc.employee)].push_back(arc.fit);
            m_arcReceiver[std::size_t(slot)] = arc.employee;
            m_arcFit[std::size_t(slot)] = arc.fit;
        }
    }
}

void Repair::refresh(int r) {
    Side s;
    int hardestPos = -1;
    double second = 0.0;
    for (int pos : m_bundle[std::size_t(r)]) {
        double d = m_items[std::size_t(pos)].difficulty;
        s.count += 1;
        s.workload += m_items[std::size_t(pos)].workload;
        s.value += m_items[std::size_t(pos)].value;
        s.difficulty += d;
        if (hardestPos < 0 || d > s.hardest) {
            second = hardestPos < 0 ? 0.0 : s.hardest;
            s.hardest = d;
            hardestPos = pos;
        } else {
            second = std::max(second, d);
        }
    }
    m_side[std::size_t(r)] = s;
    m_hardestPos[std::size_t(r)] = hardestPos;
    m_secondHardest[std::size_t(r)] = second;
}

// A receiver's violation depends on its own bundle and on the owners of the most valuable
// clients, so a move of one of those refreshes every receiver.
void Repair::refreshViolations(bool everyone, int from, int to) {
    int topOwner = ownerOfTop();
    if (everyone) {
        for (int r = 0; r < int(m_violation.size()); ++r) {
            m_violation[std::size_t(r)] = violationOf(r, m_side[std::size_t(r)], topOwner);
        }
        return;
    }
    for (int r : {from, to}) {
        m_violation[std::size_t(r)] = violationOf(r, m_side[std::size_t(r)], topOwner);
    }
}

void Repair::computeShares() {
    const AllocationContext& c = m_c;
    double sumD = 0.0, sumT = 0.0;
    for (double t : c.targets) sumT += t;
    std::vector<int> byValue;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += m_items[std::size_t(pos)].difficulty;
        byValue.push_back(pos);
    }
    std::size_t listed = std::min(byValue.size(), kTopList);
    std::partial_sort(byValue.begin(), byValue.begin() + std::ptrdiff_t(listed), byValue.end(),
                      [&](int a, int b) {
                          double va = m_items[std::size_t(a)].value;
                          double vb = m_items[std::size_t(b)].value;
                          return va != vb ? va > vb : a < b;
                      });
    m_topList.assign(byValue.begin(), byValue.begin() + std::ptrdiff_t(listed));
    m_topRank.assign(byValue.size(), -1);
    for (std::size_t k = 0; k < listed; ++k) m_topRank[std::size_t(m_topList[k])] = int(k);
    m_topClient = m_topList.empty() ? -1 : m_topList[0];
    std::size_t m = c.receivers.size();
    m_difficultyShare.assign(m, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        m_difficultyShare[i] = c.difficultyShares[i];
    }
    if (m > 0 && sumT > 0.0) m_valueUnit = sumT / double(m);
    if (m > 0 && sumD > 0.0) m_difficultyUnit = sumD / double(m);
}

double Repair::outsideValue(int r, int topOwner) const {
    if (m_topClient < 0) return 0.0;
    if (topOwner != r) return m_items[std::size_t(m_topClient)].value;
    for (std::size_t k = 1; k < m_topList.size(); ++k) {
        int pos = m_topList[k];
        if (m_items[std::size_t(pos)].owner != r) return m_items[std::size_t(pos)].value;
    }
    // r owns every listed client, so the whole book is scanned.
    double best = 0.0;
    for (std::size_t pos = 0; pos < m_items.size(); ++pos) {
        if (int(pos) != m_topClient && m_items[pos].owner != r)
            best = std::max(best, m_items[pos].value);
    }
    return best;
}

// Keeps the step with the smaller fit loss per unit of gain; equal ratios go by lottery.
// The last key, `back`, differs between any two candidates of one search, so the choice
// does not depend on the order candidates are tried in, unless rounding of the two cross
// products makes the ratio comparison intransitive.
Step Repair::consider(Step s, Step& best, std::int64_t toFit) const {
    if (s.gain <= kMet) return {};
    if (toFit == kUnknownLoss) toFit = fitMicro(s.client, s.to);
    s.fitLoss = m_items[std::size_t(s.client)].ownFit - toFit;
    if (s.back >= 0) s.fitLoss += m_items[std::size_t(s.back)].ownFit - fitMicro(s.back, s.from);
    if (best.client < 0 || preferable(s, best)) std::swap(best, s);
    return s;
}

// The best single move into r (a value deficit) or out of r (a difficulty excess).
Step Repair::bestMoveFor(int r, bool full, std::vector<Step>* others) const {
    Step best;
    int topOwner = ownerOfTop();
    // `toFit` is the fit of the pair from its arc, or kUnknownLoss when the pair may lie
    // outside the graph.
    auto evaluate = [&](int pos, int from, int to, std::int64_t toFit) {
        Side fromSide = after(from, pos, -1);
        Side toSide = after(to, -1, pos);
        int top = pos == m_topClient ? to : topOwner;
        double gain = m_violation[std::size_t(from)] + m_violation[std::size_t(to)] -
                      violationOf(from, fromSide, top) - violationOf(to, toSide, top);
        // The arithmetic above is cheap; the room and pair tests only run for a gain.
        if (gain <= kMet || !hasRoom(to, toSide)) return;
        if (toFit == kUnknownLoss && !eligible(pos, to)) return;
        // The better of the two stays in `best`; the other joins `others`.
        Step step = consider({pos, -1, from, to, gain}, best, toFit);
        if (others != nullptr && step.client >= 0) others->push_back(step);
    };
    const std::vector<int>& incoming = full ? m_offGraph : m_near[std::size_t(r)];
    // A receiver at its client limit takes no client without giving one (see hasRoom).
    bool roomForOne = m_side[std::size_t(r)].count < m_room[std::size_t(r)];
    for (std::size_t i = 0; roomForOne && i < incoming.size(); ++i) {
        int pos = incoming[i];
        int from = m_items[std::size_t(pos)].owner;
        if (from == r || !movable(pos)) continue;
        evaluate(pos, from, r, full ? kUnknownLoss : m_nearFit[std::size_t(r)][i]);
    }
    if (violation(r) <= kMet) return best;
    for (int pos : m_bundle[std::size_t(r)]) {
        if (!movable(pos)) continue;
        if (full) {
            if (m_omittedFit[std::size_t(pos)] < 0) continue;  // every open pair is an arc
            for (int to : m_allReceivers) {
                if (to != r) evaluate(pos, r, to, kUnknownLoss);
            }
            continue;
        }
        for (int a = m_arcStart[std::size_t(pos)]; a < m_arcStart[std::size_t(pos) + 1]; ++a) {
            int to = m_arcReceiver[std::size_t(a)];
            if (to != r) evaluate(pos, r, to, m_arcFit[std::size_t(a)]);
        }
    }
    return best;
}

Step Repair::rescored(Step s) const {
    s.gain = 0.0;
    if (m_items[std::size_t(s.client)].owner != s.from || !movable(s.client)) return s;
    if (s.back >= 0 && (m_items[std::size_t(s.back)].owner != s.to || !movable(s.back))) return s;
    Side fromSide = after(s.from, s.client, s.back);
    Side toSide = after(s.to, s.back, s.client);
    int top = ownerOfTop();
    if (s.client == m_topClient) top = s.to;
    if (s.back >= 0 && s.back == m_topClient) top = s.from;
    double gain = m_violation[std::size_t(s.from)] + m_violation[std::size_t(s.to)] -
                  violationOf(s.from, fromSide, top) - violationOf(s.to, toSide, top);
    if (gain > kMet && hasRoom(s.to, toSide) && hasRoom(s.from, fromSide)) s.gain = gain;
    return s;
}

void Repair::apply(const Step& s) {
    auto move = [&](int pos, int from, int to) {
        auto& list = m_bundle[std::size_t(from)];
        list.erase(std::find(list.begin(), list.end(), pos));
        m_bundle[std::size_t(to)].push_back(pos);
        m_owner[std::size_t(pos)] = to;
        m_items[std::size_t(pos)].owner = to;
        m_items[std::size_t(pos)].ownFit = fitMicro(pos, to);
    };
    move(s.client, s.from, s.to);
    if (s.back >= 0) move(s.back, s.to, s.from);
    refresh(s.from);
    refresh(s.to);
    bool listedMoved = m_topRank[std::size_t(s.client)] >= 0 ||
                       (s.back >= 0 && m_topRank[std::size_t(s.back)] >= 0);
    refreshViolations(listedMoved, s.from, s.to);
}

// Pairs that a full search found open and gaining are likely to serve the same receivers
// again, so each joins its receiver's graph candidates, and later searches scan it without
// a full search.
void Repair::adopt(const Step& step, const std::vector<Step>& more) {
    auto add = [this](int pos, int r) {
        if (pos < 0 || arcOf(pos, r) >= 0) return;
        std::uint64_t key = (std::uint64_t(std::uint32_t(pos)) << 32) | std::uint32_t(r);
        if (!m_adopted.insert(key).second) return;
        m_near[std::size_t(r)].push_back(pos);
        m_nearFit[std::size_t(r)].push_back(m_c.fitMicroOf(pos, r));
    };
    add(step.client, step.to);
    add(step.back, step.from);
    for (const Step& s : more) {
        add(s.client, s.to);
        add(s.back, s.from);
    }
}

int Repair::worstReceiver(const std::vector<char>& stuck) const {
    int worst = -1;
    double amount = kMet;
    for (int r = 0; r < int(m_violation.size()); ++r) {
        if (stuck[std::size_t(r)]) continue;
        double v = m_violation[std::size_t(r)];
        if (v > amount) {
            worst = r;
            amount = v;
        }
    }
    return worst;
}

// Tries moves, then swaps, first over the candidate graph and then over the pairs off it.
// A found step also returns the search's other steps, best first. After a full search the
// caller adopts their pairs before it keeps kFollowUps of them.
Step findStep(const Repair& repair, int r, FairnessRepairStats& stats, std::vector<Step>& more) {
    // Only the best kFollowUps are made, so only they are sorted. A full search's pairs all
    // join the graph, whatever their order.
    auto found = [&](const Step& step) {
        auto middle = more.begin() + std::ptrdiff_t(std::min(more.size(), kFollowUps));
        std::partial_sort(more.begin(), middle, more.end(),
                          [&](const Step& a, const Step& b) { return repair.preferable(a, b); });
        return step;
    };
    for (bool full : {false, true}) {
        more.clear();
        Step step = repair.bestMoveFor(r, full, &more);
        stats.searches += 1;
        stats.fullSearches += full ? 1 : 0;
        if (step.client >= 0) return found(step);
        more.clear();
        step = repair.bestSwapFor(r, full, &more);
        stats.searches += 1;
        stats.fullSearches += full ? 1 : 0;
        if (step.client >= 0) return found(step);
    }
    more.clear();
    return {};
}

// Makes the follow-up steps of one search while r still violates, each rescored under
// the totals the steps before it left, so that one scan of r's candidates serves several
// steps. Clears the stuck mark of each receiver a step touches and counts the steps.
void followUp(Repair& repair, int r, const std::vector<Step>& more, int budget,
              std::vector<char>& stuck, FairnessRepairStats& stats) {
    int made = 0;
    for (const Step& candidate : more) {
        if (made >= budget || repair.violation(r) <= kMet) break;
        Step s = repair.rescored(candidate);
        if (s.gain <= kMet) continue;
        repair.apply(s);
        stuck[std::size_t(s.from)] = 0;
        stuck[std::size_t(s.to)] = 0;
        made += 1;
        stats.steps += 1;
        stats.swaps += s.back >= 0 ? 1 : 0;
    }
}

}  // namespace repair_detail

FairnessRepairStats repairFairness(const AllocationContext& c, Placement& placement,
                                   const CandidateGraph& graph, int maxMoves) {
    using namespace repair_detail;
    FairnessRepairStats stats;
    std::vector<int>& owner = placement.owner;
    std::vector<int> initial = owner;
    stats.moved.assign(owner.size(), 0);
    if (c.receiverCount() < 2 || c.releasedCount() == 0) return stats;
    Repair repair(c, owner, graph);
    std::vector<char> stuck(c.receivers.size(), 0);
    std::vector<Step> more;
    // A pass ends when every violating receiver is stuck; another pass follows only if
    // the last one made a step, because steps elsewhere may have opened new ones.
    for (bool progress = true; progress && !stats.capped;) {
        progress = false;
        std::fill(stuck.begin(), stuck.end(), 0);
        for (int r = repair.worstReceiver(stuck); r >= 0; r = repair.worstReceiver(stuck)) {
            if (stats.steps >= maxMoves) {
                stats.capped = true;
                break;
            }
            long long fullBefore = stats.fullSearches;
            Step step = findStep(repair, r, stats, more);
            if (step.client < 0) {
                stuck[std::size_t(r)] = 1;
                continue;
            }
            if (stats.fullSearches > fullBefore) repair.adopt(step, more);
            if (more.size() > kFollowUps) more.resize(kFollowUps);
            repair.apply(step);
            stuck[std::size_t(step.from)] = 0;
            stuck[std::size_t(step.to)] = 0;
            stats.steps += 1;
            stats.swaps += step.back >= 0 ? 1 : 0;
            followUp(repair, r, more, maxMoves - stats.steps, stuck, stats);
            progress = true;
        }
    }
    for (std::size_t pos = 0; pos < owner.size(); ++pos) {
        stats.moved[pos] = owner[pos] != initial[pos] ? 1 : 0;
    }
    stats.levelledMask.assign(owner.size(), 0);
    if (!stats.capped) stats.levelled = repair.levelTies(c.releasedCount(), stats.levelledMask);
    for (std::size_t pos = 0; pos < owner.size(); ++pos) {
        if (owner[pos] == initial[pos]) stats.moved[pos] = 0;
        stats.moves += stats.moved[pos];
    }
    return stats;
}

}  // namespace baton
