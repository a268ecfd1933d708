#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/evaluation.h"
#include "io/evaluation_json.h"

using namespace baton;

namespace {

Client makeClient(const std::string& id) {
    Client c;
    c.id = id;
    c.name = "Client " + id;
    return c;
}

Employee makeEmployee(const std::string& id, const std::string& team = "East") {
    Employee e;
    e.id = id;
    e.name = "Employee " + id;
    e.team = team;
    e.role = "Account manager";
    e.hired = "2020-01-01";
    e.hasMetrics = true;
    return e;
}

Transaction makeTransaction(const std::string& client, const std::string& date, double amount) {
    Transaction t;
    t.client = client;
    t.date = date;
    t.amount = amount;
    return t;
}

const ScoreComponent& component(const std::vector<ScoreComponent>& parts, const std::string& name) {
    for (const ScoreComponent& c : parts) {
        if (c.name == name) return c;
    }
    FAIL("no component " << name);
    return parts.front();
}

bool hasFlag(const ClientScore& score, const std::string& flag) {
    for (const std::string& f : score.flags) {
        if (f == flag) return true;
    }
    return false;
}

bool hasNote(const Evaluation& evaluation, const std::string& note) {
    for (const std::string& n : evaluation.notes) {
        if (n == note) return true;
    }
    return false;
}

// Three clients with transactions up to 2026-11-30 (the default as-of date):
//   C1: 300 on 2026-11-30 and 100 on 2026-06-01: monetary 400, frequency 2, recency 0.
//   C2: 100 on 2026-10-31: monetary 100, frequency 1, recency 30.
//   C3: 1000 on 2025-01-01, outside the window: monetary 0, frequency 0, recency 698.
// Potential 600, 200 and missing; tiers A (100), C (20) and B (60).
Workspace threeClients() {
    Workspace w;
    w.clients = {makeClient("C1"), makeClient("C2"), makeClient("C3")};
    w.clients[0].potential = 600.0;
    w.clients[1].potential = 200.0;
    w.clients[0].tier = "A";
    w.clients[1].tier = "C";
    w.clients[2].tier = "B";
    w.transactions = {
        makeTransaction("C1", "2026-11-30", 300.0), makeTransaction("C1", "2026-06-01", 100.0),
        makeTransaction("C2", "2026-10-31", 100.0), makeTransaction("C3", "2025-01-01", 1000.0)};
    return w;
}

// Metrics of three employees with distinct values in every metric.
Workspace threeEmployees() {
    Workspace w;
    w.policy.asOf = "2026-11-30";
    w.employees = {makeEmployee("E1"), makeEmployee("E2"), makeEmployee("E3")};
    const double sales[] = {100.0, 200.0, 300.0};
    const double quota[] = {1.0, 0.8, 0.9};
    const double csat[] = {4.0, 5.0, 3.0};
    const double retention[] = {0.9, 0.8, 0.7};
    const double review[] = {4.0, 3.0, 5.0};
    for (int i = 0; i < 3; ++i) {
        Metrics& m = w.employees[i].metrics;
        m.sales12m = sales[i];
        m.quotaAttainment = quota[i];
        m.csat = csat[i];
        m.retention = retention[i];
        m.review = review[i];
    }
    return w;
}

// Walks a JSON value and counts the numbers that are not finite.
int countNonFinite(const nlohmann::json& value) {
    int count = 0;
    if (value.is_number_float() && !std::isfinite(value.get<double>())) ++count;
    if (value.is_structured()) {
        for (const auto& item : value) count += countNonFinite(item);
    }
    return count;
}

}  // namespace

