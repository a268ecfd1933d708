// Stage transitions of a cycle; see core/cycle_ops.h.
#include <algorithm>
#include <map>
#include <optional>

#include "core/allocation.h"
#include "core/cycle_internal.h"
#include "core/cycle_ops.h"
#include "core/dates.h"

namespace baton {

using cycle_detail::addDays;

namespace {

using cycle_detail::done;
using cycle_detail::fail;

CycleResult publishRules(const Workspace& ws, Cycle& c, const std::string& date) {
    if (c.leavers.empty()) return fail("cycle " + c.id + " has no leaver: add one first");
    for (const CycleLeaver& l : c.leavers) {
        int index = ws.findEmployee(l.employee);
        if (index < 0) return fail("leaver " + l.employee + " is no longer in the workspace");
        if (!isLeaver(ws.employees[std::size_t(index)].status)) {
            return fail("employee " + l.employee + " is no longer marked leaving or departed");
        }
    }
    std::string added = listReleasedLeavers(ws, c);
    c.policy = ws.policy;
    c.dates.rulesPublished = date;
    return done("Published the rules of " + c.id + ": policy version " +
                std::to_string(ws.policy.version) + " is frozen for this cycle." + added);
}

CycleResult propose(const Workspace& ws, Cycle& c, const std::string& date,
                    const CycleRunner& run) {
    if (!c.policy) return fail("cycle " + c.id + " has no frozen policy: publish the rules first");
    std::vector<CycleLeaver> unlisted = unlistedLeavers(ws, c);
    if (!unlisted.empty()) {
        const CycleLeaver& l = unlisted.front();
        return fail("employee " + l.employee + " is " + l.status +
                    " and owns clients that the proposal would release, but is not a leaver of " +
                    c.id + ": set " + l.employee +
                    "'s status back to active, or close this cycle and list " + l.employee +
                    " in the next one");
    }
    Workspace input = cycleInput(ws, c);
    Policy policy = cyclePolicy(c);
    if (releasedClients(input, policy).empty()) {
        return fail("no client is released in cycle " + c.id +
                    ": the leavers own no client that the policy's scope releases");
    }
    c.proposal = run(input, policy);
    c.rerun.reset();
    c.dates.proposal = date;
    c.dates.objectionEnd = addDays(date, c.settings.objectionDays);
    return done("Proposal of " + c.id + ": " + std::to_string(c.proposal->assignments.size()) +
                " placed, " + std::to_string(c.proposal->unassigned.size()) +
                " unassigned; appeals are open until " + c.dates.objectionEnd + ".");
}

CycleResult closeObjections(Cycle& c, const std::string& date) {
    if (date <= c.dates.objectionEnd) {
        return fail("the objection window of " + c.id + " is open until " + c.dates.objectionEnd +
                    " inclusive: close it on a later date");
    }
    for (const Appeal& a : c.appeals) {
        if (a.status == AppealStatus::Open) {
            return fail("appeal " + a.id + " is not decided yet: accept or reject it first");
        }
    }
    c.dates.objectionsClosed = date;
    return done("Closed the objection window of " + c.id + ".");
}

std::vector<Handover> handoversFor(const Cycle& c, const Workspace& ws, const std::string& date) {
    std::vector<Handover> list;
    for (const ClientMove& m : c.moves) {
        Handover h;
        h.client = m.client;
        h.from = m.from;
        h.to = m.to;
        for (const HandoverTemplateStep& step : c.settings.handoverTemplate) {
            h.tasks.push_back({step.task, step.title, addDays(date, step.dueDays), false, ""});
        }
        (void)ws;
        list.push_back(std::move(h));
    }
    return list;
}

// Moves owners and open deals to the locked result's employees. Notes are a field of the
// client, so they move with it; kept clients become key accounts of the firm.
void moveOwners(Workspace& ws, Cycle& c, const AllocationResult& result) {
    std::map<std::string, std::string> newOwner;
    for (const Assignment& a : result.assignments) newOwner[a.client] = a.employee;
    c.moves.clear();
    c.dealMoves.clear();
    std::map<std::string, std::optional<std::string>> previousOwner;
    for (Client& client : ws.clients) {
        auto it = newOwner.find(client.id);
        if (it == newOwner.end() || (client.owner && *client.owner == it->second)) continue;
        c.moves.push_back({client.id, client.owner, it->second});
        previousOwner[client.id] = client.owner;
        client.owner = it->second;
    }
    std::sort(c.moves.begin(), c.moves.end(),
              [](const ClientMove& a, const ClientMove& b) { return a.client < b.client; });
    for (Deal& d : ws.deals) {
        auto it = newOwner.find(d.client);
        if (it == newOwner.end() || d.stage != DealStage::Open) continue;
        // pastCycleInput gives a moved client's open deals back to its previous owner, so a
        // deal that had any other employee, the new owner included, needs a record of its own.
        std::optional<std::string> rebuilt = it->second;
        auto previous = previousOwner.find(d.client);
        if (previous != previousOwner.end() && previous->second) rebuilt = previous->second;
        if (d.employee != *rebuilt) c.dealMoves.push_back({d.id, d.client, d.employee, it->second});
        d.employee = it->second;
    }
    for (const std::string& id : c.keep) {
        int index = ws.findClient(id);
        if (index >= 0) {
            ws.clients[std::size_t(index)].keyAccount = true;
            ws.clients[std::size_t(index)].hasKeyAccount = true;
        }
    }
}

// The final's sentence about the released clients it left unassigned, naming the first few
// with their owner; empty when every released client was placed.
std::string leftUnassignedText(const Workspace& ws, const Cycle& c) {
    constexpr std::size_t kNamed = 5;
    if (c.leftUnassigned.empty()) return "";
    std::string names;
    for (std::size_t i = 0; i < c.leftUnassigned.size() && i < kNamed; ++i) {
        const std::string& id = c.leftUnassigned[i];
        int index = ws.findClient(id);
        std::optional<std::string> owner;
        if (index >= 0) owner = ws.clients[std::size_t(index)].owner;
        names +=
            (i == 0 ? "" : ", ") + id + (owner ? " (stays with " + *owner + ")" : " (no owner)");
    }
    if (c.leftUnassigned.size() > kNamed) {
        names += " and " + std::to_string(c.leftUnassigned.size() - kNamed) + " more";
    }
    return " " + std::to_string(c.leftUnassigned.size()) +
           " released client(s) are left unassigned: " + names +
           ". They keep their owner until you assign them by hand; the cycle's result gives "
           "the reason of each.";
}

CycleResult finalise(Workspace& ws, Cycle& c, const std::string& date, const CycleRunner& run) {
    if (!c.proposal) return fail("cycle " + c.id + " has no proposal to make final");
    if (!cycle_detail::rerunIsCurrent(c)) {
        c.rerun = run(cycleInput(ws, c), cyclePolicy(c));
    }
    c.finalSource = c.rerun ? "rerun" : "proposal";
    moveOwners(ws, c, *c.currentResult());
    c.handovers = handoversFor(c, ws, date);
    c.dates.finalDate = date;
    c.dates.handoverDue = addDays(date, c.settings.handoverDays);
    c.dates.followUps.clear();
    for (int days : c.settings.followUpDays) c.dates.followUps.push_back(addDays(date, days));
    c.leftUnassigned.clear();
    for (const Unassigned& u : c.currentResult()->unassigned) c.leftUnassigned.push_back(u.client);
    std::sort(c.leftUnassigned.begin(), c.leftUnassigned.end());
    return done("Final of " + c.id + ": " + std::to_string(c.moves.size()) +
                " client(s) have a new owner; their open deals and notes moved with them." +
                leftUnassignedText(ws, c));
}

CycleResult closeCycle(Cycle& c, const std::string& date) {
    for (const ClientMove& m : c.moves) {
        bool recorded = std::any_of(c.outcomes.begin(), c.outcomes.end(),
                                    [&](const ClientOutcome& o) { return o.client == m.client; });
        if (!recorded) return fail("client " + m.client + " has no follow-up outcome yet");
    }
    c.dates.closed = date;
    return done("Closed " + c.id + ".");
}

CycleResult enter(Workspace& ws, Cycle& c, CycleStage target, const std::string& date,
                  const CycleRunner& run) {
    switch (target) {
        case CycleStage::RulesPublished: return publishRules(ws, c, date);
        case CycleStage::Proposal: return propose(ws, c, date, run);
        case CycleStage::ObjectionsClosed: return closeObjections(c, date);
        case CycleStage::Final: return finalise(ws, c, date, run);
        case CycleStage::Handover:
            c.dates.handover = date;
            return done("Handover of " + c.id + " started; it is due by " + c.dates.handoverDue +
                        ".");
        case CycleStage::FollowUp:
            if (!c.dates.followUps.empty() && date < c.dates.followUps.front()) {
                return fail("the first follow-up of " + c.id + " is due on " +
                            c.dates.followUps.front() + ": advance on or after that date");
            }
            c.dates.followUp = date;
            return done("Follow-up of " + c.id + " started.");
        case CycleStage::Closed: return closeCycle(c, date);
        case CycleStage::Departure: break;
    }
    return fail("a cycle starts at departure and never returns to it");
}

}  // namespace

CycleResult advanceCycle(Workspace& workspace, Cycle& cycle, CycleStage target,
                         const std::string& date, const CycleRunner& run) {
    if (!parseIsoDate(date)) {
        return fail("invalid date \"" + date + "\": use an ISO date YYYY-MM-DD");
    }
    int from = int(cycle.stage);
    int to = int(target);
    if (to <= from) {
        return fail(std::string("cycle ") + cycle.id + " is already at " + toString(cycle.stage) +
                    "; stages never go back");
    }
    if (to != from + 1) {
        return fail(std::string("cycle ") + cycle.id + " is at " + toString(cycle.stage) +
                    "; the next stage is " + toString(CycleStage(from + 1)) + ", not " +
                    toString(target));
    }
    const std::string& previous = cycle_detail::stageDate(cycle);
    if (!previous.empty() && date < previous) {
        return fail("date " + date + " is before the " + toString(cycle.stage) + " date " +
                    previous);
    }
    // Only the final changes the workspace; it works on a copy so that a failure leaves
    // the workspace as it was.
    std::optional<Workspace> copy;
    if (target == CycleStage::Final) copy = workspace;
    Cycle changed = cycle;
    CycleResult result = enter(copy ? *copy : workspace, changed, target, date, run);
    if (!result.ok) return result;
    changed.stage = target;
    cycle = std::move(changed);
    if (copy) {
        std::vector<Cycle> cycles = std::move(workspace.cycles);
        workspace = std::move(*copy);
        workspace.cycles = std::move(cycles);
    }
    return result;
}

}  // namespace baton
