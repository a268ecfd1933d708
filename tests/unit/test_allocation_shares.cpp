#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "verify_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

const EmployeeOutcome& statementOf(const AllocationResult& r, const std::string& id) {
    for (const EmployeeOutcome& o : r.employees) {
        if (o.employee == id) return o;
    }
    FAIL("no statement of " << id);
    return r.employees.front();
}

// A, B and C are active; L leaves with six clients. C keeps `cKeeps` clients.
Workspace threeReceivers(int cKeeps) {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                    makeEmployee("B", EmployeeStatus::Active, {}),
                    makeEmployee("C", EmployeeStatus::Active, {}),
                    makeEmployee("L", EmployeeStatus::Leaving, {})};
    for (int j = 0; j < cKeeps; ++j) ws.clients.push_back(makeClient("K" + std::to_string(j), "C"));
    for (int j = 0; j < 6; ++j) ws.clients.push_back(makeClient("R" + std::to_string(j), "L"));
    return ws;
}

}  // namespace

TEST_SUITE("allocation shares") {
    TEST_CASE("full employee takes no share") {
        Workspace ws = threeReceivers(3);
        ws.employees[2].maxClients = 3;  // C is full before anything is released
        AllocationResult r = allocateOwnPolicy(ws);
        const EmployeeOutcome& c = statementOf(r, "C");
        CHECK(c.targetValue == 0.0);
        CHECK(c.targetDifficulty == 0.0);
        CHECK(c.entitlement == 0.0);
        CHECK(statementOf(r, "A").entitlement == doctest::Approx(0.5));
        // The two others share all the value, so WPROP1 on value holds for the full book.
        CHECK(r.certificates.wprop1Value);
        bool noted = false;
        for (const std::string& n : r.notes) {
            noted = noted || n.find("1 active employee takes no share") != std::string::npos;
        }
        CHECK(noted);
        ReportedAllocation reported = reportOf(ws);
        CHECK(breachesOf(ws, reported).empty());
    }

    TEST_CASE("verify catches a full employee's target") {
        Workspace ws = threeReceivers(3);
        ws.employees[2].maxClients = 3;
        ReportedAllocation reported = reportOf(ws);
        REQUIRE(reported.employees.has_value());
        // A result that hands C a third of the value as its target is caught.
        for (EmployeeOutcome& o : *reported.employees) {
            if (o.employee == "C") o.targetValue = (*reported.employees)[0].targetValue;
        }
        std::vector<std::string> breaches = breachesOf(ws, reported);
        bool caught = false;
        for (const std::string& b : breaches) {
            caught = caught || b.rfind("employees: C target_value", 0) == 0;
        }
        CHECK(caught);
    }

    TEST_CASE("team boundary shares within teams") {
        Workspace ws = threeReceivers(0);
        ws.employees[0].team = "North";              // A
        ws.employees[1].team = "South";              // B
        ws.employees[2].team = "South";              // C
        ws.employees[3].team = "South";              // L, the leaver
        ws.clients.push_back(makeClient("U0", ""));  // no owner: anyone may take it
        ws.policy.constraints.teamBoundary = true;
        AllocationResult r = allocateOwnPolicy(ws);
        Evaluation ev = evaluate(ws, ws.policy);
        double south = 0.0, unowned = 0.0;
        for (std::size_t j = 0; j < ws.clients.size(); ++j) {
            (ws.clients[j].owner ? south : unowned) += ev.clients[j].value;
        }
        // A may take only the client without an owner, so its target is a third of it; B
        // and C share the South leaver's clients and the rest of that one.
        CHECK(statementOf(r, "A").targetValue == doctest::Approx(unowned / 3.0).epsilon(1e-4));
        CHECK(statementOf(r, "B").targetValue ==
              doctest::Approx(south / 2.0 + unowned / 3.0).epsilon(1e-4));
        CHECK(r.certificates.wprop1Value);
        CHECK(r.certificates.wprop1Difficulty);
        CHECK(breachesOf(ws, reportOf(ws)).empty());
    }

    TEST_CASE("no team boundary, one pool") {
        Workspace ws = threeReceivers(0);
        ws.employees[0].team = "North";
        AllocationResult r = allocateOwnPolicy(ws);
        double total = 0.0;
        for (const EmployeeOutcome& o : r.employees) total += o.targetValue;
        CHECK(statementOf(r, "A").targetValue == doctest::Approx(total / 3.0).epsilon(1e-4));
    }

    TEST_CASE("book top-up counts kept books") {
        Workspace ws = threeReceivers(3);  // C keeps K0 to K2
        ws.policy.entitlement.bookTopUp = true;
        AllocationResult r = allocateOwnPolicy(ws);
        Evaluation ev = evaluate(ws, ws.policy);
        double released = 0.0, kept = 0.0;
        for (std::size_t j = 0; j < ws.clients.size(); ++j) {
            (*ws.clients[j].owner == "C" ? kept : released) += ev.clients[j].value;
        }
        REQUIRE(kept > 0.0);
        // Equal weights: each receiver's raw part is a third of the released and kept value
        // less its own book, and the parts are scaled to share the released value.
        double a = (released + kept) / 3.0;
        double c = std::max(0.0, a - kept);
        double sum = 2.0 * a + c;
        CHECK(statementOf(r, "A").targetValue ==
              doctest::Approx(released * a / sum).epsilon(1e-4));
        CHECK(statementOf(r, "C").targetValue ==
              doctest::Approx(released * c / sum).epsilon(1e-4));
        CHECK(breachesOf(ws, reportOf(ws)).empty());
    }

    TEST_CASE("witness names the others' limits") {
        // B has room for one of the five released clients, so A must take four, and A's
        // difficulty less its hardest client is above its share of half the difficulty.
        Workspace ws = threeReceivers(0);
        ws.employees.erase(ws.employees.begin() + 2);  // drop C
        ws.employees[1].maxClients = 1;
        ws.clients.pop_back();  // five released clients
        for (Client& c : ws.clients) c.difficulty = 60.0;
        AllocationResult r = allocateOwnPolicy(ws);
        CHECK_FALSE(r.certificates.wprop1Difficulty);
        bool named = false;
        for (const Witness& w : r.certificates.witnesses) {
            if (w.certificate != "wprop1_difficulty") continue;
            REQUIRE(w.constraint.has_value());
            CHECK(*w.constraint ==
                  "capacity (every other employee eligible for any of the 4 "
                  "clients of A is at its limits)");
            named = true;
        }
        CHECK(named);
    }

    TEST_CASE("witness names limits that leave clients out") {
        // The released clients weigh 1 or 4 against a max_workload of 6 each, so five stay
        // unassigned, while each receiver alone could hold its target's worth.
        Workspace ws = threeReceivers(0);
        ws.employees.erase(ws.employees.begin() + 2);  // drop C
        for (int j = 6; j < 12; ++j) ws.clients.push_back(makeClient("R" + std::to_string(j), "L"));
        ws.policy.constraints.defaultMaxWorkload = 6.0;
        for (std::size_t j = 0; j < ws.clients.size(); ++j)
            ws.clients[j].workload = j % 2 ? 1.0 : 4.0;
        AllocationResult r = allocateOwnPolicy(ws);
        CHECK(r.unassigned.size() == 5);
        CHECK_FALSE(r.certificates.wprop1Value);
        bool named = false;
        for (const Witness& w : r.certificates.witnesses) {
            if (w.certificate != "wprop1_value") continue;
            REQUIRE(w.constraint.has_value());
            CHECK(*w.constraint ==
                  "max_workload (5 released clients stay unassigned because the "
                  "employees eligible for them are at their limits)");
            named = true;
        }
        CHECK(named);
    }
}
