// Verify's checks of the result fields beside the allocation: the fit breakdowns, the
// certificates' witnesses, the format version, method, policy_version, seed and the
// baselines' figures. The digits that breaches print are tested here too.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "core/verify.h"
#include "core/verify_book.h"
#include "core/verify_witnesses.h"
#include "io/allocation_json.h"
#include "verify_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

// C1 prefers lang:zh, which only A has, and B served C2 before. L has departed.
Workspace fieldCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}, 5),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en"}, 5),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L", {}, {"lang:zh"}), makeClient("C2", "L"),
                  makeClient("C3", "L")};
    ws.relationships = {{"B", "C2", RelationshipKind::ServedBefore, {}}};
    ws.policy.asOf = "2026-11-30";
    return ws;
}

AllocationResult allocationOf(const Workspace& ws, const AllocateOptions& options = {}) {
    return allocate(ws, ws.policy, evaluate(ws, ws.policy), options);
}

// Whether any breach contains `part`.
bool anyContains(const std::vector<std::string>& breaches, const std::string& part) {
    return std::any_of(breaches.begin(), breaches.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

// Two receivers A and B, and three released clients worth 50, 30 and 20 with difficulty
// 40, 30 and 20, all given to A. B envies A in value even without A's best client, and A's
// difficulty less its hardest client is above its share.
struct WitnessCase {
    Workspace ws;
    Evaluation ev;
    verify_detail::Book book;
    verify_detail::Bundles bundles;
    ReportedAllocation reported;
};

WitnessCase witnessCase() {
    WitnessCase c;
    c.ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                      makeEmployee("B", EmployeeStatus::Active, {}),
                      makeEmployee("L", EmployeeStatus::Departed, {})};
    c.ws.clients = {makeClient("C1", "L"), makeClient("C2", "L"), makeClient("C3", "L")};
    c.ev.clients.resize(3);
    const double values[] = {50, 30, 20};
    const double difficulties[] = {40, 30, 20};
    for (std::size_t j = 0; j < 3; ++j) {
        c.ev.clients[j].value = values[j];
        c.ev.clients[j].difficulty = difficulties[j];
    }
    c.book = verify_detail::readBook(c.ws, c.ws.policy);
    c.bundles.weights = {1.0, 1.0};
    c.bundles.targets = {50.0, 50.0};
    c.bundles.shares = {45.0, 45.0};
    c.bundles.tested = {1, 1};
    c.bundles.clients = {{0, 1, 2}, {}};
    c.reported.certificates.wef1Value = false;
    c.reported.certificates.wprop1Difficulty = false;
    c.reported.certificates.witnesses = {{"wef1_value", {"B", "A"}, "C1", std::nullopt},
                                         {"wprop1_difficulty", {"A"}, "C1", std::nullopt}};
    return c;
}

std::vector<std::string> witnessBreaches(const WitnessCase& c) {
    std::vector<std::string> breaches;
    verify_detail::checkWitnesses(c.ws, c.reported, c.ev, c.book, c.bundles, breaches);
    return breaches;
}

}  // namespace

