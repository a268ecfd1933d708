// The repair of the limits that a flow cannot express: max_workload and max_value_share.
// These limits weigh each client differently, so the repair is a packing heuristic. The fit
// it leaves is bounded, not proven optimal.
#pragma once

#include "core/allocation_context.h"

namespace baton {

// Moves clients off each receiver that breaks a limit, lowest fit first, to the best
// receiver with room. When no client can move, the client that weighs most in the broken
// limit goes unplaced with the reason `workload_exhausted` or `share_cap`. After `budget`
// client-receiver pairs, only the lowest-fit client is tried. Returns whether any client
// moved.
bool repairLimits(const AllocationContext& c, Placement& p, long long budget);

// Places unplaced clients on receivers with room, including room the limit repair freed.
// Where no receiver has room, one of a full receiver's clients moves to another receiver,
// which gives one client back when it has to. Weighs at most `budget` pairs, so a large book
// stays fast. Returns the number of clients placed.
int refillLimits(const AllocationContext& c, Placement& p, long long budget);

// Replaces the placement with one that places more clients, found by an exact search that
// visits at most `nodes` nodes, when there is one. Pinned clients stay where they are. A
// client the search leaves out keeps its reason. Returns whether the placement changed.
bool packExactly(const AllocationContext& c, Placement& p, long long nodes);

}  // namespace baton
