#include <doctest/doctest.h>

#include "io/mapping.h"

using namespace baton;

namespace {

std::string onlyError(const std::string& text) {
    MappingReadResult r = readMapping(text);
    if (r.errors.size() != 1) return "expected one error, got " + std::to_string(r.errors.size());
    return r.errors[0].path + ": " + r.errors[0].message;
}

}  // namespace

TEST_SUITE("mapping") {
    TEST_CASE("suggestions from chinese headers") {
        auto columns = suggestColumns(Entity::Transactions,
                                      {"订货日期", "商品名称", "客户", "负责人", "销售数量"});
        CHECK(columns.at("date") == "订货日期");
        CHECK(columns.at("client") == "客户");
        CHECK(columns.at("employee") == "负责人");
        CHECK(columns.at("quantity") == "销售数量");
        CHECK(columns.at("product") == "商品名称");
        CHECK(columns.count("amount") == 0);
        auto clients = suggestColumns(Entity::Clients, {"客户名称", "负责人", "行业"});
        CHECK(clients.at("name") == "客户名称");
        CHECK(clients.at("id") == "客户名称");
        CHECK(clients.at("owner") == "负责人");
        CHECK(clients.at("industry") == "行业");
    }

    TEST_CASE("chinese revenue headers of clients") {
        for (const char* header : {"收入", "营收", "销售额", "营业收入", "近12月收入"}) {
            INFO(header);
            auto clients = suggestColumns(Entity::Clients, {"客户名称", header});
            REQUIRE(clients.count("revenue_12m") == 1);
            CHECK(clients.at("revenue_12m") == header);
        }
        auto both = suggestColumns(Entity::Clients, {"客户名称", "收入", "近12个月销售额"});
        CHECK(both.at("revenue_12m") == "近12个月销售额");
    }

    TEST_CASE("suggestions from english headers") {
        auto deals = suggestColumns(Entity::Deals,
                                    {"opportunity_id", "sales_agent", "product", "account",
                                     "deal_stage", "engage_date", "close_date", "close_value"});
        CHECK(deals.at("id") == "opportunity_id");
        CHECK(deals.at("employee") == "sales_agent");
        CHECK(deals.at("client") == "account");
        CHECK(deals.at("stage") == "deal_stage");
        CHECK(deals.at("amount") == "close_value");
        CHECK(deals.at("close_date") == "close_date");
        auto employees = suggestColumns(Entity::Employees,
                                        {"sales_agent", "manager", "regional_office"});
        CHECK(employees.at("id") == "sales_agent");
        CHECK(employees.at("name") == "sales_agent");
        CHECK(employees.at("team") == "regional_office");
    }

    TEST_CASE("client column beside a name is the id") {
        auto both = suggestColumns(Entity::Clients, {"client", "name", "owner"});
        CHECK(both.at("id") == "client");
        CHECK(both.at("name") == "name");
        CHECK(both.at("owner") == "owner");
        auto named = suggestColumns(Entity::Clients, {"Account", "Account Name"});
        CHECK(named.at("id") == "Account");
        CHECK(named.at("name") == "Account Name");
        auto alone = suggestColumns(Entity::Clients, {"client", "industry"});
        CHECK(alone.at("id") == "client");
        CHECK(alone.at("name") == "client");
        auto withId = suggestColumns(Entity::Clients, {"id", "client", "name"});
        CHECK(withId.at("id") == "id");
        CHECK(withId.at("name") == "name");
        auto employees = suggestColumns(Entity::Employees, {"employee", "name"});
        CHECK(employees.at("id") == "employee");
        CHECK(employees.at("name") == "name");
        CHECK(namesRecordItself(Entity::Clients, "Customer"));
        CHECK_FALSE(namesRecordItself(Entity::Clients, "name"));
        CHECK_FALSE(namesRecordItself(Entity::Transactions, "client"));
    }

    TEST_CASE("round trip of a mapping file") {
        const char* text = R"({"format": "baton-mapping", "version": 1,
            "tables": {"clients": {"encoding": "gb18030", "delimiter": ";",
                                   "columns": {"id": "account", "name": "account"}}},
            "derive": {"owner": "most_transactions"}, "fill_down": ["销售日期"]})";
        MappingReadResult r = readMapping(text);
        REQUIRE(r.mapping);
        CHECK(r.mapping->tables.at("clients").encoding == "gb18030");
        CHECK(r.mapping->tables.at("clients").delimiter == ';');
        CHECK(r.mapping->deriveOwner == "most_transactions");
        CHECK(r.mapping->fillDown == std::vector<std::string>{"销售日期"});
        MappingReadResult again = readMapping(mappingToJson(*r.mapping).dump());
        REQUIRE(again.mapping);
        CHECK(mappingToJson(*again.mapping) == mappingToJson(*r.mapping));
    }

    TEST_CASE("errors name the json pointer") {
        const std::string head = R"({"format": "baton-mapping", "version": 1, )";
        CHECK(onlyError(head + R"("tables": {"clients": {"columns": {"owenr": "x"}}}})") ==
              "/tables/clients/columns/owenr: unknown field of clients; did you mean \"owner\"? "
              "Use one of id, name, "
              "owner, industry, region, language, tier, revenue_12m, potential, workload, "
              "difficulty, satisfaction, complaints, late_payments, key_account, needs, "
              "prefers, notes");
        CHECK(onlyError(head + R"("tables": {"staff": {}}})") ==
              "/tables/staff: unknown table; use employees, clients, transactions, deals or "
              "relationships");
        CHECK(onlyError(head + R"("derive": {"owner": "biggest"}})") ==
              "/derive/owner: \"biggest\" is not one of \"largest_won_value\", "
              "\"most_transactions\", \"none\"");
        CHECK(onlyError(head + R"("fill_down": [3]})") ==
              "/fill_down/0: expected the header of a column");
    }

    TEST_CASE("version error says what to do") {
        const std::string expected =
            "/version: version 9 is not a mapping format this version of Baton reads. "
            "\"version\" is the version of the mapping file's own format, not of your data, "
            "and this Baton reads version 1: set \"version\": 1, or start again from the "
            "suggested mapping that an import without a mapping shows";
        CHECK(onlyError(R"({"format": "baton-mapping", "version": 9})") == expected);
        CHECK(onlyError(R"({"format": "baton-mapping"})") ==
              "/version: missing; add \"version\": 1, the version of the mapping file's own "
              "format that this version of Baton reads");
        CHECK(onlyError(R"({"format": "mapping", "version": 1})") ==
              "/format: expected \"baton-mapping\", found \"mapping\"; a mapping file starts "
              "with \"format\": \"baton-mapping\", \"version\": 1");
    }

    TEST_CASE("misspelt keys get a suggestion") {
        const std::string head = R"({"format": "baton-mapping", "version": 1, )";
        std::string field =
            onlyError(head + R"("tables": {"clients": {"columns": {"idd": "x"}}}})");
        CHECK(field.find("/tables/clients/columns/idd: unknown field of clients; did you mean "
                         "\"id\"? Use one of id, name, owner") == 0);
        CHECK(onlyError(head + R"("tables": {"client": {}}})") ==
              "/tables/client: unknown table; did you mean \"clients\"? Use employees, "
              "clients, transactions, deals or relationships");
        CHECK(onlyError(head + R"("tables": {"clients": {"colums": {}}}})") ==
              "/tables/clients/colums: unknown key; did you mean \"columns\"? A table takes "
              "encoding, delimiter, decimal, sheet and columns");
        CHECK(onlyError(head + R"("fill_dwn": []})") ==
              "/fill_dwn: unknown key; did you mean \"fill_down\"? A mapping takes format, "
              "version, tables, derive and fill_down");
        CHECK(onlyError(head + R"("derive": {"ownr": "none"}})") ==
              "/derive/ownr: unknown key; did you mean \"owner\"? The derive block takes "
              "owner and revenue_12m");
    }

    TEST_CASE("syntax error has line and column") {
        MappingReadResult r = readMapping("{\n  \"format\": \"baton-mapping\",\n  oops\n}");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 3);
        CHECK(r.errors[0].column == 3);
        CHECK(r.errors[0].offset == 33);
    }

    TEST_CASE("number overflow has line and column") {
        MappingReadResult r = readMapping("{\"format\": \"baton-mapping\",\n \"version\": 1e400}");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 2);
        CHECK(r.errors[0].column == 13);
        CHECK(r.errors[0].offset == 40);
        CHECK(r.errors[0].message.find("1e400") != std::string::npos);
    }
}
