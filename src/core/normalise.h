// Robust normalisation of one metric onto 0-100, over the values that are present. A
// missing value (std::nullopt) stays missing and takes no part in the ranks or bounds.
#pragma once

#include <optional>
#include <vector>

#include "core/policy.h"

namespace baton {

using OptionalValues = std::vector<std::optional<double>>;

// Percentile rank with ties averaged: a value whose average 1-based rank among the n
// present values is r gets 100 * (r - 1) / (n - 1), so the smallest gets 0 and the
// largest 100. One present value, or all equal, gives 50. O(n log n).
OptionalValues percentileRank(const OptionalValues& values);

// The clipping bounds of winsorised min-max: with the n present values sorted and
// k = floor(n / 20), the (k+1)-th smallest and the (k+1)-th largest value, so that the
// 5% most extreme values at each end are clipped. Absent when no value is present.
struct WinsorBounds {
    double low = 0.0;
    double high = 0.0;
};
std::optional<WinsorBounds> winsorBounds(const OptionalValues& values);

// Min-max after winsorising: each value is clipped to winsorBounds() and mapped
// linearly, low to 0 and high to 100. Equal bounds give 50 to every value. O(n log n).
OptionalValues winsorisedMinMax(const OptionalValues& values);

// Dispatches to percentileRank() or winsorisedMinMax().
OptionalValues normalise(const OptionalValues& values, Normalisation method);

// Median of the present values (the mean of the two middle ones for an even count);
// absent when no value is present.
std::optional<double> median(const OptionalValues& values);

// Quantile q in [0, 1] of the present values by linear interpolation between the
// order statistics at (n - 1) * q; absent when no value is present.
std::optional<double> quantile(const OptionalValues& values, double q);

}  // namespace baton
