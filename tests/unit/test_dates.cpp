#include <doctest/doctest.h>

#include "core/dates.h"

using namespace baton;

TEST_SUITE("dates") {
    TEST_CASE("day numbers from the epoch") {
        CHECK(daysFromCivil(1970, 1, 1) == 0);
        CHECK(daysFromCivil(2000, 3, 1) == 11017);
        CHECK(daysFromCivil(1969, 12, 31) == -1);
    }

    TEST_CASE("parse accepts real calendar dates") {
        CHECK(parseIsoDate("2026-11-30") == daysFromCivil(2026, 11, 30));
        CHECK(parseIsoDate("2024-02-29").has_value());
        CHECK(parseIsoDate("2000-02-29").has_value());
    }

    TEST_CASE("parse rejects other text") {
        CHECK_FALSE(parseIsoDate("2023-02-29").has_value());
        CHECK_FALSE(parseIsoDate("1900-02-29").has_value());
        CHECK_FALSE(parseIsoDate("2026-13-01").has_value());
        CHECK_FALSE(parseIsoDate("2026-1-01").has_value());
        CHECK_FALSE(parseIsoDate("2026/01/01").has_value());
        CHECK_FALSE(parseIsoDate("2026-01-01T00:00").has_value());
        CHECK_FALSE(parseIsoDate("").has_value());
    }

    TEST_CASE("format round trip") {
        for (long long day : {-700000LL, -1LL, 0LL, 20422LL, 2932896LL}) {
            CHECK(parseIsoDate(formatIsoDate(day)) == day);
        }
        CHECK(formatIsoDate(daysFromCivil(2026, 6, 5)) == "2026-06-05");
    }

    TEST_CASE("whole months between dates") {
        long long jan31 = daysFromCivil(2026, 1, 31);
        CHECK(monthsBetween(jan31, daysFromCivil(2026, 2, 28)) == 0);
        CHECK(monthsBetween(jan31, daysFromCivil(2026, 3, 31)) == 2);
        CHECK(monthsBetween(daysFromCivil(2026, 5, 15), daysFromCivil(2025, 11, 15)) == -6);
        CHECK(monthsBetween(daysFromCivil(2026, 5, 15), daysFromCivil(2025, 11, 16)) == -5);
    }
}
