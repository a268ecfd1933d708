#include "ui/storage_panel.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>

#include "io/export_csv.h"
#include "io/export_xlsx.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"
#include "ui/workspaces_panel.h"

namespace baton::ui {
namespace {

using nlohmann::json;

constexpr double kSnoozeSeconds = 24.0 * 3600.0;
constexpr const char* kXlsxMime =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string formatted(const char* format, double a, double b = 0.0, double c = 0.0) {
    char text[256];
    std::snprintf(text, sizeof text, format, a, b, c);
    return text;
}

const char* persistenceText(PersistenceState state) {
    switch (state) {
        case PersistenceState::Granted: return tr(Str::PersistenceGranted);
        case PersistenceState::Denied: return tr(Str::PersistenceDenied);
        case PersistenceState::Unavailable: return tr(Str::PersistenceUnavailable);
        case PersistenceState::Unknown: return tr(Str::PersistenceUnknown);
    }
    return "";
}

// An encrypted backup names its envelope near the start ("encrypted": {...}), so the
// first bytes tell without parsing a file that may be large.
bool looksEncrypted(const std::string& text) {
    std::string head = text.substr(0, 4096);
    std::size_t key = head.find("\"encrypted\"");
    if (key == std::string::npos) return false;
    std::size_t value = head.find_first_not_of(" \t\r\n:", key + 11);
    return value != std::string::npos && head[value] == '{';
}

void wrapped(ImU32 colour, const std::string& text) {
    textWrappedColoured(colour, text.c_str());
}

}  // namespace

void StoragePanel::offer(Session& session, const std::string& name, std::string bytes,
                         const char* mime) {
    PlatformRequest request;
    request.kind = PlatformRequest::Kind::Download;
    request.fileName = name;
    request.text = std::move(bytes);
    request.mimeType = mime;
    session.request(std::move(request));
}

void StoragePanel::takeRestoreReply(const PlatformReply& reply) {
    m_restoreErrors.clear();
    if (!reply.ok) {
        m_restoreErrors.push_back(reply.value);
        return;
    }
    json value = json::parse(reply.value, nullptr, false);
    if (value.is_object() && value.value("ok", false)) {
        m_message = tr(Str::RestoreDone);
        m_restoreText.clear();
        return;
    }
    for (const json& e : value.value("errors", json::array())) {
        std::string where = e.value("path", std::string());
        if (e.contains("line") && e["line"].is_number()) {
            where += " " + formatted(tr(Str::ErrorLineColumn), e["line"].get<double>(),
                                     e.value("column", 0.0));
        }
        std::string message = e.value("message", std::string());
        m_restoreErrors.push_back(where.empty() ? message : where + ": " + message);
    }
    if (m_restoreErrors.empty()) m_restoreErrors.push_back(value.value("error", reply.value));
}

void StoragePanel::takeReplies(Session& session) {
    if (auto reply = m_backup.poll(session)) {
        if (reply->ok) {
            json text = json::parse(reply->value, nullptr, false);
            std::string date = session.storageStatus().lastBackup.substr(0, 10);
            std::string name = "baton-backup-" + session.workspaceId() +
                               (date.empty() ? "" : "-" + date) + ".json";
            if (text.is_string()) offer(session, name, text.get<std::string>(), "application/json");
            m_message = tr(Str::BackupDone);
        } else {
            m_error = reply->value;
        }
    }
    if (auto reply = m_pick.poll(session)) {
        json file = json::parse(reply->value, nullptr, false);
        if (reply->ok && file.is_object()) {
            m_restoreFile = file.value("name", std::string());
            m_restoreText = file.value("text", std::string());
            m_restoreEncrypted = looksEncrypted(m_restoreText);
            m_restoreErrors.clear();
            m_openRestore = true;
        }
    }
    if (auto reply = m_restore.poll(session)) takeRestoreReply(*reply);
    if (auto reply = m_setting.poll(session)) {
        if (!reply->ok) m_error = reply->value;
    }
}

void StoragePanel::startBackup(Session& session) {
    m_error.clear();
    m_message.clear();
    json arguments = json::array();
    if (m_backupPassphrase[0] != '\0') arguments.push_back(std::string(m_backupPassphrase));
    m_backup.start(session, "exportBackup", arguments);
    std::memset(m_backupPassphrase, 0, sizeof m_backupPassphrase);
}

void StoragePanel::draw(Session& session) {
    takeReplies(session);
    drawHealth(session);
    drawBackup(session);
    m_encryption.draw(session);
    drawExports(session);
    drawRestoreDialog(session);
}

void StoragePanel::drawHealth(const Session& session) {
    const StorageStatus& status = session.storageStatus();
    sectionHeading(tr(Str::StorageHealthHeading));
    if (status.available) {
        textColoured(kColourGood, tr(Str::StorageKept));
    } else {
        wrapped(kColourBad, std::string(tr(Str::StorageNotKept)) + " " + status.unavailableReason);
    }
    recordWidget("storage.kept");
    textWrappedMixed(persistenceText(status.persistence));
    if (status.usageBytes >= 0 && status.quotaBytes > 0) {
        double mb = 1024.0 * 1024.0;
        ImGui::TextUnformatted(formatted(tr(Str::StorageUsage), status.usageBytes / mb,
                                         status.quotaBytes / mb,
                                         100.0 * status.usageBytes / status.quotaBytes)
                                   .c_str());
    } else {
        ImGui::TextDisabled("%s", tr(Str::StorageUsageUnknown));
    }
    recordWidget("storage.usage");
    if (!status.secureContext) wrapped(kColourWarning, status.unavailableReason);
    if (status.quotaExceeded) wrapped(kColourBad, tr(Str::StorageQuotaFull));
    if (status.stale) wrapped(kColourBad, tr(Str::StorageStale));
    if (!status.lastError.empty()) {
        wrapped(kColourBad, std::string(tr(Str::StorageLastError)) + " " + status.lastError);
    }
}

void StoragePanel::drawBackup(Session& session) {
    const StorageStatus& status = session.storageStatus();
    sectionHeading(tr(Str::BackupHeading));
    if (status.lastBackup.empty()) {
        ImGui::TextUnformatted(tr(Str::BackupNever));
    } else {
        char line[256];
        std::snprintf(line, sizeof line, trPlural(Str::BackupLast, {status.backupAgeDays}).c_str(),
                      shortUtcTime(status.lastBackup).c_str(), status.backupAgeDays);
        ImGui::TextUnformatted(line);
    }
    recordWidget("backup.last");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    ImGui::InputTextWithHint("##backup_pass", tr(Str::BackupPassphraseHint), m_backupPassphrase,
                             sizeof m_backupPassphrase, ImGuiInputTextFlags_Password);
    recordWidget("backup.passphrase");
    ImGui::SameLine();
    ImGui::BeginDisabled(m_backup.busy() || session.locked());
    if (primaryButton(labelWithId(tr(Str::BackupExport), "backup_export").c_str())) {
        startBackup(session);
    }
    ImGui::EndDisabled();
    recordWidget("backup.export");
    ImGui::SameLine();
    ImGui::BeginDisabled(!status.available || m_restore.busy());
    if (ImGui::Button(labelWithId(tr(Str::BackupRestore), "backup_restore").c_str())) {
        m_error.clear();
        m_message.clear();
        m_pick.pickText(session);
    }
    ImGui::EndDisabled();
    recordWidget("backup.restore");
    drawReminderSetting(session);
    if (!m_error.empty()) wrapped(kColourBad, m_error);
    if (!m_message.empty()) wrapped(kColourGood, m_message);
    for (const std::string& error : m_restoreErrors) wrapped(kColourBad, error);
    if (!m_restoreErrors.empty()) recordWidget("backup.restore_errors");
}

void StoragePanel::drawReminderSetting(Session& session) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::BackupReminderLabel));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ImGui::IsWindowAppearing()) m_reminderDays = session.storageStatus().backupReminderDays;
    ImGui::InputInt("##reminder_days", &m_reminderDays);
    if (m_reminderDays < 1) m_reminderDays = 1;
    if (m_reminderDays > 365) m_reminderDays = 365;
    recordWidget("backup.reminder_days");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::ApplySetting), "reminder_apply").c_str())) {
        m_setting.start(session, "setBackupReminder", json::array({m_reminderDays}));
    }
    recordWidget("backup.reminder_apply");
}

