#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/edit_history.h"
#include "app/session.h"

using baton::EmployeeStatus;
using baton::Session;

namespace {

const baton::Employee& employee(const Session& session, int index) {
    return session.workspace().employees[static_cast<std::size_t>(index)];
}

// The employees as exported. The audit log is left out because every edit, an undo
// included, appends an entry to it.
std::string employeesText(const Session& session) {
    return nlohmann::json::parse(session.exportWorkspaceText())["employees"].dump();
}

// The status as text, because doctest cannot print the enum itself.
std::string statusOf(const Session& session, int index) {
    return baton::toString(employee(session, index).status);
}

}  // namespace

TEST_SUITE("undo") {
    TEST_CASE("status edit undoes and redoes") {
        Session session;
        session.loadDemo();
        CHECK_FALSE(session.canUndo());
        std::string original = employeesText(session);
        int released = session.releasedCount();
        std::string before = statusOf(session, 1);
        std::string lastDayBefore = employee(session, 1).lastDay;
        REQUIRE(before != "leaving");

        REQUIRE(session.setEmployeeStatus(1, EmployeeStatus::Leaving, "2030-01-31"));
        CHECK(session.canUndo());
        CHECK(session.releasedCount() > released);
        std::string edited = employeesText(session);

        std::uint64_t revision = session.revision();
        REQUIRE(session.undo());
        CHECK(session.revision() > revision);
        CHECK(statusOf(session, 1) == before);
        CHECK(employee(session, 1).lastDay == lastDayBefore);
        CHECK(employeesText(session) == original);
        CHECK(session.releasedCount() == released);
        CHECK(session.canRedo());
        CHECK_FALSE(session.undo());

        REQUIRE(session.redo());
        CHECK(statusOf(session, 1) == "leaving");
        CHECK(employee(session, 1).lastDay == "2030-01-31");
        CHECK(employeesText(session) == edited);
        CHECK_FALSE(session.redo());
    }

    TEST_CASE("policy edit undoes and redoes") {
        Session session;
        session.loadDemo();
        baton::Policy original = session.workspace().policy;
        baton::Policy changed = original;
        changed.version = original.version + 1;
        changed.seed = original.seed + 41;
        session.setPolicy(changed);
        REQUIRE(session.undo());
        CHECK(session.workspace().policy.version == original.version);
        CHECK(session.workspace().policy.seed == original.seed);
        REQUIRE(session.redo());
        CHECK(session.workspace().policy.version == changed.version);
        CHECK(session.workspace().policy.seed == changed.seed);
    }

    TEST_CASE("edits undo in reverse order") {
        Session session;
        session.loadDemo();
        std::string original = employeesText(session);
        session.setEmployeeStatus(0, EmployeeStatus::OnLeave, "");
        session.setEmployeeStatus(0, EmployeeStatus::Departed, "");
        session.setEmployeeStatus(2, EmployeeStatus::Leaving, "2031-06-30");
        REQUIRE(session.undo());
        CHECK(statusOf(session, 0) == "departed");
        REQUIRE(session.undo());
        CHECK(statusOf(session, 0) == "on_leave");
        REQUIRE(session.undo());
        CHECK(employeesText(session) == original);
    }

    TEST_CASE("new edit clears redo") {
        Session session;
        session.loadDemo();
        session.setEmployeeStatus(0, EmployeeStatus::OnLeave, "");
        REQUIRE(session.undo());
        CHECK(session.canRedo());
        session.setEmployeeStatus(3, EmployeeStatus::Departed, "");
        CHECK_FALSE(session.canRedo());
    }

    TEST_CASE("unchanged status records nothing") {
        Session session;
        session.loadDemo();
        const baton::Employee& e = employee(session, 0);
        session.setEmployeeStatus(0, e.status, e.lastDay);
        CHECK_FALSE(session.canUndo());
    }

    TEST_CASE("new workspace clears history") {
        Session session;
        session.loadDemo();
        session.setEmployeeStatus(0, EmployeeStatus::OnLeave, "");
        std::string text = session.exportWorkspaceText();
        REQUIRE(session.importWorkspaceText(text).ok);
        CHECK_FALSE(session.canUndo());
        CHECK_FALSE(session.canRedo());
    }

    TEST_CASE("history keeps a bounded number of edits") {
        baton::EditHistory history;
        for (std::size_t i = 0; i < baton::EditHistory::kMaxRecords + 5; ++i) {
            baton::StatusEdit edit;
            edit.employeeId = "E" + std::to_string(i);
            baton::Edit record;
            record.status = edit;
            history.record(record);
        }
        CHECK(history.undoCount() == baton::EditHistory::kMaxRecords);
        std::optional<baton::Edit> newest = history.takeUndo();
        REQUIRE(newest);
        REQUIRE(newest->status);
        CHECK(newest->status->employeeId ==
              "E" + std::to_string(baton::EditHistory::kMaxRecords + 4));
        CHECK(history.redoCount() == 1);
    }
    TEST_CASE("capacity edit undoes and redoes") {
        Session session;
        session.loadDemo();
        std::optional<int> clientsBefore = employee(session, 2).maxClients;
        std::optional<double> workloadBefore = employee(session, 2).maxWorkload;
        REQUIRE(session.setEmployeeCapacity(2, 7, 12.5));
        CHECK(employee(session, 2).maxClients == 7);
        CHECK(employee(session, 2).maxWorkload == 12.5);
        nlohmann::json exported = nlohmann::json::parse(session.exportWorkspaceText());
        CHECK(exported["employees"][2]["capacity"]["max_clients"] == 7);
        CHECK(exported["employees"][2]["capacity"]["max_workload"] == 12.5);

        REQUIRE(session.undo());
        CHECK(employee(session, 2).maxClients == clientsBefore);
        CHECK(employee(session, 2).maxWorkload == workloadBefore);
        REQUIRE(session.redo());
        CHECK(employee(session, 2).maxClients == 7);
        CHECK(employee(session, 2).maxWorkload == 12.5);

        REQUIRE(session.setEmployeeCapacity(2, std::nullopt, std::nullopt));
        CHECK_FALSE(employee(session, 2).maxClients.has_value());
        CHECK_FALSE(employee(session, 2).maxWorkload.has_value());
    }

    TEST_CASE("invalid capacity changes nothing") {
        Session session;
        session.loadDemo();
        std::uint64_t revision = session.revision();
        CHECK_FALSE(session.setEmployeeCapacity(0, -1, std::nullopt));
        CHECK_FALSE(session.setEmployeeCapacity(0, 1000000001, std::nullopt));
        CHECK_FALSE(session.setEmployeeCapacity(0, std::nullopt, -0.5));
        CHECK_FALSE(session.setEmployeeCapacity(0, std::nullopt, std::nan("")));
        CHECK_FALSE(session.setEmployeeCapacity(-1, 3, std::nullopt));
        CHECK(session.revision() == revision);
        CHECK_FALSE(session.canUndo());
    }

    TEST_CASE("undo and redo after apply keep verify") {
        Session session;
        session.loadDemo();
        REQUIRE(session.setEmployeeStatus(1, EmployeeStatus::Leaving, "2030-01-31"));
        std::string result = session.allocate(baton::AllocateOptions{});
        REQUIRE(session.applyProposal().ok);
        std::string applied = session.exportWorkspaceText();

        REQUIRE(session.undo());
        baton::VerifyOutcome afterUndo = session.verifyResultText(result);
        CHECK(afterUndo.basis == baton::VerifyBasis::EditedAfterApply);

        REQUIRE(session.redo());
        nlohmann::json now = nlohmann::json::parse(session.exportWorkspaceText());
        nlohmann::json then = nlohmann::json::parse(applied);
        CHECK(now["employees"] == then["employees"]);
        CHECK(now["clients"] == then["clients"]);
        baton::VerifyOutcome afterRedo = session.verifyResultText(result);
        CHECK(afterRedo.basis == baton::VerifyBasis::BeforeApply);
        CHECK(afterRedo.breaches.empty());
        CHECK(afterRedo.ok());

        // A second round gives the same basis, because the record keeps both tokens.
        REQUIRE(session.undo());
        REQUIRE(session.redo());
        CHECK(session.verifyResultText(result).basis == baton::VerifyBasis::BeforeApply);
    }

    TEST_CASE("verify follows undo past a later edit") {
        Session session;
        session.loadDemo();
        REQUIRE(session.setEmployeeStatus(1, EmployeeStatus::Leaving, "2030-01-31"));
        std::string result = session.allocate(baton::AllocateOptions{});
        REQUIRE(session.applyProposal().ok);
        REQUIRE(session.setEmployeeCapacity(3, 99, std::nullopt));
        REQUIRE(session.undo());
        REQUIRE(session.undo());
        REQUIRE(session.redo());
        // The capacity edit is still undone, so the inputs are those right after Apply.
        CHECK(session.verifyResultText(result).basis == baton::VerifyBasis::BeforeApply);
        REQUIRE(session.redo());
        CHECK(session.verifyResultText(result).basis == baton::VerifyBasis::EditedAfterApply);
    }
}
