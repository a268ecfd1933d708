#include "ui/table_view.h"

#include <imgui_internal.h>

#include <algorithm>
#include <map>
#include <utility>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr std::size_t kSnapshotRows = 20;

std::map<std::string, TableSnapshot>& snapshots() {
    static std::map<std::string, TableSnapshot> tables;
    return tables;
}

}  // namespace

const TableSnapshot* tableSnapshot(const std::string& id) {
    auto found = snapshots().find(id);
    return found == snapshots().end() ? nullptr : &found->second;
}

TableColumn idColumn(float minimumEm, float contentWidth) {
    return {tr(Str::ColumnId),
            ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed |
                ImGuiTableColumnFlags_NoHide,
            std::max(columnWidth(tr(Str::ColumnId), minimumEm), contentWidth)};
}

TableColumn textColumn(const char* label, float readableWidth) {
    return {label, ImGuiTableColumnFlags_WidthStretch, readableWidth, readableWidth};
}

TableWidth tableWidth(const char* id, const std::vector<TableColumn>& columns) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // BeginTable() takes the table's id from the same ID stack.
    const ImGuiTable* last = ImGui::TableFindByID(ImGui::GetID(id));
    if (last && last->ColumnsCount != static_cast<int>(columns.size())) last = nullptr;
    // Each column has cell padding on both sides and a border of one pixel.
    float total = 0.0f;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ImGuiTableColumn* lastColumn = last ? &last->Columns[static_cast<int>(i)] : nullptr;
        if (lastColumn && !lastColumn->IsEnabled) continue;
        const TableColumn& column = columns[i];
        bool stretch = (column.flags & ImGuiTableColumnFlags_WidthStretch) != 0;
        float width = stretch ? column.minimumWidth : column.widthOrWeight;
        if (!stretch && lastColumn && lastColumn->WidthRequest > 0.0f) {
            width = lastColumn->WidthRequest;
        }
        total += width + 2.0f * style.CellPadding.x + 1.0f;
    }
    // The vertical scroll bar takes its width from the same space.
    float available = ImGui::GetContentRegionAvail().x - style.ScrollbarSize;
    if (total <= available) return {};
    return {ImGuiTableFlags_ScrollX, total};
}

bool FittedTable::begin(const char* id, const std::vector<TableColumn>& columns,
                        ImGuiTableFlags flags, int frozenColumns, float maximumHeight) {
    TableWidth width = tableWidth(id, columns);
    flags |= width.flags;
    ImVec2 size(0.0f, 0.0f);
    if (width.flags != 0) {
        // A child window does not take its content's height, so it gets the rows' height
        // measured in the last frame plus the horizontal scroll bar. The first frame guesses
        // eight rows.
        const ImGuiStyle& style = ImGui::GetStyle();
        float rows = m_contentHeight > 0.0f ? m_contentHeight : ImGui::GetFrameHeight() * 8.0f;
        size.y = rows + style.ScrollbarSize + 2.0f;
    }
    if (maximumHeight > 0.0f && (size.y > maximumHeight || m_contentHeight > maximumHeight)) {
        flags |= ImGuiTableFlags_ScrollY;
        size.y = maximumHeight;
    }
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, size, width.inner)) {
        return false;
    }
    ImGui::TableSetupScrollFreeze(frozenColumns, 1);
    for (const TableColumn& column : columns) {
        ImGui::TableSetupColumn(column.label, column.flags, column.widthOrWeight);
    }
    drawRecordedHeaders(id, &columns);
    return true;
}

void FittedTable::end() {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    ImGuiWindow* inner = table->InnerWindow;
    bool child = inner != table->OuterWindow;
    float top = table->OuterRect.Min.y;
    ImGui::EndTable();
    // The rows' extent in this frame: in the child window when the table scrolls, else in
    // the panel, whose cursor is now below the table.
    if (child) {
        m_contentHeight = inner->DC.CursorMaxPos.y - inner->DC.CursorStartPos.y;
    } else {
        m_contentHeight = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y - top;
    }
}

bool shortcutModifier() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
}

bool TableView::begin(const char* id, const std::vector<TableColumn>& columns) {
    TableWidth width = tableWidth(id, columns);
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable |
                            ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_SizingStretchProp | width.flags;
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, ImVec2(0.0f, 0.0f),
                           width.inner)) {
        return false;
    }
    m_id = id;
    // The id column stays in view while the table scrolls sideways.
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const TableColumn& column : columns) {
        ImGui::TableSetupColumn(column.label, column.flags, column.widthOrWeight);
    }
    // ImGui keeps a fixed column's first width, so the fixed columns take the widths of the
    // new headers once the language changes. That replaces a width the user dragged.
    if (m_locale != locale()) {
        for (std::size_t i = 0; !m_locale.empty() && i < columns.size(); ++i) {
            if ((columns[i].flags & ImGuiTableColumnFlags_WidthFixed) == 0) continue;
            ImGui::TableSetColumnWidth(static_cast<int>(i), columns[i].widthOrWeight);
        }
        m_locale = locale();
    }
    drawRecordedHeaders(m_id, &columns);
    if (takeSortSpecs(m_sortColumn, m_descending)) m_dirty = true;
    return true;
}

// The same headers as ImGui::TableHeadersRow() (whose right-click menu chooses the
// columns), each recorded so that tests can click it to sort and read its width.
void drawRecordedHeaders(const std::string& tableId, const std::vector<TableColumn>* columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    int count = ImGui::TableGetColumnCount();
    for (int column = 0; column < count; ++column) {
        if (!ImGui::TableSetColumnIndex(column)) continue;
        ImGui::PushID(column);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        ImGui::PopID();
        recordWidget(tableId + ".header." + std::to_string(column));
        if (columns && column < static_cast<int>(columns->size())) {
            tooltipForLastItem((*columns)[static_cast<std::size_t>(column)].tooltip);
        }
    }
}