void StoragePanel::drawRestoreDialog(Session& session) {
    const char* id = "###restore_dialog";
    if (m_openRestore) {
        ImGui::OpenPopup(id);
        m_openRestore = false;
    }
    std::string title = std::string(tr(Str::RestoreTitle)) + id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    char question[512];
    std::snprintf(question, sizeof question, tr(Str::RestoreQuestion), m_restoreFile.c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(question);
    if (m_restoreEncrypted) textColoured(kColourWarning, tr(Str::RestoreEncrypted));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    ImGui::InputTextWithHint("##restore_pass", tr(Str::RestorePassphraseHint), m_restorePassphrase,
                             sizeof m_restorePassphrase, ImGuiInputTextFlags_Password);
    recordWidget("backup.restore_passphrase");
    if (primaryButton(labelWithId(tr(Str::RestoreConfirm), "restore_yes").c_str())) {
        json arguments = json::array({m_restoreText});
        if (m_restorePassphrase[0] != '\0') arguments.push_back(std::string(m_restorePassphrase));
        m_restore.start(session, "restoreBackup", arguments);
        std::memset(m_restorePassphrase, 0, sizeof m_restorePassphrase);
        ImGui::CloseCurrentPopup();
    }
    recordWidget("backup.restore_confirm");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "restore_no").c_str())) {
        m_restoreText.clear();
        std::memset(m_restorePassphrase, 0, sizeof m_restorePassphrase);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void StoragePanel::drawExports(Session& session) {
    sectionHeading(tr(Str::ExportHeading));
    const AllocationResult* result = session.lastResult();
    ImGui::BeginDisabled(result == nullptr || session.locked());
    if (ImGui::Button(labelWithId(tr(Str::ExportAssignmentsCsv), "export_csv").c_str())) {
        CsvExportResult csv = exportAssignmentsCsv(*result, session.workspace());
        if (csv.bytes) offer(session, "baton-assignments.csv", std::move(*csv.bytes), "text/csv");
        if (!csv.bytes) session.log().error("Assignments CSV export failed: " + csv.error);
    }
    recordWidget("export.assignments_csv");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::ExportAssignmentsGb18030), "export_gb").c_str())) {
        CsvExportResult csv =
            exportAssignmentsCsv(*result, session.workspace(), CsvExportEncoding::Gb18030);
        if (csv.bytes) offer(session, "baton-assignments-gb18030.csv", std::move(*csv.bytes),
                             "text/csv");
        if (!csv.bytes) session.log().error("Assignments CSV export failed: " + csv.error);
    }
    recordWidget("export.assignments_gb18030");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::ExportAssignmentsXlsx), "export_axlsx").c_str())) {
        XlsxExportResult xlsx = exportAssignmentsXlsx(*result, session.workspace());
        if (xlsx.bytes) offer(session, "baton-assignments.xlsx", std::move(*xlsx.bytes), kXlsxMime);
        if (!xlsx.bytes) session.log().error(xlsx.error);
    }
    recordWidget("export.assignments_xlsx");
    ImGui::EndDisabled();
    if (result == nullptr) ImGui::TextDisabled("%s", tr(Str::ExportNeedsResult));

    ImGui::BeginDisabled(session.locked());
    if (ImGui::Button(labelWithId(tr(Str::ExportWorkspaceXlsx), "export_wxlsx").c_str())) {
        XlsxExportResult xlsx = exportWorkspaceXlsx(session.workspace());
        if (xlsx.bytes) offer(session, "baton-workspace.xlsx", std::move(*xlsx.bytes), kXlsxMime);
        if (!xlsx.bytes) session.log().error(xlsx.error);
    }
    recordWidget("export.workspace_xlsx");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::ExportPseudonymised), "export_pseudo").c_str())) {
        offer(session, "baton-workspace-pseudonymised.json", session.exportPseudonymisedText(),
              "application/json");
    }
    recordWidget("export.pseudonymised");
    tooltipForLastItem(tr(Str::ExportPseudonymisedHint));
    ImGui::EndDisabled();
}

