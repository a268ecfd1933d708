#include "io/importer.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "io/encoding.h"
#include "io/export_xlsx.h"
#include "io/import_state.h"
#include "io/table_text.h"
#include "io/xlsx.h"
#include "io/xlsx_writer.h"

namespace baton {

using import_detail::deriveOwners;
using import_detail::deriveRevenue;
using import_detail::ImportState;
using import_detail::readLeavingStatus;

namespace {

bool endsWithIgnoringCase(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    std::string_view tail = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
    }
    return true;
}

// True for the signatures a zip archive starts with: a local file header, an empty
// archive's end record, or a spanned archive's marker. A CSV header may start with "PK".
bool startsLikeZip(std::string_view bytes) {
    std::string_view start = bytes.substr(0, 4);
    return start == "PK\x03\x04" || start == "PK\x05\x06" || start == "PK\x07\x08";
}

// How to choose the encoding of `entity`'s file, as the surface offers it.
std::string encodingAdvice(Entity entity, ImportSurface surface) {
    if (surface == ImportSurface::CommandLine) {
        return "save it as UTF-8, or choose its encoding with --encoding (auto, utf-8, utf-16 "
               "or gb18030)";
    }
    return std::string(
               "save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or choose its "
               "encoding in the import mapping: set tables.") +
           entityName(entity) + ".encoding to auto, utf-8, utf-16 or gb18030";
}

// How to stop reading a UTF-8 file as GB18030, as the surface offers it.
std::string utf8Advice(Entity entity, ImportSurface surface) {
    if (surface == ImportSurface::CommandLine) {
        return "drop --encoding gb18030 to have the encoding detected, or pass --encoding "
               "utf-8";
    }
    return std::string("set tables.") + entityName(entity) +
           ".encoding in the import mapping to auto or utf-8";
}

// The signs of UTF-8 in a CSV file whose encoding setting is GB18030, which GB18030
// decoding garbles, often without failing.
struct Utf8Signs {
    std::string error;  // set for a UTF-8 byte order mark before valid UTF-8, else empty
    bool utf8 = false;  // valid UTF-8 with non-ASCII text and no mark
};

// Checks a CSV file whose encoding setting is GB18030 for signs of UTF-8. A UTF-8 byte order
// mark followed by valid UTF-8 is an error. A mark followed by other bytes is removed from
// `bytes`, because GB18030 would read it as "锘" and a stray character at the start of the
// first header. Valid UTF-8 with non-ASCII text and no mark only gets a warning, because
// short GBK text can be valid UTF-8 too.
Utf8Signs checkUtf8UnderGb18030(SourceTable& source, std::string_view& bytes,
                                const std::string& setting, ImportSurface surface) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    Utf8Signs signs;
    bool mark = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
    std::string_view rest = mark ? bytes.substr(kUtf8Bom.size()) : bytes;
    std::string setTo = "its encoding is set to " + setting;
    if (!isValidUtf8(rest)) {
        if (!mark) return signs;
        bytes = rest;
        source.warnings.addWarning(
            "utf8_byte_order_mark_removed",
            {source.file, 0, "",
             "the file starts with a UTF-8 byte order mark (bytes EF BB BF) but the rest is "
             "not valid UTF-8, so the mark was removed and the rest read as GB18030, since " +
                 setTo});
        return signs;
    }
    std::string advice = utf8Advice(source.entity, surface);
    if (mark) {
        signs.error = source.file +
                      ": the file starts with a UTF-8 byte order mark (bytes EF "
                      "BB BF) and the rest is valid UTF-8, but " +
                      setTo + ", which would garble its headers and text; " + advice;
        return signs;
    }
    signs.utf8 = std::any_of(bytes.begin(), bytes.end(),
                             [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (signs.utf8) {
        source.warnings.addWarning(
            "utf8_read_as_gb18030",
            {source.file, 0, "",
             "the file is valid UTF-8 with non-ASCII text, so it looks like UTF-8, but it was "
             "read as GB18030 because " +
                 setTo + "; if its headers or names look garbled, " + advice});
    }
    return signs;
}

// True when the first bytes contain no NUL or other control byte but tab, LF and CR.
bool looksLikeText(std::string_view bytes) {
    std::string_view start = bytes.substr(0, 512);
    return !start.empty() && std::none_of(start.begin(), start.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
    });
}

std::string unreadableWorkbook(const std::string& file, std::string_view bytes,
                               const std::string& reason) {
    std::string message = file + ": cannot read the file as an XLSX workbook: " + reason;
    if (!startsLikeZip(bytes) && looksLikeText(bytes)) {
        message +=
            ". It has no zip signature and starts like text: if it is a CSV file, "
            "rename it to .csv and import it again";
        return message;
    }
    return message +
           ". Open it in Excel and save it again as .xlsx, or export the sheet as "
           "CSV UTF-8 and import that";
}

// True when the workbook has the marker sheet of Baton's workspace export with its format
// row. `sheets` are the workbook's sheet names, so that other workbooks are not read again.
bool isWorkspaceExport(std::string_view bytes, const std::vector<std::string>& sheets) {
    auto marker = std::find_if(sheets.begin(), sheets.end(), [](const std::string& name) {
        return name.size() == kWorkspaceMarkerSheet.size() &&
               endsWithIgnoringCase(name, kWorkspaceMarkerSheet);
    });
    if (marker == sheets.end()) return false;
    // Baton's marker sheet has five rows, so a much longer sheet of that name is not one.
    constexpr std::size_t kMaxMarkerRows = 50;
    XlsxReadResult read = readXlsx(bytes, *marker, kMaxMarkerRows);
    if (!read.table || read.table->header.size() < 2) return false;
    for (std::size_t r = 0; r < read.table->rowCount(); ++r) {
        if (trimCell(read.table->cell(r, 0)) == kWorkspaceMarkerKey &&
            trimCell(read.table->cell(r, 1)) == kWorkspaceMarkerFormat) {
            return true;
        }
    }
    return false;
}

LoadTableResult loadWorkbook(SourceTable source, std::string_view bytes,
                             const TableMapping& mapping) {
    LoadTableResult result;
    const std::string& file = source.file;
    // D0 CF 11 E0 starts the OLE compound files of Excel 97-2003.
    if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0") {
        result.error = file +
                       ": this is an Excel 97-2003 workbook (.xls), which the import "
                       "cannot read; open it in Excel and save it as .xlsx, or export "
                       "the sheet as CSV UTF-8";
        return result;
    }
    // A workbook with a sheet per table, such as Baton's own export, gives each table the
    // sheet named after it.
    XlsxReadResult xlsx = readXlsx(bytes, mapping.sheet, kMaxImportRows, entityName(source.entity));
    if (!xlsx.table) {
        result.error = xlsx.unreadable ? unreadableWorkbook(file, bytes, xlsx.error)
                                       : file + ": " + xlsx.error;
        return result;
    }
    source.table = std::move(*xlsx.table);
    source.encoding = "xlsx";
    source.workspaceExport = isWorkspaceExport(bytes, xlsx.sheets);
    removeInvisibleCharacters(source.table, file, source.warnings);
    result.source = std::move(source);
    return result;
}

}  // namespace

