#include "ui/themes.h"

#include <imgui.h>

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

void applyDarkColours() {
    ImVec4* colours = ImGui::GetStyle().Colors;
    colours[ImGuiCol_Text] = ImColor(229, 231, 235);
    colours[ImGuiCol_TextDisabled] = ImColor(156, 163, 175);
    colours[ImGuiCol_WindowBg] = ImColor(17, 24, 39);
    colours[ImGuiCol_ChildBg] = ImColor(24, 32, 48);
    colours[ImGuiCol_PopupBg] = ImColor(31, 41, 55);
    colours[ImGuiCol_Border] = ImColor(55, 65, 81);
    colours[ImGuiCol_FrameBg] = ImColor(31, 41, 55);
    colours[ImGuiCol_FrameBgHovered] = ImColor(40, 54, 74);
    colours[ImGuiCol_FrameBgActive] = ImColor(30, 58, 138);
    colours[ImGuiCol_Button] = ImColor(45, 55, 72);
    colours[ImGuiCol_ButtonHovered] = ImColor(30, 64, 175);
    colours[ImGuiCol_ButtonActive] = ImColor(37, 99, 235);
    colours[ImGuiCol_Header] = ImColor(30, 58, 138);
    colours[ImGuiCol_HeaderHovered] = ImColor(37, 55, 100);
    colours[ImGuiCol_HeaderActive] = ImColor(37, 99, 235);
    colours[ImGuiCol_Tab] = ImColor(31, 41, 55);
    colours[ImGuiCol_TabHovered] = ImColor(30, 64, 175);
    colours[ImGuiCol_TabActive] = ImColor(30, 58, 138);
    colours[ImGuiCol_TabUnfocused] = ImColor(31, 41, 55);
    colours[ImGuiCol_TabUnfocusedActive] = ImColor(30, 58, 138);
    colours[ImGuiCol_TableHeaderBg] = ImColor(31, 41, 55);
    colours[ImGuiCol_TableBorderStrong] = ImColor(55, 65, 81);
    colours[ImGuiCol_TableBorderLight] = ImColor(45, 55, 72);
    colours[ImGuiCol_TableRowBg] = ImColor(24, 32, 48);
    colours[ImGuiCol_TableRowBgAlt] = ImColor(29, 38, 56);
    colours[ImGuiCol_Separator] = ImColor(55, 65, 81);
    colours[ImGuiCol_ScrollbarBg] = ImColor(17, 24, 39);
    colours[ImGuiCol_ScrollbarGrab] = ImColor(75, 85, 99);
    colours[ImGuiCol_ScrollbarGrabHovered] = ImColor(107, 114, 128);
    colours[ImGuiCol_ScrollbarGrabActive] = ImColor(156, 163, 175);
    colours[ImGuiCol_NavHighlight] = ImColor(96, 165, 250);
    colours[ImGuiCol_ModalWindowDimBg] = ImColor(0, 0, 0, 140);
}

void applyHighContrastColours() {
    ImGuiStyle& style = ImGui::GetStyle();
    style.FrameBorderSize = 2.0f;
    style.ChildBorderSize = 2.0f;
    style.PopupBorderSize = 2.0f;
    ImVec4* colours = style.Colors;
    ImColor black(0, 0, 0);
    ImColor white(255, 255, 255);
    ImColor yellow(255, 221, 0);
    ImColor selected(0, 70, 140);
    colours[ImGuiCol_Text] = white;
    colours[ImGuiCol_TextDisabled] = ImColor(220, 220, 220);
    colours[ImGuiCol_WindowBg] = black;
    colours[ImGuiCol_ChildBg] = black;
    colours[ImGuiCol_PopupBg] = black;
    colours[ImGuiCol_Border] = white;
    colours[ImGuiCol_FrameBg] = black;
    colours[ImGuiCol_FrameBgHovered] = selected;
    colours[ImGuiCol_FrameBgActive] = selected;
    colours[ImGuiCol_Button] = ImColor(30, 30, 30);
    colours[ImGuiCol_ButtonHovered] = selected;
    colours[ImGuiCol_ButtonActive] = ImColor(0, 100, 200);
    colours[ImGuiCol_Header] = selected;
    colours[ImGuiCol_HeaderHovered] = ImColor(0, 50, 100);
    colours[ImGuiCol_HeaderActive] = ImColor(0, 100, 200);
    colours[ImGuiCol_Tab] = ImColor(30, 30, 30);
    colours[ImGuiCol_TabHovered] = selected;
    colours[ImGuiCol_TabActive] = selected;
    colours[ImGuiCol_TabUnfocused] = ImColor(30, 30, 30);
    colours[ImGuiCol_TabUnfocusedActive] = selected;
    colours[ImGuiCol_TableHeaderBg] = ImColor(30, 30, 30);
    colours[ImGuiCol_TableBorderStrong] = white;
    colours[ImGuiCol_TableBorderLight] = ImColor(150, 150, 150);
    colours[ImGuiCol_TableRowBg] = black;
    colours[ImGuiCol_TableRowBgAlt] = ImColor(20, 20, 20);
    colours[ImGuiCol_CheckMark] = yellow;
    colours[ImGuiCol_SliderGrab] = yellow;
    colours[ImGuiCol_Separator] = white;
    colours[ImGuiCol_ScrollbarBg] = black;
    colours[ImGuiCol_ScrollbarGrab] = ImColor(200, 200, 200);
    colours[ImGuiCol_ScrollbarGrabHovered] = white;
    colours[ImGuiCol_ScrollbarGrabActive] = yellow;
    colours[ImGuiCol_NavHighlight] = yellow;
    colours[ImGuiCol_ModalWindowDimBg] = ImColor(0, 0, 0, 180);
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
    if (theme == Theme::Dark) applyDarkColours();
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
