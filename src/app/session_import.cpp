// Session's imports: one-shot imports for the page API and staged imports that the user
// reviews before they change anything. Both commit through adoptImport().
#include <string>
#include <utility>

#include "app/session.h"

namespace baton {

ImportOutcome describeImport(const PendingImport& pending) {
    ImportOutcome outcome;
    outcome.ok = pending.ok();
    outcome.errors = pending.errors;
    outcome.issues = listImportErrors(pending.report, kListedImportErrors);
    return outcome;
}

namespace {

ImportOutcome rejected(Log& log, const std::string& message) {
    ImportOutcome outcome;
    outcome.errors.push_back(JsonError{"", std::nullopt, std::nullopt, message});
    log.error("Import not applied: " + message);
    return outcome;
}

// Logs the import's warnings after the lines that report the import, so that the status
// line, which shows the newest entry, shows a warning.
void logWarnings(Log& log, const PendingImport& pending) {
    for (const JsonError& warning : pending.warnings) {
        log.warning("Import: " + (warning.path.empty() ? "" : warning.path + ": ") +
                    warning.message);
    }
}

std::string joinTables(const PendingImport& pending) {
    std::string names;
    for (const ImportedTable& t : pending.tables) {
        names += (names.empty() ? "" : ", ") + t.file + " as " + t.table;
    }
    return names;
}

}  // namespace

ImportOutcome Session::importWorkspaceText(std::string_view text) {
    return applyImport(stageWorkspaceText(m_workspace, text, ""));
}

ImportOutcome Session::importFileBytes(const std::string& name, std::string_view bytes,
                                       std::string_view mappingText, std::string& report,
                                       bool into) {
    PendingImport pending = stageFileBytes(m_workspace, name, bytes, mappingText, into);
    report = pending.reportText;
    return applyImport(std::move(pending));
}

ImportOutcome Session::applyImport(PendingImport pending) {
    if (!pending.ok()) {
        m_log.error(pending.rejection);
        return describeImport(pending);
    }
    ImportOutcome outcome;
    outcome.warnings = pending.warnings;
    adoptImport(pending);
    outcome.ok = true;
    return outcome;
}

void Session::setPendingImport(PendingImport pending) {
    if (!pending.ok()) m_log.error(pending.rejection);
    m_pending = std::make_unique<PendingImport>(std::move(pending));
    m_pendingWorkspaceId = m_workspaceId;
    m_pendingRevision = m_revision;
    ++m_pendingSerial;
}

ImportOutcome Session::commitImport() {
    if (!m_pending) return rejected(m_log, "no import is waiting for review.");
    std::unique_ptr<PendingImport> pending = std::move(m_pending);
    if (!pending->ok()) return describeImport(*pending);
    // A merge is computed from the workspace as it was when staged, so applying it to a
    // later state would drop the changes made since.
    if (pending->into &&
        (m_pendingWorkspaceId != m_workspaceId || m_pendingRevision != m_revision)) {
        return rejected(m_log,
                        "the open workspace changed after the file was read; "
                        "open the file again to merge it.");
    }
    ImportOutcome outcome;
    outcome.warnings = pending->warnings;
    adoptImport(*pending);
    outcome.ok = true;
    return outcome;
}

void Session::discardImport() {
    if (!m_pending) return;
    if (m_pending->ok()) {
        m_log.info("Import of " + std::to_string(m_pending->files.size()) +
                   " file(s) cancelled; the open workspace is unchanged.");
    }
    m_pending.reset();
}

void Session::adoptImport(PendingImport& pending) {
    m_workspace = std::move(*pending.workspace);
    pending.workspace.reset();
    forgetDerivedState();
    touch();

    std::string employees = std::to_string(m_workspace.employees.size());
    std::string clients = std::to_string(m_workspace.clients.size());
    if (pending.source == PendingImport::Source::File) {
        const ImportedTable& table = pending.tables.front();
        long warnings = pending.report.warningCount();
        m_log.info((pending.into ? "Merged " : "Imported ") + table.file + " as " + table.table +
                   ": " + employees + " employees, " + clients + " clients, " +
                   std::to_string(warnings) + " warnings.");
        recordChange("import", {{"source", "file"},
                                {"file", table.file},
                                {"table", table.table},
                                {"employees", m_workspace.employees.size()},
                                {"clients", m_workspace.clients.size()},
                                {"warnings", warnings}});
        logWarnings(m_log, pending);
        return;
    }
    m_log.info("Imported a workspace: " + employees + " employees, " + clients + " clients.");
    // Workspace JSON carries its audit check in the import's warnings, which are logged.
    if (pending.source != PendingImport::Source::Workspace) warnOnBrokenAudit();
    recordChange("import", {{"source", "workspace"},
                            {"employees", m_workspace.employees.size()},
                            {"clients", m_workspace.clients.size()}});
    if (pending.source == PendingImport::Source::Files) {
        m_log.info((pending.into ? "Merged " : "Imported ") + joinTables(pending) + ".");
    }
    logWarnings(m_log, pending);
}

}  // namespace baton
