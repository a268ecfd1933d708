// A small in-memory log with levels, kept in a ring that the Log panel shows. Messages
// never contain client data beyond ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace baton {

enum class LogLevel { Debug, Info, Warning, Error };
const char* toString(LogLevel level);

struct LogEntry {
    LogLevel level = LogLevel::Info;
    std::string message;
    std::uint64_t sequence = 0;
};

class Log {
public:
    explicit Log(std::size_t capacity = 500) : m_capacity(capacity) {}

    void add(LogLevel level, std::string message);
    void info(std::string message) { add(LogLevel::Info, std::move(message)); }
    void warning(std::string message) { add(LogLevel::Warning, std::move(message)); }
    void error(std::string message) { add(LogLevel::Error, std::move(message)); }

    const std::deque<LogEntry>& entries() const { return m_entries; }
    void clear() { m_entries.clear(); }

private:
    std::size_t m_capacity;
    std::deque<LogEntry> m_entries;
    std::uint64_t m_next = 1;
};

}  // namespace baton
