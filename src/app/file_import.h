// Importing several CSV or XLSX files at once as the tables of one new workspace, as a
// CRM export of employees, accounts and a sales pipeline comes. The page API's
// importFiles() and the multi-file picker use it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"

namespace baton {

struct ImportFile {
    std::string name;        // the name messages use
    std::string_view bytes;  // the file's content
    // "employees", "clients", ..., "products" for a product list; "" to guess from the headers
    std::string table;
};

// Stages the files as one workspace, changing nothing: see PendingImport. Each file is one
// table, at most one file per table, and a file without `table` gets the table that
// guessTable finds. A product list checks the product names of the other tables, as
// `baton import --products` does, and a file that fits no table rejects the import with a
// message that names it. With `into`, the tables are merged into a
// copy of `open` under the rules of `baton import --into`.
PendingImport stageFiles(const Workspace& open, const std::vector<ImportFile>& files,
                         std::string_view mappingText, bool into);

// Imports the files as one workspace: stageFiles(), then Session::applyImport(), so the
// open workspace changes only when the import has no error. `report` is the import report
// as text either way.
ImportOutcome importFiles(Session& session, const std::vector<ImportFile>& files,
                          std::string_view mappingText, std::string& report, bool into = false);

}  // namespace baton
