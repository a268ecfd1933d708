// The Log tab: the session's log entries, newest last, coloured by level.
#pragma once

#include <cstdint>

#include "app/session.h"

namespace baton::ui {

class LogPanel {
public:
    void draw(Session& session);

private:
    bool m_follow = true;
    bool m_showDebug = false;
    // The sequence number of the newest entry drawn, to scroll to new ones.
    std::uint64_t m_seenSequence = 0;
};

}  // namespace baton::ui
