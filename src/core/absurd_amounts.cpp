#include "core/absurd_amounts.h"

#include <algorithm>
#include <cmath>

#include "core/evaluation.h"

namespace baton {

AbsurdBound absurdBound(const std::vector<double>& amounts) {
    std::vector<double> positive;
    positive.reserve(amounts.size());
    for (double a : amounts) {
        if (std::isfinite(a) && a > 0.0 && a < kAbsurdAmount) positive.push_back(a);
    }
    if (positive.size() < kAbsurdScaleCount) return {kAbsurdAmount, std::nullopt};
    auto middle = positive.begin() + std::ptrdiff_t(positive.size() / 2);
    std::nth_element(positive.begin(), middle, positive.end());
    double median = *middle;
    if (positive.size() % 2 == 0) {
        median = (median + *std::max_element(positive.begin(), middle)) / 2.0;
    }
    double bound = kAbsurdFactor * median;
    if (!(bound < kAbsurdAmount)) return {kAbsurdAmount, std::nullopt};
    return {bound, median};
}

AbsurdBounds absurdBounds(const Workspace& workspace) {
    std::vector<double> amounts;
    amounts.reserve(workspace.transactions.size());
    for (const Transaction& t : workspace.transactions) amounts.push_back(t.amount);
    std::vector<double> revenue;
    std::vector<double> potential;
    for (const Client& c : workspace.clients) {
        if (c.revenue12m) revenue.push_back(*c.revenue12m);
        if (c.potential) potential.push_back(*c.potential);
    }
    return {absurdBound(amounts), absurdBound(revenue), absurdBound(potential)};
}

}  // namespace baton
