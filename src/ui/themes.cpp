#include "ui/themes.h"

#include <imgui.h>

#include <cstddef>

#include "ui/widgets.h"

namespace baton::ui {
namespace {

struct Palette {
    ImU32 accent, accentHover, accentActive, onAccent;
    ImU32 good, goodBg, bad, badBg, warning, muted;
    ImU32 barTrack, barValue, barDifficulty, barTarget;
};

constexpr Palette kLightPalette = {
    IM_COL32(37, 99, 235, 255),   IM_COL32(29, 78, 216, 255),   IM_COL32(30, 64, 175, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(21, 128, 61, 255),   IM_COL32(220, 252, 231, 255),
    IM_COL32(185, 28, 28, 255),   IM_COL32(254, 226, 226, 255), IM_COL32(180, 83, 9, 255),
    IM_COL32(100, 108, 122, 255), IM_COL32(229, 231, 235, 255), IM_COL32(59, 130, 246, 255),
    IM_COL32(245, 158, 11, 255),  IM_COL32(17, 24, 39, 255),
};

constexpr Palette kDarkPalette = {
    IM_COL32(59, 130, 246, 255),  IM_COL32(96, 165, 250, 255),  IM_COL32(37, 99, 235, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(74, 222, 128, 255),  IM_COL32(20, 83, 45, 255),
    IM_COL32(248, 113, 113, 255), IM_COL32(127, 29, 29, 255),   IM_COL32(251, 191, 36, 255),
    IM_COL32(156, 163, 175, 255), IM_COL32(55, 65, 81, 255),    IM_COL32(96, 165, 250, 255),
    IM_COL32(251, 191, 36, 255),  IM_COL32(243, 244, 246, 255),
};

// White on black with yellow for the accent: every text colour has a contrast ratio of
// at least 7:1 against black (WCAG AAA), by the WCAG 2.1 relative-luminance formula.
constexpr Palette kHighContrastPalette = {
    IM_COL32(255, 221, 0, 255),   IM_COL32(255, 240, 120, 255), IM_COL32(255, 255, 255, 255),
    IM_COL32(0, 0, 0, 255),       IM_COL32(102, 255, 153, 255), IM_COL32(0, 60, 20, 255),
    IM_COL32(255, 128, 128, 255), IM_COL32(90, 0, 0, 255),      IM_COL32(255, 200, 60, 255),
    IM_COL32(220, 220, 220, 255), IM_COL32(70, 70, 70, 255),    IM_COL32(0, 200, 255, 255),
    IM_COL32(255, 170, 0, 255),   IM_COL32(255, 255, 255, 255),
};

void usePalette(const Palette& p) {
    kColourAccent = p.accent;
    kColourAccentHover = p.accentHover;
    kColourAccentActive = p.accentActive;
    kColourOnAccent = p.onAccent;
    kColourGood = p.good;
    kColourGoodBg = p.goodBg;
    kColourBad = p.bad;
    kColourBadBg = p.badBg;
    kColourWarning = p.warning;
    kColourMuted = p.muted;
    kColourBarTrack = p.barTrack;
    kColourBarValue = p.barValue;
    kColourBarDifficulty = p.barDifficulty;
    kColourBarTarget = p.barTarget;
}

// One style colour of a theme: the ImGui slot and its colour.
struct StyleColour {
    ImGuiCol slot;
    ImU32 colour;
};

constexpr StyleColour kDarkColours[] = {
    {ImGuiCol_Text, IM_COL32(229, 231, 235, 255)},
    {ImGuiCol_TextDisabled, IM_COL32(156, 163, 175, 255)},
    {ImGuiCol_WindowBg, IM_COL32(17, 24, 39, 255)},
    {ImGuiCol_ChildBg, IM_COL32(24, 32, 48, 255)},
    {ImGuiCol_PopupBg, IM_COL32(31, 41, 55, 255)},
    {ImGuiCol_Border, IM_COL32(55, 65, 81, 255)},
    {ImGuiCol_FrameBg, IM_COL32(31, 41, 55, 255)},
    {ImGuiCol_FrameBgHovered, IM_COL32(40, 54, 74, 255)},
    {ImGuiCol_FrameBgActive, IM_COL32(30, 58, 138, 255)},
    {ImGuiCol_Button, IM_COL32(45, 55, 72, 255)},
    {ImGuiCol_ButtonHovered, IM_COL32(30, 64, 175, 255)},
    {ImGuiCol_ButtonActive, IM_COL32(37, 99, 235, 255)},
    {ImGuiCol_Header, IM_COL32(30, 58, 138, 255)},
    {ImGuiCol_HeaderHovered, IM_COL32(37, 55, 100, 255)},
    {ImGuiCol_HeaderActive, IM_COL32(37, 99, 235, 255)},
    {ImGuiCol_Tab, IM_COL32(31, 41, 55, 255)},
    {ImGuiCol_TabHovered, IM_COL32(30, 64, 175, 255)},
    {ImGuiCol_TabActive, IM_COL32(30, 58, 138, 255)},
    {ImGuiCol_TabUnfocused, IM_COL32(31, 41, 55, 255)},
    {ImGuiCol_TabUnfocusedActive, IM_COL32(30, 58, 138, 255)},
    {ImGuiCol_TableHeaderBg, IM_COL32(31, 41, 55, 255)},
    {ImGuiCol_TableBorderStrong, IM_COL32(55, 65, 81, 255)},
    {ImGuiCol_TableBorderLight, IM_COL32(45, 55, 72, 255)},
    {ImGuiCol_TableRowBg, IM_COL32(24, 32, 48, 255)},
    {ImGuiCol_TableRowBgAlt, IM_COL32(29, 38, 56, 255)},
    {ImGuiCol_Separator, IM_COL32(55, 65, 81, 255)},
    {ImGuiCol_ScrollbarBg, IM_COL32(17, 24, 39, 255)},
    {ImGuiCol_ScrollbarGrab, IM_COL32(75, 85, 99, 255)},
    {ImGuiCol_ScrollbarGrabHovered, IM_COL32(107, 114, 128, 255)},
    {ImGuiCol_ScrollbarGrabActive, IM_COL32(156, 163, 175, 255)},
    {ImGuiCol_NavHighlight, IM_COL32(96, 165, 250, 255)},
    {ImGuiCol_ModalWindowDimBg, IM_COL32(0, 0, 0, 140)},
};

// Selections are dark blue (0, 70, 140) and the accent yellow, against black and white.
constexpr StyleColour kHighContrastColours[] = {
    {ImGuiCol_Text, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_TextDisabled, IM_COL32(220, 220, 220, 255)},
    {ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_PopupBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_Border, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_FrameBgHovered, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_FrameBgActive, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_Button, IM_COL32(30, 30, 30, 255)},
    {ImGuiCol_ButtonHovered, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_ButtonActive, IM_COL32(0, 100, 200, 255)},
    {ImGuiCol_Header, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_HeaderHovered, IM_COL32(0, 50, 100, 255)},
    {ImGuiCol_HeaderActive, IM_COL32(0, 100, 200, 255)},
    {ImGuiCol_Tab, IM_COL32(30, 30, 30, 255)},
    {ImGuiCol_TabHovered, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_TabActive, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_TabUnfocused, IM_COL32(30, 30, 30, 255)},
    {ImGuiCol_TabUnfocusedActive, IM_COL32(0, 70, 140, 255)},
    {ImGuiCol_TableHeaderBg, IM_COL32(30, 30, 30, 255)},
    {ImGuiCol_TableBorderStrong, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_TableBorderLight, IM_COL32(150, 150, 150, 255)},
    {ImGuiCol_TableRowBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_TableRowBgAlt, IM_COL32(20, 20, 20, 255)},
    {ImGuiCol_CheckMark, IM_COL32(255, 221, 0, 255)},
    {ImGuiCol_SliderGrab, IM_COL32(255, 221, 0, 255)},
    {ImGuiCol_Separator, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_ScrollbarBg, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_ScrollbarGrab, IM_COL32(200, 200, 200, 255)},
    {ImGuiCol_ScrollbarGrabHovered, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_ScrollbarGrabActive, IM_COL32(255, 221, 0, 255)},
    {ImGuiCol_NavHighlight, IM_COL32(255, 221, 0, 255)},
    {ImGuiCol_ModalWindowDimBg, IM_COL32(0, 0, 0, 180)},
};

template <std::size_t N>
void applyColours(const StyleColour (&table)[N]) {
    ImVec4* colours = ImGui::GetStyle().Colors;
    for (const StyleColour& entry : table) {
        colours[entry.slot] = ImGui::ColorConvertU32ToFloat4(entry.colour);
    }
}

void applyHighContrastColours() {
    ImGuiStyle& style = ImGui::GetStyle();
    style.FrameBorderSize = 2.0f;
    style.ChildBorderSize = 2.0f;
    style.PopupBorderSize = 2.0f;
    applyColours(kHighContrastColours);
}

}  // namespace

void applyTheme(Theme theme) {
    switch (theme) {
        case Theme::Light: usePalette(kLightPalette); break;
        case Theme::Dark: usePalette(kDarkPalette); break;
        case Theme::HighContrast: usePalette(kHighContrastPalette); break;
    }
    // The light theme sets the sizes every theme shares; the others then replace colours.
    applyLightTheme();
    if (theme == Theme::Dark) applyColours(kDarkColours);
    if (theme == Theme::HighContrast) applyHighContrastColours();
}

const char* toString(Theme theme) {
    switch (theme) {
        case Theme::Light: return "light";
        case Theme::Dark: return "dark";
        case Theme::HighContrast: return "high_contrast";
    }
    return "light";
}

std::optional<Theme> parseTheme(std::string_view name) {
    if (name == "light") return Theme::Light;
    if (name == "dark") return Theme::Dark;
    if (name == "high_contrast") return Theme::HighContrast;
    return std::nullopt;
}

void clearColour(float rgba[4]) {
    ImVec4 colour = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    rgba[0] = colour.x;
    rgba[1] = colour.y;
    rgba[2] = colour.z;
    rgba[3] = 1.0f;
}

}  // namespace baton::ui
