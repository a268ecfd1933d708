#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "core/verify.h"
#include "io/allocation_json.h"
#include "io/allocation_read.h"
#include "verify_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

// Eight clients of a leaver that all fit A best. Equal entitlements make the fairness repair
// move some of them to B, so the fit falls below the best one and the claim is a bound.
Workspace skewedFit() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh", "industry:retail"}),
                    makeEmployee("B", EmployeeStatus::Active, {}),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    for (int k = 1; k <= 8; ++k) {
        ws.clients.push_back(makeClient("C" + std::to_string(k), "L", {}, {"lang:zh"}));
        ws.clients.back().industry = "retail";
        ws.clients.back().language = "zh";
    }
    return ws;
}

// Two clients that fit A best, and room at A for one: the flow is optimal and capacity binds.
Workspace bindingRoom() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 1),
                    makeEmployee("B", EmployeeStatus::Active, {}, 1),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L", {}, {"lang:zh"}), makeClient("C2", "L", {}, {"lang:zh"})};
    ws.policy.entitlement.mode = EntitlementMode::Equal;
    return ws;
}

bool mentions(const std::vector<std::string>& breaches, const std::string& text) {
    for (const std::string& b : breaches) {
        if (b.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("verify dual bound") {
    TEST_CASE("a forged optimal claim fails on the dual bound") {
        Workspace ws = skewedFit();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality.has_value());
        REQUIRE(r.optimality->status == "bound");
        REQUIRE(r.optimality->gap > 0.0);
        CHECK(breachesOf(ws, r).empty());
        // The forger makes every figure agree with an optimal claim.
        r.optimality->status = "optimal";
        r.optimality->upperBound = r.figures.totalFit;
        r.optimality->gap = 0.0;
        r.figures.priceOfFairness = 0.0;
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(mentions(b, "is below the dual bound"));
        CHECK(mentions(b, "below the dual bound"));
        CHECK(mentions(b, "the fit is not shown to be optimal"));
    }

    TEST_CASE("a lowered upper bound fails whatever the prices") {
        Workspace ws = skewedFit();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality.has_value());
        REQUIRE(r.optimality->dual.has_value());
        double fit = r.figures.totalFit;
        r.optimality->upperBound = fit + (r.optimality->upperBound - fit) / 4.0;
        r.optimality->gap = (r.optimality->upperBound - fit) / r.optimality->upperBound;
        CHECK(mentions(breachesOf(ws, r), "is below the dual bound"));
        // Other prices only loosen the bound.
        r.optimality->dual->prices.clear();
        CHECK(mentions(breachesOf(ws, r), "is below the dual bound"));
        r.optimality->dual->prices["A"] = r.optimality->dual->placement * 3;
        r.optimality->dual->prices["B"] = r.optimality->dual->placement * 3;
        CHECK(mentions(breachesOf(ws, r), "is below the dual bound"));
    }

    TEST_CASE("an optimal claim holds with its own prices only") {
        Workspace ws = bindingRoom();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality.has_value());
        REQUIRE(r.optimality->status == "optimal");
        REQUIRE(r.optimality->dual.has_value());
        CHECK(breachesOf(ws, r).empty());
        // Without A's price, both clients seem to reach A's fit: the bound exceeds the fit.
        r.optimality->dual->prices.erase("A");
        CHECK(mentions(breachesOf(ws, r), "the fit is not shown to be optimal"));
    }

    TEST_CASE("an optimal claim must place the clients its bound counts") {
        Workspace ws = bindingRoom();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality->dual.has_value());
        r.optimality->dual->placed -= 1;
        CHECK(mentions(
            breachesOf(ws, r),
            "optimality status \"optimal\" for 1 placed clients (optimality/dual/placed)"));
    }

    TEST_CASE("prices must name receivers and stay in range") {
        Workspace ws = bindingRoom();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality->dual.has_value());
        r.optimality->dual->prices["L"] = 5;
        r.optimality->dual->prices["X9"] = 5;
        r.optimality->dual->scale = 0;
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(mentions(b, "optimality dual scale 0 is outside 1 to 10^12"));
        CHECK(mentions(b, "optimality dual prices: L is not an employee who can receive clients"));
        CHECK(mentions(b, "optimality dual prices: X9 is not an employee who can receive clients"));
    }

    TEST_CASE("a claim without prices cannot be rechecked") {
        Workspace ws = bindingRoom();
        ReportedAllocation r = reportOf(ws);
        r.optimality->dual.reset();
        CHECK(breachesOf(ws, r) ==
              std::vector<std::string>{
                  "optimality has no dual prices (optimality/dual), so its upper_bound cannot be "
                  "rechecked; allocate again with this version of baton"});
    }

    TEST_CASE("dual prices survive the result's JSON") {
        Workspace ws = bindingRoom();
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.optimality.dual.has_value());
        std::vector<JsonError> errors;
        std::optional<AllocationResult> back =
            allocationFromJson(nlohmann::json::parse(writeAllocation(r)), "", errors);
        REQUIRE(back.has_value());
        REQUIRE(back->optimality.dual.has_value());
        CHECK(back->optimality.dual->prices == r.optimality.dual->prices);
        CHECK(back->optimality.dual->placement == r.optimality.dual->placement);
        CHECK(back->optimality.dual->placed == r.optimality.dual->placed);
        CHECK(back->optimality.dual->scale == r.optimality.dual->scale);
    }

    TEST_CASE("a price of the wrong type is named") {
        Workspace ws = bindingRoom();
        nlohmann::json doc = nlohmann::json::parse(writeAllocation(allocateOwnPolicy(ws)));
        doc["optimality"]["dual"]["prices"]["A"] = -4;
        doc["optimality"]["dual"]["scale"] = 2.5;
        ReportedReadResult read = readReportedAllocation(doc.dump());
        REQUIRE(read.errors.size() == 2);
        CHECK(read.errors[0].path == "/optimality/dual/scale");
        CHECK(read.errors[1].path == "/optimality/dual/prices/A");
    }
}
