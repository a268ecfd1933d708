#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/sha256.h"
#include "io/workspace_json.h"

using namespace baton;
using nlohmann::json;

namespace {

std::string readFixture(const std::string& name) {
    std::ifstream in(std::string(BATON_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A valid workspace with two employees and one client, to which a test adds a fault.
json minimalDocument() {
    return json::parse(R"({
      "format": "baton-workspace", "version": 1,
      "employees": [{"id": "E1", "name": "王婷", "status": "active"},
                    {"id": "E2", "name": "Ada Moss", "status": "departed"}],
      "clients": [{"id": "C1", "name": "Acme", "owner": "E2"}]
    })");
}

// Reads `doc` and returns its errors, each as "path: message".
std::vector<std::string> errorsOf(const json& doc) {
    WorkspaceReadResult result = workspaceFromJson(doc);
    std::vector<std::string> out;
    for (const JsonError& e : result.errors) out.push_back(e.path + ": " + e.message);
    return out;
}

std::string onlyError(const json& doc) {
    std::vector<std::string> errors = errorsOf(doc);
    REQUIRE(errors.size() == 1);
    return errors[0];
}

// The errors of reading `text` with readWorkspace, each as "path: message".
std::vector<std::string> readErrors(const std::string& text) {
    WorkspaceReadResult result = readWorkspace(text);
    std::vector<std::string> out;
    for (const JsonError& e : result.errors) out.push_back(e.path + ": " + e.message);
    return out;
}

// `text` in UTF-16 of the given byte order, with a byte order mark when `bom`.
std::string utf16(const std::string& ascii, bool littleEndian, bool bom) {
    std::string out;
    if (bom) out = littleEndian ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) {
        out += littleEndian ? std::string{c, '\0'} : std::string{'\0', c};
    }
    return out;
}

}  // namespace

TEST_SUITE("workspace json") {
    TEST_CASE("round trip keeps unknown fields at every level") {
        std::string text = readFixture("workspace_round_trip.json");
        REQUIRE(!text.empty());
        WorkspaceReadResult result = readWorkspace(text);
        REQUIRE(result.errors.empty());
        json written = json::parse(writeWorkspace(*result.workspace));
        CHECK(written == json::parse(text));
        CHECK(written["employees"][0]["capacity"]["x_note"] == "part time from May");
        CHECK(written["policy"]["value"]["weights"]["x_w"] == 0);
        CHECK(written["policy"]["pins"][0]["x_appeal"] == "A3");
    }

    TEST_CASE("absent optional fields stay absent") {
        WorkspaceReadResult result = workspaceFromJson(minimalDocument());
        REQUIRE(result.workspace);
        json employee = employeeToJson(result.workspace->employees[0]);
        CHECK(employee == json::parse(R"({"id": "E1", "name": "王婷", "status": "active"})"));
        json client = clientToJson(result.workspace->clients[0]);
        CHECK(client == json::parse(R"({"id": "C1", "name": "Acme", "owner": "E2"})"));
    }

    TEST_CASE("streamed writer matches nlohmann dump") {
        WorkspaceReadResult result = readWorkspace(readFixture("workspace_round_trip.json"));
        REQUIRE(result.workspace);
        json tree = workspaceToJson(*result.workspace);
        CHECK(writeWorkspace(*result.workspace) == tree.dump(2) + "\n");
        CHECK(writeWorkspace(*result.workspace, -1) == tree.dump());
        CHECK(writeWorkspace(*result.workspace, 4) == tree.dump(4) + "\n");
    }

    TEST_CASE("compact transactions match nlohmann dump") {
        // The writer has a fast path for plain transactions. Every kind of transaction,
        // plain or not, must come out as the dump of the JSON tree does.
        Workspace ws;
        auto add = [&](std::string client, std::string date, double amount,
                       std::optional<std::string> employee, json extra) {
            Transaction t;
            t.client = std::move(client);
            t.date = std::move(date);
            t.amount = amount;
            t.employee = std::move(employee);
            t.extra = std::move(extra);
            ws.transactions.push_back(std::move(t));
        };
        add("C1", "2026-06-30", 12000.0, "E1", json());
        add("C1", "2026-06-30", 12000.0, std::nullopt, json());
        add("C1", "2026-06-30", 0.5, "E1", json());
        add("C1", "2026-06-30", -0.0, "E1", json());
        add("C1", "2026-06-30", -350.0, "E1", json());
        add("C1", "2026-06-30", 9007199254740992.0, "E1", json());
        add("C1", "2026-06-30", 1e300, "E1", json());
        add("客户1", "2026-06-30", 1.0, "E1", json());
        add("C\"1", "2026-06-30", 1.0, "E\\1", json());
        add("C\n1", "2026-06-30", 1.0, "E1\x7f", json());
        add("C1", "2026-06-30", 1.0, "E1", json::object());
        add("C1", "2026-06-30", 1.0, "E1", json{{"channel", "web"}});
        add("C1", "2026-06-30", 1.0, "E1", json{{"zeta", 1}, {"a", 2}});
        json tree = workspaceToJson(ws);
        CHECK(writeWorkspace(ws, -1) == tree.dump());
        for (std::size_t i = 0; i < ws.transactions.size(); ++i) {
            INFO("transaction ", i);
            CHECK(writeWorkspaceLines(ws).find(tree["transactions"][i].dump()) !=
                  std::string::npos);
        }
    }

    TEST_CASE("whole numbers stay integers") {
        json doc = minimalDocument();
        doc["transactions"] = json::parse(
            R"([{"client": "C1", "date": "2026-06-30", "amount": 12000},
                {"client": "C1", "date": "2026-07-01", "amount": 12000.0},
                {"client": "C1", "date": "2026-07-02", "amount": 0.5}])");
        WorkspaceReadResult result = workspaceFromJson(doc);
        REQUIRE(result.workspace);
        std::string text = writeWorkspace(*result.workspace, -1);
        CHECK(text.find(R"("amount":12000,)") != std::string::npos);
        CHECK(text.find("12000.0") == std::string::npos);
        CHECK(text.find(R"("amount":0.5,)") != std::string::npos);
    }

