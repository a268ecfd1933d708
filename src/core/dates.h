// ISO calendar dates as day numbers, with integer arithmetic only (no time zones, no
// libc time functions), so results match natively and in WebAssembly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace baton {

// Days since 1970-01-01 of a proleptic Gregorian date.
long long daysFromCivil(int year, int month, int day);
void civilFromDays(long long days, int& year, int& month, int& day);

// The days of `month` (1 to 12) in the proleptic Gregorian calendar, where year 0 is a leap
// year, as daysFromCivil counts them.
int daysInMonth(int year, int month);

// Parses a strict ISO date "YYYY-MM-DD" (a real calendar date) into a day number.
std::optional<long long> parseIsoDate(std::string_view text);
std::string formatIsoDate(long long days);

// Whole months from `from` to `to` (negative when `to` is earlier).
int monthsBetween(long long fromDays, long long toDays);

}  // namespace baton
