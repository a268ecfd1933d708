// Independent recheck of an allocation result against its workspace.
//
// Shares no code with the solver, the candidate graph or the certificate module: the
// released book, every hard constraint, the fit and every certificate are recomputed here
// from the workspace, the result's own policy and an evaluation under that policy, with
// straightforward pairwise loops (O(m^2) for the envy tests).
#pragma once

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
    std::vector<std::pair<std::string, std::string>> unassigned;  // (client, reason)
    Certificates certificates;
    Figures figures;
};

struct VerifyReport {
    std::vector<std::string> breaches;  // English sentences, one per breach
    bool ok() const { return breaches.empty(); }
};

// `evaluation` must come from evaluate(workspace, reported.policy).
VerifyReport verifyAllocation(const Workspace& workspace, const ReportedAllocation& reported,
                              const Evaluation& evaluation);

}  // namespace baton
