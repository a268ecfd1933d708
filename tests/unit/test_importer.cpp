// Importing tables into a workspace: the records and owners that the tables create, ids,
// headers and mappings, merges into an existing workspace, and real CRM and Chinese Excel
// exports (skipped when those files are absent).
#include <doctest/doctest.h>

#include <algorithm>

#include "importer_fixtures.h"
#include "io/importer.h"
#include "io/workspace_json.h"
#include "shared_data.h"

using namespace baton;
using namespace baton::test;

namespace {

const Employee* employee(const Workspace& ws, const std::string& id) {
    int i = ws.findEmployee(id);
    return i < 0 ? nullptr : &ws.employees[i];
}

}  // namespace

TEST_SUITE("importer") {
    TEST_CASE("transaction table alone creates clients and employees") {
        std::string csv =
            "订货日期,商品名称,客户,负责人,销售数量\n2023-9-1,商品1,客户1,A,1000\n"
            "2023-9-2,商品1,客户1,B,3000\n2023-9-3,商品2,客户2,B,500\n";
        ImportResult r = run({load(Entity::Transactions, "t.csv", csv)});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        const Workspace& ws = *r.workspace;
        CHECK(ws.employees.size() == 2);
        CHECK(ws.clients.size() == 2);
        REQUIRE(ws.transactions.size() == 3);
        CHECK(ws.transactions[0].amount == 1000);
        REQUIRE(client(ws, "客户1"));
        CHECK(client(ws, "客户1")->owner == "B");
        CHECK(client(ws, "客户2")->owner == "B");
        CHECK(client(ws, "客户1")->revenue12m == 4000);
        CHECK(r.mapping.tables.at("transactions").columns.at("employee") == "负责人");
    }

    TEST_CASE("owner ties go to more transactions then smaller id") {
        std::string csv = "client,date,amount,employee\nC1,2023-01-01,100,E2\n"
                          "C1,2023-01-02,60,E1\nC1,2023-01-03,40,E1\nC2,2023-01-01,50,E3\n"
                          "C2,2023-01-02,50,E4\n";
        ImportResult r = run({load(Entity::Transactions, "t.csv", csv)});
        REQUIRE(r.workspace);
        CHECK(client(*r.workspace, "C1")->owner == "E1");
        CHECK(client(*r.workspace, "C2")->owner == "E3");
        Mapping most;
        most.deriveOwner = "most_transactions";
        ImportResult m = run({load(Entity::Transactions, "t.csv", csv)}, most);
        REQUIRE(m.workspace);
        CHECK(client(*m.workspace, "C1")->owner == "E1");
    }

    TEST_CASE("duplicate ids are errors and nothing is applied") {
        std::string csv = "id,name\nC1,Acme\nC2,Beta\nC1,Acme again\n";
        ImportResult r = run({load(Entity::Clients, "clients.csv", csv)});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("duplicate_id") == 1);
        CHECK(firstExample(r.report.errors(), "duplicate_id") ==
              "clients.csv row 4, column \"id\": id \"C1\" is also on row 2; ids must be "
              "unique, so fix or remove one of the rows (they are not merged)");
    }

    TEST_CASE("derived sentences word one client") {
        std::string clients = "id,name\nC1,Acme\nC2,Beta\n";
        std::string transactions = "client,date,amount,employee\nC1,2023-06-01,100,E1\n";
        ImportResult r = run({load(Entity::Clients, "clients.csv", clients),
                              load(Entity::Transactions, "t.csv", transactions)});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        std::string derived;
        for (const DerivedField& field : r.report.derived()) derived += field.sentence + "\n";
        INFO(derived);
        CHECK(derived.find("owner of 1 client: the employee with") != std::string::npos);
        CHECK(derived.find("; 1 client has no transaction with an employee and no owner\n") !=
              std::string::npos);
        CHECK(derived.find("1 employee created from ") != std::string::npos);
        CHECK(derived.find("revenue_12m of 1 client: the sum of its transactions from ") !=
              std::string::npos);
        CHECK(derived.find("1 clients") == std::string::npos);
        CHECK(derived.find("1 employees") == std::string::npos);
    }

    TEST_CASE("header without data rows is an error") {
        ImportResult r = run({load(Entity::Clients, "clients.csv", "id,name\n")});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("no_data_rows") == 1);
        CHECK(firstExample(r.report.errors(), "no_data_rows").find(
                  "has a header row but no data rows") != std::string::npos);
    }

    TEST_CASE("client column of clients is the id") {
        std::string employees = "id,name\nE1,Ann\n";
        std::string clients = "client,name,owner\nC1,Acme,E1\nC2,Beta,E1\n";
        std::string transactions = "client,date,amount\nC1,2023-01-01,5\n";
        ImportResult r = run({load(Entity::Employees, "e.csv", employees),
                              load(Entity::Clients, "clients.csv", clients),
                              load(Entity::Transactions, "t.csv", transactions)});
        REQUIRE(r.workspace);
        REQUIRE(client(*r.workspace, "C1"));
        CHECK(client(*r.workspace, "C1")->name == "Acme");
        CHECK(client(*r.workspace, "C2")->name == "Beta");
        CHECK_FALSE(client(*r.workspace, "Acme"));
        CHECK(r.workspace->transactions.size() == 1);
        const std::string expected =
            "clients.csv: column \"client\" is read as the client id and column \"name\" as "
            "the name, as the client column of a transactions table gives the client id; to read "
            "them otherwise, set \"id\" and \"name\" in tables.clients.columns of the import "
            "mapping";
        const std::vector<DerivedField>& derived = r.report.derived();
        CHECK(std::any_of(derived.begin(), derived.end(),
                          [&](const DerivedField& d) { return d.sentence == expected; }));
    }

    TEST_CASE("file of blank lines is empty") {
        const std::pair<const char*, std::string> files[] = {
            {"newlines.csv", "\n\n\n"},
            {"spaces.csv", "  \n \t\n\n"},
            {"bom.csv", "\xEF\xBB\xBF\r\n \r\n"},
        };
        // A plain loop variable, because clang 14 cannot capture a structured binding in the
        // lambda that CAPTURE makes.
        for (const auto& file : files) {
            const std::string name = file.first;
            CAPTURE(name);
            LoadTableResult r = loadTable(Entity::Clients, name, file.second, TableMapping{});
            CHECK_FALSE(r.source);
            CHECK(r.error == name +
                                 " is empty: it has no header row and no data, at most blank "
                                 "lines; export it again with a header row and data rows");
        }
    }

    TEST_CASE("mangled ids are flagged and collisions reported") {
        std::string csv = "id,name\n2.77414E+11,A\n2.77414E+11,B\n3.1E+11,C\n";
        ImportResult r = run({load(Entity::Clients, "c.csv", csv)});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("mangled_id_collision") == 1);
        CHECK(r.report.count("duplicate_id") == 0);
        CHECK(r.report.count("excel_mangled_id") == 3);
    }

    TEST_CASE("unknown owner is an error") {
        std::string employees = "id,name\nE1,Ann\n";
        std::string clients = "id,name,owner\nC1,Acme,E1\nC2,Beta,E9\nC3,Gamma,Ann\n";
        ImportResult r = run({load(Entity::Employees, "e.csv", employees),
                              load(Entity::Clients, "c.csv", clients)});
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("unknown_owner") == 1);
        CHECK(firstExample(r.report.errors(), "unknown_owner") ==
              "c.csv row 3, column \"owner\": owner \"E9\" is neither the id nor the name of "
              "an employee; add the employee to the employees table or correct the name");
    }

    TEST_CASE("owner given by name resolves to the id") {
        std::string employees = "id,name\nE1,Ann\n";
        std::string clients = "id,name,owner\nC1,Acme,Ann\n001,Beta,\n";
        ImportResult r = run({load(Entity::Employees, "e.csv", employees),
                              load(Entity::Clients, "c.csv", clients)});
        REQUIRE(r.workspace);
        CHECK(client(*r.workspace, "C1")->owner == "E1");
        CHECK_FALSE(client(*r.workspace, "001")->owner);
    }

    TEST_CASE("no owner line when no owner is derived") {
        std::string clients = "id,name\nC1,Acme\n";
        ImportResult r = run({load(Entity::Clients, "clients.csv", clients)});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        for (const DerivedField& field : r.report.derived()) {
            CHECK(field.sentence.find("owner of 0") == std::string::npos);
        }
        CHECK(r.report.toText().find("owner of 0") == std::string::npos);
        std::string owned = "id,name,owner\nC1,Acme,E1\n";
        std::string staff = "id,name,status\nE1,Ann,active\n";
        ImportResult o = run({load(Entity::Employees, "staff.csv", staff),
                              load(Entity::Clients, "clients.csv", owned)});
        REQUIRE_MESSAGE(o.workspace, o.report.toText());
        for (const DerivedField& field : o.report.derived()) {
            CHECK(field.sentence.find("owner of") == std::string::npos);
        }
    }

    TEST_CASE("missing mapped column names the mapping key") {
        Mapping mapping;
        mapping.tables["clients"].columns = {{"id", "客户编号"}};
        ImportResult r = run({load(Entity::Clients, "c.csv", "客户id,姓名\n001,Tom\n")}, mapping);
        CHECK_FALSE(r.workspace);
        CHECK(firstExample(r.report.errors(), "missing_column") ==
              "c.csv row 1, column \"客户编号\": the mapping takes id from this column, but the "
              "file has no such header; its headers are \"客户id\", \"姓名\": correct "
              "tables.clients.columns.id in the mapping");
    }

    TEST_CASE("merge into an existing workspace") {
        Workspace base;
        Employee e;
        e.id = "E1";
        e.name = "Ann";
        base.employees.push_back(e);
        Client c;
        c.id = "C1";
        c.name = "Acme";
        c.owner = "E1";
        base.clients.push_back(c);
        std::string csv = "id,name,industry\nC1,Acme Ltd,retail\nC2,Beta,\n";
        ImportResult r = run({load(Entity::Clients, "c.csv", csv)}, {}, &base);
        REQUIRE(r.workspace);
        CHECK(r.workspace->clients.size() == 2);
        CHECK(client(*r.workspace, "C1")->name == "Acme Ltd");
        CHECK(client(*r.workspace, "C1")->industry == "retail");
        CHECK(client(*r.workspace, "C1")->owner == "E1");
        CHECK(r.report.counts().at("clients_updated") == 1);
    }

    TEST_CASE("maven crm imports with derived owners") {
        auto teams = readShared("maven-crm/sales_teams.csv");
        auto accounts = readShared("maven-crm/accounts.csv");
        auto pipeline = readShared("maven-crm/sales_pipeline.csv");
        if (!teams || !accounts || !pipeline) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        ImportResult r = run({load(Entity::Employees, "sales_teams.csv", *teams),
                              load(Entity::Clients, "accounts.csv", *accounts),
                              load(Entity::Deals, "sales_pipeline.csv", *pipeline)});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        const Workspace& ws = *r.workspace;
        CHECK(ws.employees.size() == 35);
        CHECK(ws.clients.size() == 85);
        CHECK(r.report.counts().at("deals_without_client_skipped") == 1425);
        CHECK(ws.transactions.size() ==
              static_cast<std::size_t>(r.report.counts().at("deals_won_as_transactions")));
        CHECK(ws.transactions.size() > 4000);
        CHECK(ws.deals.size() == static_cast<std::size_t>(r.report.counts().at("deals_open")));
        long owned = 0;
        for (const Client& c : ws.clients) owned += c.owner.has_value();
        CHECK(owned == 85);
        REQUIRE(employee(ws, "Anna Snelling"));
        CHECK(employee(ws, "Anna Snelling")->team == "Central");
        CHECK(client(ws, "Acme Corporation")->industry == "technolgy");
    }

    TEST_CASE("utf-8 cn excel file read as gb18030 is an error") {
        auto info = readShared("cn-excel/客户信息.csv");
        if (!info) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        REQUIRE(info->rfind("\xEF\xBB\xBF", 0) == 0);
        TableMapping gb;
        gb.encoding = "gb18030";
        LoadTableResult r =
            loadTable(Entity::Clients, "客户信息.csv", *info, gb, ImportSurface::CommandLine);
        CHECK_FALSE(r.source);
        CHECK(r.error.rfind("客户信息.csv: the file starts with a UTF-8 byte order mark", 0) == 0);
        CHECK(r.error.find("drop --encoding gb18030") != std::string::npos);
    }

    TEST_CASE("cn excel exports import") {
        auto data = readShared("cn-excel/data.csv");
        auto info = readShared("cn-excel/客户信息.csv");
        if (!data || !info) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        SourceTable t = load(Entity::Transactions, "data.csv", *data);
        CHECK(t.table.header ==
              std::vector<std::string>{"订货日期", "商品名称", "客户", "负责人", "销售数量"});
        ImportResult r = run({t});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        CHECK(r.mapping.tables.at("transactions").columns.at("employee") == "负责人");
        CHECK(r.workspace->findEmployee("A") >= 0);
        ImportResult c = run({load(Entity::Clients, "客户信息.csv", *info)});
        REQUIRE_MESSAGE(c.workspace, c.report.toText());
        REQUIRE(c.workspace->clients.size() >= 1);
        CHECK(c.workspace->clients[0].id == "001");
        CHECK(c.workspace->clients[0].name == "Tom");
        CHECK(c.workspace->clients[0].extra.at("年龄") == "55");
    }
}
