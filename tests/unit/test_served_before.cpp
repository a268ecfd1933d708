#include <doctest/doctest.h>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "core/served_before.h"
#include "io/allocation_json.h"

using namespace baton;
using namespace baton::test;

namespace {

Workspace servedCase() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                    makeEmployee("B", EmployeeStatus::Active, {}),
                    makeEmployee("C", EmployeeStatus::Active, {})};
    ws.clients = {makeClient("C1", "A", {}, {}), makeClient("C2", "A", {}, {}),
                  makeClient("C3", "B", {}, {})};
    auto tx = [](const char* client, const char* date, std::optional<std::string> employee) {
        return Transaction{client, date, 10.0, std::move(employee), nlohmann::json::object()};
    };
    ws.transactions = {tx("C1", "2026-01-01", "C"),  tx("C2", "2026-01-02", "B"),
                       tx("C1", "2026-01-03", "B"),  tx("C1", "2026-01-04", "C"),
                       tx("C9", "2026-01-05", "A"),  tx("C2", "not a date", "C"),
                       tx("C3", "2026-01-06", "Z9"), tx("C3", "2026-01-07", std::nullopt)};
    ws.relationships = {{"A", "C3", RelationshipKind::ServedBefore, {}},
                        {"B", "C3", RelationshipKind::Conflict, {}},
                        {"C", "C404", RelationshipKind::ServedBefore, {}}};
    return ws;
}

std::vector<int> row(const ServedBefore& index, int client) {
    auto span = index.of(client);
    return {span.begin(), span.end()};
}

}  // namespace

TEST_SUITE("served before") {
    TEST_CASE("rows list each known employee once, in index order") {
        Workspace ws = servedCase();
        ServedBefore index = buildServedBefore(ws, {0, 1, 2});
        CHECK(row(index, 0) == std::vector<int>{1, 2});
        // A transaction with an invalid date still shows who served the client.
        CHECK(row(index, 1) == std::vector<int>{1, 2});
        // An unknown employee and a transaction without one add nothing; a conflict is
        // no service.
        CHECK(row(index, 2) == std::vector<int>{0});
        CHECK(index.contains(0, 2));
        CHECK_FALSE(index.contains(0, 0));
        CHECK(index.pairCount() == 5);
        CHECK(index.of(7).empty());
    }

    TEST_CASE("only the listed clients get rows") {
        ServedBefore index = buildServedBefore(servedCase(), {1});
        CHECK(row(index, 0).empty());
        CHECK(row(index, 1) == std::vector<int>{1, 2});
        CHECK(row(index, 2).empty());
    }

    TEST_CASE("the evaluation builds the same index for every client") {
        Workspace ws = servedCase();
        Evaluation ev = evaluate(ws, ws.policy);
        REQUIRE(ev.servedBefore != nullptr);
        ServedBefore direct = buildServedBefore(ws, {0, 1, 2});
        for (int client = 0; client < 3; ++client) {
            CHECK(row(*ev.servedBefore, client) == row(direct, client));
        }
        CHECK(ev.servedBefore->builtFrom(ws));
        ws.transactions.push_back(ws.transactions.front());
        CHECK_FALSE(ev.servedBefore->builtFrom(ws));
    }

    TEST_CASE("an allocation gives the same result with or without the evaluation's index") {
        GenerateOptions g;
        g.seed = 5;
        g.employees = 40;
        g.clients = 1200;
        g.leavers = 6;
        Workspace ws = generateWorkspace(g);
        Evaluation ev = evaluate(ws, ws.policy);
        REQUIRE(ev.servedBefore != nullptr);
        REQUIRE(ev.servedBefore->pairCount() > 0);
        std::string shared = writeAllocation(allocate(ws, ws.policy, ev, {}));
        Evaluation without = ev;
        without.servedBefore.reset();
        CHECK(writeAllocation(allocate(ws, ws.policy, without, {})) == shared);
        // An index that no longer matches the workspace is not used.
        Evaluation stale = ev;
        Workspace changed = ws;
        changed.relationships.push_back(
            {ws.employees[0].id, ws.clients[0].id, RelationshipKind::ServedBefore, {}});
        stale.servedBefore = std::make_shared<const ServedBefore>(buildServedBefore(ws, {}));
        CHECK(writeAllocation(allocate(changed, ws.policy, stale, {})) ==
              writeAllocation(allocate(changed, ws.policy, without, {})));
    }
}
