#include "core/normalise.h"

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

// Indices of the present, finite values, sorted by value and then by index.
std::vector<std::size_t> sortedPresent(const OptionalValues& values) {
    std::vector<std::size_t> order;
    order.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] && std::isfinite(*values[i])) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (*values[a] != *values[b]) return *values[a] < *values[b];
        return a < b;
    });
    return order;
}

std::vector<double> sortedPresentValues(const OptionalValues& values) {
    std::vector<double> present;
    present.reserve(values.size());
    for (const auto& v : values) {
        if (v && std::isfinite(*v)) present.push_back(*v);
    }
    std::sort(present.begin(), present.end());
    return present;
}

}  // namespace

OptionalValues percentileRank(const OptionalValues& values) {
    OptionalValues result(values.size());
    std::vector<std::size_t> order = sortedPresent(values);
    const std::size_t n = order.size();
    if (n == 0) return result;
    if (n == 1) {
        result[order[0]] = 50.0;
        return result;
    }
    std::size_t start = 0;
    while (start < n) {
        std::size_t end = start + 1;
        while (end < n && *values[order[end]] == *values[order[start]]) ++end;
        // The tied run holds 0-based positions start..end-1; its average 0-based rank is
        // their midpoint, which is r - 1 for the average 1-based rank r.
        const double averageRank = 0.5 * static_cast<double>(start + end - 1);
        const double percentile = 100.0 * averageRank / static_cast<double>(n - 1);
        for (std::size_t k = start; k < end; ++k) result[order[k]] = percentile;
        start = end;
    }
    return result;
}

std::optional<WinsorBounds> winsorBounds(const OptionalValues& values) {
    std::vector<double> present = sortedPresentValues(values);
    const std::size_t n = present.size();
    if (n == 0) return std::nullopt;
    const std::size_t k = n / 20;
    return WinsorBounds{present[k], present[n - 1 - k]};
}

OptionalValues winsorisedMinMax(const OptionalValues& values) {
    OptionalValues result(values.size());
    std::optional<WinsorBounds> bounds = winsorBounds(values);
    if (!bounds) return result;
    const double span = bounds->high - bounds->low;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i] || !std::isfinite(*values[i])) continue;
        if (!(span > 0.0) || !std::isfinite(span)) {
            result[i] = 50.0;
            continue;
        }
        const double clipped = std::clamp(*values[i], bounds->low, bounds->high);
        result[i] = std::clamp(100.0 * (clipped - bounds->low) / span, 0.0, 100.0);
    }
    return result;
}

OptionalValues normalise(const OptionalValues& values, Normalisation method) {
    return method == Normalisation::WinsorisedMinMax ? winsorisedMinMax(values)
                                                     : percentileRank(values);
}

std::optional<double> median(const OptionalValues& values) {
    return quantile(values, 0.5);
}

std::optional<double> quantile(const OptionalValues& values, double q) {
    std::vector<double> present = sortedPresentValues(values);
    if (present.empty()) return std::nullopt;
    const double position = static_cast<double>(present.size() - 1) * std::clamp(q, 0.0, 1.0);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, present.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return present[below] + fraction * (present[above] - present[below]);
}

}  // namespace baton
