// The whole check of `baton verify`, shared by the command, the report and export warnings
// and the page's verify(). Kept apart from allocation_json so that the readers link without
// the evaluation and the verifier.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/verify.h"

namespace baton {

// What a passing verify does not check, as its pass messages end. The result's English
// sentences are free text that no rule of the format fixes. The baselines' assignments are
// not in the result, so only a new solve reproduces their figures.
inline constexpr const char* kVerifyUnchecked =
    "its free-text \"reasons\", \"detail\" and \"notes\" sentences and each witness's "
    "\"constraint\" are not checked, nor are the baselines' figures beyond their ranges; "
    "baton allocate with the same seed reproduces them";

// Runs every check of `baton verify` on a result: its hard constraints, certificates and
// figures under its own policy, with an input hash breach listed first.
VerifyReport verifyReported(const Workspace& workspace, const ReportedAllocation& reported);

// The pins and forbids of the workspace's current policy that a result breaks and its own
// policy lacks, one breach each. An override added after the result (a manager's forbid, an
// appeal) is a rule the result does not follow, though it passes under its own policy.
std::vector<std::string> currentOverrideBreaches(const Workspace& workspace,
                                                 const ReportedAllocation& reported);

// Returns up to `limit` places where a result's policy differs from the workspace's, each as
// "/JSON/pointer: value in the result, value in the workspace". The seed is left out, since
// `allocate --seed` overrides it. Verify checks a result under its own policy, so a result made
// under other limits passes, and these lines show where its rules differ.
std::vector<std::string> policyDifferences(const Policy& result, const Policy& workspace,
                                           std::size_t limit);

}  // namespace baton
