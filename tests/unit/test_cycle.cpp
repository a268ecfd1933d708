// The reassignment cycle in core: stage order and preconditions, the frozen policy,
// appeals and their overrides, the re-run's diff, the final, handover tasks and the
// follow-up figures.
#include <doctest/doctest.h>

#include "cycle_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

std::string ownerOf(const Workspace& ws, const std::string& client) {
    return ws.clients[std::size_t(ws.findClient(client))].owner.value_or("");
}

std::string assigneeOf(const AllocationResult& result, const std::string& client) {
    for (const Assignment& a : result.assignments) {
        if (a.client == client) return a.employee;
    }
    return "";
}

// Another receiver than the proposal's for `client`, among E2 and E3.
std::string otherReceiver(const Cycle& c, const std::string& client) {
    return assigneeOf(*c.proposal, client) == "E2" ? "E3" : "E2";
}

Appeal makeAppeal(const std::string& employee, const std::string& client, AppealKind kind,
                  const std::string& filed) {
    Appeal a;
    a.employee = employee;
    a.clients = {client};
    a.kind = kind;
    a.reason = "I served this client at my last firm";
    a.filed = filed;
    return a;
}

// Files an appeal on 2026-12-03 that pins C1 to another receiver than the proposal's, and
// returns the appeal as filed, with its id.
Appeal fileC1PinAppeal(Workspace& ws, Cycle& c) {
    Appeal appeal = makeAppeal(otherReceiver(c, "C1"), "C1", AppealKind::Pin, "2026-12-03");
    REQUIRE(fileAppeal(ws, c, appeal).ok);
    return appeal;
}

// Advances a proposed cycle (no open appeal) through the final on 2026-12-20.
void finalise(Workspace& ws, Cycle& c) {
    REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner()).ok);
    CycleResult r = advanceCycle(ws, c, CycleStage::Final, "2026-12-20", coreRunner());
    REQUIRE_MESSAGE(r.ok, r.message);
}

}  // namespace

