#include "core/fairness_repair.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace baton {
namespace {

// A violation below this, in units of the mean target or share, counts as met. It is far
// below the certificates' absolute kTolerance for any book whose mean target exceeds 1e-3.
constexpr double kMet = 1e-9;

// A sorted swap search tries only this many of the receiver's outgoing clients: the least
// valuable ones for a value deficit, the hardest ones for a difficulty excess, which are
// the ones that remove the most violation. The search then costs O(candidates x this)
// instead of O(candidates x bundle), at the price of missing a swap whose outgoing client
// lies further down the order but loses less fit.
constexpr std::size_t kSwapOutgoing = 12;

// The number of most valuable clients the repair keeps in value order. They give the most
// valuable client outside a bundle that contains the top ones.
constexpr std::size_t kTopList = 32;

// At most this many further moves from one move search's candidates, made while the
// receiver still violates (see followUp).
constexpr std::size_t kFollowUps = 16;

// A fit loss not yet computed.
constexpr std::int64_t kUnknownLoss = std::numeric_limits<std::int64_t>::min();

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
};

class Repair {
public:
    Repair(const AllocationContext& c, std::vector<int>& owner, const CandidateGraph& graph);

    double violation(int r) const { return m_violation[std::size_t(r)]; }
    // The receiver with the largest violation that is not marked stuck, or -1.
    int worstReceiver(const std::vector<char>& stuck) const;
    // With `full` false, only pairs of the candidate graph are tried.
    // With `others` given, every other move found that lowers the total is appended too.
    Step bestMoveFor(int r, bool full, std::vector<Step>* others = nullptr) const;
    // The same move under the current owners and totals; its gain is 0 when it no longer
    // lowers the total or breaks a limit.
    Step rescored(Step s) const;
    // True when `a` loses less fit per unit of gain than `b` (see consider).
    bool preferable(const Step& a, const Step& b) const;
    // With `others` given, the best swap found for each other incoming client is appended.
    Step bestSwapFor(int r, bool full, std::vector<Step>* others = nullptr) const;
    void apply(const Step& s);

private:
    void indexArcs(const CandidateGraph& graph);
    void refresh(int r);
    void refreshViolations(bool everyone, int from, int to);
    void computeShares();
    int ownerOfTop() const { return m_topClient < 0 ? -1 : m_owner[std::size_t(m_topClient)]; }
    // The value of the most valuable released client outside r's bundle, with the most
    // valuable client of all held by `topOwner` and every other client by its owner now.
    double outsideValue(int r, int topOwner) const;
    inline double violationOf(int r, const Side& side, int topOwner) const;
    inline Side after(int r, int out, int in) const;
    // The arc of (pos, r) in the candidate graph, or -1.
    int arcOf(int pos, int r) const;
    std::int64_t fitMicro(int pos, int r) const;
    bool eligible(int pos, int r) const;
    bool hasRoom(int r, const Side& side) const {
        return side.count <= m_room[std::size_t(r)] &&
               !(side.workload > m_workloadLimit[std::size_t(r)]) && !(side.value > m_valueLimit);
    }
    bool movable(int pos) const {
        int r = m_owner[std::size_t(pos)];
        return r >= 0 && m_c.pinned[std::size_t(pos)] != r;
    }
    // Keeps in `best` the better of it and `candidate` once scored; returns the other, or
    // an empty step when `candidate` gains nothing.
    // `toFit` is the fit of the client to s.to when the caller knows it.
    Step consider(Step candidate, Step& best, std::int64_t toFit = kUnknownLoss) const;
    void offerSwap(Step s, Step& best, const Step* bar) const;

    // A client of r that a swap may send away, and r's totals once it has left.
    struct Outgoing {
        int pos;
        Side rest;
    };
    enum class SwapOrder { None, ValueAscending, DifficultyDescending };
    SwapOrder orderOutgoing(int r, std::vector<Outgoing>& sorted,
                            std::vector<Outgoing>& special) const;
    // The outgoing clients' fields and r's totals without each, one array per field.
    struct SwapColumns {
        std::vector<double> value, difficulty, workload;
        std::vector<double> restValue, restDifficulty, restWorkload, restHardest;
    };
    SwapColumns columnsOf(const std::vector<Outgoing>& sorted) const;
    std::size_t pruneLimit(SwapOrder order, const std::vector<Outgoing>& sorted,
                           int other) const;
    void swapGains(int r, int k, int top, int other, const Side& kRest, double base,
                   const SwapColumns& columns, std::size_t limit,
                   std::vector<double>& gains) const;
    inline Side withClient(Side s, int in) const;
    inline void violationParts(int r, const Side& side, int topOwner, double& deficit,
                        double& excess) const;
    bool onlyValueDeficit(int r, int topOwner) const {
        double deficit = 0.0;
        double excess = 0.0;
        violationParts(r, m_side[std::size_t(r)], topOwner, deficit, excess);
        return deficit > 0.0 && excess <= 0.0;
    }

