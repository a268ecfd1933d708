// A deterministic repair that moves released clients between receivers until the two
// WPROP1 guarantees hold (value as a good, difficulty as a chore) or no single move can
// improve the worst violation without breaking a hard constraint or another guarantee.
//
// Each step picks the receiver with the largest value deficit: T_i minus its value after
// adding the most valuable client outside its bundle. When no receiver has one, it picks
// the receiver with the largest difficulty excess: its difficulty less its hardest client,
// over its share S_i. It then makes the move that shrinks that violation for the least
// fit lost, ties broken by the seeded lottery. A move never unplaces a client, never moves
// a pinned one, and keeps every hard constraint (the eligibility tests and the receivers'
// room), so the number placed is unchanged. A receiver that no single move helps is
// skipped until another move changes the bundles.
// A step costs O(released clients) for a value move and O(bundle x receivers) for a
// difficulty move. The number of steps is capped, and the result reports when the cap
// stops the repair. The fit is then bounded by the solve without fairness, not proven
// optimal for the constrained problem.
#pragma once

#include <vector>

#include "core/allocation_context.h"

namespace baton {

struct FairnessRepairStats {
    int moves = 0;
    std::vector<char> moved;  // per released position: whether the repair moved it
    bool capped = false;  // the step cap stopped the repair with violations left
};

FairnessRepairStats repairFairness(const AllocationContext& context, Placement& placement,
                                   int maxMoves);

}  // namespace baton
