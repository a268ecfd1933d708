// The order of verify's breaches: a broken hard constraint comes before the fit, figure,
// statement and explanation-code breaches that follow from it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "core/verify_order.h"
#include "verify_fixtures.h"

using namespace baton;
using namespace baton::test;
using baton::verify_detail::isHardConstraintBreach;

namespace {

// A and B can receive, B with room for 2 clients and C3 kept; L has left, so C1 (which
// needs lang:zh, as only A has) and C2 are released.
Workspace orderCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 1),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en"}, 2),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L", {"lang:zh"}, {"lang:zh"}), makeClient("C2", "L"),
                  makeClient("C3", "B")};
    return ws;
}

// Checks that no hard-constraint breach follows another breach.
void checkHardFirst(const std::vector<std::string>& breaches) {
    auto firstOther = std::find_if_not(breaches.begin(), breaches.end(), isHardConstraintBreach);
    for (auto it = firstOther; it != breaches.end(); ++it) {
        INFO(*it);
        CHECK_FALSE(isHardConstraintBreach(*it));
    }
}

}  // namespace

TEST_SUITE("verify order") {
    TEST_CASE("hard-constraint sentences") {
        CHECK(isHardConstraintBreach("C1 → L: the employee is departed"));
        CHECK(isHardConstraintBreach("C1 → S: the employee is a system user"));
        CHECK(isHardConstraintBreach("C1 → B: the employee lacks the need lang:zh"));
        CHECK(isHardConstraintBreach("C1 → B: a key account needs team:key_accounts"));
        CHECK(isHardConstraintBreach("C1 → B: the pair has a conflict relationship"));
        CHECK(isHardConstraintBreach("C1 → B: the policy forbids the pair"));
        CHECK(isHardConstraintBreach("C1 → B: the employee is outside the previous owner's team"));
        CHECK(isHardConstraintBreach("pin C1 → A is not honoured"));
        CHECK(isHardConstraintBreach("B: 3 clients exceed max_clients 2"));
        CHECK(isHardConstraintBreach("B: workload 12 exceeds max_workload 10"));
        CHECK(isHardConstraintBreach(
            "B: received value 50 exceeds max_value_share 0.3 of the released value 100 (30)"));
        CHECK(isHardConstraintBreach("C2: released but neither assigned nor listed"));
        CHECK(isHardConstraintBreach("C3: not in the released book"));
        CHECK(isHardConstraintBreach("assignment C1: the client is assigned twice"));
        CHECK(isHardConstraintBreach("assignment C9: no client has this id"));
    }

    TEST_CASE("consequences are not hard") {
        CHECK_FALSE(isHardConstraintBreach("C1 → B: reported fit 0.5, recomputed 0"));
        CHECK_FALSE(isHardConstraintBreach("figure total_fit: reported 1, recomputed 0.5"));
        CHECK_FALSE(
            isHardConstraintBreach("certificate wprop1_value: reported true, recomputed "
                                   "false"));
        CHECK_FALSE(
            isHardConstraintBreach("employees: A received_value: reported 1, recomputed 2"));
        CHECK_FALSE(isHardConstraintBreach(
            "C1 → B: /assignments/0/runners_up/0/lost_because \"capacity_full\" but B had room"));
    }

    TEST_CASE("moved client breaks need and capacity") {
        Workspace ws = orderCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C1");
        REQUIRE(r.assignments[a].employee == "A");
        r.assignments[a].employee = "B";
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() >= 3);
        CHECK(b[0] == "C1 → B: the employee lacks the need lang:zh");
        CHECK(b[1] == "B: 3 clients exceed max_clients 2");
        auto fit = std::find_if(b.begin(), b.end(), [](const std::string& s) {
            return s.rfind("C1 → B: reported fit ", 0) == 0;
        });
        CHECK(fit != b.end());
        checkHardFirst(b);
    }

    TEST_CASE("forbidden pair comes first") {
        Workspace ws = orderCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C2");
        std::string owner = r.assignments[a].employee;
        r.policy.forbids.push_back({"C2", owner, "", {}});
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE_FALSE(b.empty());
        CHECK(b[0] == "C2 → " + owner + ": the policy forbids the pair");
        checkHardFirst(b);
    }
}
