#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "io/export_xlsx.h"
#include "io/xlsx.h"
#include "io/xlsx_writer.h"
#include "io/zip.h"
#include "io/zip_writer.h"

using namespace baton;

namespace {

// Writes one sheet whose rows are given as text; "#N" cells are written as the number N.
std::string oneSheet(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
    XlsxWriter writer;
    REQUIRE(writer.beginSheet(name));
    for (const auto& row : rows) {
        REQUIRE(writer.beginRow());
        for (const std::string& cell : row) {
            if (cell.empty()) {
                REQUIRE(writer.empty());
            } else if (cell[0] == '#') {
                REQUIRE(writer.number(std::stod(cell.substr(1))));
            } else {
                REQUIRE(writer.text(cell));
            }
        }
        REQUIRE(writer.endRow());
    }
    auto bytes = writer.finish();
    REQUIRE_MESSAGE(bytes, writer.error());
    return *bytes;
}

std::string member(const std::string& bytes, const std::string& name) {
    ZipArchive zip;
    REQUIRE_MESSAGE(zip.open(bytes), zip.error());
    const ZipEntry* entry = zip.find(name);
    REQUIRE_MESSAGE(entry != nullptr, name);
    auto text = zip.extract(*entry, 1u << 26);
    REQUIRE_MESSAGE(text, zip.error());
    return *text;
}

}  // namespace

