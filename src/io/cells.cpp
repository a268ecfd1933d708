#include "io/cells.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

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

// The characters std::isspace accepts in the "C" locale.
bool isAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The value of a run of at most 18 ASCII digits.
long long digitValue(std::string_view digits) {
    long long value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Strips one leading currency sign, if any.
std::string_view stripCurrency(std::string_view s) {
    constexpr std::array<std::string_view, 6> kSigns = {"\xC2\xA5", "\xEF\xBF\xA5", "$",
                                                        "\xE2\x82\xAC", "\xC2\xA3", "RMB"};
    for (std::string_view sign : kSigns) {
        if (startsWith(s, sign)) return trimCell(s.substr(sign.size()));
    }
    return s;
}

// Text written into a caller's buffer that has room for as many characters as the input
// and kPowerRoom more, since normaliseDigits never writes more characters than it reads and
// appendPower adds at most three and the NUL.
struct CharSink {
    char* data;
    std::size_t size = 0;

    void push_back(char c) { data[size++] = c; }
    void append(std::string_view text) {
        std::memcpy(data + size, text.data(), text.size());
        size += text.size();
    }
};

// Rewrites the digits of `s` as plain ASCII for strtod ("1234.5", "-1e3"); false when a
// character or a thousands group does not fit.
bool normaliseDigits(std::string_view s, char decimal, CharSink& out) {
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

// Converts the plain ASCII number normaliseDigits wrote ("-1234.50", "1e3"), NUL-ended.
// Up to 15 significant digits and 22 decimals without an exponent are converted exactly
// by hand: the digits and the power of ten are both exact doubles, so their quotient is
// correctly rounded, as strtod's result is. Other forms go to strtod.
std::optional<double> asciiToDouble(const char* text, std::size_t length, bool& overflow) {
    constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    bool negative = false;
    if (i < length && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::uint64_t digits = 0;
    int significant = 0, decimals = 0;
    bool afterPoint = false, exact = true;
    for (; i < length && exact; ++i) {
        char c = text[i];
        if (c == '.' && !afterPoint) {
            afterPoint = true;
        } else if (isDigit(c)) {
            digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
            if (digits > 0) ++significant;
            if (afterPoint) ++decimals;
            exact = significant <= 15 && decimals <= 22;
        } else {
            exact = false;  // an exponent
        }
    }
    if (exact) {
        double value = static_cast<double>(digits) / kPowersOfTen[decimals];
        return negative ? -value : value;
    }
    char* end = nullptr;
    double value = std::strtod(text, &end);
    if (end == text || *end != '\0') return std::nullopt;
    if (!std::isfinite(value)) {
        overflow = true;
        return std::nullopt;
    }
    return value;
}

// The date as "YYYY-MM-DD", or nullopt when that day does not exist (2023-02-30).
std::optional<IsoDate> isoOf(long long year, long long month, long long day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (day > daysInMonth(int(year), int(month))) return std::nullopt;
    IsoDate date{{'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'}};
    for (int i = 3; i >= 0; --i, year /= 10) date.text[i] = static_cast<char>('0' + year % 10);
    date.text[5] = static_cast<char>('0' + month / 10);
    date.text[6] = static_cast<char>('0' + month % 10);
    date.text[8] = static_cast<char>('0' + day / 10);
    date.text[9] = static_cast<char>('0' + day % 10);
    return date;
}

// The IsoDate of an Excel serial day number, or nullopt where excelSerialToIso gives none.
std::optional<IsoDate> serialDate(double serial) {
    std::optional<std::string> iso = excelSerialToIso(serial);
    if (!iso || iso->size() != sizeof(IsoDate::text)) return std::nullopt;
    IsoDate date;
    std::memcpy(date.text, iso->data(), sizeof date.text);
    return date;
}

// Splits `s` into three runs of 1 to 4 digits with one non-digit character between runs,
// returned in `parts` and `seps`. Any other shape gives false.
bool splitThreeDigitRuns(std::string_view s, long long (&parts)[3], char (&seps)[2]) {
    std::size_t i = 0;
    int count = 0;
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && isDigit(s[i])) ++i;
        if (i == start || i - start > 4 || count == 3) return false;
        parts[count] = digitValue(s.substr(start, i - start));
        if (i < s.size()) {
            if (count == 2) return false;
            seps[count] = s[i++];
        }
        ++count;
    }
    return count == 3 && isDigit(s.back());
}

// Removes a time after the date: "2023-09-01 10:30:00", "2023-09-01T10:30".
std::string_view dropTime(std::string_view s) {
    std::size_t cut = 0;
    while (cut < s.size() && s[cut] != ' ' && s[cut] != 'T') ++cut;
    if (cut == s.size()) cut = std::string_view::npos;
    if (cut != std::string_view::npos && s.find(':', cut) != std::string_view::npos) {
        return s.substr(0, cut);
    }
    return s;
}

std::optional<IsoDate> parseChineseDate(std::string_view s) {
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
    return isoOf(digitValue(year), digitValue(month), digitValue(day));
}

// The text with each no-break space (C2 A0), a thousands separator in decimal-comma
// locales, replaced by a space.
std::string spacedNoBreaks(std::string_view s) {
    std::string spaced;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool noBreak = s.substr(i, 2) == "\xC2\xA0";
        spaced.push_back(noBreak ? ' ' : s[i]);
        if (noBreak) ++i;
    }
    return spaced;
}

