// Independent recheck of an allocation result against its workspace.
//
// Shares no code with the solver, the candidate graph or the certificate module: the
// released book, every hard constraint, the fit and its breakdown and every certificate
// with its witnesses are recomputed here from the workspace, the result's own policy and an
// evaluation under that policy, with straightforward pairwise loops (O(m^2) for the envy
// tests). The explanation codes (core/verify_explanations.h) and the method,
// policy_version, seed and baselines (core/verify_fields.h) are checked too. The free-text
// reasons, details and notes, the witnesses' constraint text and the baselines' figures
// beyond their ranges are not, because only a new solve could reproduce them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

// What verify reads from an allocation result.
struct ReportedAllocation {
    Policy policy;
    std::string inputSha256;  // as the result states it; empty when absent
    std::vector<ProposedPair> assignments;
    std::vector<double> assignmentFits;  // parallel to assignments
    // Each assignment's V and D as the result states them, parallel to assignments, and
    // nullopt where the result leaves one out.
    std::vector<std::optional<double>> assignmentValues;
    std::vector<std::optional<double>> assignmentDifficulties;
    // The employees' statements; absent when the result has no "employees" list.
    std::optional<std::vector<EmployeeOutcome>> employees;
    // The optimality claim; absent when the result has no "optimality" object.
    std::optional<Optimality> optimality;
    std::vector<std::pair<std::string, std::string>> unassigned;  // (client, reason)
    std::string method;  // "fair" or a baseline's name; empty when the result states none
    // Each assignment's won_because and runners-up, parallel to assignments. A code the
    // result leaves out is "".
    std::vector<std::string> wonBecause;
    std::vector<std::vector<RunnerUp>> runnersUp;
    // Each assignment's fit breakdown (breakdown.fit) in the result's order, parallel to
    // assignments, and nullopt where the assignment has no "breakdown".
    std::vector<std::optional<std::vector<FitTerm>>> breakdowns;
    Certificates certificates;  // with the witnesses
    Figures figures;
    // The top-level policy_version and seed; nullopt where the result leaves one out.
    std::optional<std::int64_t> policyVersion;
    std::optional<std::uint64_t> seed;
    // The baselines that state figures, by name, with their figures and certificates.
    std::map<std::string, BaselineSummary> baselines;
    // JSON pointers of parts that the result format has and the file leaves out, which the
    // fields above cannot tell from empty ones: "/baselines", "/assignments/3/runners_up".
    std::vector<std::string> missingParts;
};

struct VerifyReport {
    std::vector<std::string> breaches;  // English sentences, one per breach
    bool ok() const { return breaches.empty(); }
};

// `evaluation` must come from evaluate(workspace, reported.policy).
VerifyReport verifyAllocation(const Workspace& workspace, const ReportedAllocation& reported,
                              const Evaluation& evaluation);

}  // namespace baton
