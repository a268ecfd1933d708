// Entitlement weights, value targets and difficulty shares of an allocation run's receivers.
#include <algorithm>
#include <map>

#include "core/allocation_context.h"
#include "core/fixed_text.h"

namespace baton {

namespace {

// The released clients that one set of receivers competes for. With the team boundary on,
// the clients of one team's leavers go to that team's members only, and the clients
// without an owner go to anyone. With it off, one pool contains every released client.
struct SharePool {
    bool anyTeam = true;
    std::string team;
    std::vector<int> positions;  // released positions, ascending
};

std::vector<SharePool> sharePools(const AllocationContext& c) {
    std::vector<SharePool> pools(1);
    std::map<std::string, std::size_t> byTeam;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int owner = c.policy.constraints.teamBoundary
                        ? c.eligibility.previousOwner(c.released[std::size_t(pos)])
                        : -1;
        if (owner < 0) {
            pools[0].positions.push_back(pos);
            continue;
        }
        const std::string& team = c.workspace.employees[std::size_t(owner)].team;
        auto [it, added] = byTeam.emplace(team, pools.size());
        if (added) pools.push_back(SharePool{false, team, {}});
        pools[it->second].positions.push_back(pos);
    }
    return pools;
}

// Whether receiver r may take at least one client of the pool on its own.
bool mayTakeFrom(const AllocationContext& c, int r, const SharePool& pool) {
    if (c.room[std::size_t(r)] <= 0) return false;
    if (!pool.anyTeam && c.receiver(r).team != pool.team) return false;
    return std::any_of(pool.positions.begin(), pool.positions.end(),
                       [&](int pos) { return c.isOpen(pos, r); });
}

// The value of the clients that stay with their owners: per receiver, per team and in all.
// The book top-up adds it to the released value.
struct KeptValue {
    std::vector<double> book;  // per receiver position
    std::map<std::string, double> byTeam;
    double all = 0.0;
};

KeptValue valueKept(const AllocationContext& c) {
    KeptValue kept;
    kept.book.assign(c.receivers.size(), 0.0);
    for (std::size_t j = 0; j < c.workspace.clients.size(); ++j) {
        int owner = c.eligibility.previousOwner(int(j));
        if (owner < 0 || c.eligibility.isReleased(int(j))) continue;
        double v = c.evaluation.clients[j].value;
        kept.all += v;
        kept.byTeam[c.workspace.employees[std::size_t(owner)].team] += v;
        if (int r = c.receiverPos[std::size_t(owner)]; r >= 0) kept.book[std::size_t(r)] += v;
    }
    return kept;
}

// Whether some receiver may take the client at pos on its own, or could with more room:
// a client that every receiver is barred from by its needs, a relationship, a forbid or the
// team boundary can go to nobody.
bool anyoneMayTake(const AllocationContext& c, int pos) {
    // isOpen is cheap and true for most clients, so it goes first.
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (c.isOpen(pos, r)) return true;
    }
    int j = c.released[std::size_t(pos)];
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (c.eligibility.pairReason(j, c.receivers[std::size_t(r)]).empty()) return true;
    }
    return false;
}

// Notes the released clients that nobody may take but that the targets count, because
// T_i = w_i / sum w * sum V adds up the value of every released client of the pool. Without
// the note, a receiver that got every client it could take fails WPROP1 on value for no
// visible reason.
void noteUntakeable(const AllocationContext& c, const std::vector<int>& positions,
                    std::vector<std::string>& notes) {
    int count = 0;
    double value = 0.0;
    for (int pos : positions) {
        if (anyoneMayTake(c, pos)) continue;
        count += 1;
        value += c.valueOf(pos);
    }
    if (count == 0) return;
    notes.push_back(std::to_string(count) +
                    (count == 1 ? " released client worth " : " released clients worth ") +
                    fixedText(value, 2) +
                    " can go to no active employee, yet the target values include that value "
                    "(T_i = w_i / sum w * sum V over every released client), so WPROP1 on "
                    "value can fail for a receiver that got every client it may take");
}

}  // namespace

void AllocationContext::computeWeights() {
    std::size_t m = receivers.size();
    const EntitlementPolicy& ent = policy.entitlement;
    std::vector<double> perf(m, 0.0);
    double meanP = 0.0;
    for (std::size_t r = 0; r < m; ++r) {
        perf[r] = evaluation.employees[std::size_t(receivers[r])].performance;
        meanP += perf[r];
    }
    if (m > 0) meanP /= double(m);
    weights.assign(m, 1.0);
    for (std::size_t r = 0; r < m; ++r) {
        double w = 1.0;
        if (ent.mode == EntitlementMode::Performance) w = std::max(perf[r], ent.performanceFloor);
        if (ent.mode == EntitlementMode::Blend) {
            w = ent.alpha + (1.0 - ent.alpha) * (meanP > 0.0 ? perf[r] / meanP : 1.0);
        }
        // A weight of 0 would make the weighted envy tests divide by 0.
        weights[r] = std::max(roundDecimals(w, 6), 1e-6);
    }
}

