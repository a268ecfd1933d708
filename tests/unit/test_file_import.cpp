#include <doctest/doctest.h>

#include "app/file_import.h"
#include "io/table_guess.h"

using namespace baton;

namespace {

const std::string kEmployees =
    "sales_agent,manager,regional_office\n"
    "Ann Lee,Bo Chen,East\n"
    "Cai Wu,Bo Chen,West\n";
const std::string kAccounts =
    "account,sector,office_location\n"
    "Acme,retail,Shanghai\n"
    "Beta,medical,Beijing\n";
const std::string kPipeline =
    "opportunity_id,sales_agent,product,account,deal_stage,"
    "engage_date,close_date,close_value\n"
    "D1,Ann Lee,GTX,Acme,Won,2024-01-02,2024-02-01,1200\n"
    "D2,Cai Wu,GTX,Beta,Won,2024-01-05,2024-03-01,800\n"
    "D3,Cai Wu,GTX,Acme,Engaging,2024-04-01,,\n";
const std::string kProducts =
    "product,series,sales_price\n"
    "GTX,GTX,550\n"
    "MG Special,MG,55\n";

}  // namespace

TEST_SUITE("file import") {
    TEST_CASE("three tables become one workspace") {
        Session session;
        std::string report;
        ImportOutcome outcome = importFiles(session,
                                            {{"sales_teams.csv", kEmployees, ""},
                                             {"accounts.csv", kAccounts, ""},
                                             {"sales_pipeline.csv", kPipeline, ""}},
                                            "", report);
        REQUIRE_MESSAGE(outcome.ok, report);
        const Workspace& ws = session.workspace();
        CHECK(ws.employees.size() == 2);
        CHECK(ws.clients.size() == 2);
        CHECK(ws.transactions.size() == 2);
        REQUIRE(ws.deals.size() == 1);
        CHECK(std::string(toString(ws.deals[0].stage)) == "open");
        int acme = ws.findClient("Acme");
        REQUIRE(acme >= 0);
        CHECK(ws.clients[acme].owner.value_or("") == "Ann Lee");
    }

    TEST_CASE("named tables override the guess") {
        Session session;
        std::string report;
        ImportOutcome outcome =
            importFiles(session, {{"people.csv", kEmployees, "employees"}}, "", report);
        REQUIRE_MESSAGE(outcome.ok, report);
        CHECK(session.workspace().employees.size() == 2);
    }

    TEST_CASE("two files of one table are rejected") {
        Session session;
        std::size_t before = session.workspace().clients.size();
        std::string report;
        ImportOutcome outcome =
            importFiles(session, {{"a.csv", kAccounts, ""}, {"b.csv", kAccounts, ""}}, "", report);
        CHECK_FALSE(outcome.ok);
        REQUIRE(outcome.errors.size() == 1);
        CHECK(outcome.errors[0].message.find("a.csv and b.csv are both a clients table") !=
              std::string::npos);
        CHECK(session.workspace().clients.size() == before);
    }

    TEST_CASE("unknown table and bad mapping are rejected") {
        Session session;
        std::string report;
        ImportOutcome unknown =
            importFiles(session, {{"x.csv", kAccounts, "customers"}}, "", report);
        CHECK_FALSE(unknown.ok);
        CHECK(report.find("x.csv: unknown table \"customers\"") != std::string::npos);

        ImportOutcome mapping = importFiles(session, {{"x.csv", kAccounts, ""}}, "{", report);
        CHECK_FALSE(mapping.ok);
        CHECK(report.find("the mapping is invalid") != std::string::npos);

        ImportOutcome none = importFiles(session, {}, "", report);
        CHECK_FALSE(none.ok);
        CHECK(report.find("no file") != std::string::npos);
    }

    TEST_CASE("guess tells a product list from tables") {
        TableGuess products = guessTable({"product", "series", "sales_price"});
        CHECK(products.kind == TableKind::Products);
        TableGuess chinese = guessTable({"产品名称", "单价"});
        CHECK(chinese.kind == TableKind::Products);
        TableGuess pipeline = guessTable(
            {"opportunity_id", "sales_agent", "product", "account", "deal_stage", "close_value"});
        CHECK(pipeline.kind == TableKind::Entity);
        CHECK(pipeline.entity == Entity::Deals);
        TableGuess sales = guessTable({"订货日期", "客户", "产品", "金额"});
        CHECK(sales.kind == TableKind::Entity);
        CHECK(sales.entity == Entity::Transactions);
        TableGuess unknown = guessTable({"colour", "size"});
        CHECK(unknown.kind == TableKind::Unknown);
    }

    TEST_CASE("product list checks the other tables") {
        std::string pipeline = kPipeline + "D4,Ann Lee,GTX Pro,Beta,Won,2024-05-01,2024-06-01,90\n";
        Session session;
        std::string report;
        ImportOutcome outcome = importFiles(session,
                                            {{"sales_teams.csv", kEmployees, ""},
                                             {"accounts.csv", kAccounts, ""},
                                             {"sales_pipeline.csv", pipeline, ""},
                                             {"products.csv", kProducts, ""}},
                                            "", report);
        REQUIRE_MESSAGE(outcome.ok, report);
        CHECK(session.workspace().transactions.size() == 3);
        // GTX is listed, so only the unlisted GTX Pro is warned about.
        CHECK(report.find("product \"GTX Pro\" is not in the product list") != std::string::npos);
        CHECK(report.find("product \"GTX\" is not") == std::string::npos);
    }

    TEST_CASE("product list alone is rejected") {
        Session session;
        std::string report;
        ImportOutcome outcome = importFiles(session, {{"products.csv", kProducts, ""}}, "", report);
        CHECK_FALSE(outcome.ok);
        CHECK(report.find("products.csv is a product list") != std::string::npos);
    }

    TEST_CASE("file that fits no table is named") {
        Session session;
        std::string report;
        ImportOutcome outcome = importFiles(
            session, {{"accounts.csv", kAccounts, ""}, {"notes.csv", "colour,size\nred,1\n", ""}},
            "", report);
        CHECK_FALSE(outcome.ok);
        CHECK(report.find("notes.csv: no column header (\"colour\", \"size\")") !=
              std::string::npos);
        CHECK(report.find("fits none of the tables") != std::string::npos);
        CHECK(report.find("employees, clients, transactions, deals, relationships or a product "
                          "list") != std::string::npos);
        CHECK(report.find("Leave the file out") != std::string::npos);
    }
}
