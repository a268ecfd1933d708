// validate's warnings about max_clients and max_workload, checked against what the
// allocation engine then does with the same workspace.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "app/session.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/workspace_warnings.h"
#include "io/workspace_json.h"
#include "ui/log_text.h"
#include "ui/strings.h"

using namespace baton;
using namespace baton::test;

namespace {

// A keeps C3 and C4, B keeps C5; L has left, so C1 and C2 are released.
Workspace keptBooks() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                    makeEmployee("B", EmployeeStatus::Active, {}),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L"), makeClient("C2", "L"), makeClient("C3", "A"),
                  makeClient("C4", "A"), makeClient("C5", "B")};
    ws.policy.asOf = "2026-11-30";
    return ws;
}

std::vector<WorkspaceWarning> warningsAt(const Workspace& ws, const std::string& path) {
    std::vector<WorkspaceWarning> out;
    for (const WorkspaceWarning& w : allocationWarnings(ws)) {
        if (w.path == path) out.push_back(w);
    }
    return out;
}

// The unassigned entry of `client` in an allocation of `ws`, or nothing when it is placed.
std::optional<Unassigned> unassignedOf(const Workspace& ws, const std::string& client) {
    AllocationResult r = allocateOwnPolicy(ws);
    for (const Unassigned& u : r.unassigned) {
        if (u.client == client) return u;
    }
    return std::nullopt;
}

}  // namespace