    TEST_CASE("syntax error gives line and column") {
        std::string text = "{\n  \"format\": \"baton-workspace\",\n  \"name\": \"深圳\" x\n}";
        WorkspaceReadResult result = readWorkspace(text);
        REQUIRE(result.errors.size() == 1);
        const JsonError& e = result.errors[0];
        CHECK(e.path == "");
        CHECK(e.line == 3);
        CHECK(e.column == 16);
        CHECK(e.offset == 52);
        CHECK(e.message ==
              "invalid JSON: syntax error while parsing object - invalid literal; last read: "
              "'\"深圳\" x'; expected '}'; fix the syntax at this position");
        CHECK(formatError(e) == "line 3, column 16, byte offset 52: " + e.message);
    }

    TEST_CASE("a workspace saved as GBK is named so, not a syntax error") {
        // "深圳" in GBK is C9 EE DB DA.
        std::string text = "{\n  \"format\": \"baton-workspace\",\n  \"name\": \"\xC9\xEE\xDB\xDA\"\n}";
        for (bool dom : {false, true}) {
            std::vector<JsonError> errors;
            if (dom) {
                CHECK_FALSE(parseJsonDocument(text, errors));
            } else {
                errors = readWorkspace(text).errors;
            }
            REQUIRE(errors.size() == 1);
            CHECK(errors[0].line == 3);
            CHECK(errors[0].column == 12);
            CHECK(errors[0].message.rfind("the file is not UTF-8 text: it looks like GBK/GB18030", 0) == 0);
            CHECK(errors[0].message.find("iconv -f GB18030 -t UTF-8") != std::string::npos);
            CHECK(errors[0].message.find("--encoding gb18030") != std::string::npos);
            CHECK(errors[0].message.find("fix the syntax") == std::string::npos);
        }
    }

