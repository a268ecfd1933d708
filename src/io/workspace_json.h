// The workspace JSON format version 1: read with errors that name the JSON pointer (and
// the line and column of syntax errors), and written back with unknown fields kept.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace baton {

struct JsonError {
    std::string path;           // JSON pointer, "" for the document
    std::optional<int> line;    // 1-based, syntax errors only
    std::optional<int> column;  // 1-based, in characters; syntax errors only
    std::string message;
    std::optional<std::size_t> offset = std::nullopt;  // 0-based, in bytes; syntax errors only
};

// An error at a position of `text` that nlohmann's parse_error::byte gives: the 1-based
// index of the last byte read. The error has that byte's 0-based offset, its line and its
// column counted in characters (UTF-8 code points), as editors show them.
JsonError syntaxErrorAt(std::string_view text, std::size_t byte, std::string message);

struct WorkspaceReadResult {
    std::optional<Workspace> workspace;  // present only when errors is empty
    std::vector<JsonError> errors;
    // Problems that leave the workspace valid: unknown policy keys that look misspelt.
    std::vector<JsonError> warnings;
};

struct PolicyReadResult {
    std::optional<Policy> policy;
    std::vector<JsonError> errors;
    // Keys that are kept but not used: any unknown key of a weights object, and a key of the
    // policy or a block near a known one ("valeu" for "value"), with "did you mean".
    std::vector<JsonError> warnings;
    std::string pointer;  // where the policy sits in its document: "" or "/policy"
};

// Reads a workspace. Errors name the JSON pointer and what to do; syntax errors also give
// the 1-based line and the column in characters. At most 100 errors are listed.
WorkspaceReadResult readWorkspace(std::string_view text);
WorkspaceReadResult workspaceFromJson(const nlohmann::json& document);

nlohmann::json workspaceToJson(const Workspace& workspace);
// Writes the same text as workspaceToJson(workspace).dump(indent) followed by a newline
// (no newline when indent < 0), one entity at a time to keep memory low on large books.
std::string writeWorkspace(const Workspace& workspace, int indent = 2);
// Writes the workspace indented by 2 with each employee, client, transaction,
// relationship and deal on one line: about a third of the indented size for large books.
std::string writeWorkspaceLines(const Workspace& workspace);

// Reads a policy object; `pointer` prefixes every error path (e.g. "/policy").
PolicyReadResult policyFromJson(const nlohmann::json& object, const std::string& pointer);
// Reads a policy file: a bare policy object or a whole workspace whose policy is used.
PolicyReadResult readPolicyFile(std::string_view text);
nlohmann::json policyToJson(const Policy& policy);
// Checks that every pin and forbid of a policy read on its own names a client and an
// employee of the workspace; `pointer` is the policy's place in its document.
std::vector<JsonError> checkPolicyReferences(const Workspace& workspace, const Policy& policy,
                                             const std::string& pointer);

nlohmann::json employeeToJson(const Employee& employee);
nlohmann::json clientToJson(const Client& client);
nlohmann::json transactionToJson(const Transaction& transaction);
nlohmann::json relationshipToJson(const Relationship& relationship);
nlohmann::json dealToJson(const Deal& deal);

// Canonical JSON: object keys sorted, no insignificant white space, UTF-8.
std::string canonicalJson(const nlohmann::json& value);

// The input hash of an allocation: SHA-256 of the canonical JSON of the object with the
// keys clients, deals, employees, policy, relationships, transactions.
std::string inputSha256(const Workspace& workspace, const Policy& effectivePolicy);

// The deepest nesting of arrays and objects a JSON document may have. Deeper documents are
// rejected before parsing, because copying or writing them recurses once per level and
// would overflow the stack (WebAssembly's is 5 MB).
constexpr int kMaxJsonDepth = 128;

// Returns an error with the line and column of the first bracket deeper than `maxDepth`,
// or nothing; strings, escapes included, are skipped.
std::optional<JsonError> checkJsonDepth(std::string_view text, int maxDepth = kMaxJsonDepth);

// Returns an error with the line and column of the first NUL character, or nothing. JSON
// allows no raw NUL, and nlohmann::json ends its input at one, so without this check the text
// after a NUL that follows a whole document would be ignored.
std::optional<JsonError> checkJsonNul(std::string_view text);

// Parses a JSON document. On failure appends one error (an empty file, a syntax error, a NUL
// character or a number too large for a double at its line and column, or nesting deeper
// than kMaxJsonDepth) and returns nothing.
std::optional<nlohmann::json> parseJsonDocument(std::string_view text,
                                                std::vector<JsonError>& errors);

// Formats one error as "path: message", or with a position as "line L, column C, byte
// offset B: message" ("path (line L, ...): message" when it has a path too).
std::string formatError(const JsonError& error);

// Formats a list of errors as lines of formatError, each after "source: ".
std::string formatErrors(const std::vector<JsonError>& errors, const std::string& source);

}  // namespace baton
