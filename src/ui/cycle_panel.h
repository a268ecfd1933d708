// The Cycle tab's timeline: the stages of the open reassignment cycle with their dates,
// the current stage highlighted, what can still change, and a button that advances to the
// next stage. Without a cycle it offers to start one with the marked leavers.
#pragma once

#include <string>

#include "app/session.h"

namespace baton::ui {

// The words of a stage in the current language.
const char* stageText(CycleStage stage);

class CyclePanel {
public:
    void draw(Session& session);

private:
    void drawStart(Session& session);
    void drawTimeline(const Cycle& cycle);
    void drawStatus(Session& session, const Cycle& cycle);

    std::string m_message;  // the outcome of the last start or advance
    bool m_messageOk = true;
};

}  // namespace baton::ui