    TEST_CASE("a syntax error before a non-UTF-8 byte stays a syntax error") {
        WorkspaceReadResult result = readWorkspace("{\"a\": x, \"b\": \"\xC9\xEE\"}");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("fix the syntax") != std::string::npos);
    }

    TEST_CASE("syntax error at end of input") {
        WorkspaceReadResult result = readWorkspace("{\"a\": [1,\n2");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].line == 2);
        CHECK(result.errors[0].column == 2);
    }

    TEST_CASE("an empty or blank file is named empty, not a syntax error") {
        for (std::string text : {std::string(), std::string(" \r\n\t"), std::string("\xEF\xBB\xBF\n")}) {
            WorkspaceReadResult result = readWorkspace(text);
            REQUIRE(result.errors.size() == 1);
            CHECK_FALSE(result.errors[0].line.has_value());
            CHECK(result.errors[0].message.rfind("the file is empty", 0) == 0);
        }
        WorkspaceReadResult truncated = readWorkspace("{\"a\":");
        REQUIRE(truncated.errors.size() == 1);
        CHECK(truncated.errors[0].message.rfind("invalid JSON", 0) == 0);
    }

    TEST_CASE("invalid UTF-8 is named, never quoted, in messages") {
        WorkspaceReadResult result = readWorkspace("{\"name\": \"a\xff\"}");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("\xff") == std::string::npos);
        CHECK(result.errors[0].message.rfind("the file is not UTF-8 text (this byte breaks "
                                             "UTF-8)", 0) == 0);
        CHECK(result.errors[0].column == 12);
        CHECK_NOTHROW(json(result.errors[0].message).dump());
    }

    TEST_CASE("number overflow is an error") {
        WorkspaceReadResult result = readWorkspace(R"({"amount": 1e400})");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.rfind("invalid JSON: the number 1e400 is too large", 0) ==
              0);
        CHECK(result.errors[0].offset == 11);
    }

    TEST_CASE("format and version are checked") {
        json doc = minimalDocument();
        doc["version"] = 2;
        CHECK(onlyError(doc) ==
              "/version: version 2 is newer than this build of Baton reads (version 1); open "
              "the file with a newer Baton, or export it as version 1");
        doc = minimalDocument();
        doc["format"] = "baton-allocation";
        CHECK(onlyError(doc) ==
              "/format: must be \"baton-workspace\", found "
              "\"baton-allocation\"; this file is not a Baton workspace");
        doc = minimalDocument();
        doc.erase("format");
        CHECK(onlyError(doc) ==
              ": missing required field \"format\"; a workspace starts with "
              "\"format\": \"baton-workspace\", \"version\": 1");
    }

    TEST_CASE("number id is an error") {
        json doc = minimalDocument();
        doc["clients"][0]["id"] = 42;
        CHECK(onlyError(doc) ==
              "/clients/0/id: ids are text: write this id in quotes, as "
              "\"42\", so that long ids and leading zeros are kept");
    }

    TEST_CASE("missing required fields") {
        json doc = minimalDocument();
        doc["employees"][1].erase("status");
        doc["clients"][0].erase("owner");
        std::vector<std::string> errors = errorsOf(doc);
        REQUIRE(errors.size() == 2);
        CHECK(errors[0] == "/employees/1: missing required field \"status\"; add it");
        CHECK(errors[1] ==
              "/clients/0: missing required field \"owner\"; give the owner's "
              "employee id, or null for a client nobody owns");
    }

    TEST_CASE("wrong types name the pointer") {
        json doc = minimalDocument();
        doc["employees"][0]["name"] = true;
        doc["employees"][0]["skills"] = json::array({"lang:zh", 3});
        doc["clients"][0]["revenue_12m"] = "380000";
        std::vector<std::string> errors = errorsOf(doc);
        REQUIRE(errors.size() == 3);
        CHECK(errors[0] == "/employees/0/name: must be a string, found a boolean");
        CHECK(errors[1] == "/employees/0/skills/1: must be a string, found a number");
        CHECK(errors[2] == "/clients/0/revenue_12m: must be a number, found a string");
    }

    TEST_CASE("dates and enums are validated") {
        json doc = minimalDocument();
        doc["employees"][0]["hired"] = "2023-02-30";
        doc["employees"][1]["status"] = "retired";
        std::vector<std::string> errors = errorsOf(doc);
        REQUIRE(errors.size() == 2);
        CHECK(errors[0] ==
              "/employees/0/hired: invalid date \"2023-02-30\"; use an ISO date "
              "YYYY-MM-DD, such as 2026-11-30");
        CHECK(errors[1] ==
              "/employees/1/status: invalid status \"retired\"; use one of: "
              "active, leaving, departed, on_leave");
    }

    TEST_CASE("duplicate id names the first occurrence") {
        json doc = minimalDocument();
        doc["employees"].push_back(
            json::parse(R"({"id": "E1", "name": "Li", "status": "active"})"));
        CHECK(onlyError(doc) ==
              "/employees/2/id: duplicate employee id \"E1\": /employees/0 "
              "has it already; give each employee its own id");
    }

    TEST_CASE("unknown references are errors") {
        json doc = minimalDocument();
        doc["clients"][0]["owner"] = "E99";
        doc["transactions"] = json::parse(R"([{"client": "C7", "date": "2026-01-02",
                                                "amount": 5, "employee": "E1"}])");
        doc["relationships"] = json::parse(R"([{"employee": "E8", "client": "C1",
                                                 "kind": "conflict"}])");
        doc["deals"] = json::parse(R"([{"id": "D1", "client": "C1", "employee": "E5",
                                         "stage": "open", "amount": 10}])");
        doc["policy"] = json::parse(R"({"pins": [{"client": "C9", "employee": "E1"}]})");
        std::vector<std::string> errors = errorsOf(doc);
        REQUIRE(errors.size() == 5);
        CHECK(errors[0] ==
              "/clients/0/owner: owner \"E99\" is not the id of any employee; "
              "use an id from /employees, or null for a client nobody owns");
        CHECK(errors[1] ==
              "/transactions/0/client: client \"C7\" is not the id of any "
              "client; use an id from /clients");
        CHECK(errors[2] ==
              "/relationships/0/employee: employee \"E8\" is not the id of any "
              "employee; use an id from /employees");
        CHECK(errors[3] ==
              "/deals/0/employee: employee \"E5\" is not the id of any employee; "
              "use an id from /employees");
        CHECK(errors[4] ==
              "/policy/pins/0/client: client \"C9\" is not the id of any client; "
              "use an id from /clients");
    }

    TEST_CASE("errors are capped") {
        json doc = minimalDocument();
        for (int i = 0; i < 300; ++i) {
            doc["clients"].push_back({{"id", "X" + std::to_string(i)}, {"name", "n"}});
        }
        std::vector<std::string> errors = errorsOf(doc);
        REQUIRE(errors.size() == 101);
        CHECK(errors[0] ==
              "/clients/1: missing required field \"owner\"; give the owner's "
              "employee id, or null for a client nobody owns");
        CHECK(errors[100] ==
              ": too many errors: only the first 100 are listed; fix them and "
              "read the file again to see the rest");
    }

    TEST_CASE("formatErrors shows source, pointer and position") {
        std::vector<JsonError> errors = {{"/clients/12/owner", std::nullopt, std::nullopt, "bad"},
                                         {"", 3, 7, "invalid JSON"}};
        CHECK(formatErrors(errors, "w.json") ==
              "w.json: /clients/12/owner: bad\nw.json: line 3, column 7: invalid JSON\n");
    }
}

