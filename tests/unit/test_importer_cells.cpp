// Cell values and row widths of imported tables: invalid dates and numbers, figures out of
// range, decimal commas, and rows with more or fewer cells than the header.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "importer_fixtures.h"
#include "io/importer.h"
#include "io/xlsx_writer.h"

using namespace baton;
using namespace baton::test;

TEST_SUITE("importer") {
    TEST_CASE("an impossible date names the day or month") {
        std::string csv = "id,name,status,last_day\nE1,Ann,leaving,2023-02-29\n"
                          "E2,Bob,leaving,2024-02-29\nE3,Cy,leaving,2024-13-01\n"
                          "E4,Di,leaving,someday\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", csv)});
        REQUIRE(r.report.count("invalid_date") == 3);
        std::string all = r.report.toText();
        CHECK(all.find("\"2023-02-29\" is not a date; 2023-02 has 28 days, so no day 29; "
                       "correct the date") != std::string::npos);
        CHECK(all.find("\"2024-13-01\" is not a date; there is no month 13") !=
              std::string::npos);
        CHECK(all.find("\"someday\" is not a date; write it as YYYY-MM-DD") != std::string::npos);
    }

    TEST_CASE("a negative potential names the file, row and column") {
        std::string csv = "id,name,potential\nC1,Acme,500\nC2,Beta,-5\n";
        ImportResult r = run({load(Entity::Clients, "clients.csv", csv)});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("out_of_range") == 1);
        CHECK(r.report.count("invalid_workspace") == 0);
        CHECK(firstExample(r.report.errors(), "out_of_range") ==
              "clients.csv row 3, column \"potential\": \"-5\" is out of range: potential "
              "must be 0 or more; correct the cell, or leave it empty if the figure is unknown");
    }

    TEST_CASE("client and employee figures out of range name the cell") {
        std::string clients = "id,name,difficulty,satisfaction,workload\nC1,Acme,120,0,-1\n";
        ImportResult r = run({load(Entity::Clients, "clients.csv", clients)});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("out_of_range") == 3);
        CHECK(r.report.count("invalid_workspace") == 0);
        CHECK(firstExample(r.report.errors(), "out_of_range") ==
              "clients.csv row 2, column \"workload\": \"-1\" is out of range: workload must "
              "be 0 or more; correct the cell, or leave it empty if the figure is unknown");
        std::string all = r.report.toText();
        CHECK(all.find("\"120\" is out of range: difficulty must be between 0 and 100") !=
              std::string::npos);
        CHECK(all.find("\"0\" is out of range: satisfaction must be between 1 and 5") !=
              std::string::npos);
        std::string employees = "id,name,status,retention\nE1,Ann,active,1.5\n";
        ImportResult e = run({load(Entity::Employees, "staff.csv", employees)});
        CHECK_FALSE(e.workspace);
        CHECK(firstExample(e.report.errors(), "out_of_range").find(
                  "staff.csv row 2, column \"retention\": \"1.5\" is out of range") !=
              std::string::npos);
    }

    TEST_CASE("a huge whole number says too large, with the range") {
        std::string csv = "id,name,status,max_clients\nE1,Ann,active,1e30\nE2,Bo,active,2.5\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", csv)});
        CHECK_FALSE(r.workspace);
        CHECK(firstExample(r.report.errors(), "out_of_range") ==
              "staff.csv row 2, column \"max_clients\": \"1e30\" is too large: max_clients "
              "must be a whole number from 0 to 1000000000; correct the cell, or leave it empty "
              "for the policy's default");
        CHECK(firstExample(r.report.errors(), "invalid_number") ==
              "staff.csv row 3, column \"max_clients\": \"2.5\" is not a whole number: "
              "max_clients must be a whole number from 0 to 1000000000");
    }

    TEST_CASE("a number beyond a double says out of range, not 'not a number'") {
        std::string csv = "client,date,amount\nC1,2023-01-01,1e999\nC2,2023-01-01,abc\n";
        ImportResult r = run({load(Entity::Transactions, "t.csv", csv)});
        CHECK_FALSE(r.workspace);
        REQUIRE(r.report.count("invalid_number") == 2);
        for (const IssueGroup& g : r.report.errors()) {
            if (g.code != "invalid_number") continue;
            CHECK(formatIssue(g.examples[0]) ==
                  "t.csv row 2, column \"amount\": \"1e999\" is out of range: numbers must "
                  "lie between -1.7e308 and 1.7e308; correct the cell");
            CHECK(formatIssue(g.examples[1]).find("\"abc\" is not a number") !=
                  std::string::npos);
        }
    }

    TEST_CASE("decimal commas in semicolon files") {
        std::string csv = "client;date;amount\nC1;01.09.2023;1.234,50\n";
        ImportResult r = run({load(Entity::Transactions, "t.csv", csv)});
        REQUIRE(r.workspace);
        CHECK(r.workspace->transactions[0].amount == 1234.5);
        CHECK(r.workspace->transactions[0].date == "2023-09-01");
    }
}

