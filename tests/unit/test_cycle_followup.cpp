// Follow-up of a cycle: the dashboard against hand-computed figures, the outcome CSV
// reader's errors, the policy review and the JSON round trip of a whole cycle.
#include <doctest/doctest.h>

#include "cycle_fixtures.h"
#include "io/cycle_json.h"
#include "io/outcomes_csv.h"

using namespace baton;
using namespace baton::test;

namespace {

// The cycle workspace with every released client pinned, so that the receivers are known:
// C1, C2, C6 go to E2 and C3, C4, C5 to E3. Transactions are placed around the window one
// year before each outcome.
Workspace pinnedWorkspace() {
    Workspace ws = cycleWorkspace();
    for (const char* c : {"C1", "C2", "C6"}) ws.policy.pins.push_back({c, "E2", "test", {}});
    for (const char* c : {"C3", "C4", "C5"}) ws.policy.pins.push_back({c, "E3", "test", {}});
    ws.transactions.push_back({"C1", "2025-12-25", 1000.0, std::nullopt, {}});
    ws.transactions.push_back({"C1", "2026-01-19", 500.0, std::nullopt, {}});
    ws.transactions.push_back({"C1", "2025-12-19", 700.0, std::nullopt, {}});
    ws.transactions.push_back({"C2", "2026-01-10", 300.0, std::nullopt, {}});
    ws.transactions.push_back({"C3", "2026-03-01", 600.0, std::nullopt, {}});
    ws.transactions.push_back({"C3", "2026-03-20", 100.0, std::nullopt, {}});
    return ws;
}

Cycle& finalCycle(Workspace& ws) {
    Cycle& c = proposedCycle(ws);
    REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner()).ok);
    REQUIRE(advanceCycle(ws, c, CycleStage::Final, "2026-12-20", coreRunner()).ok);
    return c;
}

ClientOutcome outcome(const std::string& client, OutcomeKind kind,
                      std::optional<double> satisfaction, double revenue, const std::string& date) {
    ClientOutcome o;
    o.client = client;
    o.outcome = kind;
    o.satisfaction = satisfaction;
    o.revenueSince = revenue;
    o.date = date;
    return o;
}

}  // namespace

