// Explanations of an allocation: per assigned client the fit breakdown, why the chosen
// employee won and why the next two candidates lost; per unplaced client the reason; per
// receiver its entitlement, target and what it received.
#pragma once

#include "core/allocation.h"
#include "core/allocation_context.h"
#include "core/candidates.h"

namespace baton {

// Writes assignments, unassigned and employees of `result` from `placement`. The
// candidates of `graph` (and each client's previous owner) are the runners-up considered.
void explainPlacement(const AllocationContext& context, const CandidateGraph& graph,
                      const Placement& placement, AllocationResult& result);

}  // namespace baton
