// The Log tab: the session's log entries, newest last, coloured by level, with a level
// filter and a text search.
#pragma once

#include <cstdint>
#include <vector>

#include "app/session.h"
#include "ui/text_filter.h"

namespace baton::ui {

class LogPanel {
public:
    void draw(Session& session);

private:
    void drawToolbar(Log& log);
    // Draws the entries that pass the filters, newest last; `shown` is not empty.
    void drawTable(const std::vector<const LogEntry*>& shown);

    bool m_follow = true;
    bool m_showDebug = false;
    TextFilter m_filter;  // matches the message as shown or in English
    // The sequence number of the newest entry drawn, to scroll to new ones.
    std::uint64_t m_seenSequence = 0;
};

}  // namespace baton::ui