LoadTableResult loadTable(Entity entity, const std::string& file, std::string_view bytes,
                          const TableMapping& mapping, ImportSurface surface) {
    LoadTableResult result;
    if (bytes.size() > kMaxImportBytes) {
        result.error = file + ": the file has " + std::to_string(bytes.size() / (1024 * 1024)) +
                       " MB, more than the 200 MB an import takes; split it into smaller files";
        return result;
    }
    SourceTable source;
    source.entity = entity;
    source.file = file;
    source.surface = surface;
    bool workbook = endsWithIgnoringCase(file, ".xlsx") || endsWithIgnoringCase(file, ".xlsm") ||
                    startsLikeZip(bytes) || bytes.substr(0, 4) == "\xD0\xCF\x11\xE0";
    if (workbook) {
        return loadWorkbook(std::move(source), bytes, mapping);
    }
    std::optional<Encoding> encoding = parseEncoding(mapping.encoding);
    Utf8Signs signs;
    if (encoding == Encoding::Gb18030) {
        signs = checkUtf8UnderGb18030(source, bytes, mapping.encoding, surface);
        if (!signs.error.empty()) {
            result.error = std::move(signs.error);
            return result;
        }
    }
    // UTF-8 bytes are parsed where they are; only a conversion makes a copy.
    std::string converted;
    DecodeViewResult decoded = decodeTextView(bytes, encoding.value_or(Encoding::Auto), converted);
    if (!decoded.text) {
        result.error = file + " " + decoded.error + "; " +
                       (signs.utf8 ? "the file is valid UTF-8, so " + utf8Advice(entity, surface)
                                   : encodingAdvice(entity, surface));
        return result;
    }
    if (!decoded.warning.empty()) {
        source.warnings.addWarning("encoding_guessed", {file, 0, "", decoded.warning});
    }
    CsvReadResult csv = readCsv(*decoded.text, mapping.delimiter.value_or(0));
    if (csv.empty) {
        result.error = file +
                       " is empty: it has no header row and no data, at most blank "
                       "lines; export it again with a header row and data rows";
        return result;
    }
    if (!csv.table) {
        result.error = file + " " + csv.error;
        return result;
    }
    source.table = std::move(*csv.table);
    source.encoding = decoded.detected;
    source.delimiter = csv.delimiter;
    source.raggedRows = std::move(csv.raggedRows);
    removeInvisibleCharacters(source.table, file, source.warnings);
    result.source = std::move(source);
    return result;
}

