// Building a workspace from imported tables (CSV or XLSX exports of a CRM or spreadsheet),
// or merging them into an existing workspace. Any subset of the five tables may be given:
// clients and employees that a table only names are created from its columns, a client's
// owner can be derived from its transactions, won deals become transactions and open ones
// deals, except that a workbook of Baton's own workspace export keeps every deal as a deal.
// An import is all or nothing: the workspace is returned only when the report has no error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "io/cells.h"
#include "io/csv.h"
#include "io/import_report.h"
#include "io/mapping.h"

namespace baton {

// The program an import runs in. Messages about a file's encoding name the --encoding
// option on the command line and the mapping's "encoding" on the page.
enum class ImportSurface { Page, CommandLine };

// One decoded table and where it came from.
struct SourceTable {
    Entity entity = Entity::Clients;
    std::string file;      // the name messages use
    Table table;
    std::string encoding;  // as detected: "utf-8", "gb18030", "utf-8+gb18030", "xlsx", ...
    char delimiter = ',';
    // CSV data rows whose cell count differs from the header's, which importTables reports.
    // Empty for a workbook, whose cells sit in lettered columns and cannot shift.
    std::vector<RaggedRow> raggedRows;
    // Warnings found while decoding (mixed encodings, removed invisible characters), which
    // importTables adds to its report.
    ImportReport warnings;
    // True for a table read from a workbook of Baton's workspace export, which has the marker
    // sheet of exportWorkspaceXlsx. Its deals are kept as deals in every stage.
    bool workspaceExport = false;
    ImportSurface surface = ImportSurface::Page;  // the program that loaded the table
};

struct LoadTableResult {
    std::optional<SourceTable> source;
    std::string error;  // "FILE: ..." with what to do
};

// Decodes the bytes of a CSV file (in the mapping's encoding, or detected) or of an XLSX
// workbook (the mapping's sheet, or the first) into a table. Bytes that start like a zip
// archive, and files named .xlsx or .xlsm, are read as workbooks only, so an unreadable
// workbook is reported as one and never decoded as CSV text. A table read from a workbook
// with the marker sheet of Baton's workspace export has workspaceExport set.
LoadTableResult loadTable(Entity entity, const std::string& file, std::string_view bytes,
                          const TableMapping& mapping, ImportSurface surface = ImportSurface::Page);

struct ImportOptions {
    std::string today;                       // ISO; later dates are warned about; empty: none
    std::vector<std::string> knownProducts;  // empty: products are not checked
    // Keeps every distinct error and warning in the report, not the first
    // ImportReport::kMaxExamples of each code. The warnings found while decoding a file
    // (SourceTable::warnings) keep their first kMaxExamples.
    bool everyIssue = false;
};

struct ImportResult {
    std::optional<Workspace> workspace;  // present only when report.ok()
    ImportReport report;
    Mapping mapping;  // the mapping used: the given one, with suggestions for unmapped tables
};

// Completes `mapping` with suggested columns for every table it does not map.
Mapping completeMapping(const Mapping& mapping, const std::vector<SourceTable>& tables);

// Imports the tables (at most one of each entity). `into`, when given, is the workspace the
// records are merged into: records with a known id are updated, others added.
ImportResult importTables(const std::vector<SourceTable>& tables, const Mapping& mapping,
                          const Workspace* into, const ImportOptions& options);

}  // namespace baton