TEST_SUITE("cycle") {
    TEST_CASE("stages advance in order only") {
        Workspace ws = cycleWorkspace();
        CycleStart start;
        start.date = "2026-11-20";
        REQUIRE(startCycle(ws, start).ok);
        Cycle& c = ws.cycles.back();
        CHECK(c.id == "cycle-1");
        CycleResult noLeaver =
            advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner());
        CHECK_FALSE(noLeaver.ok);
        CHECK(noLeaver.message.find("no leaver") != std::string::npos);
        REQUIRE(addLeaver(ws, c, {"E1", "leaving", "2027-01-31", {}}).ok);
        CHECK(std::string(toString(ws.employees[0].status)) == toString(EmployeeStatus::Leaving));
        CHECK(ws.employees[0].lastDay == "2027-01-31");
        CycleResult skip = advanceCycle(ws, c, CycleStage::Proposal, "2026-11-25", coreRunner());
        CHECK_FALSE(skip.ok);
        CHECK(skip.message.find("next stage is rules_published") != std::string::npos);
        CHECK_FALSE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-13-01", coreRunner()).ok);
        CHECK_FALSE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-19", coreRunner()).ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner()).ok);
        CycleResult back = advanceCycle(ws, c, CycleStage::Departure, "2026-11-26", coreRunner());
        CHECK_FALSE(back.ok);
        CHECK(back.message.find("never go back") != std::string::npos);
        CHECK(std::string(toString(c.stage)) == toString(CycleStage::RulesPublished));
    }

    TEST_CASE("second open cycle is rejected") {
        Workspace ws = cycleWorkspace();
        proposedCycle(ws);
        CycleStart start;
        start.date = "2026-12-02";
        CycleResult r = startCycle(ws, start);
        CHECK_FALSE(r.ok);
        CHECK(r.message.find("still open") != std::string::npos);
        CHECK(ws.cycles.size() == 1);
    }

    TEST_CASE("unknown leaver leaves workspace unchanged") {
        Workspace ws = cycleWorkspace();
        CycleStart start;
        start.date = "2026-11-20";
        start.leavers.push_back({"E1", "departed", "", {}});
        start.leavers.push_back({"E9", "departed", "", {}});
        CHECK_FALSE(startCycle(ws, start).ok);
        CHECK(ws.cycles.empty());
        CHECK(std::string(toString(ws.employees[0].status)) == toString(EmployeeStatus::Active));
    }

    TEST_CASE("policy is frozen at rules published") {
        Workspace ws = cycleWorkspace();
        ws.policy.fit.prefers = 0.3;
        Cycle& c = proposedCycle(ws);
        ws.policy.fit.prefers = 0.9;
        ws.policy.version = 8;
        REQUIRE(c.policy);
        CHECK(c.policy->fit.prefers == doctest::Approx(0.3));
        CHECK(c.policy->version == 1);
        REQUIRE(rerunCycle(ws, c, coreRunner()).ok);
        CHECK(c.rerun->policy.fit.prefers == doctest::Approx(0.3));
        CHECK(c.dates.objectionEnd == "2026-12-15");
    }

    TEST_CASE("accepted pin appeal becomes override") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        Appeal appeal = fileC1PinAppeal(ws, c);
        const std::string target = appeal.employee;
        CHECK(appeal.id == "A1");
        CHECK_FALSE(decideAppeal(ws, c, "A1", true, "", "2026-12-05").ok);
        REQUIRE(decideAppeal(ws, c, "A1", true, "continuity with the client", "2026-12-05").ok);
        REQUIRE(c.pins.size() == 1);
        CHECK(c.pins[0].client == "C1");
        CHECK(c.pins[0].employee == target);
        CHECK(c.pins[0].reason == "appeal A1: continuity with the client");
        CHECK(std::string(toString(c.appeals[0].status)) == toString(AppealStatus::Accepted));
        CHECK_FALSE(decideAppeal(ws, c, "A1", false, "again", "2026-12-05").ok);
        Policy effective = cyclePolicy(c);
        CHECK(effective.pins.size() == 1);
        CHECK(c.policy->pins.empty());
    }

    TEST_CASE("forbid and rejected appeals") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        std::string holder = assigneeOf(*c.proposal, "C2");
        Appeal forbid = makeAppeal(holder, "C2", AppealKind::Forbid, "2026-12-02");
        REQUIRE(fileAppeal(ws, c, forbid).ok);
        Appeal other = makeAppeal("E3", "C3", AppealKind::Pin, "2026-12-02");
        REQUIRE(fileAppeal(ws, c, other).ok);
        REQUIRE(decideAppeal(ws, c, "A1", true, "conflict with a relative", "2026-12-04").ok);
        REQUIRE(decideAppeal(ws, c, "A2", false, "no reason to move it", "2026-12-04").ok);
        REQUIRE(c.forbids.size() == 1);
        CHECK(c.forbids[0].employee == holder);
        CHECK(c.pins.empty());
        CHECK(std::string(toString(c.appeals[1].status)) == toString(AppealStatus::Rejected));
        CHECK(c.appeals[1].decisionReason == "no reason to move it");
    }

    TEST_CASE("appeal outside window is rejected") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        Appeal late = makeAppeal("E2", "C1", AppealKind::Pin, "2026-12-16");
        CycleResult r = fileAppeal(ws, c, late);
        CHECK_FALSE(r.ok);
        CHECK(r.message.find("outside the window") != std::string::npos);
        Appeal kept = makeAppeal("E2", "C7", AppealKind::Pin, "2026-12-02");
        CHECK_FALSE(fileAppeal(ws, c, kept).ok);
        Appeal unknown = makeAppeal("E9", "C1", AppealKind::Pin, "2026-12-02");
        CHECK_FALSE(fileAppeal(ws, c, unknown).ok);
        CHECK(c.appeals.empty());
    }

    TEST_CASE("rerun diff lists moved client") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        std::string before = assigneeOf(*c.proposal, "C1");
        Appeal appeal = fileC1PinAppeal(ws, c);
        const std::string target = appeal.employee;
        REQUIRE(decideAppeal(ws, c, "A1", true, "served before", "2026-12-04").ok);
        CycleDiff none = diffCycle(c);
        CHECK_FALSE(none.hasRerun);
        REQUIRE(rerunCycle(ws, c, coreRunner()).ok);
        CycleDiff diff = diffCycle(c);
        REQUIRE(diff.hasRerun);
        bool found = false;
        for (const ClientChange& m : diff.moved) {
            if (m.client != "C1") continue;
            found = true;
            CHECK(m.before == before);
            CHECK(m.after == target);
        }
        CHECK(found);
        CHECK(diff.before.totalFit == c.proposal->figures.totalFit);
        CHECK(diff.after.totalFit == c.rerun->figures.totalFit);
    }

    TEST_CASE("objection window closes after its end") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        Appeal appeal = makeAppeal("E2", "C1", AppealKind::Pin, "2026-12-03");
        REQUIRE(fileAppeal(ws, c, appeal).ok);
        CycleResult early =
            advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-15", coreRunner());
        CHECK_FALSE(early.ok);
        CHECK(early.message.find("open until 2026-12-15") != std::string::npos);
        CycleResult open =
            advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner());
        CHECK_FALSE(open.ok);
        CHECK(open.message.find("A1 is not decided") != std::string::npos);
        REQUIRE(decideAppeal(ws, c, "A1", false, "fit is lower", "2026-12-10").ok);
        CHECK(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner()).ok);
    }

    TEST_CASE("final moves owners deals and notes") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        Appeal appeal = fileC1PinAppeal(ws, c);
        const std::string target = appeal.employee;
        REQUIRE(decideAppeal(ws, c, "A1", true, "served before", "2026-12-04").ok);
        finalise(ws, c);
        CHECK(c.finalSource == "rerun");
        CHECK(ownerOf(ws, "C1") == target);
        CHECK(ws.deals[0].employee == target);
        CHECK(ws.deals[1].employee == "E1");
        CHECK(ws.clients[0].notes == "prefers calls before noon");
        CHECK(ownerOf(ws, "C7") == "E2");
        CHECK(c.moves.size() == 6);
        CHECK(c.moves[0].client == "C1");
        CHECK(c.moves[0].from == std::optional<std::string>("E1"));
        REQUIRE(c.handovers.size() == 6);
        REQUIRE(c.handovers[0].tasks.size() == 3);
        CHECK(c.handovers[0].tasks[0].task == "introduce");
        CHECK(c.handovers[0].tasks[0].due == "2026-12-27");
        CHECK(c.handovers[0].tasks[1].due == "2026-12-23");
        CHECK(c.dates.handoverDue == "2027-01-03");
        CHECK(c.dates.followUps == std::vector<std::string>{"2027-01-19", "2027-03-20"});
        CHECK_FALSE(rerunCycle(ws, c, coreRunner()).ok);
    }

    TEST_CASE("kept client goes to key accounts") {
        Workspace ws = cycleWorkspace();
        CycleStart start;
        start.date = "2026-11-20";
        start.leavers.push_back({"E1", "departed", "", {}});
        start.keep = {"C6"};
        REQUIRE(startCycle(ws, start).ok);
        Cycle& c = ws.cycles.back();
        REQUIRE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner()).ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::Proposal, "2026-12-01", coreRunner()).ok);
        CHECK(assigneeOf(*c.proposal, "C6") == "E4");
        CHECK_FALSE(ws.clients[5].keyAccount);
        finalise(ws, c);
        CHECK(ownerOf(ws, "C6") == "E4");
        CHECK(ws.clients[5].keyAccount);
    }

    TEST_CASE("handover tasks are flagged overdue") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        finalise(ws, c);
        const HandoverTask& notes = c.handovers[0].tasks[1];
        CHECK(notes.due == "2026-12-23");
        CHECK_FALSE(isOverdue(notes, "2026-12-23"));
        CHECK(isOverdue(notes, "2026-12-24"));
        REQUIRE(setTaskDone(c, "C1", "transfer_notes", true, "2026-12-24").ok);
        CHECK_FALSE(isOverdue(c.handovers[0].tasks[1], "2026-12-30"));
        CHECK(c.handovers[0].tasks[1].doneOn == "2026-12-24");
        CHECK_FALSE(setTaskDone(c, "C1", "dance", true, "2026-12-24").ok);
        CHECK_FALSE(setTaskDone(c, "C7", "introduce", true, "2026-12-24").ok);
    }

    TEST_CASE("settings change template and dates") {
        Workspace ws = cycleWorkspace();
        Cycle& c = proposedCycle(ws);
        CycleSettings s = c.settings;
        s.objectionDays = 5;
        s.followUpDays = {10};
        s.handoverTemplate = {{"visit", 2, "Visit the client"}};
        REQUIRE(setSettings(c, s).ok);
        CHECK(c.dates.objectionEnd == "2026-12-06");
        REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-07", coreRunner()).ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::Final, "2026-12-08", coreRunner()).ok);
        REQUIRE(c.handovers[0].tasks.size() == 1);
        CHECK(c.handovers[0].tasks[0].due == "2026-12-10");
        CHECK(c.dates.followUps == std::vector<std::string>{"2026-12-18"});
        CHECK_FALSE(setSettings(c, s).ok);
    }
}