TEST_SUITE("evaluation value") {
    TEST_CASE("percentile value by hand") {
        Workspace w = threeClients();
        Evaluation e = evaluate(w, w.policy);
        CHECK(e.asOf == "2026-11-30");
        // Percentiles: monetary 100/50/0, frequency 100/50/0, recency inverted 100/50/0,
        // potential 100/0/missing, tier 100/0/50.
        // C1 = 100. C2 = 0.4*50 + 0.15*50 + 0.15*50 = 35.
        // C3: potential missing, so the other weights are scaled by 1 / 0.8; only tier
        // scores: 0.125 * 50 = 6.25.
        CHECK(e.clients[0].value == 100.0);
        CHECK(e.clients[1].value == 35.0);
        CHECK(e.clients[2].value == 6.25);
        const ScoreComponent& tier = component(e.clients[2].valueBreakdown, "tier");
        CHECK(tier.weight == 0.125);
        CHECK(tier.contribution == 6.25);
        CHECK_FALSE(component(e.clients[2].valueBreakdown, "potential").raw.has_value());
    }

    TEST_CASE("winsorised value by hand") {
        Workspace w = threeClients();
        w.policy.value.normalisation = Normalisation::WinsorisedMinMax;
        Evaluation e = evaluate(w, w.policy);
        // Three values give k = 0, so plain min-max. C2: monetary 100/400 -> 25, frequency
        // 50, recency 100 - 30/698*100 = 95.70200573, potential 0, tier 0:
        // 0.4*25 + 0.15*50 + 0.15*95.70200573 = 31.85530086.
        CHECK(e.clients[0].value == 100.0);
        CHECK(e.clients[1].value == 31.8553);
        CHECK(e.clients[2].value == 6.25);
        CHECK(component(e.clients[1].valueBreakdown, "recency").normalised == 95.702);
    }

    TEST_CASE("transactions older than the window") {
        Workspace w = threeClients();
        Evaluation e = evaluate(w, w.policy);
        const ClientScore& c3 = e.clients[2];
        CHECK(*component(c3.valueBreakdown, "monetary").raw == 0.0);
        CHECK(*component(c3.valueBreakdown, "frequency").raw == 0.0);
        CHECK(*component(c3.valueBreakdown, "recency").raw == 698.0);
    }

    TEST_CASE("window edges and later transactions") {
        Workspace w;
        w.policy.asOf = "2026-11-30";
        w.clients = {makeClient("C1")};
        // The window holds the 365 days 2025-12-01 .. 2026-11-30.
        w.transactions = {makeTransaction("C1", "2025-11-30", 1.0),
                          makeTransaction("C1", "2025-12-01", 10.0),
                          makeTransaction("C1", "2026-11-30", 100.0),
                          makeTransaction("C1", "2026-12-01", 1000.0)};
        Evaluation e = evaluate(w, w.policy);
        CHECK(*component(e.clients[0].valueBreakdown, "monetary").raw == 110.0);
        CHECK(*component(e.clients[0].valueBreakdown, "frequency").raw == 2.0);
        CHECK(*component(e.clients[0].valueBreakdown, "recency").raw == 0.0);
        CHECK(hasNote(e, "1 transaction ignored: dated after the as-of date"));
    }

    TEST_CASE("zero transactions drop recency and frequency") {
        Workspace w;
        w.clients = {makeClient("C1"), makeClient("C2")};
        w.clients[0].revenue12m = 1000.0;
        w.clients[1].revenue12m = 500.0;
        Evaluation e = evaluate(w, w.policy);
        CHECK(e.asOf.empty());
        CHECK(hasNote(e, "recency and frequency left out: no transactions"));
        // Only monetary is present: its weight becomes 1, so C1 = 100 and C2 = 0.
        CHECK(e.clients[0].value == 100.0);
        CHECK(e.clients[1].value == 0.0);
        CHECK(component(e.clients[0].valueBreakdown, "monetary").weight == 1.0);
        CHECK_FALSE(component(e.clients[0].valueBreakdown, "recency").raw.has_value());
    }

    TEST_CASE("negative and absurd amounts are flagged") {
        Workspace w;
        w.clients = {makeClient("C1"), makeClient("C2"), makeClient("C3")};
        w.clients[1].revenue12m = -50.0;
        w.clients[2].revenue12m = 200.0;
        w.transactions = {makeTransaction("C1", "2026-11-30", 100.0),
                          makeTransaction("C1", "2026-11-01", -500.0),
                          makeTransaction("C1", "2026-10-01", 1e16)};
        Evaluation e = evaluate(w, w.policy);
        CHECK(hasFlag(e.clients[0], "negative_amount"));
        CHECK(hasFlag(e.clients[0], "absurd_amount"));
        CHECK(*component(e.clients[0].valueBreakdown, "monetary").raw == 100.0);
        CHECK(*component(e.clients[0].valueBreakdown, "frequency").raw == 1.0);
        CHECK(hasFlag(e.clients[1], "negative_revenue"));
        CHECK_FALSE(component(e.clients[1].valueBreakdown, "monetary").raw.has_value());
        CHECK(e.clients[1].value == 0.0);
        CHECK(hasNote(e, "1 transaction excluded: negative amount (flagged negative_amount)"));
    }

    TEST_CASE("extreme outlier leaves the others spread") {
        Workspace w;
        for (int i = 0; i < 100; ++i) {
            // Appending avoids a false -Wstringop-overflow of GCC 12 on "C" + to_string(i).
            std::string id = "C";
            id += std::to_string(i);
            w.clients.push_back(makeClient(id));
            // 1e8 is far out but below the absurd bound, 1e6 times the median (1e9).
            w.clients.back().revenue12m = i < 99 ? 1000.0 + i : 1e8;
        }
        Evaluation percentile = evaluate(w, w.policy);
        // Percentile: client i has rank i of 99.
        CHECK(percentile.clients[50].value == roundTo(5000.0 / 99.0, 4));
        CHECK(hasFlag(percentile.clients[99], "outlier"));
        CHECK_FALSE(hasFlag(percentile.clients[50], "outlier"));
        w.policy.value.normalisation = Normalisation::WinsorisedMinMax;
        Evaluation winsorised = evaluate(w, w.policy);
        // n = 100, k = 5: bounds 1005 and 1094, so 1050 maps to 45 / 89 * 100.
        CHECK(winsorised.clients[50].value == roundTo(4500.0 / 89.0, 4));
        CHECK(winsorised.clients[99].value == 100.0);
        CHECK(winsorised.clients[2].value == 0.0);
    }

    TEST_CASE("tied monetary values share a percentile") {
        Workspace w;
        w.clients = {makeClient("C1"), makeClient("C2"), makeClient("C3")};
        w.clients[0].revenue12m = 10.0;
        w.clients[1].revenue12m = 10.0;
        w.clients[2].revenue12m = 30.0;
        Evaluation e = evaluate(w, w.policy);
        // Positions 0 and 1 average 0.5 of 2: 25.
        CHECK(e.clients[0].value == 25.0);
        CHECK(e.clients[1].value == 25.0);
        CHECK(e.clients[2].value == 100.0);
    }
}

