// Reading the text of one imported cell as a value: missing markers, numbers written with
// thousands separators or decimal commas, dates in the forms spreadsheets and Chinese
// exports use, and ids, which stay text (leading zeros kept).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace baton {

enum class DecimalMark { Point, Comma };

namespace cell_detail {

// True when `c` begins none of the white space that trimCell removes: ASCII spaces and the
// no-break, narrow no-break and ideographic spaces, whose lead bytes are C2, E2 and E3.
constexpr bool isPlainFront(unsigned char c) {
    return c != ' ' && (c < '\t' || c > '\r') && c != 0xC2 && c != 0xE2 && c != 0xE3;
}

// True when `c` ends none of that white space (last bytes A0, AF and 80 for the wide ones).
constexpr bool isPlainBack(unsigned char c) {
    return c != ' ' && (c < '\t' || c > '\r') && c != 0xA0 && c != 0x80 && c != 0xAF;
}

std::string_view trimSpaces(std::string_view text);
bool isMissingSlow(std::string_view text);

}  // namespace cell_detail

// The cell without leading and trailing white space (ASCII, no-break and ideographic space).
// Inline, because an import calls it on every cell and most cells have nothing to trim.
inline std::string_view trimCell(std::string_view text) {
    if (text.empty()) return text;
    if (cell_detail::isPlainFront(static_cast<unsigned char>(text.front())) &&
        cell_detail::isPlainBack(static_cast<unsigned char>(text.back()))) {
        return text;
    }
    return cell_detail::trimSpaces(text);
}

// True for an empty cell and the markers spreadsheets write for "no value": NULL, null,
// N/A, #N/A.
inline bool isMissingCell(std::string_view text) {
    if (text.empty()) return true;
    // Trimming keeps a first byte that begins no white space, and no marker starts with
    // a byte other than N, n or #.
    auto first = static_cast<unsigned char>(text.front());
    if (cell_detail::isPlainFront(first) && first != 'N' && first != 'n' && first != '#') {
        return false;
    }
    return cell_detail::isMissingSlow(text);
}

// Parses a number: optional sign, currency sign (¥ ￥ $ € £ RMB), thousands separators (','
// with DecimalMark::Point; '.', space or no-break space with DecimalMark::Comma), a decimal
// mark, an exponent, a trailing '%' (divides by 100), or accounting parentheses for a
// negative number. Thousands groups must have three digits. As Chinese spreadsheets write
// amounts, full-width digits and signs (１２．５, －３，０００) read as ASCII, and a trailing
// 元 (yuan) is a unit, after an optional multiplier 万 (10^4), 亿 (10^8) or 万亿 (10^12):
// "￥1.2万元" is 12000. A multiplier with '%' or an exponent is rejected. Nullopt when it is
// no number.
std::optional<double> parseNumber(std::string_view text, DecimalMark mark = DecimalMark::Point);

// True when `text` is written as parseNumber reads a number but its magnitude is beyond
// the range of a double (about 1.8e308), as "1e999" is. parseNumber gives nullopt for it.
bool isNumberOutOfRange(std::string_view text, DecimalMark mark = DecimalMark::Point);

// True for text like "2.77414E+11": a number in scientific notation, which is how Excel
// shows (and, once saved as CSV, keeps) a long numeric id whose last digits are lost.
bool isExcelMangledNumber(std::string_view text);

// The ISO date of an Excel serial day number in the 1900 date system (1 is 1900-01-01;
// 60 is Excel's nonexistent 1900-02-29 and gives nullopt). The fraction (time) is ignored.
std::optional<std::string> excelSerialToIso(double serial);

// An ISO date "YYYY-MM-DD" stored in place, so that parsing a date allocates nothing.
struct IsoDate {
    char text[10];

    std::string_view view() const { return std::string_view(text, sizeof text); }
};

// Parses a date as parseDateCell does, into an IsoDate.
std::optional<IsoDate> parseDate(std::string_view text, bool allowSerial = true);

// Parses a date as ISO "YYYY-MM-DD": 2023-9-1, 2023/09/01, 2023.9.1, 20230901, 01.09.2023
// (day first), 2023年9月1日, D/M/YYYY or M/D/YYYY when the day is over 12 (else ambiguous,
// nullopt), any of them followed by a time, and, when `allowSerial`, an Excel serial number.
std::optional<std::string> parseDateCell(std::string_view text, bool allowSerial = true);

// Parses yes/no cells: true, yes, y, 1, 是, x; false, no, n, 0, 否. Nullopt otherwise.
std::optional<bool> parseBoolCell(std::string_view text);

}  // namespace baton
