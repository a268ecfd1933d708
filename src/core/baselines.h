// Baseline allocations, scored with the same figures and certificates as the fair one.
// - round_robin: what CRM assignment rules do. Clients in id order, each to the next
//   receiver in id order, after the last one served, that is eligible and has room.
// - greedy_fit: clients by value descending (ties by id), each to its best-fit eligible
//   receiver with room (ties by the seeded lottery).
// - weighted_picking: the receiver with the smallest picks / weight (ties by id) picks its
//   best remaining eligible client (fit, then value, descending; then id); a receiver with
//   no room or no eligible client left drops out.
// - proposal: a manual list of pairs, scored as given; pairs that break a hard constraint
//   are listed.
// Pins apply to every baseline but the proposal.
#pragma once

#include <string>
#include <vector>

#include "core/allocation_context.h"
#include "core/candidates.h"

namespace baton {

Placement roundRobin(const AllocationContext& context);
Placement greedyFit(const AllocationContext& context, const CandidateGraph& graph);
Placement weightedPicking(const AllocationContext& context, const CandidateGraph& graph);
Placement proposalPlacement(const AllocationContext& context, const std::vector<ProposedPair>& pairs,
                            std::vector<std::string>& breaches);

}  // namespace baton
