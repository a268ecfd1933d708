#include <doctest/doctest.h>

#include "core/override_check.h"

using namespace baton;

namespace {

Workspace threeEmployees() {
    Workspace ws;
    for (const char* id : {"E1", "E2", "E3"}) {
        Employee e;
        e.id = id;
        ws.employees.push_back(e);
    }
    ws.employees[2].status = EmployeeStatus::Departed;
    Client c;
    c.id = "C1";
    c.owner = "E3";
    ws.clients.push_back(c);
    return ws;
}

}  // namespace

TEST_SUITE("override check") {
    TEST_CASE("pins that can hold give nothing") {
        Workspace ws = threeEmployees();
        ws.policy.pins.push_back({"C1", "E1", "knows them"});
        ws.policy.forbids.push_back({"C1", "E2", "conflict"});
        CHECK(checkOverrides(ws).empty());
    }

    TEST_CASE("pin to a departed employee") {
        Workspace ws = threeEmployees();
        ws.policy.pins.push_back({"C1", "E3", "stays"});
        std::vector<OverrideProblem> problems = checkOverrides(ws);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/policy/pins/0");
        CHECK(problems[0].message.find("E3 is departed") != std::string::npos);
    }

    TEST_CASE("pin to a system account") {
        Workspace ws = threeEmployees();
        ws.employees[1].kind = EmployeeKind::System;
        ws.policy.pins.push_back({"C1", "E2", "integration"});
        std::vector<OverrideProblem> problems = checkOverrides(ws);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.find("system account") != std::string::npos);
    }

    TEST_CASE("pin and forbid on one pair") {
        Workspace ws = threeEmployees();
        ws.policy.forbids.push_back({"C1", "E2", "conflict"});
        ws.policy.forbids.push_back({"C1", "E1", "conflict"});
        ws.policy.pins.push_back({"C1", "E1", "knows them"});
        std::vector<OverrideProblem> problems = checkOverrides(ws);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.find("/policy/forbids/1") != std::string::npos);
    }

    TEST_CASE("two pins of one client") {
        Workspace ws = threeEmployees();
        ws.policy.pins.push_back({"C1", "E1", "first"});
        ws.policy.pins.push_back({"C1", "E1", "same pair again"});
        ws.policy.pins.push_back({"C1", "E2", "second"});
        std::vector<OverrideProblem> problems = checkOverrides(ws);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/policy/pins/2");
        CHECK(problems[0].message.find("/policy/pins/0") != std::string::npos);
    }
}