    const AllocationContext& m_c;
    std::vector<int>& m_owner;
    // Per released position, copied once so that the searches read flat arrays.
    std::vector<double> m_value;
    std::vector<double> m_difficulty;
    std::vector<double> m_workload;
    std::vector<std::int64_t> m_ownFit;  // fit to the current owner, 10^-6; 0 when unplaced
    // Per receiver: room in clients, and the workload and value totals it may not exceed
    // (the limit plus kTolerance, infinite when there is none).
    std::vector<int> m_room;
    std::vector<double> m_workloadLimit;
    double m_valueLimit = 0.0;
    std::vector<std::vector<int>> m_bundle;  // released positions per receiver
    std::vector<Side> m_side;
    std::vector<double> m_violation;  // per receiver, under the current owners
    std::vector<int> m_hardestPos;
    std::vector<double> m_secondHardest;
    std::vector<double> m_difficultyShare;  // S_i
    double m_valueUnit = 1.0;               // mean T_i
    double m_difficultyUnit = 1.0;          // mean S_i
    int m_topClient = -1;  // the most valuable released client
    // The kTopList most valuable released clients, most valuable first, and each released
    // position's rank in that list (-1 outside it). A move of one of them can change the
    // value outside any bundle, so it refreshes every receiver's violation.
    std::vector<int> m_topList;
    std::vector<int> m_topRank;
    std::vector<std::vector<int>> m_near;  // per receiver: positions with an arc to it
    std::vector<std::vector<int>> m_nearArc;  // the arc of each of those positions
    // The candidate graph's arcs per position in compressed rows: receivers and fits of
    // position p are at [m_arcStart[p], m_arcStart[p + 1]).
    std::vector<int> m_arcStart;
    std::vector<int> m_arcReceiver;
    std::vector<std::int64_t> m_arcFit;
    // Per position: the largest fit of an open pair outside its arcs, -1 when every open
    // pair is an arc (the graph's omittedFit), kFitScale for a client outside the graph.
    std::vector<std::int64_t> m_omittedFit;
    std::vector<int> m_everyone;      // 0 .. released - 1
    std::vector<int> m_allReceivers;  // 0 .. receivers - 1
};

Repair::Repair(const AllocationContext& c, std::vector<int>& owner, const CandidateGraph& graph)
    : m_c(c), m_owner(owner) {
    std::size_t m = c.receivers.size();
    std::size_t n = c.released.size();
    for (int pos = 0; pos < int(n); ++pos) {
        m_value.push_back(c.valueOf(pos));
        m_difficulty.push_back(c.difficultyOf(pos));
        m_workload.push_back(c.workloadOf(pos));
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
    m_ownFit.assign(n, 0);
    for (int pos = 0; pos < int(n); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        m_bundle[std::size_t(r)].push_back(pos);
        m_ownFit[std::size_t(pos)] = fitMicro(pos, r);
    }
    for (int r = 0; r < int(m); ++r) refresh(r);
    computeShares();
    for (int pos = 0; pos < int(n); ++pos) m_everyone.push_back(pos);
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
    m_nearArc.assign(m_c.receivers.size(), {});
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
            m_nearArc[std::size_t(arc.employee)].push_back(slot);
            m_arcReceiver[std::size_t(slot)] = arc.employee;
            m_arcFit[std::size_t(slot)] = arc.fit;
        }
    }
}

int Repair::arcOf(int pos, int r) const {
    for (int a = m_arcStart[std::size_t(pos)]; a < m_arcStart[std::size_t(pos) + 1]; ++a) {
        if (m_arcReceiver[std::size_t(a)] == r) return a;
    }
    return -1;
}

// The arcs carry FitModel's fit of the pair, so only pairs outside the graph compute it.
std::int64_t Repair::fitMicro(int pos, int r) const {
    int a = arcOf(pos, r);
    return a >= 0 ? m_arcFit[std::size_t(a)] : m_c.fitMicroOf(pos, r);
}

