// The state of the fairness repair and the inline helpers of its searches, shared by
// fairness_repair.cpp (the driver, moves and bookkeeping) and fairness_repair_swap.cpp
// (the swap search). Internal to the repair; see fairness_repair.h for the method.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_set>
#include <vector>

#include "core/allocation_context.h"
#include "core/candidates.h"

namespace baton::repair_detail {

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
    double gain = 0.0;         // drop of the total violation
    std::int64_t fitLoss = 0;  // fit given up, in 10^-6
};

class Repair {
public:
    Repair(const AllocationContext& c, std::vector<int>& owner, const CandidateGraph& graph);

    double violation(int r) const { return m_violation[std::size_t(r)]; }
    // The receiver with the largest violation that is not marked stuck, or -1.
    int worstReceiver(const std::vector<char>& stuck) const;
    // With `full` false, only r's pairs in the candidate graph are tried. With `full` true,
    // only the pairs of clients in m_offGraph are, because the graph's pairs gave no step.
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
    // Adds the pairs of a full search's steps to their receivers' graph candidates.
    void adopt(const Step& step, const std::vector<Step>& more);
    // Moves clients between receivers that fit them equally well where that evens out
    // the value and difficulty shares. Marks each moved position in `levelled` and
    // returns the number of moves (see fairness_repair_level.cpp).
    int levelTies(int maxMoves, std::vector<char>& levelled);

private:
    void indexArcs(const CandidateGraph& graph);
    void refresh(int r);
    void refreshViolations(bool everyone, int from, int to);
    void computeShares();
    int ownerOfTop() const {
        return m_topClient < 0 ? -1 : m_items[std::size_t(m_topClient)].owner;
    }
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
        int r = m_items[std::size_t(pos)].owner;
        return r >= 0 && m_items[std::size_t(pos)].pinned != r;
    }
    // Keeps in `best` the better of it and `candidate` once scored; returns the other, or
    // an empty step when `candidate` gains nothing.
    // `toFit` is the fit of the client to s.to when the caller knows it.
    Step consider(Step candidate, Step& best, std::int64_t toFit = kUnknownLoss) const;
    void offerSwap(Step s, Step& best, const Step* bar) const;
    // Levelling: the change of the balance measure when `pos` joins (sign 1) or leaves
    // (sign -1) r, whether r has a positive target, and the best equal-fit move.
    double balanceChange(int r, int pos, double sign) const;
    bool hasShares(int r) const;
    int levelTarget(int pos) const;
    std::vector<int> tiedClients() const;
    bool violationRose(const std::vector<double>& before) const;

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
    std::size_t pruneLimit(SwapOrder order, const std::vector<Outgoing>& sorted, int other) const;
    void swapGains(int r, int k, int top, int other, const Side& kRest, double base,
                   const SwapColumns& columns, std::size_t limit, std::vector<double>& gains) const;
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
    // A released client's figures and its owner now, in one record because the searches
    // read them together for scattered positions. `owner` follows m_owner.
    struct Item {
        double value;
        double difficulty;
        double workload;
        std::int64_t ownFit;  // fit to the current owner, 10^-6; 0 when unplaced
        int owner;
        int pinned;  // the receiver it is pinned to, or -1
    };
    std::vector<Item> m_items;
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
    int m_topClient = -1;                   // the most valuable released client
    // The kTopList most valuable released clients, most valuable first, and each released
    // position's rank in that list (-1 outside it). A move of one of them can change the
    // value outside any bundle, so it refreshes every receiver's violation.
    std::vector<int> m_topList;
    std::vector<int> m_topRank;
    std::vector<std::vector<int>> m_near;  // per receiver: positions with an arc to it
    // The fit of each of those pairs, beside the positions, because a search reads them in
    // that order and the arcs lie scattered.
    std::vector<std::vector<std::int64_t>> m_nearFit;
    // The candidate graph's arcs per position in compressed rows: receivers and fits of
    // position p are at [m_arcStart[p], m_arcStart[p + 1]).
    std::vector<int> m_arcStart;
    std::vector<int> m_arcReceiver;
    std::vector<std::int64_t> m_arcFit;
    // Per position: the largest fit of an open pair outside its arcs, -1 when every open
    // pair is an arc (the graph's omittedFit), kFitScale for a client outside the graph.
    std::vector<std::int64_t> m_omittedFit;
    // Positions with an open pair outside the graph (m_omittedFit >= 0). A full search
    // runs only after the graph's pairs gave no step, so it needs only these clients.
    std::vector<int> m_offGraph;
    // Pairs off the graph that adopt() added to m_near, as position << 32 | receiver.
    std::unordered_set<std::uint64_t> m_adopted;
    std::vector<int> m_allReceivers;  // 0 .. receivers - 1
};

inline int Repair::arcOf(int pos, int r) const {
    for (int a = m_arcStart[std::size_t(pos)]; a < m_arcStart[std::size_t(pos) + 1]; ++a) {
        if (m_arcReceiver[std::size_t(a)] == r) return a;
    }
    return -1;
}

// The arcs carry FitModel's fit of the pair, so only pairs outside the graph compute it.
inline std::int64_t Repair::fitMicro(int pos, int r) const {
    int a = arcOf(pos, r);
    return a >= 0 ? m_arcFit[std::size_t(a)] : m_c.fitMicroOf(pos, r);
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
        s.workload -= m_items[std::size_t(out)].workload;
        s.value -= m_items[std::size_t(out)].value;
        s.difficulty -= m_items[std::size_t(out)].difficulty;
        if (out == m_hardestPos[std::size_t(r)]) s.hardest = m_secondHardest[std::size_t(r)];
    }
    return in >= 0 ? withClient(s, in) : s;
}

inline Side Repair::withClient(Side s, int in) const {
    s.count += 1;
    s.workload += m_items[std::size_t(in)].workload;
    s.value += m_items[std::size_t(in)].value;
    s.difficulty += m_items[std::size_t(in)].difficulty;
    s.hardest = std::max(s.hardest, m_items[std::size_t(in)].difficulty);
    return s;
}

// An arc of the graph is an open pair; any other pair takes the tests of staticReason.
inline bool Repair::eligible(int pos, int r) const {
    return arcOf(pos, r) >= 0 || m_c.isOpen(pos, r);
}

inline bool Repair::preferable(const Step& a, const Step& b) const {
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

}  // namespace baton::repair_detail
