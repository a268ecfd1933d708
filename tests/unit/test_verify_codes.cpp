// Verify's checks of the explanation codes: won_because, runners_up[].lost_because and
// unassigned[].reason must be codes of the result format and must not contradict the
// workspace and the result's policy.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "core/verify.h"
#include "io/allocation_json.h"
#include "verify_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

// C1 needs lang:zh, which only A has. C2 is pinned to B. C3 has a conflict with B, a
// forbid with A and was served by C, so only C may take it. Nobody has lang:ja for C4. B
// keeps C5. L, who owned the released clients, has departed.
Workspace codeCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 5),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en"}, 5),
                    makeEmployee("C", EmployeeStatus::Active, {"lang:en"}, 5),
                    makeEmployee("L", EmployeeStatus::Departed, {"lang:zh"})};
    ws.clients = {makeClient("C1", "L", {"lang:zh"}), makeClient("C2", "L"), makeClient("C3", "L"),
                  makeClient("C4", "L", {"lang:ja"}), makeClient("C5", "B")};
    ws.clients[1].language = "en";
    ws.relationships = {{"C", "C3", RelationshipKind::ServedBefore, {}},
                        {"B", "C3", RelationshipKind::Conflict, {}}};
    ws.policy.asOf = "2026-11-30";
    ws.policy.pins = {{"C2", "B", "asked", {}}};
    ws.policy.forbids = {{"C3", "A", "no", {}}};
    return ws;
}

bool contains(const std::vector<std::string>& list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
}

const std::string kWonCodes = "best_fit, only_eligible, pinned, continuity, fairness_balance";

}  // namespace

