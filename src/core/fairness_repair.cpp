#include "core/fairness_repair.h"

#include <algorithm>
#include <cstdint>

namespace baton {
namespace {

// A violation below this, in units of the mean target or share, counts as met. It is far
// below the certificates' absolute kTolerance for any book whose mean target exceeds 1e-3.
constexpr double kMet = 1e-9;

// Totals of one receiver's bundle, now or after a change.
struct Side {
    int count = 0;
    double workload = 0.0;
    double value = 0.0;
    double difficulty = 0.0;
    double hardest = 0.0;  // largest difficulty in the bundle, 0 when empty
};

// A candidate step: `client` goes from `from` to `to`. In a swap, `back` goes the other way.
struct Step {
    int client = -1;
    int back = -1;
    int from = -1;
    int to = -1;
    double gain = 0.0;          // drop of the total violation
    std::int64_t fitLoss = 0;   // fit given up, in 10^-6
    std::uint64_t draw = 0;     // the lottery of (client, to)
};

class Repair {
public:
    Repair(const AllocationContext& c, std::vector<int>& owner, const CandidateGraph& graph)
        : m_c(c), m_owner(owner) {
        std::size_t m = c.receivers.size();
        m_bundle.assign(m, {});
        m_side.assign(m, {});
        m_hardestPos.assign(m, -1);
        m_secondHardest.assign(m, 0.0);
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (owner[std::size_t(pos)] >= 0) m_bundle[std::size_t(owner[std::size_t(pos)])].push_back(pos);
        }
        for (int r = 0; r < int(m); ++r) refresh(r);
        computeShares();
        for (int pos = 0; pos < c.releasedCount(); ++pos) m_everyone.push_back(pos);
        for (int r = 0; r < int(m); ++r) m_allReceivers.push_back(r);
        m_near.assign(m, {});
        m_arcsOf.assign(std::size_t(c.releasedCount()), {});
        for (std::size_t s = 0; s < graph.clients.size(); ++s) {
            int pos = graph.clients[s];
            for (const TransportArc& arc : graph.arcs[s]) {
                m_near[std::size_t(arc.employee)].push_back(pos);
                m_arcsOf[std::size_t(pos)].push_back(arc.employee);
            }
        }
    }

    int receiverCount() const { return m_c.receiverCount(); }
    double violation(int r) const { return violationOf(r, m_side[std::size_t(r)], ownerOfTop()); }
    // With `full` false, only pairs of the candidate graph are tried.
    Step bestMoveFor(int r, bool full) const;
    Step bestSwapFor(int r, bool full) const;
    void apply(const Step& s);

private:
    void refresh(int r);
    void computeShares();
    int ownerOfTop() const { return m_top[0] < 0 ? -1 : m_owner[std::size_t(m_top[0])]; }
    double violationOf(int r, const Side& side, int topOwner) const;
    Side after(int r, int out, int in) const;
    bool eligible(int pos, int r) const;
    bool hasRoom(int r, const Side& side) const {
        return m_c.fitsLimits(r, side.count, side.workload, side.value);
    }
    bool movable(int pos) const {
        int r = m_owner[std::size_t(pos)];
        return r >= 0 && m_c.pinned[std::size_t(pos)] != r;
    }
    void consider(Step candidate, Step& best) const;

