// `baton import`: builds or extends a workspace from CSV and XLSX exports.
#include <chrono>
#include <iostream>

#include "cli/common.h"
#include "cli/import_args.h"
#include "core/dates.h"
#include "io/encoding.h"
#include "io/importer.h"
#include "io/table_guess.h"
#include "io/workspace_json.h"

namespace baton::cli {

namespace {

std::string systemToday() {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return formatIsoDate(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
}

// The product names of the products table at `path`, as productNames reads them.
std::optional<std::vector<std::string>> readProducts(const std::string& path) {
    std::optional<std::string> bytes = readInputFile(path);
    if (!bytes) return std::nullopt;
    LoadTableResult loaded =
        loadTable(Entity::Transactions, path, *bytes, TableMapping{}, ImportSurface::CommandLine);
    if (!loaded.source) {
        printError(loaded.error);
        return std::nullopt;
    }
    return productNames(loaded.source->table);
}

std::optional<Mapping> readMappingFile(const std::string& path) {
    if (path.empty()) return Mapping{};
    std::optional<std::string> text = readInputFile(path);
    if (!text) return std::nullopt;
    MappingReadResult read = readMapping(*text);
    if (!read.mapping) {
        std::cerr << formatErrors(read.errors, path);
        return std::nullopt;
    }
    return read.mapping;
}

// Reads every table given; nullopt after printing the first failure.
std::optional<std::vector<SourceTable>> loadTables(const ImportArgs& args, Mapping& mapping) {
    const std::pair<Entity, const std::string*> files[] = {
        {Entity::Employees, &args.employees},         {Entity::Clients, &args.clients},
        {Entity::Transactions, &args.transactions},   {Entity::Deals, &args.deals},
        {Entity::Relationships, &args.relationships},
    };
    std::vector<SourceTable> tables;
    for (const auto& [entity, file] : files) {
        if (file->empty()) continue;
        TableMapping& tm = mapping.tables[entityName(entity)];
        if (args.encoding != "auto") tm.encoding = args.encoding;
        if (!args.sheet.empty()) tm.sheet = args.sheet;
        std::optional<std::string> bytes = readInputFile(*file);
        if (!bytes) return std::nullopt;
        LoadTableResult loaded = loadTable(entity, *file, *bytes, tm, ImportSurface::CommandLine);
        if (!loaded.source) {
            printError(loaded.error);
            return std::nullopt;
        }
        tables.push_back(std::move(*loaded.source));
    }
    return tables;
}

}  // namespace

int runImport(const ImportArgs& args) {
    std::optional<Encoding> encoding = parseEncoding(args.encoding);
    if (!encoding) {
        printUsageError("import",
                        "--encoding must be one of auto, utf-8, utf-16, gb18030, found \"" +
                            args.encoding + "\"");
        return 2;
    }
    if (args.employees.empty() && args.clients.empty() && args.transactions.empty() &&
        args.deals.empty() && args.relationships.empty()) {
        printUsageError("import",
                        "give at least one table: --employees, --clients, --transactions, "
                        "--deals or --relationships");
        return 2;
    }
    if (!args.today.empty() && !parseIsoDate(args.today)) {
        printUsageError("import",
                        "--today must be a date as YYYY-MM-DD, found \"" + args.today + "\"");
        return 2;
    }
    std::optional<Mapping> mapping = readMappingFile(args.map);
    if (!mapping) return 1;
    std::optional<std::vector<SourceTable>> tables = loadTables(args, *mapping);
    if (!tables) return 1;
    std::optional<Workspace> into;
    if (!args.into.empty()) {
        into = loadWorkspace(args.into);
        if (!into) return 1;
    }
    ImportOptions options;
    options.today = args.today.empty() ? systemToday() : args.today;
    options.everyIssue = args.allWarnings;
    if (!args.products.empty()) {
        std::optional<std::vector<std::string>> products = readProducts(args.products);
        if (!products) return 1;
        options.knownProducts = std::move(*products);
    }
    ImportResult result = importTables(*tables, *mapping, into ? &*into : nullptr, options);
    if (args.map.empty()) {
        std::cerr << "suggested mapping (save it, correct it and pass it with --map):\n"
                  << mappingToJson(result.mapping).dump(2) << "\n";
    }
    std::cerr << result.report.toText(
        args.allWarnings ? "" : "run the import again with --all-warnings to list every one");
    if (!result.workspace) {
        printError("the import has errors, so nothing was written; fix them and import again");
        return 1;
    }
    return writeOutput(writeWorkspace(*result.workspace), args.out);
}

}  // namespace baton::cli
