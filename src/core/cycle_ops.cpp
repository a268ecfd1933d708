#include "core/cycle_ops.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/allocation.h"
#include "core/cycle_internal.h"
#include "core/dates.h"

namespace baton {

namespace cycle_detail {

std::string addDays(const std::string& date, int days) {
    return formatIsoDate(*parseIsoDate(date) + days);
}

const std::string& stageDate(const Cycle& c) {
    const CycleDates& d = c.dates;
    switch (c.stage) {
        case CycleStage::Departure: return d.departure;
        case CycleStage::RulesPublished: return d.rulesPublished;
        case CycleStage::Proposal: return d.proposal;
        case CycleStage::ObjectionsClosed: return d.objectionsClosed;
        case CycleStage::Final: return d.finalDate;
        case CycleStage::Handover: return d.handover;
        case CycleStage::FollowUp: return d.followUp;
        case CycleStage::Closed: return d.closed;
    }
    return d.departure;
}

}  // namespace cycle_detail

namespace {

using cycle_detail::addDays;

using cycle_detail::done;
using cycle_detail::fail;

CycleResult checkDate(const std::string& date, const char* what) {
    if (!parseIsoDate(date)) {
        return fail(std::string("invalid ") + what + " \"" + date +
                    "\": use an ISO date YYYY-MM-DD");
    }
    return done("");
}

bool sameOverrides(const std::vector<PairOverride>& a, const std::vector<PairOverride>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].client != b[i].client || a[i].employee != b[i].employee) return false;
    }
    return true;
}

CycleResult markLeaver(Workspace& ws, const CycleLeaver& leaver) {
    int index = ws.findEmployee(leaver.employee);
    if (index < 0) return fail("unknown employee \"" + leaver.employee + "\"");
    if (leaver.status != "leaving" && leaver.status != "departed") {
        return fail("invalid leaver status \"" + leaver.status + "\": use leaving or departed");
    }
    if (leaver.status == "leaving" && leaver.lastDay.empty()) {
        return fail("employee " + leaver.employee + " is leaving: give the last day");
    }
    if (!leaver.lastDay.empty() && !parseIsoDate(leaver.lastDay)) {
        return fail("invalid last day \"" + leaver.lastDay + "\" of " + leaver.employee +
                    ": use an ISO date YYYY-MM-DD");
    }
    Employee& e = ws.employees[std::size_t(index)];
    if (e.kind == EmployeeKind::System) {
        return fail("employee " + e.id + " is a system user and owns no book to release");
    }
    e.status = leaver.status == "leaving" ? EmployeeStatus::Leaving : EmployeeStatus::Departed;
    if (!leaver.lastDay.empty()) e.lastDay = leaver.lastDay;
    return done("");
}

}  // namespace

std::vector<CycleLeaver> unlistedLeavers(const Workspace& workspace, const Cycle& cycle) {
    std::map<std::string, int> owned;
    for (const Client& c : workspace.clients) {
        if (c.owner) ++owned[*c.owner];
    }
    std::vector<CycleLeaver> found;
    for (const Employee& e : workspace.employees) {
        if (!isLeaver(e.status) || e.kind != EmployeeKind::Person || owned[e.id] == 0) continue;
        bool listed = std::any_of(cycle.leavers.begin(), cycle.leavers.end(),
                                  [&](const CycleLeaver& l) { return l.employee == e.id; });
        if (!listed) found.push_back({e.id, toString(e.status), e.lastDay, {}});
    }
    return found;
}

std::string listReleasedLeavers(const Workspace& workspace, Cycle& cycle) {
    std::vector<CycleLeaver> added = unlistedLeavers(workspace, cycle);
    if (added.empty()) return "";
    std::string names;
    for (const CycleLeaver& l : added) {
        names += (names.empty() ? "" : ", ") + l.employee + " (" + l.status + ")";
        cycle.leavers.push_back(l);
    }
    return " Also listed " + names +
           " as leaver(s): the policy releases the clients of every leaving or departed "
           "employee, so this cycle moves their clients too. To keep an employee's clients, set "
           "that employee's status back to active before the proposal.";
}

CycleResult checkDoneDate(const std::string& field, const std::string& date,
                          const std::string& today) {
    // An invalid date is left to the step's own check, which names the field.
    if (!parseIsoDate(date) || !parseIsoDate(today) || date <= today) return done("");
    return fail(field + " " + date + " is after today (" + today +
                "): record a step on or after the day it happens, with a date on or before " +
                today);
}