TEST_SUITE("policy json") {
    TEST_CASE("missing keys take the defaults") {
        PolicyReadResult result = policyFromJson(json::parse(R"({"seed": 9})"), "/policy");
        REQUIRE(result.policy);
        CHECK(result.policy->seed == 9);
        CHECK(result.policy->value.windowDays == 365);
        CHECK(result.policy->constraints.defaultMaxClients == 50);
        CHECK(result.policy->fit.continuity == doctest::Approx(0.25));
        CHECK(policyToJson(*result.policy)["as_of"].is_null());
    }

    TEST_CASE("wrong type names the key") {
        PolicyReadResult result =
            policyFromJson(json::parse(R"({"value": {"window_days": "365"}})"), "/policy");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == "/policy/value/window_days");
        CHECK(result.errors[0].message == "must be a number, found a string");
    }

    TEST_CASE("values out of range are errors") {
        json policy = json::parse(R"({
          "value": {"window_days": 0, "weights": {"monetary": -0.1}},
          "entitlement": {"alpha": 1.5},
          "constraints": {"default_max_clients": -1, "max_value_share": 0}
        })");
        PolicyReadResult result = policyFromJson(policy, "");
        REQUIRE(result.errors.size() == 5);
        CHECK(result.errors[0].path == "/value/window_days");
        CHECK(result.errors[0].message == "must be 1 or more, found 0");
        CHECK(result.errors[1].path == "/value/weights/monetary");
        CHECK(result.errors[1].message == "weights must be 0 or more, found -0.1");
        CHECK(result.errors[2].path == "/entitlement/alpha");
        CHECK(result.errors[2].message == "must be between 0 and 1, found 1.5");
        CHECK(result.errors[3].path == "/constraints/default_max_clients");
        CHECK(result.errors[3].message == "must be 0 or more, found -1");
        CHECK(result.errors[4].path == "/constraints/max_value_share");
        CHECK(result.errors[4].message ==
              "must be more than 0 and at most 1 (or null for no cap), found 0");
    }

    TEST_CASE("huge whole numbers are rejected") {
        PolicyReadResult result = policyFromJson(
            json::parse(R"({"constraints": {"default_max_clients": 18446744073709551615}})"), "");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message ==
              "is too large: it must be a whole number from 0 to 1000000000, found "
              "18446744073709551615");
    }

    TEST_CASE("a whole number written as 1e30 is too large, not a fraction") {
        PolicyReadResult result = policyFromJson(
            json::parse(R"({"constraints": {"default_max_clients": 1e30}, "version": 2.5})"), "");
        REQUIRE(result.errors.size() == 2);
        CHECK(result.errors[0].path == "/version");
        CHECK(result.errors[0].message == "must be a whole number, found 2.5");
        CHECK(result.errors[1].path == "/constraints/default_max_clients");
        CHECK(result.errors[1].message ==
              "is too large: it must be a whole number from 0 to 1000000000, found 1e+30");
    }

    TEST_CASE("an unknown weight is a warning with a suggestion, and kept") {
        PolicyReadResult result = policyFromJson(json::parse(R"({
          "value": {"weights": {"monetary": 0.5, "moneatry": 0.9, "valeu": 1}},
          "fit": {"weights": {"continuty": 0.4}}
        })"), "/policy");
        REQUIRE(result.policy);
        CHECK(result.errors.empty());
        CHECK(result.policy->value.monetary == doctest::Approx(0.5));
        REQUIRE(result.warnings.size() == 3);
        CHECK(result.warnings[0].path == "/policy/value/weights/moneatry");
        CHECK(result.warnings[0].message ==
              "unknown weight \"moneatry\"; did you mean \"monetary\"? It is kept but not "
              "used: the value weights are monetary, frequency, recency, potential, tier; "
              "correct the key or remove it");
        CHECK(result.warnings[1].path == "/policy/value/weights/valeu");
        CHECK(result.warnings[1].message.rfind(
                  "unknown weight \"valeu\". It is kept but not used: the value weights", 0) == 0);
        CHECK(result.warnings[2].path == "/policy/fit/weights/continuty");
        CHECK(result.warnings[2].message.find("did you mean \"continuity\"?") !=
              std::string::npos);
        CHECK(policyToJson(*result.policy)["value"]["weights"]["valeu"] == 1);
    }

    TEST_CASE("a misspelt block is a warning; a far unknown key is kept quietly") {
        PolicyReadResult result = policyFromJson(
            json::parse(R"({"valeu": {"weights": {"monetary": 1}}, "note": "kept"})"), "/policy");
        REQUIRE(result.policy);
        REQUIRE(result.warnings.size() == 1);
        CHECK(result.warnings[0].path == "/policy/valeu");
        CHECK(result.warnings[0].message ==
              "unknown key \"valeu\"; did you mean \"value\"? It is kept but not used: "
              "correct the key, or its setting does not apply");
        CHECK(policyToJson(*result.policy)["note"] == "kept");
    }

    TEST_CASE("policy warnings reach the workspace read") {
        json doc = minimalDocument();
        doc["policy"] = json::parse(R"({"difficulty": {"weights": {"complaint": 0.2}}})");
        WorkspaceReadResult result = workspaceFromJson(doc);
        REQUIRE(result.workspace);
        REQUIRE(result.warnings.size() == 1);
        CHECK(result.warnings[0].path == "/policy/difficulty/weights/complaint");
        CHECK(result.warnings[0].message.find("did you mean \"complaints\"?") !=
              std::string::npos);
        WorkspaceReadResult text = readWorkspace(doc.dump());
        CHECK(text.warnings.size() == 1);
    }

    TEST_CASE("invalid enum lists the allowed values") {
        PolicyReadResult result =
            policyFromJson(json::parse(R"({"entitlement": {"mode": "merit"}})"), "/policy");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == "/policy/entitlement/mode");
        CHECK(result.errors[0].message ==
              "invalid mode \"merit\"; use one of: equal, performance, blend");
    }

    TEST_CASE("policy references are checked against a workspace") {
        WorkspaceReadResult ws = workspaceFromJson(minimalDocument());
        REQUIRE(ws.workspace);
        PolicyReadResult policy = readPolicyFile(
            R"({"pins": [{"client": "C1", "employee": "E1"}],
                "forbids": [{"client": "C1", "employee": "E7"}]})");
        REQUIRE(policy.policy);
        CHECK(policy.pointer == "");
        std::vector<JsonError> errors =
            checkPolicyReferences(*ws.workspace, *policy.policy, policy.pointer);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].path == "/forbids/0/employee");
        CHECK(errors[0].message ==
              "employee \"E7\" is not the id of any employee; use an id "
              "from /employees");
    }

    TEST_CASE("policy file is bare or a workspace") {
        PolicyReadResult bare = readPolicyFile(R"({"seed": 3, "scope": "all"})");
        REQUIRE(bare.policy);
        CHECK(std::string(toString(bare.policy->scope)) == "all");
        PolicyReadResult whole =
            readPolicyFile(R"({"format": "baton-workspace", "version": 1, "policy": {"seed": 4}})");
        REQUIRE(whole.policy);
        CHECK(whole.policy->seed == 4);
        CHECK(whole.pointer == "/policy");
        PolicyReadResult bad =
            readPolicyFile(R"({"format": "baton-workspace", "policy": {"seed": -4}})");
        REQUIRE(bad.errors.size() == 1);
        CHECK(bad.errors[0].path == "/policy/seed");
    }
}

