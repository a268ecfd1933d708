#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ui/text_wrap.h"
#include "ui/widget_registry.h"

namespace baton::ui {

void applyLightTheme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(14.0f, 10.0f);
    style.FramePadding = ImVec2(8.0f, 4.0f);
    style.CellPadding = ImVec2(8.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 7.0f);
    style.ItemInnerSpacing = ImVec2(6.0f, 4.0f);
    style.ScrollbarSize = 14.0f;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 5.0f;
    style.PopupRounding = 6.0f;
    style.ScrollbarRounding = 7.0f;
    style.GrabRounding = 5.0f;
    style.TabRounding = 5.0f;
    style.FrameBorderSize = 1.0f;
    style.ChildBorderSize = 1.0f;
    style.PopupBorderSize = 1.0f;
    style.WindowBorderSize = 0.0f;

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_Text] = ImColor(31, 35, 40);
    colours[ImGuiCol_TextDisabled] = ImColor(107, 114, 128);
    colours[ImGuiCol_WindowBg] = ImColor(244, 245, 247);
    colours[ImGuiCol_ChildBg] = ImColor(255, 255, 255);
    colours[ImGuiCol_PopupBg] = ImColor(255, 255, 255);
    colours[ImGuiCol_Border] = ImColor(214, 218, 225);
    colours[ImGuiCol_FrameBg] = ImColor(255, 255, 255);
    colours[ImGuiCol_FrameBgHovered] = ImColor(239, 246, 255);
    colours[ImGuiCol_FrameBgActive] = ImColor(219, 234, 254);
    colours[ImGuiCol_Button] = ImColor(236, 239, 243);
    colours[ImGuiCol_ButtonHovered] = ImColor(219, 234, 254);
    colours[ImGuiCol_ButtonActive] = ImColor(191, 219, 254);
    colours[ImGuiCol_Header] = ImColor(219, 234, 254);
    colours[ImGuiCol_HeaderHovered] = ImColor(229, 238, 253);
    colours[ImGuiCol_HeaderActive] = ImColor(191, 219, 254);
    colours[ImGuiCol_Tab] = ImColor(226, 230, 236);
    colours[ImGuiCol_TabHovered] = ImColor(219, 234, 254);
    colours[ImGuiCol_TabActive] = ImColor(191, 219, 254);
    colours[ImGuiCol_TabUnfocused] = ImColor(226, 230, 236);
    colours[ImGuiCol_TabUnfocusedActive] = ImColor(191, 219, 254);
    colours[ImGuiCol_TableHeaderBg] = ImColor(238, 241, 245);
    colours[ImGuiCol_TableBorderStrong] = ImColor(214, 218, 225);
    colours[ImGuiCol_TableBorderLight] = ImColor(232, 235, 240);
    colours[ImGuiCol_TableRowBg] = ImColor(255, 255, 255);
    colours[ImGuiCol_TableRowBgAlt] = ImColor(248, 249, 251);
    colours[ImGuiCol_CheckMark] = ImColor(kColourAccent);
    colours[ImGuiCol_SliderGrab] = ImColor(kColourAccent);
    colours[ImGuiCol_Separator] = ImColor(214, 218, 225);
    colours[ImGuiCol_ScrollbarBg] = ImColor(244, 245, 247);
    colours[ImGuiCol_ScrollbarGrab] = ImColor(196, 201, 209);
    colours[ImGuiCol_ModalWindowDimBg] = ImColor(17, 24, 39, 90);
}

std::string labelWithId(const char* text, const char* id) {
    std::string label = text;
    label += "###";
    label += id;
    return label;
}

void textRight(const char* text) {
    float width = ImGui::CalcTextSize(text).x;
    float available = ImGui::GetContentRegionAvail().x;
    if (available > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + available - width);
    ImGui::TextUnformatted(text);
}

void textRightFormat(const char* format, ...) {
    char buffer[128];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    textRight(buffer);
}

