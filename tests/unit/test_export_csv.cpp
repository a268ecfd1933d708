// The assignments CSV export: its columns, byte order mark and GB18030 encoding, and the
// formula injection guards of the exports that spreadsheets open.
#include <doctest/doctest.h>

#include "allocation_fixtures.h"
#include "io/encoding.h"
#include "io/export_csv.h"
#include "io/export_xlsx.h"
#include "io/zip.h"

using namespace baton;

namespace {

const std::string kHyperlink = "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")";

// One client C1 named like a formula, owned by "@E9" and assigned to "-E1" ("+1 Ltd").
Workspace formulaWorkspace() {
    Workspace ws;
    ws.employees.push_back(test::makeEmployee("-E1", EmployeeStatus::Active, {}));
    ws.employees.back().name = "+1 Ltd";
    ws.clients.push_back(test::makeClient("C1", "@E9"));
    ws.clients.back().name = kHyperlink;
    ws.clients.push_back(test::makeClient("\tC2", ""));
    ws.clients.back().name = "\rcarriage";
    return ws;
}

AllocationResult formulaResult() {
    AllocationResult result;
    Assignment a;
    a.client = "C1";
    a.employee = "-E1";
    a.fit = -0.5;
    a.value = -12.5;
    a.difficulty = 3.0;
    a.wonBecause = "=1+1";
    result.assignments.push_back(a);
    result.unassigned.push_back(Unassigned{"\tC2", "capacity_exhausted", ""});
    return result;
}

const std::string kExpectedRows =
    "C1,\"'=HYPERLINK(\"\"http://127.0.0.1/x\"\",\"\"click\"\")\",'@E9,'-E1,'+1 Ltd,"
    "-0.500000,-12.5000,3.0000,'=1+1\r\n"
    "\"'\tC2\",\"'\rcarriage\",,,,,,,unassigned: capacity_exhausted\r\n";

}  // namespace

TEST_SUITE("csv export") {
    TEST_CASE("formula starts are escaped") {
        for (const std::string text : {"=1+1", "+86 10 1234", "-12.5", "@SUM(A1)", "\tx", "\rx"}) {
            CAPTURE(text);
            CHECK(escapeFormulaText(text) == "'" + text);
        }
    }

    TEST_CASE("other text is unchanged") {
        for (const std::string text : {"", "Acme", "a=b", " =1", "'quoted", "王婷", "12.5"}) {
            CAPTURE(text);
            CHECK(escapeFormulaText(text) == text);
        }
    }

    TEST_CASE("utf-8 export escapes text, not numbers") {
        CsvExportResult out = exportAssignmentsCsv(formulaResult(), formulaWorkspace());
        REQUIRE_MESSAGE(out.bytes, out.error);
        std::string header = "client,client_name,previous_owner,employee,employee_name,fit,"
                             "value,difficulty,won_because\r\n";
        CHECK(*out.bytes == "\xEF\xBB\xBF" + header + kExpectedRows);
    }

    TEST_CASE("gb18030 export escapes text") {
        CsvExportResult out =
            exportAssignmentsCsv(formulaResult(), formulaWorkspace(), CsvExportEncoding::Gb18030);
        REQUIRE_MESSAGE(out.bytes, out.error);
        DecodeResult back = decodeText(*out.bytes, Encoding::Gb18030);
        REQUIRE(back.text);
        CHECK(back.text->find(kExpectedRows) != std::string::npos);
    }

    TEST_CASE("xlsx export writes formula text as text") {
        Workspace ws = formulaWorkspace();
        XlsxExportResult out = exportAssignmentsXlsx(formulaResult(), ws);
        REQUIRE_MESSAGE(out.bytes, out.error);
        ZipArchive zip;
        REQUIRE_MESSAGE(zip.open(*out.bytes), zip.error());
        const ZipEntry* sheet = zip.find("xl/worksheets/sheet1.xml");
        REQUIRE(sheet != nullptr);
        std::optional<std::string> xml = zip.extract(*sheet, 1u << 20);
        REQUIRE(xml);
        // An inline string cell contains text, which spreadsheets show as it is, and <f> would
        // contain a formula.
        CHECK(xml->find("<f>") == std::string::npos);
        CHECK(xml->find("t=\"inlineStr\"><is><t>=HYPERLINK(") != std::string::npos);
    }
}

TEST_SUITE("export csv") {
    TEST_CASE("assignments with bom and names") {
        Workspace ws;
        Employee e;
        e.id = "E1";
        e.name = "王婷";
        ws.employees.push_back(e);
        Client c;
        c.id = "C1";
        c.name = "Acme, Ltd";
        c.owner = "E9";
        ws.clients.push_back(c);
        AllocationResult result;
        Assignment a;
        a.client = "C1";
        a.employee = "E1";
        a.fit = 0.5;
        a.wonBecause = "best_fit";
        result.assignments.push_back(a);
        result.unassigned.push_back(Unassigned{"C2", "capacity_exhausted", ""});
        CsvExportResult out = exportAssignmentsCsv(result, ws);
        REQUIRE(out.bytes);
        CHECK(*out.bytes ==
              "\xEF\xBB\xBF" "client,client_name,previous_owner,employee,employee_name,fit,value,"
              "difficulty,won_because\r\nC1,\"Acme, Ltd\",E9,E1,王婷,0.500000,0.0000,0.0000,"
              "best_fit\r\nC2,,,,,,,,unassigned: capacity_exhausted\r\n");
        CsvExportResult gb = exportAssignmentsCsv(result, ws, CsvExportEncoding::Gb18030);
        REQUIRE(gb.bytes);
        DecodeResult back = decodeText(*gb.bytes, Encoding::Auto);
        REQUIRE(back.text);
        CHECK(back.detected == "gb18030");
        CHECK(back.text->find("王婷") != std::string::npos);
    }
}
