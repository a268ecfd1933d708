#include "io/cells.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/dates.h"

namespace baton {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Strips one leading currency sign, if any.
std::string_view stripCurrency(std::string_view s) {
    constexpr std::array<std::string_view, 6> kSigns = {"\xC2\xA5", "\xEF\xBF\xA5", "$",
                                                        "\xE2\x82\xAC", "\xC2\xA3", "RMB"};
    for (std::string_view sign : kSigns) {
        if (startsWith(s, sign)) return trimCell(s.substr(sign.size()));
    }
    return s;
}

// Rewrites the digits of `s` as plain ASCII for strtod ("1234.5", "-1e3"); false when a
// character or a thousands group does not fit.
bool normaliseDigits(std::string_view s, char decimal, std::string& out) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) out.push_back(s[i++]);
    int groupDigits = -1;  // digits since the last thousands separator; -1 before any
    int leadingDigits = 0;
    bool seenDecimal = false, seenDigit = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (isDigit(c)) {
            out.push_back(c);
            seenDigit = true;
            if (seenDecimal) continue;
            if (groupDigits >= 0) ++groupDigits;
            else ++leadingDigits;
            continue;
        }
        bool thousands = !seenDecimal && (decimal == '.' ? c == ',' : (c == '.' || c == ' '));
        if (thousands) {
            if ((groupDigits < 0 && (leadingDigits == 0 || leadingDigits > 3)) ||
                (groupDigits >= 0 && groupDigits != 3)) {
                return false;
            }
            groupDigits = 0;
            continue;
        }
        if (c == decimal && !seenDecimal) {
            if (groupDigits >= 0 && groupDigits != 3) return false;
            seenDecimal = true;
            out.push_back('.');
            continue;
        }
        if ((c == 'e' || c == 'E') && seenDigit) {
            if (groupDigits >= 0 && groupDigits != 3) return false;
            out.append(s.substr(i));
            for (std::size_t k = i + 1; k < s.size(); ++k) {
                if (!isDigit(s[k]) && !((s[k] == '+' || s[k] == '-') && k == i + 1)) return false;
            }
            return isDigit(s.back());
        }
        return false;
    }
    if (!seenDecimal && groupDigits >= 0 && groupDigits != 3) return false;
    return seenDigit;
}

std::optional<std::string> isoOf(long long year, long long month, long long day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    char text[16];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", year, month, day);
    if (!parseIsoDate(text)) return std::nullopt;
    return std::string(text);
}

// Splits `s` into runs of digits separated by single non-digit separators; the separators
// are returned in `seps`. False when a run is empty or longer than 4 digits.
bool splitDigitRuns(std::string_view s, std::vector<long long>& parts, std::string& seps) {
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && isDigit(s[i])) ++i;
        if (i == start || i - start > 4) return false;
        parts.push_back(std::atoll(std::string(s.substr(start, i - start)).c_str()));
        if (i < s.size()) seps.push_back(s[i++]);
    }
    return !s.empty() && isDigit(s.back());
}

// Removes a time after the date: "2023-09-01 10:30:00", "2023-09-01T10:30".
std::string_view dropTime(std::string_view s) {
    std::size_t cut = s.find_first_of(" T");
    if (cut != std::string_view::npos && s.find(':', cut) != std::string_view::npos) {
        return s.substr(0, cut);
    }
    return s;
}

std::optional<std::string> parseChineseDate(std::string_view s) {
    // 2023年9月1日: year, 年 (E5 B9 B4), month, 月 (E6 9C 88), day, optional 日 (E6 97 A5).
    std::size_t y = s.find("\xE5\xB9\xB4");
    std::size_t m = s.find("\xE6\x9C\x88");
    if (y == std::string_view::npos || m == std::string_view::npos || m < y) return std::nullopt;
    std::string_view year = s.substr(0, y), month = s.substr(y + 3, m - y - 3);
    std::string_view day = s.substr(m + 3);
    if (endsWith(day, "\xE6\x97\xA5")) day.remove_suffix(3);
    for (std::string_view part : {year, month, day}) {
        if (part.empty() || part.size() > 4) return std::nullopt;
        for (char c : part) {
            if (!isDigit(c)) return std::nullopt;
        }
    }
    return isoOf(std::atoll(std::string(year).c_str()), std::atoll(std::string(month).c_str()),
                 std::atoll(std::string(day).c_str()));
}

}  // namespace

