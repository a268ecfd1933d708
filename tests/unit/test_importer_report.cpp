// The import report: counts worded by number, unknown products and the names they suggest,
// repeats merged into one example, and the fill-down that blank cells offer.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "importer_fixtures.h"
#include "io/importer.h"
#include "shared_data.h"

using namespace baton;
using namespace baton::test;

namespace {

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

}  // namespace

TEST_SUITE("importer") {
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
}