TEST_SUITE("canonical json") {
    TEST_CASE("keys sorted without white space") {
        json value = json::parse(R"({"b": 1, "a": [1, {"d": "东", "c": null}], "e": 0.5})");
        CHECK(canonicalJson(value) == R"({"a":[1,{"c":null,"d":"东"}],"b":1,"e":0.5})");
    }

    TEST_CASE("sha256 of a known text") {
        CHECK(sha256Hex("abc") ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    TEST_CASE("input hash covers the canonical input") {
        WorkspaceReadResult result = readWorkspace(readFixture("workspace_round_trip.json"));
        REQUIRE(result.workspace);
        const Workspace& ws = *result.workspace;
        json input = workspaceToJson(ws);
        json expected = {{"clients", input["clients"]},
                         {"deals", input["deals"]},
                         {"employees", input["employees"]},
                         {"policy", input["policy"]},
                         {"relationships", input["relationships"]},
                         {"transactions", input["transactions"]}};
        CHECK(inputSha256(ws, ws.policy) == sha256Hex(canonicalJson(expected)));
        Policy other = ws.policy;
        other.seed = 8;
        CHECK(inputSha256(ws, other) != inputSha256(ws, ws.policy));
    }

    TEST_CASE("input hash of the fixture is stable") {
        // Computed independently from the fixture with Python's json.dumps(sort_keys=True,
        // separators=(",", ":"), ensure_ascii=False) and hashlib.sha256.
        WorkspaceReadResult result = readWorkspace(readFixture("workspace_round_trip.json"));
        REQUIRE(result.workspace);
        CHECK(inputSha256(*result.workspace, result.workspace->policy) ==
              "afbfb5170d8590e5048fee43c5c2f422b9468c611167d6e4c6cd7556911f9607");
    }

    TEST_CASE("input hash of an empty workspace") {
        Workspace empty;
        json expected = {{"clients", json::array()},       {"deals", json::array()},
                         {"employees", json::array()},     {"policy", policyToJson(Policy{})},
                         {"relationships", json::array()}, {"transactions", json::array()}};
        CHECK(inputSha256(empty, Policy{}) == sha256Hex(canonicalJson(expected)));
    }
}

TEST_SUITE("workspace json input") {
    TEST_CASE("utf-16 workspace is read") {
        std::string text = minimalDocument().dump(-1, ' ', true);  // ASCII only
        for (bool little : {true, false}) {
            for (bool bom : {true, false}) {
                CAPTURE(little);
                CAPTURE(bom);
                WorkspaceReadResult result = readWorkspace(utf16(text, little, bom));
                REQUIRE(result.workspace);
                CHECK(result.workspace->employees.size() == 2);
            }
        }
    }

    TEST_CASE("zero bytes after json stay utf-8") {
        // The text is not read as UTF-16. Its NUL is an error at its column, because
        // nlohmann's parser would end its input there and read only "2".
        std::string text("2\0\x04[", 4);
        WorkspaceReadResult result = readWorkspace(text);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].line == 1);
        CHECK(result.errors[0].column == 2);
        CHECK(result.errors[0].message.rfind("invalid JSON: a NUL character (U+0000)", 0) == 0);
    }

    TEST_CASE("damaged utf-16 workspace says so") {
        std::string text = utf16(minimalDocument().dump(-1, ' ', true), true, true);
        text.pop_back();
        std::vector<std::string> errors = readErrors(text);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].rfind(": the file starts like UTF-16 text but is not valid UTF-16", 0) ==
              0);
        CHECK(errors[0].find("save it as UTF-8") != std::string::npos);
    }

    TEST_CASE("duplicate keys are errors with their pointer") {
        const char* kMessage = "this key appears more than once in its object, and JSON readers "
                               "differ on which value counts; keep one of them";
        struct Case {
            const char* text;
            const char* path;
        };
        const Case cases[] = {
            {R"({"format": "baton-workspace", "version": 1, "employees": [], "employees": []})",
             "/employees"},
            {R"({"format": "baton-workspace", "version": 1,
                 "company": {"name": "A", "x": {"k": 1, "k": 2}}})",
             "/company/x/k"},
            {R"({"format": "baton-workspace", "version": 1, "policy": {"pins": [{}, {"a": 1,
                 "a": 1}]}})",
             "/policy/pins/1/a"},
            {R"({"format": "baton-workspace", "version": 1, "employees": [
                 {"id": "E1", "name": "A", "status": "active"},
                 {"id": "E2", "name": "B", "name": "C", "status": "active"}]})",
             "/employees/1/name"},
            {R"({"format": "baton-workspace", "version": 1, "employees": [
                 {"id": "E1", "name": "A", "status": "active",
                  "x_tags": [{}, {"a": {"b": 1, "b": 2}}]}]})",
             "/employees/0/x_tags/1/a/b"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            std::vector<std::string> errors = readErrors(c.text);
            REQUIRE_FALSE(errors.empty());
            CHECK(errors[0] == std::string(c.path) + ": " + kMessage);
        }
    }

    TEST_CASE("null entity lists are rejected") {
        for (const char* key : {"employees", "clients", "transactions", "relationships", "deals"}) {
            CAPTURE(key);
            json doc = minimalDocument();
            doc[key] = nullptr;
            std::vector<std::string> errors = readErrors(doc.dump());
            REQUIRE_FALSE(errors.empty());
            CHECK(errors[0].rfind(std::string("/") + key + ": must be an array of ", 0) == 0);
            CHECK(errors[0].find("found null; write [] for none") != std::string::npos);
            CHECK(errorsOf(doc) == errors);
        }
    }
}
