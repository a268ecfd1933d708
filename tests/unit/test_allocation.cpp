#include <doctest/doctest.h>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "io/allocation_json.h"

using namespace baton;
using namespace baton::test;

namespace {

AllocationResult run(const Workspace& ws, const AllocateOptions& options = {}) {
    Evaluation ev = evaluate(ws, ws.policy);
    return allocate(ws, ws.policy, ev, options);
}

const Assignment* find(const AllocationResult& r, const std::string& client) {
    for (const Assignment& a : r.assignments) {
        if (a.client == client) return &a;
    }
    return nullptr;
}

// A leaver L with three clients; A speaks zh, B speaks en and knows retail.
Workspace handCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 1),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en", "industry:retail"}, 2),
                    makeEmployee("L", EmployeeStatus::Departed, {"lang:zh", "lang:en"})};
    ws.clients = {makeClient("C1", "L"), makeClient("C2", "L"), makeClient("C3", "L")};
    ws.clients[0].language = "zh";
    ws.clients[1].language = "zh";
    ws.clients[1].industry = "retail";
    ws.clients[2].language = "en";
    return ws;
}

// handCase() cut to one zh client C1 of L, which L served before, with A and B both
// speaking zh. L's continuity gives it the best fit, but L can never receive.
Workspace servedByLeaver() {
    Workspace ws = handCase();
    ws.employees[1].skills.push_back("lang:zh");
    ws.clients = {makeClient("C1", "L")};
    ws.clients[0].language = "zh";
    ws.relationships.push_back({"L", "C1", RelationshipKind::ServedBefore, {}});
    return ws;
}

}  // namespace

