// The fast paths of CSV import: hand-parsed numbers against strtod, dates, in-place UTF-8
// decoding, CSV fields that stay views or need unquoting, and the direct check of the
// built workspace that replaced a JSON round trip.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/csv.h"
#include "io/encoding.h"
#include "io/importer.h"

using namespace baton;

namespace {

SourceTable loadCsv(Entity entity, const std::string& file, const std::string& bytes) {
    LoadTableResult r = loadTable(entity, file, bytes, TableMapping{});
    REQUIRE_MESSAGE(r.source, r.error);
    return std::move(*r.source);
}

// The first example of an error group as text, or "" when there is none.
std::string firstError(const ImportReport& report, const std::string& code) {
    for (const IssueGroup& g : report.errors()) {
        if (g.code == code && !g.examples.empty()) return formatIssue(g.examples.front());
    }
    return "";
}

}  // namespace

TEST_SUITE("import fast paths") {
    TEST_CASE("hand-parsed numbers equal strtod") {
        // Numbers of 1 to 17 digits with 0 to 6 decimals from a fixed linear congruential
        // sequence; up to 15 digits take the exact path, longer ones strtod.
        std::uint64_t state = 2024;
        for (int i = 0; i < 20000; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            int digits = 1 + static_cast<int>((state >> 20) % 17);
            int decimals = static_cast<int>((state >> 30) % 7);
            std::string text;
            std::uint64_t source = state;
            for (int d = 0; d < digits; ++d, source /= 7) {
                if (d == digits - decimals && d > 0) text.push_back('.');
                text.push_back(static_cast<char>('0' + source % 10));
            }
            if (i % 3 == 0) text.insert(0, "-");
            std::optional<double> parsed = parseNumber(text);
            REQUIRE_MESSAGE(parsed, text);
            CHECK_MESSAGE(*parsed == std::strtod(text.c_str(), nullptr), text);
        }
    }

    TEST_CASE("numbers at the edges of the exact path") {
        CHECK(parseNumber("999999999999999") == 999999999999999.0);
        CHECK(parseNumber("9007199254740993") == 9007199254740992.0);
        CHECK(parseNumber("0.1") == 0.1);
        CHECK(parseNumber("0.0000000000000000000000001") == 1e-25);
        CHECK(parseNumber("12,345.50") == 12345.5);
        CHECK(parseNumber("+7") == 7.0);
        CHECK(parseNumber(".5") == 0.5);
        CHECK(parseNumber("1e3") == 1000.0);
        CHECK_FALSE(parseNumber("1e999"));
        std::optional<double> negativeZero = parseNumber("-0");
        REQUIRE(negativeZero);
        CHECK(std::signbit(*negativeZero));
        std::string longNumber = "1" + std::string(80, '0');
        CHECK(parseNumber(longNumber) == 1e80);
    }

    TEST_CASE("dates with day checks and odd shapes") {
        CHECK(parseDateCell("2024-2-29") == "2024-02-29");
        CHECK_FALSE(parseDateCell("2023-2-29"));
        CHECK_FALSE(parseDateCell("1900-2-29"));
        CHECK(parseDateCell("2000-2-29") == "2000-02-29");
        CHECK(parseDateCell("0001-1-1") == "0001-01-01");
        CHECK_FALSE(parseDateCell("2023-9-1-"));
        CHECK_FALSE(parseDateCell("2023-9-1-5"));
        CHECK_FALSE(parseDateCell("2023--9"));
        CHECK_FALSE(parseDateCell("2023-9/1"));
        CHECK(parseDateCell(" 2023/9/30 ") == "2023-09-30");
        CHECK(parseDateCell("\xE3\x80\x80" "2023-9-30") == "2023-09-30");
        CHECK(parseDateCell("2023年12月31日") == "2023-12-31");
        CHECK_FALSE(parseDateCell("2023年2月30日"));
    }

    TEST_CASE("utf-8 is decoded in place") {
        std::string bytes = "\xEF\xBB\xBF" "客户,amount\n客户1,5\n";
        std::string storage;
        DecodeViewResult r = decodeTextView(bytes, Encoding::Auto, storage);
        REQUIRE(r.text);
        CHECK(r.detected == "utf-8-bom");
        CHECK(r.text->data() == bytes.data() + 3);
        CHECK(*r.text == "客户,amount\n客户1,5\n");
        CHECK(storage.empty());
    }

    TEST_CASE("gb18030 is converted into the storage") {
        std::string bytes = "\xBF\xCD\xBB\xA7,x\n";
        std::string storage;
        DecodeViewResult r = decodeTextView(bytes, Encoding::Auto, storage);
        REQUIRE(r.text);
        CHECK(r.detected == "gb18030");
        CHECK(*r.text == "客户,x\n");
        CHECK(r.text->data() == storage.data());
    }

    TEST_CASE("invalid utf-8 after long ascii runs is found") {
        std::string bytes(37, 'a');
        bytes += "\xC3\x28";
        bytes += std::string(20, 'b');
        CHECK_FALSE(isValidUtf8(bytes));
        CHECK(isValidUtf8(std::string(37, 'a') + "\xE4\xB8\x80" + std::string(9, 'c')));
        DecodeResult r = decodeText(bytes, Encoding::Utf8);
        CHECK(r.error == "line 1: the file is not valid UTF-8 (at byte offset 37)");
    }

    TEST_CASE("utf-8 check finds the first bad byte at every offset") {
        // ASCII around one sequence at each offset of a 24-byte text, so that the word-wide
        // ASCII skip lands before, on and after it.
        for (std::size_t at = 0; at < 24; ++at) {
            CAPTURE(at);
            std::string bad(24, 'x');
            bad[at] = '\xFF';
            DecodeResult r = decodeText(bad, Encoding::Utf8);
            CHECK(r.error.find("(at byte offset " + std::to_string(at) + ")") != std::string::npos);
            std::string good = std::string(at, 'x') + "\xE4\xB8\x80" + std::string(24 - at, 'y');
            CHECK(isValidUtf8(good));
            std::string cut = std::string(at, 'x') + "\xE4\xB8" + std::string(24 - at, 'y');
            CHECK_FALSE(isValidUtf8(cut));
        }
    }

    TEST_CASE("csv fields stay views or are unquoted") {
        std::string text = "a,b,c\n\"x\",\"y\"\"z\",\"p\"q\n\"\",plain,\"l1\nl2\"\n";
        CsvReader reader(text, ',');
        REQUIRE(reader.next());
        REQUIRE(reader.next());
        REQUIRE(reader.fieldCount() == 3);
        CHECK(reader.field(0) == "x");
        CHECK(reader.field(0).data() == text.data() + 7);
        CHECK(reader.field(1) == "y\"z");
        CHECK(reader.field(2) == "pq");
        REQUIRE(reader.next());
        CHECK(reader.line() == 3);
        CHECK(reader.field(0) == "");
        CHECK(reader.field(1) == "plain");
        CHECK(reader.field(2) == "l1\nl2");
        CHECK_FALSE(reader.next());
        CHECK(reader.error().empty());
    }

    TEST_CASE("csv rows after quoted line breaks keep their lines") {
        CsvReadResult r = readCsv("id,note\n1,\"a\n\nb\"\n2,\"c\"\"\"\n3,x\n");
        REQUIRE(r.table);
        REQUIRE(r.table->rowCount() == 3);
        CHECK(r.table->cell(0, 1) == "a\n\nb");
        CHECK(r.table->cell(1, 1) == "c\"");
        CHECK(r.table->sourceLine(1) == 5);
        CHECK(r.table->sourceLine(2) == 6);
    }

    TEST_CASE("out of range values fail the import at their cell") {
        std::string clients = "id,name,satisfaction\nC1,Acme,4\nC2,Beta,7\n";
        ImportResult r = importTables({loadCsv(Entity::Clients, "c.csv", clients)}, Mapping{},
                                      nullptr, ImportOptions{});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("invalid_workspace") == 0);
        CHECK(r.report.count("out_of_range") == 1);
        CHECK(firstError(r.report, "out_of_range") ==
              "c.csv row 3, column \"satisfaction\": \"7\" is out of range: satisfaction must "
              "be between 1 and 5; correct the cell, or leave it empty if the figure is unknown");
    }

    TEST_CASE("overflowing amounts fail the workspace check") {
        std::string csv = "client,date,quantity,price\nC1,2023-01-01,1e300,1e300\n";
        ImportResult r = importTables({loadCsv(Entity::Transactions, "t.csv", csv)}, Mapping{},
                                      nullptr, ImportOptions{});
        CHECK_FALSE(r.workspace);
        // The amount and the revenue_12m derived from it are both infinite.
        CHECK(r.report.count("invalid_workspace") == 2);
        std::string text = r.report.toText();
        CHECK(text.find("workspace: /transactions/0/amount: must be a finite number") !=
              std::string::npos);
        CHECK(text.find("workspace: /clients/0/revenue_12m: must be a finite number") !=
              std::string::npos);
    }

    TEST_CASE("pins of the merged workspace must name records") {
        Workspace into;
        Employee e;
        e.id = "E1";
        e.name = "Ann";
        into.employees.push_back(e);
        PairOverride pin;
        pin.client = "C9";
        pin.employee = "E1";
        into.policy.pins.push_back(pin);
        std::string csv = "client,date,amount,employee\nC1,2023-01-01,10,E1\n";
        ImportResult r = importTables({loadCsv(Entity::Transactions, "t.csv", csv)}, Mapping{},
                                      &into, ImportOptions{});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("invalid_workspace") == 1);
    }

    TEST_CASE("merge keeps owners of listed clients") {
        Workspace into;
        for (const char* id : {"E1", "E2"}) {
            Employee e;
            e.id = id;
            e.name = id;
            into.employees.push_back(e);
        }
        Client c;
        c.id = "C1";
        c.name = "Acme";
        c.owner = "E2";
        into.clients.push_back(c);
        Transaction old;
        old.client = "C1";
        old.date = "2023-01-01";
        old.amount = 5;
        old.employee = "E2";
        into.transactions.push_back(old);
        std::string csv = "client,date,amount,employee\nAcme,2023-01-02,100,E1\n"
                          "C2,2023-01-02,10,E1\n";
        ImportResult r = importTables({loadCsv(Entity::Transactions, "t.csv", csv)}, Mapping{},
                                      &into, ImportOptions{});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        REQUIRE(r.workspace->clients.size() == 1);
        CHECK(r.workspace->clients[0].owner == "E2");
        REQUIRE(r.workspace->transactions.size() == 2);
        CHECK(r.workspace->transactions[1].client == "C1");
        CHECK(r.report.count("unknown_client") == 1);
    }
}
