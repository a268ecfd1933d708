// Small hand-made workspaces for the allocation tests.
#pragma once

#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton::test {

inline Employee makeEmployee(const std::string& id, EmployeeStatus status, std::vector<std::string> skills,
                             int maxClients = 50) {
    Employee e;
    e.id = id;
    e.name = "Employee " + id;
    e.team = "East";
    e.status = status;
    e.skills = std::move(skills);
    e.maxClients = maxClients;
    return e;
}

inline Client makeClient(const std::string& id, const std::string& owner, std::vector<std::string> needs = {},
                         std::vector<std::string> prefers = {}) {
    Client c;
    c.id = id;
    c.name = "Client " + id;
    if (!owner.empty()) c.owner = owner;
    c.needs = std::move(needs);
    c.prefers = std::move(prefers);
    c.revenue12m = 1000.0 * double(id.size() + id.back());
    return c;
}

// A and B can receive; L has left, so C1 and C2 are released; A keeps C3. No client
// prefers a skill and no employee has a region, so every fit is 0 under the default weights.
inline Workspace smallFirm() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {"lang:zh"}),
                    makeEmployee("B", EmployeeStatus::Active, {"lang:en"}),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L"), makeClient("C2", "L"), makeClient("C3", "A")};
    ws.policy.asOf = "2026-11-30";
    return ws;
}

// Allocates `ws` under its own policy, with the evaluation of that policy.
inline AllocationResult allocateOwnPolicy(const Workspace& ws) {
    return allocate(ws, ws.policy, evaluate(ws, ws.policy), {});
}

}  // namespace baton::test