int openCycleIndex(const Workspace& workspace) {
    for (int i = int(workspace.cycles.size()) - 1; i >= 0; --i) {
        if (workspace.cycles[std::size_t(i)].stage != CycleStage::Closed) return i;
    }
    return -1;
}

CycleResult startCycle(Workspace& workspace, const CycleStart& start) {
    int open = openCycleIndex(workspace);
    if (open >= 0) {
        const Cycle& c = workspace.cycles[std::size_t(open)];
        return fail("cycle " + c.id + " is still open (stage " + toString(c.stage) +
                    "): close it before starting another");
    }
    if (CycleResult r = checkDate(start.date, "departure date"); !r.ok) return r;
    Cycle cycle;
    cycle.id = start.id.empty() ? "cycle-" + std::to_string(workspace.cycles.size() + 1) : start.id;
    for (const Cycle& c : workspace.cycles) {
        if (c.id == cycle.id) return fail("a cycle with the id \"" + cycle.id + "\" exists");
    }
    if (start.settings) cycle.settings = *start.settings;
    cycle.dates.departure = start.date;
    Workspace changed = workspace;
    for (const CycleLeaver& leaver : start.leavers) {
        CycleResult r = addLeaver(changed, cycle, leaver);
        if (!r.ok) return r;
    }
    for (const std::string& client : start.keep) {
        CycleResult r = setKept(changed, cycle, client, true);
        if (!r.ok) return r;
    }
    std::string added = listReleasedLeavers(changed, cycle);
    changed.cycles.push_back(std::move(cycle));
    workspace = std::move(changed);
    const Cycle& c = workspace.cycles.back();
    return done("Started " + c.id + " on " + start.date + " with " +
                std::to_string(c.leavers.size()) + " leaver(s)." + added);
}

CycleResult addLeaver(Workspace& workspace, Cycle& cycle, const CycleLeaver& leaver) {
    if (cycle.stage != CycleStage::Departure) {
        return fail("leavers can be added only at the departure stage; cycle " + cycle.id +
                    " is at " + toString(cycle.stage));
    }
    if (CycleResult r = markLeaver(workspace, leaver); !r.ok) return r;
    auto it = std::find_if(cycle.leavers.begin(), cycle.leavers.end(),
                           [&](const CycleLeaver& l) { return l.employee == leaver.employee; });
    if (it == cycle.leavers.end()) {
        cycle.leavers.push_back(leaver);
    } else {
        *it = leaver;
    }
    return done("Employee " + leaver.employee + " is " + leaver.status +
                (leaver.lastDay.empty() ? "" : ", last day " + leaver.lastDay) + ".");
}

CycleResult setKept(const Workspace& workspace, Cycle& cycle, const std::string& client,
                    bool keep) {
    if (cycle.stage > CycleStage::RulesPublished) {
        return fail("the kept clients are fixed once the proposal is made; cycle " + cycle.id +
                    " is at " + toString(cycle.stage));
    }
    if (workspace.findClient(client) < 0) return fail("unknown client \"" + client + "\"");
    auto it = std::find(cycle.keep.begin(), cycle.keep.end(), client);
    if (keep && it == cycle.keep.end()) {
        cycle.keep.push_back(client);
        std::sort(cycle.keep.begin(), cycle.keep.end());
    } else if (!keep && it != cycle.keep.end()) {
        cycle.keep.erase(it);
    }
    return done(keep ? "Client " + client + " stays with the key-account team."
                     : "Client " + client + " is released as usual.");
}

CycleResult setSettings(Cycle& cycle, const CycleSettings& settings) {
    if (cycle.stage >= CycleStage::Final) {
        return fail("the settings are fixed once the cycle is final; cycle " + cycle.id +
                    " is at " + toString(cycle.stage));
    }
    if (settings.objectionDays < 0 || settings.handoverDays < 0) {
        return fail("objection_days and handover_days must be 0 or more");
    }
    for (int days : settings.followUpDays) {
        if (days < 1) return fail("each follow-up offset must be 1 day or more");
    }
    for (const HandoverTemplateStep& step : settings.handoverTemplate) {
        if (step.task.empty()) return fail("each handover step needs a task name");
        if (step.dueDays < 0) return fail("handover step " + step.task + ": due_days must be >= 0");
    }
    bool windowSet = cycle.stage == CycleStage::Proposal;
    cycle.settings = settings;
    if (windowSet) cycle.dates.objectionEnd = addDays(cycle.dates.proposal, settings.objectionDays);
    return done("Updated the settings of " + cycle.id + ".");
}

