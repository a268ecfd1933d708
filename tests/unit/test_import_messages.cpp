// Import messages about the header and about long values: a header that names two columns
// is warned about, and a long cell is quoted by its start in every message.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/importer.h"
#include "ui/import_text.h"
#include "ui/strings.h"

using namespace baton;

namespace {

ImportReport importCsv(Entity entity, const std::string& file, const std::string& text) {
    LoadTableResult loaded = loadTable(entity, file, text, TableMapping{});
    REQUIRE_MESSAGE(loaded.source, loaded.error);
    std::vector<SourceTable> tables;
    tables.push_back(std::move(*loaded.source));
    ImportOptions options;
    options.today = "2025-01-01";
    return importTables(tables, Mapping{}, nullptr, options).report;
}

// Imports a transactions table whose header names the client column twice (客户).
ImportReport importRepeatedClientHeader() {
    return importCsv(Entity::Transactions, "dup_columns.csv",
                     "订货日期,客户,客户,负责人,金额\n"
                     "2024-01-05,Acme,Beta,Ann,100\n");
}

const ImportIssue* firstIssue(const std::vector<IssueGroup>& groups, const std::string& code) {
    for (const IssueGroup& group : groups) {
        if (group.code == code && !group.examples.empty()) return &group.examples.front();
    }
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string repeat(const std::string& unit, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += unit;
    return out;
}

}  // namespace

TEST_SUITE("import messages") {
    TEST_CASE("repeated header names both columns") {
        ImportReport report = importRepeatedClientHeader();
        CHECK(report.ok());
        CHECK(report.count("repeated_header") == 1);
        const ImportIssue* issue = firstIssue(report.warnings(), "repeated_header");
        REQUIRE(issue != nullptr);
        std::string text = formatIssue(*issue);
        INFO(text);
        CHECK(contains(text, "dup_columns.csv row 1, column \"客户\""));
        CHECK(contains(text, "names columns 2 (B), 3 (C)"));
        CHECK(contains(text, "column 2 (B) is read as client"));
        CHECK(contains(text, "rename all but one of these columns"));
        CHECK(issue->messageKey.key == "repeated_header");
    }

    TEST_CASE("repeated header in chinese") {
        ImportReport report = importRepeatedClientHeader();
        const ImportIssue* issue = firstIssue(report.warnings(), "repeated_header");
        REQUIRE(issue != nullptr);
        REQUIRE(ui::setLocale("zh-CN"));
        std::string chinese = ui::importMessageText(issue->message, issue->messageKey);
        REQUIRE(ui::setLocale("en"));
        INFO(chinese);
        CHECK(contains(chinese, "表头 \"客户\" 对应多列：2 (B), 3 (C)"));
        CHECK(contains(chinese, "读取第 2 (B) 列作为 client"));
    }

    TEST_CASE("repeated unmapped header") {
        ImportReport report = importCsv(Entity::Transactions, "notes.csv",
                                        "client,date,amount,note,x,note\n"
                                        "C1,2024-01-05,100,a,b,c\n");
        const ImportIssue* issue = firstIssue(report.warnings(), "repeated_header");
        REQUIRE(issue != nullptr);
        INFO(issue->message);
        CHECK(contains(issue->message, "names columns 4 (D), 6 (F)"));
        CHECK(contains(issue->message, "no field of the import mapping reads it"));
        CHECK(issue->messageKey.key == "repeated_header.unmapped");
    }

    TEST_CASE("distinct headers give no repeat warning") {
        ImportReport report =
            importCsv(Entity::Transactions, "sales.csv", "client,date,amount\nC1,2024-01-05,100\n");
        CHECK(report.count("repeated_header") == 0);
    }

    TEST_CASE("cell text is shortened by code points") {
        std::string sixty(60, 'x');
        CHECK(shortenCellText("C1") == "C1");
        CHECK(shortenCellText(sixty) == sixty);
        CHECK(shortenCellText(sixty + "y") == sixty + "…");
        CHECK(shortenCellText(repeat("客", 61)) == repeat("客", 60) + "…");
    }

    TEST_CASE("long duplicate id is shortened") {
        std::string id(1000, 'A');
        ImportReport report = importCsv(Entity::Clients, "clients.csv",
                                        "id,name\n" + id + ",Acme\n" + id + ",Beta\n");
        const ImportIssue* issue = firstIssue(report.errors(), "duplicate_id");
        REQUIRE(issue != nullptr);
        INFO(issue->message);
        CHECK(contains(issue->message, "\"" + std::string(60, 'A') + "…\" (1000 characters)"));
        CHECK_FALSE(contains(issue->message, std::string(61, 'A')));
        REQUIRE(issue->messageKey.args.size() == 2);
        CHECK(issue->messageKey.args[0] == std::string(60, 'A') + "…");
    }

    TEST_CASE("short duplicate id is whole") {
        ImportReport report =
            importCsv(Entity::Clients, "clients.csv", "id,name\nC1,Acme\nC1,Beta\n");
        const ImportIssue* issue = firstIssue(report.errors(), "duplicate_id");
        REQUIRE(issue != nullptr);
        CHECK(contains(issue->message, "\"C1\" is also"));
        CHECK_FALSE(contains(issue->message, "characters)"));
        CHECK(issue->messageKey.args[0] == "C1");
    }

    TEST_CASE("keyless quoted text is shortened") {
        ImportReport report;
        std::string value(100, 'v');
        report.addError("test", ImportIssue{"f.csv", 2, value, "\"" + value + "\" is invalid"});
        const ImportIssue* issue = firstIssue(report.errors(), "test");
        REQUIRE(issue != nullptr);
        CHECK(issue->message == "\"" + std::string(60, 'v') + "…\" is invalid");
        CHECK(issue->column == std::string(60, 'v') + "…");
    }
}