TEST_SUITE("cycle follow-up") {
    TEST_CASE("dashboard matches hand computation") {
        Workspace ws = pinnedWorkspace();
        Cycle& c = finalCycle(ws);
        REQUIRE(c.moves.size() == 6);
        REQUIRE(setOutcome(c, outcome("C1", OutcomeKind::Retained, 4.0, 800.0, "2027-01-19")).ok);
        REQUIRE(setOutcome(c, outcome("C2", OutcomeKind::Lost, 2.0, 0.0, "2027-01-19")).ok);
        REQUIRE(
            setOutcome(c, outcome("C3", OutcomeKind::Retained, std::nullopt, 450.0, "2027-03-20"))
                .ok);
        FollowUpDashboard board = followUpDashboard(ws, c);
        REQUIRE(board.employees.size() == 2);
        const FollowUpFigures& e2 = board.employees[0];
        CHECK(e2.employee == "E2");
        CHECK(e2.clients == 3);
        CHECK(e2.recorded == 2);
        CHECK(e2.retained == 1);
        CHECK(e2.lost == 1);
        CHECK(e2.retentionRate == doctest::Approx(0.5));
        CHECK(e2.revenueSince == doctest::Approx(800.0));
        // C1: 1000 on 2025-12-25 (2025-12-19 is before and 2026-01-19 is the excluded end);
        // C2: 300 on 2026-01-10.
        CHECK(e2.revenueYearBefore == doctest::Approx(1300.0));
        CHECK(e2.revenueKept == doctest::Approx(800.0 / 1300.0));
        REQUIRE(e2.satisfaction);
        CHECK(*e2.satisfaction == doctest::Approx(3.0));
        const FollowUpFigures& e3 = board.employees[1];
        CHECK(e3.employee == "E3");
        CHECK(e3.recorded == 1);
        CHECK(e3.retentionRate == doctest::Approx(1.0));
        CHECK(e3.revenueYearBefore == doctest::Approx(600.0));
        CHECK(e3.revenueKept == doctest::Approx(0.75));
        CHECK_FALSE(e3.satisfaction);
        CHECK(board.total.clients == 6);
        CHECK(board.total.recorded == 3);
        CHECK(board.total.retentionRate == doctest::Approx(2.0 / 3.0));
        CHECK(board.total.revenueSince == doctest::Approx(1250.0));
        CHECK(board.total.revenueYearBefore == doctest::Approx(1900.0));
        CHECK(board.total.revenueKept == doctest::Approx(1250.0 / 1900.0));
        CHECK(*board.total.satisfaction == doctest::Approx(3.0));
    }

    TEST_CASE("outcome rules") {
        Workspace ws = pinnedWorkspace();
        Cycle& c = finalCycle(ws);
        CHECK_FALSE(setOutcome(c, outcome("C7", OutcomeKind::Retained, 4.0, 1.0, "2027-01-19")).ok);
        CHECK_FALSE(setOutcome(c, outcome("C1", OutcomeKind::Retained, 6.0, 1.0, "2027-01-19")).ok);
        CHECK_FALSE(setOutcome(c, outcome("C1", OutcomeKind::Retained, 4.0, 1.0, "2026-12-01")).ok);
        REQUIRE(setOutcome(c, outcome("C1", OutcomeKind::Lost, 1.0, 0.0, "2027-01-19")).ok);
        REQUIRE(setOutcome(c, outcome("C1", OutcomeKind::Retained, 5.0, 10.0, "2027-01-20")).ok);
        REQUIRE(c.outcomes.size() == 1);
        CHECK(c.outcomes[0].revenueSince == 10.0);
        CycleResult close = advanceCycle(ws, c, CycleStage::Handover, "2026-12-21", coreRunner());
        REQUIRE(close.ok);
        CycleResult tooEarly =
            advanceCycle(ws, c, CycleStage::FollowUp, "2027-01-18", coreRunner());
        CHECK_FALSE(tooEarly.ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::FollowUp, "2027-01-19", coreRunner()).ok);
        CycleResult missing = advanceCycle(ws, c, CycleStage::Closed, "2027-03-20", coreRunner());
        CHECK_FALSE(missing.ok);
        CHECK(missing.message.find("C2 has no follow-up outcome") != std::string::npos);
    }

    TEST_CASE("outcome csv reads rows") {
        OutcomesReadResult read = readOutcomesCsv(
            "client,outcome,satisfaction,revenue_since\nC1,retained,4.5,1200\nC2,lost,,\n",
            "2027-01-19");
        REQUIRE(read.errors.empty());
        REQUIRE(read.outcomes.size() == 2);
        CHECK(read.outcomes[0].client == "C1");
        CHECK(*read.outcomes[0].satisfaction == 4.5);
        CHECK(*read.outcomes[0].revenueSince == 1200.0);
        CHECK(read.outcomes[0].date == "2027-01-19");
        CHECK(std::string(toString(read.outcomes[1].outcome)) == "lost");
        CHECK_FALSE(read.outcomes[1].satisfaction);
        CHECK_FALSE(read.outcomes[1].revenueSince);
    }

    TEST_CASE("outcome csv names row and column") {
        OutcomesReadResult header = readOutcomesCsv("client,outcome,satisfaction\nC1,lost,3\n", "");
        REQUIRE(header.errors.size() == 1);
        CHECK(header.errors[0].path == "revenue_since");
        CHECK(header.errors[0].line == 1);
        OutcomesReadResult rows = readOutcomesCsv(
            "client,outcome,satisfaction,revenue_since\nC1,retained,4,10\nC2,kept,9,-5\nC1,lost,,"
            "\n",
            "2027-01-19");
        CHECK(rows.outcomes.empty());
        REQUIRE(rows.errors.size() == 4);
        CHECK(rows.errors[0].path == "outcome");
        CHECK(rows.errors[0].line == 3);
        CHECK(rows.errors[0].column == 2);
        CHECK(rows.errors[0].message.find("\"kept\"") != std::string::npos);
        CHECK(rows.errors[1].path == "satisfaction");
        CHECK(rows.errors[1].column == 3);
        CHECK(rows.errors[2].path == "revenue_since");
        CHECK(rows.errors[2].column == 4);
        CHECK(rows.errors[3].path == "client");
        CHECK(rows.errors[3].line == 4);
        CHECK(rows.errors[3].message.find("first on line 2") != std::string::npos);
    }

    TEST_CASE("outcome csv reads dates") {
        OutcomesReadResult read = readOutcomesCsv(
            "date,client,outcome,satisfaction,revenue_since\n2027-02-01,C1,retained,4,10\n"
            ",C2,lost,,\n2027-13-01,C3,lost,,\n",
            "2027-01-19");
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].path == "date");
        CHECK(read.errors[0].line == 4);
        CHECK(read.errors[0].column == 1);
        CHECK(read.errors[0].message.find("\"2027-13-01\"") != std::string::npos);
        OutcomesReadResult good = readOutcomesCsv(
            "date,client,outcome,satisfaction,revenue_since\n2027-02-01,C1,retained,4,10\n"
            ",C2,lost,,\n",
            "2027-01-19");
        REQUIRE(good.errors.empty());
        CHECK(good.outcomes[0].date == "2027-02-01");
        CHECK(good.outcomes[1].date == "2027-01-19");
    }

    TEST_CASE("outcome csv reads chinese headers") {
        OutcomesReadResult read = readOutcomesCsv(
            "客户,结果,满意度,回访后收入,日期\nC1,retained,4,1200,2027-02-01\n", "2027-01-19");
        REQUIRE(read.errors.empty());
        REQUIRE(read.outcomes.size() == 1);
        CHECK(read.outcomes[0].client == "C1");
        CHECK(*read.outcomes[0].revenueSince == 1200.0);
        CHECK(read.outcomes[0].date == "2027-02-01");
        OutcomesReadResult income =
            readOutcomesCsv("客户,结果,满意度,收入\nC1,lost,2,0\n", "2027-01-19");
        REQUIRE(income.errors.empty());
        CHECK(*income.outcomes[0].revenueSince == 0.0);
        CHECK(income.columns.count("date") == 0);
    }

    TEST_CASE("outcome row error columns") {
        OutcomesReadResult dated = readOutcomesCsv(
            "client,outcome,satisfaction,revenue_since,date\nC1,lost,,,2026-12-01\n", "");
        REQUIRE(dated.errors.empty());
        JsonError early = outcomeRowError(dated, dated.outcomes[0], "2026-12-20", "rejected");
        CHECK(early.path == "date");
        CHECK(early.line == 2);
        CHECK(early.column == 5);
        CHECK(early.message.find("2026-12-01 of client C1 is before the final date 2026-12-20") !=
              std::string::npos);
        OutcomesReadResult undated =
            readOutcomesCsv("client,outcome,satisfaction,revenue_since\nC1,lost,,\n", "2026-12-01");
        JsonError today = outcomeRowError(undated, undated.outcomes[0], "2026-12-20", "rejected");
        CHECK(today.path == "date");
        CHECK_FALSE(today.column);
        CHECK(today.message.find("today's date 2026-12-01 is before the final date 2026-12-20") !=
              std::string::npos);
        CHECK(today.message.find("add a date column") != std::string::npos);
        JsonError other = outcomeRowError(undated, undated.outcomes[0], "2026-11-20", "not moved");
        CHECK(other.path == "client");
        CHECK(other.column == 1);
        CHECK(other.message == "not moved");
    }

    TEST_CASE("policy review reruns past input") {
        Workspace ws = pinnedWorkspace();
        Cycle& c = finalCycle(ws);
        REQUIRE(setOutcome(c, outcome("C2", OutcomeKind::Lost, 2.0, 0.0, "2027-01-19")).ok);
        Workspace past = pastCycleInput(ws, c);
        CHECK(past.clients[0].owner == std::optional<std::string>("E1"));
        CHECK(past.deals[0].employee == "E1");
        CHECK(std::string(toString(past.employees[0].status)) == "departed");
        Policy other = ws.policy;
        other.pins.clear();
        for (const char* client : {"C1", "C2", "C3", "C4", "C5", "C6"}) {
            other.pins.push_back({client, "E4", "review", {}});
        }
        std::string error;
        std::optional<PolicyReview> review = reviewPolicy(ws, c, other, coreRunner(), error);
        REQUIRE_MESSAGE(review, error);
        CHECK(review->clients == 6);
        CHECK(review->changes.size() == 6);
        CHECK(review->sameEmployee == 0);
        CHECK(review->lostElsewhere == 1);
        CHECK(review->cycleFigures.totalFit == c.currentResult()->figures.totalFit);
        std::optional<PolicyReview> same = reviewPolicy(ws, c, *c.policy, coreRunner(), error);
        REQUIRE(same);
        CHECK(same->changes.empty());
        CHECK(same->sameEmployee == 6);
    }

    TEST_CASE("cycle json round trip") {
        Workspace ws = pinnedWorkspace();
        Cycle& c = proposedCycle(ws);
        Appeal appeal;
        appeal.employee = "E2";
        appeal.clients = {"C3"};
        appeal.reason = "served before";
        appeal.filed = "2026-12-02";
        REQUIRE(fileAppeal(ws, c, appeal).ok);
        REQUIRE(decideAppeal(ws, c, "A1", false, "pinned by the rules", "2026-12-03").ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner()).ok);
        REQUIRE(advanceCycle(ws, c, CycleStage::Final, "2026-12-20", coreRunner()).ok);
        REQUIRE(setTaskDone(c, "C1", "introduce", true, "2026-12-21").ok);
        REQUIRE(setOutcome(c, outcome("C1", OutcomeKind::Retained, 4.0, 800.0, "2027-01-19")).ok);
        nlohmann::json written = cycleToJson(c);
        written["x_note"] = "kept";
        std::vector<JsonError> errors;
        std::vector<Cycle> read =
            cyclesFromJson(nlohmann::json::array({written}), "/cycles", errors);
        REQUIRE(errors.empty());
        REQUIRE(read.size() == 1);
        CHECK(cycleToJson(read[0]) == written);
        CHECK(read[0].handovers[0].tasks[0].done);
        CHECK(read[0].proposal->assignments.size() == c.proposal->assignments.size());
    }

    TEST_CASE("cycle json errors name field") {
        nlohmann::json bad = nlohmann::json::parse(
            R"([{"id": "c1", "stage": "launch", "dates": {"proposal": "2026-02-30"},
                 "appeals": [{"id": "A1", "employee": 7, "kind": "maybe", "status": "open"}]}])");
        std::vector<JsonError> errors;
        cyclesFromJson(bad, "/cycles", errors);
        std::vector<std::string> paths;
        for (const JsonError& e : errors) paths.push_back(e.path);
        CHECK(std::find(paths.begin(), paths.end(), "/cycles/0/stage") != paths.end());
        CHECK(std::find(paths.begin(), paths.end(), "/cycles/0/dates/proposal") != paths.end());
        CHECK(std::find(paths.begin(), paths.end(), "/cycles/0/appeals/0/employee") != paths.end());
        CHECK(std::find(paths.begin(), paths.end(), "/cycles/0/appeals/0/kind") != paths.end());
    }
}
