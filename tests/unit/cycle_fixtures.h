// A small workspace and runner for the cycle tests: E1 leaves with six clients, E2 and E3
// stay, E4 is on the key-account team.
#pragma once

#include <string>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/cycle_ops.h"

namespace baton::test {

inline Workspace cycleWorkspace() {
    Workspace ws;
    ws.employees.push_back(makeEmployee("E1", EmployeeStatus::Active, {"lang:zh"}));
    ws.employees.push_back(makeEmployee("E2", EmployeeStatus::Active, {"lang:zh"}));
    ws.employees.push_back(makeEmployee("E3", EmployeeStatus::Active, {"lang:zh"}));
    ws.employees.push_back(makeEmployee("E4", EmployeeStatus::Active, {"team:key_accounts"}));
    for (int i = 1; i <= 6; ++i) ws.clients.push_back(makeClient("C" + std::to_string(i), "E1"));
    ws.clients.push_back(makeClient("C7", "E2"));
    ws.clients[0].notes = "prefers calls before noon";
    ws.deals.push_back({"D1", "C1", "E1", DealStage::Open, 5000.0, std::nullopt, {}});
    ws.deals.push_back({"D2", "C2", "E1", DealStage::Won, 800.0, std::nullopt, {}});
    ws.transactions.push_back({"C1", "2026-06-01", 1200.0, std::string("E1"), {}});
    return ws;
}

inline CycleRunner coreRunner() {
    return [](const Workspace& input, const Policy& policy) {
        Evaluation evaluation = evaluate(input, policy);
        return allocate(input, policy, evaluation, AllocateOptions{});
    };
}

// Starts a cycle with E1 departed and advances it to the proposal on 2026-12-01.
inline Cycle& proposedCycle(Workspace& ws) {
    CycleStart start;
    start.date = "2026-11-20";
    start.leavers.push_back({"E1", "departed", "2026-11-30", {}});
    startCycle(ws, start);
    Cycle& c = ws.cycles.back();
    advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", coreRunner());
    advanceCycle(ws, c, CycleStage::Proposal, "2026-12-01", coreRunner());
    return c;
}

}  // namespace baton::test