TEST_SUITE("evaluation difficulty") {
    TEST_CASE("difficulty by hand") {
        Workspace w;
        w.clients = {makeClient("C1"), makeClient("C2")};
        w.clients[0].difficulty = 80.0;
        w.clients[1].difficulty = 20.0;
        w.clients[0].workload = 2.0;
        w.clients[1].workload = 2.0;
        w.clients[0].satisfaction = 5.0;
        w.clients[1].satisfaction = 2.0;
        Evaluation e = evaluate(w, w.policy);
        // given 100/0, workload tied 50/50, satisfaction inverted 0/100; complaints and
        // late payments missing, so weights 0.4, 0.2, 0.2 scale to 0.5, 0.25, 0.25.
        // C1 = 50 + 12.5 + 0 = 62.5. C2 = 0 + 12.5 + 25 = 37.5.
        CHECK(e.clients[0].difficulty == 62.5);
        CHECK(e.clients[1].difficulty == 37.5);
        CHECK(component(e.clients[0].difficultyBreakdown, "given").weight == 0.5);
        CHECK(hasNote(e, "difficulty term complaints left out: no client has it"));
    }

    TEST_CASE("out of range difficulty inputs are flagged") {
        Workspace w;
        w.clients = {makeClient("C1")};
        w.clients[0].difficulty = 140.0;
        w.clients[0].satisfaction = 0.0;
        w.clients[0].complaints = -1.0;
        Evaluation e = evaluate(w, w.policy);
        CHECK(hasFlag(e.clients[0], "difficulty_out_of_range"));
        CHECK(hasFlag(e.clients[0], "satisfaction_out_of_range"));
        CHECK(hasFlag(e.clients[0], "negative_complaints"));
        CHECK(e.clients[0].difficulty == 0.0);
    }
}

