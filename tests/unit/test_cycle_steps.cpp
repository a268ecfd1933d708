// The rules of the cycle's steps: who may file a pin appeal, what the final reports about the
// released clients it leaves unassigned, which employees a cycle lists as leavers, the order
// of the step dates, and the checks on appeals and follow-up figures.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "cycle_fixtures.h"
#include "io/cycle_json.h"
#include "io/cycle_report.h"
#include "io/request_fields.h"

using namespace baton;
using namespace baton::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Appeal appealOf(const std::string& employee, std::vector<std::string> clients, AppealKind kind,
                const std::string& filed) {
    Appeal a;
    a.employee = employee;
    a.clients = std::move(clients);
    a.kind = kind;
    a.reason = "I know the buyer";
    a.filed = filed;
    return a;
}

ClientOutcome outcomeOf(const std::string& client, std::optional<double> satisfaction,
                        std::optional<double> revenueSince) {
    ClientOutcome o;
    o.client = client;
    o.satisfaction = satisfaction;
    o.revenueSince = revenueSince;
    o.date = "2027-01-19";
    return o;
}

// The message of the std::invalid_argument that `read` throws, or "" when it throws none.
template <typename Read>
std::string rejection(Read read) {
    try {
        read();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

// Files a copy of `appeal`, for appeals that the test reads back from the cycle.
CycleResult fileNew(const Workspace& ws, Cycle& c, Appeal appeal) {
    return fileAppeal(ws, c, appeal);
}

// Closes the window of a proposed cycle on 2026-12-16 and makes it final on 2026-12-20.
CycleResult closeAndFinalise(Workspace& ws, Cycle& c) {
    CycleResult closed =
        advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner());
    REQUIRE_MESSAGE(closed.ok, closed.message);
    return advanceCycle(ws, c, CycleStage::Final, "2026-12-20", coreRunner());
}

// A cycle that has reached the proposal of proposedCycle, in a fresh cycleWorkspace.
struct ProposedCycle {
    Workspace ws = cycleWorkspace();
    Cycle& c = proposedCycle(ws);
};

// The start of a cycle on 2026-11-20 in which E1 is departed, with no last day given.
CycleStart e1DepartedStart() {
    CycleStart start;
    start.date = "2026-11-20";
    start.leavers.push_back({"E1", "departed", "", {}});
    return start;
}

// Starts the cycle of e1DepartedStart in `ws` and returns it.
Cycle& startedCycle(Workspace& ws) {
    CycleResult started = startCycle(ws, e1DepartedStart());
    REQUIRE_MESSAGE(started.ok, started.message);
    return ws.cycles.back();
}

}  // namespace