std::string_view trimCell(std::string_view text) {
    constexpr std::array<std::string_view, 3> kWide = {"\xC2\xA0", "\xE3\x80\x80",
                                                       "\xE2\x80\xAF"};
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        if (std::isspace(static_cast<unsigned char>(text.front()))) {
            text.remove_prefix(1);
            changed = true;
        } else if (std::isspace(static_cast<unsigned char>(text.back()))) {
            text.remove_suffix(1);
            changed = true;
        }
        for (std::string_view w : kWide) {
            if (startsWith(text, w)) text.remove_prefix(w.size()), changed = true;
            if (endsWith(text, w)) text.remove_suffix(w.size()), changed = true;
        }
    }
    return text;
}

bool isMissingCell(std::string_view text) {
    text = trimCell(text);
    return text.empty() || text == "NULL" || text == "null" || text == "Null" || text == "N/A" ||
           text == "#N/A";
}

std::optional<double> parseNumber(std::string_view text, DecimalMark mark) {
    std::string_view s = trimCell(text);
    bool negative = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        negative = true;
        s = trimCell(s.substr(1, s.size() - 2));
    }
    if (!s.empty() && s.front() == '-' && !negative) {
        negative = true;
        s = trimCell(s.substr(1));
    }
    s = stripCurrency(s);
    double scale = 1.0;
    if (endsWith(s, "%")) {
        scale = 0.01;
        s = trimCell(s.substr(0, s.size() - 1));
    }
    std::string ascii;
    // A no-break space (C2 A0) is a thousands separator in decimal-comma locales.
    std::string plain;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (mark == DecimalMark::Comma && s.substr(i, 2) == "\xC2\xA0") {
            plain.push_back(' ');
            ++i;
        } else {
            plain.push_back(s[i]);
        }
    }
    if (!normaliseDigits(plain, mark == DecimalMark::Point ? '.' : ',', ascii)) {
        return std::nullopt;
    }
    char* end = nullptr;
    double value = std::strtod(ascii.c_str(), &end);
    if (end == ascii.c_str() || *end != '\0' || !std::isfinite(value)) return std::nullopt;
    value *= scale;
    return negative ? -value : value;
}

bool isExcelMangledNumber(std::string_view text) {
    std::string_view s = trimCell(text);
    std::size_t e = s.find_first_of("eE");
    if (e == std::string_view::npos || e == 0 || e + 2 > s.size()) return false;
    std::string_view mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    if (exponent.front() == '+') exponent.remove_prefix(1);
    if (exponent.empty()) return false;
    for (char c : exponent) {
        if (!isDigit(c)) return false;
    }
    std::size_t dot = mantissa.find('.');
    for (std::size_t i = 0; i < mantissa.size(); ++i) {
        if (i != dot && !isDigit(mantissa[i])) return false;
    }
    return true;
}

std::optional<std::string> excelSerialToIso(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
    long long whole = static_cast<long long>(std::floor(serial));
    if (whole == 60) return std::nullopt;
    // Excel counts 1900-02-29, which never existed, so serials from 61 on are one day ahead.
    long long base = daysFromCivil(1899, 12, whole < 60 ? 31 : 30);
    return formatIsoDate(base + whole);
}

std::optional<std::string> parseDateCell(std::string_view text, bool allowSerial) {
    std::string_view s = dropTime(trimCell(text));
    if (s.empty()) return std::nullopt;
    if (s.find("\xE5\xB9\xB4") != std::string_view::npos) return parseChineseDate(s);
    std::vector<long long> parts;
    std::string seps;
    bool allDigits = s.find_first_not_of("0123456789") == std::string_view::npos;
    if (allDigits && s.size() == 8) {
        long long v = std::atoll(std::string(s).c_str());
        if (auto iso = isoOf(v / 10000, v / 100 % 100, v % 100)) return iso;
    }
    if (!allDigits && splitDigitRuns(s, parts, seps) && parts.size() == 3 && seps.size() == 2 &&
        seps[0] == seps[1] && (seps[0] == '-' || seps[0] == '/' || seps[0] == '.')) {
        std::size_t firstLength = s.find(seps[0]);
        if (firstLength == 4) return isoOf(parts[0], parts[1], parts[2]);
        if (s.size() - s.rfind(seps[0]) - 1 != 4) return std::nullopt;
        if (seps[0] == '.' || parts[0] > 12) return isoOf(parts[2], parts[1], parts[0]);
        if (parts[1] > 12) return isoOf(parts[2], parts[0], parts[1]);
        return std::nullopt;
    }
    if (allowSerial) {
        if (auto number = parseNumber(s)) return excelSerialToIso(*number);
    }
    return std::nullopt;
}

std::optional<bool> parseBoolCell(std::string_view text) {
    std::string s(trimCell(text));
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "true" || s == "yes" || s == "y" || s == "1" || s == "x" || s == "\xE6\x98\xAF") {
        return true;
    }
    if (s == "false" || s == "no" || s == "n" || s == "0" || s == "\xE5\x90\xA6") return false;
    return std::nullopt;
}

}  // namespace baton
