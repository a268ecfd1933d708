// The View menu of the toolbar: the theme and the font size setting. The font size stops
// where the font atlas would outgrow its texture, and the menu shows a note about it.
#pragma once

#include "ui/fonts.h"
#include "ui/themes.h"

namespace baton::ui {

// The view preferences that outlive a page load; the platform stores them.
struct ViewSettings {
    Theme theme = Theme::Light;
    int fontPercent = 100;
    bool tourSeen = false;
    double backupSnoozedUntil = 0.0;  // Unix seconds until which the backup reminder is hidden
};

class ViewMenu {
public:
    explicit ViewMenu(FontManager& fonts) : m_fonts(fonts) {}

    // Draws the toolbar button and, when it is open, the menu.
    void draw();

    Theme theme() const { return m_theme; }
    // Applies `theme` to ImGui's style at once.
    void setTheme(Theme theme);

private:
    void drawFontSize();

    FontManager& m_fonts;
    Theme m_theme = Theme::Light;
};

}  // namespace baton::ui
