// The Employees tab: a sortable, filterable table of every employee with their
// performance score, book size and capacity, where the status and the own client and
// workload limits of each can be changed. Rows can be selected and copied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/session.h"
#include "ui/limit_field.h"
#include "ui/table_view.h"
#include "ui/text_filter.h"
#include "ui/widgets.h"

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
    // Measures the widest id, name, team and role of `workspace`.
    void measureText(const Workspace& workspace);
    void sortRows(const Session& session, const Evaluation& evaluation);
    void drawTable(Session& session, const Evaluation& evaluation);
    void drawSelectableId(int index, const std::string& id);
    // The text of one cell as the Copy button puts it on the clipboard.
    std::string cellText(const Session& session, const Evaluation& evaluation, int index,
                         int column) const;
    void drawRow(Session& session, const Evaluation& evaluation, int index);
    void drawStatusCell(Session& session, int index);
    void drawLastDayPopup(Session& session);
    // The limit in force for employee `index`: their own, else the policy's default.
    std::optional<double> clientLimit(const Workspace& workspace, int index) const;
    std::optional<double> workloadLimit(const Workspace& workspace, int index) const;
    // "12 / 50" (kept / limit) for the Clients column, "36 / 120" for Workload.
    std::string capacityText(const Workspace& workspace, int index, bool workload) const;
    void drawCapacityCell(const Workspace& workspace, int index, bool workload);
    void drawCapacityPopup(Session& session);

    TextFilter m_filter;
    TableView m_table;
    // The id clicked this frame.
    std::optional<std::string> m_clickedId;
    // Clients owned by each employee and the sum of their workloads (a missing or negative
    // workload counts 0, as in the allocation), parallel to Workspace::employees.
    std::vector<int> m_bookSizes;
    std::vector<double> m_bookWorkloads;
    // The widest id, name, team and role, for the initial column widths.
    TextWidth m_idWidth;
    TextWidth m_nameWidth;
    TextWidth m_teamWidth;
    TextWidth m_roleWidth;
    // The widest "kept / limit" texts of the Clients and Workload columns.
    TextWidth m_clientsWidth;
    TextWidth m_workloadWidth;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};

    // The employee whose last day the modal requests, or -1.
    int m_pendingEmployee = -1;
    bool m_openLastDay = false;
    bool m_lastDayInvalid = false;
    char m_lastDay[16] = {};

    // The employee whose limits the capacity modal edits, or -1.
    int m_capacityEmployee = -1;
    bool m_openCapacity = false;
    LimitField m_clientsField{LimitField::Range{0.0, 1000000000.0, false, true, 1.0}};
    LimitField m_workloadField{LimitField::Range{0.0, 1e300, false, false, 1.0}};
};

}  // namespace baton::ui