    const AllocationContext& m_c;
    std::vector<int>& m_owner;
    std::vector<std::vector<int>> m_bundle;  // released positions per receiver
    std::vector<Side> m_side;
    std::vector<int> m_hardestPos;
    std::vector<double> m_secondHardest;
    std::vector<double> m_difficultyShare;  // S_i
    double m_valueUnit = 1.0;               // mean T_i
    double m_difficultyUnit = 1.0;          // mean S_i
    int m_top[2] = {-1, -1};                // the two most valuable released clients
    std::vector<std::vector<int>> m_near;    // per receiver: positions with an arc to it
    std::vector<std::vector<int>> m_arcsOf;  // per position: receivers of its arcs
    std::vector<int> m_everyone;             // 0 .. released - 1
    std::vector<int> m_allReceivers;         // 0 .. receivers - 1
};

void Repair::refresh(int r) {
    Side s;
    int hardestPos = -1;
    double second = 0.0;
    for (int pos : m_bundle[std::size_t(r)]) {
        double d = m_c.difficultyOf(pos);
        s.count += 1;
        s.workload += m_c.workloadOf(pos);
        s.value += m_c.valueOf(pos);
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

void Repair::computeShares() {
    const AllocationContext& c = m_c;
    double sumW = 0.0, sumD = 0.0, sumT = 0.0;
    for (double w : c.weights) sumW += w;
    for (double t : c.targets) sumT += t;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += c.difficultyOf(pos);
        double v = c.valueOf(pos);
        if (m_top[0] < 0 || v > c.valueOf(m_top[0])) {
            m_top[1] = m_top[0];
            m_top[0] = pos;
        } else if (m_top[1] < 0 || v > c.valueOf(m_top[1])) {
            m_top[1] = pos;
        }
    }
    std::size_t m = c.receivers.size();
    m_difficultyShare.assign(m, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        m_difficultyShare[i] = sumW > 0.0 ? c.weights[i] / sumW * sumD : 0.0;
    }
    if (m > 0 && sumT > 0.0) m_valueUnit = sumT / double(m);
    if (m > 0 && sumD > 0.0) m_difficultyUnit = sumD / double(m);
}

// The same "largest value outside the bundle" as the certificates: the top client unless
// r holds it, then the second.
double Repair::violationOf(int r, const Side& side, int topOwner) const {
    int outside = topOwner == r ? m_top[1] : m_top[0];
    double best = outside >= 0 ? m_c.valueOf(outside) : 0.0;
    double deficit = m_c.targets[std::size_t(r)] - side.value - best;
    double excess = side.difficulty - side.hardest - m_difficultyShare[std::size_t(r)];
    return std::max(0.0, deficit) / m_valueUnit + std::max(0.0, excess) / m_difficultyUnit;
}

// r's totals once `out` leaves and `in` arrives (either may be -1).
Side Repair::after(int r, int out, int in) const {
    Side s = m_side[std::size_t(r)];
    if (out >= 0) {
        s.count -= 1;
        s.workload -= m_c.workloadOf(out);
        s.value -= m_c.valueOf(out);
        s.difficulty -= m_c.difficultyOf(out);
        if (out == m_hardestPos[std::size_t(r)]) s.hardest = m_secondHardest[std::size_t(r)];
    }
    if (in >= 0) {
        s.count += 1;
        s.workload += m_c.workloadOf(in);
        s.value += m_c.valueOf(in);
        s.difficulty += m_c.difficultyOf(in);
        s.hardest = std::max(s.hardest, m_c.difficultyOf(in));
    }
    return s;
}

// The pair tests of AllocationContext::staticReason without building strings: skills, key
// account, team, relationships and forbids, and the client's own workload and value.
bool Repair::eligible(int pos, int r) const {
    const AllocationContext& c = m_c;
    if (c.room[std::size_t(r)] <= 0) return false;
    const auto& wl = c.workloadRoom[std::size_t(r)];
    if (wl && c.workloadOf(pos) > *wl + kTolerance) return false;
    if (c.valueCap && c.valueOf(pos) > *c.valueCap + kTolerance) return false;
    int j = c.released[std::size_t(pos)];
    int e = c.receivers[std::size_t(r)];
    const ReceiverGroup& group = c.eligibility.groups()[std::size_t(c.eligibility.groupOf(e))];
    return c.eligibility.groupAdmits(j, group) && !c.eligibility.pairBlocked(j, e);
}

// Keeps the step with the smaller fit loss per unit of gain; equal ratios go by lottery.
void Repair::consider(Step s, Step& best) const {
    if (s.gain <= kMet) return;
    s.fitLoss = m_c.fitOf(s.client, s.from).micro - m_c.fitOf(s.client, s.to).micro;
    if (s.back >= 0) s.fitLoss += m_c.fitOf(s.back, s.to).micro - m_c.fitOf(s.back, s.from).micro;
    s.draw = m_c.lottery(s.client, s.to);
    if (best.client >= 0) {
        double mine = double(s.fitLoss) * best.gain;
        double theirs = double(best.fitLoss) * s.gain;
        if (mine > theirs) return;
        // Equal ratios (often two moves that lose no fit) go to the larger gain first.
        if (mine == theirs && s.gain < best.gain) return;
        if (mine == theirs && s.gain == best.gain &&
            (s.draw > best.draw || (s.draw == best.draw && s.back >= best.back))) {
            return;
        }
    }
    best = s;
}

// The best single move into r (a value deficit) or out of r (a difficulty excess).
Step Repair::bestMoveFor(int r, bool full) const {
    Step best;
    int topOwner = ownerOfTop();
    double before = violation(r);
    auto evaluate = [&](int pos, int from, int to) {
        Side fromSide = after(from, pos, -1);
        Side toSide = after(to, -1, pos);
        int top = pos == m_top[0] ? to : topOwner;
        double gain = violationOf(from, m_side[std::size_t(from)], topOwner) +
                      violationOf(to, m_side[std::size_t(to)], topOwner) -
                      violationOf(from, fromSide, top) - violationOf(to, toSide, top);
        // The arithmetic above is cheap; the room and pair tests only run for a gain.
        if (gain <= kMet || !hasRoom(to, toSide) || !eligible(pos, to)) return;
        consider({pos, -1, from, to, gain}, best);
    };
    for (int pos : full ? m_everyone : m_near[std::size_t(r)]) {
        int from = m_owner[std::size_t(pos)];
        if (from == r || !movable(pos)) continue;
        evaluate(pos, from, r);
    }
    if (before <= kMet) return best;
    for (int pos : m_bundle[std::size_t(r)]) {
        if (!movable(pos)) continue;
        for (int to : full ? m_allReceivers : m_arcsOf[std::size_t(pos)]) {
            if (to != r) evaluate(pos, r, to);
        }
    }
    return best;
}

// The best exchange of a client of r with a client of another receiver.
Step Repair::bestSwapFor(int r, bool full) const {
    Step best;
    int topOwner = ownerOfTop();
    for (int other : full ? m_everyone : m_near[std::size_t(r)]) {
        int k = m_owner[std::size_t(other)];
        if (k == r || !movable(other)) continue;
        int admitted = -1;  // the pair test of (other, r), run once it is needed
        double base = violationOf(r, m_side[std::size_t(r)], topOwner) +
                      violationOf(k, m_side[std::size_t(k)], topOwner);
        for (int mine : m_bundle[std::size_t(r)]) {
            if (!movable(mine)) continue;
            Side rSide = after(r, mine, other);
            Side kSide = after(k, other, mine);
            if (!hasRoom(r, rSide) || !hasRoom(k, kSide)) continue;
            int top = topOwner;
            if (m_top[0] == mine) top = k;
            if (m_top[0] == other) top = r;
            double gain = base - violationOf(r, rSide, top) - violationOf(k, kSide, top);
            if (gain <= kMet) continue;
            if (admitted < 0) admitted = eligible(other, r) ? 1 : 0;
            if (admitted == 0) break;
            if (!eligible(mine, k)) continue;
            consider({other, mine, k, r, gain}, best);
        }
    }
    return best;
}

void Repair::apply(const Step& s) {
    auto move = [&](int pos, int from, int to) {
        auto& list = m_bundle[std::size_t(from)];
        list.erase(std::find(list.begin(), list.end(), pos));
        m_bundle[std::size_t(to)].push_back(pos);
        m_owner[std::size_t(pos)] = to;
    };
    move(s.client, s.from, s.to);
    if (s.back >= 0) move(s.back, s.to, s.from);
    refresh(s.from);
    refresh(s.to);
}

// The receiver with the largest violation that is not marked stuck, or -1.
int worstReceiver(const Repair& repair, const std::vector<char>& stuck) {
    int worst = -1;
    double amount = kMet;
    for (int r = 0; r < repair.receiverCount(); ++r) {
        if (stuck[std::size_t(r)]) continue;
        double v = repair.violation(r);
        if (v > amount) {
            worst = r;
            amount = v;
        }
    }
    return worst;
}

// Tries moves, then swaps, first over the candidate graph and then over every pair.
Step findStep(const Repair& repair, int r, FairnessRepairStats& stats) {
    for (bool full : {false, true}) {
        Step step = repair.bestMoveFor(r, full);
        stats.searches += 1;
        if (step.client >= 0) return step;
        step = repair.bestSwapFor(r, full);
        stats.searches += 1;
        if (step.client >= 0) return step;
    }
    return {};
}

}  // namespace

FairnessRepairStats repairFairness(const AllocationContext& c, Placement& placement,
                                   const CandidateGraph& graph, int maxMoves) {
    FairnessRepairStats stats;
    std::vector<int>& owner = placement.owner;
    std::vector<int> initial = owner;
    stats.moved.assign(owner.size(), 0);
    if (c.receiverCount() < 2 || c.releasedCount() == 0) return stats;
    Repair repair(c, owner, graph);
    std::vector<char> stuck(c.receivers.size(), 0);
    // A pass ends when every violating receiver is stuck; another pass follows only if
    // the last one made a step, because steps elsewhere may have opened new ones.
    for (bool progress = true; progress && !stats.capped;) {
        progress = false;
        std::fill(stuck.begin(), stuck.end(), 0);
        for (int r = worstReceiver(repair, stuck); r >= 0; r = worstReceiver(repair, stuck)) {
            if (stats.steps >= maxMoves) {
                stats.capped = true;
                break;
            }
            Step step = findStep(repair, r, stats);
            if (step.client < 0) {
                stuck[std::size_t(r)] = 1;
                continue;
            }
            repair.apply(step);
            stuck[std::size_t(step.from)] = 0;
            stuck[std::size_t(step.to)] = 0;
            stats.steps += 1;
            stats.swaps += step.back >= 0 ? 1 : 0;
            progress = true;
        }
    }
    for (std::size_t pos = 0; pos < owner.size(); ++pos) {
        stats.moved[pos] = owner[pos] != initial[pos] ? 1 : 0;
        stats.moves += stats.moved[pos];
    }
    return stats;
}

}  // namespace baton
