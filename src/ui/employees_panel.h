// The Employees tab: a sortable, filterable table of every employee with their
// performance score and book size, where the status of each can be changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/session.h"
#include "ui/text_filter.h"

namespace baton::ui {

class EmployeesPanel {
public:
    void draw(Session& session);
    // The typed filter text, whose characters the font must hold.
    const char* filterText() const { return m_filter.text(); }
    // The id of the row clicked since the last call, if any. Selecting changes no data.
    std::optional<std::string> takeClickedId() { return std::exchange(m_clickedId, {}); }

private:
    void refresh(Session& session);
    void sortRows(const Session& session, const Evaluation& evaluation);
    void drawTable(Session& session, const Evaluation& evaluation);
    void drawSelectableId(const std::string& id);
    void drawRow(Session& session, const Evaluation& evaluation, int index);
    void drawStatusCell(Session& session, int index);
    void drawLastDayPopup(Session& session);

    TextFilter m_filter;
    // The highlighted row's id, and the id clicked this frame.
    std::string m_selectedId;
    std::optional<std::string> m_clickedId;
    // Indices into Workspace::employees of the rows shown, in display order.
    std::vector<int> m_rows;
    // Clients owned by each employee, parallel to Workspace::employees.
    std::vector<int> m_bookSizes;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    bool m_rowsDirty = true;
    int m_sortColumn = 0;
    bool m_sortDescending = false;

    // The employee whose last day the modal requests, or -1.
    int m_pendingEmployee = -1;
    bool m_openLastDay = false;
    bool m_lastDayInvalid = false;
    char m_lastDay[16] = {};
};

}  // namespace baton::ui
