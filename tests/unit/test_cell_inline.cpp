// The inline fast paths of cell reading (trimCell, isMissingCell, the short-cell copy of
// Table::addRow) against plain reference rules, on every short combination of the byte
// sequences those paths treat specially, and the import's id index on keys of every length.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "io/cells.h"
#include "io/csv.h"
#include "io/import_index.h"

using namespace baton;

namespace {

constexpr std::array<std::string_view, 4> kWideSpaces = {" ", "\xC2\xA0", "\xE3\x80\x80",
                                                         "\xE2\x80\xAF"};

bool startsWithSpace(std::string_view s, std::string_view& space) {
    if (!s.empty() && s.front() >= '\t' && s.front() <= '\r') {
        space = s.substr(0, 1);
        return true;
    }
    for (std::string_view w : kWideSpaces) {
        if (s.substr(0, w.size()) == w) {
            space = w;
            return true;
        }
    }
    return false;
}

bool endsWithSpace(std::string_view s, std::string_view& space) {
    if (!s.empty() && s.back() >= '\t' && s.back() <= '\r') {
        space = s.substr(s.size() - 1);
        return true;
    }
    for (std::string_view w : kWideSpaces) {
        if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) {
            space = w;
            return true;
        }
    }
    return false;
}

// Removes ASCII, no-break, narrow no-break and ideographic spaces from both ends.
std::string_view referenceTrim(std::string_view s) {
    std::string_view space;
    while (startsWithSpace(s, space)) s.remove_prefix(space.size());
    while (endsWithSpace(s, space)) s.remove_suffix(space.size());
    return s;
}

bool referenceMissing(std::string_view s) {
    s = referenceTrim(s);
    return s.empty() || s == "NULL" || s == "null" || s == "Null" || s == "N/A" || s == "#N/A";
}

// Every concatenation of up to three pieces: spaces, marker letters, markers, stray lead
// and trail bytes of the wide spaces, a Chinese character and a digit.
std::vector<std::string> cellSamples() {
    const std::vector<std::string> pieces = {
        "",    " ",    "\t",   "\r",   "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\xAF",
        "a",   "N",    "n",    "#",    "NULL",     "null",         "Null",
        "N/A", "#N/A", "\xC2", "\xA0", "\xE2\x80", "\x80",         "\xE4\xB8\xAD",
        "1",   "\xAF", "\xE3", "\x01"};
    std::vector<std::string> out;
    for (const std::string& a : pieces) {
        for (const std::string& b : pieces) {
            for (const std::string& c : pieces) out.push_back(a + b + c);
        }
    }
    return out;
}

}  // namespace

TEST_SUITE("cell inline paths") {
    TEST_CASE("trimCell matches the reference") {
        for (const std::string& sample : cellSamples()) {
            CAPTURE(sample);
            CHECK(trimCell(sample) == referenceTrim(sample));
        }
    }

    TEST_CASE("isMissingCell matches the reference") {
        long missing = 0;
        for (const std::string& sample : cellSamples()) {
            CAPTURE(sample);
            CHECK(isMissingCell(sample) == referenceMissing(sample));
            missing += referenceMissing(sample) ? 1 : 0;
        }
        // The samples reach the slow path with markers and spaces, not only empty text.
        CHECK(missing > 1000);
    }

    TEST_CASE("table keeps cells of every length") {
        // Cells of 0 to 40 bytes, each byte distinct from its neighbours, so that a copy
        // of the wrong length or from the wrong offset shows.
        Table table;
        std::vector<std::string> texts;
        for (std::size_t length = 0; length <= 40; ++length) {
            std::string text;
            for (std::size_t i = 0; i < length; ++i) {
                text.push_back(static_cast<char>('A' + (length + i) % 26));
            }
            texts.push_back(text);
        }
        for (std::size_t row = 0; row < texts.size(); ++row) {
            std::vector<std::string_view> cells;
            for (std::size_t column = 0; column < 3; ++column) {
                cells.push_back(texts[(row + column * 7) % texts.size()]);
            }
            cells.push_back("x");
            REQUIRE(table.addRow(cells, static_cast<long>(row) + 2));
        }
        REQUIRE(table.rowCount() == texts.size());
        for (std::size_t row = 0; row < texts.size(); ++row) {
            for (std::size_t column = 0; column < 3; ++column) {
                CAPTURE(row);
                CAPTURE(column);
                CHECK(table.cell(row, column) == texts[(row + column * 7) % texts.size()]);
            }
            CHECK(table.cell(row, 3) == "x");
            CHECK(table.cell(row, 4).empty());
            CHECK(table.sourceLine(row) == static_cast<long>(row) + 2);
        }
    }

    TEST_CASE("id index finds keys of every length") {
        // Keys of 0 to 40 bytes that differ from each other in one byte at every position,
        // some with NUL and high bytes, so that a hash reading too few bytes collides.
        std::vector<std::string> keys;
        for (std::size_t length = 0; length <= 40; ++length) {
            std::string base(length, 'k');
            keys.push_back(base);
            for (std::size_t at = 0; at < length; ++at) {
                for (char c : {'\0', 'z', '\xE5'}) {
                    std::string key = base;
                    key[at] = c;
                    keys.push_back(key);
                }
            }
        }
        import_detail::TextIndex index;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            auto [value, inserted] = index.emplace(keys[i], static_cast<int>(i));
            CAPTURE(i);
            CHECK(inserted);
            CHECK(*value == static_cast<int>(i));
        }
        CHECK(index.size() == keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const int* found = index.find(keys[i]);
            CAPTURE(i);
            REQUIRE(found != nullptr);
            CHECK(*found == static_cast<int>(i));
            CHECK_FALSE(index.emplace(keys[i], -1).second);
        }
        CHECK(index.find(std::string(41, 'k')) == nullptr);
        CHECK(index.find("kkkkkkkkq") == nullptr);
    }
}