TEST_SUITE("allocation") {
    TEST_CASE("released book under both scopes") {
        Workspace ws = handCase();
        ws.clients.push_back(makeClient("K1", "A"));
        ws.clients.back().keyAccount = true;
        ws.clients.push_back(makeClient("N1", ""));
        ws.clients.push_back(makeClient("A1", "A"));
        CHECK(releasedClients(ws, ws.policy) == std::vector<int>{0, 1, 2, 4});
        ws.policy.scope = Scope::All;
        CHECK(releasedClients(ws, ws.policy) == std::vector<int>{5, 0, 1, 2, 4});
    }

    TEST_CASE("hand-checked optimum") {
        // Weights: language 0.1, industry 0.2 of a total 1.0. C1: A 0.1, B 0. C2: A 0.1,
        // B 0.2. C3: A 0, B 0.1. A takes one client. Best: C1 to A, C2 and C3 to B: 0.4.
        AllocationResult r = run(handCase());
        REQUIRE(r.assignments.size() == 3);
        CHECK(find(r, "C1")->employee == "A");
        CHECK(find(r, "C2")->employee == "B");
        CHECK(find(r, "C3")->employee == "B");
        CHECK(r.figures.totalFit == doctest::Approx(0.4));
        CHECK(r.optimality.status == "optimal");
        CHECK(find(r, "C2")->fit == doctest::Approx(0.2));
    }

    TEST_CASE("equal-fit runner-up is called a tie") {
        // A and B both speak zh and have room, so C1 fits both at 0.1.
        Workspace ws = handCase();
        ws.employees[1].skills.push_back("lang:zh");
        ws.clients = {makeClient("C1", "L")};
        ws.clients[0].language = "zh";
        AllocationResult r = run(ws);
        const Assignment* a = find(r, "C1");
        REQUIRE(a != nullptr);
        // The other receiver comes first; the leaver L follows as the previous owner.
        REQUIRE(a->runnersUp.size() == 2);
        CHECK(a->runnersUp[0].lostBecause == "lower_fit");
        CHECK(a->runnersUp[0].fit == doctest::Approx(a->fit));
        CHECK(a->runnersUp[1].employee == "L");
        std::string text;
        for (const std::string& reason : a->reasons) text += reason + "\n";
        CHECK(text.find("has the same fit") != std::string::npos);
        CHECK(text.find("has a lower fit") == std::string::npos);
    }

    TEST_CASE("leaver yields runner-up slots to receivers") {
        // C speaks zh too, so two receivers lose besides L, and they take both slots.
        Workspace ws = servedByLeaver();
        ws.employees.push_back(makeEmployee("C", EmployeeStatus::Active, {"lang:zh"}));
        AllocationResult r = run(ws);
        const Assignment* a = find(r, "C1");
        REQUIRE(a != nullptr);
        REQUIRE(a->runnersUp.size() == 2);
        for (const RunnerUp& u : a->runnersUp) {
            CHECK(u.employee != "L");
            CHECK(u.lostBecause != "ineligible_status");
        }
        CHECK(a->runnersUp[0].employee < a->runnersUp[1].employee);
    }

    TEST_CASE("leaver fills a runner-up slot left empty") {
        // One of A and B wins and the other is the only receiver that loses, so the leaver L
        // takes the second slot.
        AllocationResult r = run(servedByLeaver());
        const Assignment* a = find(r, "C1");
        REQUIRE(a != nullptr);
        REQUIRE(a->runnersUp.size() == 2);
        CHECK(a->runnersUp[0].employee != "L");
        CHECK(a->runnersUp[1].employee == "L");
        CHECK(a->runnersUp[1].lostBecause == "ineligible_status");
        CHECK(a->runnersUp[1].fit > a->runnersUp[0].fit);
    }

    TEST_CASE("capacity runs out") {
        Workspace ws = handCase();
        ws.employees[1].maxClients = 1;
        AllocationResult r = run(ws);
        CHECK(r.assignments.size() == 2);
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].reason == "capacity_exhausted");
        CHECK(r.figures.unassigned == 1);
    }

    TEST_CASE("need nobody meets") {
        Workspace ws = handCase();
        ws.clients[2].needs = {"lang:ja"};
        AllocationResult r = run(ws);
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].client == "C3");
        CHECK(r.unassigned[0].reason == "no_eligible_employee");
        CHECK(r.unassigned[0].detail == "needs lang:ja; nobody active has it");
    }

    TEST_CASE("pins forbids and conflicts") {
        Workspace ws = handCase();
        ws.policy.pins.push_back({"C3", "A", "appeal", {}});
        ws.policy.forbids.push_back({"C1", "A", "manager", {}});
        AllocationResult r = run(ws);
        CHECK(find(r, "C3")->employee == "A");
        CHECK(find(r, "C3")->wonBecause == "pinned");
        CHECK(find(r, "C1")->employee == "B");
        CHECK(find(r, "C2")->employee == "B");

        Workspace wc = handCase();
        wc.relationships.push_back({"B", "C2", RelationshipKind::Conflict, {}});
        wc.employees[0].maxClients = 3;
        AllocationResult rc = run(wc);
        CHECK(find(rc, "C2")->employee == "A");
    }

    TEST_CASE("pin to an ineligible employee") {
        Workspace ws = handCase();
        ws.policy.pins.push_back({"C1", "L", "", {}});
        AllocationResult r = run(ws);
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].reason == "pin_conflict");
        CHECK(r.unassigned[0].detail ==
              "pin to L failed: L cannot receive clients (ineligible_status)");
    }

    TEST_CASE("no released clients") {
        Workspace ws = handCase();
        ws.employees[2].status = EmployeeStatus::Active;
        AllocationResult r = run(ws);
        CHECK(r.assignments.empty());
        CHECK(r.unassigned.empty());
        CHECK(r.certificates.wprop1Value);
        CHECK(r.figures.totalFit == 0.0);
    }

    TEST_CASE("one employee takes what fits") {
        Workspace ws = handCase();
        ws.employees.erase(ws.employees.begin());
        AllocationResult r = run(ws);
        CHECK(r.assignments.size() == 2);
        CHECK(r.unassigned.size() == 1);
        CHECK(r.employees.size() == 1);
        CHECK(r.employees[0].clients == 2);
    }

    TEST_CASE("system and on-leave employees never receive") {
        Workspace ws = handCase();
        ws.employees[0].kind = EmployeeKind::System;
        ws.employees[1].status = EmployeeStatus::OnLeave;
        AllocationResult r = run(ws);
        CHECK(r.assignments.empty());
        CHECK(r.unassigned.size() == 3);
        CHECK(r.unassigned[0].detail == "no active employee can receive clients");
    }

    TEST_CASE("key account goes to the key-account team") {
        Workspace ws = handCase();
        ws.clients[2].keyAccount = true;
        AllocationResult r = run(ws);
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].detail == "key account; nobody active has team:key_accounts");
        ws.employees[0].skills.push_back("team:key_accounts");
        ws.employees[0].maxClients = 3;
        AllocationResult k = run(ws);
        CHECK(find(k, "C3")->employee == "A");
    }

    TEST_CASE("continuity wins and is explained") {
        Workspace ws = handCase();
        ws.relationships.push_back({"A", "C3", RelationshipKind::ServedBefore, {}});
        ws.employees[0].maxClients = 2;
        AllocationResult r = run(ws);
        CHECK(find(r, "C3")->employee == "A");
        CHECK(find(r, "C3")->wonBecause == "continuity");
        CHECK(r.figures.continuityRate == doctest::Approx(1.0 / 3.0).epsilon(1e-5));
    }

    TEST_CASE("same seed gives the same text") {
        Workspace ws = handCase();
        AllocateOptions o;
        o.seed = 7;
        std::string a = writeAllocation(run(ws, o));
        std::string b = writeAllocation(run(ws, o));
        CHECK(a == b);
        CHECK(a.find("\"seed\": 7") != std::string::npos);
    }

    TEST_CASE("written text matches the JSON tree dump") {
        // writeAllocation streams the assignments; the text must be the tree's dump(2).
        auto same = [](const AllocationResult& r) {
            CHECK(writeAllocation(r) == allocationToJson(r).dump(2) + "\n");
        };
        Workspace ws = handCase();
        same(run(ws));
        AllocateOptions roundRobin;
        roundRobin.baseline = "round_robin";
        same(run(ws, roundRobin));
        same(AllocationResult{});

        AllocationResult odd = run(ws);
        REQUIRE_FALSE(odd.assignments.empty());
        Assignment& a = odd.assignments[0];
        a.client = "客户 \"C1\"\\";
        a.employee = "E\t1";
        a.reasons = {"王婷 gives the best fit", "line\nbreak", ""};
        a.reasons.push_back(std::string(1, '\x7f'));
        a.breakdown = {{"region", 0.15}, {"industry", 0.2}, {"region", 0.1}};
        a.runnersUp.clear();
        odd.assignments[1 % odd.assignments.size()].reasons.clear();
        odd.assignments[1 % odd.assignments.size()].breakdown.clear();
        same(odd);
    }

    TEST_CASE("baselines are scored and selectable") {
        Workspace ws = handCase();
        AllocateOptions o;
        o.proposal = std::vector<ProposedPair>{{"C1", "B"}, {"C2", "L"}};
        AllocationResult r = run(ws, o);
        CHECK(r.baselines.size() == 4);
        CHECK(r.baselines["proposal"].breaches ==
              std::vector<std::string>{"C2 → L: ineligible_status (L is departed)"});
        // The first pair of a client counts, even one that names no employee.
        o.proposal = std::vector<ProposedPair>{{"C1", "NOBODY"}, {"C1", "B"}};
        AllocationResult twice = run(ws, o);
        CHECK(twice.baselines["proposal"].breaches ==
              std::vector<std::string>{"C1 → NOBODY: no employee has this id",
                                       "C1 → B: the client is already listed by an earlier "
                                       "pair, which counts"});
        o.proposal = std::vector<ProposedPair>{{"C1", "B"}, {"C2", "L"}};
        o.baseline = "round_robin";
        AllocationResult rr = run(ws, o);
        CHECK(rr.method == "round_robin");
        CHECK(find(rr, "C1")->employee == "A");
        CHECK(find(rr, "C2")->employee == "B");
        CHECK(find(rr, "C3")->employee == "B");
    }

    TEST_CASE("proposal leaves a client out") {
        Workspace ws = handCase();
        AllocateOptions o;
        o.baseline = "proposal";
        o.proposal = std::vector<ProposedPair>{{"C1", "A"}};
        AllocationResult r = run(ws, o);
        REQUIRE_FALSE(r.unassigned.empty());
        for (const Unassigned& u : r.unassigned) {
            CHECK(u.reason == "not_in_proposal");
            CHECK(u.detail.find("the proposal does not place this client, although") == 0);
        }
    }

    TEST_CASE("baseline reasons name the method") {
        Workspace ws = handCase();
        AllocateOptions o;
        o.baseline = "round_robin";
        AllocationResult rr = run(ws, o);
        bool byTurn = false;
        for (const Assignment& a : rr.assignments) {
            for (const std::string& reason : a.reasons) {
                CHECK(reason.find("the allocation as a whole") == std::string::npos);
                byTurn = byTurn || reason.find("round robin gave the client to") == 0;
            }
        }
        CHECK(byTurn);
        AllocationResult fair = run(ws);
        for (const Assignment& a : fair.assignments) {
            for (const std::string& reason : a.reasons) {
                CHECK(reason.find("round robin") == std::string::npos);
            }
        }
    }
}
