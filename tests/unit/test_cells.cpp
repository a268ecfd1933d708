#include <doctest/doctest.h>

#include "io/cells.h"

using namespace baton;

TEST_SUITE("cells") {
    TEST_CASE("missing markers") {
        CHECK(isMissingCell(""));
        CHECK(isMissingCell("  NULL "));
        CHECK(isMissingCell("#N/A"));
        CHECK_FALSE(isMissingCell("0"));
    }

    TEST_CASE("numbers with thousands separators") {
        CHECK(parseNumber("1,234,567.5") == 1234567.5);
        CHECK(parseNumber("¥12,000") == 12000.0);
        CHECK(parseNumber("-3.5e2") == -350.0);
        CHECK(parseNumber("(1,000)") == -1000.0);
        CHECK(parseNumber("96%") == doctest::Approx(0.96));
        CHECK_FALSE(parseNumber("12,34"));
        CHECK_FALSE(parseNumber("1,2345.0"));
        CHECK_FALSE(parseNumber("abc"));
        CHECK_FALSE(parseNumber("1.2.3"));
    }

    TEST_CASE("numbers with decimal commas") {
        CHECK(parseNumber("1.234,5", DecimalMark::Comma) == 1234.5);
        CHECK(parseNumber("1 234,5", DecimalMark::Comma) == 1234.5);
        CHECK(parseNumber("1\xC2\xA0" "234", DecimalMark::Comma) == 1234.0);
        CHECK(parseNumber("0,25", DecimalMark::Comma) == 0.25);
    }

    TEST_CASE("numbers beyond a double are out of range, not malformed") {
        CHECK_FALSE(parseNumber("1e999"));
        CHECK(isNumberOutOfRange("1e999"));
        CHECK(isNumberOutOfRange("-1e999"));
        CHECK(isNumberOutOfRange("1,5e999", DecimalMark::Comma));
        CHECK_FALSE(isNumberOutOfRange("1e30"));
        CHECK_FALSE(isNumberOutOfRange("abc"));
        CHECK_FALSE(isNumberOutOfRange("1e"));
        CHECK(parseNumber("1e30") == doctest::Approx(1e30));
    }

    TEST_CASE("excel mangled numbers") {
        CHECK(isExcelMangledNumber("2.77414E+11"));
        CHECK(isExcelMangledNumber("1E+15"));
        CHECK_FALSE(isExcelMangledNumber("277414000000"));
        CHECK_FALSE(isExcelMangledNumber("E12"));
        CHECK_FALSE(isExcelMangledNumber("C1E+5x"));
    }

    TEST_CASE("date forms") {
        CHECK(parseDateCell("2023-9-1") == "2023-09-01");
        CHECK(parseDateCell("2023/09/01") == "2023-09-01");
        CHECK(parseDateCell("01.09.2023") == "2023-09-01");
        CHECK(parseDateCell("2023年9月1日") == "2023-09-01");
        CHECK(parseDateCell("20230901") == "2023-09-01");
        CHECK(parseDateCell("2023-09-01 10:30:00") == "2023-09-01");
        CHECK(parseDateCell("25/12/2023") == "2023-12-25");
        CHECK(parseDateCell("12/25/2023") == "2023-12-25");
        CHECK_FALSE(parseDateCell("03/04/2023"));
        CHECK_FALSE(parseDateCell("2023-02-30"));
        CHECK_FALSE(parseDateCell("soon"));
    }

    TEST_CASE("excel serial numbers") {
        CHECK(parseDateCell("45170") == "2023-09-01");
        CHECK(excelSerialToIso(1) == "1900-01-01");
        CHECK(excelSerialToIso(59) == "1900-02-28");
        CHECK_FALSE(excelSerialToIso(60));
        CHECK(excelSerialToIso(61) == "1900-03-01");
        CHECK(excelSerialToIso(45170.75) == "2023-09-01");
        CHECK_FALSE(parseDateCell("45170", false));
    }

    TEST_CASE("booleans") {
        CHECK(parseBoolCell("是") == true);
        CHECK(parseBoolCell("No") == false);
        CHECK_FALSE(parseBoolCell("maybe"));
    }
}
