// Verify of a result that a finalised cycle locked, against the workspace before the final
// rebuilt from the cycle record.
#include <doctest/doctest.h>

#include "cycle_fixtures.h"
#include "io/allocation_json.h"
#include "io/cycle_json.h"
#include "io/verify_cycle.h"
#include "io/verify_result.h"
#include "io/workspace_json.h"

using namespace baton;
using namespace baton::test;

namespace {

// Like coreRunner, but the results state their input hash as the page's and CLI's runs do.
CycleRunner hashingRunner() {
    return [](const Workspace& input, const Policy& policy) {
        Evaluation evaluation = evaluate(input, policy);
        AllocateOptions options;
        options.inputSha256 = inputSha256(input, policy);
        return allocate(input, policy, evaluation, options);
    };
}

// C1, C2 go to E2 and C3 to E3. Deal D3 of C1 is with E3 and deal D4 of C3 with E3, so
// neither had the client's owner E1 before the final.
Workspace dealWorkspace() {
    Workspace ws = cycleWorkspace();
    for (const char* c : {"C1", "C2"}) ws.policy.pins.push_back({c, "E2", "test", {}});
    ws.policy.pins.push_back({"C3", "E3", "test", {}});
    ws.deals.push_back({"D3", "C1", "E3", DealStage::Open, 100.0, std::nullopt, {}});
    ws.deals.push_back({"D4", "C3", "E3", DealStage::Open, 200.0, std::nullopt, {}});
    return ws;
}

Cycle& finalised(Workspace& ws) {
    CycleStart start;
    start.date = "2026-11-20";
    start.leavers.push_back({"E1", "departed", "2026-11-30", {}});
    REQUIRE(startCycle(ws, start).ok);
    Cycle& c = ws.cycles.back();
    REQUIRE(advanceCycle(ws, c, CycleStage::RulesPublished, "2026-11-25", hashingRunner()).ok);
    REQUIRE(advanceCycle(ws, c, CycleStage::Proposal, "2026-12-01", hashingRunner()).ok);
    REQUIRE(advanceCycle(ws, c, CycleStage::ObjectionsClosed, "2026-12-16", hashingRunner()).ok);
    REQUIRE(advanceCycle(ws, c, CycleStage::Final, "2026-12-20", hashingRunner()).ok);
    return c;
}

ReportedAllocation reportedOf(const AllocationResult& result) {
    ReportedReadResult read = readReportedAllocation(allocationToJson(result).dump());
    REQUIRE(read.allocation);
    return *read.allocation;
}

}  // namespace

TEST_SUITE("cycle verify") {
    TEST_CASE("final records deal moves") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        REQUIRE(c.dealMoves.size() == 2);
        CHECK(c.dealMoves[0].deal == "D3");
        CHECK(c.dealMoves[0].from == "E3");
        CHECK(c.dealMoves[0].to == "E2");
        CHECK(c.dealMoves[1].deal == "D4");
        CHECK(c.dealMoves[1].from == "E3");
        Workspace past = pastCycleInput(ws, c);
        CHECK(past.deals[0].employee == "E1");
        CHECK(past.deals[2].employee == "E3");
        CHECK(past.deals[3].employee == "E3");
        std::vector<JsonError> errors;
        std::vector<Cycle> read = cyclesFromJson(cyclesToJson(ws.cycles), "/cycles", errors);
        REQUIRE(errors.empty());
        REQUIRE(read.size() == 1);
        REQUIRE(read[0].dealMoves.size() == 2);
        CHECK(read[0].dealMoves[0].client == "C1");
        CHECK(read[0].dealMoves[0].to == "E2");
    }

    TEST_CASE("locked result passes before final") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        ReportedAllocation reported = reportedOf(*c.currentResult());
        CHECK_FALSE(verifyReported(ws, reported).ok());
        CycleVerifyReport checked = verifyWithCycles(ws, reported);
        CHECK(checked.cycle == "cycle-1");
        CHECK(checked.hashMismatch.empty());
        CHECK_MESSAGE(checked.report.ok(), checked.report.breaches.front());
        CHECK(verifyBasisText(checked) == "against the workspace before the final of cycle-1");
    }

    TEST_CASE("owner edited after final") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        ReportedAllocation reported = reportedOf(*c.currentResult());
        ws.clients[6].owner = "E3";
        CycleVerifyReport checked = verifyWithCycles(ws, reported);
        CHECK(checked.cycle == "cycle-1");
        CHECK(checked.hashMismatch.find("edited after the final") != std::string::npos);
        REQUIRE_FALSE(checked.report.ok());
        CHECK(checked.report.breaches.front().find("is not proven") != std::string::npos);
    }

    TEST_CASE("moved owner edit is undone") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        ReportedAllocation reported = reportedOf(*c.currentResult());
        ws.clients[1].owner = "E3";
        CycleVerifyReport checked = verifyWithCycles(ws, reported);
        CHECK(checked.hashMismatch.empty());
        CHECK(checked.report.ok());
    }

    TEST_CASE("deleted moved client named") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        ReportedAllocation reported = reportedOf(*c.currentResult());
        ws.clients.erase(ws.clients.begin() + 3);
        CycleVerifyReport checked = verifyWithCycles(ws, reported);
        CHECK(checked.hashMismatch.find("client C4, moved at the final, is no longer in the") !=
              std::string::npos);
        CHECK_FALSE(checked.report.ok());
    }

    TEST_CASE("other result stays unmatched") {
        Workspace ws = dealWorkspace();
        Cycle& c = finalised(ws);
        AllocationResult other = *c.currentResult();
        other.inputSha256 = std::string(64, '0');
        CycleVerifyReport checked = verifyWithCycles(ws, reportedOf(other));
        CHECK(checked.cycle.empty());
        CHECK_FALSE(checked.report.ok());
    }
}
