// The status rules that the page's Employees tab and `baton status` share.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "app/session.h"
#include "core/allocation.h"
#include "core/employee_status.h"
#include "core/evaluation.h"

using namespace baton;

TEST_SUITE("employee status") {
    TEST_CASE("leaving takes a valid last day") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Active, {});
        EmployeeStatusChange change = planStatusChange(e, EmployeeStatus::Leaving, "2026-12-31");
        CHECK(change.ok());
        CHECK((change.statusBefore == EmployeeStatus::Active));
        CHECK((change.status == EmployeeStatus::Leaving));
        CHECK(change.lastDay == "2026-12-31");
        CHECK_FALSE(change.unchanged());
        applyStatusChange(e, change);
        CHECK((e.status == EmployeeStatus::Leaving));
        CHECK(e.lastDay == "2026-12-31");
    }

    TEST_CASE("leaving without a date is rejected") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Active, {});
        EmployeeStatusChange change = planStatusChange(e, EmployeeStatus::Leaving, "");
        CHECK_FALSE(change.ok());
        CHECK(change.field == "last_day");
        CHECK(change.error.find("employee E1 is leaving") != std::string::npos);
    }

    TEST_CASE("leaving with an invalid date is rejected") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Active, {});
        for (const char* text : {"2026-02-30", "31.12.2026", "2026-1-5", "tomorrow"}) {
            CAPTURE(text);
            EmployeeStatusChange change = planStatusChange(e, EmployeeStatus::Leaving, text);
            CHECK_FALSE(change.ok());
            CHECK(change.field == "last_day");
            CHECK(change.error.find(std::string("\"") + text + "\"") != std::string::npos);
        }
    }

    TEST_CASE("other statuses keep the last day") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Leaving, {});
        e.lastDay = "2026-10-31";
        for (EmployeeStatus status :
             {EmployeeStatus::Active, EmployeeStatus::Departed, EmployeeStatus::OnLeave}) {
            CAPTURE(toString(status));
            EmployeeStatusChange change = planStatusChange(e, status, "2030-01-01");
            CHECK(change.ok());
            CHECK(change.lastDay == "2026-10-31");
        }
    }

    TEST_CASE("the same status and day is no change") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Leaving, {});
        e.lastDay = "2026-10-31";
        CHECK(planStatusChange(e, EmployeeStatus::Leaving, "2026-10-31").unchanged());
        CHECK_FALSE(planStatusChange(e, EmployeeStatus::Leaving, "2026-11-30").unchanged());
    }

    TEST_CASE("audit detail names both statuses") {
        Employee e = test::makeEmployee("E1", EmployeeStatus::Active, {});
        nlohmann::json detail =
            statusAuditDetail(e.id, planStatusChange(e, EmployeeStatus::Leaving, "2026-12-31"));
        CHECK(detail == nlohmann::json{{"employee", "E1"},
                                       {"from", "active"},
                                       {"to", "leaving"},
                                       {"last_day", "2026-12-31"}});
        nlohmann::json plain =
            statusAuditDetail(e.id, planStatusChange(e, EmployeeStatus::OnLeave, ""));
        CHECK_FALSE(plain.contains("last_day"));
    }

    TEST_CASE("session rejects an invalid last day") {
        Session session;
        session.loadDemo();
        std::size_t entries = session.workspace().audit.size();
        const Employee before = session.workspace().employees[0];
        CHECK_FALSE(session.setEmployeeStatus(0, EmployeeStatus::Leaving, "2026-13-01"));
        CHECK_FALSE(session.setEmployeeStatus(0, EmployeeStatus::Leaving, ""));
        CHECK((session.workspace().employees[0].status == before.status));
        CHECK(session.workspace().employees[0].lastDay == before.lastDay);
        CHECK(session.workspace().audit.size() == entries);
        CHECK_FALSE(session.canUndo());
    }
}

TEST_SUITE("difficulty inputs") {
    TEST_CASE("any one client field counts") {
        Workspace ws;
        ws.clients.push_back(test::makeClient("C1", ""));
        ws.clients.push_back(test::makeClient("C2", ""));
        CHECK_FALSE(hasDifficultyInputs(ws));
        ws.clients[1].latePayments = 0.0;
        CHECK(hasDifficultyInputs(ws));
        ws.clients[1].latePayments.reset();
        ws.clients[0].satisfaction = 4.0;
        CHECK(hasDifficultyInputs(ws));
    }

    TEST_CASE("allocation notes a workspace without them") {
        Workspace ws;
        ws.employees.push_back(test::makeEmployee("E1", EmployeeStatus::Departed, {}));
        ws.employees.push_back(test::makeEmployee("E2", EmployeeStatus::Active, {}));
        ws.employees.push_back(test::makeEmployee("E3", EmployeeStatus::Active, {}));
        ws.clients.push_back(test::makeClient("C1", "E1"));
        ws.clients.push_back(test::makeClient("C2", "E1"));
        AllocationResult result = allocate(ws, ws.policy, evaluate(ws, ws.policy), {});
        auto has = [](const std::vector<std::string>& notes, const std::string& text) {
            return std::find(notes.begin(), notes.end(), text) != notes.end();
        };
        CHECK(has(result.notes, noDifficultyInputsNote()));

        ws.clients[0].workload = 3.0;
        AllocationResult with = allocate(ws, ws.policy, evaluate(ws, ws.policy), {});
        CHECK_FALSE(has(with.notes, noDifficultyInputsNote()));
    }
}
