// The cycle's step messages in Chinese: a whole cycle and its common rejections are run
// through Session, and every message they return must match a cycle pattern.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/session.h"
#include "cycle_fixtures.h"
#include "io/workspace_json.h"
#include "locale_fixtures.h"
#include "ui/cycle_log_text.h"
#include "ui/log_text.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::ui;
using baton::test::ChineseDuring;
using baton::test::placeholderList;

namespace {

// Runs every step of a cycle once, plus rejected steps, and returns each result's message.
std::vector<std::string> cycleMessages() {
    Session session;
    REQUIRE(session.importWorkspaceText(writeWorkspace(test::cycleWorkspace())).ok);
    session.setToday("2026-11-20");
    std::vector<std::string> out;
    auto keep = [&out](const CycleResult& result) { out.push_back(result.message); };

    keep(session.advanceCycle("proposal", "2026-11-20"));  // no cycle yet
    CycleStart start;
    start.leavers.push_back({"E1", "departed", "", {}});
    keep(session.startCycle(start));
    keep(session.addCycleLeaver({"E3", "leaving", "2026-12-31", {}}));
    keep(session.addCycleLeaver({"E9", "departed", "", {}}));
    keep(session.addCycleLeaver({"E2", "retired", "", {}}));
    keep(session.keepWithFirm("C2", true));
    keep(session.keepWithFirm("C2", false));
    keep(session.setCycleSettings(CycleSettings{}));
    keep(session.advanceCycle("launch", ""));
    keep(session.advanceCycle("rules_published", "2026-11-21"));
    keep(session.advanceCycle("proposal", "2026-12-01"));

    // Steps that record something done may not be dated after today, so today moves on
    // with the cycle.
    session.setToday("2026-12-03");
    Appeal appeal;
    appeal.employee = "E2";
    appeal.clients = {"C1"};
    appeal.reason = "served before";
    appeal.filed = "2026-12-02";
    std::string id;
    keep(session.fileAppeal(appeal, id));
    Appeal late = appeal;
    late.filed = "2027-02-01";
    keep(session.fileAppeal(late, id));
    Appeal empty = appeal;
    empty.reason.clear();
    keep(session.fileAppeal(empty, id));
    keep(session.fileAppeal(appeal, id));  // the same appeal again, while A1 is open
    Appeal contrary = appeal;
    contrary.kind = AppealKind::Forbid;
    keep(session.fileAppeal(contrary, id));
    Appeal byLeaver = appeal;
    byLeaver.employee = "E1";
    keep(session.fileAppeal(byLeaver, id));
    keep(session.decideAppeal("A1", "accept", "served before", "2026-12-01"));
    keep(session.decideAppeal("A9", "accept", "no", "2026-12-03"));
    keep(session.decideAppeal("A1", "accept", "", "2026-12-03"));
    keep(session.decideAppeal("A1", "maybe", "x", "2026-12-03"));
    keep(session.decideAppeal("A1", "accept", "served before", "2026-12-03"));
    keep(session.rerunCycle());
    session.setToday("2026-12-20");
    keep(session.advanceCycle("objections_closed", "2026-12-05"));
    keep(session.advanceCycle("objections_closed", "2026-12-16"));
    keep(session.advanceCycle("final", "2026-12-20"));
    keep(session.fileAppeal(appeal, id));
    session.setToday("2026-12-22");
    keep(session.advanceCycle("handover", "2026-12-21"));

    const Cycle* cycle = session.cycle();
    REQUIRE(cycle != nullptr);
    REQUIRE_FALSE(cycle->moves.empty());
    const std::string moved = cycle->moves.front().client;
    keep(session.setHandoverTask(moved, "introduce", true, "2026-12-19"));
    keep(session.setHandoverTask(moved, "introduce", true, "2026-12-22"));
    keep(session.setHandoverTask(moved, "introduce", false, ""));
    keep(session.setHandoverTask(moved, "dance", true, "2026-12-22"));
    keep(session.setHandoverTask("C7", "introduce", true, "2026-12-22"));
    session.setToday("2027-01-20");
    keep(session.advanceCycle("follow_up", "2026-12-22"));
    keep(session.advanceCycle("follow_up", "2027-01-19"));
    ClientOutcome outcome;
    outcome.client = moved;
    outcome.satisfaction = 9;
    outcome.date = "2027-01-19";
    keep(session.setClientOutcome(outcome));
    outcome.satisfaction = 4;
    outcome.revenueSince = -1;
    keep(session.setClientOutcome(outcome));
    outcome.revenueSince = 1e300;
    keep(session.setClientOutcome(outcome));
    keep(session.advanceCycle("closed", "2027-01-20"));
    std::vector<ClientMove> moves = session.cycle()->moves;
    for (const ClientMove& move : moves) {
        ClientOutcome kept;
        kept.client = move.client;
        kept.date = "2027-01-19";
        keep(session.setClientOutcome(kept));
    }
    keep(session.advanceCycle("closed", "2027-01-20"));
    return out;
}

}  // namespace

TEST_SUITE("cycle log text") {
    TEST_CASE("cycle patterns keep placeholders") {
        for (const LogPattern& pattern : cycleLogPatterns()) {
            INFO(pattern.english);
            CHECK(placeholderList(pattern.english) == placeholderList(pattern.chinese));
        }
    }

    TEST_CASE("every cycle message in Chinese") {
        std::vector<std::string> messages = cycleMessages();
        CHECK(messages.size() >= 35);
        ChineseDuring inChinese;
        for (const std::string& message : messages) {
            INFO(message);
            std::string chinese = logMessageText(message);
            CHECK(chinese != message);
            // English words that only the untranslated messages contain; ids such as cycle-1
            // and codes such as objections_closed stay.
            for (const char* word : {" the ", " of ", " is ", " at ", " cycle "}) {
                CHECK(chinese.find(word) == std::string::npos);
            }
        }
    }

    TEST_CASE("stage and kind captures in Chinese") {
        ChineseDuring chinese;
        CHECK(logMessageText("appeals can be filed only while the objection window is open; "
                             "cycle cycle-1 is at final") ==
              "只能在申诉窗口开放期间提出申诉；周期 cycle-1 处于“定案”阶段");
        CHECK(logMessageText("Filed appeal A1 by E2 (forbid, 2 client(s)).") ==
              "已登记申诉 A1，申诉人 E2（不希望接手，2 个客户）。");
        CHECK(logMessageText("Outcome of C1: lost.") == "客户 C1 的回访结果：流失。");
        CHECK(logMessageText("Proposal of cycle-1: 52 placed, 0 unassigned; appeals are open "
                             "until 2027-01-20.") ==
              "cycle-1 的方案：已分配 52 个客户，未分配 0 个；申诉开放至 2027-01-20。");
        CHECK(logMessageText("Handover of C0005: task introduce done.") ==
              "客户 C0005 的交接任务 introduce 已完成。");
    }

    TEST_CASE("cycle counts worded in English") {
        setLocale("en");
        CHECK(logMessageText("Started cycle-1 on 2026-11-20 with 1 leaver(s).") ==
              "Started cycle-1 on 2026-11-20 with 1 leaver.");
        CHECK(logMessageText("Filed appeal A1 by E2 (pin, 3 client(s)).") ==
              "Filed appeal A1 by E2 (pin, 3 clients).");
        CHECK(logMessageText("Closed cycle-1.") == "Closed cycle-1.");
    }
}
