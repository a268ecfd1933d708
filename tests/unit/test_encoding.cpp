#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "io/csv.h"
#include "io/encoding.h"
#include "shared_data.h"

using namespace baton;
using baton::test::kDataDir;
using baton::test::readShared;

TEST_SUITE("encoding") {
    TEST_CASE("utf-8 byte order mark is removed") {
        DecodeResult r = decodeText("\xEF\xBB\xBFid,name\n", Encoding::Auto);
        REQUIRE(r.text);
        CHECK(*r.text == "id,name\n");
        CHECK(r.detected == "utf-8-bom");
    }

    TEST_CASE("gbk is detected when utf-8 fails") {
        DecodeResult r = decodeText("\xD6\xD0\xCE\xC4,\xBF\xCD\xBB\xA7\r\n", Encoding::Auto);
        REQUIRE(r.text);
        CHECK(*r.text == "中文,客户\r\n");
        CHECK(r.detected == "gb18030");
    }

    TEST_CASE("utf-16 with byte order mark") {
        std::string le("\xFF\xFE" "a\0," "\0" "\x2D\x4E", 8);  // "a,中"
        DecodeResult r = decodeText(le, Encoding::Auto);
        REQUIRE(r.text);
        CHECK(*r.text == "a,中");
        CHECK(r.detected == "utf-16le");
        std::string be("\xFE\xFF\0a\0,\x4E\x2D", 8);
        DecodeResult b = decodeText(be, Encoding::Auto);
        REQUIRE(b.text);
        CHECK(*b.text == "a,中");
        CHECK(b.detected == "utf-16be");
    }

    TEST_CASE("forced utf-8 rejects gbk with the line") {
        DecodeResult r = decodeText("ok\n\xD6\xD0\n", Encoding::Utf8);
        CHECK_FALSE(r.text);
        CHECK(r.error == "line 2: the file is not valid UTF-8 (at byte offset 3)");
    }

    TEST_CASE("binary bytes name the encodings tried") {
        // 0x80 and 0xFF start no character in UTF-8 or GB18030.
        std::string bytes = std::string("id,name\n") + "\x80\xFF\x80\xFF,x\n";
        DecodeResult r = decodeText(bytes, Encoding::Auto);
        CHECK_FALSE(r.text);
        CHECK(r.error.find("line 2: the file is not text in UTF-8, UTF-16 or GB18030") !=
              std::string::npos);
    }

    TEST_CASE("mixed lines are each read in their own encoding") {
        // Line 2 is GBK "中文", line 3 UTF-8 "客户", line 4 GBK "客户".
        DecodeResult r =
            decodeText("a\n\xD6\xD0\xCE\xC4\n客户\r\n\xBF\xCD\xBB\xA7", Encoding::Auto);
        REQUIRE_MESSAGE(r.text, r.error);
        CHECK(*r.text == "a\n中文\n客户\r\n客户");
        CHECK(r.detected == "utf-8+gb18030");
        CHECK(r.warning.find("1 line in UTF-8 (line 3) among 2 lines in GB18030") !=
              std::string::npos);
    }

    TEST_CASE("mixed lines keep the first byte order mark out") {
        DecodeResult r = decodeText("\xEF\xBB\xBFid\n\xD6\xD0\xCE\xC4\n", Encoding::Auto);
        REQUIRE(r.text);
        CHECK(*r.text == "id\n中文\n");
    }

    TEST_CASE("line neither utf-8 nor gb18030 is an error") {
        DecodeResult r = decodeText("客户\n\xD6\xD0\n\x81\x20\n", Encoding::Auto);
        CHECK_FALSE(r.text);
        CHECK(r.error.rfind("line 3: the line is neither UTF-8 nor GB18030", 0) == 0);
    }

    TEST_CASE("forced gb18030 warns about utf-8 lines") {
        DecodeResult r = decodeText("\xD6\xD0\xCE\xC4\n客户\n", Encoding::Gb18030);
        REQUIRE(r.text);
        CHECK(r.detected == "gb18030");
        CHECK(r.warning.rfind("line 2 is valid UTF-8 and the other non-ASCII lines are not", 0) ==
              0);
    }

    TEST_CASE("gbk file alone gives no warning") {
        DecodeResult r = decodeText("id\n\xD6\xD0\xCE\xC4\n\xBF\xCD\xBB\xA7\n", Encoding::Auto);
        REQUIRE(r.text);
        CHECK(r.detected == "gb18030");
        CHECK(r.warning.empty());
    }

    TEST_CASE("utf-16 without byte order mark is detected") {
        std::string le("i\0d\0,\0n\0\n\0" "C\0" "1\0", 14);
        CHECK(startsLikeUtf16(le));
        DecodeResult r = decodeText(le, Encoding::Auto);
        REQUIRE(r.text);
        CHECK(*r.text == "id,n\nC1");
        CHECK(r.detected == "utf-16le");
        CHECK_FALSE(r.warning.empty());
        CHECK_FALSE(startsLikeUtf16("id,name\n"));
    }

    TEST_CASE("strict utf-8 check") {
        CHECK(isValidUtf8("客户 abc"));
        CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
        CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
        CHECK_FALSE(isValidUtf8("\xE5\xAE"));          // cut short
    }

    TEST_CASE("encoding names") {
        CHECK(parseEncoding("GBK") == Encoding::Gb18030);
        CHECK(parseEncoding("utf-16") == Encoding::Utf16);
        CHECK_FALSE(parseEncoding("latin1"));
    }

    TEST_CASE("gb18030 round trip") {
        std::string error;
        std::optional<std::string> bytes = encodeGb18030("客户1,王婷", error);
        REQUIRE(bytes);
        DecodeResult back = decodeText(*bytes, Encoding::Gb18030);
        REQUIRE(back.text);
        CHECK(*back.text == "客户1,王婷");
    }

    TEST_CASE("real gbk export decodes its header") {
        std::optional<std::string> bytes = readShared("cn-excel/data.csv");
        if (!bytes) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        DecodeResult r = decodeText(*bytes, Encoding::Auto);
        REQUIRE(r.text);
        CHECK(r.detected == "gb18030");
        CsvReadResult csv = readCsv(*r.text);
        REQUIRE(csv.table);
        CHECK(csv.table->header ==
              std::vector<std::string>{"订货日期", "商品名称", "客户", "负责人", "销售数量"});
    }

    TEST_CASE("real utf-8 export keeps its bom out of the header") {
        std::optional<std::string> bytes = readShared("cn-excel/goods1.csv");
        if (!bytes) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        DecodeResult r = decodeText(*bytes, Encoding::Auto);
        REQUIRE(r.text);
        CsvReadResult csv = readCsv(*r.text);
        REQUIRE(csv.table);
        CHECK(csv.table->header.at(0) == "订货日期");
    }
}

TEST_SUITE("encoding") {
    TEST_CASE("gb18030 table encoder matches iconv") {
        const std::string text = "客户1,王婷 鑫垚 € ü ABC";
        std::string tableError, iconvError;
        std::optional<std::string> byTable = encodeGb18030ByTable(text, tableError);
        REQUIRE_MESSAGE(byTable, tableError);
        DecodeResult back = decodeText(*byTable, Encoding::Gb18030);
        REQUIRE(back.text);
        CHECK(*back.text == text);
        std::optional<std::string> byIconv = encodeGb18030(text, iconvError);
        REQUIRE(byIconv);
        CHECK(*byIconv == *byTable);
        // U+20000 is 0x95 0x32 0x82 0x36 in GB18030. It is checked by its bytes, because
        // musl's iconv (Emscripten 3.1.6 sysroot) decodes four-byte codes beyond the BMP
        // to other characters.
        std::optional<std::string> supplementary = encodeGb18030ByTable("𠀀", tableError);
        REQUIRE(supplementary);
        CHECK(*supplementary == "\x95\x32\x82\x36");
    }
}
