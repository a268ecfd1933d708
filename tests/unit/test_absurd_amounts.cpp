// The bound from which a money amount is a typing error: far above the median of its kind,
// checked on hand-made data and, when the shared data folder is present, on a real CRM
// practice export.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/absurd_amounts.h"
#include "core/evaluation.h"
#include "io/importer.h"

using namespace baton;

namespace {

bool hasFlag(const ClientScore& score, const std::string& flag) {
    return std::find(score.flags.begin(), score.flags.end(), flag) != score.flags.end();
}

// Client K has twelve transactions of 100 to 210; `last` is the amount of a thirteenth.
Workspace twelvePurchases(double last) {
    Workspace ws;
    Client c;
    c.id = "K";
    c.name = "K";
    ws.clients.push_back(c);
    for (int k = 0; k < 12; ++k) {
        std::string date = "2026-0" + std::to_string(1 + k % 9) + "-10";
        ws.transactions.push_back(Transaction{"K", date, 100.0 + 10.0 * k, std::nullopt, {}});
    }
    ws.transactions.push_back(Transaction{"K", "2026-10-01", last, std::nullopt, {}});
    ws.policy.asOf = "2026-11-30";
    return ws;
}

// The numbers of column `name` of a comma-separated file without quoted commas.
std::optional<std::vector<double>> sharedColumn(const std::string& file, const std::string& name) {
    std::ifstream in(std::string(BATON_SOURCE_DIR) + "/../shared/data/" + file);
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) header.push_back(cell);
    auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) return std::nullopt;
    std::size_t column = std::size_t(at - header.begin());
    std::vector<double> values;
    while (std::getline(in, line)) {
        std::stringstream row(line);
        std::string cell;
        for (std::size_t k = 0; k <= column && std::getline(row, cell, ','); ++k) {
        }
        if (!cell.empty()) values.push_back(std::stod(cell));
    }
    return values;
}

}  // namespace

TEST_SUITE("absurd amounts") {
    TEST_CASE("bound needs enough amounts") {
        std::vector<double> amounts(9, 500.0);
        CHECK(absurdBound(amounts).bound == kAbsurdAmount);
        CHECK_FALSE(absurdBound(amounts).median.has_value());
        amounts.push_back(700.0);
        AbsurdBound bound = absurdBound(amounts);
        REQUIRE(bound.median.has_value());
        CHECK(*bound.median == 500.0);
        CHECK(bound.bound == 5e8);
    }

    TEST_CASE("bound ignores zero and absurd amounts") {
        std::vector<double> amounts = {0, 0, 0, -5, 2e15, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        AbsurdBound bound = absurdBound(amounts);
        REQUIRE(bound.median.has_value());
        CHECK(*bound.median == 55.0);  // the mean of the two middle amounts of ten
        CHECK(bound.bound == doctest::Approx(5.5e7));
        // A median so large that the bound would pass kAbsurdAmount keeps kAbsurdAmount.
        CHECK(absurdBound(std::vector<double>(10, 5e9)).bound == kAbsurdAmount);
    }

    TEST_CASE("typing error is left out of the score") {
        Evaluation typo = evaluate(twelvePurchases(1e13), twelvePurchases(1e13).policy);
        CHECK(hasFlag(typo.clients[0], "absurd_amount"));
        bool noted = std::any_of(typo.notes.begin(), typo.notes.end(), [](const std::string& n) {
            return n.find(
                       "1 transaction excluded: amount of 1.6e+08 or more, 1e+06 times the "
                       "median amount 160") != std::string::npos;
        });
        CHECK(noted);
        Evaluation large = evaluate(twelvePurchases(30000.0), twelvePurchases(30000.0).policy);
        CHECK_FALSE(hasFlag(large.clients[0], "absurd_amount"));
    }

    TEST_CASE("real exports stay below the bound") {
        const std::pair<const char*, const char*> columns[] = {
            {"maven-crm/sales_pipeline.csv", "close_value"},
            {"maven-crm/accounts.csv", "revenue"},
            {"maven-crm/products.csv", "sales_price"}};
        // Plain variables, because clang 14 (the WebAssembly build) cannot capture a
        // structured binding in the lambda that INFO makes.
        for (const auto& column : columns) {
            const char* file = column.first;
            const char* name = column.second;
            std::optional<std::vector<double>> values = sharedColumn(file, name);
            if (!values) {
                MESSAGE("skipped: ../shared/data/" << file << " is absent");
                continue;
            }
            INFO(file << " " << name);
            REQUIRE(values->size() >= 7);
            AbsurdBound bound = absurdBound(*values);
            double largest = *std::max_element(values->begin(), values->end());
            CHECK(largest < bound.bound);
            if (bound.median) CHECK(largest < 100.0 * *bound.median);
        }
    }

    TEST_CASE("import names the absurd cell") {
        std::string csv = "client,date,amount\n";
        for (int k = 0; k < 12; ++k) csv += "K,2026-03-1" + std::to_string(k % 10) + ",120\n";
        csv += "K,2026-03-12,10000000000000\n";
        LoadTableResult table = loadTable(Entity::Transactions, "t.csv", csv, TableMapping{});
        REQUIRE(table.source);
        ImportOptions options;
        options.today = "2026-12-01";
        ImportResult result = importTables({*table.source}, {}, nullptr, options);
        REQUIRE(result.workspace);
        CHECK(result.report.count("absurd_amount") == 1);
        std::string text = result.report.toText();
        CHECK(text.find("t.csv row 14, column \"amount\": 1e+13 is at least 1e+06 times the "
                        "median of the imported transaction amounts (120), so it is most likely "
                        "a typing error; the scores leave it out until you correct it") !=
              std::string::npos);
        Evaluation evaluation = evaluate(*result.workspace, result.workspace->policy);
        CHECK(hasFlag(evaluation.clients[0], "absurd_amount"));
    }
}
