#include <doctest/doctest.h>

#include "io/xlsx.h"
#include "zip_writer.h"

using namespace baton;
using baton::testing::buildXlsx;

namespace {

const std::string kStrings =
    "<si><t>客户</t></si><si><t>日期</t></si><si><r><t>Acme </t></r><r><t>Ltd</t></r></si>"
    "<si><t>001</t></si><si><t>金额</t><rPh><t>きんがく</t></rPh></si>";
// Style 0 is General, 1 the built-in date format 14, 2 a custom "yyyy年m月d日" format.
const std::string kXfs = "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>";
const std::string kFmts = "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月"
                          "&quot;d&quot;日&quot;\"/>";

std::string sheetOne() {
    return "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
           "<c r=\"C1\" t=\"s\"><v>4</v></c></row>"
           "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>45170</v></c>"
           "<c r=\"C2\"><v>1234.5</v></c></row>"
           "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"B4\" s=\"2\"><v>45171</v></c>"
           "<c r=\"D4\" t=\"inlineStr\"><is><t>note</t></is></c></row>";
}

}  // namespace

TEST_SUITE("xlsx") {
    TEST_CASE("shared strings, numbers and dates") {
        std::string bytes = buildXlsx({{"Sheet1", sheetOne()}}, kStrings, kXfs, kFmts);
        XlsxReadResult r = readXlsx(bytes);
        REQUIRE(r.table);
        CHECK(r.table->header == std::vector<std::string>{"客户", "日期", "金额"});
        REQUIRE(r.table->rowCount() == 2);
        CHECK(r.table->cell(0, 0) == "Acme Ltd");
        CHECK(r.table->cell(0, 1) == "2023-09-01");
        CHECK(r.table->cell(0, 2) == "1234.5");
        CHECK(r.table->cell(1, 0) == "001");
        CHECK(r.table->cell(1, 1) == "2023-09-02");
        CHECK(r.table->cell(1, 2) == "");
        CHECK(r.table->cell(1, 3) == "note");
        CHECK(r.table->sourceLine(1) == 4);
    }

    TEST_CASE("stored members and a chosen sheet") {
        std::string second = "<row><c t=\"inlineStr\"><is><t>id</t></is></c></row>"
                             "<row><c><v>7</v></c></row>";
        std::string bytes =
            buildXlsx({{"Sheet1", sheetOne()}, {"数据", second}}, kStrings, kXfs, kFmts, false);
        XlsxReadResult r = readXlsx(bytes, "数据");
        REQUIRE(r.table);
        CHECK(r.sheet == "数据");
        CHECK(r.sheets == std::vector<std::string>{"Sheet1", "数据"});
        CHECK(r.table->header == std::vector<std::string>{"id"});
        CHECK(r.table->cell(0, 0) == "7");
    }

    TEST_CASE("unknown sheet lists the sheets") {
        std::string bytes = buildXlsx({{"Sheet1", sheetOne()}}, kStrings, kXfs, kFmts);
        XlsxReadResult r = readXlsx(bytes, "Clients");
        CHECK_FALSE(r.table);
        CHECK(r.error == "the workbook has no sheet named \"Clients\"; its sheets are Sheet1");
    }

    TEST_CASE("damaged archive gives a message") {
        std::string bytes = buildXlsx({{"Sheet1", sheetOne()}}, kStrings, kXfs, kFmts);
        CHECK(looksLikeZip(bytes));
        XlsxReadResult r = readXlsx(bytes.substr(0, bytes.size() / 2));
        CHECK_FALSE(r.table);
        CHECK(r.error == "the file is not a readable zip archive (no zip end-of-directory "
                         "record was found)");
        CHECK(r.unreadable);
    }

    TEST_CASE("row limit gives a message") {
        std::string bytes = buildXlsx({{"Sheet1", sheetOne()}}, kStrings, kXfs, kFmts);
        XlsxReadResult r = readXlsx(bytes, "", 1);
        CHECK_FALSE(r.table);
        CHECK(r.error == "row 4: the sheet has more than 1 data rows, the most an import takes; "
                         "split it into smaller files");
    }
}
