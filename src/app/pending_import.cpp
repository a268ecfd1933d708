#include "app/pending_import.h"

#include <utility>

#include "core/audit.h"
#include "core/validation_warnings.h"
#include "io/table_guess.h"

namespace baton {

namespace {

// Returns the warning for an audit log whose hash chain breaks, at the JSON pointer of the
// first broken entry's field. A log that verifies gives none.
std::optional<JsonError> auditWarning(const nlohmann::json& audit) {
    AuditCheck check = verifyAudit(audit);
    if (check.ok()) return std::nullopt;
    const AuditBreak& broken = *check.broken;
    std::string path = "/audit";
    if (audit.is_array() && broken.index < audit.size()) {
        path += "/" + std::to_string(broken.index);
        if (!broken.field.empty()) path += "/" + broken.field;
    }
    return JsonError{path, std::nullopt, std::nullopt,
                     "the audit log is broken at " + describeAuditBreak(broken) +
                         ". The workspace is imported with its log as it is, and new entries "
                         "are appended after the break. If nobody here changed that entry, "
                         "open a backup or an earlier export of this workspace instead."};
}

}  // namespace

RecordCounts countRecords(const Workspace& workspace) {
    RecordCounts counts;
    counts.employees = static_cast<long>(workspace.employees.size());
    counts.clients = static_cast<long>(workspace.clients.size());
    counts.transactions = static_cast<long>(workspace.transactions.size());
    counts.deals = static_cast<long>(workspace.deals.size());
    counts.relationships = static_cast<long>(workspace.relationships.size());
    return counts;
}

bool readImportMapping(std::string_view text, Mapping& mapping, PendingImport& pending,
                       const std::string& rejection) {
    if (text.empty()) return true;
    MappingReadResult read = readMapping(text);
    if (read.mapping) {
        mapping = std::move(*read.mapping);
        return true;
    }
    pending.errors = std::move(read.errors);
    pending.reportText = "the mapping is invalid: " + formatErrors(pending.errors, "mapping");
    pending.rejection = rejection;
    return false;
}

void failStaging(PendingImport& pending, const std::string& message, std::string rejection) {
    pending.reportText = message;
    pending.errors.push_back(JsonError{"", std::nullopt, std::nullopt, message});
    pending.rejection = std::move(rejection);
}

void finishStaging(PendingImport& pending, ImportResult result, const std::string& rejection) {
    pending.report = std::move(result.report);
    pending.reportText = pending.report.toText();
    pending.mappingText = mappingToJson(result.mapping).dump(2) + "\n";
    if (!result.workspace) {
        pending.rejection = rejection;
        return;
    }
    pending.workspace = std::move(result.workspace);
    pending.after = countRecords(*pending.workspace);
}

PendingImport stageWorkspaceText(const Workspace& open, std::string_view text,
                                 const std::string& name) {
    PendingImport pending;
    pending.source = PendingImport::Source::Workspace;
    pending.before = countRecords(open);
    pending.after = pending.before;
    if (!name.empty()) {
        pending.files.push_back(name);
        pending.tables.push_back(ImportedTable{name, "workspace", -1, ""});
    }
    WorkspaceReadResult read = readWorkspace(text);
    if (!read.workspace) {
        pending.errors = std::move(read.errors);
        pending.reportText = formatErrors(pending.errors, name.empty() ? "workspace" : name);
        pending.rejection = "Import rejected: " + std::to_string(pending.errors.size()) +
                            " error(s); the open workspace is unchanged. First: " +
                            (pending.errors.empty() ? std::string("unknown error")
                                                    : formatError(pending.errors.front()));
        return pending;
    }
    pending.workspace = std::move(read.workspace);
    pending.warnings = std::move(read.warnings);
    if (std::optional<JsonError> audit = auditWarning(pending.workspace->audit)) {
        pending.warnings.push_back(std::move(*audit));
    }
    // The warnings of `baton validate`, from the same function, so the page and the CLI agree.
    for (WorkspaceWarning& warning : validationWarnings(*pending.workspace)) {
        JsonError error;
        error.path = std::move(warning.path);
        error.message = std::move(warning.message);
        pending.warnings.push_back(std::move(error));
    }
    pending.after = countRecords(*pending.workspace);
    const RecordCounts& after = pending.after;
    pending.reportText =
        (name.empty() ? std::string("workspace") : name) + ": " + std::to_string(after.employees) +
        " employees, " + std::to_string(after.clients) + " clients, " +
        std::to_string(after.transactions) + " transactions, " + std::to_string(after.deals) +
        " deals, " + std::to_string(after.relationships) + " relationships\n";
    for (const JsonError& warning : pending.warnings) {
        pending.reportText += "warning: " + (warning.path.empty() ? "" : warning.path + ": ") +
                              warning.message + "\n";
    }
    return pending;
}

PendingImport stageFileBytes(const Workspace& open, const std::string& name, std::string_view bytes,
                             std::string_view mappingText, bool into) {
    PendingImport pending;
    pending.source = PendingImport::Source::File;
    pending.into = into;
    pending.files.push_back(name);
    pending.before = countRecords(open);
    pending.after = pending.before;
    Mapping mapping;
    if (!readImportMapping(mappingText, mapping, pending,
                           "Import of " + name + " rejected: the mapping is invalid.")) {
        return pending;
    }
    std::optional<Entity> entity;
    TableMapping table;
    if (mapping.tables.size() == 1) {
        entity = parseEntity(mapping.tables.begin()->first);
        table = mapping.tables.begin()->second;
    }
    LoadTableResult load = loadTable(entity.value_or(Entity::Transactions), name, bytes, table);
    if (!load.source) {
        failStaging(pending, load.error, "Import of " + name + " rejected: " + load.error);
        return pending;
    }
    if (!entity) {
        TableGuess guess = guessTable(load.source->table.header);
        if (guess.kind != TableKind::Entity) {
            std::string message = guess.kind == TableKind::Products
                                      ? productListAloneMessage(name)
                                      : noTableFitsMessage(name, load.source->table.header);
            failStaging(pending, message, "Import of " + name + " rejected: " + message);
            return pending;
        }
        entity = guess.entity;
    }
    load.source->entity = *entity;
    pending.tables.push_back(ImportedTable{name, entityName(*entity),
                                           static_cast<long>(load.source->table.rowCount()),
                                           load.source->encoding});
    // Moved, not copied: the table contains all the file's cells.
    std::vector<SourceTable> tables;
    tables.push_back(std::move(*load.source));
    ImportResult result = importTables(tables, mapping, into ? &open : nullptr, ImportOptions{});
    std::string count = std::to_string(result.report.errorCount());
    finishStaging(
        pending, std::move(result),
        "Import of " + name + " rejected: " + count + " errors; the open workspace is unchanged.");
    return pending;
}

std::vector<ImportIssue> listImportErrors(const ImportReport& report, std::size_t limit) {
    std::vector<ImportIssue> list;
    for (const IssueGroup& group : report.errors()) {
        for (const ImportIssue& issue : group.examples) {
            if (list.size() >= limit) break;
            list.push_back(issue);
        }
    }
    long more = report.errorCount() - static_cast<long>(list.size());
    if (more > 0) {
        ImportIssue rest;
        rest.message = "and " + countedNoun(more, "more error", "more errors") + "; see the report";
        list.push_back(std::move(rest));
    }
    return list;
}

}  // namespace baton
