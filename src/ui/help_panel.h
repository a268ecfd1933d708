// The Help window: the user guide in the UI language and a button that starts the guided
// tour. F1 and the toolbar's Help button show and hide it.
#pragma once

#include <string>
#include <vector>

#include "ui/guide.h"

namespace baton::ui {

class HelpPanel {
public:
    // Reads both guides from `folder` and returns their text, so that the font atlas can
    // hold its characters. A guide that cannot be read is reported in the window.
    std::string load(const std::string& folder);

    // Draws the toolbar button.
    void drawButton();
    // Draws the window when it is open. Returns true when the user asked for the tour.
    bool draw(const char* locale);

    void toggle() { m_open = !m_open; }
    void close() { m_open = false; }
    bool isOpen() const { return m_open; }

private:
    struct Guide {
        std::vector<GuideBlock> blocks;
        std::string error;  // why the file could not be read, or empty
    };
    void drawGuide(const Guide& guide);
    void drawTable(const std::vector<GuideBlock>& blocks, std::size_t& index);

    Guide m_english;
    Guide m_chinese;
    bool m_open = false;
};

}  // namespace baton::ui
