// Fairness certificates and figures of an allocation of the released book.
//
// With U_i and D_i the value and difficulty of the released clients employee i receives,
// w_i its entitlement weight, W = sum w, T_i its target value and S_i = w_i / W x sum D
// its difficulty share:
// - WPROP1 value: U_i plus the largest value outside i's bundle reaches T_i.
// - WPROP1 difficulty: D_i minus the hardest client of i's bundle is at most S_i.
// - WEF1 value: U_i / w_i >= (U_k - largest value in k's bundle) / w_k for all k != i.
// - WEF1 difficulty: (D_i - hardest in i's bundle) / w_i <= D_k / w_k for all k != i.
// - ef_c_both: max(c_value, c_difficulty), each the smallest c for which every pair
//   passes the weighted envy test after removing c clients from the envied bundle (value)
//   or the envious bundle (difficulty).
// Comparisons allow kTolerance for the rounding of sums. Every test is O(n + m) except
// ef_c_both, which sorts each bundle: O(n log n).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/allocation.h"

namespace baton {

constexpr double kTolerance = 1e-6;

struct FairnessInput {
    std::vector<std::string> employeeIds;  // the receivers
    std::vector<double> weights;           // w_i > 0, parallel to employeeIds
    std::vector<double> targets;           // T_i, parallel to employeeIds
    std::vector<double> difficultyShares;  // S_i, parallel to employeeIds
    std::vector<std::string> clientIds;    // the released clients
    std::vector<double> values;            // V_j, parallel to clientIds
    std::vector<double> difficulties;      // D_j
    std::vector<double> fits;              // F of the pair made, 0 when unplaced
    std::vector<char> continuity;          // whether the new owner served the client before
    std::vector<int> owner;                // receiver position or -1 when unplaced
};

// Names the constraint that forces a failed certificate, or nullopt when none is to blame.
using BlameFunction = std::function<std::optional<std::string>(const Witness&)>;

Certificates computeCertificates(const FairnessInput& input, const BlameFunction& blame);

// Figures of the allocation; `bestFit` is the total fit of the best allocation under the
// same hard constraints without fairness constraints. Appends a note for each ratio
// reported as 0 because its denominator is 0.
Figures computeFigures(const FairnessInput& input, double bestFit, std::vector<std::string>& notes);

// Per-receiver totals used by the certificates and the employee statements.
struct BundleTotals {
    std::vector<double> value;
    std::vector<double> difficulty;
    std::vector<int> count;
};
BundleTotals bundleTotals(const FairnessInput& input);

}  // namespace baton