TEST_SUITE("verify codes") {
    TEST_CASE("solver codes pass") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        CHECK(breachesOf(ws, r) == std::vector<std::string>{});
        CHECK(r.wonBecause[assignmentOf(r, "C1")] == "only_eligible");
        CHECK(r.wonBecause[assignmentOf(r, "C2")] == "pinned");
        CHECK(r.wonBecause[assignmentOf(r, "C3")] == "only_eligible");
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].second == "no_eligible_employee");
        CHECK(r.method == "fair");
    }

    TEST_CASE("unknown won_because") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C1");
        r.wonBecause[a] = "bribery";
        std::string at = "/assignments/" + std::to_string(a) + "/won_because";
        CHECK(breachesOf(ws, r) ==
              std::vector<std::string>{"C1 → A: " + at +
                                       " \"bribery\" is not a won_because code; use one of " +
                                       kWonCodes});
        r.wonBecause[a] = "";
        CHECK(breachesOf(ws, r) ==
              std::vector<std::string>{"C1 → A: " + at + " is missing; use one of " + kWonCodes});
    }

    TEST_CASE("unknown lost_because and reason") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C1");
        REQUIRE(r.runnersUp[a].size() == 1);
        r.runnersUp[a][0].lostBecause = "bad_luck";
        r.unassigned[0].second = "not_in_proposal";
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0] == "C1: /assignments/" + std::to_string(a) +
                          "/runners_up/0/lost_because \"bad_luck\" is not a lost_because code; "
                          "use one of capacity_full, workload_full, ineligible_status, "
                          "ineligible_need, conflict, forbidden, team_boundary, share_cap, "
                          "fairness_target_met, lower_fit");
        CHECK(b[1] ==
              "unassigned C4: /unassigned/0/reason \"not_in_proposal\" is not an unassigned "
              "reason code; use one of no_eligible_employee, capacity_exhausted, "
              "workload_exhausted, team_boundary, share_cap, pin_conflict");
        // A manual proposal's result may leave a client out of the proposal.
        r.runnersUp[a][0].lostBecause = "ineligible_status";
        r.method = "proposal";
        r.optimality->status = "bound";  // only the fair method's fit is proven optimal
        CHECK(breachesOf(ws, r) == std::vector<std::string>{});
    }

    TEST_CASE("pinned claims") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t c1 = assignmentOf(r, "C1");
        std::size_t c2 = assignmentOf(r, "C2");
        r.wonBecause[c1] = "pinned";
        r.wonBecause[c2] = "best_fit";
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0] == "C1 → A: /assignments/" + std::to_string(c1) +
                          "/won_because is \"pinned\", but the policy has no pin of C1 to A");
        CHECK(b[1] == "C2 → B: /assignments/" + std::to_string(c2) +
                          "/won_because is \"best_fit\", but the policy pins C2 to B; a pinned "
                          "pair must say \"pinned\"");
        // A manual proposal is the manager's choice, whatever the pins are.
        r.wonBecause[c1] = "only_eligible";
        r.method = "proposal";
        r.optimality->status = "bound";  // only the fair method's fit is proven optimal
        CHECK(breachesOf(ws, r) == std::vector<std::string>{});
    }

    TEST_CASE("only_eligible and continuity claims") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t c1 = assignmentOf(r, "C1");
        std::size_t c2 = assignmentOf(r, "C2");
        std::size_t c3 = assignmentOf(r, "C3");
        r.policy.pins.clear();
        r.wonBecause[c2] = "only_eligible";
        r.wonBecause[c1] = "continuity";
        r.wonBecause[c3] = "continuity";  // C served C3 before, so this claim is true
        // Without the pin, C2 is free in the problem that the optimality claim bounds, so the
        // claim gets breaches of its own. This case tests the codes' breaches only.
        std::vector<std::string> b;
        for (std::string& breach : breachesOf(ws, r)) {
            if (breach.rfind("optimality", 0) != 0) b.push_back(std::move(breach));
        }
        REQUIRE(b.size() == 2);
        CHECK(b[0] == "C1 → A: /assignments/" + std::to_string(c1) +
                          "/won_because is \"continuity\", but A has no served_before "
                          "relationship or transaction with C1");
        CHECK(b[1] == "C2 → B: /assignments/" + std::to_string(c2) +
                          "/won_because is \"only_eligible\", but A is eligible for C2 too and "
                          "had room for it");
    }

    TEST_CASE("runner-up claims against the workspace") {
        Workspace ws = codeCase();
        ReportedAllocation base = reportOf(ws);
        std::size_t a = assignmentOf(base, "C3");
        std::string at = "C3: /assignments/" + std::to_string(a) + "/runners_up/0/lost_because";
        struct Case {
            const char* employee;
            const char* code;
            std::string breach;  // empty when the claim is true
        };
        const Case cases[] = {
            {"A", "forbidden", ""},
            {"B", "conflict", ""},
            {"L", "ineligible_status", ""},
            {"A", "lower_fit", ""},
            {"A", "fairness_target_met", ""},
            {"A", "conflict", "A has no conflict or personal relationship with C3"},
            {"B", "forbidden", "the policy does not forbid C3 → B"},
            {"A", "ineligible_status", "A is active and can receive clients"},
            {"B", "ineligible_need", "B has every need of C3"},
            {"A", "capacity_full", "A ends with 1 client, under its max_clients 5"},
            {"A", "workload_full", "A has no max_workload"},
            {"A", "share_cap", "the policy sets no max_value_share"},
            {"A", "team_boundary", "the policy's team_boundary is off"},
        };
        for (const Case& c : cases) {
            INFO(c.employee << " " << c.code);
            ReportedAllocation r = base;
            r.runnersUp[a] = {{c.employee, 0.0, c.code}};
            std::vector<std::string> b = breachesOf(ws, r);
            if (c.breach.empty()) {
                CHECK(b == std::vector<std::string>{});
            } else {
                CHECK(b ==
                      std::vector<std::string>{at + " is \"" + c.code + "\", but " + c.breach});
            }
        }
    }

    TEST_CASE("runner-up claims that the limits make true") {
        Workspace ws = codeCase();
        ws.employees[1].maxClients = 1;  // B keeps C5, so it is at its limit
        ws.employees[0].team = "West";
        for (Client& c : ws.clients) c.workload = 4.0;
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C3");
        r.policy.constraints.defaultMaxWorkload = 6.0;  // A has C1's 4, so C3's 4 exceeds it
        r.policy.constraints.maxValueShare = 0.01;
        r.policy.constraints.teamBoundary = true;  // L is in East, A in West
        const char* codes[] = {"capacity_full", "workload_full", "share_cap", "team_boundary"};
        for (const char* code : codes) {
            INFO(code);
            r.runnersUp[a] = {{code == std::string("capacity_full") ? "B" : "A", 0.0, code}};
            std::vector<std::string> b = breachesOf(ws, r);
            bool aboutRunnerUp = std::any_of(b.begin(), b.end(), [](const std::string& s) {
                return s.find("/runners_up/") != std::string::npos;
            });
            CHECK_FALSE(aboutRunnerUp);
        }
    }

    TEST_CASE("runner-up ids, fits and count") {
        Workspace ws = codeCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C3");
        std::string base = "C3: /assignments/" + std::to_string(a) + "/runners_up";
        r.runnersUp[a] = {
            {"ZZ", 0.0, "lower_fit"}, {"C", 0.25, "lower_fit"}, {"A", 0.5, "forbidden"}};
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 4);
        CHECK(b[0] == base + " lists 3 candidates; the format allows at most 2");
        CHECK(b[1] == base + "/0/employee \"ZZ\" is not the id of any employee");
        CHECK(b[2] == base + "/1/employee is C, the employee who won the client");
        CHECK(b[3] == base + "/2/fit: reported 0.5 for A, recomputed 0");
    }

    TEST_CASE("unassigned reasons against the workspace") {
        Workspace ws = codeCase();
        ReportedAllocation base = reportOf(ws);
        const std::string at = "unassigned C4: /unassigned/0/reason is ";
        struct Case {
            const char* code;
            std::string breach;
        };
        const Case cases[] = {
            {"no_eligible_employee", ""},
            {"pin_conflict", "the policy has no pin of C4"},
            {"team_boundary", "the policy's team_boundary is off"},
            {"share_cap", "the policy sets no max_value_share"},
            {"workload_exhausted", "no employee who can receive clients has a max_workload"},
            {"capacity_exhausted",
             "no employee who can receive clients is eligible for C4 (needs, relationships, "
             "forbids and team), so capacity is not the reason"},
        };
        for (const Case& c : cases) {
            INFO(c.code);
            ReportedAllocation r = base;
            r.unassigned[0].second = c.code;
            std::vector<std::string> b = breachesOf(ws, r);
            if (c.breach.empty()) {
                CHECK(b == std::vector<std::string>{});
            } else {
                CHECK(b == std::vector<std::string>{at + "\"" + c.code + "\", but " + c.breach});
            }
        }

        // C1 has an eligible employee, so "no_eligible_employee" is false for it.
        ReportedAllocation r = base;
        std::size_t c1 = assignmentOf(r, "C1");
        r.assignments.erase(r.assignments.begin() + std::ptrdiff_t(c1));
        r.assignmentFits.erase(r.assignmentFits.begin() + std::ptrdiff_t(c1));
        r.wonBecause.erase(r.wonBecause.begin() + std::ptrdiff_t(c1));
        r.runnersUp.erase(r.runnersUp.begin() + std::ptrdiff_t(c1));
        r.unassigned.push_back({"C1", "no_eligible_employee"});
        CHECK(contains(breachesOf(ws, r),
                       "unassigned C1: /unassigned/1/reason is "
                       "\"no_eligible_employee\", but A is eligible for C1"));
    }

    TEST_CASE("no-room reasons against the final loads") {
        // Once C1 leaves the result, A uses none of its 5 slots, so it has room for C1.
        Workspace ws = codeCase();
        ReportedAllocation base = reportOf(ws);
        std::size_t c1 = assignmentOf(base, "C1");
        for (const char* code : {"capacity_exhausted", "workload_exhausted", "share_cap"}) {
            INFO(code);
            ReportedAllocation r = base;
            r.assignments.erase(r.assignments.begin() + std::ptrdiff_t(c1));
            r.assignmentFits.erase(r.assignmentFits.begin() + std::ptrdiff_t(c1));
            r.wonBecause.erase(r.wonBecause.begin() + std::ptrdiff_t(c1));
            r.runnersUp.erase(r.runnersUp.begin() + std::ptrdiff_t(c1));
            r.unassigned.push_back({"C1", code});
            r.policy.constraints.defaultMaxWorkload = 100.0;
            r.policy.constraints.maxValueShare = 1.0;
            CHECK(contains(breachesOf(ws, r),
                           "unassigned C1: /unassigned/1/reason is \"" + std::string(code) +
                               "\", but A is eligible for C1 and still has room for it (0 of 5 "
                               "clients after the result's assignments)"));
        }
    }

    TEST_CASE("reader takes codes from the JSON") {
        Workspace ws = codeCase();
        AllocationResult result = allocateOwnPolicy(ws);
        nlohmann::json doc = allocationToJson(result);
        doc["assignments"][0]["won_because"] = "bribery";
        doc["assignments"][0]["reasons"] = {"because I said so"};
        ReportedReadResult read = readReportedAllocation(doc.dump());
        REQUIRE(read.allocation.has_value());
        std::vector<std::string> b = breachesOf(ws, *read.allocation);
        REQUIRE(b.size() == 1);
        CHECK(b[0].find("/assignments/0/won_because \"bribery\" is not a won_because code") !=
              std::string::npos);
        doc["assignments"][0]["won_because"] = 7;
        read = readReportedAllocation(doc.dump());
        CHECK_FALSE(read.allocation.has_value());
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].path == "/assignments/0/won_because");
    }

    TEST_CASE("proposal outside the one candidate") {
        // The proposal gives C1 to B, who lacks lang:zh: a breach, but not the only choice.
        Workspace ws = codeCase();
        AllocateOptions options;
        options.baseline = "proposal";
        options.proposal = std::vector<ProposedPair>{{"C1", "B"}};
        ReportedAllocation r = reportOf(ws, options);
        std::size_t c1 = assignmentOf(r, "C1");
        CHECK(r.wonBecause[c1] != "only_eligible");
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(contains(b, "C1 → B: the employee lacks the need lang:zh"));
        bool aboutCodes = std::any_of(b.begin(), b.end(), [](const std::string& s) {
            return s.find("/won_because") != std::string::npos;
        });
        CHECK_FALSE(aboutCodes);
    }

    TEST_CASE("generated results pass with every method") {
        // Limits, pins, forbids and the team boundary take turns, so that each method's codes
        // meet every check. A false breach here is a bug of verify or of the explanations.
        const char* methods[] = {"", "round_robin", "greedy_fit", "weighted_picking"};
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            GenerateOptions options;
            options.seed = seed;
            options.employees = 5 + int(seed % 4);
            options.clients = 40;
            options.leavers = 2;
            Workspace ws = generateWorkspace(options);
            ConstraintPolicy& limits = ws.policy.constraints;
            limits.teamBoundary = seed % 3 == 0;
            if (seed % 4 == 1) limits.maxValueShare = 0.3;
            if (seed % 4 == 2) limits.defaultMaxWorkload = 12.0;
            if (seed % 2 == 0) limits.defaultMaxClients = 6;
            ws.policy.pins = {{ws.clients[std::size_t(seed)].id, ws.employees[0].id, "", {}}};
            ws.policy.forbids = {
                {ws.clients[std::size_t(seed + 1)].id, ws.employees[1].id, "", {}}};
            for (const char* method : methods) {
                INFO("seed " << seed << ", method " << method);
                AllocateOptions allocate;
                allocate.baseline = method;
                ReportedAllocation r = reportOf(ws, allocate);
                std::vector<std::string> b = breachesOf(ws, r);
                std::vector<std::string> codes;
                for (const std::string& s : b) {
                    bool code = s.find("/won_because") != std::string::npos ||
                                s.find("/runners_up") != std::string::npos ||
                                s.find("/reason") != std::string::npos;
                    if (code) codes.push_back(s);
                }
                CHECK(codes == std::vector<std::string>{});
            }
        }
    }
}
