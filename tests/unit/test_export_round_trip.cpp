// A workspace exported as XLSX and imported back, table by table, as `baton import` does
// with the same workbook given for every table.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "io/export_xlsx.h"
#include "io/importer.h"
#include "io/xlsx_writer.h"

using namespace baton;

namespace {

// E2 leaves with three clients; E1 can take one more. SYS is an active system account that
// would be the only other receiver if it were read back as a person.
Workspace handoverWorkspace() {
    const std::vector<std::string> retail = {"industry:retail"};
    Workspace ws;
    ws.employees.push_back(test::makeEmployee("E1", EmployeeStatus::Active, retail, 1));
    ws.employees.push_back(test::makeEmployee("E2", EmployeeStatus::Leaving, retail));
    ws.employees.push_back(test::makeEmployee("SYS", EmployeeStatus::Active, retail));
    ws.employees.back().kind = EmployeeKind::System;
    for (const char* id : {"C1", "C2", "C3"}) ws.clients.push_back(test::makeClient(id, "E2"));
    for (auto [client, date, amount] : {std::tuple{"C1", "2024-03-01", 500.0},
                                        std::tuple{"C2", "2024-04-01", 700.0}}) {
        Transaction& t = ws.transactions.emplace_back();
        t.client = client;
        t.date = date;
        t.amount = amount;
        t.employee = "E2";
    }
    for (auto [id, client, stage, amount, close] :
         {std::tuple{"D1", "C1", DealStage::Won, 1200.0, "2024-02-01"},
          std::tuple{"D2", "C2", DealStage::Lost, 800.0, "2024-02-15"},
          std::tuple{"D3", "C3", DealStage::Open, 300.0, "2024-09-30"}}) {
        Deal& d = ws.deals.emplace_back();
        d.id = id;
        d.client = client;
        d.employee = "E2";
        d.stage = stage;
        d.amount = amount;
        d.expectedClose = close;
    }
    return ws;
}

// Imports the workbook as the five tables of one new workspace.
ImportResult importWorkbook(const std::string& bytes) {
    std::vector<SourceTable> tables;
    for (Entity entity : {Entity::Employees, Entity::Clients, Entity::Transactions,
                          Entity::Deals, Entity::Relationships}) {
        LoadTableResult loaded = loadTable(entity, "ws.xlsx", bytes, TableMapping{});
        REQUIRE_MESSAGE(loaded.source, loaded.error);
        // A header-only relationships sheet is an import error, so it is left out when empty.
        if (loaded.source->table.rowCount() > 0) tables.push_back(std::move(*loaded.source));
    }
    ImportOptions options;
    options.today = "2025-01-01";
    return importTables(tables, Mapping{}, nullptr, options);
}

std::string exported(const Workspace& ws) {
    XlsxExportResult out = exportWorkspaceXlsx(ws);
    REQUIRE_MESSAGE(out.bytes, out.error);
    return *out.bytes;
}

// The kind of an employee as the workspace format writes it; "" for an unknown id.
std::string kindOf(const Workspace& ws, const std::string& id) {
    int index = ws.findEmployee(id);
    return index < 0 ? "" : toString(ws.employees[index].kind);
}

const IssueGroup* findWarning(const ImportReport& report, const std::string& code) {
    auto at = std::find_if(report.warnings().begin(), report.warnings().end(),
                           [&](const IssueGroup& g) { return g.code == code; });
    return at == report.warnings().end() ? nullptr : &*at;
}

bool hasWarning(const ImportReport& report, const std::string& code) {
    return findWarning(report, code) != nullptr;
}

}  // namespace

