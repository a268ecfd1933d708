// Merging imported tables into an existing workspace, and the forms of a Chinese export
// that the import reads. Owners that a merge changes are listed in the report. Amounts
// written with 万, 元 or full-width digits are read. A departed status with a last day after
// the as-of date is read as leaving.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/importer.h"

using namespace baton;

namespace {

SourceTable load(Entity entity, const std::string& file, const std::string& bytes) {
    LoadTableResult r = loadTable(entity, file, bytes, TableMapping{});
    REQUIRE_MESSAGE(r.source, r.error);
    return std::move(*r.source);
}

ImportResult run(const std::vector<SourceTable>& tables, const Workspace* into = nullptr,
                 const std::string& today = "2025-07-01") {
    ImportOptions options;
    options.today = today;
    return importTables(tables, Mapping{}, into, options);
}

const IssueGroup* findGroup(const std::vector<IssueGroup>& groups, const std::string& code) {
    for (const IssueGroup& g : groups) {
        if (g.code == code) return &g;
    }
    return nullptr;
}

const Employee* findEmployee(const Workspace& ws, const std::string& id) {
    for (const Employee& e : ws.employees) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

// The status of employee `id` as the workspace JSON writes it, "none" when there is no such
// employee.
std::string statusOf(const Workspace& ws, const std::string& id) {
    const Employee* e = findEmployee(ws, id);
    return e ? toString(e->status) : "none";
}

const Client* findClient(const Workspace& ws, const std::string& id) {
    for (const Client& c : ws.clients) {
        if (c.id == id) return &c;
    }
    return nullptr;
}

// Three active employees, E01 to E03, and `clients` clients C001, C002, ... owned in turn
// by E01, E02 and E03.
Workspace smallWorkspace(int clients = 3) {
    Workspace ws;
    for (const char* id : {"E01", "E02", "E03"}) {
        Employee e;
        e.id = id;
        e.name = std::string("Name ") + id;
        ws.employees.push_back(e);
    }
    for (int i = 1; i <= clients; ++i) {
        Client c;
        c.id = (i < 10 ? "C00" : "C0") + std::to_string(i);
        c.name = "Client " + std::to_string(i);
        c.owner = ws.employees[static_cast<std::size_t>((i - 1) % 3)].id;
        ws.clients.push_back(c);
    }
    return ws;
}

}  // namespace

TEST_SUITE("import merge") {
    TEST_CASE("merge lists a changed owner") {
        Workspace before = smallWorkspace();
        std::string csv = "id,name,owner\nC001,Renamed,E02\nC002,Client 2,E02\nC003,Client 3,\n";
        ImportResult r = run({load(Entity::Clients, "merge.csv", csv)}, &before);
        REQUIRE(r.workspace);
        CHECK(findClient(*r.workspace, "C001")->owner == "E02");
        CHECK_FALSE(findClient(*r.workspace, "C003")->owner.has_value());
        CHECK(r.report.counts().at("owners_changed") == 2);
        const IssueGroup* group = findGroup(r.report.warnings(), "owner_changed");
        REQUIRE(group != nullptr);
        CHECK(group->count == 2);
        REQUIRE(group->examples.size() == 2);
        const ImportIssue& first = group->examples[0];
        CHECK(first.file == "merge.csv");
        CHECK(first.row == 2);
        CHECK(first.column == "owner");
        CHECK(first.message.find("\"C001\"") != std::string::npos);
        CHECK(first.message.find("from E01 to E02") != std::string::npos);
        CHECK(group->examples[1].message.find("from E03 to no owner") != std::string::npos);
        CHECK(first.messageKey.key == "owner_changed");
        CHECK(first.messageKey.args == std::vector<std::string>{"C001", "E01", "E02"});
    }

    TEST_CASE("merge report json has every owner change") {
        Workspace before = smallWorkspace(12);
        std::string csv = "id,owner\n";
        for (const Client& c : before.clients) csv += c.id + ",E01\n";
        ImportResult r = run({load(Entity::Clients, "all.csv", csv)}, &before);
        REQUIRE(r.workspace);
        // Clients 1, 4, 7 and 10 were E01's already.
        const IssueGroup* group = findGroup(r.report.warnings(), "owner_changed");
        REQUIRE(group != nullptr);
        CHECK(group->count == 8);
        CHECK(group->examples.size() == ImportReport::kMaxExamples);
        nlohmann::json json = r.report.toJson();
        REQUIRE(json.contains("owner_changes"));
        REQUIRE(json["owner_changes"].size() == 8);
        CHECK(json["owner_changes"][0] == nlohmann::json{{"client", "C002"},
                                                         {"from", "E02"},
                                                         {"to", "E01"},
                                                         {"file", "all.csv"},
                                                         {"row", 3}});
        CHECK(json["counts"]["owners_changed"] == 8);
        std::string text = r.report.toText();
        CHECK(text.find("owners_changed: 8") != std::string::npos);
        CHECK(text.find("warning owner_changed (8):") != std::string::npos);
        CHECK(text.find("... and 3 more") != std::string::npos);
    }

    TEST_CASE("merge with the same owner lists nothing") {
        Workspace before = smallWorkspace();
        // E02 is named by its name here, which resolves to the same id.
        std::string csv = "id,owner\nC001,E01\nC002,Name E02\n";
        ImportResult r = run({load(Entity::Clients, "same.csv", csv)}, &before);
        REQUIRE(r.workspace);
        CHECK(findGroup(r.report.warnings(), "owner_changed") == nullptr);
        CHECK(r.report.counts().count("owners_changed") == 0);
        CHECK_FALSE(r.report.toJson().contains("owner_changes"));
    }

    TEST_CASE("new import lists no owner change") {
        std::string csv = "id,owner\nC1,E1\n";
        std::string staff = "id,name\nE1,Ann\n";
        ImportResult r =
            run({load(Entity::Employees, "staff.csv", staff), load(Entity::Clients, "c.csv", csv)});
        REQUIRE(r.workspace);
        CHECK(findGroup(r.report.warnings(), "owner_changed") == nullptr);
    }

    TEST_CASE("chinese amounts import without warnings") {
        std::string clients =
            "id,name,revenue_12m,potential,workload\n"
            "C1,甲,１２３,３０００,１\n"
            "C2,乙,5000元,1.5万,2\n"
            "C3,丙,￥1.2万元,2亿,1\n"
            "C4,丁,RMB 3000,\"１，２３４．５\",1\n";
        std::string sales = "client,date,amount\nC1,2025-06-01,－３００\nC2,2025-06-02,0.5万元\n";
        ImportResult r = run(
            {load(Entity::Clients, "c.csv", clients), load(Entity::Transactions, "t.csv", sales)});
        REQUIRE(r.workspace);
        CHECK(r.report.count("invalid_number") == 0);
        const Workspace& ws = *r.workspace;
        CHECK(findClient(ws, "C1")->revenue12m == 123.0);
        CHECK(findClient(ws, "C1")->potential == 3000.0);
        CHECK(findClient(ws, "C1")->workload == 1.0);
        CHECK(findClient(ws, "C2")->revenue12m == 5000.0);
        CHECK(findClient(ws, "C2")->potential == 15000.0);
        CHECK(findClient(ws, "C3")->revenue12m == 12000.0);
        CHECK(findClient(ws, "C3")->potential == 200000000.0);
        CHECK(findClient(ws, "C4")->revenue12m == 3000.0);
        CHECK(findClient(ws, "C4")->potential == 1234.5);
        REQUIRE(ws.transactions.size() == 2);
        CHECK(ws.transactions[0].amount == -300.0);
        CHECK(ws.transactions[1].amount == 5000.0);
    }

    TEST_CASE("ambiguous chinese amount keeps its warning") {
        std::string clients = "id,name,revenue_12m\nC1,甲,1万2千\n";
        ImportResult r = run({load(Entity::Clients, "c.csv", clients)});
        REQUIRE(r.workspace);
        const IssueGroup* group = findGroup(r.report.warnings(), "invalid_number");
        REQUIRE(group != nullptr);
        CHECK(group->examples[0].message ==
              "\"1万2千\" is not a number; write it as 1234.5 or 1,234.5 (set \"decimal\" in "
              "the mapping if the decimal mark differs); the value is left out");
    }

    TEST_CASE("departed with a later last day is leaving") {
        // The latest transaction, 2026-11-30, is the as-of date: E2 leaves after it, E3
        // left before it.
        std::string staff =
            "工号,姓名,状态,离职日期\nE1,张三,在职,\nE2,李四,离职,2026/12/31\n"
            "E3,王五,离职,2024/03/01\nE4,赵六,离职,\n";
        std::string sales = "client,date,amount,employee\nC1,2026-11-30,100,E1\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff),
                              load(Entity::Transactions, "t.csv", sales)},
                             nullptr, "2026-12-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E2") == "leaving");
        CHECK(statusOf(*r.workspace, "E3") == "departed");
        CHECK(statusOf(*r.workspace, "E4") == "departed");
        const IssueGroup* group = findGroup(r.report.warnings(), "departed_read_as_leaving");
        REQUIRE(group != nullptr);
        CHECK(group->count == 1);
        const ImportIssue& issue = group->examples[0];
        CHECK(issue.file == "staff.csv");
        CHECK(issue.row == 3);
        CHECK(issue.column == "状态");
        CHECK(issue.message.find("2026-12-31") != std::string::npos);
        CHECK(issue.message.find("2026-11-30, the date of the latest transaction") !=
              std::string::npos);
        CHECK(issue.messageKey.key == "departed_read_as_leaving");
    }

    TEST_CASE("leaving check uses the policy as_of") {
        Workspace into = smallWorkspace();
        into.policy.asOf = "2027-01-15";
        std::string staff = "id,status,last_day\nE02,departed,2026-12-31\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, &into, "2026-01-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E02") == "departed");
        into.policy.asOf = "2026-12-01";
        r = run({load(Entity::Employees, "staff.csv", staff)}, &into, "2026-01-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E02") == "leaving");
        const IssueGroup* group = findGroup(r.report.warnings(), "departed_read_as_leaving");
        REQUIRE(group != nullptr);
        CHECK(group->examples[0].message.find("the policy's as_of") != std::string::npos);
    }

    TEST_CASE("leaving check without an as-of date uses today") {
        std::string staff = "id,status,last_day\nE1,已离职,2026-12-31\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, nullptr, "2026-07-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E1") == "leaving");
        r = run({load(Entity::Employees, "staff.csv", staff)}, nullptr, "2027-01-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E1") == "departed");
        r = run({load(Entity::Employees, "staff.csv", staff)}, nullptr, "");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E1") == "departed");
    }

    TEST_CASE("merge lists a changed status") {
        Workspace before = smallWorkspace();
        std::string staff =
            "id,status,last_day\nE01,已离职,2026-01-15\nE02,active,\nE03,on_leave,\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, &before, "2026-07-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E01") == "departed");
        CHECK(r.report.counts().at("employees_updated") == 3);
        CHECK(r.report.counts().at("statuses_changed") == 2);

        const IssueGroup* group = findGroup(r.report.warnings(), "status_changed");
        REQUIRE(group != nullptr);
        CHECK(group->count == 2);
        REQUIRE(group->examples.size() == 2);
        const ImportIssue& first = group->examples[0];
        CHECK(first.file == "staff.csv");
        CHECK(first.row == 2);
        CHECK(first.column == "status");
        CHECK(first.message ==
              "employee \"E01\" changes status from active to departed, so the next allocation "
              "releases their clients; correct the row if the status should stay active");
        CHECK(first.messageKey.key == "status_changed.released");
        CHECK(first.messageKey.args == std::vector<std::string>{"E01", "active", "departed"});
        CHECK(group->examples[1].messageKey.key == "status_changed");
        CHECK(group->examples[1].message.find("from active to on_leave;") != std::string::npos);

        nlohmann::json json = r.report.toJson();
        REQUIRE(json.contains("status_changes"));
        REQUIRE(json["status_changes"].size() == 2);
        CHECK(json["status_changes"][0] == nlohmann::json{{"employee", "E01"},
                                                          {"from", "active"},
                                                          {"to", "departed"},
                                                          {"file", "staff.csv"},
                                                          {"row", 2}});
        CHECK(r.report.toText().find("statuses_changed: 2") != std::string::npos);
    }

    TEST_CASE("merge status change after leaving rule") {
        // The last day is after today, the as-of date of a workspace without transactions,
        // so the departed row becomes leaving, and the change names the status it settles on.
        Workspace before = smallWorkspace();
        std::string staff = "id,status,last_day\nE02,departed,2026-12-31\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, &before, "2026-07-01");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E02") == "leaving");
        const IssueGroup* group = findGroup(r.report.warnings(), "status_changed");
        REQUIRE(group != nullptr);
        CHECK(group->examples[0].message.find("from active to leaving") != std::string::npos);
    }

    TEST_CASE("merge with the same status lists nothing") {
        Workspace before = smallWorkspace();
        std::string staff = "id,status\nE01,在职\nE02,active\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, &before);
        REQUIRE(r.workspace);
        CHECK(findGroup(r.report.warnings(), "status_changed") == nullptr);
        CHECK(r.report.counts().count("statuses_changed") == 0);
        CHECK_FALSE(r.report.toJson().contains("status_changes"));
    }

    TEST_CASE("leaving advice for a past last day") {
        // The data ends on 2017-12-31, and today is 2026-12-05: the last day 2018-06-01 is
        // right, so the advice is to move the as-of date, not to correct the last day.
        std::string staff = "id,status,last_day\nE1,离职,2018-06-01\nE2,离职,2027-03-01\n";
        std::string sales = "client,date,amount,employee\nC1,2017-12-31,100,E1\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff),
                              load(Entity::Transactions, "t.csv", sales)},
                             nullptr, "2026-12-05");
        REQUIRE(r.workspace);
        CHECK(statusOf(*r.workspace, "E1") == "leaving");
        const IssueGroup* group = findGroup(r.report.warnings(), "departed_read_as_leaving");
        REQUIRE(group != nullptr);
        REQUIRE(group->examples.size() == 2);
        const ImportIssue& past = group->examples[0];
        CHECK(past.message.find("correct the last day") == std::string::npos);
        CHECK(past.message.find("not after today, 2026-12-05 (--today, else the system date)") !=
              std::string::npos);
        CHECK(past.message.find("set the workspace policy's as_of to 2026-12-05 or later") !=
              std::string::npos);
        CHECK(past.messageKey.key == "departed_read_as_leaving.past");
        CHECK(past.messageKey.args.back() == "2026-12-05");
        const ImportIssue& future = group->examples[1];
        CHECK(future.message.find("if they have already left, correct the last day") !=
              std::string::npos);
        CHECK(future.messageKey.key == "departed_read_as_leaving");
    }

    TEST_CASE("report keeps every issue when asked") {
        std::string clients = "id,revenue_12m\n";
        for (int i = 1; i <= 8; ++i)
            clients += "C" + std::to_string(i) + ",bad" + std::to_string(i) + "\n";
        ImportResult brief = run({load(Entity::Clients, "c.csv", clients)});
        const IssueGroup* group = findGroup(brief.report.warnings(), "invalid_number");
        REQUIRE(group != nullptr);
        CHECK(group->count == 8);
        CHECK(group->examples.size() == ImportReport::kMaxExamples);
        CHECK(brief.report.toText("pass --all-warnings")
                  .find("  ... and 3 more; pass --all-warnings\n") != std::string::npos);
        CHECK(brief.report.toText().find("  ... and 3 more\n") != std::string::npos);

        ImportOptions options;
        options.today = "2025-07-01";
        options.everyIssue = true;
        ImportResult full =
            importTables({load(Entity::Clients, "c.csv", clients)}, Mapping{}, nullptr, options);
        group = findGroup(full.report.warnings(), "invalid_number");
        REQUIRE(group != nullptr);
        CHECK(group->examples.size() == 8);
        CHECK(full.report.toText("pass --all-warnings").find("... and") == std::string::npos);
    }

    TEST_CASE("full-width last day is read") {
        std::string staff = "id,status,last_day\nE1,离职,２０２７－０１－０５\n";
        ImportResult r = run({load(Entity::Employees, "staff.csv", staff)}, nullptr, "2026-12-05");
        REQUIRE(r.workspace);
        CHECK(r.report.count("invalid_date") == 0);
        CHECK(findEmployee(*r.workspace, "E1")->lastDay == "2027-01-05");
        CHECK(statusOf(*r.workspace, "E1") == "leaving");
    }
}