void textColoured(ImU32 colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

bool textEllipsis(const char* text, const EllipsisOptions& options) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const char* end = text + std::strlen(text);
    ImVec2 size = ImGui::CalcTextSize(text, end);
    float width = ImGui::GetContentRegionAvail().x - options.reserveRight;
    bool cut = size.x > width;
    if (options.colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, options.colour);
    if (!cut) {
        ImGui::TextUnformatted(text, end);
    } else {
        // The box starts where TextUnformatted() starts a line, so that a line aligned with
        // AlignTextToFramePadding() keeps its offset.
        width = std::max(width, 1.0f);
        ImVec2 min(window->DC.CursorPos.x,
                   window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
        ImRect box(min, ImVec2(min.x + width, min.y + size.y));
        ImGui::ItemSize(ImVec2(width, size.y), 0.0f);
        if (ImGui::ItemAdd(box, 0)) {
            ImGui::RenderTextEllipsis(window->DrawList, box.Min, box.Max, box.Max.x, box.Max.x,
                                      text, end, &size);
        }
    }
    if (options.colour != 0) ImGui::PopStyleColor();
    if (cut && options.tooltip) tooltipForLastItem(text);
    return cut;
}

void textWrappedMixed(const char* text, float width) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    auto advance = [&](std::string_view character) {
        const char* begin = character.data();
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, begin + character.size()).x;
    };
    if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
    width = std::max(width, size);
    // A group keeps every line at the first one's x, as after a bullet or SameLine().
    ImGui::BeginGroup();
    for (std::string_view line : wrapLines(text, width, advance)) {
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
    }
    ImGui::EndGroup();
}

void textWrappedColoured(ImU32 colour, const char* text, float width) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    textWrappedMixed(text, width);
    ImGui::PopStyleColor();
}

bool primaryButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, kColourAccent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kColourAccentHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, kColourAccentActive);
    ImGui::PushStyleColor(ImGuiCol_Text, kColourOnAccent);
    ImGui::PushStyleColor(ImGuiCol_Border, kColourAccentActive);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16.0f, 6.0f));
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return pressed;
}

namespace {

// Draws `text` in a pill of the given colours, as an invisible button with the id `id`.
void pill(const char* id, const char* text, ImU32 background, ImU32 foreground, const char* help) {
    ImVec2 padding(10.0f, 3.0f);
    ImVec2 textSize = ImGui::CalcTextSize(text);
    ImVec2 size(textSize.x + 2.0f * padding.x, textSize.y + 2.0f * padding.y);
    if (ImGui::GetContentRegionAvail().x < size.x) ImGui::NewLine();
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(min.x + size.x, min.y + size.y);
    draw->AddRectFilled(min, max, background, size.y * 0.5f);
    draw->AddText(ImVec2(min.x + padding.x, min.y + padding.y), foreground, text);
    tooltipForLastItem(help);
}

}  // namespace

void badge(const char* label, bool passed, const char* help, bool guaranteed) {
    bool amber = !passed && !guaranteed;
    const char* mark = passed ? "✓" : (amber ? "!" : "✗");
    char text[160];
    std::snprintf(text, sizeof text, "%s %s", mark, label);
    // The amber background is the warning colour at low opacity, so that it follows the theme.
    ImU32 amberBg = (kColourWarning & ~IM_COL32_A_MASK) | (IM_COL32(0, 0, 0, 38) & IM_COL32_A_MASK);
    ImU32 background = passed ? kColourGoodBg : (amber ? amberBg : kColourBadBg);
    ImU32 foreground = passed ? kColourGood : (amber ? kColourWarning : kColourBad);
    pill(label, text, background, foreground, help);
}

void neutralBadge(const char* id, const char* text, const char* help) {
    ImU32 background = ImGui::GetColorU32(ImGuiCol_FrameBg);
    ImU32 foreground = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    pill(id, text, background, foreground, help);
}

