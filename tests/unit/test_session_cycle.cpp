// The cycle through Session: applyProposal() as the cycle's Final, the revision and the
// change record of each step, and the all-or-none outcome import.
#include <doctest/doctest.h>

#include "app/session.h"
#include "cycle_fixtures.h"
#include "io/workspace_json.h"

using namespace baton;

namespace {

// A session holding the cycle fixture's workspace, with today set to 2026-11-20.
Session cycleSession() {
    Session session;
    REQUIRE(session.importWorkspaceText(writeWorkspace(test::cycleWorkspace())).ok);
    session.setToday("2026-11-20");
    return session;
}

void toProposal(Session& session) {
    CycleStart start;
    start.leavers.push_back({"E1", "departed", "", {}});
    REQUIRE(session.startCycle(start).ok);
    REQUIRE(session.advanceCycle("rules_published", "2026-11-21").ok);
    REQUIRE(session.advanceCycle("proposal", "2026-12-01").ok);
}

}  // namespace

TEST_SUITE("session cycle") {
    TEST_CASE("steps bump revision and record") {
        Session session = cycleSession();
        std::uint64_t before = session.revision();
        std::size_t audit = session.workspace().audit.size();
        toProposal(session);
        CHECK(session.revision() > before);
        CHECK(session.workspace().audit.size() == audit + 3);
        REQUIRE(session.cycle());
        CHECK(session.cycle()->dates.departure == "2026-11-20");
        std::uint64_t rejected = session.revision();
        CHECK_FALSE(session.advanceCycle("final", "2026-12-02").ok);
        CHECK_FALSE(session.advanceCycle("launch", "").ok);
        CHECK(session.revision() == rejected);
        nlohmann::json view = session.cycleJson();
        CHECK(view["stage"] == "proposal");
        CHECK(view["window_open"] == true);
        CHECK(view["next_stage"] == "objections_closed");
    }

    TEST_CASE("apply proposal is the final") {
        Session session = cycleSession();
        toProposal(session);
        ApplyOutcome inWindow = session.applyProposal();
        CHECK_FALSE(inWindow.ok);
        CHECK(inWindow.message.find("objection window of cycle-1 is open until 2026-12-15") !=
              std::string::npos);
        CHECK(session.workspace().clients[0].owner == std::optional<std::string>("E1"));
        REQUIRE(session.advanceCycle("objections_closed", "2026-12-16").ok);
        session.setToday("2026-12-20");
        ApplyOutcome final = session.applyProposal();
        REQUIRE_MESSAGE(final.ok, final.message);
        CHECK(final.moved == 6);
        CHECK(session.cycle()->dates.finalDate == "2026-12-20");
        CHECK(session.workspace().clients[0].owner != std::optional<std::string>("E1"));
        CHECK_FALSE(session.applyProposal().ok);
    }

    TEST_CASE("outcome import is all or none") {
        Session session = cycleSession();
        toProposal(session);
        REQUIRE(session.advanceCycle("objections_closed", "2026-12-16").ok);
        session.setToday("2026-12-20");
        REQUIRE(session.advanceCycle("final", "2026-12-20").ok);
        session.setToday("2027-01-19");
        ImportOutcome bad = session.importOutcomesCsv(
            "client,outcome,satisfaction,revenue_since\nC1,retained,4,100\nC7,lost,,\n");
        CHECK_FALSE(bad.ok);
        REQUIRE(bad.errors.size() == 1);
        CHECK(bad.errors[0].line == 3);
        CHECK(bad.errors[0].message.find("C7 was not moved") != std::string::npos);
        CHECK(session.cycle()->outcomes.empty());
        ImportOutcome good = session.importOutcomesCsv(
            "client,outcome,satisfaction,revenue_since\nC1,retained,4,100\nC2,lost,,\n");
        REQUIRE(good.ok);
        REQUIRE(session.cycle()->outcomes.size() == 2);
        CHECK(session.cycle()->outcomes[0].date == "2027-01-19");
        CHECK(session.cycle()->outcomes[0].extra.empty());
        FollowUpDashboard board = session.followUpDashboard();
        CHECK(board.total.recorded == 2);
        CHECK(board.total.retentionRate == doctest::Approx(0.5));
    }

    TEST_CASE("outcome import dates before final") {
        Session session = cycleSession();
        toProposal(session);
        REQUIRE(session.advanceCycle("objections_closed", "2026-12-16").ok);
        session.setToday("2026-12-20");
        REQUIRE(session.advanceCycle("final", "2026-12-20").ok);
        // A clock set back after the final: an undated row would take today's date.
        session.setToday("2026-12-19");
        ImportOutcome undated =
            session.importOutcomesCsv("客户,结果,满意度,回访后收入\nC1,retained,4,100\n");
        CHECK_FALSE(undated.ok);
        REQUIRE(undated.errors.size() == 1);
        CHECK(undated.errors[0].path == "date");
        CHECK(undated.errors[0].line == 2);
        CHECK(undated.errors[0].message.find("today's date 2026-12-19 is before the final") !=
              std::string::npos);
        session.setToday("2026-12-21");
        ImportOutcome dated = session.importOutcomesCsv(
            "客户,结果,满意度,回访后收入,日期\nC1,retained,4,100,2026-12-21\n");
        REQUIRE(dated.ok);
        CHECK(session.cycle()->outcomes[0].date == "2026-12-21");
    }

    TEST_CASE("cycle survives export and import") {
        Session session = cycleSession();
        toProposal(session);
        session.setToday("2026-12-02");
        std::string id;
        Appeal appeal;
        appeal.employee = "E2";
        appeal.clients = {"C1"};
        appeal.reason = "served before";
        REQUIRE(session.fileAppeal(appeal, id).ok);
        CHECK(id == "A1");
        CHECK(session.cycle()->appeals[0].filed == "2026-12-02");
        std::string text = session.exportWorkspaceText();
        Session copy;
        REQUIRE(copy.importWorkspaceText(text).ok);
        REQUIRE(copy.cycle());
        CHECK(copy.cycle()->appeals.size() == 1);
        CHECK(copy.exportWorkspaceText().find("\"objection_end\": \"2026-12-15\"") !=
              std::string::npos);
    }

    TEST_CASE("done dates after today rejected") {
        Session session = cycleSession();
        toProposal(session);
        session.setToday("2026-12-03");
        Appeal appeal;
        appeal.employee = "E2";
        appeal.clients = {"C1"};
        appeal.reason = "served before";
        appeal.filed = "2026-12-05";
        std::string id;
        std::uint64_t before = session.revision();
        CycleResult filedLate = session.fileAppeal(appeal, id);
        CHECK_FALSE(filedLate.ok);
        CHECK(filedLate.message.find("filing date 2026-12-05 is after today (2026-12-03)") !=
              std::string::npos);
        CHECK(session.revision() == before);
        appeal.filed = "";
        REQUIRE(session.fileAppeal(appeal, id).ok);

        CycleResult decidedLate = session.decideAppeal(id, "reject", "fit is lower", "2026-12-09");
        CHECK_FALSE(decidedLate.ok);
        CHECK(decidedLate.message.find("decision date 2026-12-09") != std::string::npos);
        REQUIRE(session.decideAppeal(id, "reject", "fit is lower", "").ok);
        // A stage before the final may carry a planned date.
        REQUIRE(session.advanceCycle("objections_closed", "2026-12-16").ok);
        CycleResult finalLate = session.advanceCycle("final", "2026-12-20");
        CHECK_FALSE(finalLate.ok);
        CHECK(finalLate.message.find("final date 2026-12-20 is after today (2026-12-03)") !=
              std::string::npos);
        CHECK(std::string(toString(session.cycle()->stage)) == "objections_closed");

        session.setToday("2026-12-20");
        REQUIRE(session.advanceCycle("final", "").ok);
        CycleResult taskLate = session.setHandoverTask("C1", "introduce", true, "2026-12-25");
        CHECK_FALSE(taskLate.ok);
        CHECK(taskLate.message.find("done date 2026-12-25") != std::string::npos);
        ClientOutcome outcome;
        outcome.client = "C1";
        outcome.date = "2027-01-25";
        CycleResult outcomeLate = session.setClientOutcome(outcome);
        CHECK_FALSE(outcomeLate.ok);
        CHECK(outcomeLate.message.find("outcome date 2027-01-25") != std::string::npos);
        CHECK(session.cycle()->outcomes.empty());
    }
}