Mapping completeMapping(const Mapping& mapping, const std::vector<SourceTable>& tables) {
    Mapping out = mapping;
    for (const SourceTable& t : tables) {
        TableMapping& tm = out.tables[entityName(t.entity)];
        if (tm.columns.empty()) tm.columns = suggestColumns(t.entity, t.table.header);
    }
    return out;
}

namespace {

void reportCreated(ImportState& state) {
    // Joins the English names of the columns, or with `shortNames` their names without the
    // word "column", as the message keys' values.
    auto sources = [](const std::map<std::string, std::string>& s, bool shortNames = false) {
        std::string out;
        for (const auto& [english, shortName] : s) {
            out += (out.empty() ? "" : ", ") + (shortNames ? shortName : english);
        }
        return out;
    };
    if (state.createdEmployees > 0) {
        state.report.setCount("employees_created_from_columns", state.createdEmployees);
        state.report.addDerived(
            countedNoun(state.createdEmployees, "employee", "employees") + " created from " +
                sources(state.employeeSources) + " (id and name are the cell text, status active)",
            {"employees_created",
             {std::to_string(state.createdEmployees), sources(state.employeeSources, true)}});
    }
    if (state.createdClients > 0) {
        state.report.setCount("clients_created_from_columns", state.createdClients);
        state.report.addDerived(
            countedNoun(state.createdClients, "client", "clients") + " created from " +
                sources(state.clientSources) + " (id and name are the cell text)",
            {"clients_created",
             {std::to_string(state.createdClients), sources(state.clientSources, true)}});
    }
}

void offerFillDown(ImportState& state, const std::vector<SourceTable>& tables) {
    for (const SourceTable& t : tables) {
        const TableMapping& tm = state.mapping.tables.at(entityName(t.entity));
        for (const std::string& header :
             import_detail::fillDownCandidates(t, tm, state.mapping.fillDown)) {
            std::string found = t.file + " column \"" + header +
                                "\" has empty cells below filled ones, as merged cells export; ";
            if (t.surface == ImportSurface::CommandLine) {
                state.report.addSuggestion(found + "add \"" + header +
                                           "\" to \"fill_down\" in the mapping to copy the value "
                                           "above into them");
                continue;
            }
            // The page's review window offers a mapping file, not a mapping editor.
            state.report.addSuggestion(
                found + "to copy the value above into them, fill the empty cells in Excel, or " +
                    "press \"Save mapping\", add \"" + header +
                    "\" to the \"fill_down\" list of the saved file and read the file again " +
                    "with \"Use mapping file…\"",
                {"fill_down.page", {t.file, header}});
        }
    }
}

// Warns that a new workspace built from Baton's workspace export has the default policy,
// because the workbook has only the tables.
void warnPolicyNotInWorkbook(ImportReport& report, const std::vector<SourceTable>& tables) {
    auto from = std::find_if(tables.begin(), tables.end(),
                             [](const SourceTable& t) { return t.workspaceExport; });
    if (from == tables.end()) return;
    std::string advice =
        from->surface == ImportSurface::CommandLine
            ? "To evaluate and allocate under the original policy, pass the original "
              "workspace JSON with --policy, as in: baton allocate NEW.json --policy ORIGINAL.json"
            : "To work under the original policy, open the original workspace JSON instead, "
              "or set the policy again in the Policy tab";
    // The command line's advice is shown only in English, so it has no message key.
    MessageKey key;
    if (from->surface != ImportSurface::CommandLine) key.key = "policy_not_in_workbook.page";
    report.addWarning("policy_not_in_workbook",
                      {from->file, 0, "",
                       "the workbook is Baton's workspace export, which has the tables but not "
                       "the policy, company, reassignment cycles or audit log, so the new "
                       "workspace has the default policy. " +
                           advice,
                       std::move(key)});
}

std::string delimiterName(char delimiter) {
    if (delimiter == '\t') return "tab";
    if (delimiter == ';') return "semicolon";
    return "comma";
}

// Builds the error for a row with more cells than the header. A value with an unquoted
// delimiter gives such a row, and so does a file read with the wrong delimiter.
std::string extraCellsMessage(const SourceTable& t, const std::string& cells) {
    std::string name = delimiterName(t.delimiter);
    std::string example = t.delimiter == ',' ? " (as in \"Acme, Inc\")" : "";
    std::string mapping = t.surface == ImportSurface::CommandLine
                              ? "the mapping file passed with --map"
                              : "the import mapping";
    std::string message = cells + ", so a value was probably split at an unquoted " + name +
                          " and the cells after it moved to the wrong columns; ";
    message += "put double quotes around each value that contains a " + name + example;
    message += ", or, if the file's delimiter is not the " + name + ", set tables." +
               entityName(t.entity) + ".delimiter in " + mapping;
    return message;
}

// Reports the CSV rows whose cell count differs from the header's. A longer row is an error,
// because its values after an unquoted delimiter sit under the wrong headers and the last
// ones are dropped. A shorter row is a warning, because its missing cells are read as empty.
void reportRaggedRows(ImportReport& report, const SourceTable& t) {
    const std::vector<std::string>& header = t.table.header;
    for (const RaggedRow& ragged : t.raggedRows) {
        long row = t.table.sourceLine(ragged.row);
        std::string cells = "the row has " + std::to_string(ragged.cells) +
                            " cells but the header has " + std::to_string(header.size()) +
                            " columns";
        if (ragged.cells > header.size()) {
            report.addError("extra_cells", {t.file, row, "", extraCellsMessage(t, cells)});
            continue;
        }
        std::vector<std::string> missing(header.begin() + static_cast<long>(ragged.cells),
                                         header.end());
        std::string listed = import_detail::quotedList(missing, 3);
        report.addWarning(
            "missing_cells",
            {t.file,
             row,
             "",
             cells + ", so the cells of " + listed +
                 " are read as empty; add the missing cells, or check that no " +
                 delimiterName(t.delimiter) + " is missing between the values",
             {"missing_cells." + delimiterName(t.delimiter),
              {std::to_string(ragged.cells), std::to_string(header.size()), listed}}});
    }
}

// States which column gives the id where the suggested mapping of a clients or employees
// table reads a column such as "client" as the id beside a name column, because either
// column could be meant as the name.
void noteSelfIdColumns(ImportReport& report, const Mapping& given, const Mapping& complete,
                       const std::vector<SourceTable>& tables) {
    for (const SourceTable& t : tables) {
        const char* table = entityName(t.entity);
        auto mapped = given.tables.find(table);
        if (mapped != given.tables.end() && !mapped->second.columns.empty()) continue;
        const std::map<std::string, std::string>& columns = complete.tables.at(table).columns;
        auto id = columns.find("id");
        auto name = columns.find("name");
        if (id == columns.end() || name == columns.end() || id->second == name->second) continue;
        if (!namesRecordItself(t.entity, id->second)) continue;
        std::string singular = t.entity == Entity::Clients ? "client" : "employee";
        report.addDerived(t.file + ": column \"" + id->second + "\" is read as the " + singular +
                          " id and column \"" + name->second + "\" as the name, as the " +
                          singular + " column of a transactions table gives the " + singular +
                          " id; to read them otherwise, set \"id\" and \"name\" in tables." +
                          table + ".columns of the import mapping");
    }
}

// "3 (C)": a 0-based column index as a spreadsheet numbers and letters it.
std::string columnLabel(std::size_t column) {
    return std::to_string(column + 1) + " (" + xlsxColumnName(static_cast<int>(column)) + ")";
}

// Warns about each header that names more than one column. The mapping reads a header's
// first column only, so the values of the later ones would be left out without a trace.
void warnRepeatedHeaders(ImportReport& report, const SourceTable& source,
                         const TableMapping& mapping) {
    const std::vector<std::string>& header = source.table.header;
    std::map<std::string_view, std::vector<std::size_t>> columnsOf;
    for (std::size_t c = 0; c < header.size(); ++c) {
        std::string_view name = trimCell(header[c]);
        if (!name.empty()) columnsOf[name].push_back(c);
    }
    for (const auto& [name, columns] : columnsOf) {
        if (columns.size() < 2) continue;
        std::string labels;
        for (std::size_t column : columns) {
            labels += (labels.empty() ? "" : ", ") + columnLabel(column);
        }
        std::string fields;
        for (const auto& [field, mapped] : mapping.columns) {
            if (trimCell(mapped) == name) fields += (fields.empty() ? "" : " and ") + field;
        }
        std::string quoted = "\"" + std::string(name) + "\"";
        std::string first = columnLabel(columns.front());
        std::string advice =
            "; rename all but one of these columns in the file so that each "
            "header names one column, then map a renamed column in the import "
            "mapping if its values are needed";
        ImportIssue issue{source.file, 1, std::string(name), ""};
        if (fields.empty()) {
            issue.message = "the header " + quoted + " names columns " + labels +
                            ", and no field of the import mapping reads it" + advice;
            issue.messageKey = {"repeated_header.unmapped", {std::string(name), labels}};
        } else {
            issue.message = "the header " + quoted + " names columns " + labels + "; column " +
                            first + " is read as " + fields +
                            " and the other columns are not "
                            "imported" +
                            advice;
            issue.messageKey = {"repeated_header", {std::string(name), labels, first, fields}};
        }
        report.addWarning("repeated_header", std::move(issue));
    }
}

void startFrom(ImportState& state, const Workspace* into, const std::vector<SourceTable>& t) {
    if (into) state.ws = *into;
    for (std::size_t i = 0; i < state.ws.employees.size(); ++i) {
        state.indexEmployee(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < state.ws.clients.size(); ++i) {
        state.indexClient(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < state.ws.deals.size(); ++i) {
        state.dealById.emplace(state.ws.deals[i].id, static_cast<int>(i));
    }
    // The transactions of the workspace merged into, by index like the imported ones.
    for (const Transaction& existing : state.ws.transactions) {
        const int* client = state.clientById.find(existing.client);
        const int* employee =
            existing.employee ? state.employeeById.find(*existing.employee) : nullptr;
        state.transactionClient.push_back(client ? *client : -1);
        state.transactionEmployee.push_back(employee ? *employee : -1);
    }
    state.ownerToDerive.assign(state.ws.clients.size(), 0);
    state.revenueGiven.assign(state.ws.clients.size(), 1);
    auto given = [&](Entity e) {
        return std::any_of(t.begin(), t.end(), [&](const SourceTable& s) { return s.entity == e; });
    };
    state.employeesListed = given(Entity::Employees) || !state.ws.employees.empty();
    state.clientsListed = given(Entity::Clients) || !state.ws.clients.empty();
    state.knownProducts.insert(state.options.knownProducts.begin(),
                               state.options.knownProducts.end());
    state.productSuggester = NameSuggester(
        std::vector<std::string>(state.knownProducts.begin(), state.knownProducts.end()));
}

}  // namespace

ImportResult importTables(const std::vector<SourceTable>& tables, const Mapping& mapping,
                          const Workspace* into, const ImportOptions& options) {
    ImportResult result;
    if (options.everyIssue) result.report.setMaxExamples(std::numeric_limits<std::size_t>::max());
    result.mapping = completeMapping(mapping, tables);
    ImportState state(result.report, result.mapping, options);
    startFrom(state, into, tables);
    noteSelfIdColumns(result.report, mapping, result.mapping, tables);
    if (!into) warnPolicyNotInWorkbook(result.report, tables);
    for (const SourceTable& t : tables) {
        result.report.addWarnings(t.warnings);
        warnRepeatedHeaders(result.report, t, result.mapping.tables.at(entityName(t.entity)));
        // Before the tables are read, so that a shifted row's error comes before the errors
        // of the checked columns that the shift causes.
        reportRaggedRows(result.report, t);
        // Without this, a header-only file would replace a workspace by an empty one.
        if (t.table.rowCount() == 0) {
            result.report.addError(
                "no_data_rows", {t.file, 1, "",
                                 t.file + " has a header row but no data rows, so there is "
                                          "nothing to import; check that it is the right file or "
                                          "sheet and that the export includes its rows"});
        }
    }
    using Reader = void (*)(ImportState&, const SourceTable&, const TableMapping&);
    const std::pair<Entity, Reader> kOrder[] = {
        {Entity::Employees, import_detail::importEmployees},
        {Entity::Clients, import_detail::importClients},
        {Entity::Transactions, import_detail::importTransactions},
        {Entity::Deals, import_detail::importDeals},
        {Entity::Relationships, import_detail::importRelationships},
    };
    for (const auto& [entity, read] : kOrder) {
        for (const SourceTable& t : tables) {
            if (t.entity == entity) read(state, t, result.mapping.tables.at(entityName(entity)));
        }
    }
    offerFillDown(state, tables);
    reportCreated(state);
    deriveOwners(state);
    deriveRevenue(state);
    readLeavingStatus(state);
    import_detail::warnAbsurdAmounts(state);
    import_detail::reportStatusChanges(state);
    result.report.setCount("employees", static_cast<long>(state.ws.employees.size()));
    result.report.setCount("clients", static_cast<long>(state.ws.clients.size()));
    result.report.setCount("transactions", static_cast<long>(state.ws.transactions.size()));
    result.report.setCount("deals", static_cast<long>(state.ws.deals.size()));
    result.report.setCount("relationships", static_cast<long>(state.ws.relationships.size()));
    if (result.report.ok()) import_detail::checkWorkspace(state);
    if (result.report.ok()) result.workspace = std::move(state.ws);
    return result;
}

}  // namespace baton