TEST_SUITE("xlsx writer") {
    TEST_CASE("column names") {
        CHECK(xlsxColumnName(0) == "A");
        CHECK(xlsxColumnName(25) == "Z");
        CHECK(xlsxColumnName(26) == "AA");
        CHECK(xlsxColumnName(701) == "ZZ");
        CHECK(xlsxColumnName(702) == "AAA");
        CHECK(xlsxColumnName(kXlsxMaxColumns - 1) == "XFD");
    }

    TEST_CASE("zip members read back") {
        ZipWriter zip;
        std::string big(300000, 'x');
        for (std::size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
        REQUIRE(zip.add("a.txt", "hello"));
        REQUIRE(zip.beginMember("dir/big.txt"));
        REQUIRE(zip.write(std::string_view(big).substr(0, 100000)));
        REQUIRE(zip.write(std::string_view(big).substr(100000)));
        REQUIRE(zip.endMember());
        REQUIRE(zip.add("empty.txt", ""));
        auto bytes = zip.finish();
        REQUIRE(bytes);
        CHECK(bytes->size() < big.size());
        CHECK(member(*bytes, "a.txt") == "hello");
        CHECK(member(*bytes, "dir/big.txt") == big);
        CHECK(member(*bytes, "empty.txt").empty());
    }

    TEST_CASE("zip rejects bad names and misuse") {
        ZipWriter absolute;
        CHECK_FALSE(absolute.add("/etc/passwd", "x"));
        CHECK(absolute.error().find("invalid zip member name") != std::string::npos);
        CHECK_FALSE(absolute.finish());

        ZipWriter climbing;
        CHECK_FALSE(climbing.add("a/../../b", "x"));

        ZipWriter open;
        REQUIRE(open.beginMember("a"));
        CHECK_FALSE(open.finish());
        CHECK(open.error().find("still open") != std::string::npos);

        ZipWriter closed;
        CHECK_FALSE(closed.write("x"));
        CHECK(closed.error().find("no zip member is open") != std::string::npos);
    }

    TEST_CASE("cells round trip through the reader") {
        std::string bytes = oneSheet("客户", {{"id", "name", "amount", "note"},
                                              {"001", "上海 & <Acme>", "#1234.5", "a\"b"},
                                              {"002", "", "#-0.125", " padded "},
                                              {"003", "Zed", "", "line\nbreak"}});
        XlsxReadResult read = readXlsx(bytes);
        REQUIRE_MESSAGE(read.table, read.error);
        CHECK(read.sheet == "客户");
        const Table& t = *read.table;
        CHECK(t.header == std::vector<std::string>{"id", "name", "amount", "note"});
        REQUIRE(t.rowCount() == 3);
        CHECK(t.cell(0, 0) == "001");
        CHECK(t.cell(0, 1) == "上海 & <Acme>");
        CHECK(t.cell(0, 2) == "1234.5");
        CHECK(t.cell(0, 3) == "a\"b");
        CHECK(t.cell(1, 1).empty());
        CHECK(t.cell(1, 2) == "-0.125");
        CHECK(t.cell(1, 3) == " padded ");
        CHECK(t.cell(2, 2).empty());
        CHECK(t.cell(2, 3) == "line\nbreak");
        CHECK(t.sourceLine(2) == 4);
    }

    TEST_CASE("a table prefers the sheet named after it") {
        XlsxWriter writer;
        for (const char* name : {"employees", "Clients"}) {
            REQUIRE(writer.beginSheet(name));
            REQUIRE(writer.beginRow());
            REQUIRE(writer.text("id"));
            REQUIRE(writer.beginRow());
            REQUIRE(writer.text(std::string(name) + "-1"));
        }
        auto bytes = writer.finish();
        REQUIRE(bytes);
        XlsxReadResult clients = readXlsx(*bytes, "", kMaxImportRows, "clients");
        REQUIRE_MESSAGE(clients.table, clients.error);
        CHECK(clients.sheet == "Clients");
        CHECK(clients.sheets == std::vector<std::string>{"employees", "Clients"});
        XlsxReadResult other = readXlsx(*bytes, "", kMaxImportRows, "deals");
        REQUIRE_MESSAGE(other.table, other.error);
        CHECK(other.sheet == "employees");
        XlsxReadResult named = readXlsx(*bytes, "employees", kMaxImportRows, "clients");
        REQUIRE_MESSAGE(named.table, named.error);
        CHECK(named.sheet == "employees");
    }

    TEST_CASE("numbers keep full precision") {
        double third = 1.0 / 3.0;
        XlsxWriter writer;
        REQUIRE(writer.beginSheet("n"));
        REQUIRE(writer.beginRow());
        REQUIRE(writer.text("x"));
        REQUIRE(writer.beginRow());
        REQUIRE(writer.number(third));
        REQUIRE(writer.number(std::numeric_limits<double>::quiet_NaN()));
        REQUIRE(writer.number(1e21));
        auto bytes = writer.finish();
        REQUIRE(bytes);
        // The sheet stores the shortest text that reads back as the same double. The
        // reader keeps 15 significant digits of it.
        std::string sheet = member(*bytes, "xl/worksheets/sheet1.xml");
        CHECK(sheet.find("<v>0.3333333333333333</v>") != std::string::npos);
        CHECK(sheet.find("<c r=\"B2\"") == std::string::npos);
        XlsxReadResult read = readXlsx(*bytes);
        REQUIRE_MESSAGE(read.table, read.error);
        CHECK(read.table->cell(0, 0) == "0.333333333333333");
        CHECK(read.table->cell(0, 1).empty());
        CHECK(std::stod(std::string(read.table->cell(0, 2))) == 1e21);
    }

    TEST_CASE("control characters are escaped") {
        std::string bytes = oneSheet("s", {{"h"}, {std::string("a\x01") + "b_x0041_c"}});
        std::string sheet = member(bytes, "xl/worksheets/sheet1.xml");
        CHECK(sheet.find("a_x0001_b_x005F_x0041_c") != std::string::npos);
        CHECK(sheet.find('\x01') == std::string::npos);
    }

    TEST_CASE("workbook parts name every sheet") {
        XlsxWriter writer;
        REQUIRE(writer.beginSheet("one"));
        REQUIRE(writer.beginRow());
        REQUIRE(writer.text("first"));
        REQUIRE(writer.beginSheet("two & more"));
        REQUIRE(writer.beginRow());
        REQUIRE(writer.text("second"));
        auto bytes = writer.finish();
        REQUIRE(bytes);
        std::string types = member(*bytes, "[Content_Types].xml");
        CHECK(types.find("/xl/worksheets/sheet2.xml") != std::string::npos);
        CHECK(types.find("/xl/styles.xml") != std::string::npos);
        CHECK(member(*bytes, "_rels/.rels").find("xl/workbook.xml") != std::string::npos);
        CHECK(member(*bytes, "xl/workbook.xml").find("name=\"two &amp; more\"") !=
              std::string::npos);
        XlsxReadResult second = readXlsx(*bytes, "two & more");
        REQUIRE_MESSAGE(second.table, second.error);
        CHECK(second.sheets == std::vector<std::string>{"one", "two & more"});
        CHECK(second.table->header == std::vector<std::string>{"second"});
    }

    TEST_CASE("invalid sheet names and text are rejected") {
        const char* bad[] = {"", "a:b", "a/b", "[x]", "'quoted'",
                             "a name that is longer than thirty-one characters"};
        for (const char* name : bad) {
            XlsxWriter writer;
            CHECK_FALSE_MESSAGE(writer.beginSheet(name), name);
            CHECK_FALSE(writer.error().empty());
        }
        XlsxWriter twice;
        REQUIRE(twice.beginSheet("Clients"));
        CHECK_FALSE(twice.beginSheet("clients"));
        CHECK(twice.error().find("used twice") != std::string::npos);

        XlsxWriter utf8;
        REQUIRE(utf8.beginSheet("s"));
        REQUIRE(utf8.beginRow());
        REQUIRE(utf8.text("ok"));
        CHECK_FALSE(utf8.text("\xC3("));
        CHECK(utf8.error().find("cell B1") != std::string::npos);
        CHECK_FALSE(utf8.finish());

        XlsxWriter none;
        CHECK_FALSE(none.finish());
        CHECK(none.error().find("at least one sheet") != std::string::npos);

        XlsxWriter noRow;
        REQUIRE(noRow.beginSheet("s"));
        CHECK_FALSE(noRow.text("x"));
        CHECK(noRow.error().find("no row is open") != std::string::npos);
    }

    TEST_CASE("column limit") {
        XlsxWriter writer;
        REQUIRE(writer.beginSheet("wide"));
        REQUIRE(writer.beginRow());
        for (int i = 0; i < kXlsxMaxColumns; ++i) REQUIRE(writer.empty());
        CHECK_FALSE(writer.text("one too many"));
        CHECK(writer.error().find("16,384 columns") != std::string::npos);
    }

    TEST_CASE("same input gives the same bytes") {
        std::vector<std::vector<std::string>> rows = {{"a", "b"}, {"1", "#2"}};
        CHECK(oneSheet("s", rows) == oneSheet("s", rows));
    }

    TEST_CASE("workspace tables export and read back") {
        GenerateOptions options;
        options.seed = 3;
        options.employees = 6;
        options.clients = 40;
        Workspace ws = generateWorkspace(options);
        XlsxExportResult out = exportWorkspaceXlsx(ws);
        REQUIRE_MESSAGE(out.bytes, out.error);
        XlsxReadResult clients = readXlsx(*out.bytes, "clients");
        REQUIRE_MESSAGE(clients.table, clients.error);
        CHECK(clients.sheets == std::vector<std::string>{"employees", "clients", "transactions",
                                                        "deals", "relationships", "baton"});
        REQUIRE(clients.table->rowCount() == ws.clients.size());
        CHECK(clients.table->header[0] == "id");
        CHECK(clients.table->header[2] == "owner");
        for (std::size_t i = 0; i < ws.clients.size(); ++i) {
            CHECK(clients.table->cell(i, 0) == ws.clients[i].id);
            CHECK(clients.table->cell(i, 2) == ws.clients[i].owner.value_or(""));
        }
        XlsxReadResult transactions = readXlsx(*out.bytes, "transactions");
        REQUIRE_MESSAGE(transactions.table, transactions.error);
        REQUIRE(transactions.table->rowCount() == ws.transactions.size());
        REQUIRE(!ws.transactions.empty());
        CHECK(transactions.table->cell(0, 1) == ws.transactions[0].date);
        CHECK(std::stod(std::string(transactions.table->cell(0, 2))) ==
              ws.transactions[0].amount);
        XlsxReadResult employees = readXlsx(*out.bytes, "employees");
        REQUIRE(employees.table);
        CHECK(employees.table->rowCount() == ws.employees.size());
        CHECK(employees.table->cell(0, 4) == toString(ws.employees[0].status));
        CHECK(employees.table->header[5] == "kind");
        CHECK(employees.table->cell(0, 5) == toString(ws.employees[0].kind));
    }

    TEST_CASE("assignments export matches the result") {
        GenerateOptions options;
        options.seed = 5;
        options.employees = 8;
        options.clients = 60;
        Workspace ws = generateWorkspace(options);
        Evaluation ev = evaluate(ws, ws.policy);
        AllocationResult result = allocate(ws, ws.policy, ev, {});
        REQUIRE(!result.assignments.empty());
        XlsxExportResult out = exportAssignmentsXlsx(result, ws);
        REQUIRE_MESSAGE(out.bytes, out.error);
        XlsxReadResult read = readXlsx(*out.bytes);
        REQUIRE_MESSAGE(read.table, read.error);
        const Table& t = *read.table;
        CHECK(t.header[0] == "client");
        CHECK(t.header[8] == "won_because");
        REQUIRE(t.rowCount() == result.assignments.size() + result.unassigned.size());
        const Assignment& first = result.assignments[0];
        CHECK(t.cell(0, 0) == first.client);
        CHECK(t.cell(0, 3) == first.employee);
        CHECK(std::stod(std::string(t.cell(0, 5))) == first.fit);
        CHECK(t.cell(0, 8) == first.wonBecause);
        int e = ws.findEmployee(first.employee);
        REQUIRE(e >= 0);
        CHECK(t.cell(0, 4) == ws.employees[e].name);
    }
}
