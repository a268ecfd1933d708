// Messages of the JSON readers for values that parse but cannot be used: a number too
// large for a double gets the position that syntax errors have, and a member of the wrong
// type shows the shape it should have.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/workspace_json.h"

using namespace baton;

namespace {

// A workspace whose one client has `revenue` written as the text of its revenue_12m.
std::string workspaceWithRevenue(const std::string& revenue) {
    return "{\"format\": \"baton-workspace\", \"version\": 1,\n"
           "\"employees\": [{\"id\": \"E1\", \"name\": \"Ann\", \"status\": \"active\"}],\n"
           "\"clients\": [{\"id\": \"C1\", \"name\": \"Acme\", \"owner\": \"E1\",\n"
           "  \"revenue_12m\": " +
           revenue + "}]}";
}

// The employee E1 with `capacity` written as the text of its capacity.
std::string workspaceWithCapacity(const std::string& capacity) {
    return "{\"format\": \"baton-workspace\", \"version\": 1,\n"
           "\"employees\": [{\"id\": \"E1\", \"name\": \"Ann\", \"status\": \"active\", "
           "\"capacity\": " +
           capacity + "}],\n\"clients\": []}";
}

// The errors of parseJsonDocument, the reader of JSON documents other than workspaces.
std::vector<JsonError> documentErrors(const std::string& text) {
    std::vector<JsonError> errors;
    CHECK_FALSE(parseJsonDocument(text, errors));
    return errors;
}

}  // namespace

TEST_SUITE("json messages") {
    TEST_CASE("number overflow has a position") {
        std::string text = workspaceWithRevenue("1e400");
        std::size_t at = text.find("1e400");
        for (bool dom : {false, true}) {
            CAPTURE(dom);
            std::vector<JsonError> errors = dom ? documentErrors(text) : readWorkspace(text).errors;
            REQUIRE(errors.size() == 1);
            const JsonError& e = errors[0];
            CHECK(e.line == 4);
            CHECK(e.column == 18);
            CHECK(e.offset == at);
            CHECK(e.message ==
                  "invalid JSON: the number 1e400 is too large for a double, which holds "
                  "numbers from -1.7e308 to 1.7e308; write the figure in that range, or put "
                  "it in double quotes if it is an id or a code, which are text");
            CHECK(formatError(e) ==
                  "line 4, column 18, byte offset " + std::to_string(at) + ": " + e.message);
        }
    }

    TEST_CASE("negative overflow points at the sign") {
        std::string text = workspaceWithRevenue("-2.5E+999");
        std::vector<JsonError> errors = readWorkspace(text).errors;
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].offset == text.find("-2.5E+999"));
        CHECK(errors[0].message.find("the number -2.5E+999 is too large") != std::string::npos);
    }

    TEST_CASE("capacity of a number shows the shape") {
        WorkspaceReadResult r = readWorkspace(workspaceWithCapacity("-3"));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].path == "/employees/0/capacity");
        CHECK(r.errors[0].message ==
              "must be an object such as {\"max_clients\": 40, \"max_workload\": 120}, found "
              "a number; give each limit by its name, and leave out a limit that does not "
              "apply");
    }

    TEST_CASE("metrics of a list shows the shape") {
        std::string text = workspaceWithCapacity("{}");
        text.replace(text.find("\"capacity\": {}"), 14, "\"metrics\": [1, 2]");
        WorkspaceReadResult r = readWorkspace(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].path == "/employees/0/metrics");
        CHECK(r.errors[0].message.rfind("must be an object such as {\"sales_12m\": 1250000, "
                                        "\"quota_attainment\": 0.96",
                                        0) == 0);
    }
}