void Repair::refresh(int r) {
    Side s;
    int hardestPos = -1;
    double second = 0.0;
    for (int pos : m_bundle[std::size_t(r)]) {
        double d = m_difficulty[std::size_t(pos)];
        s.count += 1;
        s.workload += m_workload[std::size_t(pos)];
        s.value += m_value[std::size_t(pos)];
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
    double sumW = 0.0, sumD = 0.0, sumT = 0.0;
    for (double w : c.weights) sumW += w;
    for (double t : c.targets) sumT += t;
    std::vector<int> byValue;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += m_difficulty[std::size_t(pos)];
        byValue.push_back(pos);
    }
    std::size_t listed = std::min(byValue.size(), kTopList);
    std::partial_sort(byValue.begin(), byValue.begin() + std::ptrdiff_t(listed), byValue.end(),
                      [&](int a, int b) {
                          double va = m_value[std::size_t(a)];
                          double vb = m_value[std::size_t(b)];
                          return va != vb ? va > vb : a < b;
                      });
    m_topList.assign(byValue.begin(), byValue.begin() + std::ptrdiff_t(listed));
    m_topRank.assign(byValue.size(), -1);
    for (std::size_t k = 0; k < listed; ++k) m_topRank[std::size_t(m_topList[k])] = int(k);
    m_topClient = m_topList.empty() ? -1 : m_topList[0];
    std::size_t m = c.receivers.size();
    m_difficultyShare.assign(m, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        m_difficultyShare[i] = sumW > 0.0 ? c.weights[i] / sumW * sumD : 0.0;
    }
    if (m > 0 && sumT > 0.0) m_valueUnit = sumT / double(m);
    if (m > 0 && sumD > 0.0) m_difficultyUnit = sumD / double(m);
}

double Repair::outsideValue(int r, int topOwner) const {
    if (m_topClient < 0) return 0.0;
    if (topOwner != r) return m_value[std::size_t(m_topClient)];
    for (std::size_t k = 1; k < m_topList.size(); ++k) {
        int pos = m_topList[k];
        if (m_owner[std::size_t(pos)] != r) return m_value[std::size_t(pos)];
    }
    // r owns every listed client, so the whole book is scanned.
    double best = 0.0;
    for (std::size_t pos = 0; pos < m_value.size(); ++pos) {
        if (int(pos) != m_topClient && m_owner[pos] != r) best = std::max(best, m_value[pos]);
    }
    return best;
}

// The same "largest value outside the bundle" as the certificates. `deficit` and `excess`
// are in the book's units, unclamped.
inline void Repair::violationParts(int r, const Side& side, int topOwner, double& deficit,
                            double& excess) const {
    double best = outsideValue(r, topOwner);
    deficit = m_c.targets[std::size_t(r)] - side.value - best;
    excess = side.difficulty - side.hardest - m_difficultyShare[std::size_t(r)];
}

inline double Repair::violationOf(int r, const Side& side, int topOwner) const {
    double deficit = 0.0;
    double excess = 0.0;
    violationParts(r, side, topOwner, deficit, excess);
    return std::max(0.0, deficit) / m_valueUnit + std::max(0.0, excess) / m_difficultyUnit;
}

// r's totals once `out` leaves and `in` arrives (either may be -1).
inline Side Repair::after(int r, int out, int in) const {
    Side s = m_side[std::size_t(r)];
    if (out >= 0) {
        s.count -= 1;
        s.workload -= m_workload[std::size_t(out)];
        s.value -= m_value[std::size_t(out)];
        s.difficulty -= m_difficulty[std::size_t(out)];
        if (out == m_hardestPos[std::size_t(r)]) s.hardest = m_secondHardest[std::size_t(r)];
    }
    return in >= 0 ? withClient(s, in) : s;
}

inline Side Repair::withClient(Side s, int in) const {
    s.count += 1;
    s.workload += m_workload[std::size_t(in)];
    s.value += m_value[std::size_t(in)];
    s.difficulty += m_difficulty[std::size_t(in)];
    s.hardest = std::max(s.hardest, m_difficulty[std::size_t(in)]);
    return s;
}

// An arc of the graph is an open pair; any other pair takes the tests of staticReason.
bool Repair::eligible(int pos, int r) const {
    return arcOf(pos, r) >= 0 || m_c.isOpen(pos, r);
}

