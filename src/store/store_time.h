// UTC times as the store writes them: ISO 8601 "2026-12-04T10:00:00Z", from the
// milliseconds since 1970 that the browser's Date.now() returns.
#pragma once

#include <string>

#include "store/storage_status.h"

namespace baton {

std::string formatUtcTime(double millisSince1970);

// Whole days from the date part of ISO time `from` to that of `to`, or -1 when either
// does not start with a valid ISO date.
int daysBetweenTimes(const std::string& from, const std::string& to);

// Sets lastBackup, backupAgeDays and backupDue of `status` for a workspace created at
// `created` and last backed up at `lastBackup` ("" when never), as of `now`.
void updateBackupAge(StorageStatus& status, const std::string& created,
                     const std::string& lastBackup, const std::string& now);

}  // namespace baton
