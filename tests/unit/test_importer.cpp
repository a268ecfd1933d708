#include <doctest/doctest.h>

#include <algorithm>

#include "io/importer.h"
#include "io/workspace_json.h"
#include "io/xlsx_writer.h"
#include "shared_data.h"

using namespace baton;
using baton::test::kDataDir;
using baton::test::readShared;

namespace {

SourceTable load(Entity entity, const std::string& file, const std::string& bytes,
                 const Mapping& mapping = {}) {
    auto at = mapping.tables.find(entityName(entity));
    LoadTableResult r = loadTable(entity, file, bytes, at == mapping.tables.end() ? TableMapping{}
                                                                                  : at->second);
    REQUIRE_MESSAGE(r.source, r.error);
    return std::move(*r.source);
}

ImportResult run(const std::vector<SourceTable>& tables, const Mapping& mapping = {},
                 const Workspace* into = nullptr) {
    ImportOptions options;
    options.today = "2024-01-01";
    return importTables(tables, mapping, into, options);
}

// Imports the transactions table `csv` as t.csv with `products` as the product list.
ImportResult importWithProducts(const std::string& csv, std::vector<std::string> products) {
    ImportOptions options;
    options.today = "2024-01-01";
    options.knownProducts = std::move(products);
    return importTables({load(Entity::Transactions, "t.csv", csv)}, {}, nullptr, options);
}

const IssueGroup* findGroup(const std::vector<IssueGroup>& groups, const std::string& code) {
    for (const IssueGroup& g : groups) {
        if (g.code == code) return &g;
    }
    return nullptr;
}

// The first example message of a group, "file row R, column "H": message".
std::string firstExample(const std::vector<IssueGroup>& groups, const std::string& code) {
    for (const IssueGroup& g : groups) {
        if (g.code == code && !g.examples.empty()) return formatIssue(g.examples.front());
    }
    return "";
}

const Employee* employee(const Workspace& ws, const std::string& id) {
    int i = ws.findEmployee(id);
    return i < 0 ? nullptr : &ws.employees[i];
}

const Client* client(const Workspace& ws, const std::string& id) {
    int i = ws.findClient(id);
    return i < 0 ? nullptr : &ws.clients[i];
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

    TEST_CASE("report text words counts by number") {
        ImportReport report;
        CHECK(report.toText() == "0 errors, 0 warnings\n");
        report.addError("no_data_rows", ImportIssue{"a.csv", 0, "", "no rows"});
        report.addWarning("blank_cell", ImportIssue{"a.csv", 2, "name", "blank"});
        report.addWarning("blank_cell", ImportIssue{"a.csv", 3, "name", "blank"});
        std::string text = report.toText();
        CHECK(text.substr(text.rfind('\n', text.size() - 2) + 1) == "1 error, 2 warnings\n");
        CHECK(countedNoun(1, "client has", "clients have") == "1 client has");
        CHECK(countedNoun(0, "client has", "clients have") == "0 clients have");
        CHECK(countedNoun(12, "deal", "deals") == "12 deals");
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

    TEST_CASE("warnings for negative, future and unknown products") {
        std::string csv = "client,date,amount,product\nC1,2023-01-01,-5,X\n"
                          "C1,2030-01-01,10,Y\nC2,2023-02-01,\"1,000\",Y\n";
        ImportOptions options;
        options.today = "2024-01-01";
        options.knownProducts = {"Y"};
        ImportResult r =
            importTables({load(Entity::Transactions, "t.csv", csv)}, {}, nullptr, options);
        REQUIRE(r.workspace);
        CHECK(r.report.count("negative_amount") == 1);
        CHECK(r.report.count("future_date") == 1);
        CHECK(r.report.count("unknown_product") == 1);
        CHECK(r.workspace->transactions[2].amount == 1000);
        CHECK(r.workspace->transactions[2].extra.at("product") == "Y");
    }

    TEST_CASE("unknown products suggest the listed name") {
        std::string csv = "client,date,amount,product\nC1,2023-01-01,5,GTXPro\n"
                          "C1,2023-01-02,5,MG Specail\nC2,2023-01-03,5,Nothing\n"
                          "C2,2023-01-04,5,GTXPro\n";
        ImportResult r = importWithProducts(csv, {"MG Special", "GTX Pro", "GTX Basic"});
        REQUIRE(r.workspace);
        CHECK(r.report.count("unknown_product") == 4);
        const IssueGroup* group = findGroup(r.report.warnings(), "unknown_product");
        REQUIRE(group);
        // The second GTXPro row merges into the first one's warning.
        REQUIRE(group->examples.size() == 3);
        CHECK(formatIssue(group->examples[0]) ==
              "t.csv column \"product\", 2 rows (2 and 5): product \"GTXPro\" is not in the "
              "product list; did you mean \"GTX Pro\"? Correct the name or add the product");
        CHECK(group->examples[1].message.find("did you mean \"MG Special\"?") !=
              std::string::npos);
        CHECK(formatIssue(group->examples[1]).rfind("t.csv row 3, column \"product\": ", 0) == 0);
        CHECK(group->examples[2].message ==
              "product \"Nothing\" is not in the product list; correct the name or add the "
              "product");
    }

    TEST_CASE("repeated unknown product is one warning") {
        std::string csv = "client,date,amount,product\n";
        for (int i = 0; i < 729; ++i) {
            csv += "C" + std::to_string(i % 7) + ",2023-01-01,5,X\n";
            if (i == 2) csv += "C1,2023-01-01,5,Y\n";
        }
        ImportResult r = importWithProducts(csv, {"Y"});
        REQUIRE(r.workspace);
        CHECK(r.report.count("unknown_product") == 729);

        const IssueGroup* found = findGroup(r.report.warnings(), "unknown_product");
        REQUIRE(found);
        const IssueGroup& group = *found;
        REQUIRE(group.examples.size() == 1);
        const ImportIssue& issue = group.examples.front();
        CHECK(issue.occurrences == 729);
        CHECK(issue.rows == std::vector<long>{2, 3, 4});
        CHECK(rowList(issue) == "2, 3, 4 and 726 more");
        CHECK(formatIssue(issue) ==
              "t.csv column \"product\", 729 rows (2, 3, 4 and 726 more): product \"X\" is not "
              "in the product list; correct the name or add the product");
        CHECK(occurrencesNotShown(group, 1) == 0);

        std::string text = r.report.toText();
        std::size_t at = text.find(
            "warning unknown_product (729):\n  t.csv column \"product\", "
            "729 rows (2, 3, 4 and 726 more)");
        REQUIRE(at != std::string::npos);
        // The one example covers the group, so no "... and N more" line follows it.
        std::size_t next = text.find('\n', text.find('\n', at) + 1) + 1;
        CHECK(text.compare(next, 9, "  ... and") != 0);

        nlohmann::json json = r.report.toJson();
        nlohmann::json example;
        for (const auto& g : json["warnings"]) {
            if (g["code"] == "unknown_product") example = g["examples"][0];
        }
        CHECK(example["row"] == 2);
        CHECK(example["occurrences"] == 729);
        CHECK(example["rows"] == nlohmann::json::array({2, 3, 4}));
    }

    TEST_CASE("repeats merge across added reports") {
        ImportReport table;
        table.addWarning("w", ImportIssue{"a.csv", 2, "c", "same"});
        table.addWarning("w", ImportIssue{"a.csv", 4, "c", "same"});
        table.addWarning("w", ImportIssue{"a.csv", 5, "d", "same"});
        ImportReport report;
        report.addWarning("w", ImportIssue{"a.csv", 9, "c", "same"});
        report.addWarnings(table);
        REQUIRE(report.warnings().size() == 1);
        const IssueGroup& group = report.warnings().front();
        CHECK(group.count == 4);
        REQUIRE(group.examples.size() == 2);
        CHECK(group.examples[0].occurrences == 3);
        CHECK(rowList(group.examples[0]) == "9, 2 and 4");
        CHECK(group.examples[1].occurrences == 1);
        CHECK(formatIssue(group.examples[1]) == "a.csv row 5, column \"d\": same");
        report.addError("e", ImportIssue{"a.csv", 2, "c", "same"});
        report.addError("e", ImportIssue{"a.csv", 3, "c", "same"});
        CHECK(report.errors().front().examples.size() == 2);
    }

    TEST_CASE("blank dates offer fill-down and fill-down applies") {
        std::string csv = "销售日期,品牌,销售额\n2022-1-1,甲,100\n,乙,200\n,甲,300\n"
                          "2022-1-2,乙,400\n";
        Mapping mapping;
        mapping.tables["transactions"].columns = {
            {"date", "销售日期"}, {"client", "品牌"}, {"amount", "销售额"}};
        ImportResult r = run({load(Entity::Transactions, "订单.csv", csv)}, mapping);
        CHECK_FALSE(r.workspace);
        CHECK(r.report.count("missing_value") == 2);
        REQUIRE(r.report.suggestions().size() == 1);
        CHECK(r.report.suggestions()[0].find("\"销售日期\"") != std::string::npos);
        mapping.fillDown = {"销售日期"};
        ImportResult filled = run({load(Entity::Transactions, "订单.csv", csv)}, mapping);
        REQUIRE(filled.workspace);
        CHECK(filled.workspace->transactions[2].date == "2022-01-01");
        CHECK(filled.workspace->transactions[3].date == "2022-01-02");
    }

    TEST_CASE("blanks that are missing values, not merged cells, offer no fill-down") {
        // Deals of the same clients in no order, a few without a client: filling down would
        // give them the client of the row above, so no fill-down is offered.
        std::string csv = "id,client,stage,amount\nD1,C1,won,5\nD2,,open,5\nD3,C2,won,5\n"
                          "D4,C1,won,5\nD5,,open,5\nD6,C2,won,5\nD7,,open,5\nD8,C1,won,5\n";
        ImportResult r = run({load(Entity::Deals, "deals.csv", csv)});
        for (const std::string& s : r.report.suggestions()) {
            CHECK(s.find("fill_down") == std::string::npos);
        }
    }

    TEST_CASE("blank last days offer no fill-down") {
        // Leavers listed first, then everyone else with a blank last day: the blanks mean
        // "not leaving", so filling them down would make everyone leave.
        std::string csv = "id,name,status,last_day\nE1,Ann,leaving,2026-12-31\n"
                          "E2,Bo,active,\nE3,Cy,active,\nE4,Di,active,\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", csv)});
        REQUIRE_MESSAGE(r.workspace, r.report.toText());
        CHECK(r.report.suggestions().empty());
        CHECK(r.workspace->employees[1].lastDay.empty());
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