// Keeps the step with the smaller fit loss per unit of gain; equal ratios go by lottery.
// The last key, `back`, differs between any two candidates of one search, so the choice
// does not depend on the order candidates are tried in, unless rounding of the two cross
// products makes the ratio comparison intransitive.
Step Repair::consider(Step s, Step& best, std::int64_t toFit) const {
    if (s.gain <= kMet) return {};
    if (toFit == kUnknownLoss) toFit = fitMicro(s.client, s.to);
    s.fitLoss = m_ownFit[std::size_t(s.client)] - toFit;
    if (s.back >= 0) s.fitLoss += m_ownFit[std::size_t(s.back)] - fitMicro(s.back, s.from);
    if (best.client < 0 || preferable(s, best)) std::swap(best, s);
    return s;
}

// Scores the swap `s`, whose fitLoss contains the incoming client's part so far, and keeps
// it in `best` when preferable. A lower bound on its fit loss comes from the outgoing
// client's arc or its best fit off the arcs. Swaps strictly worse than `best`, or than `bar`
// when one is given, are dropped by that bound before the pair test and the exact fit.
void Repair::offerSwap(Step s, Step& best, const Step* bar) const {
    int arc = arcOf(s.back, s.from);
    std::int64_t upper = arc >= 0 ? m_arcFit[std::size_t(arc)] : m_omittedFit[std::size_t(s.back)];
    if (upper < 0) return;  // every open pair of the outgoing client is an arc
    std::int64_t ownOut = m_ownFit[std::size_t(s.back)];
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

bool Repair::preferable(const Step& a, const Step& b) const {
    double mine = double(a.fitLoss) * b.gain;
    double theirs = double(b.fitLoss) * a.gain;
    if (mine != theirs) return mine < theirs;
    // Equal ratios (often two moves that lose no fit) go to the larger gain first.
    if (a.gain != b.gain) return a.gain > b.gain;
    // The lottery is drawn only for a full tie, because a draw costs a hash.
    std::uint64_t draw = m_c.lottery(a.client, a.to);
    std::uint64_t otherDraw = m_c.lottery(b.client, b.to);
    if (draw != otherDraw) return draw < otherDraw;
    return a.back < b.back;
}

// The best single move into r (a value deficit) or out of r (a difficulty excess).
Step Repair::bestMoveFor(int r, bool full, std::vector<Step>* others) const {
    Step best;
    int topOwner = ownerOfTop();
    // `arc` is the pair's arc, or -1 when the pair may lie outside the graph.
    auto evaluate = [&](int pos, int from, int to, int arc) {
        Side fromSide = after(from, pos, -1);
        Side toSide = after(to, -1, pos);
        int top = pos == m_topClient ? to : topOwner;
        double gain = m_violation[std::size_t(from)] + m_violation[std::size_t(to)] -
                      violationOf(from, fromSide, top) - violationOf(to, toSide, top);
        // The arithmetic above is cheap; the room and pair tests only run for a gain.
        if (gain <= kMet || !hasRoom(to, toSide) || (arc < 0 && !eligible(pos, to))) return;
        // The better of the two stays in `best`; the other joins `others`.
        std::int64_t toFit = arc < 0 ? kUnknownLoss : m_arcFit[std::size_t(arc)];
        Step step = consider({pos, -1, from, to, gain}, best, toFit);
        if (others != nullptr && step.client >= 0) others->push_back(step);
    };
    const std::vector<int>& incoming = full ? m_everyone : m_near[std::size_t(r)];
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        int pos = incoming[i];
        int from = m_owner[std::size_t(pos)];
        if (from == r || !movable(pos)) continue;
        evaluate(pos, from, r, full ? -1 : m_nearArc[std::size_t(r)][i]);
    }
    if (violation(r) <= kMet) return best;
    for (int pos : m_bundle[std::size_t(r)]) {
        if (!movable(pos)) continue;
        if (full) {
            for (int to : m_allReceivers) {
                if (to != r) evaluate(pos, r, to, -1);
            }
            continue;
        }
        for (int a = m_arcStart[std::size_t(pos)]; a < m_arcStart[std::size_t(pos) + 1]; ++a) {
            int to = m_arcReceiver[std::size_t(a)];
            if (to != r) evaluate(pos, r, to, a);
        }
    }
    return best;
}

