#include <doctest/doctest.h>

#include "allocation_fixtures.h"
#include "core/fit.h"

using namespace baton;
using namespace baton::test;

namespace {

Workspace fitCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh", "region:east", "product:erp"}),
                    makeEmployee("B", EmployeeStatus::Active, {"industry:retail"})};
    ws.clients = {makeClient("C1", "A", {"lang:zh"}, {"product:erp", "product:crm"})};
    ws.clients[0].industry = "retail";
    ws.clients[0].region = "east";
    ws.clients[0].language = "zh";
    return ws;
}

}  // namespace

TEST_SUITE("fit") {
    TEST_CASE("tags are interned in sorted order") {
        FitModel fit(fitCase(), Policy{});
        CHECK(fit.tagId("industry:retail") == 0);
        CHECK(fit.tagId("lang:zh") == 1);
        CHECK(fit.tagName(fit.tagId("region:east")) == "region:east");
        CHECK(fit.tagId("lang:ja") == -1);
    }

    TEST_CASE("breakdown weighs each match") {
        FitModel fit(fitCase(), Policy{});
        // A: half the preferences (0.3 / 2), region 0.15, language 0.1.
        FitBreakdown a = fit.breakdown(0, 0);
        CHECK(a.prefers == doctest::Approx(0.15));
        CHECK(a.region == doctest::Approx(0.15));
        CHECK(a.language == doctest::Approx(0.1));
        CHECK(a.industry == 0.0);
        CHECK(a.micro == 400000);
        FitBreakdown b = fit.breakdown(0, 1);
        CHECK(b.micro == 200000);
    }

    TEST_CASE("weights are divided by their sum") {
        Policy p;
        p.fit = {0.0, 2.0, 0.0, 0.0, 2.0};
        FitModel fit(fitCase(), p);
        CHECK(fit.breakdown(0, 1).fit == doctest::Approx(0.5));
    }

    TEST_CASE("continuity comes from relationships and transactions") {
        Workspace ws = fitCase();
        ws.transactions.push_back({"C1", "2026-01-01", 10.0, std::string("B"), {}});
        FitModel fit(ws, Policy{});
        CHECK(fit.servedBefore(0, 1));
        CHECK_FALSE(fit.servedBefore(0, 0));
        CHECK(fit.breakdown(0, 1).continuity == doctest::Approx(0.25));
        ws.transactions.clear();
        ws.relationships.push_back({"A", "C1", RelationshipKind::ServedBefore, {}});
        FitModel other(ws, Policy{});
        CHECK(other.servedBefore(0, 0));
    }

    TEST_CASE("missing needs are named") {
        FitModel fit(fitCase(), Policy{});
        CHECK(fit.meetsNeeds(0, fit.skills(0)));
        CHECK(fit.missingNeeds(0, fit.skills(1)) == std::vector<std::string>{"lang:zh"});
    }
}
