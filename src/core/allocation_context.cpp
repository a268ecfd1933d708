#include "core/allocation_context.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/fixed_text.h"
#include "core/rng.h"

namespace baton {

AllocationContext::AllocationContext(const Workspace& ws, const Policy& p, const Evaluation& ev,
                                     std::uint64_t s)
    : workspace(ws),
      policy(p),
      evaluation(ev),
      seed(s),
      fit(ws, p, /*indexAll=*/false),
      eligibility(ws, p, fit) {
    released = eligibility.released();
    if (ev.servedBefore && ev.servedBefore->builtFrom(ws)) {
        fit.useContinuity(ev.servedBefore);
    } else {
        fit.indexContinuity(ws, released);
    }
    m_positions = IdIndex(released.size());
    for (int j : released) {
        m_positions.add(ws.clients[std::size_t(j)].id, int(m_values.size()));
        m_values.push_back(ev.clients[std::size_t(j)].value);
        m_difficulties.push_back(ev.clients[std::size_t(j)].difficulty);
        m_workloads.push_back(eligibility.workloadOf(j));
    }
    receivers = eligibility.receivers();
    receiverPos.assign(ws.employees.size(), -1);
    for (std::size_t r = 0; r < receivers.size(); ++r)
        receiverPos[std::size_t(receivers[r])] = int(r);
    for (int e : receivers) {
        room.push_back(eligibility.clientRoom(e));
        workloadRoom.push_back(eligibility.workloadRoom(e));
    }
    if (p.constraints.maxValueShare) {
        double total = 0.0;
        for (int pos = 0; pos < releasedCount(); ++pos) total += valueOf(pos);
        valueCap = *p.constraints.maxValueShare * total;
    }
    pinned.assign(released.size(), -1);
    pinConflict.assign(released.size(), "");
    applyPins();
    computeEntitlements();
}

namespace {

// Returns the name of the limit that blocks most, given how many it blocks by client count,
// by workload and by value; client capacity wins a tie.
std::string mostBlocking(int clients, int workload, int value) {
    if (clients >= workload && clients >= value) return "capacity";
    return workload >= value ? "max_workload" : "max_value_share";
}

// The eligible pairs that the limits block, counted by limit, and the limit that blocks the
// most of them. `add` takes a placement's blocking code (limitBlocking) or a pair's static
// reason (staticReason). Any other code counts for none.
struct LimitTally {
    int clients = 0;
    int workload = 0;
    int value = 0;
    void add(const std::string& limit) {
        if (limit == "at_max_clients" || limit == "capacity_full") clients += 1;
        if (limit == "at_max_workload" || limit == "workload_full") workload += 1;
        if (limit == "at_value_cap" || limit == "share_cap") value += 1;
    }
    int blocked() const { return clients + workload + value; }
    std::string most() const { return mostBlocking(clients, workload, value); }
};

// The maximum value that fits in `room` of workload when a client may be taken in part (a
// fractional knapsack). Sorts `open`, pairs of value and workload, by value per workload.
double valueInWorkload(std::vector<std::pair<double, double>>& open, double room) {
    std::sort(open.begin(), open.end(), [](const auto& a, const auto& b) {
        return a.first * b.second > b.first * a.second;  // value per workload, descending
    });
    double left = room;
    double byWorkload = 0.0;
    for (const auto& [value, workload] : open) {
        double share = workload <= left ? 1.0 : left / workload;
        byWorkload += value * share;
        left = std::max(0.0, left - workload);
    }
    return byWorkload;
}

}  // namespace

std::uint64_t AllocationContext::lottery(int pos, int receiver) const {
    std::uint64_t key = (std::uint64_t(std::uint32_t(pos)) << 32) | std::uint32_t(receiver);
    SplitMix64 rng(seed ^ (key * 0x9E3779B97F4A7C15ull));
    return rng.next();
}

FitBreakdown AllocationContext::fitOf(int pos, int receiver) const {
    return fit.breakdown(released[std::size_t(pos)], receivers[std::size_t(receiver)]);
}

std::string AllocationContext::staticReason(int pos, int receiver) const {
    std::string reason =
        eligibility.pairReason(released[std::size_t(pos)], receivers[std::size_t(receiver)]);
    if (!reason.empty()) return reason;
    if (room[std::size_t(receiver)] <= 0) return "capacity_full";
    const auto& wl = workloadRoom[std::size_t(receiver)];
    if (wl && workloadOf(pos) > *wl + kTolerance) return "workload_full";
    if (valueCap && valueOf(pos) > *valueCap + kTolerance) return "share_cap";
    return "";
}

bool AllocationContext::isOpen(int pos, int receiver) const {
    if (room[std::size_t(receiver)] <= 0) return false;
    const auto& wl = workloadRoom[std::size_t(receiver)];
    if (wl && workloadOf(pos) > *wl + kTolerance) return false;
    if (valueCap && valueOf(pos) > *valueCap + kTolerance) return false;
    int j = released[std::size_t(pos)];
    int e = receivers[std::size_t(receiver)];
    const ReceiverGroup& group = eligibility.groups()[std::size_t(eligibility.groupOf(e))];
    return eligibility.groupAdmits(j, group) && !eligibility.pairBlocked(j, e);
}

bool AllocationContext::fitsLimits(int receiver, int clients, double workload, double value) const {
    if (clients > room[std::size_t(receiver)]) return false;
    const auto& wl = workloadRoom[std::size_t(receiver)];
    if (wl && workload > *wl + kTolerance) return false;
    if (valueCap && value > *valueCap + kTolerance) return false;
    return true;
}

void AllocationContext::applyPins() {
    std::vector<PairOverride> pins = policy.pins;
    std::stable_sort(pins.begin(), pins.end(), [](const PairOverride& a, const PairOverride& b) {
        return a.client != b.client ? a.client < b.client : a.employee < b.employee;
    });
    std::vector<int> used(receivers.size(), 0);
    for (const PairOverride& pin : pins) {
        int pos = positionOf(pin.client);
        if (pos < 0) {
            notes.push_back("pin " + pin.client + " → " + pin.employee +
                            " ignored: the client is not in the released book");
            continue;
        }
        if (pinned[std::size_t(pos)] >= 0 || !pinConflict[std::size_t(pos)].empty()) {
            notes.push_back("pin " + pin.client + " → " + pin.employee +
                            " ignored: the client already has a pin");
            continue;
        }
        int e = workspace.findEmployee(pin.employee);
        int r = e < 0 ? -1 : receiverPos[std::size_t(e)];
        std::string why;
        if (e < 0)
            why = "no employee has the id " + pin.employee;
        else if (r < 0)
            why = pin.employee + " cannot receive clients (ineligible_status)";
        else {
            std::string reason = staticReason(pos, r);
            if (reason.empty() && used[std::size_t(r)] >= room[std::size_t(r)])
                reason = "capacity_full";
            if (!reason.empty()) why = pin.employee + " is not eligible (" + reason + ")";
        }
        if (!why.empty()) {
            pinConflict[std::size_t(pos)] = "pin to " + pin.employee + " failed: " + why;
            continue;
        }
        pinned[std::size_t(pos)] = r;
        used[std::size_t(r)] += 1;
    }
}

FairnessInput AllocationContext::fairnessInput(const std::vector<int>& owner) const {
    // The fairness tests cover the receivers that take a share, and any other receiver that
    // owns a client in this placement. Only a manual proposal can place one there.
    std::vector<int> position(receivers.size(), -1);
    for (int r : owner) {
        if (r >= 0) position[std::size_t(r)] = 0;
    }
    FairnessInput in;
    for (std::size_t r = 0; r < receivers.size(); ++r) {
        if (!takesShare[r] && position[r] < 0) continue;
        position[r] = int(in.employeeIds.size());
        in.employeeIds.push_back(workspace.employees[std::size_t(receivers[r])].id);
        in.weights.push_back(weights[r]);
        in.targets.push_back(targets[r]);
        in.difficultyShares.push_back(difficultyShares[r]);
    }
    for (int pos = 0; pos < releasedCount(); ++pos) {
        in.clientIds.push_back(client(pos).id);
        in.values.push_back(valueOf(pos));
        in.difficulties.push_back(difficultyOf(pos));
        int r = owner[std::size_t(pos)];
        in.owner.push_back(r < 0 ? -1 : position[std::size_t(r)]);
        in.fits.push_back(r < 0 ? 0.0 : double(fitMicroOf(pos, r)) / double(kFitScale));
        bool served =
            r >= 0 && fit.servedBefore(released[std::size_t(pos)], receivers[std::size_t(r)]);
        in.continuity.push_back(served ? 1 : 0);
    }
    return in;
}

std::optional<std::string> AllocationContext::shortOfTarget(int r) const {
    // The value of the clients r is eligible for, and the clients it has room for alone.
    double eligibleValue = 0.0;
    int eligible = 0;
    std::vector<std::pair<double, double>> open;  // value and workload
    LimitTally limits;                            // clients kept out by each limit
    for (int p = 0; p < releasedCount(); ++p) {
        std::string why = staticReason(p, r);
        bool limit = why == "capacity_full" || why == "workload_full" || why == "share_cap";
        if (!why.empty() && !limit) continue;
        eligibleValue += valueOf(p);
        eligible += 1;
        if (limit) {
            limits.add(why);
        } else {
            open.emplace_back(valueOf(p), workloadOf(p));
        }
    }
    double target = targets[std::size_t(r)];
    std::string tail = ", target " + fixedText(target, 2) + ")";
    if (eligibleValue + kTolerance < target) {
        return "eligibility " + receiver(r).id + " (eligible for " + std::to_string(eligible) +
               " released clients worth " + fixedText(eligibleValue, 2) + tail;
    }
    // The most value r can hold under each limit taken alone: the clients it has room for
    // one by one, the most valuable ones up to its client room, and a fractional knapsack
    // under its workload room.
    std::sort(open.begin(), open.end(), std::greater<>());
    double all = 0.0, byCount = 0.0;
    for (std::size_t k = 0; k < open.size(); ++k) {
        all += open[k].first;
        if (int(k) < room[std::size_t(r)]) byCount += open[k].first;
    }
    double byWorkload = all;
    if (const std::optional<double>& wl = workloadRoom[std::size_t(r)]) {
        byWorkload = valueInWorkload(open, *wl);
    }
    double byValue = valueCap ? *valueCap : all;
    double reach = std::min({all, byCount, byWorkload, byValue});
    if (reach + kTolerance >= target) return std::nullopt;
    const std::string& id = receiver(r).id;
    if (reach == byCount && byCount < all) {
        int n = room[std::size_t(r)];
        return "capacity " + id + " (room for " + std::to_string(n) +
               (n == 1 ? " client, worth at most " : " clients, worth at most ") +
               fixedText(byCount, 2) + tail;
    }
    if (reach == byWorkload && byWorkload < all) {
        return "max_workload " + id + " (workload room " +
               fixedText(*workloadRoom[std::size_t(r)], 2) + ", clients worth at most " +
               fixedText(byWorkload, 2) + tail;
    }
    if (reach == byValue && byValue < all) {
        return "max_value_share " + id + " (at most " + fixedText(byValue, 2) + " of value" + tail;
    }
    // Eligible for enough value, but its limits leave room for too little of it.
    return limits.most() + " " + id + " (room for " + std::to_string(open.size()) + " of the " +
           std::to_string(eligible) + " released clients it is eligible for, worth " +
           fixedText(all, 2) + tail;
}

BlameFunction AllocationContext::blame(const std::vector<int>& owner) const {
    return [this, owner](const Witness& w) -> std::optional<std::string> {
        int pos = positionOf(w.client);
        if (pos >= 0 && pinned[std::size_t(pos)] >= 0) {
            return "pin " + w.client + " → " + receiver(pinned[std::size_t(pos)]).id;
        }
        int r = w.employees.empty()
                    ? -1
                    : receiverPos[std::size_t(workspace.findEmployee(w.employees[0]))];
        // When no placement can bring the receiver to its target, that is the cause, and
        // the witness client's own options matter less.
        if (r >= 0 && w.certificate == "wprop1_value") {
            if (std::optional<std::string> cause = shortOfTarget(r)) return cause;
            if (std::optional<std::string> cause = limitsRanOut(owner)) return cause;
        }
        if (pos >= 0) {
            int eligible = 0;
            for (int k = 0; k < receiverCount(); ++k)
                eligible += staticReason(pos, k).empty() ? 1 : 0;
            if (eligible == 1) return "only one employee is eligible for " + w.client;
        }
        bool burden = w.certificate == "wprop1_difficulty" || w.certificate == "wef1_difficulty";
        if (r >= 0 && burden) {
            if (std::optional<std::string> cause = stuckBundle(r, owner)) return cause;
        }
        // For WPROP1 on value, shortOfTarget has already found that r's best eligible
        // clients within its room reach its target, so a full r is no cause there.
        if (r >= 0 && w.certificate != "wprop1_value") {
            int count = int(std::count(owner.begin(), owner.end(), r));
            if (count >= room[std::size_t(r)]) {
                int n = room[std::size_t(r)];
                return "capacity " + receiver(r).id + " (room for " + std::to_string(n) +
                       (n == 1 ? " client)" : " clients)");
            }
        }
        return std::nullopt;
    };
}

std::string AllocationContext::noEligibleDetail(int pos) const {
    const Client& c = client(pos);
    std::vector<std::string> lacking;
    for (const std::string& need : c.needs) {
        int tag = fit.tagId(need);
        bool someone = std::any_of(receivers.begin(), receivers.end(),
                                   [&](int e) { return fit.hasTag(fit.skills(e), tag); });
        if (!someone) lacking.push_back(need);
    }
    if (c.keyAccount) {
        bool someone = std::any_of(receivers.begin(), receivers.end(), [&](int e) {
            return fit.hasTag(fit.skills(e), eligibility.keyAccountTag());
        });
        if (!someone) return "key account; nobody active has team:key_accounts";
    }
    if (!lacking.empty()) {
        std::string list;
        for (const std::string& s : lacking) list += (list.empty() ? "" : ", ") + s;
        return "needs " + list + "; nobody active has " + (lacking.size() == 1 ? "it" : "them");
    }
    return "every active employee with the needed skills is excluded by a conflict or a forbid";
}

namespace {

// Returns the limit that keeps receiver r from taking the client in this placement, or ""
// when it has room.
std::string limitBlocking(const AllocationContext& c, const ReceiverLoads& loads, int pos, int r) {
    if (!c.fitsLimits(r, loads.count[std::size_t(r)] + 1, 0.0, 0.0)) return "at_max_clients";
    if (!loads.fits(c, r, pos, -1, -1)) {
        std::size_t k = std::size_t(r);
        double workload = loads.workload[k] + c.workloadOf(pos);
        return c.fitsLimits(r, loads.count[k] + 1, workload, 0.0) ? "at_value_cap"
                                                                  : "at_max_workload";
    }
    return "";
}

ReceiverLoads loadsOf(const AllocationContext& c, const std::vector<int>& owner) {
    Placement placement;
    placement.owner = owner;
    return ReceiverLoads(c, placement);
}

}  // namespace

std::optional<std::string> AllocationContext::limitsRanOut(const std::vector<int>& owner) const {
    ReceiverLoads loads = loadsOf(*this, owner);
    LimitTally limits;  // eligible receivers of the unplaced clients, by blocking limit
    int left = 0;
    for (int pos = 0; pos < releasedCount(); ++pos) {
        if (owner[std::size_t(pos)] >= 0) continue;
        bool eligible = false;
        for (int k = 0; k < receiverCount(); ++k) {
            if (!isOpen(pos, k)) continue;
            eligible = true;
            limits.add(limitBlocking(*this, loads, pos, k));
        }
        left += eligible ? 1 : 0;
    }
    if (left == 0 || limits.blocked() == 0) return std::nullopt;
    return limits.most() + " (" + std::to_string(left) +
           (left == 1 ? " released client stays" : " released clients stay") +
           " unassigned because the employees eligible for them are at their limits)";
}

std::optional<std::string> AllocationContext::stuckBundle(int r,
                                                          const std::vector<int>& owner) const {
    ReceiverLoads loads = loadsOf(*this, owner);
    LimitTally limits;  // other eligible receivers, by the limit that blocks them
    int clients = 0;
    int pins = 0;
    for (int pos = 0; pos < releasedCount(); ++pos) {
        if (owner[std::size_t(pos)] != r) continue;
        clients += 1;
        if (pinned[std::size_t(pos)] >= 0) {
            pins += 1;
            continue;
        }
        for (int k = 0; k < receiverCount(); ++k) {
            if (k == r || !isOpen(pos, k)) continue;
            std::string limit = limitBlocking(*this, loads, pos, k);
            if (limit.empty()) return std::nullopt;  // the client could move to k
            limits.add(limit);
        }
    }
    const std::string& id = receiver(r).id;
    std::string of = " of the " + std::to_string(clients) + " clients of " + id;
    if (pins == clients) return "pins (all" + of.substr(7) + " are pinned)";
    if (limits.blocked() == 0) {
        return "eligibility (no other employee is eligible for any" + of + ")";
    }
    return limits.most() + " (every other employee eligible for any" + of + " is at its limits)";
}

namespace {

// Names the limits that keep the `open` eligible employees from taking a client, and takes
// the reason code from the limit that blocks most of them.
void describeFull(std::map<std::string, int>& counts, int open, std::string& reason,
                  std::string& detail) {
    int clients = counts["capacity_full"] + counts["at_max_clients"];
    int workload = counts["at_max_workload"];
    int value = counts["at_value_cap"];
    int room = counts[""];
    if (workload == 0 && value == 0 && room == 0) {
        reason = "capacity_exhausted";
        detail = open == 1
                     ? std::string("the only eligible employee is at max_clients")
                     : "all " + std::to_string(open) + " eligible employees are at max_clients";
        return;
    }
    reason = clients >= workload && clients >= value ? "capacity_exhausted"
             : workload >= value                     ? "workload_exhausted"
                                                     : "share_cap";
    std::vector<std::string> parts;
    if (clients > 0) parts.push_back(std::to_string(clients) + " at max_clients");
    if (workload > 0) parts.push_back(std::to_string(workload) + " at max_workload");
    if (value > 0) parts.push_back(std::to_string(value) + " at the max_value_share cap");
    if (room > 0) parts.push_back(std::to_string(room) + " with room");
    detail = "eligible employees: " + std::to_string(open);
    for (const std::string& part : parts) detail += ", " + part;
}

}  // namespace

void AllocationContext::explainUnassigned(Placement& placement) const {
    placement.reason.resize(released.size());
    placement.detail.resize(released.size());
    ReceiverLoads loads(*this, placement);
    for (int pos = 0; pos < releasedCount(); ++pos) {
        if (placement.owner[std::size_t(pos)] >= 0) {
            placement.reason[std::size_t(pos)].clear();
            placement.detail[std::size_t(pos)].clear();
            continue;
        }
        if (!placement.reason[std::size_t(pos)].empty()) continue;
        std::string& reason = placement.reason[std::size_t(pos)];
        std::string& detail = placement.detail[std::size_t(pos)];
        if (!pinConflict[std::size_t(pos)].empty()) {
            reason = "pin_conflict";
            detail = pinConflict[std::size_t(pos)];
            continue;
        }
        std::map<std::string, int> counts;
        for (int r = 0; r < receiverCount(); ++r) {
            std::string why = staticReason(pos, r);
            // An employee open to the client alone may still be full once the placement is
            // made, on clients, workload or value.
            if (why.empty()) why = limitBlocking(*this, loads, pos, r);
            counts[why] += 1;
        }
        int open = counts[""] + counts["capacity_full"] + counts["at_max_clients"] +
                   counts["at_max_workload"] + counts["at_value_cap"];
        if (open > 0) {
            describeFull(counts, open, reason, detail);
        } else if (counts["workload_full"] > 0) {
            reason = "workload_exhausted";
            detail = "workload " + fixedText(workloadOf(pos), 2) +
                     " exceeds the room of every eligible employee";
        } else if (counts["share_cap"] > 0) {
            reason = "share_cap";
            detail = "value " + fixedText(valueOf(pos), 4) + " exceeds the max_value_share cap";
        } else if (counts["team_boundary"] > 0) {
            reason = "team_boundary";
            detail = "nobody eligible is in the previous owner's team";
        } else {
            reason = "no_eligible_employee";
            detail = receivers.empty() ? "no active employee can receive clients"
                                       : noEligibleDetail(pos);
        }
    }
}

}  // namespace baton
