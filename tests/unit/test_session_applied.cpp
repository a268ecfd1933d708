// The applied record that the page keeps beside a stored workspace after Apply: a reload
// shows the applied result again, and Verify checks it against the workspace before Apply.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "app/session.h"
#include "session_fixtures.h"

using baton::EmployeeStatus;
using baton::Session;
using baton::VerifyBasis;
using baton::test::firstActivePerson;

namespace {

// A session with the demo workspace, one allocation run on it and that run applied.
void applyDemo(Session& session) {
    session.loadDemo();
    session.allocate(baton::AllocateOptions{});
    REQUIRE(session.lastResult() != nullptr);
    REQUIRE(session.applyProposal().ok);
}

// A second session that opened the first one's workspace, as a reload does.
void reopen(const Session& from, Session& to) {
    Session reader;
    REQUIRE(reader.importWorkspaceText(from.exportWorkspaceText()).ok);
    to.openStoredWorkspace(reader.workspace(), "default", "Default workspace");
}

}  // namespace

TEST_SUITE("session applied result") {
    TEST_CASE("apply keeps an applied record") {
        Session session;
        session.loadDemo();
        session.allocate(baton::AllocateOptions{});
        std::uint64_t version = session.keptResultVersion();
        REQUIRE(session.applyProposal().ok);
        CHECK(session.keptResultVersion() != version);
        CHECK(session.lastResultApplied());
        std::string record(session.resultToKeep());
        REQUIRE(record.starts_with(baton::kAppliedRecordStart));
        nlohmann::json value = nlohmann::json::parse(record);
        CHECK(value["applied_result"]["assignments"].size() ==
              session.lastResult()->assignments.size());
        CHECK_FALSE(value["before_apply"]["client_owners"].empty());
    }

    TEST_CASE("reload restores the applied result") {
        Session first;
        applyDemo(first);
        std::string record(first.resultToKeep());

        Session second;
        reopen(first, second);
        std::uint64_t revision = second.revision();
        std::string reason;
        REQUIRE_MESSAGE(second.restoreKeptResult(record, reason), reason);
        CHECK(second.lastResultApplied());
        CHECK(second.summary().assigned == first.summary().assigned);
        CHECK(second.revision() == revision);
        // The same record, though the result's JSON may be laid out differently.
        bool sameRecord =
            nlohmann::json::parse(second.resultToKeep()) == nlohmann::json::parse(record);
        CHECK(sameRecord);
        // Apply stays off: every proposed owner already owns the client.
        CHECK(second.noOwnerChange() == baton::NoOwnerChange::SameOwners);
        CHECK_FALSE(second.applyProposal().ok);

        baton::VerifyOutcome outcome = second.verifyResultText(second.lastResultText());
        CHECK(outcome.basis == VerifyBasis::BeforeApply);
        CHECK(outcome.breaches.empty());
        CHECK(outcome.ok());
    }

    TEST_CASE("edit after apply stops verify") {
        Session first;
        applyDemo(first);
        int employee = firstActivePerson(first.workspace());
        REQUIRE(employee >= 0);
        REQUIRE(first.setEmployeeStatus(employee, EmployeeStatus::OnLeave, ""));
        std::string record(first.resultToKeep());
        REQUIRE(record.starts_with(baton::kAppliedRecordStart));

        Session second;
        reopen(first, second);
        std::string reason;
        REQUIRE_MESSAGE(second.restoreKeptResult(record, reason), reason);
        CHECK(second.lastResultApplied());
        baton::VerifyOutcome outcome = second.verifyResultText(second.lastResultText());
        CHECK(outcome.basis == VerifyBasis::EditedAfterApply);
        CHECK_FALSE(outcome.ok());
    }

    TEST_CASE("tampered record is rejected") {
        Session first;
        applyDemo(first);
        nlohmann::json value = nlohmann::json::parse(first.resultToKeep());
        value["before_apply"]["client_owners"][0][1] = "C-nobody";
        std::string record = std::string(baton::kAppliedRecordStart) +
                             value["applied_result"].dump() +
                             ",\"before_apply\":" + value["before_apply"].dump() + "}";

        Session second;
        reopen(first, second);
        std::string reason;
        CHECK_FALSE(second.restoreKeptResult(record, reason));
        CHECK(reason.find("names no client") != std::string::npos);
        CHECK(second.lastResult() == nullptr);
        CHECK_FALSE(
            second.restoreKeptResult(std::string(baton::kAppliedRecordStart) + "1}", reason));
        CHECK(reason.find("not a readable applied result") != std::string::npos);
        CHECK(second.lastResult() == nullptr);
    }

    TEST_CASE("new run replaces the applied record") {
        Session session;
        applyDemo(session);
        std::string text = session.allocate(baton::AllocateOptions{});
        CHECK_FALSE(session.lastResultApplied());
        CHECK(session.resultToKeep() == text);
    }
}
