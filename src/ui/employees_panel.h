// The Employees tab: a sortable, filterable table of every employee with their
// performance score and book size, where the status of each can be changed. Rows can be
// selected and copied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/session.h"
#include "ui/table_view.h"
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
    void drawSelectableId(int index, const std::string& id);
    // The text of one cell as the Copy button puts it on the clipboard.
    std::string cellText(const Session& session, const Evaluation& evaluation, int index,
                         int column) const;
    void drawRow(Session& session, const Evaluation& evaluation, int index);
    void drawStatusCell(Session& session, int index);
    void drawLastDayPopup(Session& session);

    TextFilter m_filter;
    TableView m_table;
    // The id clicked this frame.
    std::optional<std::string> m_clickedId;
    // Clients owned by each employee, parallel to Workspace::employees.
    std::vector<int> m_bookSizes;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};

    // The employee whose last day the modal requests, or -1.
    int m_pendingEmployee = -1;
    bool m_openLastDay = false;
    bool m_lastDayInvalid = false;
    char m_lastDay[16] = {};
};

}  // namespace baton::ui