void AllocationContext::computeEntitlements() {
    computeWeights();
    std::size_t m = receivers.size();
    std::vector<SharePool> pools = sharePools(*this);
    std::vector<std::vector<char>> member(pools.size(), std::vector<char>(m, 0));
    takesShare.assign(m, 0);
    for (std::size_t p = 0; p < pools.size(); ++p) {
        for (std::size_t r = 0; r < m; ++r) {
            member[p][r] = mayTakeFrom(*this, int(r), pools[p]) ? 1 : 0;
            takesShare[r] = takesShare[r] || member[p][r];
        }
    }
    noteWithoutShare();
    double sumW = 0.0;
    for (std::size_t r = 0; r < m; ++r) sumW += takesShare[r] ? weights[r] : 0.0;
    shares.assign(m, 0.0);
    for (std::size_t r = 0; r < m; ++r) shares[r] = takesShare[r] ? weights[r] / sumW : 0.0;

    KeptValue keptValue = valueKept(*this);
    const std::vector<double>& book = keptValue.book;
    std::map<std::string, double>& keptByTeam = keptValue.byTeam;
    double kept = keptValue.all;
    targets.assign(m, 0.0);
    difficultyShares.assign(m, 0.0);
    std::vector<int> counted;  // released positions whose value the targets share
    for (std::size_t p = 0; p < pools.size(); ++p) {
        double poolW = 0.0, poolV = 0.0, poolD = 0.0;
        for (std::size_t r = 0; r < m; ++r) poolW += member[p][r] ? weights[r] : 0.0;
        for (int pos : pools[p].positions) {
            poolV += valueOf(pos);
            poolD += difficultyOf(pos);
        }
        // Clients that no receiver may take are left out of the targets and end unassigned.
        if (poolW <= 0.0) continue;
        counted.insert(counted.end(), pools[p].positions.begin(), pools[p].positions.end());
        std::vector<double> part(m, 0.0);  // each member's part of the pool's value
        for (std::size_t r = 0; r < m; ++r) {
            if (!member[p][r]) continue;
            part[r] = weights[r] / poolW;
            difficultyShares[r] += part[r] * poolD;
        }
        if (policy.entitlement.bookTopUp) {
            double books = pools[p].anyTeam ? kept : keptByTeam[pools[p].team];
            std::vector<double> raw(m, 0.0);
            double sumRaw = 0.0;
            for (std::size_t r = 0; r < m; ++r) {
                if (!member[p][r]) continue;
                raw[r] = std::max(0.0, part[r] * (poolV + books) - book[r]);
                sumRaw += raw[r];
            }
            if (sumRaw > 0.0) {
                for (std::size_t r = 0; r < m; ++r) part[r] = raw[r] / sumRaw;
            } else {
                notes.push_back(
                    "book top-up left every target at 0; targets use w_i / sum w "
                    "instead");
            }
        }
        for (std::size_t r = 0; r < m; ++r) targets[r] += part[r] * poolV;
    }
    noteUntakeable(*this, counted, notes);
}

void AllocationContext::noteWithoutShare() {
    // Receivers without a share, by the first cause: no client room, no workload or value
    // room for any released client, or no released client they are eligible for.
    std::map<std::string, std::vector<std::string>> byCause;
    int count = 0;
    for (int r = 0; r < receiverCount(); ++r) {
        if (takesShare[std::size_t(r)]) continue;
        count += 1;
        bool eligible = false;
        for (int pos = 0; pos < releasedCount() && !eligible; ++pos) {
            std::string why = staticReason(pos, r);
            eligible = why == "capacity_full" || why == "workload_full" || why == "share_cap";
        }
        std::string cause = room[std::size_t(r)] <= 0 ? "at max_clients"
                            : eligible ? "without room under max_workload or max_value_share"
                                       : "eligible for none of them";
        byCause[cause].push_back(receiver(r).id);
    }
    if (count == 0 || releasedCount() == 0) return;
    std::string text = std::to_string(count) +
                       (count == 1 ? " active employee takes no share of the released clients "
                                     "and has target 0: "
                                   : " active employees take no share of the released clients "
                                     "and have target 0: ");
    bool first = true;
    for (const auto& [cause, ids] : byCause) {
        text += (first ? "" : "; ") + std::to_string(ids.size()) + " " + cause + " (";
        for (std::size_t k = 0; k < ids.size() && k < 5; ++k) text += (k ? ", " : "") + ids[k];
        if (ids.size() > 5) text += ", …";
        text += ")";
        first = false;
    }
    notes.push_back(text);
}

}  // namespace baton