// The room that appendPower needs after the digits: "e12" and the terminating NUL.
constexpr std::size_t kPowerRoom = 4;

// Appends the exponent of a multiplier (10^power, power 0, 4, 8 or 12) to the ASCII digits.
// False for digits that have an exponent already, since "1e3万" is no way to write a number.
bool appendPower(CharSink& ascii, int power) {
    if (power == 0) return true;
    std::string_view digits(ascii.data, ascii.size);
    if (digits.find_first_of("eE") != std::string_view::npos) return false;
    ascii.push_back('e');
    if (power >= 10) ascii.push_back(static_cast<char>('0' + power / 10));
    ascii.push_back(static_cast<char>('0' + power % 10));
    return true;
}

// Converts digits too long for the stack buffer of convertDigits, through a heap buffer.
std::optional<double> convertLongDigits(std::string_view s, char decimal, int power,
                                        bool& overflow) {
    std::string buffer(s.size() + kPowerRoom, '\0');
    CharSink ascii{buffer.data()};
    if (!normaliseDigits(s, decimal, ascii) || !appendPower(ascii, power)) return std::nullopt;
    ascii.data[ascii.size] = '\0';
    return asciiToDouble(ascii.data, ascii.size, overflow);
}

// Converts the digits of a number whose sign, currency, percent and units are removed, times
// 10^power. The power goes into the text as an exponent, so that strtod rounds the product
// once ("0.07万" is exactly 700). Short text uses a stack buffer, so that this path has
// nothing to destroy: under Emscripten's JavaScript exceptions, a call from a frame with
// destructors goes through a slow wrapper.
std::optional<double> convertDigits(std::string_view s, char decimal, int power, bool& overflow) {
    char small[64];
    if (s.size() + kPowerRoom > sizeof small) {
        return convertLongDigits(s, decimal, power, overflow);
    }
    CharSink ascii{small};
    if (!normaliseDigits(s, decimal, ascii) || !appendPower(ascii, power)) return std::nullopt;
    ascii.data[ascii.size] = '\0';
    return asciiToDouble(ascii.data, ascii.size, overflow);
}

