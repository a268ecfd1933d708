#include "store/store_time.h"

#include <cmath>
#include <cstdio>

#include "core/dates.h"

namespace baton {

std::string formatUtcTime(double millisSince1970) {
    long long seconds = static_cast<long long>(std::floor(millisSince1970 / 1000.0));
    long long days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    long long rest = seconds - days * 86400;
    std::string date = formatIsoDate(days);
    char time[16];
    std::snprintf(time, sizeof time, "T%02lld:%02lld:%02lldZ", rest / 3600, rest / 60 % 60,
                  rest % 60);
    return date + time;
}

int daysBetweenTimes(const std::string& from, const std::string& to) {
    if (from.size() < 10 || to.size() < 10) return -1;
    std::optional<long long> a = parseIsoDate(std::string_view(from).substr(0, 10));
    std::optional<long long> b = parseIsoDate(std::string_view(to).substr(0, 10));
    if (!a || !b) return -1;
    return static_cast<int>(*b - *a);
}

void updateBackupAge(StorageStatus& status, const std::string& created,
                     const std::string& lastBackup, const std::string& now) {
    status.lastBackup = lastBackup;
    int age = daysBetweenTimes(lastBackup.empty() ? created : lastBackup, now);
    status.backupAgeDays = age < 0 ? 0 : age;
    status.backupDue = status.backupAgeDays >= status.backupReminderDays;
}

}  // namespace baton