TEST_SUITE("verify fields") {
    TEST_CASE("solver result passes") {
        Workspace ws = fieldCase();
        CHECK(breachesOf(ws, reportOf(ws)) == std::vector<std::string>{});
    }

    TEST_CASE("breakdown term is recomputed") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        std::size_t a = assignmentOf(r, "C2");
        REQUIRE(r.breakdowns[a].has_value());
        for (FitTerm& term : *r.breakdowns[a]) {
            if (term.name == "industry") term.contribution = 0.5;
        }
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 1);
        CHECK(b[0] == "C2 → " + r.assignments[a].employee + ": /assignments/" + std::to_string(a) +
                          "/breakdown/fit/industry: reported 0.5, recomputed 0");
    }

    TEST_CASE("breakdown with unknown and missing terms") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.breakdowns[0].has_value());
        std::vector<FitTerm>& terms = *r.breakdowns[0];
        terms.erase(std::remove_if(terms.begin(), terms.end(),
                                   [](const FitTerm& t) { return t.name == "region"; }),
                    terms.end());
        terms.push_back({"charm", 0.1});
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0].find("/assignments/0/breakdown/fit/charm is not a fit term") !=
              std::string::npos);
        CHECK(b[1].find("/assignments/0/breakdown/fit/region is missing") != std::string::npos);
    }

    TEST_CASE("failed certificate needs a witness") {
        WitnessCase c = witnessCase();
        CHECK(witnessBreaches(c) == std::vector<std::string>{});
        c.reported.certificates.witnesses.clear();
        std::vector<std::string> b = witnessBreaches(c);
        REQUIRE(b.size() == 2);
        CHECK(b[0] ==
              "certificate wprop1_difficulty is reported false, but /certificates/witnesses has "
              "no witness of it (verify finds A); a failed certificate names the employees and "
              "the client that fail its test");
        CHECK(b[1].rfind("certificate wef1_value is reported false", 0) == 0);
        CHECK(b[1].find("(verify finds B and A)") != std::string::npos);
    }

    TEST_CASE("witness must be a violation") {
        WitnessCase c = witnessCase();
        c.reported.certificates.witnesses[0].employees = {"A", "B"};
        std::vector<std::string> b = witnessBreaches(c);
        REQUIRE(b.size() == 1);
        CHECK(b[0] ==
              "/certificates/witnesses/0 is no violation of wef1_value: A's value per weight "
              "100 is at least that of B without its most valuable client, 0; name employees "
              "that fail the test");
    }

    TEST_CASE("witness names the removed client") {
        WitnessCase c = witnessCase();
        c.reported.certificates.witnesses[0].client = "C3";
        c.reported.certificates.witnesses[1].client = "C2";
        std::vector<std::string> b = witnessBreaches(c);
        REQUIRE(b.size() == 2);
        CHECK(b[0] ==
              "/certificates/witnesses/0/client \"C3\" is not the most valuable client of A "
              "(worth 50); name the client that the wef1_value test removes");
        CHECK(b[1] ==
              "/certificates/witnesses/1/client \"C2\" is not the hardest client of A (with "
              "difficulty 40); name the client that the wprop1_difficulty test removes");
    }

    TEST_CASE("witness of passing certificate") {
        WitnessCase c = witnessCase();
        c.reported.certificates.witnesses.push_back({"wef1_difficulty", {"A", "B"}, "C1", {}});
        c.reported.certificates.witnesses.push_back({"fairness", {"A"}, "C1", {}});
        c.reported.certificates.witnesses.push_back({"wef1_value", {"B", "A"}, "C1", {}});
        c.reported.certificates.witnesses.push_back({"wprop1_difficulty", {"X"}, "C1", {}});
        std::vector<std::string> b = witnessBreaches(c);
        REQUIRE(b.size() == 4);
        CHECK(b[0].rfind("/certificates/witnesses/2 is a witness of wef1_difficulty, which the "
                         "result reports as passing",
                         0) == 0);
        CHECK(b[1].rfind("/certificates/witnesses/3/certificate \"fairness\" is not a "
                         "certificate",
                         0) == 0);
        CHECK(b[2].rfind("/certificates/witnesses/4 is a second witness of wef1_value", 0) == 0);
        CHECK(b[3].rfind("/certificates/witnesses/5 is a second witness of wprop1_difficulty", 0) ==
              0);
    }

    TEST_CASE("witness employees are receivers") {
        WitnessCase c = witnessCase();
        c.reported.certificates.witnesses[0].employees = {"B", "L"};
        c.reported.certificates.witnesses[1].employees = {"A", "B"};
        std::vector<std::string> b = witnessBreaches(c);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rfind("/certificates/witnesses/0/employees/1 \"L\" is not an employee who "
                         "can receive clients",
                         0) == 0);
        CHECK(b[1].rfind("/certificates/witnesses/1/employees lists 2 employees", 0) == 0);
    }

    TEST_CASE("unknown format version") {
        AllocationResult result = allocationOf(fieldCase());
        nlohmann::json doc = allocationToJson(result);
        doc["version"] = 2;
        ReportedReadResult read = readReportedAllocation(doc.dump());
        CHECK_FALSE(read.allocation.has_value());
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].path == "/version");
        CHECK(read.errors[0].message.rfind("format version 2 is not one this build reads (it "
                                           "reads 1)",
                                           0) == 0);
    }

    TEST_CASE("method must be known") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        r.method = "magic";
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 1);
        CHECK(b[0] ==
              "method \"magic\" is not a method; use one of fair, round_robin, "
              "greedy_fit, weighted_picking, proposal");
    }

    TEST_CASE("baseline method repeats its baseline") {
        Workspace ws = fieldCase();
        AllocateOptions options;
        options.baseline = "round_robin";
        CHECK(breachesOf(ws, reportOf(ws, options)) == std::vector<std::string>{});
        ReportedAllocation r = reportOf(ws, options);
        r.baselines["round_robin"].figures.totalFit += 0.5;
        r.baselines["round_robin"].certificates.efCBoth += 1;
        REQUIRE(r.optimality.has_value());
        r.optimality->status = "optimal";
        r.optimality->gap = 0.0;
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(
            anyContains(b, "optimality status \"optimal\" in a result of method \"round_robin\""));
        CHECK(anyContains(b, "method \"round_robin\": /figures/total_fit "));
        CHECK(anyContains(b, "method \"round_robin\": /certificates/ef_c_both is "));
    }

    TEST_CASE("policy_version and seed") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.policyVersion.has_value());
        REQUIRE(r.seed.has_value());
        r.policyVersion = 99;
        r.seed = *r.seed + 1;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 2);
        CHECK(b[0].rfind("policy_version 99 is not the version of the result's own policy, 1 "
                         "(/policy/version)",
                         0) == 0);
        CHECK(b[1].rfind("seed " + std::to_string(*r.seed) +
                             " is not the seed of the result's own policy, " +
                             std::to_string(r.policy.seed),
                         0) == 0);
    }

    TEST_CASE("baseline figures are bounded") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.baselines.count("greedy_fit") == 1);
        Figures& f = r.baselines["greedy_fit"].figures;
        f.totalFit = 100.0;
        f.gini = 1.5;
        std::vector<std::string> b = breachesOf(ws, r);
        CHECK(anyContains(b, "/baselines/greedy_fit/figures/total_fit 100 is outside 0 to 3"));
        CHECK(anyContains(b, "/baselines/greedy_fit/figures/gini 1.5 is outside 0 to 1"));
    }

    TEST_CASE("baseline price of fairness") {
        Workspace ws = fieldCase();
        ReportedAllocation r = reportOf(ws);
        REQUIRE(r.figures.totalFit > 0.1);
        Figures& f = r.baselines["round_robin"].figures;
        f.totalFit = 0.5;
        f.priceOfFairness = 0.9;
        std::vector<std::string> b = breachesOf(ws, r);
        REQUIRE(b.size() == 1);
        CHECK(b[0].rfind("/baselines/round_robin/figures/total_fit and price_of_fairness imply "
                         "a best fit of 5,",
                         0) == 0);
    }

    TEST_CASE("breach numbers show the difference") {
        CHECK(verify_detail::distinctNumber(144.1331, 144.1334) == "144.1331");
        CHECK(verify_detail::distinctNumber(144.1334, 144.1331) == "144.1334");
        CHECK(verify_detail::distinctNumber(0.25, 0.5) == "0.25");
        CHECK(verify_detail::reportedAgainst(2.0000004, 2.0) == "reported 2.0000004, recomputed 2");
    }

    TEST_CASE("generated results of every method") {
        const char* methods[] = {"", "round_robin", "greedy_fit", "weighted_picking"};
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            GenerateOptions options;
            options.seed = seed;
            options.employees = 5 + int(seed % 4);
            options.clients = 40;
            options.leavers = 2;
            Workspace ws = generateWorkspace(options);
            if (seed % 2 == 0) ws.policy.constraints.defaultMaxClients = 6;
            for (const char* method : methods) {
                INFO("seed " << seed << ", method " << method);
                AllocateOptions allocate;
                allocate.baseline = method;
                CHECK(breachesOf(ws, reportOf(ws, allocate)) == std::vector<std::string>{});
            }
        }
    }
}
