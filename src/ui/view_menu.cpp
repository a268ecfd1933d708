#include "ui/view_menu.h"

#include <imgui.h>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {

void ViewMenu::setTheme(Theme theme) {
    m_theme = theme;
    applyTheme(theme);
}

void ViewMenu::draw() {
    if (ImGui::Button(labelWithId(tr(Str::ViewMenu), "view").c_str())) {
        ImGui::OpenPopup("view_popup");
    }
    recordWidget("view");
    // The menu hangs from the button's right edge, so that it stays inside the window.
    ImVec2 anchor(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + 2.0f);
    ImGui::SetNextWindowPos(anchor, ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    if (!ImGui::BeginPopup("view_popup")) return;

    ImGui::TextDisabled("%s", tr(Str::ThemeHeading));
    struct Choice {
        Theme theme;
        Str label;
        const char* id;
    };
    const Choice choices[] = {{Theme::Light, Str::ThemeLight, "light"},
                              {Theme::Dark, Str::ThemeDark, "dark"},
                              {Theme::HighContrast, Str::ThemeHighContrast, "high_contrast"}};
    for (const Choice& choice : choices) {
        std::string id = std::string("theme_") + choice.id;
        if (ImGui::RadioButton(labelWithId(tr(choice.label), id.c_str()).c_str(),
                               m_theme == choice.theme)) {
            setTheme(choice.theme);
        }
        recordWidget(std::string("theme.") + choice.id);
    }
    ImGui::Separator();
    drawFontSize();
    ImGui::EndPopup();
}

void ViewMenu::drawFontSize() {
    ImGui::TextDisabled(tr(Str::FontSizeHeading), m_fonts.appliedFontPercent());
    recordWidget("font.size");
    int requested = m_fonts.requestedFontPercent();
    ImGui::BeginDisabled(m_fonts.appliedFontPercent() <= kMinFontPercent);
    if (ImGui::Button(labelWithId(tr(Str::FontSizeSmaller), "font_smaller").c_str())) {
        m_fonts.setFontPercent(m_fonts.appliedFontPercent() - kFontPercentStep);
    }
    ImGui::EndDisabled();
    recordWidget("font.smaller");
    ImGui::SameLine();
    // Larger is disabled at the maximum and when the atlas already had to be capped.
    ImGui::BeginDisabled(requested >= kMaxFontPercent || m_fonts.fontPercentCapped());
    if (ImGui::Button(labelWithId(tr(Str::FontSizeLarger), "font_larger").c_str())) {
        m_fonts.setFontPercent(requested + kFontPercentStep);
    }
    ImGui::EndDisabled();
    recordWidget("font.larger");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::FontSizeReset), "font_reset").c_str())) {
        m_fonts.setFontPercent(100);
    }
    recordWidget("font.reset");
    if (m_fonts.fontPercentCapped()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
        ImGui::Text(tr(Str::FontSizeCapped), m_fonts.appliedFontPercent(), kMaxAtlasSide,
                    kMaxAtlasSide);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        recordWidget("font.capped");
    }
}

}  // namespace baton::ui
