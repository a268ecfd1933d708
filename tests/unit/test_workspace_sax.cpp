// The streaming reader (readWorkspace) against the document reader (workspaceFromJson on a
// parsed nlohmann::json): the same workspace, and the same errors in the same order.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/generator.h"
#include "io/workspace_json.h"

using namespace baton;
using nlohmann::json;

namespace {

std::vector<std::string> describe(const std::vector<JsonError>& errors) {
    std::vector<std::string> out;
    for (const JsonError& e : errors) {
        out.push_back(e.path + " (" + std::to_string(e.line.value_or(0)) + ":" +
                      std::to_string(e.column.value_or(0)) + "): " + e.message);
    }
    return out;
}

WorkspaceReadResult readThroughDocument(const std::string& text) {
    return workspaceFromJson(json::parse(text));
}

// Removes the errors about repeated keys and returns whether there were any. Only the
// streaming reader reports them, because a nlohmann::json object keeps one value a key.
bool dropDuplicateKeyErrors(std::vector<JsonError>& errors) {
    std::size_t before = errors.size();
    std::erase_if(errors, [](const JsonError& e) {
        return e.message.rfind("this key appears more than once", 0) == 0;
    });
    return errors.size() != before;
}

// Checks that both readers give the same errors, or the same written workspace. Errors about
// repeated keys are left out of the comparison.
void checkSameRead(const std::string& text) {
    WorkspaceReadResult streamed = readWorkspace(text);
    WorkspaceReadResult parsed = readThroughDocument(text);
    if (dropDuplicateKeyErrors(streamed.errors)) {
        CHECK_FALSE(streamed.workspace);
        CHECK(describe(streamed.errors) == describe(parsed.errors));
        return;
    }
    CHECK(describe(streamed.errors) == describe(parsed.errors));
    REQUIRE(streamed.workspace.has_value() == parsed.workspace.has_value());
    if (streamed.workspace) {
        CHECK(writeWorkspace(*streamed.workspace) == writeWorkspace(*parsed.workspace));
    }
}

const char* kValid = R"({
  "format": "baton-workspace", "version": 1,
  "company": {"name": "Acme", "currency": "CNY", "x_site": [1, {"a": null}]},
  "employees": [{"id": "E1", "name": "王婷", "status": "active",
                 "capacity": {"max_clients": 40, "x_note": "part time"},
                 "metrics": {"sales_12m": 1.5e5, "csat": 4, "x_m": [true]},
                 "skills": ["lang:zh"], "x_badge": {"k": [1, 2.5, -3]}},
                {"id": "E2", "name": "Ada", "status": "departed", "kind": "person"}],
  "clients": [{"id": "C1", "name": "Shop", "owner": "E2", "needs": ["retail"],
               "key_account": false, "revenue_12m": 18446744073709551615,
               "x_tags": ["a", "b"]},
              {"id": "C2", "name": "Mill", "owner": null, "difficulty": 12.5}],
  "transactions": [{"client": "C1", "date": "2026-01-02", "amount": -4, "employee": "E2"},
                   {"client": "C2", "date": "2026-01-03", "amount": 0.25, "x": {}}],
  "relationships": [{"employee": "E1", "client": "C2", "kind": "conflict"}],
  "deals": [{"id": "D1", "client": "C1", "employee": "E1", "stage": "open", "amount": 10,
             "expected_close": "2027-02-28", "x_src": "crm"}],
  "policy": {"seed": 9, "pins": [{"client": "C1", "employee": "E1"}]},
  "audit": [],
  "x_top": {"nested": [[], {}]}
})";

// A small deterministic generator for test mutations (not used by the product).
struct Lcg {
    std::uint64_t state;
    std::uint64_t next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return state >> 33;
    }
};

}  // namespace

