#include "app/file_import.h"

#include <map>
#include <optional>

#include "io/importer.h"
#include "io/mapping.h"
#include "io/workspace_json.h"

namespace baton {

namespace {

ImportOutcome rejected(Session& session, const std::string& message, std::string& report) {
    ImportOutcome outcome;
    report = message;
    outcome.errors.push_back(JsonError{"", std::nullopt, std::nullopt, message});
    session.log().error("Import rejected: " + message + " The open workspace is unchanged.");
    return outcome;
}

// Decodes one file as a table, guessing its entity from the headers when not named.
// Returns the table, or nullopt with `error` set.
std::optional<SourceTable> loadFile(const ImportFile& file, const Mapping& mapping,
                                    std::string& error) {
    std::optional<Entity> entity;
    if (!file.table.empty()) {
        entity = parseEntity(file.table);
        if (!entity) {
            error = file.name + ": unknown table \"" + file.table +
                    "\"; use employees, clients, transactions, deals or relationships";
            return std::nullopt;
        }
    }
    auto tableMapping = [&](Entity e) {
        auto found = mapping.tables.find(entityName(e));
        return found == mapping.tables.end() ? TableMapping{} : found->second;
    };
    LoadTableResult load = loadTable(entity.value_or(Entity::Transactions), file.name,
                                     file.bytes, tableMapping(entity.value_or(Entity::Transactions)));
    if (!load.source) {
        error = load.error;
        return std::nullopt;
    }
    if (!entity) {
        entity = guessEntity(load.source->table.header);
        // The mapping of the guessed table may decode the file differently (its encoding,
        // delimiter or sheet), so the file is read again with it.
        if (mapping.tables.count(entityName(*entity)) > 0) {
            load = loadTable(*entity, file.name, file.bytes, tableMapping(*entity));
            if (!load.source) {
                error = load.error;
                return std::nullopt;
            }
        }
    }
    load.source->entity = *entity;
    return std::move(load.source);
}

}  // namespace

ImportOutcome importFiles(Session& session, const std::vector<ImportFile>& files,
                          std::string_view mappingText, std::string& report, bool into) {
    if (files.empty()) return rejected(session, "no file was given.", report);
    Mapping mapping;
    if (!mappingText.empty()) {
        MappingReadResult read = readMapping(mappingText);
        if (!read.mapping) {
            ImportOutcome outcome;
            outcome.errors = std::move(read.errors);
            report = "the mapping is invalid: " + formatErrors(outcome.errors, "mapping");
            session.log().error("Import rejected: the mapping is invalid.");
            return outcome;
        }
        mapping = std::move(*read.mapping);
    }
    std::vector<SourceTable> tables;
    std::map<Entity, std::string> fileOf;
    for (const ImportFile& file : files) {
        std::string error;
        std::optional<SourceTable> table = loadFile(file, mapping, error);
        if (!table) return rejected(session, error, report);
        auto [seen, added] = fileOf.emplace(table->entity, file.name);
        if (!added) {
            return rejected(session,
                            seen->second + " and " + file.name + " are both a " +
                                entityName(table->entity) +
                                " table; give one file per table, or name each file's table.",
                            report);
        }
        tables.push_back(std::move(*table));
    }
    const Workspace* base = into ? &session.workspace() : nullptr;
    ImportResult result = importTables(tables, mapping, base, ImportOptions{});
    report = result.report.toText();
    if (!result.workspace) {
        ImportOutcome outcome;
        std::string count = std::to_string(result.report.errorCount());
        outcome.errors.push_back(
            JsonError{"", std::nullopt, std::nullopt, count + " import errors; see the report"});
        session.log().error("Import of " + std::to_string(files.size()) + " files rejected: " +
                            count + " errors; the open workspace is unchanged.");
        return outcome;
    }
    // NOTE: the workspace goes through its JSON text to reach the session, which costs a
    // write and a parse; Session has no other public way to adopt a built workspace.
    ImportOutcome outcome = session.importWorkspaceText(writeWorkspace(*result.workspace));
    if (outcome.ok) {
        std::string names;
        for (const SourceTable& t : tables) {
            names += (names.empty() ? "" : ", ") + t.file + " as " + entityName(t.entity);
        }
        session.log().info((into ? "Merged " : "Imported ") + names + ".");
    }
    return outcome;
}

}  // namespace baton
