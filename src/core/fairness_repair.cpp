#include "core/fairness_repair.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace baton {
namespace {

constexpr double kSlack = 1e-9;

// Running totals of every receiver's bundle.
struct Bundles {
    std::vector<int> count;
    std::vector<double> workload;
    std::vector<double> value;
    std::vector<double> difficulty;
    std::vector<double> hardest;  // largest difficulty in the bundle, 0 when empty
};

struct Shares {
    std::vector<double> valueTarget;       // T_i
    std::vector<double> difficultyShare;   // S_i = w_i / sum w * sum D
    int topValue[2] = {-1, -1};            // the two most valuable released clients
};

Bundles totals(const AllocationContext& c, const std::vector<int>& owner) {
    std::size_t m = c.receivers.size();
    Bundles b{std::vector<int>(m, 0), std::vector<double>(m, 0.0), std::vector<double>(m, 0.0),
              std::vector<double>(m, 0.0), std::vector<double>(m, 0.0)};
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        std::size_t i = std::size_t(r);
        b.count[i] += 1;
        b.workload[i] += c.workloadOf(pos);
        b.value[i] += c.valueOf(pos);
        b.difficulty[i] += c.difficultyOf(pos);
        b.hardest[i] = std::max(b.hardest[i], c.difficultyOf(pos));
    }
    return b;
}

Shares shares(const AllocationContext& c) {
    Shares s;
    double sumW = 0.0;
    double sumD = 0.0;
    for (double w : c.weights) sumW += w;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += c.difficultyOf(pos);
        double v = c.valueOf(pos);
        if (s.topValue[0] < 0 || v > c.valueOf(s.topValue[0])) {
            s.topValue[1] = s.topValue[0];
            s.topValue[0] = pos;
        } else if (s.topValue[1] < 0 || v > c.valueOf(s.topValue[1])) {
            s.topValue[1] = pos;
        }
    }
    s.valueTarget = c.targets;
    s.difficultyShare.resize(c.receivers.size(), 0.0);
    for (std::size_t i = 0; i < c.receivers.size(); ++i) {
        s.difficultyShare[i] = sumW > 0.0 ? c.weights[i] / sumW * sumD : 0.0;
    }
    return s;
}

double valueDeficit(const AllocationContext& c, const Shares& s, const std::vector<int>& owner,
                    const Bundles& b, int r) {
    int outside = s.topValue[0] >= 0 && owner[std::size_t(s.topValue[0])] == r ? s.topValue[1]
                                                                              : s.topValue[0];
    double best = outside >= 0 ? c.valueOf(outside) : 0.0;
    return s.valueTarget[std::size_t(r)] - (b.value[std::size_t(r)] + best);
}

double difficultyExcess(const Shares& s, const Bundles& b, int r) {
    std::size_t i = std::size_t(r);
    return b.difficulty[i] - b.hardest[i] - s.difficultyShare[i];
}

// The largest difficulty in r's bundle without the client at `removed`.
double hardestWithout(const AllocationContext& c, const std::vector<int>& owner, int r,
                      int removed) {
    double hardest = 0.0;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (pos != removed && owner[std::size_t(pos)] == r) {
            hardest = std::max(hardest, c.difficultyOf(pos));
        }
    }
    return hardest;
}

struct Move {
    int client = -1;
    int to = -1;
    std::int64_t fitLoss = std::numeric_limits<std::int64_t>::max();
};

// The effect of moving one client, for the tests below.
struct MoveEffect {
    bool allowed = false;            // every hard constraint holds and neither side gets worse
    double toValueDeficit = 0.0;     // the receiver's value deficit after the move
    double fromDifficultyExcess = 0.0;  // the giver's difficulty excess after the move
};

// Checks moving `pos` from `from` to `to`: every hard constraint must hold, and each side
// must stay within a guarantee it met before the move, or at least get no worse.
// `fromHardest` is the hardest client left with `from` after the move.
MoveEffect tryMove(const AllocationContext& c, const Shares& s, std::vector<int>& owner,
                   const Bundles& b, int pos, int from, int to, double fromHardest) {
    MoveEffect effect;
    std::size_t f = std::size_t(from), t = std::size_t(to);
    // The room test is cheap and rejects most pairs, so it goes before the eligibility test.
    if (!c.fitsLimits(to, b.count[t] + 1, b.workload[t] + c.workloadOf(pos),
                      b.value[t] + c.valueOf(pos))) {
        return effect;
    }
    if (!c.staticReason(pos, to).empty()) return effect;
    double beforeFromValue = valueDeficit(c, s, owner, b, from);
    double beforeToDifficulty = difficultyExcess(s, b, to);
    double v = c.valueOf(pos), d = c.difficultyOf(pos);
    Bundles after = b;
    after.count[f] -= 1;
    after.count[t] += 1;
    after.value[f] -= v;
    after.value[t] += v;
    after.difficulty[f] -= d;
    after.difficulty[t] += d;
    after.hardest[f] = fromHardest;
    after.hardest[t] = std::max(after.hardest[t], d);
    owner[std::size_t(pos)] = to;
    double fromValue = valueDeficit(c, s, owner, after, from);
    effect.toValueDeficit = valueDeficit(c, s, owner, after, to);
    owner[std::size_t(pos)] = from;
    double toDifficulty = difficultyExcess(s, after, to);
    effect.fromDifficultyExcess = difficultyExcess(s, after, from);
    effect.allowed = (fromValue <= kSlack || fromValue <= beforeFromValue + kSlack) &&
                     (toDifficulty <= kSlack || toDifficulty <= beforeToDifficulty + kSlack);
    return effect;
}

