// Small drawing helpers shared by the panels: the light theme, right-aligned numbers, table
// cells cut with an ellipsis, primary buttons, certificate badges and value-versus-target bars.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace baton::ui {

// Colours of the current theme that panels use beyond ImGui's style. They start as the
// light theme's and applyTheme() (ui/themes.h) replaces them, so they are variables.
inline ImU32 kColourAccent = IM_COL32(37, 99, 235, 255);
inline ImU32 kColourAccentHover = IM_COL32(29, 78, 216, 255);
inline ImU32 kColourAccentActive = IM_COL32(30, 64, 175, 255);
inline ImU32 kColourGood = IM_COL32(21, 128, 61, 255);
inline ImU32 kColourGoodBg = IM_COL32(220, 252, 231, 255);
inline ImU32 kColourBad = IM_COL32(185, 28, 28, 255);
inline ImU32 kColourBadBg = IM_COL32(254, 226, 226, 255);
inline ImU32 kColourWarning = IM_COL32(180, 83, 9, 255);
inline ImU32 kColourMuted = IM_COL32(100, 108, 122, 255);
inline ImU32 kColourBarTrack = IM_COL32(229, 231, 235, 255);
inline ImU32 kColourBarValue = IM_COL32(59, 130, 246, 255);
inline ImU32 kColourBarDifficulty = IM_COL32(245, 158, 11, 255);
inline ImU32 kColourBarTarget = IM_COL32(17, 24, 39, 255);
// Text on an accent-coloured button.
inline ImU32 kColourOnAccent = IM_COL32(255, 255, 255, 255);

// Sets ImGui's style to the app's light theme, sized in CSS pixels.
void applyLightTheme();

// Returns "text###id", a label whose ImGui id stays the same in every language.
std::string labelWithId(const char* text, const char* id);

// Draws text right-aligned in the space left on the current line (a table cell).
void textRight(const char* text);
void textRightFormat(const char* format, ...) IM_FMTARGS(1);
// Draws text in a colour.
void textColoured(ImU32 colour, const char* text);
// Options of textEllipsis().
struct EllipsisOptions {
    ImU32 colour = 0;           // the text colour; 0 keeps the style's
    float reserveRight = 0.0f;  // pixels kept free right of the text, for a marker after it
    bool tooltip = true;        // false when the caller's own tooltip already shows the text
};
// Draws text on one line in the width left on the current line (a table cell). Text wider
// than that is cut with "…" and shows whole in a tooltip on hover. Returns true when cut.
bool textEllipsis(const char* text, const EllipsisOptions& options = {});
// Draws text wrapped at the right edge of the content region, breaking Chinese text
// between characters as well as at spaces (see ui/text_wrap.h).
// With `width` above 0, lines wrap at that width instead, as a tooltip needs.
void textWrappedMixed(const char* text, float width = 0.0f);
// textWrappedMixed() in `colour`, such as ImGui::GetColorU32(ImGuiCol_TextDisabled) for a hint.
void textWrappedColoured(ImU32 colour, const char* text, float width = 0.0f);

// Draws a button in the accent colour, for the main action of a panel.
bool primaryButton(const char* label);

// Draws a pill with a tick or a cross and a label, with `help` as its tooltip. After
// SameLine(), it moves to a new line when the rest of the line is too short for it. A
// failed measure that is reported but not guaranteed (`guaranteed` false) is amber with
// an exclamation mark rather than red with a cross.
void badge(const char* label, bool passed, const char* help, bool guaranteed = true);
// Draws a grey pill with `text` and no mark, for a measure that does not apply; `id` is
// its ImGui id.
void neutralBadge(const char* id, const char* text, const char* help);

// Draws a bar of `received` in the current cell with a tick at `target`, scaled so that
// `scaleMax` fills the bar, and a short `text` (such as "96%") right of it.
void targetBar(double received, double target, double scaleMax, ImU32 colour, const char* text);

// Begins a tab bar whose tabs, drawn with beginRecordedTab(), have narrow side padding.
bool beginTabRow(const char* id);

// Begins a tab item labelled `text` whose rectangle is recorded as "tab.<id>". Returns
// true when the tab is open; the caller then draws its content and calls EndTabItem().
bool beginRecordedTab(const char* text, const char* id);
// Selects the tab with `id` the next time beginRecordedTab() draws it, so that the guided
// tour can open the tab it points at. Requests for nested tab bars may be pending at once.
void requestTab(const char* id);
void clearTabRequests();

// Returns a fixed column's width: `minimumEm` font sizes, or more when the header label
// and its sort arrow need more.
float columnWidth(const char* label, float minimumEm);

// The width of the widest text measured, in font sizes (em), so that a table column can
// take the width its content needs. Measure while the table's font is the current one.
class TextWidth {
public:
    void clear() { m_widestEm = 0.0f; }
    void add(std::string_view text);
    // Returns the widest text's width plus half a font size of margin, held between
    // `minimumEm` and `maximumEm`, in pixels at the current font size.
    float pixels(float minimumEm, float maximumEm) const;

private:
    float m_widestEm = 0.0f;
};

// Copies the current table's sort order into `column` and `descending` when the user
// changed it. Returns true when it changed, so that the rows must be sorted again.
bool takeSortSpecs(int& column, bool& descending);

// Draws `label` as a selectable that spans the current table row, under the row's other
// widgets. Returns true when it was clicked.
bool rowSelectable(const char* label, bool selected);

// Shows `text` in a tooltip when the last item is hovered, and with `whenDisabled` also
// when that item is disabled (to give the reason). The tooltip's window is recorded as the
// widget "tooltip", so that the e2e tests can check what it covers.
void tooltipForLastItem(const char* text, bool whenDisabled = false);

// Draws a section heading: spacing, the text in the accent colour, and a separator.
void sectionHeading(const char* text);

}  // namespace baton::ui
