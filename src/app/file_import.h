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
    std::string table;       // "employees", "clients", ...; "" to guess from the headers
};

// Imports the files as one workspace. Each file is one table, at most one file per table,
// and a file without `table` gets the table whose suggested mapping covers most of its
// headers. The open workspace is replaced only when the import has no error. `report` is
// the import report as text either way. With `into`, the tables are merged into a copy of
// the open workspace (the rules of `baton import --into`) that replaces it only when the
// merge has no error.
ImportOutcome importFiles(Session& session, const std::vector<ImportFile>& files,
                          std::string_view mappingText, std::string& report, bool into = false);

}  // namespace baton