Policy cyclePolicy(const Cycle& cycle) {
    Policy policy = cycle.policy.value_or(Policy{});
    policy.pins.insert(policy.pins.end(), cycle.pins.begin(), cycle.pins.end());
    policy.forbids.insert(policy.forbids.end(), cycle.forbids.begin(), cycle.forbids.end());
    return policy;
}

Workspace cycleInput(const Workspace& workspace, const Cycle& cycle) {
    Workspace input = workspace;
    input.cycles.clear();
    for (const std::string& id : cycle.keep) {
        int index = input.findClient(id);
        if (index >= 0) input.clients[std::size_t(index)].keyAccount = true;
    }
    return input;
}

Workspace pastCycleInput(const Workspace& workspace, const Cycle& cycle) {
    Workspace input = cycleInput(workspace, cycle);
    std::map<std::string, std::optional<std::string>> before;
    for (const ClientMove& m : cycle.moves) before[m.client] = m.from;
    for (Client& c : input.clients) {
        auto it = before.find(c.id);
        if (it != before.end()) c.owner = it->second;
    }
    // An open deal of a moved client goes back to the client's previous owner, unless the
    // final recorded the deal's own previous employee.
    std::map<std::string, const DealMove*> dealBefore;
    for (const DealMove& m : cycle.dealMoves) dealBefore[m.client + "\n" + m.deal] = &m;
    for (Deal& d : input.deals) {
        if (d.stage != DealStage::Open) continue;
        auto recorded = dealBefore.find(d.client + "\n" + d.id);
        auto it = before.find(d.client);
        if (recorded != dealBefore.end()) {
            d.employee = recorded->second->from;
        } else if (it != before.end() && it->second) {
            d.employee = *it->second;
        }
    }
    for (const CycleLeaver& l : cycle.leavers) {
        int index = input.findEmployee(l.employee);
        if (index < 0) continue;
        input.employees[std::size_t(index)].status =
            l.status == "leaving" ? EmployeeStatus::Leaving : EmployeeStatus::Departed;
    }
    return input;
}

std::vector<ClientChange> diffResults(const AllocationResult& before,
                                      const AllocationResult& after) {
    std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> pairs;
    for (const Assignment& a : before.assignments) pairs[a.client].first = a.employee;
    for (const Unassigned& u : before.unassigned) pairs[u.client];
    for (const Assignment& a : after.assignments) pairs[a.client].second = a.employee;
    for (const Unassigned& u : after.unassigned) pairs[u.client];
    std::vector<ClientChange> changes;
    for (const auto& [client, pair] : pairs) {
        if (pair.first != pair.second) changes.push_back({client, pair.first, pair.second});
    }
    return changes;
}

CycleDiff diffCycle(const Cycle& cycle) {
    CycleDiff diff;
    if (!cycle.proposal || !cycle.rerun) return diff;
    diff.hasRerun = true;
    diff.moved = diffResults(*cycle.proposal, *cycle.rerun);
    diff.before = cycle.proposal->figures;
    diff.after = cycle.rerun->figures;
    diff.certificatesBefore = cycle.proposal->certificates;
    diff.certificatesAfter = cycle.rerun->certificates;
    return diff;
}

CycleResult rerunCycle(const Workspace& workspace, Cycle& cycle, const CycleRunner& run) {
    if (cycle.stage != CycleStage::Proposal && cycle.stage != CycleStage::ObjectionsClosed) {
        return fail("a re-run is possible between the proposal and the final; cycle " + cycle.id +
                    " is at " + toString(cycle.stage));
    }
    if (!cycle.proposal) return fail("cycle " + cycle.id + " has no proposal to compare with");
    cycle.rerun = run(cycleInput(workspace, cycle), cyclePolicy(cycle));
    std::size_t moved = diffResults(*cycle.proposal, *cycle.rerun).size();
    return done("Re-ran " + cycle.id + " with " + std::to_string(cycle.pins.size()) +
                " pin(s) and " + std::to_string(cycle.forbids.size()) + " forbid(s): " +
                std::to_string(moved) + " client(s) placed differently from the proposal.");
}

bool cycle_detail::rerunIsCurrent(const Cycle& cycle) {
    if (!cycle.rerun) return cycle.pins.empty() && cycle.forbids.empty();
    Policy policy = cyclePolicy(cycle);
    return sameOverrides(cycle.rerun->policy.pins, policy.pins) &&
           sameOverrides(cycle.rerun->policy.forbids, policy.forbids);
}

}  // namespace baton
