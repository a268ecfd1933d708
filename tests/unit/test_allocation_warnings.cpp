// Workspaces whose allocation cannot do what the user expects: no employee can receive,
// no client can be placed, or every fit weight is 0. validate warns, Apply rejects a
// proposal that changes no owner, and the rules and explanations say that the fit chose no
// one.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "app/session.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/verify.h"
#include "core/workspace_warnings.h"
#include "io/allocation_json.h"
#include "io/cycle_report.h"
#include "io/rules_doc.h"
#include "io/workspace_json.h"
#include "ui/log_text.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::test;

namespace {

void zeroFitWeights(Policy& policy) {
    policy.fit = FitPolicy{0.0, 0.0, 0.0, 0.0, 0.0};
}

// The warning paths of allocationWarnings(), in order.
std::vector<std::string> warningPaths(const Workspace& ws) {
    std::vector<std::string> paths;
    for (const WorkspaceWarning& w : allocationWarnings(ws)) paths.push_back(w.path);
    return paths;
}

// Imports `ws` into a new session, so that the session's allocation uses it.
void openIn(Session& session, const Workspace& ws, ImportOutcome* outcome = nullptr) {
    ImportOutcome imported = session.importWorkspaceText(writeWorkspace(ws));
    REQUIRE(imported.ok);
    if (outcome != nullptr) *outcome = imported;
}

// Opens `ws` in `session` and allocates it; the result is the session's last result.
const AllocationResult& allocateIn(Session& session, const Workspace& ws) {
    openIn(session, ws);
    session.allocate(AllocateOptions{});
    REQUIRE(session.lastResult() != nullptr);
    return *session.lastResult();
}

bool hasNote(const std::vector<std::string>& notes, const std::string& start) {
    return std::any_of(notes.begin(), notes.end(),
                       [&](const std::string& n) { return n.rfind(start, 0) == 0; });
}

}  // namespace

