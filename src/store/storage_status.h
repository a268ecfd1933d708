// What the app knows about its storage, for the UI to show: whether data is kept at all,
// how full storage is, whether the browser may evict it, when the open workspace was
// last backed up, and whether another tab has saved newer data. The platform layer
// fills it in; natively it keeps its defaults.
#pragma once

#include <cstdint>
#include <string>

namespace baton {

enum class PersistenceState { Unknown, Granted, Denied, Unavailable };
const char* toString(PersistenceState state);

struct StorageStatus {
    // False when nothing is kept after the tab closes (IndexedDB missing or blocked).
    bool available = false;
    // False over plain http from a host other than localhost: persist(), estimate() and
    // WebCrypto (encryption) are missing then.
    bool secureContext = true;
    // Why storage or a storage feature is missing, in English, "" when nothing is.
    std::string unavailableReason;
    // The answer of navigator.storage.persist(): Granted means the browser will not
    // evict the data under storage pressure.
    PersistenceState persistence = PersistenceState::Unknown;
    // navigator.storage.estimate() for this origin, in bytes; -1 when unknown.
    double usageBytes = -1;
    double quotaBytes = -1;
    // The last save failed because the origin's quota is full; the last complete save
    // is still stored.
    bool quotaExceeded = false;
    // Another tab saved a newer generation: this tab stopped saving until it reloads.
    bool stale = false;
    std::uint64_t generation = 0;
    // The open workspace: encrypted at rest, and locked (its data is not in memory).
    bool encrypted = false;
    bool locked = false;
    // ISO 8601 UTC time of the open workspace's last backup, "" when never.
    std::string lastBackup;
    // Whole days since that backup, or since the workspace was created when never.
    int backupAgeDays = 0;
    // Days after which the UI reminds the user to back up. Safari deletes a site's
    // storage after seven days without a visit, so a week is the default.
    int backupReminderDays = 7;
    bool backupDue = false;
    // The last storage error, in English, "" when the last operation succeeded.
    std::string lastError;
};

}  // namespace baton