// Removes the Chinese units written after an amount and returns the power of ten they
// multiply by: 元 (yuan, the currency unit itself) last, and before it one multiplier,
// 万 (10^4), 亿 (10^8) or 万亿 (10^12). Text without them is left as it is, with power 0.
int stripChineseUnits(std::string_view& s) {
    // The units' last UTF-8 bytes: 元 E5 85 83, 万 E4 B8 87, 亿 E4 BA BF.
    if (s.empty() || static_cast<unsigned char>(s.back()) < 0x80) return 0;
    constexpr std::string_view kYuan = "\xE5\x85\x83", kWan = "\xE4\xB8\x87", kYi = "\xE4\xBA\xBF";
    auto strip = [&s](std::string_view unit) {
        if (!endsWith(s, unit)) return false;
        s = trimCell(s.substr(0, s.size() - unit.size()));
        return true;
    };
    strip(kYuan);
    int power = strip(kYi) ? 8 : 0;
    if (strip(kWan)) power += 4;
    return power;
}

// parseNumber on trimmed text without full-width forms, setting `overflow` when the text is
// a number too large for a double. With `units`, Chinese units after the number count.
std::optional<double> parsePlainNumber(std::string_view s, DecimalMark mark, bool units,
                                       bool& overflow) {
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
    int power = units ? stripChineseUnits(s) : 0;
    double scale = 1.0;
    if (endsWith(s, "%")) {
        // A percentage of 万 or 元 means nothing.
        if (power != 0) return std::nullopt;
        scale = 0.01;
        s = trimCell(s.substr(0, s.size() - 1));
    }
    char decimal = mark == DecimalMark::Point ? '.' : ',';
    std::optional<double> value;
    if (mark == DecimalMark::Comma && s.find("\xC2\xA0") != std::string_view::npos) {
        value = convertDigits(spacedNoBreaks(s), decimal, power, overflow);
    } else {
        value = convertDigits(s, decimal, power, overflow);
    }
    if (!value) return std::nullopt;
    *value *= scale;
    return negative ? -*value : *value;
}

// True when `s` has a full-width form (U+FF01 to U+FF5E, whose UTF-8 starts EF BC or EF BD).
bool hasFullWidthForm(std::string_view s) {
    for (std::size_t at = s.find('\xEF'); at != std::string_view::npos;
         at = s.find('\xEF', at + 1)) {
        if (at + 2 < s.size() && (s[at + 1] == '\xBC' || s[at + 1] == '\xBD')) return true;
    }
    return false;
}