TEST_SUITE("allocation warnings") {
    TEST_CASE("no receiver is a warning") {
        Workspace ws = smallFirm();
        CHECK(allocationWarnings(ws).empty());
        ws.employees[0].status = EmployeeStatus::Leaving;
        ws.employees[1].kind = EmployeeKind::System;
        std::vector<WorkspaceWarning> warnings = allocationWarnings(ws);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].path == "/employees");
        // A leaves too, so C3 joins the released book.
        CHECK(warnings[0].message ==
              "no active employee can receive clients (employees: 1 leaving, 1 departed, 1 "
              "active system user), so allocate places none of the 3 released clients: set at "
              "least one employee's status to \"active\"");
    }

    TEST_CASE("no receiver and nothing released") {
        Workspace ws = smallFirm();
        ws.clients = {makeClient("C3", "A")};
        ws.employees[0].status = EmployeeStatus::OnLeave;
        ws.employees[1].status = EmployeeStatus::OnLeave;
        // Nothing is released, so no client is left without a receiver.
        CHECK(allocationWarnings(ws).empty());
        ws.employees.clear();
        ws.clients = {makeClient("C1", "")};
        std::vector<WorkspaceWarning> warnings = allocationWarnings(ws);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message.rfind("no active employee can receive clients (the workspace "
                                        "has no employee), so allocate places none of the 1 "
                                        "released client:",
                                        0) == 0);
    }

    TEST_CASE("fit weights all 0 is a warning") {
        Workspace ws = smallFirm();
        zeroFitWeights(ws.policy);
        CHECK(warningPaths(ws) == std::vector<std::string>{"/policy/fit/weights"});
        CHECK(allocationWarnings(ws)[0].message ==
              "every fit weight is 0 (a negative weight counts as 0), so every fit is 0 and the "
              "fit cannot prefer one employee over another: give at least one of prefers, "
              "industry, region, language or continuity a weight above 0");
        ws.policy.fit.region = -0.5;
        CHECK(fitWeightsAllZero(ws.policy.fit));
        ws.policy.fit.region = 0.1;
        CHECK_FALSE(fitWeightsAllZero(ws.policy.fit));
        CHECK(warningPaths(ws).empty());
    }

    TEST_CASE("page import returns the warnings") {
        Workspace ws = smallFirm();
        for (Employee& e : ws.employees) e.status = EmployeeStatus::Leaving;
        Session session;
        ImportOutcome outcome;
        openIn(session, ws, &outcome);
        // The clients of smallFirm() have no difficulty inputs, which validate warns about too.
        REQUIRE(outcome.warnings.size() == 2);
        CHECK(outcome.warnings[0].path == "/employees");
        CHECK(outcome.warnings[0].message.find("set at least one employee's status to "
                                               "\"active\"") != std::string::npos);
        CHECK(outcome.warnings[1].path == "/clients");
        CHECK(outcome.warnings[1].message == noDifficultyInputsNote());
    }

    TEST_CASE("apply refuses a result without receivers") {
        Workspace ws = smallFirm();
        for (Employee& e : ws.employees) e.status = EmployeeStatus::Leaving;
        Session session;
        const AllocationResult& result = allocateIn(session, ws);
        CHECK(result.assignments.empty());
        CHECK(emptyResultReason(result) == NoOwnerChange::NoReceivers);
        CHECK(session.noOwnerChange() == NoOwnerChange::NoReceivers);
        ApplyOutcome applied = session.applyProposal();
        CHECK_FALSE(applied.ok);
        CHECK(applied.moved == 0);
        CHECK(applied.message ==
              "The proposal changes no owner, so nothing was applied: no active employee can "
              "receive clients, so none of the 3 released clients was placed. Set at least one "
              "employee's status to active, then allocate again.");
        CHECK(session.workspace().clients[0].owner == std::optional<std::string>("L"));
    }

    TEST_CASE("apply refuses a result that places nothing") {
        Workspace ws = smallFirm();
        for (Client& c : ws.clients) c.needs = {"lang:ja"};
        Session session;
        allocateIn(session, ws);
        CHECK(session.noOwnerChange() == NoOwnerChange::NothingPlaced);
        ApplyOutcome applied = session.applyProposal();
        CHECK_FALSE(applied.ok);
        CHECK(applied.message ==
              "The proposal changes no owner, so nothing was applied: none of the 2 released "
              "clients could be placed. The unassigned list gives each client's reason.");
    }

    TEST_CASE("apply refuses a result that keeps every owner") {
        // Under scope "all" A's only client is released and goes back to A.
        Workspace ws = smallFirm();
        ws.employees.resize(1);
        ws.clients = {makeClient("C3", "A")};
        ws.policy.scope = Scope::All;
        Session session;
        REQUIRE(allocateIn(session, ws).assignments.size() == 1);
        CHECK(session.noOwnerChange() == NoOwnerChange::SameOwners);
        ApplyOutcome applied = session.applyProposal();
        CHECK_FALSE(applied.ok);
        CHECK(applied.message ==
              "The proposal changes no owner, so nothing was applied: every "
              "proposed owner already owns the client.");
    }

    TEST_CASE("apply takes a result that moves a client") {
        Session session;
        allocateIn(session, smallFirm());
        CHECK(session.noOwnerChange() == NoOwnerChange::None);
        CHECK(session.applyProposal().ok);
    }

    TEST_CASE("apply refusal in the log") {
        Workspace ws = smallFirm();
        ws.clients.resize(1);
        ws.employees[0].status = EmployeeStatus::OnLeave;
        ws.employees[1].status = EmployeeStatus::OnLeave;
        Session session;
        allocateIn(session, ws);
        ApplyOutcome applied = session.applyProposal();
        REQUIRE_FALSE(applied.ok);
        // The session writes a plural noun, which the page words by the count.
        CHECK(applied.message.find("none of the 1 released clients was placed") !=
              std::string::npos);
        ui::setLocale("en");
        CHECK(
            ui::logMessageText(applied.message).find("none of the 1 released client was placed") !=
            std::string::npos);
        ui::setLocale("zh-CN");
        CHECK(ui::logMessageText(applied.message) ==
              "方案不会更改任何负责人，因此未应用：没有在职员工可以接收客户，1 "
              "个待交接客户都未能分配。请至少将一位员工的状态设为在职，然后重新分配。");
        ui::setLocale("en");
    }

    TEST_CASE("nothing released gives its own reason") {
        Workspace ws = smallFirm();
        ws.clients = {makeClient("C3", "A")};
        Session session;
        allocateIn(session, ws);
        CHECK(session.noOwnerChange() == NoOwnerChange::NothingReleased);
        CHECK(session.applyProposal().message.find("no client is released") != std::string::npos);
    }

    TEST_CASE("rules say that a zero fit chooses nobody") {
        Workspace ws = smallFirm();
        zeroFitWeights(ws.policy);
        std::string en = rulesDocument(ws.policy, ws, "en", "md");
        CHECK(en.find("divided by the sum of the fit weights") == std::string::npos);
        CHECK(en.find("Every fit weight is 0, so F is 0 for every client and employee: fit does "
                      "not choose who receives a client.") != std::string::npos);
        std::string zh = rulesDocument(ws.policy, ws, "zh-CN", "md");
        CHECK(zh.find("每项权重除以匹配度权重之和") == std::string::npos);
        CHECK(zh.find("所有匹配度权重均为 0") != std::string::npos);
        // A negative weight counts as 0 in the sum, as the fit applies it.
        ws.policy.fit.region = 0.5;
        ws.policy.fit.language = -0.2;
        en = rulesDocument(ws.policy, ws, "en", "md");
        CHECK(en.find("divided by the sum of the fit weights (0.5)") != std::string::npos);
    }

    TEST_CASE("zero fit explains a tie, not a best fit") {
        Workspace ws = smallFirm();
        zeroFitWeights(ws.policy);
        ws.clients[0].language = "zh";  // would count for A under any language weight
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.assignments.size() == 2);
        for (const Assignment& a : r.assignments) {
            INFO(a.client);
            CHECK(a.fit == 0.0);
            CHECK(a.wonBecause == "best_fit");
            REQUIRE_FALSE(a.reasons.empty());
            CHECK(a.reasons[0].find("gives the best fit") == std::string::npos);
            CHECK(a.reasons[0].find("fit weights are all 0, so the fit did not choose " +
                                    a.employee) != std::string::npos);
        }
        CHECK(hasNote(r.notes, "policy fit.weights are all 0, so every fit is 0"));
        std::string report = cycleReport(ws, nullptr, r, "en", "md", {});
        CHECK(report.find("a tie: every fit weight is 0, so the fit chose nobody") !=
              std::string::npos);
        CHECK(report.find("best fit the allocation as a whole allows") == std::string::npos);
        CHECK(std::string(ui::wonBecauseText("best_fit", true)) == "tie: every fit weight is 0");
        CHECK(std::string(ui::wonBecauseText("best_fit", false)) == "best fit");
        ReportedReadResult read = readReportedAllocation(writeAllocation(r));
        REQUIRE(read.allocation.has_value());
        CHECK(verifyAllocation(ws, *read.allocation, evaluate(ws, ws.policy)).breaches ==
              std::vector<std::string>{});
    }
}
