// The proposal that the page keeps beside a stored workspace: which result is kept, and which
// kept text a reopened workspace takes back as its last result.
#include <doctest/doctest.h>

#include <string>

#include "app/session.h"
#include "session_fixtures.h"

using baton::EmployeeStatus;
using baton::Session;
using baton::test::firstActivePerson;

namespace {

// A session with the demo workspace and one allocation run on it.
void allocateDemo(Session& session) {
    session.loadDemo();
    session.allocate(baton::AllocateOptions{});
    REQUIRE(session.lastResult() != nullptr);
}

// A second session that opened the first one's workspace, as a reload does.
void reopen(const Session& from, Session& to) {
    Session reader;
    REQUIRE(reader.importWorkspaceText(from.exportWorkspaceText()).ok);
    to.openStoredWorkspace(reader.workspace(), "default", "Default workspace");
}

}  // namespace

TEST_SUITE("session proposal") {
    TEST_CASE("new run is kept until applied") {
        Session session;
        session.loadDemo();
        CHECK(session.resultToKeep().empty());
        std::uint64_t before = session.keptResultVersion();
        std::string text = session.allocate(baton::AllocateOptions{});
        CHECK(session.keptResultVersion() != before);
        CHECK(session.resultToKeep() == text);

        REQUIRE(session.applyProposal().ok);
        // The applied result stays the last result, and its applied record is kept instead.
        CHECK(session.lastResult() != nullptr);
        CHECK(session.resultToKeep().starts_with(baton::kAppliedRecordStart));
    }

    TEST_CASE("audit entry keeps the proposal") {
        Session session;
        allocateDemo(session);
        std::uint64_t version = session.keptResultVersion();
        session.recordChange("note", {{"text", "read the proposal"}});
        CHECK(session.keptResultVersion() == version);
        CHECK(session.resultToKeep() == session.lastResultText());
    }

    TEST_CASE("input change drops the proposal") {
        Session session;
        allocateDemo(session);
        int employee = firstActivePerson(session.workspace());
        REQUIRE(employee >= 0);
        std::uint64_t version = session.keptResultVersion();
        REQUIRE(session.setEmployeeStatus(employee, EmployeeStatus::OnLeave, ""));
        CHECK(session.keptResultVersion() != version);
        CHECK(session.resultToKeep().empty());
    }

    TEST_CASE("reopened workspace restores the proposal") {
        Session first;
        allocateDemo(first);
        std::string text(first.resultToKeep());

        Session second;
        reopen(first, second);
        CHECK(second.lastResult() == nullptr);
        std::size_t entries = second.workspace().audit.size();
        std::uint64_t revision = second.revision();
        std::string reason;
        REQUIRE_MESSAGE(second.restoreKeptResult(text, reason), reason);
        CHECK(reason.empty());
        CHECK(second.lastResultText() == text);
        CHECK(second.summary().assigned == first.summary().assigned);
        CHECK(second.summary().unassigned == first.summary().unassigned);
        CHECK(second.resultToKeep() == text);
        // A restore is no change: no audit entry, no revision step.
        CHECK(second.workspace().audit.size() == entries);
        CHECK(second.revision() == revision);
        CHECK(second.applyProposal().ok);
    }

    TEST_CASE("restore rejects a changed policy") {
        Session first;
        allocateDemo(first);
        std::string text(first.resultToKeep());
        baton::Policy policy = first.workspace().policy;
        policy.version += 1;
        first.setPolicy(policy);

        Session second;
        reopen(first, second);
        std::uint64_t revision = second.revision();
        std::string reason;
        CHECK_FALSE(second.restoreKeptResult(text, reason));
        CHECK(reason.find("the workspace or its policy changed") != std::string::npos);
        CHECK(second.lastResult() == nullptr);
        CHECK(second.revision() == revision);
    }

    TEST_CASE("restore rejects a changed workspace") {
        Session first;
        allocateDemo(first);
        std::string text(first.resultToKeep());
        int employee = firstActivePerson(first.workspace());
        REQUIRE(employee >= 0);
        REQUIRE(first.setEmployeeStatus(employee, EmployeeStatus::OnLeave, ""));

        Session second;
        reopen(first, second);
        std::string reason;
        CHECK_FALSE(second.restoreKeptResult(text, reason));
        CHECK(reason.find("input hash") != std::string::npos);
        CHECK(second.lastResult() == nullptr);
    }

    TEST_CASE("restore rejects text that is no result") {
        Session session;
        session.loadDemo();
        std::string reason;
        CHECK_FALSE(session.restoreKeptResult("{\"placed\": 1}", reason));
        CHECK(reason.find("not a readable allocation result") != std::string::npos);
        CHECK_FALSE(session.restoreKeptResult("not json", reason));
        CHECK(session.lastResult() == nullptr);
    }
}
