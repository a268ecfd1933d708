// Workspace JSON errors, verify breaches and the duplicate id import error in Chinese: the
// messages a user reaches by opening a bad file or verifying a broken result are rewritten,
// and ids, paths and numbers are kept.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/session.h"
#include "io/workspace_json.h"
#include "locale_fixtures.h"
#include "ui/import_text.h"
#include "ui/message_text.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::ui;
using baton::test::ChineseDuring;
using baton::test::placeholderList;

namespace {

bool hasChinese(const std::string& text) {
    for (unsigned char c : text) {
        if (c >= 0xE4 && c <= 0xE9) return true;
    }
    return false;
}

// A workspace with one error of each common kind in its records.
const char* kBadWorkspace = R"({
  "format": "baton-workspace", "version": 1,
  "employees": [
    {"id": "E1", "name": "Ann", "status": "active", "capacity": {"max_clients": -3}},
    {"id": "E1", "name": "Bo", "status": "retired"},
    {"id": 42, "name": "Cy", "status": "active", "hired": "2021-13-01"},
    {"id": "E4", "status": "active", "capacity": 5},
    "E5"
  ],
  "clients": [{"id": "C1", "name": "Acme", "owner": "E9", "workload": "high"},
              {"id": "", "name": "Blank", "owner": null}]
})";

}  // namespace

TEST_SUITE("message text") {
    TEST_CASE("patterns keep their placeholders") {
        std::vector<LogPattern> patterns = jsonErrorPatterns();
        for (const LogPattern& pattern : breachPatterns()) patterns.push_back(pattern);
        for (const LogPattern& pattern : patterns) {
            INFO(pattern.english);
            CHECK(placeholderList(pattern.english) == placeholderList(pattern.chinese));
            CHECK(hasChinese(pattern.chinese));
        }
    }

    TEST_CASE("workspace errors read in Chinese") {
        WorkspaceReadResult read = readWorkspace(kBadWorkspace);
        REQUIRE(read.errors.size() >= 8);
        ChineseDuring chinese;
        for (const JsonError& error : read.errors) {
            INFO(error.path << ": " << error.message);
            std::string shown = jsonErrorMessageText(error.message);
            CHECK(shown != error.message);
            CHECK(hasChinese(shown));
        }
    }

    TEST_CASE("workspace errors keep values") {
        ChineseDuring chinese;
        CHECK(jsonErrorMessageText("must be 0 or more, found -3") ==
              "应不小于 0，实际为 -3；请更正该值");
        CHECK(jsonErrorMessageText("must be a string, found a number") == "应为字符串，实际为数字");
        std::string owner = jsonErrorMessageText(
            "owner \"E9\" is not the id of any employee; use an id from /employees, or null for "
            "a client nobody owns");
        CHECK(owner.find("\"E9\"") != std::string::npos);
        CHECK(owner.find("/employees") != std::string::npos);
    }

    TEST_CASE("syntax and encoding errors read in Chinese") {
        std::vector<std::string> texts = {"", "{\"format\": ", "{\"a\": 1,,}",
                                          "{\"name\": \"\xC4\xE3\xBA\xC3\"}", "[1e999]"};
        ChineseDuring chinese;
        for (const std::string& text : texts) {
            WorkspaceReadResult read = readWorkspace(text);
            REQUIRE_FALSE(read.errors.empty());
            INFO(read.errors.front().message);
            CHECK(hasChinese(jsonErrorMessageText(read.errors.front().message)));
        }
    }

    TEST_CASE("english keeps workspace errors") {
        setLocale("en");
        CHECK(jsonErrorMessageText("an id must not be empty") == "an id must not be empty");
        CHECK(breachText("C1 → E2: the policy forbids the pair") ==
              "C1 → E2: the policy forbids the pair");
    }

    TEST_CASE("verify breaches read in Chinese") {
        Session session;
        session.loadDemo();
        nlohmann::json result = nlohmann::json::parse(session.allocate(AllocateOptions{}));
        REQUIRE(result["assignments"].size() >= 3);
        std::string leaver;
        for (const Employee& e : session.workspace().employees) {
            if (e.status != EmployeeStatus::Active) leaver = e.id;
        }
        REQUIRE_FALSE(leaver.empty());
        result["assignments"][0]["employee"] = leaver;
        result["assignments"][1]["client"] = "no-such-client";
        result["assignments"][2]["fit"] = 99.0;
        result["figures"]["total_fit"] = -5.0;
        result["input_sha256"] = "0000";
        result["optimality"]["dual"]["prices"]["nobody"] = 1;
        VerifyOutcome outcome = session.verifyResultText(result.dump());
        REQUIRE(outcome.breaches.size() >= 4);
        ChineseDuring chinese;
        for (const std::string& breach : outcome.breaches) {
            INFO(breach);
            std::string shown = breachText(breach);
            CHECK(shown != breach);
            CHECK(hasChinese(shown));
        }
        CHECK(breachText(outcome.breaches.front()).find("0000") != std::string::npos);
    }

    TEST_CASE("duplicate id reads in Chinese") {
        Session session;
        std::string report;
        const char* mapping = R"({"format": "baton-mapping", "version": 1,
                                  "tables": {"clients": {}}})";
        ImportOutcome outcome =
            session.importFileBytes("clients.csv", "id,name\nC1,Acme\nC1,Beta\n", mapping, report);
        CHECK_FALSE(outcome.ok);
        const ImportIssue* duplicate = nullptr;
        for (const ImportIssue& issue : outcome.issues) {
            if (issue.message.find("is also on row") != std::string::npos) duplicate = &issue;
        }
        REQUIRE(duplicate != nullptr);
        CHECK(duplicate->row == 3);
        CHECK(duplicate->messageKey.key == "duplicate_id");
        ChineseDuring chinese;
        std::string shown = importMessageText(duplicate->message, duplicate->messageKey);
        CHECK(shown.find("\"C1\"") != std::string::npos);
        CHECK(shown.find("第 2 行") != std::string::npos);
        CHECK(hasChinese(shown));
    }
}
