#include <doctest/doctest.h>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/verify.h"
#include "io/allocation_json.h"

#include <nlohmann/json.hpp>

using namespace baton;
using namespace baton::test;

namespace {

Workspace verifyCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 1),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en"}, 2),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L", {"lang:zh"}), makeClient("C2", "L"), makeClient("C3", "B")};
    return ws;
}

ReportedAllocation reportOf(const Workspace& ws) {
    AllocationResult r = allocateOwnPolicy(ws);
    ReportedReadResult read = readReportedAllocation(writeAllocation(r));
    REQUIRE(read.allocation.has_value());
    return *read.allocation;
}

std::vector<std::string> breachesOf(const Workspace& ws, const ReportedAllocation& r) {
    return verifyAllocation(ws, r, evaluate(ws, r.policy)).breaches;
}

}  // namespace

TEST_SUITE("verify") {
    TEST_CASE("solver result is clean") {
        Workspace ws = verifyCase();
        CHECK(breachesOf(ws, reportOf(ws)).empty());
    }

    TEST_CASE("departed receiver and missing need") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.assignments[0].client == "C1");
        r.assignments[0].employee = "L";
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE_FALSE(b.empty());
        CHECK(b[0] == "C1 → L: the employee is departed");
        CHECK(b[1] == "C1 → L: the employee lacks the need lang:zh");
    }

    TEST_CASE("client dropped from the result") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        r.assignments.pop_back();
        r.assignmentFits.pop_back();
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE_FALSE(b.empty());
        CHECK(b[0] == "C2: released but neither assigned nor listed");
    }

    TEST_CASE("capacity and forbid breaches") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        r.policy.forbids.push_back({"C2", "B", "", {}});
        r.assignments[1].employee = "A";
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(std::find(b.begin(), b.end(), "A: 2 clients exceed max_clients 1") != b.end());
        r.assignments[1].employee = "B";
        b = breachesOf(ws, r);
        CHECK(b.front() == "C2 → B: the policy forbids the pair");
    }

    TEST_CASE("tampered figure and certificate") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        r.figures.totalFit += 0.5;
        r.certificates.efCBoth += 3;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 3);
        CHECK(b[0].rfind("certificate ef_c_both: reported", 0) == 0);
        CHECK(b[1].rfind("figure total_fit: reported", 0) == 0);
        // The claimed bound no longer covers the fit the result reports as placed.
        CHECK(b[2].rfind("optimality upper_bound", 0) == 0);
    }

    TEST_CASE("tampered client value and difficulty") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.assignmentValues.size() == r.assignments.size());
        REQUIRE(r.assignmentValues[0].has_value());
        *r.assignmentValues[0] += 10.0;
        *r.assignmentDifficulties[1] = 0.5;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rfind(r.assignments[0].client + " → ", 0) == 0);
        CHECK(b[0].find("reported value") != std::string::npos);
        CHECK(b[1].find("reported difficulty 0.5") != std::string::npos);
    }

    TEST_CASE("tampered employee statement") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.employees.has_value());
        REQUIRE(r.employees->size() == 2);
        (*r.employees)[0].receivedValue += 100.0;
        (*r.employees)[1].targetValue = 1.0;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0].find("received_value: reported") != std::string::npos);
        CHECK(b[1].find("target_value: reported 1,") != std::string::npos);
        r = reportOf(ws);
        r.employees->pop_back();
        r.employees->push_back(r.employees->front());
        (*r.employees)[1].employee = "L";
        b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0] == "employees: B can receive clients but has no statement");
        CHECK(b[1] == "employees: L has a statement but cannot receive clients");
    }

    TEST_CASE("optimality claim must fit the figures") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.optimality.has_value());
        r.optimality->status = "optimal";
        r.optimality->gap = 0.25;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0] == "optimality status \"optimal\" with a gap of 0.25");
        CHECK(b[1].rfind("optimality gap: reported 0.25, recomputed 0", 0) == 0);
        // An optimal claim with a bound above the fit and a gap of 0.
        r.optimality->gap = 0.0;
        r.optimality->upperBound = r.figures.totalFit + 1.0;
        b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rfind("optimality gap: reported 0, recomputed", 0) == 0);
        CHECK(b[1].rfind("optimality status \"optimal\" with upper_bound", 0) == 0);
        r.optimality->status = "proven";
        b = breachesOf(ws, r);
        REQUIRE(b.size() == 1);
        CHECK(b[0].rfind("optimality status \"proven\"", 0) == 0);
    }

    TEST_CASE("missing result parts are breaches") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        CHECK(breachesOf(ws, r).empty());
        r.employees.reset();
        r.optimality.reset();
        REQUIRE_FALSE(r.breakdowns.empty());
        r.breakdowns[0].reset();
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 3);
        CHECK(b[0].rfind("/employees is missing", 0) == 0);
        CHECK(b[1].rfind("/optimality is missing", 0) == 0);
        CHECK(b[2].rfind("/assignments/0/breakdown is missing", 0) == 0);
    }

    TEST_CASE("missing baselines and runners-up") {
        Workspace ws = verifyCase();
        AllocationResult result = allocateOwnPolicy(ws);
        nlohmann::json doc = nlohmann::json::parse(writeAllocation(result));
        REQUIRE(doc.contains("baselines"));
        REQUIRE_FALSE(doc["assignments"].empty());
        doc.erase("baselines");
        doc["assignments"][0].erase("runners_up");
        ReportedReadResult read = readReportedAllocation(doc.dump());
        REQUIRE(read.allocation.has_value());
        std::vector<std::string> b = breachesOf(ws, *read.allocation);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rfind("/assignments/0/runners_up is missing", 0) == 0);
        CHECK(b[1].rfind("/baselines is missing", 0) == 0);
    }

    TEST_CASE("team_boundary reason needs no eligible colleague") {
        Workspace ws = verifyCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE_FALSE(r.assignments.empty());
        // Drop a placed client and claim the team boundary kept it out.
        std::string client = r.assignments[0].client;
        r.assignments.erase(r.assignments.begin());
        r.assignmentFits.erase(r.assignmentFits.begin());
        r.assignmentValues.erase(r.assignmentValues.begin());
        r.assignmentDifficulties.erase(r.assignmentDifficulties.begin());
        r.wonBecause.erase(r.wonBecause.begin());
        r.runnersUp.erase(r.runnersUp.begin());
        r.breakdowns.erase(r.breakdowns.begin());
        r.unassigned.push_back({client, "team_boundary"});
        r.policy.constraints.teamBoundary = true;
        bool caught = false;
        for (const std::string& b : breachesOf(ws, r)) {
            caught = caught || b.find("within the team boundary, so the boundary is not the "
                                      "reason") != std::string::npos;
        }
        CHECK(caught);
    }

    TEST_CASE("unknown format is rejected") {
        ReportedReadResult read = readReportedAllocation("{\"format\": \"other\"}");
        CHECK_FALSE(read.allocation.has_value());
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].path == "/format");
    }
}
