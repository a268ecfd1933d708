// An import where one id is misspelt: the first issue it causes is given in full and the
// rows that name the same id follow in one line, unless every issue is asked for.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "io/importer.h"

using namespace baton;

namespace {

// The employees table calls E03 "E3", so every row that names E03 fails to resolve.
ImportResult importMisspeltEmployee(bool everyIssue) {
    const std::pair<Entity, std::string> files[] = {
        {Entity::Employees, "id,name,status\nE01,Ada,active\nE02,Bo,active\nE3,Cy,leaving\n"},
        {Entity::Clients,
         "id,name,owner\nC1,One,E01\nC2,Two,E03\nC3,Three,E02\nC4,Four,E03\n"
         "C5,Five,E03\n"},
        {Entity::Transactions,
         "client,employee,date,amount\nC1,E01,2026-01-05,10\n"
         "C2,E03,2026-01-06,20\nC4,E03,2026-01-07,30\n"}};
    std::vector<SourceTable> tables;
    for (const auto& [entity, csv] : files) {
        std::string name = std::string(entityName(entity)) + ".csv";
        LoadTableResult table = loadTable(entity, name, csv, TableMapping{});
        REQUIRE(table.source);
        tables.push_back(std::move(*table.source));
    }
    ImportOptions options;
    options.today = "2026-12-01";
    options.everyIssue = everyIssue;
    return importTables(tables, {}, nullptr, options);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST_SUITE("import folds") {
    TEST_CASE("rows naming one unknown id fold") {
        ImportResult result = importMisspeltEmployee(false);
        CHECK_FALSE(result.workspace.has_value());
        CHECK(result.report.count("unknown_owner") == 3);
        CHECK(result.report.count("unknown_employee") == 2);
        std::string text = result.report.toText("run the import again with --all-warnings");
        CHECK(text.find("error unknown_owner (3):\n  clients.csv row 3, column \"owner\": owner "
                        "\"E03\" is neither the id nor the name of an employee") !=
              std::string::npos);
        CHECK(
            text.find("  ... 4 more rows name \"E03\" (clients.csv rows 5 and 6; transactions.csv "
                      "rows 3 and 4); run the import again with --all-warnings\n") !=
            std::string::npos);
        CHECK(occurrences(text, "\"E03\" is neither") == 1);
        CHECK(text.find("warning unknown_employee (2):\n  ... 2 more, listed under \"E03\"\n") !=
              std::string::npos);
        CHECK(text.find("... and") == std::string::npos);
        CHECK(text.find("3 errors, 2 warnings") != std::string::npos);
    }

    TEST_CASE("every issue lists every row") {
        ImportResult result = importMisspeltEmployee(true);
        std::string text = result.report.toText();
        CHECK(occurrences(text, "owner \"E03\" is neither") == 3);
        CHECK(text.find("more rows name") == std::string::npos);
        CHECK(text.find("transactions.csv column \"employee\", 2 rows (3 and 4)") !=
              std::string::npos);
    }
}
