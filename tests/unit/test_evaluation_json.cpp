#include <doctest/doctest.h>

#include <string>

#include "core/evaluation.h"
#include "core/generator.h"
#include "io/evaluation_json.h"

using namespace baton;

namespace {

std::string treeText(const Workspace& ws, const Evaluation& ev) {
    return evaluationToJson(ws, ev).dump(2) + "\n";
}

}  // namespace

TEST_CASE("writeEvaluation matches the tree's dump") {
    GenerateOptions g;
    g.seed = 5;
    g.employees = 12;
    g.clients = 60;
    g.leavers = 2;
    Workspace ws = generateWorkspace(g);
    // Text that dump escapes (a quote, a backslash, a newline, a tab), and non-ASCII text.
    ws.clients[0].id = "C \"quoted\" \\ line\nbreak 客户";
    ws.employees[0].id = "E\ttab 员工";

    SUBCASE("a generated workspace") {
        Evaluation ev = evaluate(ws, ws.policy);
        REQUIRE(ev.clients.size() == 60);
        CHECK(writeEvaluation(ws, ev) == treeText(ws, ev));
    }
    SUBCASE("no clients") {
        ws.clients.clear();
        ws.transactions.clear();
        ws.relationships.clear();
        ws.deals.clear();
        Evaluation ev = evaluate(ws, ws.policy);
        CHECK(writeEvaluation(ws, ev) == treeText(ws, ev));
    }
    SUBCASE("no employees and no clients") {
        Workspace empty;
        Evaluation ev = evaluate(empty, empty.policy);
        std::string text = writeEvaluation(empty, ev);
        CHECK(text == treeText(empty, ev));
        CHECK(text.find("\"clients\": []") != std::string::npos);
    }
    SUBCASE("a single client") {
        ws.clients.resize(1);
        Evaluation ev = evaluate(ws, ws.policy);
        CHECK(writeEvaluation(ws, ev) == treeText(ws, ev));
    }
}
