#include <doctest/doctest.h>

#include <cstdio>

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

    TEST_CASE("parse agrees with the civil round trip") {
        // The rule parseIsoDate used before its month-length check: a date is real when
        // its day number converts back to the same year, month and day.
        auto roundTrips = [](int year, int month, int day) {
            int y = 0, m = 0, d = 0;
            civilFromDays(daysFromCivil(year, month, day), y, m, d);
            return y == year && m == month && d == day;
        };
        long long accepted = 0;
        for (int year : {0, 1, 4, 100, 400, 1600, 1900, 1999, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 1; month <= 12; ++month) {
                for (int day = 1; day <= 31; ++day) {
                    char text[16];
                    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
                    bool real = roundTrips(year, month, day);
                    CAPTURE(text);
                    CHECK(parseIsoDate(text).has_value() == real);
                    if (real) CHECK(*parseIsoDate(text) == daysFromCivil(year, month, day));
                    accepted += real ? 1 : 0;
                }
            }
        }
        // 13 years of 365 days, plus 29 February of the leap years 0, 4, 400, 1600, 2000, 2024.
        CHECK(accepted == 13 * 365 + 6);
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