RowOrderRequest TableView::orderRequest(int rowCount) const {
    RowOrderRequest request;
    request.rowCount = rowCount;
    request.sortColumn = m_sortColumn;
    request.descending = m_descending;
    request.idColumn = 0;
    return request;
}

void TableView::setRows(std::vector<int> rows, int sourceCount) {
    m_rows = std::move(rows);
    if (static_cast<int>(m_selected.size()) != sourceCount) {
        m_selected.assign(static_cast<std::size_t>(std::max(0, sourceCount)), 0);
        m_anchor = -1;
    }
    m_dirty = false;
    m_snapshotStale = true;
}

void TableView::drawRows(const std::function<void(int index)>& drawRow) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            drawRow(m_rows[static_cast<std::size_t>(row)]);
        }
    }
}

void TableView::drawCopyButton(const std::string& name) {
    if (ImGui::Button(labelWithId(tr(Str::CopyRows), name.c_str()).c_str())) requestCopy();
    tooltipForLastItem(tr(Str::CopyRowsTooltip));
    recordWidget(name);
}

bool TableView::isSelected(int index) const {
    return index >= 0 && index < static_cast<int>(m_selected.size()) &&
           m_selected[static_cast<std::size_t>(index)] != 0;
}

int TableView::selectedCount() const {
    return static_cast<int>(std::count(m_selected.begin(), m_selected.end(), char(1)));
}

bool TableView::selectable(int index, const char* label) {
    if (!rowSelectable(label, isSelected(index))) return false;
    m_snapshotStale = true;
    if (index < 0 || index >= static_cast<int>(m_selected.size())) return true;
    const ImGuiIO& io = ImGui::GetIO();
    auto position = [this](int source) {
        auto found = std::find(m_rows.begin(), m_rows.end(), source);
        return found == m_rows.end() ? -1 : static_cast<int>(found - m_rows.begin());
    };
    int anchorPosition = m_anchor >= 0 ? position(m_anchor) : -1;
    if (io.KeyShift && anchorPosition >= 0) {
        int here = position(index);
        std::fill(m_selected.begin(), m_selected.end(), char(0));
        for (int p = std::min(here, anchorPosition); p <= std::max(here, anchorPosition); ++p) {
            m_selected[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(p)])] = 1;
        }
        return true;
    }
    if (shortcutModifier()) {
        m_selected[static_cast<std::size_t>(index)] ^= 1;
    } else {
        std::fill(m_selected.begin(), m_selected.end(), char(0));
        m_selected[static_cast<std::size_t>(index)] = 1;
    }
    m_anchor = index;
    return true;
}

// Ctrl+A selects every shown row, Ctrl+C copies, Escape clears the selection. They act
// only while this table's window has the focus and no text field takes the keys.
void TableView::handleKeys() {
    if (!ImGui::IsWindowFocused() || ImGui::GetIO().WantTextInput) return;
    if (shortcutModifier() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_A), false)) {
        for (int index : m_rows) m_selected[static_cast<std::size_t>(index)] = 1;
        m_snapshotStale = true;
    }
    if (shortcutModifier() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) {
        m_copyRequested = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        std::fill(m_selected.begin(), m_selected.end(), char(0));
        m_snapshotStale = true;
    }
}

// The header row names the visible columns; the rows follow in display order.
std::string TableView::selectionText(const CellText& cellText) const {
    int columnCount = ImGui::TableGetColumnCount();
    std::vector<int> visible;
    for (int c = 0; c < columnCount; ++c) {
        if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled) visible.push_back(c);
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::string> header;
    for (int c : visible) header.emplace_back(ImGui::TableGetColumnName(c));
    cells.push_back(std::move(header));
    bool any = selectedCount() > 0;
    for (int index : m_rows) {
        if (any && !isSelected(index)) continue;
        std::vector<std::string> row;
        for (int c : visible) row.push_back(cellText(index, c));
        cells.push_back(std::move(row));
    }
    return tabSeparated(cells);
}

void TableView::updateSnapshot(const CellText& cellText) {
    TableSnapshot& snapshot = snapshots()[m_id];
    snapshot.scrollY = ImGui::GetScrollY();
    snapshot.lastCopy = m_lastCopy;
    if (!m_snapshotStale) return;
    m_snapshotStale = false;
    snapshot.shown = static_cast<int>(m_rows.size());
    snapshot.selected = selectedCount();
    snapshot.firstIds.clear();
    snapshot.selectedIds.clear();
    for (int index : m_rows) {
        if (snapshot.firstIds.size() < kSnapshotRows) {
            snapshot.firstIds.push_back(cellText(index, 0));
        }
        if (isSelected(index) && snapshot.selectedIds.size() < kSnapshotRows) {
            snapshot.selectedIds.push_back(cellText(index, 0));
        }
        if (snapshot.firstIds.size() >= kSnapshotRows &&
            (snapshot.selectedIds.size() >= kSnapshotRows ||
             static_cast<int>(snapshot.selectedIds.size()) == snapshot.selected)) {
            break;
        }
    }
}

void TableView::end(const CellText& cellText) {
    handleKeys();
    if (m_copyRequested) {
        m_copyRequested = false;
        m_lastCopy = selectionText(cellText);
        ImGui::SetClipboardText(m_lastCopy.c_str());
    }
    updateSnapshot(cellText);
    ImGui::EndTable();
}

}  // namespace baton::ui
