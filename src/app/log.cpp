#include "app/log.h"

#include <utility>

namespace baton {

const char* toString(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return "debug";
        case LogLevel::Info: return "info";
        case LogLevel::Warning: return "warning";
        case LogLevel::Error: return "error";
    }
    return "info";
}

void Log::add(LogLevel level, std::string message) {
    m_entries.push_back(LogEntry{level, std::move(message), m_next++});
    while (m_entries.size() > m_capacity) m_entries.pop_front();
}

}  // namespace baton