TEST_SUITE("evaluation performance") {
    TEST_CASE("percentile performance by hand") {
        Workspace w = threeEmployees();
        Evaluation e = evaluate(w, w.policy);
        // Percentiles (E1/E2/E3): sales 0/50/100, quota 100/0/50, csat 50/100/0,
        // retention 100/50/0, review 50/0/100.
        // P1 = 0 + 25 + 10 + 15 + 5 = 55; P2 = 15 + 0 + 20 + 7.5 + 0 = 42.5;
        // P3 = 30 + 12.5 + 0 + 0 + 10 = 52.5.
        CHECK(e.employees[0].performance == 55.0);
        CHECK(e.employees[1].performance == 42.5);
        CHECK(e.employees[2].performance == 52.5);
        CHECK_FALSE(e.employees[0].provisional);
        CHECK(e.employees[0].breakdown.size() == 5);
    }

    TEST_CASE("winsorised performance by hand") {
        Workspace w = threeEmployees();
        w.employees[2].metrics.sales12m = 400.0;
        w.policy.performance.normalisation = Normalisation::WinsorisedMinMax;
        Evaluation e = evaluate(w, w.policy);
        // Plain min-max on three values: sales 0 / 33.33 / 100, the rest as in the
        // percentile case. P2 = 0.3 * 33.333 + 20 + 7.5 = 37.5; P3 = 30 + 12.5 + 10.
        CHECK(e.employees[0].performance == doctest::Approx(55.0));
        CHECK(e.employees[1].performance == doctest::Approx(37.5));
        CHECK(e.employees[2].performance == doctest::Approx(52.5));
    }

    TEST_CASE("new hire without metrics is not last") {
        Workspace w = threeEmployees();
        w.employees.push_back(makeEmployee("E4"));
        w.employees[3].hired = "2026-08-30";
        w.employees[3].hasMetrics = false;
        Evaluation e = evaluate(w, w.policy);
        // No evidence: P4 is the median of 55, 42.5 and 52.5.
        CHECK(e.employees[3].performance == 52.5);
        CHECK(e.employees[3].provisional);
        CHECK(e.employees[3].evidence == 0.0);
        CHECK(e.employees[3].provisionalReason ==
              "Provisional: hired 3 months before the as-of date, within the 6-month "
              "ramp-up; no performance figures yet. The score is the group median (52.50).");
        CHECK(e.employees[3].performance > e.employees[1].performance);
    }

    TEST_CASE("hire date after the as-of date") {
        Workspace w = threeEmployees();
        w.employees.push_back(makeEmployee("E4"));
        w.employees[3].hired = "2099-01-01";
        w.employees[3].hasMetrics = false;
        Evaluation e = evaluate(w, w.policy);
        CHECK(e.employees[3].provisional);
        CHECK(e.employees[3].evidence == 0.0);
        CHECK(e.employees[3].provisionalReason.rfind(
                  "Provisional: the hire date 2099-01-01 is after the as-of date, so it counts "
                  "as less than a month, within the 6-month ramp-up",
                  0) == 0);
        const std::vector<std::string>& flags = e.employees[3].flags;
        CHECK(std::find(flags.begin(), flags.end(), "hired_after_as_of") != flags.end());
        CHECK(e.employees[0].flags.empty());
    }

    TEST_CASE("provisional score shrinks toward the median") {
        Workspace w = threeEmployees();
        w.employees.push_back(makeEmployee("E5"));
        w.employees[3].hired = "2026-08-30";
        w.employees[3].metrics.sales12m = 400.0;
        Evaluation e = evaluate(w, w.policy);
        // Sales percentiles over four: 0, 33.33, 66.67, 100. P1 = 55, P2 = 37.5,
        // P3 = 42.5, E5 raw = 100 (sales only). Median of raw 55, 37.5, 42.5, 100 = 48.75.
        // Evidence = 0.3 (weight present) * 3/6 (ramp) = 0.15.
        // P5 = 0.15 * 100 + 0.85 * 48.75 = 56.4375.
        CHECK(e.employees[1].performance == 37.5);
        CHECK(e.employees[3].evidence == 0.15);
        CHECK(e.employees[3].groupMedian.value() == 48.75);
        CHECK(e.employees[3].performance == 56.4375);
        CHECK(e.employees[3].provisionalReason ==
              "Provisional: hired 3 months before the as-of date, within the 6-month "
              "ramp-up; no figure for quota_attainment, csat, retention, review. The score "
              "is 15% own figures and 85% the group median (48.75).");
    }

    TEST_CASE("hire on the as-of date gets the median") {
        Workspace w = threeEmployees();
        w.employees.push_back(makeEmployee("E6"));
        w.employees[3].hired = "2026-11-30";
        w.employees[3].metrics.review = 5.0;
        Evaluation e = evaluate(w, w.policy);
        // Zero months of ramp-up make the evidence 0, whatever figures there are.
        // Reviews 4, 3, 5, 5 rank 33.33, 0, 83.33, 83.33, so P1 = 53.333, P2 = 42.5,
        // P3 = 50.833 and E6's raw score is 83.333: the median is 52.0833.
        CHECK(e.employees[3].evidence == 0.0);
        CHECK(e.employees[3].groupMedian.value() == 52.0833);
        CHECK(e.employees[3].performance == 52.0833);
        CHECK(e.employees[3].provisionalReason ==
              "Provisional: hired less than a month before the as-of date, within the 6-month "
              "ramp-up; no figure for sales_12m, quota_attainment, csat, retention. The score "
              "is the group median (52.08).");
    }

    TEST_CASE("equal metrics give 50") {
        Workspace w = threeEmployees();
        for (Employee& emp : w.employees) emp.metrics = w.employees[0].metrics;
        for (Normalisation method : {Normalisation::Percentile, Normalisation::WinsorisedMinMax}) {
            w.policy.performance.normalisation = method;
            Evaluation e = evaluate(w, w.policy);
            for (const EmployeeScore& s : e.employees) CHECK(s.performance == 50.0);
        }
    }

    TEST_CASE("single employee gets 50") {
        Workspace w = threeEmployees();
        w.employees.resize(1);
        Evaluation e = evaluate(w, w.policy);
        CHECK(e.employees[0].performance == 50.0);
        CHECK_FALSE(e.employees[0].provisional);
    }

    TEST_CASE("team grouping ranks within the team") {
        Workspace w;
        w.policy.asOf = "2026-11-30";
        w.policy.performance = PerformancePolicy{};
        w.policy.performance.quotaAttainment = 0.0;
        w.policy.performance.csat = 0.0;
        w.policy.performance.retention = 0.0;
        w.policy.performance.review = 0.0;
        w.employees = {makeEmployee("E1", "East"), makeEmployee("E2", "East"),
                       makeEmployee("E3", "West"), makeEmployee("E4", "West")};
        const double sales[] = {100.0, 200.0, 1000.0, 2000.0};
        for (int i = 0; i < 4; ++i) w.employees[i].metrics.sales12m = sales[i];
        w.policy.performance.group = PerformanceGroup::Team;
        Evaluation team = evaluate(w, w.policy);
        CHECK(team.employees[0].performance == 0.0);
        CHECK(team.employees[1].performance == 100.0);
        CHECK(team.employees[2].performance == 0.0);
        CHECK(team.employees[2].group == "team:West");
        CHECK_FALSE(team.employees[0].provisional);
        w.policy.performance.group = PerformanceGroup::Firm;
        Evaluation firm = evaluate(w, w.policy);
        CHECK(firm.employees[2].performance == doctest::Approx(200.0 / 3.0).epsilon(1e-6));
    }

    TEST_CASE("system users get 0 and stay out") {
        Workspace w = threeEmployees();
        w.employees.push_back(makeEmployee("BOT"));
        w.employees[3].kind = EmployeeKind::System;
        w.employees[3].metrics.sales12m = 1e9;
        Evaluation e = evaluate(w, w.policy);
        CHECK(e.employees[3].system);
        CHECK(e.employees[3].performance == 0.0);
        CHECK(e.employees[3].breakdown.empty());
        CHECK(e.employees[2].performance == 52.5);
    }

    TEST_CASE("tenure counts only with a weight") {
        Workspace w = threeEmployees();
        Evaluation without = evaluate(w, w.policy);
        CHECK(without.employees[0].breakdown.size() == 5);
        w.policy.performance.tenure = 0.1;
        w.employees[0].hired = "2010-01-01";
        Evaluation with = evaluate(w, w.policy);
        REQUIRE(with.employees[0].breakdown.size() == 6);
        CHECK(*component(with.employees[0].breakdown, "tenure").raw == 202.0);
    }
}