void StoragePanel::drawBanner(Session& session) {
    takeReplies(session);
    const StorageStatus& status = session.storageStatus();
    if (status.stale) {
        wrapped(kColourBad, tr(Str::StorageStale));
        if (ImGui::Button(labelWithId(tr(Str::ReloadPage), "stale_reload").c_str())) {
            session.request(PlatformRequest{PlatformRequest::Kind::Reload, "", "", ""});
        }
        recordWidget("stale.reload");
        ImGui::Separator();
        return;
    }
    if (status.quotaExceeded) {
        wrapped(kColourBad, tr(Str::StorageQuotaFull));
        ImGui::Separator();
        return;
    }
    double now = std::chrono::duration<double>(
                     std::chrono::system_clock::now().time_since_epoch()).count();
    bool snoozed = now < m_snoozedUntil;
    if (!status.available || !status.backupDue || snoozed || session.locked()) return;
    char text[512];
    std::snprintf(text, sizeof text, trPlural(Str::BackupDue, {status.backupAgeDays}).c_str(),
                  status.backupAgeDays);
    ImGui::AlignTextToFramePadding();
    textColoured(kColourWarning, text);
    recordWidget("backup.reminder");
    ImGui::SameLine();
    if (ImGui::SmallButton(labelWithId(tr(Str::BackupNow), "backup_now").c_str())) {
        startBackup(session);
    }
    recordWidget("backup.now");
    ImGui::SameLine();
    if (ImGui::SmallButton(labelWithId(tr(Str::BackupSnooze), "backup_snooze").c_str())) {
        m_snoozedUntil = now + kSnoozeSeconds;
    }
    recordWidget("backup.snooze");
    ImGui::Separator();
}

}  // namespace baton::ui
