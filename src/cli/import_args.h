// Arguments of `baton import`: the tables to read, how to map and decode them, and where
// the workspace goes.
#pragma once

#include <string>

namespace baton::cli {

struct ImportArgs {
    std::string employees;      // CSV or XLSX files; empty: not given
    std::string clients;
    std::string transactions;
    std::string deals;
    std::string relationships;
    std::string products;       // a table of product names checked against the imported ones
    std::string map;            // mapping JSON; empty: the suggested mapping
    std::string encoding = "auto";  // auto, utf-8, utf-16 or gb18030; overrides the mapping
    std::string sheet;          // XLSX sheet for every table; overrides the mapping
    std::string into;           // workspace to merge into; empty: a new workspace
    std::string out;            // workspace to write
    std::string today;          // ISO date for the future-date check; empty: the system date
    bool allWarnings = false;   // list every error and warning, not the first 5 of each code
};

// Runs `baton import`; returns 0 on success, 1 for unreadable or invalid input (nothing is
// written then), 2 for a usage error.
int runImport(const ImportArgs& args);

}  // namespace baton::cli
