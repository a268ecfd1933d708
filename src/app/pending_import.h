// An import read and checked but not applied: the workspace it would make, its report and
// what it would change. Staging builds one from a file without touching the open
// workspace. The Session keeps it while the user reviews it, then commits or discards it.
// The page API's one-shot imports stage and commit at once, so both take one code path.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "io/import_report.h"
#include "io/importer.h"
#include "io/mapping.h"
#include "io/workspace_json.h"

namespace baton {

// The number of records in each table of a workspace.
struct RecordCounts {
    long employees = 0;
    long clients = 0;
    long transactions = 0;
    long deals = 0;
    long relationships = 0;
};
RecordCounts countRecords(const Workspace& workspace);

// One file as the import read it.
struct ImportedTable {
    std::string file;
    // "employees", "clients", ...; "products" for a product list; "workspace" for workspace JSON
    std::string table;
    long rows = -1;        // data rows read; -1 for workspace JSON, which has no rows
    std::string encoding;  // as detected: "utf-8", "gb18030", "xlsx", ...; "" for JSON
};

struct PendingImport {
    // The import's origin. Each source keeps its own log lines and audit detail.
    enum class Source { Workspace, File, Files };
    Source source = Source::File;
    bool into = false;  // merges into the open workspace instead of replacing it
    std::vector<std::string> files;
    std::vector<ImportedTable> tables;
    // The workspace a commit makes the open one; present only when there is no error.
    std::optional<Workspace> workspace;
    ImportReport report;  // empty for workspace JSON
    std::string reportText;
    // The mapping the import used, completed with the suggested columns, as mapping JSON
    // text that `baton import --map` and importFile take; "" for workspace JSON.
    std::string mappingText;
    // Errors found before the report could be made: an unreadable file, an invalid mapping,
    // invalid workspace JSON.
    std::vector<JsonError> errors;
    // Problems that leave the workspace JSON valid (an unknown policy weight).
    std::vector<JsonError> warnings;
    RecordCounts before;
    RecordCounts after;     // equal to `before` when there is an error
    std::string rejection;  // the log line for an import that cannot be applied

    bool ok() const { return workspace.has_value(); }
    long errorCount() const { return static_cast<long>(errors.size()) + report.errorCount(); }
};

// Stages workspace JSON named `name` ("" when it has no file name) to replace `open`.
PendingImport stageWorkspaceText(const Workspace& open, std::string_view text,
                                 const std::string& name);

// Stages one CSV or XLSX file as a new workspace, or merged into `open` with `into`. The
// table's entity comes from the mapping when it names one table, else from the headers.
PendingImport stageFileBytes(const Workspace& open, const std::string& name, std::string_view bytes,
                             std::string_view mappingText, bool into);

// Reads mapping JSON into `mapping` ("" is the empty mapping). For an invalid mapping it
// records the errors and the log line `rejection` in `pending` and returns false.
bool readImportMapping(std::string_view text, Mapping& mapping, PendingImport& pending,
                       const std::string& rejection);
// Stores the importer's result in `pending`: the report, its text, and the workspace or,
// when there is an error, the log line `rejection`.
void finishStaging(PendingImport& pending, ImportResult result, const std::string& rejection);
// Records one error that stops the import, as its report text and log line.
void failStaging(PendingImport& pending, const std::string& message, std::string rejection);

// Returns the report's errors by file, row and column: the examples the report keeps, at
// most `limit` of them, then one entry "and N more errors; see the report" for the rest.
std::vector<ImportIssue> listImportErrors(const ImportReport& report, std::size_t limit);

}  // namespace baton