    TEST_CASE("decimal commas in semicolon files") {
        std::string csv = "client;date;amount\nC1;01.09.2023;1.234,50\n";
        ImportResult r = run({load(Entity::Transactions, "t.csv", csv)});
        REQUIRE(r.workspace);
        CHECK(r.workspace->transactions[0].amount == 1234.5);
        CHECK(r.workspace->transactions[0].date == "2023-09-01");
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

    TEST_CASE("maven crm GTXPro suggests GTX Pro") {
        auto pipeline = readShared("maven-crm/sales_pipeline.csv");
        if (!pipeline) {
            MESSAGE("skipped: " << kDataDir << " is absent");
            return;
        }
        ImportOptions options;
        options.today = "2030-01-01";
        // The names of the sample's products table, which writes "GTX Pro" with a space.
        options.knownProducts = {"GTX Basic",    "GTX Pro",        "MG Special", "MG Advanced",
                                 "GTX Plus Pro", "GTX Plus Basic", "GTK 500"};
        ImportResult r = importTables({load(Entity::Deals, "sales_pipeline.csv", *pipeline)}, {},
                                      nullptr, options);
        std::string example = firstExample(r.report.warnings(), "unknown_product");
        CHECK(example.find("product \"GTXPro\" is not in the product list; did you mean "
                           "\"GTX Pro\"?") != std::string::npos);
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

#include "io/encoding.h"
#include "io/export_csv.h"

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
