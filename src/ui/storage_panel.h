// The Storage tab, in four sections. Storage health: kept or memory only, persistent or
// not, usage and quota, newer data from another tab. Backups: export, with an optional
// passphrase, and restore from a file after confirmation, listing the errors of a rejected
// file. Encryption (EncryptionPanel). Exports: assignments as CSV or XLSX, the workspace
// as XLSX, pseudonymised JSON. The panel also draws the banner above the body for a due
// backup, a full quota or a stale tab.
#pragma once

#include <string>
#include <vector>

#include "app/session.h"
#include "ui/async_call.h"
#include "ui/encryption_panel.h"

namespace baton::ui {

class StoragePanel {
public:
    void draw(Session& session);
    // Draws the banner above the body, or nothing when no notice is due.
    void drawBanner(Session& session);
    // Draws the unlock prompt for a locked open workspace (see EncryptionPanel).
    void drawUnlock(Session& session) { m_encryption.drawUnlock(session); }
    // The backup reminder's snooze, in Unix seconds, kept with the view preferences so that
    // it lasts across reloads.
    double snoozedUntil() const { return m_snoozedUntil; }
    void setSnoozedUntil(double unixSeconds) { m_snoozedUntil = unixSeconds; }

private:
    void takeReplies(Session& session);
    void takeRestoreReply(const PlatformReply& reply);
    void drawHealth(const Session& session);
    void drawBackup(Session& session);
    void drawReminderSetting(Session& session);
    void drawRestoreDialog(Session& session);
    void drawExports(Session& session);
    void startBackup(Session& session);
    void offer(Session& session, const std::string& name, std::string bytes, const char* mime);

    EncryptionPanel m_encryption;
    AsyncCall m_backup;   // exportBackup
    AsyncCall m_pick;     // the picked backup file
    AsyncCall m_restore;  // restoreBackup
    AsyncCall m_setting;  // setBackupReminder
    char m_backupPassphrase[128] = "";
    char m_restorePassphrase[128] = "";
    std::string m_restoreFile;  // the picked file's name and text, until restored or cancelled
    std::string m_restoreText;
    bool m_restoreEncrypted = false;
    bool m_openRestore = false;
    std::vector<std::string> m_restoreErrors;  // why the last restore was rejected
    std::string m_error;
    std::string m_message;
    int m_reminderDays = 7;
    double m_snoozedUntil = 0.0;  // Unix seconds until which the reminder is hidden
};

}  // namespace baton::ui
