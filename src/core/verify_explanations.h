// Verify's checks of a result's explanation codes: each won_because, runners_up[].lost_because
// and unassigned[].reason must be a code of the result format, and must not contradict the
// workspace and the result's policy where that is cheap to recompute. A code that the
// allocation chose by its own judgement (best_fit, fairness_balance, fairness_target_met,
// lower_fit) is only checked to be a known code. The free-text reasons and details are not
// checked.
#pragma once

#include <string>
#include <vector>

#include "core/evaluation.h"
#include "core/verify.h"
#include "core/verify_book.h"

namespace baton::verify_detail {

// Appends one breach per unknown or contradicted code, each naming the client, the JSON
// pointer of the field and, for an unknown code, the codes allowed there.
void checkExplanationCodes(const Workspace& ws, const ReportedAllocation& reported,
                           const Evaluation& evaluation, const Book& book,
                           const ServedPairs& served, std::vector<std::string>& breaches);

}  // namespace baton::verify_detail