void targetBar(double received, double target, double scaleMax, ImU32 colour, const char* text) {
    // The short text (a percentage) sits right of the bar in a slot of fixed width, so
    // that the bars of all rows start and scale alike and the target tick never crosses it.
    float slot = ImGui::CalcTextSize("0000%").x + 6.0f;
    float total = std::max(ImGui::GetContentRegionAvail().x, slot + 40.0f);
    float width = total - slot;
    float height = ImGui::GetTextLineHeight();
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(total, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    double scale = scaleMax > 0.0 ? width / scaleMax : 0.0;
    float filled = static_cast<float>(std::clamp(received * scale, 0.0, double(width)));
    float tick = static_cast<float>(std::clamp(target * scale, 0.0, double(width)));
    float top = min.y + height * 0.15f;
    float bottom = min.y + height * 0.85f;
    draw->AddRectFilled(ImVec2(min.x, top), ImVec2(min.x + width, bottom), kColourBarTrack, 3.0f);
    if (filled > 0.0f) {
        draw->AddRectFilled(ImVec2(min.x, top), ImVec2(min.x + filled, bottom), colour, 3.0f);
    }
    draw->AddLine(ImVec2(min.x + tick, min.y), ImVec2(min.x + tick, min.y + height),
                  kColourBarTarget, 2.0f);
    float textWidth = ImGui::CalcTextSize(text).x;
    draw->AddText(ImVec2(min.x + total - textWidth, min.y), ImGui::GetColorU32(ImGuiCol_Text),
                  text);
}

namespace {
std::vector<std::string> g_requestedTabs;
}  // namespace

void requestTab(const char* id) {
    g_requestedTabs.emplace_back(id);
}
void clearTabRequests() {
    g_requestedTabs.clear();
}

namespace {

// Narrow side padding and gaps let a row of eleven tabs keep whole labels on a laptop
// screen: with the style's 6-pixel gaps, "Workspaces" was cut at 1280 pixels wide. The
// tab bar sizes its tabs with the padding in force at BeginTabBar and draws each label
// with the one at BeginTabItem, and it lays the row out, gaps included, at the first
// BeginTabItem, so both use this. It pushes two style variables. Returns the padding.
float pushTabPadding() {
    float padding = std::max(3.0f, ImGui::GetFontSize() * 0.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(
        ImGuiStyleVar_ItemInnerSpacing,
        ImVec2(std::max(2.0f, ImGui::GetFontSize() * 0.15f), ImGui::GetStyle().ItemInnerSpacing.y));
    return padding;
}

}  // namespace

bool beginTabRow(const char* id) {
    pushTabPadding();
    bool open = ImGui::BeginTabBar(id);
    ImGui::PopStyleVar(2);
    return open;
}

bool beginRecordedTab(const char* text, const char* id) {
    ImGuiTabItemFlags flags = ImGuiTabItemFlags_None;
    auto requested = std::find(g_requestedTabs.begin(), g_requestedTabs.end(), id);
    if (requested != g_requestedTabs.end()) {
        flags |= ImGuiTabItemFlags_SetSelected;
        g_requestedTabs.erase(requested);
    }
    float padding = pushTabPadding();
    bool open = ImGui::BeginTabItem(labelWithId(text, id).c_str(), nullptr, flags);
    ImGui::PopStyleVar(2);
    recordWidget(std::string("tab.") + id);
    // A tab squeezed below its label's width shows the whole label on hover.
    float natural = ImGui::CalcTextSize(text, nullptr, true).x + 2.0f * padding;
    if (ImGui::GetItemRectSize().x + 0.5f < natural && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", text);
    }
    return open;
}

float columnWidth(const char* label, float minimumEm) {
    float em = ImGui::GetFontSize();
    return std::max(em * minimumEm, ImGui::CalcTextSize(label, nullptr, true).x + em * 1.2f);
}

void TextWidth::add(std::string_view text) {
    float em = ImGui::GetFontSize();
    float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    m_widestEm = std::max(m_widestEm, width / em);
}

float TextWidth::pixels(float minimumEm, float maximumEm) const {
    return std::clamp(m_widestEm + 0.5f, minimumEm, maximumEm) * ImGui::GetFontSize();
}

bool takeSortSpecs(int& column, bool& descending) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || !specs->SpecsDirty) return false;
    if (specs->SpecsCount > 0) {
        column = specs->Specs[0].ColumnIndex;
        descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    return true;
}

void tooltipForLastItem(const char* text, bool whenDisabled) {
    ImGuiHoveredFlags flags = whenDisabled ? ImGuiHoveredFlags_AllowWhenDisabled : 0;
    if (text == nullptr || *text == '\0' || !ImGui::IsItemHovered(flags)) return;
    ImGui::BeginTooltip();
    textWrappedMixed(text, ImGui::GetFontSize() * 28.0f);
    recordWindow("tooltip");
    ImGui::EndTooltip();
}

bool rowSelectable(const char* label, bool selected) {
    ImGuiSelectableFlags flags =
        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap;
    return ImGui::Selectable(label, selected, flags);
}

void sectionHeading(const char* text) {
    ImGui::Spacing();
    textColoured(kColourAccent, text);
    ImGui::Separator();
}

}  // namespace baton::ui