// The text with each full-width form of an ASCII character replaced by that character. The
// forms are U+FF01 to U+FF5E, 0xFEE0 above U+0021 to U+007E: the digits, signs, point,
// comma, percent sign, parentheses and letters a Chinese input method types in full-width
// mode.
std::string asciiFromFullWidth(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto lead = static_cast<unsigned char>(s[i]);
        if (lead == 0xEF && i + 2 < s.size()) {
            auto second = static_cast<unsigned char>(s[i + 1]);
            auto third = static_cast<unsigned char>(s[i + 2]);
            // EF BC 81..BF is U+FF01..FF3F and EF BD 80..9E is U+FF40..FF5E.
            bool low = second == 0xBC && third >= 0x81 && third <= 0xBF;
            bool high = second == 0xBD && third >= 0x80 && third <= 0x9E;
            if (low || high) {
                out.push_back(static_cast<char>((high ? 0x60 : 0x20) + (third - 0x80)));
                i += 2;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

// parsePlainNumber of the text with its full-width forms read as ASCII. Out of line, so that
// the string it makes is destroyed in this frame and not in the caller's (see convertDigits).
[[gnu::noinline]] std::optional<double> parseFullWidthNumber(std::string_view s, DecimalMark mark,
                                                             bool units, bool& overflow) {
    std::string ascii = asciiFromFullWidth(s);
    return parsePlainNumber(trimCell(ascii), mark, units, overflow);
}

// parseNumber, setting `overflow` when the text is a number too large for a double.
std::optional<double> parseNumberChecked(std::string_view text, DecimalMark mark, bool units,
                                         bool& overflow) {
    std::string_view s = trimCell(text);
    if (hasFullWidthForm(s)) return parseFullWidthNumber(s, mark, units, overflow);
    return parsePlainNumber(s, mark, units, overflow);
}

}  // namespace

namespace cell_detail {

// The slow part of trimCell, for a cell that may start or end with white space.
std::string_view trimSpaces(std::string_view text) {
    constexpr std::array<std::string_view, 3> kWide = {"\xC2\xA0", "\xE3\x80\x80",
                                                       "\xE2\x80\xAF"};
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        if (isAsciiSpace(static_cast<unsigned char>(text.front()))) {
            text.remove_prefix(1);
            changed = true;
        } else if (isAsciiSpace(static_cast<unsigned char>(text.back()))) {
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

// The slow part of isMissingCell, for a cell that may start with white space or a marker.
bool isMissingSlow(std::string_view text) {
    text = trimCell(text);
    return text.empty() || text == "NULL" || text == "null" || text == "Null" || text == "N/A" ||
           text == "#N/A";
}

}  // namespace cell_detail

std::optional<double> parseNumber(std::string_view text, DecimalMark mark) {
    bool overflow = false;
    return parseNumberChecked(text, mark, true, overflow);
}

bool isNumberOutOfRange(std::string_view text, DecimalMark mark) {
    bool overflow = false;
    parseNumberChecked(text, mark, true, overflow);
    return overflow;
}

bool isExcelMangledNumber(std::string_view text) {
    std::string_view s = trimCell(text);
    // The mantissa is digits with at most one point, so most ids fail on the first byte.
    if (s.empty() || !(isDigit(s.front()) || s.front() == '.')) return false;
    std::size_t e = 0;
    while (e < s.size() && s[e] != 'e' && s[e] != 'E') ++e;
    if (e == s.size() || e == 0 || e + 2 > s.size()) return false;
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

namespace {

// parseDate of the text with its full-width forms read as ASCII (２０２７－０１－０５,
// ２０２７／１／５). Out of line for the same reason as parseFullWidthNumber.
[[gnu::noinline]] std::optional<IsoDate> parseFullWidthDate(std::string_view s, bool allowSerial) {
    std::string ascii = asciiFromFullWidth(s);
    return parseDate(ascii, allowSerial);
}

}  // namespace

std::optional<IsoDate> parseDate(std::string_view text, bool allowSerial) {
    std::string_view trimmed = trimCell(text);
    if (hasFullWidthForm(trimmed)) return parseFullWidthDate(trimmed, allowSerial);
    std::string_view s = dropTime(trimmed);
    if (s.empty()) return std::nullopt;
    // 年 (E5 B9 B4) is searched for only in text with a non-ASCII byte.
    bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    if (!ascii && s.find("\xE5\xB9\xB4") != std::string_view::npos) return parseChineseDate(s);
    long long parts[3] = {0, 0, 0};
    char seps[2] = {0, 0};
    bool allDigits = std::all_of(s.begin(), s.end(), isDigit);
    if (allDigits && s.size() == 8) {
        long long v = digitValue(s);
        if (auto iso = isoOf(v / 10000, v / 100 % 100, v % 100)) return iso;
    }
    if (!allDigits && splitThreeDigitRuns(s, parts, seps) && seps[0] == seps[1] &&
        (seps[0] == '-' || seps[0] == '/' || seps[0] == '.')) {
        std::size_t firstLength = s.find(seps[0]);
        if (firstLength == 4) return isoOf(parts[0], parts[1], parts[2]);
        if (s.size() - s.rfind(seps[0]) - 1 != 4) return std::nullopt;
        if (seps[0] == '.' || parts[0] > 12) return isoOf(parts[2], parts[1], parts[0]);
        if (parts[1] > 12) return isoOf(parts[2], parts[0], parts[1]);
        return std::nullopt;
    }
    if (allowSerial) {
        // Without units, so that "4.5万" is no serial day number.
        bool overflow = false;
        if (auto number = parseNumberChecked(s, DecimalMark::Point, false, overflow)) {
            return serialDate(*number);
        }
    }
    return std::nullopt;
}

std::optional<std::string> parseDateCell(std::string_view text, bool allowSerial) {
    std::optional<IsoDate> date = parseDate(text, allowSerial);
    if (!date) return std::nullopt;
    return std::string(date->view());
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
