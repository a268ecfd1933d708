#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/session.h"
#include "core/audit.h"
#include "session_fixtures.h"

using baton::EmployeeStatus;
using baton::Session;

namespace {

std::vector<std::string> kinds(const Session& session) {
    std::vector<std::string> out;
    for (const auto& entry : session.workspace().audit) out.push_back(entry["kind"]);
    return out;
}

}  // namespace

TEST_SUITE("session audit") {
    TEST_CASE("every change appends an entry") {
        Session session;
        int tick = 0;
        session.setClock([&tick]() { return "2026-12-04T10:00:0" + std::to_string(tick++) + "Z"; });
        session.loadDemo();
        int employee = baton::test::firstActivePerson(session.workspace());
        REQUIRE(employee >= 0);
        REQUIRE(session.setEmployeeStatus(employee, EmployeeStatus::Leaving, "2027-01-31"));
        baton::Policy policy = session.workspace().policy;
        policy.version += 1;
        session.setPolicy(policy);
        session.allocate(baton::AllocateOptions{});
        REQUIRE(session.applyProposal().ok);

        CHECK(kinds(session) ==
              std::vector<std::string>{"import", "status", "policy", "run", "apply"});
        const nlohmann::json& audit = session.workspace().audit;
        CHECK(audit[0]["detail"]["source"] == "demo");
        CHECK(audit[0]["time"] == "2026-12-04T10:00:00Z");
        CHECK(audit[1]["detail"]["employee"] == session.workspace().employees[employee].id);
        CHECK(audit[1]["detail"]["to"] == "leaving");
        CHECK(audit[1]["detail"]["last_day"] == "2027-01-31");
        CHECK(audit[2]["detail"]["to_version"] == policy.version);
        CHECK(audit[3]["detail"]["method"] == "fair");
        CHECK(audit[4]["detail"]["moved"].get<int>() > 0);
        CHECK(baton::verifyAudit(audit).ok());
    }

    TEST_CASE("rejected changes append nothing") {
        Session session;
        session.loadDemo();
        std::size_t before = session.workspace().audit.size();
        CHECK_FALSE(session.importWorkspaceText("{\"format\": ").ok);
        CHECK_FALSE(session.applyProposal().ok);
        CHECK_FALSE(session.setEmployeeStatus(-1, EmployeeStatus::Active, ""));
        int employee = baton::test::firstActivePerson(session.workspace());
        REQUIRE(employee >= 0);
        // Setting the status an employee already has is no change.
        CHECK(session.setEmployeeStatus(employee, EmployeeStatus::Active, ""));
        CHECK(session.workspace().audit.size() == before);
    }

    TEST_CASE("a run marks the workspace unsaved") {
        Session session;
        session.loadDemo();
        session.setSaveState(baton::SaveState::Saved);
        std::uint64_t revision = session.revision();
        session.allocate(baton::AllocateOptions{});
        CHECK(session.revision() > revision);
        CHECK(std::string(baton::toString(session.saveState())) == "unsaved");
    }

    TEST_CASE("undo and redo append entries") {
        Session session;
        session.loadDemo();
        int employee = baton::test::firstActivePerson(session.workspace());
        REQUIRE(employee >= 0);
        REQUIRE(session.setEmployeeStatus(employee, EmployeeStatus::Departed, ""));
        REQUIRE(session.undo());
        REQUIRE(session.redo());
        const nlohmann::json& audit = session.workspace().audit;
        REQUIRE(audit.size() == 4);
        CHECK(audit[2]["kind"] == "status");
        CHECK(audit[2]["detail"]["via"] == "undo");
        CHECK(audit[2]["detail"]["to"] == "active");
        CHECK(audit[3]["detail"]["via"] == "redo");
        CHECK(audit[3]["detail"]["to"] == "departed");
        CHECK(baton::verifyAudit(audit).ok());
    }

    TEST_CASE("actor is recorded when set") {
        Session session;
        session.setActor("E01");
        session.loadDemo();
        CHECK(session.workspace().audit[0]["actor"] == "E01");
    }

    TEST_CASE("import keeps a broken chain broken") {
        Session first;
        first.loadDemo();
        first.allocate(baton::AllocateOptions{});
        nlohmann::json workspace = nlohmann::json::parse(first.exportWorkspaceText());
        REQUIRE(workspace["audit"].size() == 2);
        workspace["audit"][0]["detail"]["clients"] = 1;

        Session second;
        baton::ImportOutcome outcome = second.importWorkspaceText(workspace.dump());
        REQUIRE(outcome.ok);
        REQUIRE(outcome.warnings.size() == 1);
        CHECK(outcome.warnings[0].path == "/audit/0/hash");
        CHECK(outcome.warnings[0].message.find("broken at entry 1 (seq 1), field hash") !=
              std::string::npos);
        const nlohmann::json& audit = second.workspace().audit;
        REQUIRE(audit.size() == 3);
        CHECK(audit[2]["kind"] == "import");
        baton::AuditCheck check = baton::verifyAudit(audit);
        REQUIRE_FALSE(check.ok());
        CHECK(check.broken->index == 0);
        bool warned = false;
        for (const baton::LogEntry& entry : second.log().entries()) {
            if (entry.message.find("the audit log is broken at entry 1") != std::string::npos) {
                warned = true;
            }
        }
        CHECK(warned);
    }

    TEST_CASE("import warns of an edited actor") {
        Session first;
        first.loadDemo();
        nlohmann::json workspace = nlohmann::json::parse(first.exportWorkspaceText());
        workspace["audit"][0]["actor"] = "mallory";

        Session second;
        baton::ImportOutcome outcome = second.importWorkspaceText(workspace.dump());
        REQUIRE(outcome.ok);
        REQUIRE(outcome.warnings.size() == 1);
        CHECK(outcome.warnings[0].path == "/audit/0/hash");
        CHECK(outcome.warnings[0].message.find("seq 1") != std::string::npos);
    }

    TEST_CASE("intact audit log gives no warning") {
        Session first;
        first.loadDemo();
        Session second;
        baton::ImportOutcome outcome = second.importWorkspaceText(first.exportWorkspaceText());
        REQUIRE(outcome.ok);
        CHECK(outcome.warnings.empty());
    }
}
