// Column mapping of an import: which column of each table feeds which field of an
// employee, client, transaction, deal or relationship, how each table is decoded, how
// owners are derived, and which columns are filled down. Its JSON form is the `--map` file:
//
//   {"format": "baton-mapping", "version": 1,
//    "tables": {"clients": {"encoding": "auto", "delimiter": null, "decimal": "auto",
//                           "sheet": null, "columns": {"id": "account", "name": "account"}}},
//    "derive": {"owner": "largest_won_value", "revenue_12m": "transactions"},
//    "fill_down": ["销售日期"]}
//
// "encoding" is auto, utf-8, utf-16 or gb18030; "delimiter" null (detected), ",", ";" or
// "\t"; "decimal" auto (a comma in ';' files, else a point), "." or ","; "sheet" the XLSX
// sheet (null: the first). "columns" maps a field name to a header. derive.owner is
// largest_won_value, most_transactions or none; derive.revenue_12m is transactions or none.
// "fill_down" lists headers whose blank cells take the value above (merged cells).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/workspace_json.h"

namespace baton {

enum class Entity { Employees, Clients, Transactions, Deals, Relationships };

enum class FieldKind { Id, Text, Number, Date, Bool, List, Choice };

struct FieldSpec {
    const char* name;
    FieldKind kind;
};

const char* entityName(Entity entity);
std::optional<Entity> parseEntity(std::string_view name);
// The fields a table of that entity can map, in the order suggestions are made.
const std::vector<FieldSpec>& fieldsOf(Entity entity);
const FieldSpec* findField(Entity entity, std::string_view name);

struct TableMapping {
    std::string encoding = "auto";
    std::optional<char> delimiter;     // absent: detected
    std::string decimal = "auto";      // "auto", "." or ","
    std::string sheet;                 // empty: the first sheet
    std::map<std::string, std::string> columns;  // field name -> header
};

struct Mapping {
    std::map<std::string, TableMapping> tables;  // by entity name
    std::string deriveOwner = "largest_won_value";
    std::string deriveRevenue = "transactions";
    std::vector<std::string> fillDown;
};

struct MappingReadResult {
    std::optional<Mapping> mapping;  // present only when errors is empty
    std::vector<JsonError> errors;   // each names its JSON pointer
};

MappingReadResult readMapping(std::string_view text);
nlohmann::json mappingToJson(const Mapping& mapping);

// Suggests a mapping from header names in English or Chinese ("客户", "负责人", "销售额",
// "订货日期", ...). A header feeds at most one field, except that an id and a name may come
// from the same column; when only one of the two is found, the other uses its column. In a
// clients or employees table without an id header, a column that names the record itself
// ("client", "customer", "account"; "employee") gives the id when another column gives the
// name. A transactions table's "client" column gives a client's id, so this reads the same.
std::map<std::string, std::string> suggestColumns(Entity entity,
                                                  const std::vector<std::string>& header);

// True when `header` names the record itself in a table of `entity`, so that beside a name
// column suggestColumns reads it as the id.
bool namesRecordItself(Entity entity, std::string_view header);

// The entity of a table given alone: the one whose suggested mapping covers most columns.
// Ties go to transactions, deals, clients, employees, relationships in that order, because a
// transaction table can also name clients and employees.
Entity guessEntity(const std::vector<std::string>& header);

// A header as compared with the known names: ASCII lowercased, without spaces, '_' and '-'.
std::string normaliseHeader(std::string_view header);

// The header names that suggestColumns reads as `field` of a table of `entity`, in the
// normalised form that normaliseHeader gives ("clientid" matches "Client ID"), most
// specific first. Empty for a field it has no names for.
std::vector<std::string> knownHeaders(Entity entity, std::string_view field);

}  // namespace baton
