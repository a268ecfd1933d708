// The shared machinery of the app's data tables (Employees, Clients). It draws an ImGui
// table that sorts by any column and hides columns from the header's context menu, and it
// shows 100,000 rows through ImGuiListClipper. Its multi-row selection goes to the clipboard
// as tab-separated text on Ctrl+C (Cmd+C on macOS) or the Copy button. The row order comes
// from orderRows() in app/table_rows.h, which has no ImGui in it.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "app/table_rows.h"

namespace baton::ui {

struct TableColumn {
    const char* label = "";
    ImGuiTableColumnFlags flags = 0;
    float widthOrWeight = 0.0f;  // pixels for a fixed column, a share for a stretch column
    // For a stretch column, the pixels below which its text is too cut to read: the table
    // scrolls sideways rather than squeeze the column below it.
    float minimumWidth = 0.0f;
    // Shown when the header is hovered: the full name of a column with a short header.
    const char* tooltip = nullptr;
};

// Returns a stretch column of text that needs `readableWidth` pixels (see TextWidth). Its
// first share of the width is in proportion to that need; a resize by the user replaces it.
TableColumn textColumn(const char* label, float readableWidth);

// Returns the table flags and the inner width for ImGui::BeginTable() of the table `id`
// with `columns`: ScrollX with the sum of the columns' widths when they do not fit in the
// width left in the window, else no ScrollX. The table's last frame, when there is one,
// gives the columns the user hid and the widths of the fixed columns (their first width,
// or the user's resize), so call it in the window and ID scope of BeginTable().
struct TableWidth {
    ImGuiTableFlags flags = 0;
    float inner = 0.0f;
};
TableWidth tableWidth(const char* id, const std::vector<TableColumn>& columns);

// A table of a panel with more below it (the cycle's tables). Its columns take the readable
// widths of `columns` (see tableWidth). When they do not fit, the table scrolls sideways
// with its first `frozenColumns` columns kept in view. A table that scrolls is a child
// window, so it takes the height of its rows as measured in the last frame, at most
// `maximumHeight` pixels, and scrolls down as well above that. Headers are recorded as for
// TableView.
class FittedTable {
public:
    bool begin(const char* id, const std::vector<TableColumn>& columns, ImGuiTableFlags flags,
               int frozenColumns = 1, float maximumHeight = 0.0f);
    // Measures the rows' height for the next frame and ends the table.
    void end();

private:
    float m_contentHeight = 0.0f;  // header and rows, from the last frame; 0 before the first
};

// The state of a table as drawn in the last frame, for the page's tableState() test hook.
struct TableSnapshot {
    int shown = 0;
    int selected = 0;
    float scrollY = 0.0f;
    std::vector<std::string> firstIds;     // the first rows in display order, up to 20
    std::vector<std::string> selectedIds;  // the first selected rows, up to 20
    std::string lastCopy;
};

// Returns the snapshot of the table begun as `id`, or nullptr when none was drawn.
const TableSnapshot* tableSnapshot(const std::string& id);

// Flags of a fixed-width column whose first sort is descending (scores and counts).
inline constexpr ImGuiTableColumnFlags kDescendingFirstColumn =
    ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending;

// Returns the id column that every data table starts with: the default sort, never hidden,
// at least `minimumEm` font sizes wide and at least `contentWidth` pixels.
TableColumn idColumn(float minimumEm, float contentWidth = 0.0f);

// Draws the header row of the current table, each header recorded as the widget
// "<tableId>.header.<column>", with the tooltip of its entry in `columns` when given.
void drawRecordedHeaders(const std::string& tableId,
                         const std::vector<TableColumn>* columns = nullptr);

// Returns the text of row `index` (an index into the source data) in `column`.
using CellText = std::function<std::string(int index, int column)>;

class TableView {
public:
    // Begins the table `id` filling the space left, with one header per column recorded
    // as the widget "<id>.header.<column>". Returns false when ImGui skips it
    // (collapsed or clipped); otherwise call drawRows() and end().
    bool begin(const char* id, const std::vector<TableColumn>& columns);
    // Ends the table begun by begin(), first serving a copy that the user requested.
    void end(const CellText& cellText);

    // The order request for the current sort, for orderRows().
    RowOrderRequest orderRequest(int rowCount) const;
    // True when the rows must be ordered again: the sort changed or markDirty() was called.
    bool needsOrder() const { return m_dirty; }
    void markDirty() { m_dirty = true; }
    // Sets the rows shown, in display order. `sourceCount` is the number of source rows;
    // a new count (another workspace) clears the selection.
    void setRows(std::vector<int> rows, int sourceCount);
    const std::vector<int>& rows() const { return m_rows; }

    // Draws the visible rows; `drawRow(index)` starts a row with ImGui::TableNextRow().
    void drawRows(const std::function<void(int index)>& drawRow);
    // Draws a selectable spanning the current row, labelled `label`. A click selects the
    // row alone, Ctrl+click (Cmd on macOS) toggles it, Shift+click selects the range from
    // the last clicked row. Returns true when the row was clicked.
    bool selectable(int index, const char* label);

    bool isSelected(int index) const;
    int selectedCount() const;
    // Copies the selected rows (all shown rows when none is selected) at the next end().
    void requestCopy() { m_copyRequested = true; }
    // Draws the Copy button, which calls requestCopy(), recorded as the widget `name`.
    // Call it before begin(), beside the table's filter.
    void drawCopyButton(const std::string& name);
    // The text the last copy put on the clipboard, for tests and the log.
    const std::string& lastCopy() const { return m_lastCopy; }

private:
    void handleKeys();
    std::string selectionText(const CellText& cellText) const;
    void updateSnapshot(const CellText& cellText);

    std::string m_id;
    std::vector<int> m_rows;
    // Whether each source row is selected, indexed like the source data.
    std::vector<char> m_selected;
    // The display position of the last row clicked without Shift, for Shift+click ranges.
    int m_anchor = -1;
    int m_sortColumn = 0;
    bool m_descending = false;
    bool m_dirty = true;
    bool m_copyRequested = false;
    std::string m_lastCopy;
    // True when the rows or the selection changed since the snapshot was taken.
    bool m_snapshotStale = true;
    // The language of the headers drawn last, "" before the first frame.
    std::string m_locale;
};

// True when the platform's shortcut modifier is down: Cmd on macOS, else Ctrl.
bool shortcutModifier();

}  // namespace baton::ui
