// A modal overlay over the whole window for long work: a label, a bar and, where the work
// can stop, a Cancel button. The app's long steps (import, allocation) run synchronously,
// so the overlay is drawn for one frame first and the work runs at the start of the next.
// NOTE: no long step reports its progress or can be stopped yet; the bar then moves as a
// busy indicator, and Cancel appears only for work that gives a cancel callback.
#pragma once

#include <functional>
#include <string>

namespace baton::ui {

class ProgressOverlay {
public:
    // Shows `label` now and runs `work` at the next update(), after the overlay has been on
    // screen for a frame. A second request while one waits replaces nothing: it is dropped.
    // Returns false when it was dropped.
    bool runAfterShowing(std::string label, std::function<void()> work);

    // Shows work that runs elsewhere (the page's import) until endExternal(). `fraction` in
    // [0, 1] draws a filled bar; a negative one draws the busy bar. `cancel`, when set,
    // adds a Cancel button that calls it once.
    void beginExternal(std::string label, double fraction = -1.0,
                       std::function<void()> cancel = nullptr);
    void setExternalFraction(double fraction) { m_fraction = fraction; }
    void endExternal();

    // Runs the waiting work once its overlay was drawn. Call at the start of a frame.
    void update();
    // Draws the overlay when something is running. Call at the end of the frame, outside
    // every window.
    void draw();

    bool busy() const { return m_visible; }
    const std::string& label() const { return m_label; }

private:
    std::string m_label;
    std::function<void()> m_work;
    std::function<void()> m_cancel;
    double m_fraction = -1.0;
    bool m_visible = false;
    bool m_cancelled = false;
    int m_framesDrawn = 0;
};

// The app's one overlay, so that the platform layer can show work it runs.
ProgressOverlay& progressOverlay();

// Draws a small busy bar of `width` pixels on the current line, for work that does not
// block the UI (an autosave).
void inlineBusyBar(float width);

}  // namespace baton::ui