TEST_SUITE("export round trip") {
    TEST_CASE("employee kind survives") {
        ImportResult back = importWorkbook(exported(handoverWorkspace()));
        REQUIRE(back.workspace);
        const Workspace& ws = *back.workspace;
        REQUIRE(ws.findEmployee("SYS") >= 0);
        CHECK(kindOf(ws, "SYS") == "system");
        CHECK(kindOf(ws, "E1") == "person");
        CHECK(std::string(toString(ws.employees[ws.findEmployee("E2")].status)) == "leaving");
    }

    TEST_CASE("deals come back as deals") {
        Workspace original = handoverWorkspace();
        ImportResult back = importWorkbook(exported(original));
        REQUIRE(back.workspace);
        const Workspace& ws = *back.workspace;
        CHECK(ws.transactions.size() == original.transactions.size());
        REQUIRE(ws.deals.size() == original.deals.size());
        for (std::size_t i = 0; i < ws.deals.size(); ++i) {
            CAPTURE(original.deals[i].id);
            CHECK(ws.deals[i].id == original.deals[i].id);
            CHECK(ws.deals[i].client == original.deals[i].client);
            CHECK(ws.deals[i].employee == original.deals[i].employee);
            CHECK(std::string(toString(ws.deals[i].stage)) == toString(original.deals[i].stage));
            CHECK(ws.deals[i].amount == original.deals[i].amount);
            CHECK(ws.deals[i].expectedClose == original.deals[i].expectedClose);
        }
        CHECK(back.report.counts().at("deals_won") == 1);
        CHECK(back.report.counts().at("deals_lost") == 1);
        CHECK(back.report.counts().at("deals_open") == 1);
        CHECK(back.report.counts().count("deals_won_as_transactions") == 0);
    }

    TEST_CASE("system user receives no client") {
        ImportResult back = importWorkbook(exported(handoverWorkspace()));
        REQUIRE(back.workspace);
        const Workspace& ws = *back.workspace;
        Evaluation evaluation = evaluate(ws, ws.policy);
        AllocationResult result = allocate(ws, ws.policy, evaluation, {});
        CHECK(result.assignments.size() == 1);
        CHECK(result.unassigned.size() == 2);
        for (const Assignment& a : result.assignments) {
            CAPTURE(a.client);
            CHECK(a.employee != "SYS");
        }
    }

    TEST_CASE("missing policy is warned about") {
        ImportResult back = importWorkbook(exported(handoverWorkspace()));
        REQUIRE(back.workspace);
        CHECK(hasWarning(back.report, "policy_not_in_workbook"));
        // Merged into a workspace, the records keep that workspace's policy: no warning.
        Workspace into = handoverWorkspace();
        std::string bytes = exported(into);
        LoadTableResult employees = loadTable(Entity::Employees, "ws.xlsx", bytes, {});
        REQUIRE(employees.source);
        ImportResult merged = importTables({*employees.source}, Mapping{}, &into, {});
        REQUIRE(merged.workspace);
        CHECK_FALSE(hasWarning(merged.report, "policy_not_in_workbook"));
    }

    TEST_CASE("warning names the command line option") {
        std::string bytes = exported(handoverWorkspace());
        LoadTableResult cli = loadTable(Entity::Employees, "ws.xlsx", bytes, {},
                                        ImportSurface::CommandLine);
        REQUIRE(cli.source);
        ImportResult back = importTables({*cli.source}, Mapping{}, nullptr, {});
        const IssueGroup* warning = findWarning(back.report, "policy_not_in_workbook");
        REQUIRE(warning != nullptr);
        CHECK(warning->count == 1);
        const ImportIssue& issue = warning->examples.at(0);
        CHECK(issue.file == "ws.xlsx");
        CHECK(issue.message.find("--policy") != std::string::npos);
    }

    TEST_CASE("workbook without the marker reads a CRM pipeline") {
        XlsxWriter writer;
        REQUIRE(writer.beginSheet("deals"));
        for (std::vector<std::string> row : {std::vector<std::string>{"id", "client", "employee",
                                                                      "stage", "amount",
                                                                      "expected_close"},
                                             {"D1", "C1", "E1", "won", "100", "2024-01-05"},
                                             {"D2", "C1", "E1", "lost", "50", "2024-01-06"}}) {
            REQUIRE(writer.beginRow());
            for (const std::string& cell : row) REQUIRE(writer.text(cell));
            REQUIRE(writer.endRow());
        }
        // A sheet named like the marker but without its format row is not a marker.
        REQUIRE(writer.beginSheet(std::string(kWorkspaceMarkerSheet)));
        REQUIRE(writer.beginRow());
        REQUIRE(writer.text("notes"));
        REQUIRE(writer.endRow());
        std::optional<std::string> bytes = writer.finish();
        REQUIRE(bytes);
        LoadTableResult deals = loadTable(Entity::Deals, "crm.xlsx", *bytes, {});
        REQUIRE(deals.source);
        CHECK_FALSE(deals.source->workspaceExport);
        ImportResult back = importTables({*deals.source}, Mapping{}, nullptr, {});
        REQUIRE(back.workspace);
        CHECK(back.workspace->deals.empty());
        CHECK(back.workspace->transactions.size() == 1);
        CHECK_FALSE(hasWarning(back.report, "policy_not_in_workbook"));
    }

    TEST_CASE("kind column of a csv table") {
        const std::string csv = "id,name,kind\nE1,Ann,person\nBOT,Sync,系统\nE3,Bo,robot\n";
        LoadTableResult loaded = loadTable(Entity::Employees, "staff.csv", csv, {});
        REQUIRE(loaded.source);
        ImportResult back = importTables({*loaded.source}, Mapping{}, nullptr, {});
        CHECK_FALSE(back.workspace);
        REQUIRE(back.report.errors().size() == 1);
        CHECK(back.report.errors()[0].code == "invalid_choice");
        const ImportIssue& issue = back.report.errors()[0].examples.at(0);
        CHECK(issue.row == 4);
        CHECK(issue.column == "kind");
        CHECK(issue.message.find("\"robot\" is not an employee kind") == 0);

        const std::string valid = "id,name,kind\nE1,Ann,Person\nBOT,Sync,系统\n";
        loaded = loadTable(Entity::Employees, "staff.csv", valid, {});
        REQUIRE(loaded.source);
        back = importTables({*loaded.source}, Mapping{}, nullptr, {});
        REQUIRE(back.workspace);
        CHECK(kindOf(*back.workspace, "E1") == "person");
        CHECK(kindOf(*back.workspace, "BOT") == "system");
    }
}
