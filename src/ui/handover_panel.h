// The Cycle tab's Handover: one task list per moved client with done toggles, due dates
// and overdue flags, and the client's introduction letter to copy into a mail program.
#pragma once

#include <string>

#include "app/session.h"

namespace baton::ui {

class HandoverPanel {
public:
    void draw(Session& session);

private:
    void drawClient(Session& session, const Handover& handover);

    std::string m_message;
    bool m_messageOk = true;
};

}  // namespace baton::ui
