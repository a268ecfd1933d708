#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "core/fixed_text.h"

namespace {

std::string printed(double x, int decimals) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
}

}  // namespace

TEST_CASE("fixedText: hand-picked values match printf") {
    const double values[] = {0.0,   -0.0,    0.125, 0.375,  2.675,    1.005, -0.001,
                             -0.5,  0.5,     1.5,   2.5,    -2.5,     9.995, 999999.9999,
                             1e12,  -1e12,   1e-9,  -1e-9,  123.456,  0.045, 7.0,
                             1e300, -1e-300, 4.35,  0.0625, 1234.5678};
    for (double x : values) {
        for (int decimals = 0; decimals <= 8; ++decimals) {
            CAPTURE(x);
            CAPTURE(decimals);
            CHECK(baton::fixedText(x, decimals) == printed(x, decimals));
        }
    }
}

TEST_CASE("fixedText: non-finite values match printf") {
    double inf = std::numeric_limits<double>::infinity();
    double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(baton::fixedText(inf, 2) == printed(inf, 2));
    CHECK(baton::fixedText(-inf, 3) == printed(-inf, 3));
    CHECK(baton::fixedText(nan, 2) == printed(nan, 2));
}

TEST_CASE("fixedText: random values match printf") {
    std::mt19937_64 rng(20261205);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_int_distribution<int> exponent(-8, 10);
    std::uniform_int_distribution<int> places(0, 6);
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
        double x = unit(rng) * std::pow(10.0, exponent(rng));
        int decimals = places(rng);
        if (baton::fixedText(x, decimals) != printed(x, decimals)) ++mismatches;
    }
    CHECK(mismatches == 0);
}

TEST_CASE("fixedText: exact ties match printf") {
    // k + 0.5 at each scale: exact binary ties for the integer part, near-ties for the rest.
    int mismatches = 0;
    for (int decimals = 0; decimals <= 6; ++decimals) {
        double scale = std::pow(10.0, decimals);
        for (int k = -2000; k <= 2000; ++k) {
            double x = (k + 0.5) / scale;
            if (baton::fixedText(x, decimals) != printed(x, decimals)) ++mismatches;
        }
    }
    CHECK(mismatches == 0);
}
