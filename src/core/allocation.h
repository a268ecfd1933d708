// Allocation of the released book: which clients are released, who may receive each,
// the solver's proposal with an explanation per client, fairness certificates and
// figures, and the baselines scored the same way. The result mirrors the allocation
// result JSON format version 1 (see the README's "Allocation result" section).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/allocation_result.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

// The first solve stops where its total fit is within this many 10^-6 fit units per client
// of the best-fit optimum over the arcs (see TransportAuction::coarseEpsilon). At L
// departure (bench_allocate) this skips seven of twelve phases, two thirds of the auction's
// time. The fairness repair then moves thousands of clients, and its result was as good
// from this start as from the exact one: gap 0.0143 both. Larger slacks make the dense
// check add arcs back and leave the price of fairness further from its exact value.
// NOTE: price_of_fairness is measured against this coarse flow, so it can be low by up to
// this slack per client over the total fit.
constexpr std::int64_t kFlowSlackMicro = 64;

struct AllocateOptions {
    std::optional<std::uint64_t> seed;  // overrides policy.seed
    // "" for the fair solver; "round_robin", "greedy_fit", "weighted_picking", "proposal".
    std::string baseline;
    std::optional<std::vector<ProposedPair>> proposal;  // reviewed as the "proposal" baseline
    std::string inputSha256;  // computed by the caller from the canonical input
    // Called as each phase starts, with its name ("context", "candidates", "auction",
    // "fairness repair", "baselines", "explanations", "certificates") and a rough estimate
    // of the fraction of the run already done. For progress display only.
    std::function<void(const char* phase, double fraction)> onPhase;
};

// Indices into Workspace::clients of the released book under the policy's scope.
std::vector<int> releasedClients(const Workspace& workspace, const Policy& policy);

// Runs the fair solver (or the named baseline) on the released book. `evaluation` must
// come from evaluate(workspace, policy). Never throws on data; what cannot be placed is
// listed in `unassigned` with its reason.
AllocationResult allocate(const Workspace& workspace, const Policy& policy,
                          const Evaluation& evaluation, const AllocateOptions& options);

}  // namespace baton
