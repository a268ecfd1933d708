// The result's own account of itself: a best_fit that no fit decided, the notes on
// receivers below their target value and on clients nobody may take, and the witnesses
// that name what forces a failed WPROP1 on value.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/explanation_codes.h"
#include "core/generator.h"
#include "core/verify.h"
#include "io/allocation_json.h"
#include "io/cycle_report.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::test;

namespace {

// The first note that contains `part`, or "".
std::string noteWith(const std::vector<std::string>& notes, const std::string& part) {
    for (const std::string& note : notes) {
        if (note.find(part) != std::string::npos) return note;
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::string> breachesOf(const Workspace& ws, const AllocationResult& r) {
    ReportedReadResult read = readReportedAllocation(writeAllocation(r));
    REQUIRE(read.allocation.has_value());
    return verifyAllocation(ws, *read.allocation, evaluate(ws, ws.policy)).breaches;
}

}  // namespace

TEST_SUITE("allocation notes") {
    TEST_CASE("all-zero fits explain a tie") {
        Workspace ws = smallFirm();
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.assignments.size() == 2);
        for (const Assignment& a : r.assignments) {
            INFO(a.client);
            CHECK(a.fit == 0.0);
            CHECK(a.wonBecause == "best_fit");
            CHECK(fitTieOf(a, false) == FitTie::FitsZero);
            REQUIRE_FALSE(a.reasons.empty());
            CHECK_FALSE(contains(a.reasons[0], "gives the best fit"));
            CHECK(contains(a.reasons[0], "every candidate has fit 0 for this client"));
            CHECK(contains(a.reasons[0], "so the fit did not choose " + a.employee));
            ui::setLocale("en");
            CHECK(std::string(ui::wonBecauseText(a, false)) == "tie: every candidate's fit is 0");
            ui::setLocale("zh-CN");
            CHECK(std::string(ui::wonBecauseText(a, false)) == "并列：所有候选人的匹配度均为 0");
            ui::setLocale("en");
        }
        std::string en = cycleReport(ws, nullptr, r, "en", "md", {});
        CHECK(contains(en, "a tie: every candidate's fit for this client is 0"));
        CHECK_FALSE(contains(en, "best fit the allocation as a whole allows"));
        std::string zh = cycleReport(ws, nullptr, r, "zh-CN", "md", {});
        CHECK(contains(zh, "并列：该客户所有候选人的匹配度均为 0"));
        CHECK(breachesOf(ws, r).empty());
    }

    TEST_CASE("fit tie needs every candidate at 0") {
        Assignment a;
        a.wonBecause = "best_fit";
        a.fit = 0.0;
        a.runnersUp = {{"B", 0.0, "lower_fit"}, {"L", 0.4, "ineligible_status"}};
        CHECK(fitTieOf(a, false) == FitTie::FitsZero);
        CHECK(fitTieOf(a, true) == FitTie::WeightsZero);
        a.runnersUp[0].fit = 0.2;
        CHECK(fitTieOf(a, false) == FitTie::None);
        a.runnersUp = {};
        CHECK(fitTieOf(a, false) == FitTie::None);
        a.runnersUp = {{"B", 0.0, "lower_fit"}};
        a.wonBecause = "continuity";
        CHECK(fitTieOf(a, false) == FitTie::None);
    }

    TEST_CASE("book top-up shortfall is named") {
        // With the book top-up, B's kept book leaves A, who keeps nothing, nearly every
        // released client as its target, but A has room for one client.
        Workspace ws;
        ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}, 1),
                        makeEmployee("B", EmployeeStatus::Active, {}),
                        makeEmployee("L", EmployeeStatus::Departed, {})};
        for (int k = 1; k <= 6; ++k) {
            ws.clients.push_back(makeClient("C" + std::to_string(k), "L"));
            ws.clients.push_back(makeClient("K" + std::to_string(k), "B"));
        }
        ws.policy.asOf = "2026-11-30";
        ws.policy.entitlement.bookTopUp = true;
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE_FALSE(r.certificates.wprop1Value);
        CHECK(noteWith(r.notes, "bring every employee within").empty());
        std::string note = noteWith(r.notes, "below its target value");
        CHECK(contains(note, "the book top-up sets each target from the whole book"));
        CHECK(contains(note, "1 receiver stays below its target value"));
        CHECK(contains(note, "A (forced by capacity A (room for 1 client"));
        CHECK_FALSE(contains(note, "B ("));
    }

    TEST_CASE("no shortfall note when WPROP1 holds") {
        Workspace ws = smallFirm();
        ws.policy.entitlement.bookTopUp = true;
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.certificates.wprop1Value);
        CHECK(noteWith(r.notes, "even with one more released client").empty());
    }

    TEST_CASE("clients nobody may take are noted") {
        // A is the sole receiver; C3 and C4 need a language nobody speaks.
        Workspace ws;
        ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                        makeEmployee("L", EmployeeStatus::Departed, {})};
        ws.clients = {makeClient("C1", "L"), makeClient("C2", "L"),
                      makeClient("C3", "L", {"lang:ja"}), makeClient("C4", "L", {"lang:ja"})};
        ws.policy.asOf = "2026-11-30";
        Evaluation ev = evaluate(ws, ws.policy);
        AllocationResult r = allocate(ws, ws.policy, ev, {});
        REQUIRE(r.assignments.size() == 2);
        REQUIRE(r.unassigned.size() == 2);
        CHECK_FALSE(r.certificates.wprop1Value);
        double unplaceable = ev.clients[2].value + ev.clients[3].value;
        std::string note = noteWith(r.notes, "can go to no active employee");
        CHECK(contains(note, "2 released clients worth "));
        CHECK(contains(note, "the target values include that value"));
        char worth[64];
        std::snprintf(worth, sizeof worth, "worth %.2f ", unplaceable);
        CHECK(contains(note, worth));
    }

    TEST_CASE("placeable clients give no such note") {
        AllocationResult r = allocateOwnPolicy(smallFirm());
        CHECK(noteWith(r.notes, "can go to no active employee").empty());
    }

    TEST_CASE("report lists baseline certificates") {
        Workspace ws = smallFirm();
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.baselines.size() >= 3);
        std::string report = cycleReport(ws, nullptr, r, "en", "md", {});
        std::size_t baselines = report.find("### Baselines");
        REQUIRE(baselines != std::string::npos);
        // One cell for the name, one for the result and one per baseline.
        std::size_t columns = 2 + r.baselines.size();
        for (const char* code :
             {"wprop1_value", "wprop1_difficulty", "wef1_value", "wef1_difficulty", "ef_c_both"}) {
            INFO(code);
            std::size_t cell = report.find(std::string("`") + code + "`)", baselines);
            REQUIRE(cell != std::string::npos);
            std::size_t start = report.rfind('\n', cell) + 1;
            std::string row = report.substr(start, report.find('\n', cell) - start);
            CHECK(std::size_t(std::count(row.begin(), row.end(), '|')) == columns + 1);
        }
    }

    TEST_CASE("capacity blamed only when it forces") {
        // Skewed performance and a full E01 whose best clients within its room still reach
        // its target: the capacity of E01 is no cause of a failed WPROP1 on value.
        GenerateOptions options;
        options.seed = 2;
        options.employees = 5;
        options.clients = 200;
        options.family = "skewed";
        Workspace ws = generateWorkspace(options);
        ws.policy.entitlement.mode = EntitlementMode::Performance;
        ws.policy.entitlement.performanceFloor = 10.0;
        AllocationResult r = allocateOwnPolicy(ws);
        for (const Witness& w : r.certificates.witnesses) {
            if (w.certificate != "wprop1_value" || !w.constraint) continue;
            INFO(*w.constraint);
            // shortOfTarget's capacity cause gives the value that fits the room and the target.
            if (w.constraint->rfind("capacity ", 0) == 0)
                CHECK(contains(*w.constraint, "worth at most"));
        }
    }
}
