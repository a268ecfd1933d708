// A deterministic local search that moves and swaps released clients between receivers
// until the two WPROP1 guarantees hold (value as a good, difficulty as a chore) or no move
// or swap lowers the total violation without breaking a hard constraint.
//
// The total violation is the sum over receivers of the value deficit (T_i minus its value
// after adding the most valuable client outside its bundle) over the mean target, plus the
// difficulty excess (its difficulty less its hardest client, over its share S_i) over the
// mean share, each counted only where positive. Each step takes the receiver with the
// largest violation and makes the single move or the swap of two clients that lowers the
// total for the least fit lost per unit of violation removed, ties broken by the seeded
// lottery. A move search over the candidate graph also keeps its other improving moves,
// and up to 16 of them are rescored under the new totals and made while that receiver
// still violates, so one scan serves several steps. Swaps are tried only when no single
// move helps; a sorted swap search tries the receiver's 12 least valuable or hardest
// clients against each candidate. A step never unplaces a client, never moves a pinned
// one, and keeps every hard constraint (eligibility and the receivers' room), so the
// number placed is unchanged. The total drops at each step, so the search ends. The
// exception is a step that moves one of the 32 most valuable clients: its scoring keeps
// the other owners and can misjudge the value outside a bundle. The search also stops
// at `maxMoves` steps and then reports `capped`.
// A search over the graph costs O(candidate arcs of the receiver) for moves and 12 times
// that for swaps; a search over every pair costs O(released clients) and O(bundle x
// released clients).
// The fit is then bounded by the solve without fairness, not proven optimal for the
// constrained problem.
// When the search ends without reaching its cap, a levelling pass moves clients to
// receivers that fit them exactly as well. A move is made where it brings value and
// difficulty closer to the targets (a weighted sum of squared ratios drops) and raises
// no violation. Fits often tie (continuity alone, or one skill profile shared by
// many), and without it the flow's choice among equal fits can pile clients on one
// receiver while WPROP1 still holds. The levelling keeps the total fit.
#pragma once

#include <vector>

#include "core/allocation_context.h"
#include "core/candidates.h"

namespace baton {

struct FairnessRepairStats {
    int moves = 0;            // clients whose owner differs from the one before the repair
    int steps = 0;            // moves and swaps made
    int swaps = 0;            // of which swaps
    int searches = 0;         // move and swap searches run
    int fullSearches = 0;     // of which over every pair, not only the candidate graph
    std::vector<char> moved;  // per released position: whether the repair changed its owner
    // Moves among equal fits made after the guarantees hold, and per released position
    // whether such a move changed its owner. They leave the total fit unchanged.
    int levelled = 0;
    std::vector<char> levelledMask;
    bool capped = false;  // the step cap stopped the repair with violations left
};

// `graph` (its arcs after the solve) limits the first search of each step to pairs the
// solver considered; the full search runs only when that one finds no step.
FairnessRepairStats repairFairness(const AllocationContext& context, Placement& placement,
                                   const CandidateGraph& graph, int maxMoves);

}  // namespace baton