TEST_SUITE("workspace json streaming") {
    TEST_CASE("generated workspaces read the same") {
        const char* families[] = {"mixed", "clustered",          "heavy_tailed",
                                  "tight", "sparse_eligibility", "skewed"};
        int sizes[][2] = {{3, 20}, {12, 200}, {40, 1500}};
        std::uint64_t seed = 1;
        for (const char* family : families) {
            for (const auto& size : sizes) {
                GenerateOptions options;
                options.seed = seed++;
                options.employees = size[0];
                options.clients = size[1];
                options.family = family;
                Workspace ws = generateWorkspace(options);
                CAPTURE(family);
                CAPTURE(size[1]);
                checkSameRead(writeWorkspaceLines(ws));
                WorkspaceReadResult streamed = readWorkspace(writeWorkspace(ws));
                REQUIRE(streamed.workspace.has_value());
                CHECK(writeWorkspace(*streamed.workspace) == writeWorkspace(ws));
            }
        }
    }

    TEST_CASE("valid document with extras reads the same") {
        WorkspaceReadResult streamed = readWorkspace(kValid);
        REQUIRE(streamed.errors.empty());
        checkSameRead(kValid);
    }

    TEST_CASE("faulty documents give the same errors") {
        const char* cases[] = {
            R"([1, 2])",
            R"("text")",
            R"({"format": "other", "version": 1})",
            R"({"version": 2, "format": "baton-workspace", "employees": 5})",
            R"({"format": "baton-workspace"})",
            R"({"format": "baton-workspace", "version": 1, "employees": {"id": "E1"}})",
            R"({"format": "baton-workspace", "version": 1, "employees": [1, "x", [2], null,
               true, {"id": 7, "name": "A"}, {"id": "", "status": "gone"}]})",
            R"({"format": "baton-workspace", "version": 1,
               "clients": [{"id": "C1", "name": "A", "owner": "nobody"}],
               "employees": [{"id": "E1", "name": "B", "status": "active"},
                             {"id": "E1", "name": "C", "status": "active"}]})",
            R"({"format": "baton-workspace", "version": 1, "employees": [
               {"id": "E1", "name": "B", "status": "active", "status": "bad",
                "capacity": {"max_clients": 1.5, "max_workload": -1},
                "metrics": {"retention": 2, "csat": "high"}, "skills": ["a", 3]}]})",
            R"({"format": "baton-workspace", "version": 1,
               "transactions": [{"client": "C9", "date": "2026-02-30", "amount": "1"}],
               "deals": [{"id": "D1", "client": "C1", "stage": "won"}],
               "relationships": [{"employee": "E1", "client": "C1", "kind": 3}]})",
            R"({"format": "baton-workspace", "version": 1,
               "employees": [{"id": "E1"}], "employees": null, "clients": 4})",
            R"({"format": "baton-workspace", "version": 1, "clients": [{"id": "C1"}],
               "clients": [{"id": "C2", "name": "X", "owner": "E5",
                            "capacity": 1, "difficulty": 101, "satisfaction": 0}]})",
            R"({"format": "baton-workspace", "version": 1, "policy": {"seed": -1,
               "pins": [{"client": "C1", "employee": "E1"}]}, "audit": {}})",
            R"({"format": "baton-workspace", "version": 1, "employees": [
               {"id": "E1", "name": "A", "status": "active",
                "capacity": {"max_clients": 18446744073709551615}}]})",
            R"({"format": "baton-workspace", "version": 1, "employees": [
               {"id": "E1", "name": "A", "status": "active", "skills": ["a", null, "b"]}],
               "clients": [{"id": "C1", "name": "X", "needs": [null],
                            "x_list": [1, null, {"a": null}, [null]]}]})",
        };
        for (const char* text : cases) {
            CAPTURE(text);
            checkSameRead(text);
        }
    }

    TEST_CASE("more than 100 errors across lists give the same first 100") {
        json doc = json::parse(R"({"format": "baton-workspace", "version": 1})");
        for (int i = 0; i < 60; ++i) doc["transactions"].push_back({{"client", i}});
        for (int i = 0; i < 70; ++i) doc["employees"].push_back({{"id", "E"}, {"name", i}});
        std::string text = doc.dump();
        WorkspaceReadResult streamed = readWorkspace(text);
        CHECK(streamed.errors.size() == 101);
        checkSameRead(text);
    }

    TEST_CASE("mutated documents give the same errors") {
        GenerateOptions options;
        options.employees = 4;
        options.clients = 12;
        options.transactions = 30;
        std::string base = writeWorkspaceLines(generateWorkspace(options));
        base.insert(base.size() - 2, std::string(",\n  \"x_extra\": ") + kValid);
        const char* replacements[] = {"null",
                                      "1",
                                      "-2.5",
                                      "\"\"",
                                      "[]",
                                      "{}",
                                      "true",
                                      "\"2026-13-01\"",
                                      "18446744073709551615"};
        Lcg random{7};
        int compared = 0;
        for (int round = 0; round < 400; ++round) {
            std::string text = base;
            // Replace one value after a colon by a value of another type.
            std::size_t at = text.find(": ", random.next() % text.size());
            if (at == std::string::npos) continue;
            std::size_t end = text.find_first_of(",}]\n", at + 2);
            if (end == std::string::npos) continue;
            text.replace(at + 2, end - at - 2, replacements[random.next() % 9]);
            if (!json::accept(text)) continue;
            CAPTURE(round);
            checkSameRead(text);
            ++compared;
        }
        CHECK(compared > 100);
    }

    TEST_CASE("syntax errors name line and column") {
        WorkspaceReadResult result = readWorkspace(
            "{\"format\": \"baton-workspace\",\n"
            " \"employees\": [{\"id\": \"E1\" \"name\"}]}");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == "");
        CHECK(result.errors[0].line == 2);
        CHECK(result.errors[0].column == 33);
        CHECK(!result.workspace);
    }

    TEST_CASE("number overflow is reported at its position") {
        WorkspaceReadResult result =
            readWorkspace(R"({"format": "baton-workspace", "version": 1, "x": 1e999})");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].line == 1);
        CHECK(result.errors[0].column == 50);
        CHECK(result.errors[0].message.find("the number 1e999 is too large") != std::string::npos);
    }
}
