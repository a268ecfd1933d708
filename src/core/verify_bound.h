// The dual bound behind a result's optimality claim, recomputed by verify from the result's
// dual prices over every allowed client-employee pair.
//
// Weak duality makes any prices safe to check: for prices p_i >= 0 and a placement price L,
// sum_j max(0, max_i (L + f_ij - p_i)) + sum_i room_i x p_i bounds L times the clients placed
// plus their fit, for every placement that keeps each receiver within its room and uses only
// allowed pairs. So a wrong price only loosens the bound; it can never make a false claim of
// optimality or a false upper bound pass. The workload and value-share limits and fairness are
// left out of the problem bounded, which can only raise the bound, except that a pair whose
// client alone exceeds the receiver's workload or value room is not allowed.
#pragma once

#include <string>
#include <vector>

#include "core/allocation_result.h"
#include "core/evaluation.h"
#include "core/model.h"
#include "core/verify_book.h"

namespace baton::verify_detail {

struct DualBound {
    double fit = 0.0;     // the bound on the total fit, the fixed clients' fit included
    int freeClients = 0;  // released clients that are not fixed
    // Reasons the prices are unusable, one breach each. With any, the bound is not computed.
    std::vector<std::string> problems;
};

// `fixed` per client: kFree for a released client the solve could place, the employee index
// of a pinned client placed by its pin, or kOut for a pinned client left out (pin_conflict).
inline constexpr int kFree = -1;
inline constexpr int kOut = -2;

// The bound on the total fit of any placement of `dual.placed` free clients beside the fixed
// ones, from the result's prices. Takes O(clients x skill groups) plus the transactions and
// relationships.
DualBound dualBound(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                    const Book& book, const DualPrices& dual, const std::vector<int>& fixed);

// An optimality claim with what the result places.
struct ClaimedFit {
    const Optimality& optimality;
    double totalFit = 0.0;
    int placedFree = 0;  // released clients the result places that are not fixed
};

// Appends a breach for each way the claim fails its dual bound. These are missing or unusable
// prices and an upper_bound below the bound. An optimal claim also fails when its fit does not
// reach the bound or when it places another number of free clients than the bound counts.
void checkDualBound(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                    const Book& book, const std::vector<int>& fixed, const ClaimedFit& claim,
                    std::vector<std::string>& breaches);

}  // namespace baton::verify_detail