Step Repair::rescored(Step s) const {
    s.gain = 0.0;
    if (m_owner[std::size_t(s.client)] != s.from || !movable(s.client)) return s;
    if (s.back >= 0 && (m_owner[std::size_t(s.back)] != s.to || !movable(s.back))) return s;
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
    auto value = [&](const Outgoing& o) { return m_value[std::size_t(o.pos)]; };
    auto difficulty = [&](const Outgoing& o) { return m_difficulty[std::size_t(o.pos)]; };
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
    const std::vector<int>& incoming = full ? m_everyone : m_near[std::size_t(r)];
    for (std::size_t at = 0; at < incoming.size(); ++at) {
        int other = incoming[at];
        Step bestForOther;
        int k = m_owner[std::size_t(other)];
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
                std::int64_t inFit = full ? fitMicro(other, r)
                                          : m_arcFit[std::size_t(m_nearArc[std::size_t(r)][at])];
                inLoss = m_ownFit[std::size_t(other)] - inFit;
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
        if (topSteps.size() < topLimit || preferable(bestForOther, topSteps.front())) {
            topSteps.push_back(bestForOther);
            std::push_heap(topSteps.begin(), topSteps.end(), better);
            if (topSteps.size() > topLimit) {
                std::pop_heap(topSteps.begin(), topSteps.end(), better);
                topSteps.pop_back();
            }
        }
        if (best.client < 0 || preferable(bestForOther, best)) std::swap(best, bestForOther);
        if (others != nullptr && bestForOther.client >= 0) others->push_back(bestForOther);
    }
    return best;
}

// How many of the sorted outgoing clients can gain with `other` coming in (see above).
std::size_t Repair::pruneLimit(SwapOrder order, const std::vector<Outgoing>& sorted,
                               int other) const {
    double incomingValue = m_value[std::size_t(other)];
    double incomingDifficulty = m_difficulty[std::size_t(other)];
    auto it = sorted.end();
    if (order == SwapOrder::ValueAscending) {
        it = std::partition_point(sorted.begin(), sorted.end(), [&](const Outgoing& o) {
            return m_value[std::size_t(o.pos)] < incomingValue;
        });
    } else if (order == SwapOrder::DifficultyDescending) {
        it = std::partition_point(sorted.begin(), sorted.end(), [&](const Outgoing& o) {
            return m_difficulty[std::size_t(o.pos)] > incomingDifficulty;
        });
    }
    return std::size_t(it - sorted.begin());
}

Repair::SwapColumns Repair::columnsOf(const std::vector<Outgoing>& sorted) const {
    SwapColumns c;
    for (const Outgoing& o : sorted) {
        c.value.push_back(m_value[std::size_t(o.pos)]);
        c.difficulty.push_back(m_difficulty[std::size_t(o.pos)]);
        c.workload.push_back(m_workload[std::size_t(o.pos)]);
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
    double inValue = m_value[std::size_t(other)];
    double inDifficulty = m_difficulty[std::size_t(other)];
    double inWorkload = m_workload[std::size_t(other)];
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

void Repair::apply(const Step& s) {
    auto move = [&](int pos, int from, int to) {
        auto& list = m_bundle[std::size_t(from)];
        list.erase(std::find(list.begin(), list.end(), pos));
        m_bundle[std::size_t(to)].push_back(pos);
        m_owner[std::size_t(pos)] = to;
        m_ownFit[std::size_t(pos)] = fitMicro(pos, to);
    };
    move(s.client, s.from, s.to);
    if (s.back >= 0) move(s.back, s.to, s.from);
    refresh(s.from);
    refresh(s.to);
    bool listedMoved = m_topRank[std::size_t(s.client)] >= 0 ||
                       (s.back >= 0 && m_topRank[std::size_t(s.back)] >= 0);
    refreshViolations(listedMoved, s.from, s.to);
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

// Tries moves, then swaps, first over the candidate graph and then over every pair. A
// step found over the graph also returns the search's other steps, best first.
Step findStep(const Repair& repair, int r, FairnessRepairStats& stats, std::vector<Step>& more) {
    auto found = [&](const Step& step) {
        std::sort(more.begin(), more.end(), [&](const Step& a, const Step& b) {
            return repair.preferable(a, b);
        });
        if (more.size() > kFollowUps) more.resize(kFollowUps);
        return step;
    };
    for (bool full : {false, true}) {
        more.clear();
        Step step = repair.bestMoveFor(r, full, full ? nullptr : &more);
        stats.searches += 1;
        stats.fullSearches += full ? 1 : 0;
        if (step.client >= 0) return found(step);
        more.clear();
        step = repair.bestSwapFor(r, full, full ? nullptr : &more);
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
            Step step = findStep(repair, r, stats, more);
            if (step.client < 0) {
                stuck[std::size_t(r)] = 1;
                continue;
            }
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
        stats.moves += stats.moved[pos];
    }
    return stats;
}

}  // namespace baton