// The hardest client left with `from` once `pos` leaves it.
double hardestAfterRemoval(const AllocationContext& c, const std::vector<int>& owner,
                           const Bundles& b, int from, int pos) {
    if (c.difficultyOf(pos) < b.hardest[std::size_t(from)]) return b.hardest[std::size_t(from)];
    return hardestWithout(c, owner, from, pos);
}

std::int64_t fitLoss(const AllocationContext& c, int pos, int from, int to) {
    return c.fitOf(pos, from).micro - c.fitOf(pos, to).micro;
}

bool better(const AllocationContext& c, const Move& candidate, const Move& best) {
    if (candidate.fitLoss != best.fitLoss) return candidate.fitLoss < best.fitLoss;
    if (best.client < 0) return true;
    std::uint64_t a = c.lottery(candidate.client, candidate.to);
    std::uint64_t b = c.lottery(best.client, best.to);
    if (a != b) return a < b;
    return candidate.client < best.client;
}

// The cheapest move that brings a client to `needy` and shrinks its value deficit, from a
// receiver that keeps its own value guarantee.
Move bestMoveTo(const AllocationContext& c, const Shares& s, std::vector<int>& owner,
                const Bundles& b, int needy, double deficit) {
    Move best;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int from = owner[std::size_t(pos)];
        if (from < 0 || from == needy || c.pinned[std::size_t(pos)] == from) continue;
        if (c.valueOf(pos) <= kSlack) continue;
        double fromHardest = hardestAfterRemoval(c, owner, b, from, pos);
        MoveEffect effect = tryMove(c, s, owner, b, pos, from, needy, fromHardest);
        if (!effect.allowed || effect.toValueDeficit >= deficit - kSlack) continue;
        Move m{pos, needy, fitLoss(c, pos, from, needy)};
        if (better(c, m, best)) best = m;
    }
    return best;
}

// The cheapest move that takes a client away from `burdened`, shrinks its difficulty
// excess, and leaves the new owner within its difficulty share.
Move bestMoveFrom(const AllocationContext& c, const Shares& s, std::vector<int>& owner,
                  const Bundles& b, int burdened, double excess) {
    Move best;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (owner[std::size_t(pos)] != burdened || c.pinned[std::size_t(pos)] == burdened) continue;
        if (c.difficultyOf(pos) <= kSlack) continue;
        double fromHardest = hardestAfterRemoval(c, owner, b, burdened, pos);
        for (int to = 0; to < c.receiverCount(); ++to) {
            if (to == burdened) continue;
            MoveEffect effect = tryMove(c, s, owner, b, pos, burdened, to, fromHardest);
            if (!effect.allowed || effect.fromDifficultyExcess >= excess - kSlack) continue;
            Move m{pos, to, fitLoss(c, pos, burdened, to)};
            if (better(c, m, best)) best = m;
        }
    }
    return best;
}

void apply(const AllocationContext& c, std::vector<int>& owner, Bundles& b, const Move& m) {
    owner[std::size_t(m.client)] = m.to;
    b = totals(c, owner);
}

// The receiver with the worst violation not yet found stuck, and whether it is a value
// deficit (true) or a difficulty excess (false); -1 when none is left.
int worstViolation(const AllocationContext& c, const Shares& s, const std::vector<int>& owner,
                   const Bundles& b, const std::vector<char>& stuck, bool& isValue) {
    int worst = -1;
    double amount = kSlack;
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (stuck[std::size_t(r)]) continue;
        double deficit = valueDeficit(c, s, owner, b, r);
        if (deficit > amount) {
            worst = r;
            amount = deficit;
            isValue = true;
        }
    }
    if (worst >= 0) return worst;
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (stuck[std::size_t(r)]) continue;
        double excess = difficultyExcess(s, b, r);
        if (excess > amount) {
            worst = r;
            amount = excess;
            isValue = false;
        }
    }
    return worst;
}

}  // namespace

FairnessRepairStats repairFairness(const AllocationContext& c, Placement& placement,
                                   int maxMoves) {
    FairnessRepairStats stats;
    stats.moved.assign(placement.owner.size(), 0);
    if (c.receiverCount() < 2 || c.releasedCount() == 0) return stats;
    Shares s = shares(c);
    std::vector<int>& owner = placement.owner;
    Bundles b = totals(c, owner);
    std::vector<char> stuck(c.receivers.size(), 0);
    while (true) {
        bool isValue = true;
        int r = worstViolation(c, s, owner, b, stuck, isValue);
        if (r < 0) break;
        if (stats.moves >= maxMoves) {
            stats.capped = true;
            break;
        }
        Move m = isValue ? bestMoveTo(c, s, owner, b, r, valueDeficit(c, s, owner, b, r))
                         : bestMoveFrom(c, s, owner, b, r, difficultyExcess(s, b, r));
        if (m.client < 0) {
            stuck[std::size_t(r)] = 1;
            continue;
        }
        apply(c, owner, b, m);
        stats.moved[std::size_t(m.client)] = 1;
        ++stats.moves;
        std::fill(stuck.begin(), stuck.end(), 0);
    }
    return stats;
}

}  // namespace baton
