// Checks of the result's fields beside the allocation itself: each assignment's fit
// breakdown, the method, policy_version and seed, and the baselines' figures. Like the rest
// of verify, they share no code with the solver.
#pragma once

#include <string>
#include <vector>

#include "core/verify.h"
#include "core/verify_book.h"

namespace baton::verify_detail {

// Appends a breach for each fit term of an assignment's breakdown that is unknown, missing
// or not the recomputed contribution.
void checkBreakdowns(const Workspace& ws, const ReportedAllocation& reported, const Book& book,
                     const ServedPairs& served, std::vector<std::string>& breaches);

// Appends a breach for each of these: a method that the result format does not list, a
// policy_version or seed that is not that of the result's own policy, and a baseline
// method's result that differs from its baseline's entry or claims what only the fair
// method does.
void checkResultFields(const ReportedAllocation& reported, std::vector<std::string>& breaches);

// Appends a breach for each part of the result format that is missing: the employees'
// statements, the optimality claim, the baselines, and each assignment's value, difficulty,
// breakdown and runners-up.
void checkRequiredParts(const ReportedAllocation& reported, std::vector<std::string>& breaches);

// Appends a breach for each baseline whose name is unknown or whose figures lie outside
// their ranges or imply another best fit than the result's own price_of_fairness.
// NOTE: the baselines' assignments are not in the result and recomputing them needs the
// solver's candidate graph and lottery, so their figures are bounded, not recomputed.
void checkBaselines(const ReportedAllocation& reported, const Book& book,
                    std::vector<std::string>& breaches);

}  // namespace baton::verify_detail
