#include <doctest/doctest.h>

#include "core/normalise.h"

using namespace baton;

TEST_SUITE("normalise") {
    TEST_CASE("percentile rank averages ties") {
        // Sorted: 10 (position 0), 20 and 20 (positions 1 and 2, average 1.5), 40 (3).
        // Percentile = 100 * position / (n - 1) with n - 1 = 3.
        OptionalValues result = percentileRank({20.0, 10.0, 40.0, 20.0});
        REQUIRE(result.size() == 4);
        CHECK(*result[0] == doctest::Approx(50.0));
        CHECK(*result[1] == doctest::Approx(0.0));
        CHECK(*result[2] == doctest::Approx(100.0));
        CHECK(*result[3] == doctest::Approx(50.0));
    }

    TEST_CASE("percentile rank skips missing values") {
        OptionalValues result = percentileRank({std::nullopt, 5.0, 7.0});
        CHECK_FALSE(result[0].has_value());
        CHECK(*result[1] == 0.0);
        CHECK(*result[2] == 100.0);
    }

    TEST_CASE("single or equal values give 50") {
        CHECK(*percentileRank({3.0})[0] == 50.0);
        CHECK(*winsorisedMinMax({3.0})[0] == 50.0);
        for (const auto& v : percentileRank({2.0, 2.0, 2.0})) CHECK(*v == 50.0);
        for (const auto& v : winsorisedMinMax({2.0, 2.0, 2.0})) CHECK(*v == 50.0);
        CHECK(percentileRank({}).empty());
        CHECK_FALSE(winsorisedMinMax({std::nullopt})[0].has_value());
    }

    TEST_CASE("winsorised min-max on few values is plain min-max") {
        // n = 3 gives k = floor(3 / 20) = 0: bounds 0 and 100, so 10 maps to 10.
        OptionalValues result = winsorisedMinMax({0.0, 10.0, 100.0});
        CHECK(*result[0] == 0.0);
        CHECK(*result[1] == doctest::Approx(10.0));
        CHECK(*result[2] == 100.0);
    }

    TEST_CASE("winsorised min-max clips an outlier") {
        // 1..19 and 1e12: n = 20, k = 1, so the bounds are the 2nd smallest (2) and the
        // 2nd largest (19). 10 maps to (10 - 2) / 17 * 100 = 47.0588...; 1 clips to 0.
        OptionalValues values;
        for (int i = 1; i <= 19; ++i) values.push_back(static_cast<double>(i));
        values.push_back(1e12);
        std::optional<WinsorBounds> bounds = winsorBounds(values);
        REQUIRE(bounds.has_value());
        CHECK(bounds->low == 2.0);
        CHECK(bounds->high == 19.0);
        OptionalValues result = winsorisedMinMax(values);
        CHECK(*result[0] == 0.0);
        CHECK(*result[9] == doctest::Approx(800.0 / 17.0));
        CHECK(*result[18] == 100.0);
        CHECK(*result[19] == 100.0);
    }

    TEST_CASE("median and quantile of present values") {
        CHECK(*median({1.0, 3.0, 2.0}) == 2.0);
        CHECK(*median({4.0, std::nullopt, 1.0, 3.0, 2.0}) == 2.5);
        CHECK_FALSE(median({std::nullopt}).has_value());
        CHECK(*quantile({0.0, 10.0, 20.0, 30.0, 40.0}, 0.75) == 30.0);
        CHECK(*quantile({0.0, 10.0}, 0.25) == 2.5);
    }

    TEST_CASE("dispatch follows the method") {
        OptionalValues values = {0.0, 1.0, 100.0};
        CHECK(*normalise(values, Normalisation::Percentile)[1] == 50.0);
        CHECK(*normalise(values, Normalisation::WinsorisedMinMax)[1] == doctest::Approx(1.0));
    }
}
