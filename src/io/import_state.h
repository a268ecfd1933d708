// The state of one import while its tables are read: the workspace being built, the id and
// name indexes used to resolve references, and what was derived. Internal to the importer.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/import_cursor.h"

namespace baton::import_detail {

struct ImportState {
    ImportState(ImportReport& r, const Mapping& m, const ImportOptions& o)
        : report(r), mapping(m), options(o) {}

    ImportReport& report;
    const Mapping& mapping;
    const ImportOptions& options;
    Workspace ws;

    std::unordered_map<std::string, int> employeeById;
    std::unordered_map<std::string, int> clientById;
    std::unordered_map<std::string, int> dealById;
    // Names that belong to exactly one record; an ambiguous name maps to "".
    std::unordered_map<std::string, std::string> employeeByName;
    std::unordered_map<std::string, std::string> clientByName;
    // When true, references to unknown records are reported, not created.
    bool employeesListed = false;
    bool clientsListed = false;
    std::set<std::string> employeeSources;  // "file column \"H\"" that created employees
    std::set<std::string> clientSources;
    long createdEmployees = 0;
    long createdClients = 0;

    std::vector<char> ownerToDerive;  // by client index
    std::vector<char> revenueGiven;   // by client index
    std::set<std::string> knownProducts;

    void indexEmployee(int index);
    void indexClient(int index);
    // The id of the employee `reference` names (an id or a unique name). Creates the
    // employee when no employee list was given; nullopt when it is unknown.
    std::optional<std::string> resolveEmployee(const std::string& reference,
                                               const TableCursor& cursor, int column);
    std::optional<std::string> resolveClient(const std::string& reference,
                                             const TableCursor& cursor, int column);
    int addClient(Client client);
};

void importEmployees(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importClients(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importTransactions(ImportState& state, const SourceTable& source,
                        const TableMapping& mapping);
void importDeals(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importRelationships(ImportState& state, const SourceTable& source,
                         const TableMapping& mapping);

// Records unmapped columns of a table in the report.
void reportUnmapped(ImportState& state, const TableCursor& cursor, const char* keptAs);

}  // namespace baton::import_detail