TEST_SUITE("cycle steps") {
    TEST_CASE_FIXTURE(ProposedCycle, "pin appeal by departed employee") {
        Appeal pin = appealOf("E1", {"C1"}, AppealKind::Pin, "2026-12-02");
        CycleResult filed = fileAppeal(ws, c, pin);
        CHECK_FALSE(filed.ok);
        CHECK(contains(filed.message, "employee E1 is departed and cannot receive clients"));
        CHECK(contains(filed.message, "active employee"));
        CHECK(c.appeals.empty());
        Appeal forbid = appealOf("E1", {"C1"}, AppealKind::Forbid, "2026-12-02");
        CHECK(fileAppeal(ws, c, forbid).ok);
    }

    TEST_CASE_FIXTURE(ProposedCycle, "accepting pin of departed employee") {
        Appeal pin = appealOf("E2", {"C1"}, AppealKind::Pin, "2026-12-02");
        REQUIRE(fileAppeal(ws, c, pin).ok);
        ws.employees[std::size_t(ws.findEmployee("E2"))].status = EmployeeStatus::Departed;
        CycleResult accepted = decideAppeal(ws, c, "A1", true, "served before", "2026-12-03");
        CHECK_FALSE(accepted.ok);
        CHECK(contains(accepted.message, "E2, who is departed and cannot receive clients"));
        CHECK(c.pins.empty());
        CHECK(decideAppeal(ws, c, "A1", false, "E2 has left", "2026-12-03").ok);
    }

    TEST_CASE("final names clients left unassigned") {
        Workspace ws = cycleWorkspace();
        ws.clients.push_back(makeClient("C8", "E1", {"lang:fr"}));
        Cycle& c = proposedCycle(ws);
        CycleResult final = closeAndFinalise(ws, c);
        REQUIRE_MESSAGE(final.ok, final.message);
        CHECK(contains(final.message, "6 client(s) have a new owner"));
        CHECK(contains(final.message,
                       "1 released client(s) are left unassigned: C8 (stays with "
                       "E1)"));
        CHECK(contains(final.message, "assign them by hand"));
        CHECK(c.leftUnassigned == std::vector<std::string>{"C8"});
        CHECK(ws.clients[std::size_t(ws.findClient("C8"))].owner ==
              std::optional<std::string>("E1"));

        std::string report = cycleReport(ws, &c, *c.currentResult(), "en", "md");
        CHECK(contains(report, "The final left 1 released client(s) unassigned"));
        std::string zh = cycleReport(ws, &c, *c.currentResult(), "zh-CN", "md");
        CHECK(contains(zh, "定案时有 1 个待交接客户未能分配"));

        nlohmann::json written = cycleToJson(c);
        CHECK(written["left_unassigned"] == nlohmann::json::array({"C8"}));
        std::vector<JsonError> errors;
        std::vector<Cycle> read =
            cyclesFromJson(nlohmann::json::array({written}), "/cycles", errors);
        REQUIRE(errors.empty());
        REQUIRE(read.size() == 1);
        CHECK(read[0].leftUnassigned == std::vector<std::string>{"C8"});
    }

    TEST_CASE_FIXTURE(ProposedCycle, "final with every client placed") {
        CycleResult final = closeAndFinalise(ws, c);
        REQUIRE_MESSAGE(final.ok, final.message);
        CHECK_FALSE(contains(final.message, "left unassigned"));
        CHECK(c.leftUnassigned.empty());
        CHECK_FALSE(cycleToJson(c).contains("left_unassigned"));
    }

    TEST_CASE("start lists every releasing leaver") {
        Workspace ws = cycleWorkspace();
        Employee& e2 = ws.employees[std::size_t(ws.findEmployee("E2"))];
        e2.status = EmployeeStatus::Leaving;
        e2.lastDay = "2027-01-31";
        CycleStart start = e1DepartedStart();
        CycleResult started = startCycle(ws, start);
        REQUIRE_MESSAGE(started.ok, started.message);
        CHECK(contains(started.message, "with 2 leaver(s)"));
        CHECK(contains(started.message, "Also listed E2 (leaving) as leaver(s)"));
        const Cycle& c = ws.cycles.back();
        REQUIRE(c.leavers.size() == 2);
        CHECK(c.leavers[1].employee == "E2");
        CHECK(c.leavers[1].status == "leaving");
        CHECK(c.leavers[1].lastDay == "2027-01-31");
    }

    TEST_CASE("start leaves out leavers without clients") {
        Workspace ws = cycleWorkspace();
        ws.employees[std::size_t(ws.findEmployee("E3"))].status = EmployeeStatus::Departed;
        CycleStart start = e1DepartedStart();
        CycleResult started = startCycle(ws, start);
        REQUIRE(started.ok);
        CHECK_FALSE(contains(started.message, "Also listed"));
        CHECK(ws.cycles.back().leavers.size() == 1);
    }

    TEST_CASE("rules published lists later leaver") {
        Workspace ws = cycleWorkspace();
        Cycle& c = startedCycle(ws);
        ws.employees[std::size_t(ws.findEmployee("E2"))].status = EmployeeStatus::Departed;
        CycleResult published =
            advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner());
        REQUIRE_MESSAGE(published.ok, published.message);
        CHECK(contains(published.message, "Also listed E2 (departed)"));
        CHECK(c.leavers.size() == 2);
    }

    TEST_CASE("proposal rejects unlisted leaver") {
        Workspace ws = cycleWorkspace();
        Cycle& c = startedCycle(ws);
        REQUIRE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner()).ok);
        ws.employees[std::size_t(ws.findEmployee("E2"))].status = EmployeeStatus::Departed;
        CycleResult proposed =
            advanceCycle(ws, c, CycleStage::Proposal, "2026-12-01", coreRunner());
        CHECK_FALSE(proposed.ok);
        CHECK(contains(proposed.message, "employee E2 is departed"));
        CHECK(contains(proposed.message, "not a leaver of cycle-1"));
        CHECK(std::string(toString(c.stage)) == "rules_published");
        CHECK_FALSE(c.proposal);
    }

    TEST_CASE_FIXTURE(ProposedCycle, "decision before filing date") {
        REQUIRE(fileNew(ws, c, appealOf("E2", {"C1"}, AppealKind::Pin, "2026-12-05")).ok);
        CycleResult early = decideAppeal(ws, c, "A1", true, "served before", "2026-12-04");
        CHECK_FALSE(early.ok);
        CHECK(contains(early.message,
                       "decision date 2026-12-04 of appeal A1 is before its filing date "
                       "2026-12-05"));
        CHECK(contains(early.message, "on or after 2026-12-05"));
        CHECK(std::string(toString(c.appeals[0].status)) == "open");
        CHECK(decideAppeal(ws, c, "A1", true, "served before", "2026-12-05").ok);
    }

    TEST_CASE_FIXTURE(ProposedCycle, "task done before final date") {
        REQUIRE(closeAndFinalise(ws, c).ok);
        CycleResult early = setTaskDone(c, "C1", "introduce", true, "2026-12-19");
        CHECK_FALSE(early.ok);
        CHECK(contains(early.message, "done date 2026-12-19 of task introduce of C1"));
        CHECK(contains(early.message, "before the final date 2026-12-20"));
        CHECK_FALSE(c.handovers[0].tasks[0].done);
        CHECK(setTaskDone(c, "C1", "introduce", true, "2026-12-20").ok);
        CHECK(setTaskDone(c, "C1", "introduce", false, "").ok);
    }

    TEST_CASE("done date after today") {
        CycleResult late = checkDoneDate("decision date", "2099-01-01", "2026-12-06");
        CHECK_FALSE(late.ok);
        CHECK(contains(late.message, "decision date 2099-01-01 is after today (2026-12-06)"));
        CHECK(contains(late.message, "on or before 2026-12-06"));
        CHECK(checkDoneDate("decision date", "2026-12-06", "2026-12-06").ok);
        CHECK(checkDoneDate("decision date", "2099-01-01", "").ok);
        CHECK(checkDoneDate("decision date", "soon", "2026-12-06").ok);
    }

    TEST_CASE_FIXTURE(ProposedCycle, "outcome revenue above absurd bound") {
        REQUIRE(closeAndFinalise(ws, c).ok);
        CycleResult huge = setOutcome(c, outcomeOf("C1", 4.0, 1e300));
        CHECK_FALSE(huge.ok);
        CHECK(contains(huge.message, "revenue_since of C1 is 1e+300, at or above 1e+15"));
        CHECK(contains(huge.message, "company currency"));
        CHECK_FALSE(setOutcome(c, outcomeOf("C1", 4.0, 1e15)).ok);
        CHECK_FALSE(setOutcome(c, outcomeOf("C1", 4.0, std::nan(""))).ok);
        CHECK_FALSE(setOutcome(c, outcomeOf("C1", std::nan(""), 10.0)).ok);
        CHECK(c.outcomes.empty());
        CHECK(setOutcome(c, outcomeOf("C1", 4.0, 999999999999999.0)).ok);
    }

    TEST_CASE("request fields name the field") {
        nlohmann::json o = nlohmann::json::parse(
            R"({"revenue_since": "lots", "satisfaction": 4, "employee": 7, "clients": "C1",
                "keep": ["C1", 2], "leavers": ["E03"], "reason": null})");
        CHECK(rejection([&] { request::number(o, "revenue_since"); }) ==
              "revenue_since must be a number, found a string");
        CHECK(request::number(o, "satisfaction") == 4.0);
        CHECK_FALSE(request::number(o, "missing"));
        CHECK(rejection([&] { request::text(o, "employee"); }) ==
              "employee must be a string, found a number");
        CHECK(request::text(o, "reason").empty());
        CHECK(rejection([&] { request::textList(o, "clients"); }) ==
              "clients must be an array of strings, found a string");
        CHECK(rejection([&] { request::textList(o, "keep"); }) ==
              "keep[1] must be a string, found a number");
        CHECK(rejection([&] { request::objectList(o, "leavers"); }) ==
              "leavers[0] must be an object, found a string");
        CHECK(request::objectList(o, "missing").empty());
    }

    TEST_CASE_FIXTURE(ProposedCycle, "appeal with blank reason") {
        Appeal blank = appealOf("E2", {"C1"}, AppealKind::Pin, "2026-12-02");
        blank.reason = "  \t";
        CycleResult filed = fileAppeal(ws, c, blank);
        CHECK_FALSE(filed.ok);
        CHECK(contains(filed.message, "appeal's reason is blank"));
        CHECK(c.appeals.empty());
        REQUIRE(fileNew(ws, c, appealOf("E2", {"C1"}, AppealKind::Pin, "2026-12-02")).ok);
        CycleResult decided = decideAppeal(ws, c, "A1", true, "   ", "2026-12-03");
        CHECK_FALSE(decided.ok);
        CHECK(contains(decided.message, "written reason"));
    }

    TEST_CASE_FIXTURE(ProposedCycle, "duplicate open appeal") {
        REQUIRE(fileNew(ws, c, appealOf("E2", {"C1", "C2"}, AppealKind::Pin, "2026-12-02")).ok);
        Appeal again = appealOf("E2", {"C2", "C1"}, AppealKind::Pin, "2026-12-03");
        CycleResult twice = fileAppeal(ws, c, again);
        CHECK_FALSE(twice.ok);
        CHECK(contains(twice.message, "appeal A1 by E2 asks the same (pin) and is still open"));
        CHECK(c.appeals.size() == 1);
        // Another employee, or a different set of clients, is a new appeal.
        CHECK(fileNew(ws, c, appealOf("E3", {"C1", "C2"}, AppealKind::Pin, "2026-12-03")).ok);
        CHECK(fileNew(ws, c, appealOf("E2", {"C1"}, AppealKind::Pin, "2026-12-03")).ok);
        // Once A1 is decided, the same request may be filed again.
        REQUIRE(decideAppeal(ws, c, "A1", false, "fit is lower", "2026-12-04").ok);
        CHECK(fileNew(ws, c, appealOf("E2", {"C1", "C2"}, AppealKind::Pin, "2026-12-05")).ok);
    }

    TEST_CASE_FIXTURE(ProposedCycle, "contrary open appeal") {
        REQUIRE(fileNew(ws, c, appealOf("E2", {"C1", "C2"}, AppealKind::Pin, "2026-12-02")).ok);
        Appeal forbid = appealOf("E2", {"C3", "C2"}, AppealKind::Forbid, "2026-12-03");
        CycleResult contrary = fileAppeal(ws, c, forbid);
        CHECK_FALSE(contrary.ok);
        CHECK(contains(contrary.message,
                       "open appeal A1 by E2 asks to pin client C2, the opposite of this forbid"));
        CHECK(c.appeals.size() == 1);
        CHECK(fileNew(ws, c, appealOf("E2", {"C3"}, AppealKind::Forbid, "2026-12-03")).ok);
        CHECK(fileNew(ws, c, appealOf("E3", {"C2"}, AppealKind::Forbid, "2026-12-03")).ok);
    }
}
