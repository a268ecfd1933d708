// The guided tour: one step per stage of a handover, each pointing at the widget that
// does it (by its name in the widget registry) with Back and Next. It is meant for the
// demo workspace, where every step has something to show.
#pragma once

#include <vector>

#include "ui/strings.h"

namespace baton::ui {

class Tour {
public:
    void start();
    // Ends the tour and drops a tab selection it requested but no tab bar took.
    void stop();
    bool active() const { return m_active; }
    int step() const { return m_step; }
    int stepCount() const;

    // Draws the highlight and the step's window over everything else. Call after the
    // main window has ended, so that this frame's widget rectangles are recorded.
    void draw();

private:
    // Draws the step's text, `hint` (or nothing when it is null) and the buttons.
    void drawContent(Str title, Str body, const char* hint);

    bool m_active = false;
    int m_step = 0;
    // The step whose tab was last selected, so that a tab is selected once per step.
    int m_selectedStep = -1;
    // The step window's height in the last frame, to place it before it is drawn.
    float m_windowHeight = 0.0f;
};

}  // namespace baton::ui
