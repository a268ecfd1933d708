// Employees and clients tables of an import, and the reference resolution shared by the
// tables that name them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>

#include "io/import_state.h"

namespace baton::import_detail {

namespace {

// The bound of a range that has none on that side.
constexpr double kAny = HUGE_VAL;

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<EmployeeStatus> parseStatusCell(std::string_view text) {
    std::string s = lowerAscii(text);
    std::replace(s.begin(), s.end(), ' ', '_');
    if (auto status = parseEmployeeStatus(s)) return status;
    if (s == "在职" || s == "正常") return EmployeeStatus::Active;
    if (s == "离职中" || s == "待离职") return EmployeeStatus::Leaving;
    if (s == "离职" || s == "已离职") return EmployeeStatus::Departed;
    if (s == "休假" || s == "停薪留职") return EmployeeStatus::OnLeave;
    return std::nullopt;
}

std::optional<EmployeeKind> parseKindCell(std::string_view text) {
    std::string s = lowerAscii(text);
    if (auto kind = parseEmployeeKind(s)) return kind;
    if (s == "人员" || s == "员工") return EmployeeKind::Person;
    if (s == "系统" || s == "系统账号") return EmployeeKind::System;
    return std::nullopt;
}

// Keys an extra column may not take, because the workspace writer owns them.
bool isReservedKey(Entity entity, const std::string& key) {
    if (findField(entity, key)) return true;
    return key == "capacity" || key == "metrics" || key == "kind" || key == "owner";
}

// Copies the non-empty unmapped cells of the row into `extra`, keyed by header.
void keepExtras(const TableCursor& cursor, const std::vector<int>& columns, Entity entity,
                nlohmann::json& extra) {
    for (int c : columns) {
        if (cursor.missing(c) || isReservedKey(entity, cursor.header(c))) continue;
        extra[cursor.header(c)] = std::string(cursor.raw(c));
    }
}

// Reports a second row with an id already seen in the same table; true when it is one.
bool isDuplicate(TableCursor& cursor, int column, const std::string& id,
                 std::unordered_map<std::string, long>& seen) {
    auto [at, inserted] = seen.emplace(id, cursor.rowNumber());
    if (inserted) return false;
    std::string firstRow = std::to_string(at->second);
    if (isExcelMangledNumber(id)) {
        cursor.error("mangled_id_collision", column,
                     "\"" + id + "\" is also the id on row " + firstRow +
                         "; both are long numbers Excel shortened, so they may be different "
                         "records: export the column as text and import again",
                     MessageKey{"mangled_id_collision", {id, firstRow}});
    } else {
        cursor.error("duplicate_id", column,
                     "id \"" + id + "\" is also on row " + firstRow +
                         "; ids must be unique, so fix or remove one of the rows (they are "
                         "not merged)",
                     MessageKey{"duplicate_id", {id, firstRow}});
    }
    return true;
}

// Sets `out` from the cell of column `field` when it has one. A value that `parse` rejects is
// an invalid_choice error: "\"VALUE\" is not " followed by `expected`.
template <typename Choice>
void readChoice(TableCursor& cursor, const char* field,
                std::optional<Choice> (*parse)(std::string_view), Choice& out,
                const char* expected) {
    int column = cursor.column(field);
    std::optional<std::string> text = cursor.text(column);
    if (!text) return;
    if (std::optional<Choice> parsed = parse(*text)) {
        out = *parsed;
    } else {
        cursor.error("invalid_choice", column, "\"" + *text + "\" is not " + expected);
    }
}

// A numeric column read into a member of T, with the range a cell must lie in.
template <class T>
struct NumberField {
    const char* field;
    std::optional<double> T::*member;
    double low;
    double high;
};

// Reads each field's cell into its member of `target`. Returns whether any cell gave a value.
template <class T>
bool readNumbers(TableCursor& cursor, T& target, std::initializer_list<NumberField<T>> fields) {
    bool any = false;
    for (const NumberField<T>& f : fields) {
        if (auto v = cursor.numberIn(f.field, f.low, f.high)) {
            target.*f.member = *v;
            any = true;
        }
    }
    return any;
}

void readEmployeeFields(TableCursor& cursor, Employee& e) {
    if (auto v = cursor.text(cursor.column("team"))) e.team = *v;
    if (auto v = cursor.text(cursor.column("role"))) e.role = *v;
    if (auto v = cursor.date(cursor.column("hired"), false)) e.hired = *v;
    if (auto v = cursor.date(cursor.column("last_day"), false)) e.lastDay = *v;
    readChoice(cursor, "status", parseStatusCell, e.status,
               "a status; use active, leaving, departed or on_leave "
               "(在职, 离职中, 已离职, 休假)");
    readChoice(cursor, "kind", parseKindCell, e.kind,
               "an employee kind; use person or system (人员, 系统), where system marks an "
               "automation account that receives no clients");
    // The ranges are those the workspace JSON reader checks, so that a bad cell is reported
    // by file, row and column rather than by the JSON pointer of the built workspace.
    if (auto v = cursor.wholeIn("max_clients", 0, 1000000000)) {
        e.maxClients = static_cast<int>(*v);
        e.hasCapacity = true;
    }
    if (auto v = cursor.numberIn("max_workload", 0, kAny)) {
        e.maxWorkload = *v;
        e.hasCapacity = true;
    }
    std::vector<std::string> skills = cursor.list(cursor.column("skills"));
    if (!skills.empty()) e.skills = skills;
    using Metric = NumberField<Metrics>;
    e.hasMetrics |= readNumbers(
        cursor, e.metrics,
        {Metric{"sales_12m", &Metrics::sales12m, -kAny, kAny},
         Metric{"quota_attainment", &Metrics::quotaAttainment, 0, kAny},
         Metric{"csat", &Metrics::csat, 0, kAny}, Metric{"retention", &Metrics::retention, 0, 1},
         Metric{"review", &Metrics::review, 0, kAny}});
}

void readClientFields(TableCursor& cursor, Client& c) {
    for (auto [field, member] :
         {std::pair{"industry", &Client::industry}, std::pair{"region", &Client::region},
          std::pair{"language", &Client::language}, std::pair{"tier", &Client::tier}}) {
        if (auto v = cursor.text(cursor.column(field))) c.*member = *v;
    }
    using Figure = NumberField<Client>;
    readNumbers(cursor, c,
                {Figure{"revenue_12m", &Client::revenue12m, -kAny, kAny},
                 Figure{"potential", &Client::potential, 0, kAny},
                 Figure{"workload", &Client::workload, 0, kAny},
                 Figure{"difficulty", &Client::difficulty, 0, 100},
                 Figure{"satisfaction", &Client::satisfaction, 1, 5},
                 Figure{"complaints", &Client::complaints, 0, kAny},
                 Figure{"late_payments", &Client::latePayments, 0, kAny}});
    if (auto v = cursor.boolean(cursor.column("key_account"))) {
        c.keyAccount = *v;
        c.hasKeyAccount = true;
    }
    std::vector<std::string> needs = cursor.list(cursor.column("needs"));
    if (!needs.empty()) c.needs = needs;
    std::vector<std::string> prefers = cursor.list(cursor.column("prefers"));
    if (!prefers.empty()) c.prefers = prefers;
    if (auto v = cursor.text(cursor.column("notes"))) c.notes = *v;
}

// The column that gives ids: "id", or "name" when only names are mapped. The error for
// neither lists the headers as read, so that headers garbled by a wrong encoding show.
int idColumn(TableCursor& cursor, const SourceTable& source, ImportReport& report,
             const char* entity) {
    int column = cursor.mapped("id") ? cursor.column("id") : cursor.column("name");
    if (!cursor.mapped("id") && !cursor.mapped("name")) {
        report.addError("unmapped_field",
                        unmappedFieldIssue(
                            source, {"id", "name"},
                            std::string("no column gives the id or name of ") + entity +
                                "; add \"id\": \"HEADER\" to tables." + entity +
                                ".columns in the import mapping, with one of the headers read: " +
                                quotedList(source.table.header)));
    }
    return column;
}

}  // namespace

void ImportState::indexEmployee(int index) {
    const Employee& e = ws.employees[index];
    employeeById.set(e.id, index);
    auto [at, inserted] = employeeByName.emplace(e.name, index);
    if (!inserted && *at >= 0 && ws.employees[*at].id != e.id) *at = -1;
}

void ImportState::indexClient(int index) {
    const Client& c = ws.clients[index];
    clientById.set(c.id, index);
    auto [at, inserted] = clientByName.emplace(c.name, index);
    if (!inserted && *at >= 0 && ws.clients[*at].id != c.id) *at = -1;
}

int ImportState::addClient(Client client) {
    ws.clients.push_back(std::move(client));
    ownerToDerive.push_back(0);
    revenueGiven.push_back(0);
    int index = static_cast<int>(ws.clients.size()) - 1;
    indexClient(index);
    return index;
}

void ImportState::addTransaction(Transaction transaction, int client, int employee) {
    ws.transactions.push_back(std::move(transaction));
    transactionClient.push_back(client);
    transactionEmployee.push_back(employee);
}

int ImportState::resolveEmployeeIndex(std::string_view reference, const TableCursor& cursor,
                                      int column) {
    if (const int* byId = employeeById.find(reference)) return *byId;
    const int* named = employeeByName.find(reference);
    if (named && *named >= 0) return *named;
    if (employeesListed) return -1;
    Employee e;
    e.id = reference;
    e.name = reference;
    ws.employees.push_back(std::move(e));
    int index = static_cast<int>(ws.employees.size()) - 1;
    indexEmployee(index);
    ++createdEmployees;
    employeeSources.emplace(cursor.file() + " column \"" + cursor.header(column) + "\"",
                            cursor.file() + " \"" + cursor.header(column) + "\"");
    return index;
}

int ImportState::resolveClientIndex(std::string_view reference, const TableCursor& cursor,
                                    int column) {
    if (const int* byId = clientById.find(reference)) return *byId;
    const int* named = clientByName.find(reference);
    if (named && *named >= 0) return *named;
    if (clientsListed) return -1;
    Client c;
    c.id = reference;
    c.name = reference;
    int index = addClient(std::move(c));
    ownerToDerive[index] = 1;
    ++createdClients;
    clientSources.emplace(cursor.file() + " column \"" + cursor.header(column) + "\"",
                          cursor.file() + " \"" + cursor.header(column) + "\"");
    return index;
}

std::optional<std::string> ImportState::resolveEmployee(std::string_view reference,
                                                        const TableCursor& cursor, int column) {
    int index = resolveEmployeeIndex(reference, cursor, column);
    if (index < 0) return std::nullopt;
    return ws.employees[index].id;
}

void reportUnmapped(ImportState& state, const TableCursor& cursor, const char* keptAs,
                    const char* key) {
    std::vector<std::string> names;
    for (int c : cursor.unmappedColumns()) names.push_back(cursor.header(c));
    if (names.empty()) return;
    state.report.addDerived(
        "columns of " + cursor.file() + " mapped to no field: " + quotedList(names) + "; " + keptAs,
        {key, {cursor.file(), quotedList(names)}});
}

void importEmployees(ImportState& state, const SourceTable& source, const TableMapping& mapping) {
    TableCursor cursor(source, mapping, state.mapping.fillDown, state.report);
    int idCol = idColumn(cursor, source, state.report, "employees");
    if (!cursor.checkColumns({}) || idCol < 0) return;
    int nameCol = cursor.mapped("name") ? cursor.column("name") : idCol;
    int statusCol = cursor.column("status");
    std::vector<int> extras = cursor.unmappedColumns();
    reportUnmapped(state, cursor, "kept as extra fields of each employee",
                   "unmapped_columns.employee_extras");
    std::unordered_map<std::string, long> seen;
    long added = 0, updated = 0;
    for (std::size_t r = 0; r < cursor.rowCount(); ++r) {
        cursor.moveTo(r);
        std::optional<std::string> id = cursor.id(idCol, true);
        if (!id || isDuplicate(cursor, idCol, *id, seen)) continue;
        const int* existing = state.employeeById.find(*id);
        bool isNew = existing == nullptr;
        Employee fresh;
        Employee& e = isNew ? fresh : state.ws.employees[*existing];
        if (!isNew) {
            state.mergedEmployees.push_back(
                MergedEmployee{*existing, e.status, cursor.file(), cursor.rowNumber(),
                               statusCol >= 0 ? cursor.header(statusCol) : std::string()});
        }
        e.id = *id;
        if (auto name = cursor.text(nameCol)) e.name = *name;
        if (e.name.empty()) e.name = *id;
        readEmployeeFields(cursor, e);
        keepExtras(cursor, extras, Entity::Employees, e.extra);
        bool departedCell = statusCol >= 0 && !cursor.missing(statusCol) &&
                            e.status == EmployeeStatus::Departed && !e.lastDay.empty();
        if (departedCell) {
            int index = isNew ? static_cast<int>(state.ws.employees.size()) : *existing;
            state.departedRows.push_back(DepartedRow{index, cursor.file(), cursor.rowNumber(),
                                                     cursor.header(statusCol),
                                                     std::string(cursor.raw(statusCol))});
        }
        if (isNew) {
            state.ws.employees.push_back(std::move(fresh));
            state.indexEmployee(static_cast<int>(state.ws.employees.size()) - 1);
            ++added;
        } else {
            ++updated;
        }
    }
    state.report.setCount("employees_imported", added);
    if (updated > 0) state.report.setCount("employees_updated", updated);
}

namespace {

// Keeps the revenue_12m and potential cells of the row for warnAbsurdAmounts.
void keepAmountCells(ImportState& state, const TableCursor& cursor, const Client& c) {
    for (auto [field, kind, value] :
         {std::tuple{"revenue_12m", AmountKind::Revenue, c.revenue12m},
          std::tuple{"potential", AmountKind::Potential, c.potential}}) {
        int column = cursor.column(field);
        if (column < 0 || !value || cursor.missing(column)) continue;
        state.amountCells.push_back(
            AmountCell{kind, *value, cursor.file(), cursor.rowNumber(), cursor.header(column)});
    }
}

// Sets the client's owner from the owner column. A merged client whose owner this changes
// (`merged`) is listed in the report, because ownership is what the allocation hands over.
void readOwner(ImportState& state, TableCursor& cursor, int ownerCol, Client& c, bool merged) {
    std::optional<std::string> before = c.owner;
    std::optional<std::string> owner = cursor.id(ownerCol, false);
    if (owner) {
        c.owner = state.resolveEmployee(*owner, cursor, ownerCol);
        if (!c.owner) {
            cursor.error("unknown_owner", ownerCol,
                         "owner \"" + *owner +
                             "\" is neither the id nor the name of an "
                             "employee; add the employee to the employees table or correct the "
                             "name",
                         {}, *owner);
            return;
        }
    } else {
        c.owner.reset();
    }
    if (merged && c.owner != before) {
        state.report.addOwnerChange(OwnerChange{c.id, before, c.owner, cursor.file(),
                                                cursor.rowNumber(), cursor.header(ownerCol)});
    }
}

}  // namespace

void importClients(ImportState& state, const SourceTable& source, const TableMapping& mapping) {
    TableCursor cursor(source, mapping, state.mapping.fillDown, state.report);
    int idCol = idColumn(cursor, source, state.report, "clients");
    if (!cursor.checkColumns({}) || idCol < 0) return;
    int nameCol = cursor.mapped("name") ? cursor.column("name") : idCol;
    int ownerCol = cursor.column("owner");
    std::vector<int> extras = cursor.unmappedColumns();
    reportUnmapped(state, cursor, "kept as extra fields of each client",
                   "unmapped_columns.client_extras");
    std::unordered_map<std::string, long> seen;
    long added = 0, updated = 0;
    for (std::size_t r = 0; r < cursor.rowCount(); ++r) {
        cursor.moveTo(r);
        std::optional<std::string> id = cursor.id(idCol, true);
        if (!id || isDuplicate(cursor, idCol, *id, seen)) continue;
        const int* existing = state.clientById.find(*id);
        int index = existing ? *existing : -1;
        if (index < 0) {
            Client c;
            c.id = *id;
            index = state.addClient(std::move(c));
            state.ownerToDerive[index] = ownerCol < 0;
            ++added;
        } else {
            ++updated;
        }
        Client& c = state.ws.clients[index];
        if (auto name = cursor.text(nameCol)) c.name = *name;
        if (c.name.empty()) c.name = *id;
        readClientFields(cursor, c);
        keepAmountCells(state, cursor, c);
        state.revenueGiven[index] = c.revenue12m.has_value();
        keepExtras(cursor, extras, Entity::Clients, c.extra);
        if (ownerCol >= 0) readOwner(state, cursor, ownerCol, c, existing != nullptr);
    }
    state.report.setCount("clients_imported", added);
    if (updated > 0) state.report.setCount("clients_updated", updated);
}

}  // namespace baton::import_detail