TEST_SUITE("evaluation output") {
    TEST_CASE("no NaN or infinity anywhere") {
        Workspace w = threeClients();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        w.clients[0].revenue12m = nan;
        w.clients[1].potential = inf;
        w.clients[2].workload = nan;
        w.transactions.push_back(makeTransaction("C2", "2026-11-29", inf));
        w.transactions.push_back(makeTransaction("nobody", "2026-11-29", 5.0));
        w.employees = {makeEmployee("E1"), makeEmployee("E2")};
        w.employees[0].metrics.csat = nan;
        w.employees[1].hired = "not a date";
        w.policy.value.recency = nan;
        w.policy.difficulty.given = 0.0;
        w.policy.difficulty.workload = 0.0;
        w.policy.difficulty.satisfaction = 0.0;
        w.policy.difficulty.complaints = 0.0;
        w.policy.difficulty.latePayments = 0.0;
        w.policy.performance.rampMonths = 0;

        Evaluation e = evaluate(w, w.policy);
        nlohmann::json out = evaluationToJson(w, e);
        CHECK(countNonFinite(out) == 0);

        for (const auto& client : out["clients"]) {
            CHECK(std::isfinite(client["value"].get<double>()));
            CHECK(std::isfinite(client["difficulty"].get<double>()));
            for (const auto& part : client["breakdown"]["value"]) {
                CHECK(std::isfinite(part["normalised"].get<double>()));
                CHECK(std::isfinite(part["weight"].get<double>()));
                CHECK(std::isfinite(part["contribution"].get<double>()));
                CHECK((part["raw"].is_null() || std::isfinite(part["raw"].get<double>())));
            }
        }
        for (const auto& employee : out["employees"]) {
            CHECK(std::isfinite(employee["performance"].get<double>()));
        }
        CHECK(hasNote(e, "policy value.weights.recency is negative or not a number: 0 used"));
    }

    TEST_CASE("value weights all at 0 are named, not called missing data") {
        Workspace w = threeClients();
        ValuePolicy& v = w.policy.value;
        v.monetary = v.frequency = v.recency = v.potential = v.tier = 0.0;
        Evaluation e = evaluate(w, w.policy);
        CHECK(hasNote(e, "policy value.weights are all 0, so every value score is 0; give at "
                         "least one of them a weight above 0"));
        for (const std::string& note : e.notes) {
            CHECK(note.find("without value data") == std::string::npos);
        }
        for (const ClientScore& c : e.clients) CHECK(c.value == 0.0);
    }

    TEST_CASE("json has the evaluation format") {
        Workspace w = threeClients();
        w.employees = {makeEmployee("E1")};
        w.employees[0].hired = "2026-10-30";
        w.employees[0].metrics.sales12m = 10.0;
        Evaluation e = evaluate(w, w.policy);
        nlohmann::json out = evaluationToJson(w, e);
        CHECK(out["format"] == "baton-evaluation");
        CHECK(out["version"] == 1);
        CHECK(out["as_of"] == "2026-11-30");
        CHECK(out["clients"][1]["client"] == "C2");
        CHECK(out["clients"][1]["value"] == 35.0);
        CHECK(out["clients"][2]["breakdown"]["value"]["potential"]["raw"].is_null());
        CHECK(out["clients"][2]["breakdown"]["value"]["tier"]["contribution"] == 6.25);
        CHECK(out["clients"][0]["flags"].is_array());
        CHECK(out["employees"][0]["provisional"] == true);
        CHECK(out["employees"][0]["provisional_reason"].is_string());
        CHECK(out["notes"].is_array());
    }

    TEST_CASE("round to four decimals") {
        CHECK(roundTo(1.23456789, 4) == 1.2346);
        CHECK(roundTo(-2.00005, 4) == doctest::Approx(-2.0001));
        CHECK(roundTo(std::numeric_limits<double>::quiet_NaN(), 4) == 0.0);
    }
}
