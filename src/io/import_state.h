// The state of one import while its tables are read: the workspace being built, the id and
// name indexes used to resolve references, and what was derived. Internal to the importer.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/import_cursor.h"
#include "io/import_index.h"
#include "io/name_suggest.h"

namespace baton::import_detail {

// A row whose status cell reads as departed, for the employee of that row who has a last
// day. Whether the last day is still ahead is known only once every table is read.
struct DepartedRow {
    int employee = -1;  // index in ImportState::ws.employees
    std::string file;
    long row = 0;
    std::string column;  // header of the status column
    std::string status;  // the cell as written, such as "离职"
};

// The kinds of money amount whose absurd values the import warns about.
enum class AmountKind { Transaction, Revenue, Potential };

// A money amount read from a cell, kept until every table is read.
struct AmountCell {
    AmountKind kind;
    double value;
    std::string file;
    long row;
    std::string column;
};

// An employee row of a merge, with the status the employee had before it. The status the
// merge leaves is known only once the departed rows are read.
struct MergedEmployee {
    int employee = -1;  // index in ImportState::ws.employees
    EmployeeStatus before = EmployeeStatus::Active;
    std::string file;
    long row = 0;
    std::string column;  // header of the status column; empty when the table has none
};

struct ImportState {
    ImportState(ImportReport& r, const Mapping& m, const ImportOptions& o)
        : report(r), mapping(m), options(o) {}

    ImportReport& report;
    const Mapping& mapping;
    const ImportOptions& options;
    Workspace ws;

    // Index in ws of each id.
    TextIndex employeeById;
    TextIndex clientById;
    TextIndex dealById;
    // Index of the one record that has each name; an ambiguous name maps to -1.
    TextIndex employeeByName;
    TextIndex clientByName;
    // The client and employee index of each of ws.transactions (-1: none or unknown), so
    // that owners and revenue are derived without looking ids up again.
    std::vector<int> transactionClient;
    std::vector<int> transactionEmployee;
    // When true, references to unknown records are reported, not created.
    bool employeesListed = false;
    bool clientsListed = false;
    // The columns that created employees or clients: "file column \"H\"" for the English
    // report, mapped to "file \"H\"" for a UI's template, which adds its own word for column.
    std::map<std::string, std::string> employeeSources;
    std::map<std::string, std::string> clientSources;
    long createdEmployees = 0;
    long createdClients = 0;

    std::vector<char> ownerToDerive;  // by client index
    std::vector<char> revenueGiven;   // by client index
    std::set<std::string> knownProducts;
    NameSuggester productSuggester;  // over knownProducts, in their sorted order
    // The suggestion for each unknown product name seen, so that each name is matched once.
    std::map<std::string, std::optional<std::string>, std::less<>> productSuggestions;
    std::vector<DepartedRow> departedRows;
    std::vector<MergedEmployee> mergedEmployees;
    std::vector<AmountCell> amountCells;

    void indexEmployee(int index);
    void indexClient(int index);
    // The index of the employee `reference` names (an id or a unique name). Creates the
    // employee when no employee list was given; -1 when it is unknown.
    int resolveEmployeeIndex(std::string_view reference, const TableCursor& cursor, int column);
    int resolveClientIndex(std::string_view reference, const TableCursor& cursor, int column);
    // The id of that employee, or nullopt when it is unknown.
    std::optional<std::string> resolveEmployee(std::string_view reference,
                                               const TableCursor& cursor, int column);
    int addClient(Client client);
    // Appends a transaction with the indexes of its client and employee (-1: none).
    void addTransaction(Transaction transaction, int client, int employee);
};

void importEmployees(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importClients(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importTransactions(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importDeals(ImportState& state, const SourceTable& source, const TableMapping& mapping);
void importRelationships(ImportState& state, const SourceTable& source,
                         const TableMapping& mapping);

// Warns about each amount of amountCells at or above its kind's bound in absurdBounds(ws):
// the evaluation leaves such an amount out of the scores.
void warnAbsurdAmounts(ImportState& state);
// Picks each client's owner from its transactions that name an employee, for the clients
// whose owner is to be derived. Each tally sums the amounts in workspace order, and among
// equal tallies the smaller employee id wins.
void deriveOwners(ImportState& state);
// Sets revenue_12m of clients that have none from their transactions in the value window.
void deriveRevenue(ImportState& state);
// Imports as leaving, with a warning, each employee of departedRows whose last day is after
// the workspace's as-of date: the policy's as_of, else the latest transaction's date, else
// ImportOptions::today. With none of them the status stays departed.
void readLeavingStatus(ImportState& state);
// Reports each employee of mergedEmployees whose status differs from the one before the
// merge, after readLeavingStatus has settled the statuses.
void reportStatusChanges(ImportState& state);

// Reports, as invalid_workspace errors, what would make the built workspace fail
// `baton validate`: empty or repeated ids, references to no record, invalid dates,
// numbers that are not finite or out of range, policy overrides naming no record.
void checkWorkspace(ImportState& state);

// Records unmapped columns of a table in the report, as a derived field with the message
// key `key` (see MessageKey) and the words `keptAs` for what became of them.
void reportUnmapped(ImportState& state, const TableCursor& cursor, const char* keptAs,
                    const char* key);

}  // namespace baton::import_detail
