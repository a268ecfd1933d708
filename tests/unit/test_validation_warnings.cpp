// The warnings of `baton validate` that an imported workspace returns too: overrides that can
// never hold and figures the evaluation flags, in English and in the page's Chinese.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/session.h"
#include "core/validation_warnings.h"
#include "io/workspace_json.h"
#include "ui/log_text.h"
#include "ui/strings.h"

using namespace baton;

namespace {

// C1 is pinned to E3, who has left, and C3 has a negative revenue.
constexpr const char* kPinToDeparted = R"({
  "format": "baton-workspace", "version": 1,
  "employees": [
    {"id": "E1", "name": "Wang", "status": "active"},
    {"id": "E2", "name": "Li", "status": "active"},
    {"id": "E3", "name": "Emma", "status": "departed", "last_day": "2026-10-31"}],
  "clients": [
    {"id": "C1", "name": "Alpha", "owner": "E3", "revenue_12m": 120000, "workload": 2},
    {"id": "C2", "name": "Beta", "owner": "E3", "revenue_12m": 80000, "workload": 1},
    {"id": "C3", "name": "Gamma", "owner": "E1", "revenue_12m": -5000, "workload": 1}],
  "policy": {"as_of": "2026-11-30", "pins": [{"client": "C1", "employee": "E3"}]}
})";

const JsonError* findWarning(const std::vector<JsonError>& warnings, const std::string& path,
                             const std::string& start) {
    for (const JsonError& warning : warnings) {
        if (warning.path == path && warning.message.rfind(start, 0) == 0) return &warning;
    }
    return nullptr;
}

std::string listed(const std::vector<JsonError>& warnings) {
    std::string out;
    for (const JsonError& warning : warnings) out += warning.path + ": " + warning.message + "\n";
    return out;
}

}  // namespace

TEST_SUITE("validation warnings") {
    TEST_CASE("import returns pin and flag warnings") {
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(kPinToDeparted);
        REQUIRE(outcome.ok);
        INFO(listed(outcome.warnings));
        const JsonError* pin = findWarning(outcome.warnings, "/policy/pins/0", "pin C1 → E3: ");
        REQUIRE(pin != nullptr);
        CHECK(pin->message.find("E3 is departed and cannot receive clients") != std::string::npos);
        const JsonError* flag =
            findWarning(outcome.warnings, "/clients", "1 client flagged negative_revenue (C3): ");
        CHECK(flag != nullptr);
    }

    TEST_CASE("import and validate give one list") {
        WorkspaceReadResult read = readWorkspace(kPinToDeparted);
        REQUIRE(read.workspace);
        std::vector<WorkspaceWarning> expected = validationWarnings(*read.workspace);
        REQUIRE(expected.size() >= 2);
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(kPinToDeparted);
        REQUIRE(outcome.ok);
        REQUIRE(outcome.warnings.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(outcome.warnings[i].path == expected[i].path);
            CHECK(outcome.warnings[i].message == expected[i].message);
        }
    }

    TEST_CASE("absurd revenue is flagged once") {
        std::string text = kPinToDeparted;
        text.replace(text.find("-5000"), 5, "1e300");
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(text);
        REQUIRE(outcome.ok);
        INFO(listed(outcome.warnings));
        CHECK(findWarning(outcome.warnings, "/clients", "1 client flagged absurd_revenue (C3): ") !=
              nullptr);
        CHECK(findWarning(outcome.warnings, "/clients", "1 client flagged negative") == nullptr);
    }

    TEST_CASE("flags list at most three ids") {
        Workspace ws = *readWorkspace(kPinToDeparted).workspace;
        ws.policy.pins.clear();
        for (Client& client : ws.clients) client.revenue12m = -1.0;
        std::vector<WorkspaceWarning> warnings = validationWarnings(ws);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message.rfind("3 clients flagged negative_revenue (C1, C2, C3): ", 0) ==
              0);
        ws.clients.push_back(ws.clients[0]);
        ws.clients.back().id = "C4";
        warnings = validationWarnings(ws);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message.rfind("4 clients flagged negative_revenue (C1, C2, C3, ...): ",
                                        0) == 0);
    }

    TEST_CASE("warnings read in Chinese") {
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(kPinToDeparted);
        REQUIRE(outcome.ok);
        const JsonError* pin = findWarning(outcome.warnings, "/policy/pins/0", "pin C1 → E3: ");
        const JsonError* flag = findWarning(outcome.warnings, "/clients", "1 client flagged");
        REQUIRE(pin != nullptr);
        REQUIRE(flag != nullptr);
        ui::setLocale("zh-CN");
        std::string pinText = ui::logMessageText(pin->message);
        std::string flagText = ui::logMessageText(flag->message);
        ui::setLocale("en");
        CHECK(pinText.rfind("指定 C1 → E3：E3 的状态为“", 0) == 0);
        CHECK(pinText.find("因此该指定永远无法生效") != std::string::npos);
        CHECK(flagText ==
              "1 个客户被标记为 negative_revenue（C3）：被标记的数值不计入评分；"
              "请核对源数据");
        CHECK(ui::logMessageText(flag->message) == flag->message);
    }

    TEST_CASE("every import warning has Chinese") {
        Workspace ws = *readWorkspace(kPinToDeparted).workspace;
        ws.employees[0].hired = "2027-01-01";
        ws.employees[1].kind = EmployeeKind::System;
        ws.policy.pins.push_back({"C2", "E2", "", nlohmann::json::object()});
        ws.policy.forbids.push_back({"C1", "E3", "", nlohmann::json::object()});
        ws.policy.pins.push_back({"C1", "E1", "", nlohmann::json::object()});
        ws.policy.fit = FitPolicy{0.0, 0.0, 0.0, 0.0, 0.0};
        ws.policy.value = ValuePolicy{};
        ws.policy.value.monetary = -1.0;
        ws.policy.value.frequency = 0.0;
        ws.policy.value.recency = 0.0;
        ws.policy.value.potential = 0.0;
        ws.policy.value.tier = 0.0;
        for (Client& client : ws.clients) client.workload.reset();
        std::vector<WorkspaceWarning> warnings = validationWarnings(ws);
        // A pin to E3 and to the system account E2, the forbid, the second pin of C1, the fit
        // weights, two value-weight notes, the difficulty note and two flags.
        CHECK(warnings.size() >= 10);
        ui::setLocale("zh-CN");
        for (const WorkspaceWarning& warning : warnings) {
            INFO(warning.message);
            CHECK(ui::logMessageText(warning.message) != warning.message);
        }
        ui::setLocale("en");
    }
}