TEST_SUITE("importer row widths") {
    const std::string kEmployees = "id,name,status\nE1,Ann,active\nE2,Bob,leaving\n";

    // Imports emp.csv (kEmployees) with `clients` as the clients table named `file`.
    ImportResult importWithEmployees(const std::string& file, const std::string& clients) {
        return run(
            {load(Entity::Employees, "emp.csv", kEmployees), load(Entity::Clients, file, clients)});
    }

    TEST_CASE("extra cells are an error naming the row") {
        std::string csv = "id,name,owner,notes\nC8,Gamma,E1,call Monday, then email the CFO\n";
        ImportResult r = importWithEmployees("notes.csv", csv);
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("extra_cells") == 1);
        CHECK(firstExample(r.report.errors(), "extra_cells") ==
              "notes.csv row 2: the row has 5 cells but the header has 4 columns, so a value was "
              "probably split at an unquoted comma and the cells after it moved to the wrong "
              "columns; put double quotes around each value that contains a comma (as in "
              "\"Acme, Inc\"), or, if the file's delimiter is not the comma, set "
              "tables.clients.delimiter in the import mapping");
    }

    TEST_CASE("extra cells error precedes the shifted owner") {
        std::string csv = "id,name,owner,value\nC4,Beta,E2,100\nC5,Acme, Inc,E1,300\n";
        ImportResult r = importWithEmployees("shift.csv", csv);
        CHECK_FALSE(r.workspace);
        REQUIRE(r.report.errors().size() == 2);
        CHECK(r.report.errors()[0].code == "extra_cells");
        CHECK(r.report.errors()[1].code == "unknown_owner");
        CHECK(firstExample(r.report.errors(), "extra_cells").rfind("shift.csv row 3: ", 0) == 0);
    }

    TEST_CASE("fewer cells are a warning and read as empty") {
        std::string csv = "id,name,owner,notes\nC1,Acme,E1\nC2,Beta,E2,call\nC3,Gamma\n";
        ImportResult r = importWithEmployees("short.csv", csv);
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        CHECK(r.report.count("missing_cells") == 2);
        CHECK(firstExample(r.report.warnings(), "missing_cells") ==
              "short.csv row 2: the row has 3 cells but the header has 4 columns, so the cells of "
              "\"notes\" are read as empty; add the missing cells, or check that no comma is "
              "missing between the values");
        REQUIRE(client(*r.workspace, "C1"));
        CHECK(client(*r.workspace, "C1")->owner == "E1");
        CHECK(client(*r.workspace, "C1")->extra.count("notes") == 0);
    }

    TEST_CASE("trailing empty cells are not reported") {
        std::string csv = "id,name,owner,notes\nC1,Acme,E1,x,,\nC2,Beta,E2,, ,\t\nC3,Gamma,E1,,\n";
        ImportResult r = importWithEmployees("excel.csv", csv);
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        CHECK(r.report.count("extra_cells") == 0);
        CHECK(r.report.count("missing_cells") == 0);
    }

    TEST_CASE("semicolon file names the semicolon") {
        std::string csv = "id;name;owner\nC1;Acme; Inc;E1\nC2;Beta;E2\n";
        ImportResult r = run({load(Entity::Clients, "semi.csv", csv)});
        std::string message = firstExample(r.report.errors(), "extra_cells");
        CHECK(message.find("split at an unquoted semicolon") != std::string::npos);
        CHECK(message.find("if the file's delimiter is not the semicolon") != std::string::npos);
        CHECK(message.find("Acme, Inc") == std::string::npos);
    }

    TEST_CASE("workbook rows of another width are not reported") {
        XlsxWriter writer;
        REQUIRE(writer.beginSheet("clients"));
        for (std::vector<std::string> row : {std::vector<std::string>{"id", "name", "owner"},
                                             {"C1", "Acme", "E1", "note past the header"},
                                             {"C2", "Beta"}}) {
            REQUIRE(writer.beginRow());
            for (const std::string& cell : row) REQUIRE(writer.text(cell));
            REQUIRE(writer.endRow());
        }
        std::optional<std::string> bytes = writer.finish();
        REQUIRE(bytes);
        SourceTable clients = load(Entity::Clients, "clients.xlsx", *bytes);
        CHECK(clients.raggedRows.empty());
        ImportResult r = run({load(Entity::Employees, "emp.csv", kEmployees), clients});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        CHECK(r.report.count("extra_cells") == 0);
        CHECK(r.report.count("missing_cells") == 0);
        REQUIRE(client(*r.workspace, "C1"));
        CHECK(client(*r.workspace, "C1")->owner == "E1");
    }
}
