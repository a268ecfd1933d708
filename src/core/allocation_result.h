// The allocation result types: assignments with their explanations, unplaced clients,
// per-employee outcomes, certificates, figures and baselines. They depend only on the
// policy, so that the workspace model (its cycles keep results) can include them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"

namespace baton {

// A client-employee pair named by ids, as a manual proposal lists them.
struct ProposedPair {
    std::string client;
    std::string employee;
};

struct FitTerm {
    std::string name;  // "prefers", "industry", "region", "language", "continuity"
    double contribution = 0.0;
};

struct RunnerUp {
    std::string employee;
    double fit = 0.0;
    std::string lostBecause;  // capacity_full, workload_full, ineligible_status, ...
};

struct Assignment {
    std::string client;
    std::string employee;
    double fit = 0.0;
    double value = 0.0;
    double difficulty = 0.0;
    std::string wonBecause;  // best_fit, only_eligible, pinned, continuity, fairness_balance
    std::vector<FitTerm> breakdown;
    std::vector<std::string> reasons;
    std::vector<RunnerUp> runnersUp;
};

struct Unassigned {
    std::string client;
    std::string reason;  // no_eligible_employee, capacity_exhausted, ...
    std::string detail;
};

struct EmployeeOutcome {
    std::string employee;
    double entitlement = 0.0;  // w_i / sum w
    double targetValue = 0.0;
    double targetDifficulty = 0.0;
    double receivedValue = 0.0;
    double receivedDifficulty = 0.0;
    int clients = 0;
    int bookAfter = 0;
};

struct Witness {
    std::string certificate;
    std::vector<std::string> employees;
    std::string client;
    std::optional<std::string> constraint;  // null when no single constraint is to blame
};

struct Certificates {
    bool wprop1Value = true;
    bool wprop1Difficulty = true;
    bool wef1Value = true;
    bool wef1Difficulty = true;
    int efCBoth = 0;
    std::vector<Witness> witnesses;
};

// The dual solution behind an upper bound, so that anyone can recompute the bound. Prices are
// whole numbers in units of 10^-6 / scale of fit. A placement is worth `placement` plus the
// pair's fit; each receiver's slots cost its price. Over every allowed pair the bound is
// sum_j max(0, max_i (placement + fit_ij - price_i)) + sum_i room_i x price_i, less
// `placement` for each of the `placed` clients, which bounds the fit of any placement of that
// many free (released, not pinned) clients.
struct DualPrices {
    std::int64_t scale = 1;
    std::int64_t placement = 0;
    int placed = 0;
    // Receivers with a price above 0, by employee id; a receiver not listed costs 0.
    std::map<std::string, std::int64_t> prices;
};

struct Optimality {
    std::string status = "optimal";  // "optimal" or "bound"
    std::string check = "reduced_cost";
    double upperBound = 0.0;
    double gap = 0.0;
    std::optional<DualPrices> dual;
};

struct Figures {
    double totalFit = 0.0;
    double priceOfFairness = 0.0;
    double maxRelativeDeviation = 0.0;
    double gini = 0.0;
    double difficultySpread = 0.0;
    double continuityRate = 0.0;
    int unassigned = 0;
};

struct BaselineSummary {
    Figures figures;
    Certificates certificates;
    // Pairs of a manual proposal that break a hard constraint, as English sentences.
    std::vector<std::string> breaches;
};

struct AllocationResult {
    std::string method = "fair";
    std::uint64_t seed = 1;
    int policyVersion = 1;
    std::string inputSha256;
    Policy policy;  // the effective policy
    std::vector<Assignment> assignments;
    std::vector<Unassigned> unassigned;
    std::vector<EmployeeOutcome> employees;
    Certificates certificates;
    Optimality optimality;
    Figures figures;
    std::vector<std::string> notes;
    std::map<std::string, BaselineSummary> baselines;  // sorted by name
    // Seconds spent in each phase, for benchmarks; never written to the result JSON.
    std::map<std::string, double> timings;
    // Solver counters (bids, dense rounds, candidate arcs), for benchmarks; never written.
    std::map<std::string, long long> counters;
};

}  // namespace baton
