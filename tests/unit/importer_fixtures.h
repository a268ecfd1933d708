// Helpers shared by the tests of importTables. Each test loads its tables from bytes and
// imports them with today set to 2024-01-01.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/importer.h"

namespace baton::test {

// Loads `bytes` as the table `file` of `entity`, read with the mapping's part for that
// table. The test stops when the table cannot be read.
inline SourceTable load(Entity entity, const std::string& file, const std::string& bytes,
                        const Mapping& mapping = {}) {
    auto at = mapping.tables.find(entityName(entity));
    LoadTableResult r =
        loadTable(entity, file, bytes, at == mapping.tables.end() ? TableMapping{} : at->second);
    REQUIRE_MESSAGE(r.source, r.error);
    return std::move(*r.source);
}

// Imports `tables` as of 2024-01-01, merged into `into` when it is given.
inline ImportResult run(const std::vector<SourceTable>& tables, const Mapping& mapping = {},
                        const Workspace* into = nullptr) {
    ImportOptions options;
    options.today = "2024-01-01";
    return importTables(tables, mapping, into, options);
}

// The first example message of a group, "file row R, column "H": message".
inline std::string firstExample(const std::vector<IssueGroup>& groups, const std::string& code) {
    for (const IssueGroup& g : groups) {
        if (g.code == code && !g.examples.empty()) return formatIssue(g.examples.front());
    }
    return "";
}

inline const Client* client(const Workspace& ws, const std::string& id) {
    int i = ws.findClient(id);
    return i < 0 ? nullptr : &ws.clients[i];
}

}  // namespace baton::test
