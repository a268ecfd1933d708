#include <doctest/doctest.h>

#include <string>

#include "io/csv.h"

using namespace baton;

TEST_SUITE("csv") {
    TEST_CASE("quoted fields with delimiters, quotes and line breaks") {
        CsvReadResult r = readCsv("id,note\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,plain\r\n");
        REQUIRE(r.table);
        CHECK(r.table->header == std::vector<std::string>{"id", "note"});
        REQUIRE(r.table->rowCount() == 2);
        CHECK(r.table->cell(0, 1) == "a, \"b\"\r\nc");
        CHECK(r.table->cell(1, 1) == "plain");
        CHECK(r.table->sourceLine(1) == 4);
    }

    TEST_CASE("last record without a final newline") {
        CsvReadResult r = readCsv("a,b\n1,2");
        REQUIRE(r.table);
        REQUIRE(r.table->rowCount() == 1);
        CHECK(r.table->cell(0, 1) == "2");
    }

    TEST_CASE("trailing empty columns and blank lines are dropped") {
        CsvReadResult r = readCsv("id,name,,,\n\n001,Tom,,,\n");
        REQUIRE(r.table);
        CHECK(r.table->header.size() == 2);
        CHECK(r.table->cellCount(0) == 2);
        CHECK(r.table->cell(0, 0) == "001");
        CHECK(r.table->cell(0, 7) == "");
    }

    TEST_CASE("rows of another width are recorded") {
        CsvReadResult r = readCsv(
            "id,name,notes\n"
            "C1,Ann,call Monday, then email\n"  // row 0: an unquoted comma
            "C2,Bob\n"                          // row 1: no notes cell
            "C3,Cy,x,,\n"                       // row 2: trailing empty cells from Excel
            "C4,Di,x, ,\t\n"                    // row 3: trailing blank cells
            "\"C5\",\"Ed, Jr\",x\n"             // row 4: a quoted comma
            "C6,Fay,,\n"                        // row 5: an empty last cell written out
            "C7,,,z\n");                        // row 6: one cell past the header
        REQUIRE(r.table);
        REQUIRE(r.raggedRows.size() == 3);
        CHECK(r.raggedRows[0].row == 0);
        CHECK(r.raggedRows[0].cells == 4);
        CHECK(r.raggedRows[1].row == 1);
        CHECK(r.raggedRows[1].cells == 2);
        CHECK(r.raggedRows[2].row == 6);
        CHECK(r.raggedRows[2].cells == 4);
    }

    TEST_CASE("trailing empty header names set the width") {
        CsvReadResult r = readCsv("id,name,,\nC1,Ann,,\nC2,Bob\nC3\n");
        REQUIRE(r.table);
        REQUIRE(r.raggedRows.size() == 1);
        CHECK(r.raggedRows[0].row == 2);
        CHECK(r.raggedRows[0].cells == 1);
    }

    TEST_CASE("delimiter detection") {
        CHECK(detectDelimiter("a;b;c\n1,5;2;3\n") == ';');
        CHECK(detectDelimiter("a\tb\n1\t2\n") == '\t');
        CHECK(detectDelimiter("a,b\n1,2\n") == ',');
        CHECK(detectDelimiter("\"x;y\",b\n\"1;2\",3\n") == ',');
        CHECK(detectDelimiter("single\nvalue\n") == ',');
    }

    TEST_CASE("unclosed quote names the line") {
        CsvReadResult r = readCsv("a,b\n1,2\n3,\"open\n4,5\n");
        CHECK_FALSE(r.table);
        CHECK(r.error ==
              "line 3: a quoted field opened here is never closed; close the quote or write a "
              "quote inside a field as two quotes (\"\")");
    }

    TEST_CASE("row limit gives a message") {
        CsvReadResult r = readCsv("a\n1\n2\n3\n", 0, 2);
        CHECK_FALSE(r.table);
        CHECK(r.error ==
              "line 4: the file has more than 2 data rows, the most an import takes; split it "
              "into smaller files");
    }

    TEST_CASE("empty file gives a message") {
        CsvReadResult r = readCsv("\r\n\r\n");
        CHECK_FALSE(r.table);
        CHECK(r.empty);
        CHECK(r.error ==
              "the file is empty: it has no header row and no data, at most blank "
              "lines; export it again with a header row and data rows");
    }

    TEST_CASE("white space lines are empty") {
        for (std::string_view text :
             {"  \n\t\n \r\n", " , \n,\t\n", "\xEF\xBB\xBF \n\n", "\xC2\xA0\n\xE3\x80\x80\n"}) {
            CAPTURE(text);
            CsvReadResult r = readCsv(text);
            CHECK_FALSE(r.table);
            CHECK(r.empty);
        }
    }

    TEST_CASE("white space line between rows is skipped") {
        CsvReadResult r = readCsv("id,name\n  \nC1,Ann\n \t \n");
        REQUIRE(r.table);
        CHECK_FALSE(r.empty);
        CHECK(r.table->rowCount() == 1);
        CHECK(r.table->cell(0, 0) == "C1");
    }

    TEST_CASE("large file is read in linear time") {
        std::string text = "client,amount\n";
        for (int i = 0; i < 200000; ++i) text += "C" + std::to_string(i) + ",\"1,000\"\n";
        CsvReadResult r = readCsv(text);
        REQUIRE(r.table);
        CHECK(r.table->rowCount() == 200000);
        CHECK(r.table->cell(199999, 0) == "C199999");
        CHECK(r.table->cell(199999, 1) == "1,000");
    }
}
