// The Chinese templates of the import report: every message key that an import of files
// with many kinds of warnings produces has a template, the Chinese text fills it, and the
// English text stays the importer's own message.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "io/importer.h"
#include "ui/import_text.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::ui;

namespace {

// Restores the English UI language when a test case ends.
struct EnglishAtEnd {
    ~EnglishAtEnd() { setLocale("en"); }
};

SourceTable loadCsv(Entity entity, const std::string& file, const std::string& text) {
    LoadTableResult loaded = loadTable(entity, file, text, TableMapping{});
    REQUIRE_MESSAGE(loaded.source, loaded.error);
    return std::move(*loaded.source);
}

// An import whose files give most warnings and derived fields the importer has.
ImportReport importWithWarnings() {
    std::vector<SourceTable> tables;
    tables.push_back(loadCsv(Entity::Employees, "staff.csv",
                             "id,name,hired\nE1,Ann,2020-13-01\nE2,Bo,2021-02-30\n"
                             "E3,Cy,soon\n"));
    tables.push_back(loadCsv(Entity::Clients, "accounts.csv",
                             "id,name,key_account,owner,hobby\nC1,Acme,maybe,E1,x\n"
                             "C2,Beta,yes,E1,y\nC3,Gamma,no,,z\n"));
    tables.push_back(loadCsv(Entity::Transactions, "sales.csv",
                             "client,date,amount,employee,product\n"
                             "C1,2023-05-01,-10,E1,widget\n"
                             "C1,2025-02-01,10,E1,Widget\n"
                             "C9,2023-05-01,10,E1,Widget\n"
                             "C1,2023-05-01,10,E9,Widget\n"
                             "C1,2023-05-01,,E1,Widget\n"
                             "C1,2023-05-01,10,E1,Gizmo\n"
                             "C2,2023-06-01,5\n"
                             "C1,2023-05-01,10,E1\x01,Widget\n"));
    tables.push_back(loadCsv(Entity::Deals, "pipeline.csv",
                             "client,employee,stage,amount,close_date\n"
                             "C1,E1,won,100,2023-03-01\n"
                             "C1,E1,open,,\n"
                             "C9,E1,open,5,\n"
                             "C1,E9,open,5,\n"
                             ",E1,open,5,\n"
                             "C1,E1,lost,5,2023-01-01\n"));
    ImportOptions options;
    options.today = "2024-01-01";
    options.knownProducts = {"Widget"};
    return importTables(tables, Mapping{}, nullptr, options).report;
}

struct Keyed {
    std::string english;
    MessageKey key;
};

std::vector<Keyed> keyedMessages(const ImportReport& report) {
    std::vector<Keyed> out;
    for (const IssueGroup& group : report.warnings()) {
        for (const ImportIssue& issue : group.examples)
            out.push_back({issue.message, issue.messageKey});
    }
    for (const DerivedField& field : report.derived()) {
        out.push_back({field.sentence, field.messageKey});
    }
    return out;
}

bool hasNonAscii(const std::string& text) {
    for (unsigned char c : text) {
        if (c >= 0x80) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("import text") {
    TEST_CASE("templates have unique keys") {
        std::set<std::string> keys;
        for (const ImportTemplate& entry : importTemplates()) {
            INFO(entry.key);
            CHECK(keys.insert(entry.key).second);
            CHECK(hasNonAscii(entry.chinese));
        }
    }

    TEST_CASE("import warnings are chinese") {
        EnglishAtEnd restore;
        ImportReport report = importWithWarnings();
        std::vector<Keyed> messages = keyedMessages(report);
        std::set<std::string> seen;
        for (const Keyed& message : messages) {
            if (message.key.key.empty()) continue;
            seen.insert(message.key.key);
            INFO(message.key.key << ": " << message.english);
            REQUIRE(setLocale("zh-CN"));
            std::string chinese = importMessageText(message.english, message.key);
            CHECK(chinese != message.english);
            CHECK(hasNonAscii(chinese));
            for (const std::string& value : message.key.args) {
                CHECK(chinese.find(value) != std::string::npos);
            }
            REQUIRE(setLocale("en"));
            CHECK(importMessageText(message.english, message.key) == message.english);
        }
        for (const char* key :
             {"invalid_date.month", "invalid_date.day", "invalid_date.shape", "invalid_boolean",
              "negative_amount", "future_date", "unknown_product", "unknown_product.suggestion",
              "unknown_client.transaction", "unknown_employee.transaction", "missing_amount",
              "missing_cells.comma", "control_character_in_cell.one", "unknown_client.deal",
              "unknown_employee.deal", "deal_without_client", "deals.from_crm",
              "deals.without_amount", "unmapped_columns.client_extras"}) {
            CHECK_MESSAGE(seen.count(key) == 1,
                          "the import gave no message with key " << std::string(key));
        }
    }

    TEST_CASE("merge warnings are chinese") {
        EnglishAtEnd restore;
        Workspace into;
        for (const char* id : {"E1", "E2"}) {
            Employee e;
            e.id = id;
            e.name = id;
            into.employees.push_back(e);
        }
        Client client;
        client.id = "C1";
        client.owner = "E1";
        into.clients.push_back(client);
        std::vector<SourceTable> tables;
        tables.push_back(loadCsv(Entity::Employees, "staff.csv",
                                 "id,status,last_day\nE1,离职,2026-01-01\nE2,离职,2027-01-01\n"));
        tables.push_back(loadCsv(Entity::Clients, "accounts.csv", "id,owner\nC1,E2\n"));
        ImportOptions options;
        options.today = "2026-07-01";
        ImportReport report = importTables(tables, Mapping{}, &into, options).report;
        std::set<std::string> keys;
        REQUIRE(setLocale("zh-CN"));
        for (const Keyed& message : keyedMessages(report)) {
            keys.insert(message.key.key);
            INFO(message.key.key << ": " << message.english);
            std::string chinese = importMessageText(message.english, message.key);
            CHECK(chinese != message.english);
            CHECK(hasNonAscii(chinese));
            CHECK(chinese.find(message.key.args.at(0)) != std::string::npos);
        }
        CHECK(keys.count("owner_changed") == 1);
        CHECK(keys.count("status_changed.released") == 1);
        CHECK(keys.count("departed_read_as_leaving") == 1);
        const IssueGroup* status = nullptr;
        for (const IssueGroup& group : report.warnings()) {
            if (group.code == "status_changed") status = &group;
        }
        REQUIRE(status != nullptr);
        const ImportIssue& first = status->examples.at(0);
        CHECK(importMessageText(first.message, first.messageKey).find("由在职改为已离职") !=
              std::string::npos);
        CHECK(std::string(importCodeTitle("status_changed")) == "状态已变更");
        CHECK(std::string(importCodeTitle("departed_read_as_leaving")) == "已离职按离职中导入");
        MessageKey past{"departed_read_as_leaving.past",
                        {"离职", "2018-06-01", "2017-12-31", "2026-12-05"}};
        std::string chinese = importMessageText("english", past);
        CHECK(chinese.find("as_of 设为 2026-12-05") != std::string::npos);
        CHECK(chinese.find("请更正最后工作日") == std::string::npos);
    }

    TEST_CASE("every import warning has a key") {
        ImportReport report = importWithWarnings();
        for (const IssueGroup& group : report.warnings()) {
            for (const ImportIssue& issue : group.examples) {
                INFO(group.code << ": " << issue.message);
                CHECK_FALSE(issue.messageKey.key.empty());
            }
        }
        for (const DerivedField& field : report.derived()) {
            INFO(field.sentence);
            CHECK_FALSE(field.messageKey.key.empty());
        }
    }

    TEST_CASE("created records name their columns") {
        EnglishAtEnd restore;
        std::vector<SourceTable> tables;
        tables.push_back(loadCsv(Entity::Transactions, "sales.csv",
                                 "date,client,employee,amount\n2023-05-01,Acme,Ann,10\n"));
        ImportReport report = importTables(tables, Mapping{}, nullptr, ImportOptions{}).report;
        std::set<std::string> chinese;
        REQUIRE(setLocale("zh-CN"));
        for (const DerivedField& field : report.derived()) {
            chinese.insert(importMessageText(field.sentence, field.messageKey));
        }
        CHECK(chinese.count("根据 sales.csv \"employee\" 列创建了 1 名员工"
                            "（编号和姓名取单元格文本，状态为在职）") == 1);
        CHECK(chinese.count("根据 sales.csv \"client\" 列创建了 1 个客户"
                            "（编号和名称取单元格文本）") == 1);
        REQUIRE_FALSE(report.derived().empty());
        CHECK(report.derived().front().sentence ==
              "1 employee created from sales.csv column \"employee\" (id and name are the cell "
              "text, status active)");
    }

    TEST_CASE("missing client column advice is chinese") {
        EnglishAtEnd restore;
        std::vector<SourceTable> tables;
        tables.push_back(loadCsv(Entity::Transactions, "订单.csv",
                                 "销售日期,销售信息,品牌,售价,销售数量,销售额\n"
                                 "2022-1-1,上海订单-455,杰克狼,99,83,8217\n"));
        ImportReport report = importTables(tables, Mapping{}, nullptr, ImportOptions{}).report;
        REQUIRE(report.errors().size() == 1);
        const ImportIssue& issue = report.errors()[0].examples.at(0);
        REQUIRE(issue.messageKey.key == "unmapped_field.page");
        CHECK(issue.message.find("no column gives the client of transactions. In Excel, add") == 0);
        CHECK(issue.message.find("\"Use mapping file…\"") != std::string::npos);
        CHECK(issue.message.find("import mapping") == std::string::npos);

        REQUIRE(setLocale("zh-CN"));
        std::string chinese = importMessageText(issue.message, issue.messageKey);
        CHECK(chinese.find("没有哪一列给出交易的客户。") == 0);
        CHECK(chinese.find("\"客户名称\"") != std::string::npos);
        CHECK(chinese.find("“使用映射文件…”") != std::string::npos);
        CHECK(chinese.find("读到的表头为：\"销售日期\", \"销售信息\"") != std::string::npos);
        CHECK(chinese.find("transactions") == std::string::npos);
        CHECK(chinese.find("client ") == std::string::npos);
    }

    TEST_CASE("id or name advice names both fields") {
        EnglishAtEnd restore;
        REQUIRE(setLocale("zh-CN"));
        MessageKey key{"unmapped_field.page",
                       {"id or name", "employees", "\"工号\"", "\"a\", \"b\" and 3 more"}};
        std::string chinese = importMessageText("english", key);
        CHECK(chinese.find("没有哪一列给出员工的编号或名称。") == 0);
        CHECK(chinese.find("读到的表头为：\"a\", \"b\"，另有 3 个") != std::string::npos);
    }

    TEST_CASE("fill down suggestion fits the page") {
        EnglishAtEnd restore;
        std::string csv =
            "销售日期,客户,销售额\n2022-1-1,A,1\n,B,2\n,C,3\n2022-1-2,D,4\n,E,5\n,F,6\n";
        std::vector<SourceTable> page;
        page.push_back(loadCsv(Entity::Transactions, "订单.csv", csv));
        ImportReport report = importTables(page, Mapping{}, nullptr, ImportOptions{}).report;
        REQUIRE(report.suggestions().size() == 1);
        REQUIRE(report.suggestionKeys().size() == 1);
        const MessageKey& key = report.suggestionKeys()[0];
        CHECK(key.key == "fill_down.page");
        CHECK(report.suggestions()[0].find("\"Save mapping\"") != std::string::npos);
        REQUIRE(setLocale("zh-CN"));
        std::string chinese = importMessageText(report.suggestions()[0], key);
        CHECK(chinese.find("订单.csv 的 \"销售日期\" 列") == 0);
        CHECK(chinese.find("“保存映射”") != std::string::npos);

        std::vector<SourceTable> cli;
        LoadTableResult loaded = loadTable(Entity::Transactions, "订单.csv", csv, TableMapping{},
                                           ImportSurface::CommandLine);
        REQUIRE(loaded.source);
        cli.push_back(std::move(*loaded.source));
        ImportReport cliReport = importTables(cli, Mapping{}, nullptr, ImportOptions{}).report;
        REQUIRE(cliReport.suggestions().size() == 1);
        CHECK(cliReport.suggestions()[0].find("to \"fill_down\" in the mapping") !=
              std::string::npos);
        CHECK(cliReport.suggestionKeys()[0].key.empty());
    }

    TEST_CASE("revenue field is named in chinese") {
        EnglishAtEnd restore;
        REQUIRE(setLocale("zh-CN"));
        std::string chinese =
            importMessageText("english", {"revenue_12m", {"12", "2022-09-14", "2023-09-13"}});
        CHECK(chinese.find("revenue_12m") == std::string::npos);
        CHECK(chinese.find("12 个客户的近 12 个月收入") == 0);
    }

    TEST_CASE("key with too few values stays english") {
        EnglishAtEnd restore;
        REQUIRE(setLocale("zh-CN"));
        CHECK(importMessageText("the date x is after today", {"future_date", {"2025-01-01"}}) ==
              "the date x is after today");
        CHECK(importMessageText("no key", {}) == "no key");
        CHECK(importMessageText("unknown key", {"no_such_key", {}}) == "unknown key");
    }

    TEST_CASE("issue codes have chinese titles") {
        EnglishAtEnd restore;
        ImportReport report = importWithWarnings();
        REQUIRE(setLocale("zh-CN"));
        for (const IssueGroup& group : report.warnings()) {
            INFO(group.code);
            CHECK(hasNonAscii(importCodeTitle(group.code)));
        }
        REQUIRE(setLocale("en"));
        CHECK(std::string(importCodeTitle("invalid_date")) == "invalid_date");
    }
}
