// Levelling among equal fits: after the WPROP1 repair, a client whose fit is the same with
// another receiver moves there when that evens out the shares. See Repair::levelTies.
#include <cstdint>
#include <vector>

#include "core/fairness_repair_state.h"

namespace baton::repair_detail {
namespace {

// A move must lower the balance measure by more than this, so that rounding noise never
// makes a move and the passes end.
constexpr double kLevelSlack = 1e-12;

// Passes over the released book; a pass that moves nothing ends the levelling earlier.
constexpr int kLevelPasses = 8;

}  // namespace

// The balance measure is the sum over receivers of U^2 / T over the mean target plus
// D^2 / S over the mean share, each a weighted square of the receiver's ratio to its
// target. Adding a client of value v to a receiver with value U changes its value term
// by v (v + 2U) / T; removing it, by v (v - 2U) / T.
double Repair::balanceChange(int r, int pos, double sign) const {
    double target = m_c.targets[std::size_t(r)];
    double share = m_difficultyShare[std::size_t(r)];
    const Side& side = m_side[std::size_t(r)];
    double v = m_items[std::size_t(pos)].value;
    double d = m_items[std::size_t(pos)].difficulty;
    double change = v * (v + sign * 2.0 * side.value) / target / m_valueUnit;
    // A share of 0 beside a positive target means that no released client has difficulty.
    if (share > 0.0) change += d * (d + sign * 2.0 * side.difficulty) / share / m_difficultyUnit;
    return change;
}

bool Repair::hasShares(int r) const {
    return m_c.targets[std::size_t(r)] > 0.0;
}

// The receiver that takes `pos` at the same fit and lowers the balance measure the most,
// or -1. A move never raises either receiver's violation, never breaks a limit and never
// touches a pinned client. For one of the most valuable clients, whose move changes the
// value outside other bundles too, the caller checks every receiver (see levelTies).
int Repair::levelTarget(int pos) const {
    const Item& item = m_items[std::size_t(pos)];
    int from = item.owner;
    if (!movable(pos) || !hasShares(from)) return -1;
    int first = m_arcStart[std::size_t(pos)];
    int last = m_arcStart[std::size_t(pos) + 1];
    int best = -1;
    double bestChange = -kLevelSlack;
    double out = 0.0;
    bool outKnown = false;
    int top = ownerOfTop();
    for (int a = first; a < last; ++a) {
        int to = m_arcReceiver[std::size_t(a)];
        if (to == from || m_arcFit[std::size_t(a)] != item.ownFit || !hasShares(to)) continue;
        if (!outKnown) {
            Side fromSide = after(from, pos, -1);
            if (violationOf(from, fromSide, top) > m_violation[std::size_t(from)] + kMet) return -1;
            out = balanceChange(from, pos, -1.0);
            outKnown = true;
        }
        double change = out + balanceChange(to, pos, 1.0);
        if (!(change < bestChange)) continue;
        Side toSide = after(to, -1, pos);
        if (!hasRoom(to, toSide)) continue;
        if (violationOf(to, toSide, top) > m_violation[std::size_t(to)] + kMet) continue;
        best = to;
        bestChange = change;
    }
    return best;
}

bool Repair::violationRose(const std::vector<double>& before) const {
    for (std::size_t r = 0; r < before.size(); ++r) {
        if (m_violation[r] > before[r] + kMet) return true;
    }
    return false;
}

// Passes over the book in position order, so the result depends only on the input and
// the seed. Each move lowers the balance measure by more than kLevelSlack, so the passes
// end even without their cap.
// A move keeps the client's fit, so the clients with another receiver of the same fit stay
// the same set through the passes.
std::vector<int> Repair::tiedClients() const {
    std::vector<int> tied;
    for (int pos = 0; pos < int(m_items.size()); ++pos) {
        const Item& item = m_items[std::size_t(pos)];
        if (item.owner < 0) continue;
        for (int a = m_arcStart[std::size_t(pos)]; a < m_arcStart[std::size_t(pos) + 1]; ++a) {
            if (m_arcReceiver[std::size_t(a)] != item.owner &&
                m_arcFit[std::size_t(a)] == item.ownFit) {
                tied.push_back(pos);
                break;
            }
        }
    }
    return tied;
}

int Repair::levelTies(int maxMoves, std::vector<char>& levelled) {
    std::vector<int> tied = tiedClients();
    int moves = 0;
    for (int pass = 0; pass < kLevelPasses && moves < maxMoves; ++pass) {
        int before = moves;
        for (std::size_t t = 0; t < tied.size() && moves < maxMoves; ++t) {
            int pos = tied[t];
            int to = levelTarget(pos);
            if (to < 0) continue;
            int from = m_items[std::size_t(pos)].owner;
            if (m_topRank[std::size_t(pos)] >= 0) {
                // The move is made, and undone when any receiver's violation rose.
                std::vector<double> violations = m_violation;
                apply({pos, -1, from, to, 0.0});
                if (violationRose(violations)) {
                    apply({pos, -1, to, from, 0.0});
                    continue;
                }
            } else {
                apply({pos, -1, from, to, 0.0});
            }
            levelled[std::size_t(pos)] = 1;
            moves += 1;
        }
        if (moves == before) break;
    }
    return moves;
}

}  // namespace baton::repair_detail
