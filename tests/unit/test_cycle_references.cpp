// Warnings about ids in cycle records that the workspace does not have or that the cycle
// steps could not have written.
#include <doctest/doctest.h>

#include "core/cycle_references.h"
#include "core/validation_warnings.h"
#include "cycle_fixtures.h"

using namespace baton;
using namespace baton::test;

namespace {

Workspace finalisedWorkspace() {
    Workspace ws = cycleWorkspace();
    Cycle& c = proposedCycle(ws);
    REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", coreRunner()).ok);
    REQUIRE(advanceCycle(ws, c, CycleStage::Final, "2026-12-20", coreRunner()).ok);
    return ws;
}

bool hasWarning(const std::vector<WorkspaceWarning>& warnings, const std::string& path,
                const std::string& text) {
    for (const WorkspaceWarning& w : warnings) {
        if (w.path == path && w.message.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("cycle references") {
    TEST_CASE("cycle ids checked") {
        Workspace ws = finalisedWorkspace();
        Cycle& c = ws.cycles.back();
        CHECK(cycleReferenceWarnings(ws).empty());
        Appeal appeal;
        appeal.id = "A1";
        appeal.employee = "E9";
        appeal.clients = {"C9999", "C7"};
        c.appeals.push_back(appeal);
        c.moves[0].to = "E99";
        c.outcomes.push_back({"C7", OutcomeKind::Retained, std::nullopt, std::nullopt, "", {}});
        c.handovers[1].client = "C404";
        std::vector<WorkspaceWarning> warnings = cycleReferenceWarnings(ws);
        CHECK(hasWarning(warnings, "/cycles/0/appeals/0/employee", "employee E9 is not in"));
        CHECK(hasWarning(warnings, "/cycles/0/appeals/0/clients/0", "client C9999 is not in"));
        CHECK(hasWarning(warnings, "/cycles/0/appeals/0/clients/1", "not in the released book"));
        CHECK(hasWarning(warnings, "/cycles/0/moves/0/to", "employee E99 is not in"));
        CHECK(hasWarning(warnings, "/cycles/0/moves/0/to", "does not place client C1 with E99"));
        CHECK(hasWarning(warnings, "/cycles/0/outcomes/0/client", "but no move in cycle-1"));
        CHECK(hasWarning(warnings, "/cycles/0/handovers/1/client", "client C404 is not in"));
        CHECK(warnings.size() == 9);
    }

    TEST_CASE("validate lists cycle warnings") {
        Workspace ws = finalisedWorkspace();
        ws.cycles.back().leavers[0].employee = "E77";
        CHECK(hasWarning(validationWarnings(ws), "/cycles/0/leavers/0/employee",
                         "employee E77 is not in the workspace"));
    }

    TEST_CASE("deleted client is a warning") {
        Workspace ws = finalisedWorkspace();
        std::string moved = ws.cycles.back().moves[0].client;
        ws.clients.erase(ws.clients.begin() + ws.findClient(moved));
        ws.deals.clear();
        ws.transactions.clear();
        std::vector<WorkspaceWarning> warnings = cycleReferenceWarnings(ws);
        CHECK(hasWarning(warnings, "/cycles/0/moves/0/client",
                         "keep the record as history if the client was deleted"));
        CHECK(hasWarning(warnings, "/cycles/0/handovers/0/client", "client " + moved));
    }
}
