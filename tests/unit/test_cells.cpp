#include <doctest/doctest.h>

#include <string>

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

    TEST_CASE("full-width digits and punctuation") {
        CHECK(parseNumber("１２３") == 123.0);
        CHECK(parseNumber("３０００") == 3000.0);
        CHECK(parseNumber("１２．５") == 12.5);
        CHECK(parseNumber("－３００") == -300.0);
        CHECK(parseNumber("＋７") == 7.0);
        CHECK(parseNumber("１，２３４") == 1234.0);
        CHECK(parseNumber("１，２３４，５６７．８９") == 1234567.89);
        CHECK(parseNumber("1，234.5") == 1234.5);
        CHECK(parseNumber("（３００）") == -300.0);
        CHECK(parseNumber("９６％") == doctest::Approx(0.96));
        CHECK(parseNumber("ＲＭＢ５０００") == 5000.0);
        CHECK(parseNumber("１．２３４，５", DecimalMark::Comma) == 1234.5);
        CHECK_FALSE(parseNumber("１２，３４"));
        CHECK_FALSE(parseNumber("１．２．３"));
        CHECK_FALSE(parseNumber("１２ａ"));
    }

    TEST_CASE("chinese units and multipliers") {
        CHECK(parseNumber("5000元") == 5000.0);
        CHECK(parseNumber("5,000 元") == 5000.0);
        CHECK(parseNumber("1.5万") == 15000.0);
        CHECK(parseNumber("3万") == 30000.0);
        CHECK(parseNumber("0.07万") == 700.0);
        CHECK(parseNumber("2亿") == 200000000.0);
        CHECK(parseNumber("1.25亿") == 125000000.0);
        CHECK(parseNumber("1.5万亿") == 1.5e12);
        CHECK(parseNumber("-1.5万") == -15000.0);
        CHECK(parseNumber("(1.5万)") == -15000.0);
        CHECK(parseNumber("1,200万") == 12000000.0);
        CHECK(parseNumber("1.2万元") == 12000.0);
        CHECK(parseNumber("¥5000元") == 5000.0);
        CHECK(parseNumber("RMB 3万元") == 30000.0);
        CHECK(parseNumber("-¥1.2万") == -12000.0);
        CHECK(parseNumber("¥-1.2万") == -12000.0);
    }

    TEST_CASE("chinese forms combined") {
        CHECK(parseNumber("￥1.2万元") == 12000.0);
        CHECK(parseNumber("￥１．２万元") == 12000.0);
        CHECK(parseNumber("１，２００万元") == 12000000.0);
        CHECK(parseNumber("（￥３，０００元）") == -3000.0);
        CHECK(parseNumber("－１．５亿") == -150000000.0);
        CHECK(parseNumber("１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１２３４５６"
                          "７８９０万") == doctest::Approx(1.2345678901234568e43));
    }

    TEST_CASE("ambiguous chinese amounts stay rejected") {
        CHECK_FALSE(parseNumber("万"));
        CHECK_FALSE(parseNumber("元"));
        CHECK_FALSE(parseNumber("1万2千"));
        CHECK_FALSE(parseNumber("五千"));
        CHECK_FALSE(parseNumber("5000美元"));
        CHECK_FALSE(parseNumber("5000港元"));
        CHECK_FALSE(parseNumber("5000元整"));
        CHECK_FALSE(parseNumber("1.5万%"));
        CHECK_FALSE(parseNumber("1e3万"));
        CHECK_FALSE(parseNumber("5亿万"));
        CHECK_FALSE(parseNumber("5万万"));
        CHECK_FALSE(parseNumber("1,23万"));
        CHECK_FALSE(parseNumber("万5000"));
        CHECK_FALSE(isNumberOutOfRange("1万2千"));
        CHECK(isNumberOutOfRange(std::string(305, '9') + "万"));
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

    TEST_CASE("full-width dates") {
        CHECK(parseDateCell("２０２７－０１－０５") == "2027-01-05");
        CHECK(parseDateCell("２０２７／１／５") == "2027-01-05");
        CHECK(parseDateCell("２０２７．１．５") == "2027-01-05");
        CHECK(parseDateCell("２０２７年１月５日") == "2027-01-05");
        CHECK(parseDateCell("２０２７０１０５") == "2027-01-05");
        CHECK(parseDateCell("2027－01－05") == "2027-01-05");
        CHECK(parseDateCell("\xE3\x80\x80２０２７－０１－０５ １０：３０") == "2027-01-05");
        CHECK_FALSE(parseDateCell("２０２７－１３－０１"));
        CHECK_FALSE(parseDateCell("２０２７－０２－３０"));
        CHECK_FALSE(parseDateCell("２０２７－０１／０５"));
    }

    TEST_CASE("excel serial numbers") {
        CHECK(parseDateCell("45170") == "2023-09-01");
        CHECK(excelSerialToIso(1) == "1900-01-01");
        CHECK(excelSerialToIso(59) == "1900-02-28");
        CHECK_FALSE(excelSerialToIso(60));
        CHECK(excelSerialToIso(61) == "1900-03-01");
        CHECK(excelSerialToIso(45170.75) == "2023-09-01");
        CHECK_FALSE(parseDateCell("45170", false));
        CHECK_FALSE(parseDateCell("4.5万"));
    }

    TEST_CASE("booleans") {
        CHECK(parseBoolCell("是") == true);
        CHECK(parseBoolCell("No") == false);
        CHECK_FALSE(parseBoolCell("maybe"));
    }
}
