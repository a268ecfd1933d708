// Streaming workspace reader: nlohmann::json's SAX parser fills the entities of the five
// large top-level arrays (employees, clients, transactions, relationships, deals) straight
// into model records, one entity at a time, and builds nlohmann::json values only for
// the small rest of the document (header, company, policy, cycles, audit, unknown keys).
// Internal to src/io; readWorkspace() in io/workspace_json.h is the public entry.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "io/json_fields.h"

namespace baton::workspace_sax {

// The top-level arrays read entity by entity, in the order their errors are listed.
enum List { kEmployees, kClients, kTransactions, kRelationships, kDeals, kListCount };

// The array index of each entity read, so that later checks name the right JSON pointer.
struct SourceIndex {
    std::vector<std::size_t> employees, clients, transactions, relationships, deals;
};

// What the parser read from the top-level arrays. A list that was not an array in the
// document (absent, null or another type) is not streamed and stays in the skeleton.
struct StreamedLists {
    Workspace entities;  // only the five entity vectors are filled
    SourceIndex sources;
    std::array<bool, kListCount> streamed{};
    // The errors of each streamed list, at most kMaxErrors + 1, without a summary.
    std::array<std::vector<JsonError>, kListCount> errors;
    // Keys repeated in an object outside the streamed entities, each at its JSON pointer.
    // Repeated keys inside an entity are in `errors` of its list.
    std::vector<JsonError> duplicateKeys;
};

// A failure reported by nlohmann's parser: a syntax error (with the byte count of
// nlohmann::json::parse_error::byte) or another nlohmann::json exception.
struct ParseFailure {
    bool syntax = false;
    std::size_t byte = 0;
    std::string what;  // the exception's what() text
};

// Parses `text`, reporting every key repeated in one object as an error, because which of
// the values counts differs between JSON readers. `skeleton` receives the document without
// the streamed arrays (for a document that is no object: an empty value of the same JSON
// type).
std::optional<ParseFailure> parseWorkspaceStream(std::string_view text, nlohmann::json& skeleton,
                                                 StreamedLists& lists);

// Entity readers shared with the DOM reader in io/workspace_json.cpp.
void readEntity(json_fields::RecordReader& reader, Employee& employee);
void readEntity(json_fields::RecordReader& reader, Client& client);
void readEntity(json_fields::RecordReader& reader, Transaction& transaction);
void readEntity(json_fields::RecordReader& reader, Relationship& relationship);
void readEntity(json_fields::RecordReader& reader, Deal& deal);

// Checks the skeleton, merges the streamed lists' errors in document-reader order and
// checks references; the same result as workspaceFromJson() on the whole document.
// `lists` may be null: then every list is read from `document`.
WorkspaceReadResult assembleWorkspace(const nlohmann::json& document, StreamedLists* lists);

}  // namespace baton::workspace_sax