TEST_SUITE("limit warnings") {
    TEST_CASE("pin to a full employee") {
        Workspace ws = keptBooks();
        ws.employees[0].maxClients = 2;
        ws.policy.pins = {PairOverride{"C1", "A", "manager", {}}};
        std::vector<WorkspaceWarning> warnings = warningsAt(ws, "/policy/pins/0");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message ==
              "pin C1 → A fails: A already keeps as many clients as A's max_clients allows (2 "
              "kept, 0 from earlier pins, max 2), so C1 goes unassigned as a pin conflict: raise "
              "A's max_clients to at least 3 or remove the pin");
        std::optional<Unassigned> u = unassignedOf(ws, "C1");
        REQUIRE(u.has_value());
        CHECK(u->reason == "pin_conflict");
        CHECK(u->detail.find("capacity_full") != std::string::npos);

        ws.employees[0].maxClients = 3;
        CHECK(warningsAt(ws, "/policy/pins/0").empty());
        CHECK_FALSE(unassignedOf(ws, "C1").has_value());
    }

    TEST_CASE("second pin fills the room") {
        Workspace ws = keptBooks();
        ws.employees[0].maxClients = 3;
        // Listed out of order: the engine takes pins by client id, so C1 gets the room.
        ws.policy.pins = {PairOverride{"C2", "A", "", {}}, PairOverride{"C1", "A", "", {}}};
        CHECK(warningsAt(ws, "/policy/pins/1").empty());
        std::vector<WorkspaceWarning> warnings = warningsAt(ws, "/policy/pins/0");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message.find("(2 kept, 1 from earlier pins, max 3)") !=
              std::string::npos);
        CHECK(warnings[0].message.find("to at least 4") != std::string::npos);
        std::optional<Unassigned> u = unassignedOf(ws, "C2");
        REQUIRE(u.has_value());
        CHECK(u->reason == "pin_conflict");
        CHECK_FALSE(unassignedOf(ws, "C1").has_value());
    }

    TEST_CASE("pin over the default max_workload") {
        Workspace ws = keptBooks();
        ws.policy.constraints.defaultMaxWorkload = 10.0;
        ws.clients[2].workload = 6.0;  // C3, kept by A
        ws.clients[0].workload = 4.5;  // C1, released
        ws.policy.pins = {PairOverride{"C1", "A", "", {}}};
        std::vector<WorkspaceWarning> warnings = warningsAt(ws, "/policy/pins/0");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message ==
              "pin C1 → A fails: A keeps workload 6 and C1 adds 4.5, over policy "
              "default_max_workload of 10, so C1 goes unassigned as a pin conflict: raise "
              "policy default_max_workload to at least 10.5 or remove the pin");
        std::optional<Unassigned> u = unassignedOf(ws, "C1");
        REQUIRE(u.has_value());
        CHECK(u->detail.find("workload_full") != std::string::npos);

        ws.clients[0].workload = 4.0;  // exactly fills the room
        CHECK(warningsAt(ws, "/policy/pins/0").empty());
        CHECK_FALSE(unassignedOf(ws, "C1").has_value());
    }

    TEST_CASE("nobody has room") {
        Workspace ws = keptBooks();
        ws.employees[0].maxClients = 2;
        ws.policy.constraints.defaultMaxClients = 1;  // B keeps 1
        ws.employees[1].maxClients.reset();
        std::vector<WorkspaceWarning> warnings = warningsAt(ws, "/employees");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message ==
              "no active employee has room for another client (A at A's max_clients: 2 kept, max "
              "2; B at policy default_max_clients: 1 kept, max 1), so allocate can place no "
              "released client (released clients: 2): raise max_clients or max_workload in the "
              "employees' capacity or in the policy's constraints");
        AllocationResult r = allocateOwnPolicy(ws);
        CHECK(r.assignments.empty());
        CHECK(r.unassigned.size() == 2);

        ws.policy.constraints.defaultMaxClients = 2;
        CHECK(warningsAt(ws, "/employees").empty());
    }

    TEST_CASE("at max_workload places only weightless clients") {
        Workspace ws = keptBooks();
        ws.policy.constraints.defaultMaxWorkload = 5.0;
        ws.clients[2].workload = 5.0;  // A is at its max_workload
        ws.clients[4].workload = 7.0;  // B is over it
        ws.clients[0].workload = 1.0;  // C1 needs room, C2 has workload 0
        std::vector<WorkspaceWarning> warnings = warningsAt(ws, "/employees");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message.find("(A at policy default_max_workload: 5 kept, max 5; B at "
                                       "policy default_max_workload: 7 kept, max 5)") !=
              std::string::npos);
        CHECK(warnings[0].message.find("can place no released client with a workload above 0 "
                                       "(released clients with a workload above 0: 1)") !=
              std::string::npos);
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.unassigned.size() == 1);
        CHECK(r.unassigned[0].client == "C1");
        CHECK(r.assignments.size() == 1);
    }

    TEST_CASE("employee over its own limit") {
        Workspace ws = keptBooks();
        ws.employees[0].maxClients = 1;  // A keeps 2
        std::vector<WorkspaceWarning> warnings =
            warningsAt(ws, "/employees/0/capacity/max_clients");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].message ==
              "A already keeps more clients than A's max_clients allows (2 kept, max 1), so it "
              "receives no released client: raise A's max_clients to at least 2 or move some of "
              "its clients to a colleague");
        // At its limit, A is full but not over it.
        ws.employees[0].maxClients = 2;
        CHECK(warningsAt(ws, "/employees/0/capacity/max_clients").empty());
    }

    TEST_CASE("many over-limit employees are summed up") {
        Workspace ws;
        ws.policy.asOf = "2026-11-30";
        ws.employees.push_back(makeEmployee("L", EmployeeStatus::Departed, {}));
        ws.clients.push_back(makeClient("C0", "L"));
        for (int k = 1; k <= 5; ++k) {
            std::string id = "E" + std::to_string(k);
            ws.employees.push_back(makeEmployee(id, EmployeeStatus::Active, {}, 0));
            ws.clients.push_back(makeClient("K" + std::to_string(k), id));
        }
        ws.employees.push_back(makeEmployee("F", EmployeeStatus::Active, {}));
        std::vector<WorkspaceWarning> warnings = allocationWarnings(ws);
        REQUIRE(warnings.size() == 4);
        CHECK(warnings[0].path == "/employees/1/capacity/max_clients");
        CHECK(warnings[2].message.rfind("E3 already keeps more clients", 0) == 0);
        CHECK(warnings[3].message ==
              "more active employees keep more clients or workload than their limits allow: 2 "
              "(E4, E5), so they receive no released client: raise their max_clients or "
              "max_workload");
    }

    TEST_CASE("page shows the warnings in Chinese") {
        Workspace ws = keptBooks();
        ws.employees[0].maxClients = 2;
        ws.policy.pins = {PairOverride{"C1", "A", "", {}}};
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(writeWorkspace(ws));
        REQUIRE(outcome.ok);
        auto pin = std::find_if(outcome.warnings.begin(), outcome.warnings.end(),
                                [](const JsonError& w) { return w.path == "/policy/pins/0"; });
        REQUIRE(pin != outcome.warnings.end());
        ui::setLocale("zh-CN");
        CHECK(ui::logMessageText(pin->message) ==
              "指定 C1 → A 无法生效：A 现有客户数已达 A 的 max_clients 上限（现有 2 "
              "个，之前的指定占 0 "
              "个，上限 2），因此 C1 将因指定冲突而未分配：请将 A 的 max_clients 提高到至少 3，"
              "或删除该指定");
        ui::setLocale("en");
    }

    TEST_CASE("team boundary without a team") {
        Workspace ws = keptBooks();
        ws.policy.constraints.teamBoundary = true;
        ws.employees[2].team = "";  // L, who owns the released clients
        ws.employees[1].team = "";  // B
        std::vector<WorkspaceWarning> leaver = warningsAt(ws, "/employees/2/team");
        REQUIRE(leaver.size() == 1);
        CHECK(leaver[0].message ==
              "the team boundary is on, but L, who owns 2 of the released clients, has no team, "
              "so those clients go only to employees without a team: set L's team or turn "
              "/policy/constraints/team_boundary off");
        std::vector<WorkspaceWarning> active = warningsAt(ws, "/employees");
        REQUIRE(active.size() == 1);
        CHECK(active[0].message.find("active employees without a team: 1 (B)") !=
              std::string::npos);
        ui::setLocale("zh-CN");
        CHECK(ui::logMessageText(leaver[0].message) ==
              "已开启团队边界，但 L 名下有 2 个待交接客户却没有团队，这些客户只能交给同样没有团队"
              "的员工：请设置 L 的团队，或关闭 /policy/constraints/team_boundary");
        ui::setLocale("en");
        ws.policy.constraints.teamBoundary = false;
        CHECK(warningsAt(ws, "/employees/2/team").empty());
    }
}
