#include "core/fixed_text.h"

#include <cmath>
#include <cstdio>

namespace baton {

namespace {

constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
constexpr int kMaxFastDecimals = 6;
// Scaled values stay below 2^31, where one rounding of the product errs by at most 2^-22,
// well inside the margin around a tie.
constexpr double kMaxFastScaled = 2147483648.0;
constexpr double kTieMargin = 1e-6;

std::string viaPrintf(double x, int decimals) {
    char buffer[400];  // DBL_MAX with its 309 integer digits fits
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
}

}  // namespace

std::string fixedText(double x, int decimals) {
    if (!std::isfinite(x) || decimals < 0 || decimals > kMaxFastDecimals) {
        return viaPrintf(x, decimals);
    }
    double scaled = std::fabs(x) * kPowers[decimals];
    if (!(scaled < kMaxFastScaled)) return viaPrintf(x, decimals);
    double whole = std::floor(scaled);
    double fraction = scaled - whole;
    // Near .5 the rounding depends on the exact binary value of x, so printf decides.
    if (std::fabs(fraction - 0.5) <= kTieMargin) return viaPrintf(x, decimals);
    long long units = static_cast<long long>(whole) + (fraction > 0.5 ? 1 : 0);
    long long scale = static_cast<long long>(kPowers[decimals]);
    // printf keeps the sign of a negative value that rounds to zero, and of -0.0.
    std::string text = std::signbit(x) ? "-" : "";
    text += std::to_string(units / scale);
    if (decimals == 0) return text;
    std::string digits = std::to_string(units % scale);
    text += '.';
    text.append(std::size_t(decimals) - digits.size(), '0');
    text += digits;
    return text;
}

}  // namespace baton
