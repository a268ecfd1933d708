#include "app/file_import.h"

#include <map>
#include <optional>

#include "io/importer.h"
#include "io/mapping.h"
#include "io/table_guess.h"

namespace baton {

namespace {

// One decoded file: a table of the import, or a product list whose names the import checks
// product columns against, as `baton import --products` does.
struct LoadedFile {
    SourceTable source;
    bool productList = false;
};

// Decodes one file as a table, guessing its table from the headers when not named.
// Returns the file, or nullopt with `error` set.
std::optional<LoadedFile> loadFile(const ImportFile& file, const Mapping& mapping,
                                   std::string& error) {
    std::optional<Entity> entity;
    bool productList = file.table == "products";
    if (!file.table.empty() && !productList) {
        entity = parseEntity(file.table);
        if (!entity) {
            error = file.name + ": unknown table \"" + file.table +
                    "\"; use employees, clients, transactions, deals, relationships or products";
            return std::nullopt;
        }
    }
    auto tableMapping = [&](Entity e) {
        auto found = mapping.tables.find(entityName(e));
        return found == mapping.tables.end() ? TableMapping{} : found->second;
    };
    LoadTableResult load = loadTable(entity.value_or(Entity::Transactions), file.name, file.bytes,
                                     tableMapping(entity.value_or(Entity::Transactions)));
    if (!load.source) {
        error = load.error;
        return std::nullopt;
    }
    if (!entity && !productList) {
        TableGuess guess = guessTable(load.source->table.header);
        if (guess.kind == TableKind::Unknown) {
            error = noTableFitsMessage(file.name, load.source->table.header);
            return std::nullopt;
        }
        productList = guess.kind == TableKind::Products;
        entity = guess.entity;
        // The mapping of the guessed table may decode the file differently (its encoding,
        // delimiter or sheet), so the file is read again with it.
        if (!productList && mapping.tables.count(entityName(*entity)) > 0) {
            load = loadTable(*entity, file.name, file.bytes, tableMapping(*entity));
            if (!load.source) {
                error = load.error;
                return std::nullopt;
            }
        }
    }
    load.source->entity = entity.value_or(Entity::Transactions);
    return LoadedFile{std::move(*load.source), productList};
}

}  // namespace

PendingImport stageFiles(const Workspace& open, const std::vector<ImportFile>& files,
                         std::string_view mappingText, bool into) {
    PendingImport pending;
    pending.source = PendingImport::Source::Files;
    pending.into = into;
    pending.before = countRecords(open);
    pending.after = pending.before;
    for (const ImportFile& file : files) pending.files.push_back(file.name);
    auto fail = [&](const std::string& message) {
        failStaging(pending, message,
                    "Import rejected: " + message + " The open workspace is unchanged.");
        return std::move(pending);
    };
    if (files.empty()) return fail("no file was given.");
    Mapping mapping;
    if (!readImportMapping(mappingText, mapping, pending,
                           "Import rejected: the mapping is invalid.")) {
        return pending;
    }
    std::vector<SourceTable> tables;
    std::map<Entity, std::string> fileOf;
    ImportOptions options;
    for (const ImportFile& file : files) {
        std::string error;
        std::optional<LoadedFile> loaded = loadFile(file, mapping, error);
        if (!loaded) return fail(error);
        SourceTable& table = loaded->source;
        long rows = static_cast<long>(table.table.rowCount());
        if (loaded->productList) {
            std::vector<std::string> names = productNames(table.table);
            options.knownProducts.insert(options.knownProducts.end(), names.begin(), names.end());
            pending.tables.push_back(ImportedTable{file.name, "products", rows, table.encoding});
            continue;
        }
        auto [seen, added] = fileOf.emplace(table.entity, file.name);
        if (!added) {
            return fail(seen->second + " and " + file.name + " are both a " +
                        entityName(table.entity) +
                        " table; give one file per table, or name each file's table.");
        }
        pending.tables.push_back(
            ImportedTable{file.name, entityName(table.entity), rows, table.encoding});
        tables.push_back(std::move(table));
    }
    if (tables.empty()) return fail(productListAloneMessage(pending.tables.front().file));
    ImportResult result = importTables(tables, mapping, into ? &open : nullptr, options);
    std::string count = std::to_string(result.report.errorCount());
    finishStaging(pending, std::move(result),
                  "Import of " + std::to_string(files.size()) + " files rejected: " + count +
                      " errors; the open workspace is unchanged.");
    return pending;
}

ImportOutcome importFiles(Session& session, const std::vector<ImportFile>& files,
                          std::string_view mappingText, std::string& report, bool into) {
    PendingImport pending = stageFiles(session.workspace(), files, mappingText, into);
    report = pending.reportText;
    return session.applyImport(std::move(pending));
}

}  // namespace baton
