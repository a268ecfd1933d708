#include "ui/employees_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

enum Column {
    kId,
    kName,
    kTeam,
    kRole,
    kStatus,
    kPerformance,
    kBook,
    kWorkloadLimit,
    kColumnCount
};

constexpr EmployeeStatus kStatuses[] = {EmployeeStatus::Active, EmployeeStatus::Leaving,
                                        EmployeeStatus::Departed, EmployeeStatus::OnLeave};

ImU32 statusColour(EmployeeStatus status) {
    switch (status) {
        case EmployeeStatus::Active: return ImGui::GetColorU32(ImGuiCol_Text);
        case EmployeeStatus::Leaving: return kColourWarning;
        case EmployeeStatus::Departed: return kColourBad;
        case EmployeeStatus::OnLeave: return kColourMuted;
    }
    return ImGui::GetColorU32(ImGuiCol_Text);
}

// The performance score of employee `index`, or nullptr when the evaluation is not
// parallel to the workspace (it is being recomputed).
const EmployeeScore* scoreOf(const Evaluation& evaluation, const Workspace& workspace, int index) {
    if (evaluation.employees.size() != workspace.employees.size()) return nullptr;
    return &evaluation.employees[static_cast<std::size_t>(index)];
}

std::string formatScore(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// Returns the width of the status column: its header, or the widest status in its combo.
float statusColumnWidth() {
    float widest = 0.0f;
    for (EmployeeStatus status : kStatuses) {
        widest = std::max(widest, ImGui::CalcTextSize(statusText(status)).x);
    }
    float combo = widest + ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.x;
    return std::max(columnWidth(tr(Str::ColumnStatus), 0.0f), combo);
}

// Returns the width of the performance column: its short header, or a score of 100.0 after
// the provisional mark.
float performanceColumnWidth() {
    float mark = ImGui::CalcTextSize(tr(Str::ProvisionalMark)).x;
    float cell = mark + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("100.0").x;
    return std::max(columnWidth(tr(Str::ColumnPerformanceShort), 0.0f), cell);
}

// Returns a figure column with a short header: as wide as the header or its widest figure.
TableColumn figureColumn(Str header, Str tooltip, float figures) {
    return {tr(header), kDescendingFirstColumn, std::max(columnWidth(tr(header), 0.0f), figures),
            0.0f, tr(tooltip)};
}

}  // namespace

void EmployeesPanel::draw(Session& session) {
    refresh(session);
    const Evaluation& evaluation = session.evaluation();

    float filterWidth =
        std::min(ImGui::GetContentRegionAvail().x * 0.5f, ImGui::GetFontSize() * 24.0f);
    if (m_filter.draw("##employee_filter", tr(Str::EmployeesFilterHint), filterWidth)) {
        m_table.markDirty();
    }
    recordWidget("employees.filter");
    ImGui::SameLine();
    m_table.drawCopyButton("employees.copy");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    int total = static_cast<int>(session.workspace().employees.size());
    ImGui::TextDisabled(trPlural(Str::EmployeesShown, {total}).c_str(),
                        static_cast<int>(m_table.rows().size()), total);

    drawTable(session, evaluation);
    drawLastDayPopup(session);
    drawCapacityPopup(session);
}

void EmployeesPanel::refresh(Session& session) {
    const Workspace& workspace = session.workspace();
    if (session.workspaceId() == m_seenWorkspaceId && session.revision() == m_seenRevision &&
        m_bookSizes.size() == workspace.employees.size()) {
        return;
    }
    m_seenWorkspaceId = session.workspaceId();
    m_seenRevision = session.revision();
    m_table.markDirty();

    std::unordered_map<std::string, int> indexById;
    indexById.reserve(workspace.employees.size());
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        indexById.emplace(workspace.employees[i].id, static_cast<int>(i));
    }
    m_bookSizes.assign(workspace.employees.size(), 0);
    m_bookWorkloads.assign(workspace.employees.size(), 0.0);
    for (const Client& client : workspace.clients) {
        if (!client.owner) continue;
        auto found = indexById.find(*client.owner);
        if (found == indexById.end()) continue;
        auto owner = static_cast<std::size_t>(found->second);
        ++m_bookSizes[owner];
        m_bookWorkloads[owner] += client.workload ? std::max(0.0, *client.workload) : 0.0;
    }
    measureText(workspace);
    int count = static_cast<int>(workspace.employees.size());
    if (m_pendingEmployee >= count) m_pendingEmployee = -1;
    if (m_capacityEmployee >= count) m_capacityEmployee = -1;
}

void EmployeesPanel::measureText(const Workspace& workspace) {
    for (TextWidth* width : {&m_idWidth, &m_nameWidth, &m_teamWidth, &m_roleWidth, &m_clientsWidth,
                             &m_workloadWidth}) {
        width->clear();
    }
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        const Employee& e = workspace.employees[i];
        m_idWidth.add(e.id);
        m_nameWidth.add(e.name);
        m_teamWidth.add(e.team);
        m_roleWidth.add(e.role);
        m_clientsWidth.add(capacityText(workspace, static_cast<int>(i), false));
        m_workloadWidth.add(capacityText(workspace, static_cast<int>(i), true));
    }
}

void EmployeesPanel::sortRows(const Session& session, const Evaluation& evaluation) {
    const Workspace& workspace = session.workspace();
    auto performance = [&](int index) {
        const EmployeeScore* score = scoreOf(evaluation, workspace, index);
        return score ? score->performance : -1.0;
    };
    RowSource source;
    source.keep = [&](int index) {
        const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
        return m_filter.empty() || m_filter.matches(e.id) || m_filter.matches(e.name) ||
               m_filter.matches(e.team) || m_filter.matches(e.role);
    };
    source.compare = [&](int a, int b, int column) {
        const Employee& x = workspace.employees[static_cast<std::size_t>(a)];
        const Employee& y = workspace.employees[static_cast<std::size_t>(b)];
        switch (column) {
            case kName: return x.name.compare(y.name);
            case kTeam: return x.team.compare(y.team);
            case kRole: return x.role.compare(y.role);
            case kStatus: return static_cast<int>(x.status) - static_cast<int>(y.status);
            case kPerformance: return compareNumbers(performance(a), performance(b));
            case kBook:
                return m_bookSizes[static_cast<std::size_t>(a)] -
                       m_bookSizes[static_cast<std::size_t>(b)];
            case kWorkloadLimit:
                return compareNumbers(m_bookWorkloads[static_cast<std::size_t>(a)],
                                      m_bookWorkloads[static_cast<std::size_t>(b)]);
            default: return 0;
        }
    };
    source.id = [&](int index) {
        return std::string_view(workspace.employees[static_cast<std::size_t>(index)].id);
    };
    int count = static_cast<int>(workspace.employees.size());
    m_table.setRows(orderRows(m_table.orderRequest(count), source), count);
}

void EmployeesPanel::drawTable(Session& session, const Evaluation& evaluation) {
    // Text columns get widths from their content, within bounds in font sizes: the lower
    // bound keeps a short or empty column readable, the upper one keeps a long value from
    // taking the table. The figure columns are as wide as their figures, right-aligned, under
    // short headers whose tooltips name them, so that every column fits the left panel of a
    // 1280 x 800 window.
    std::vector<TableColumn> columns = {
        idColumn(2.5f, m_idWidth.pixels(2.5f, 10.0f)),
        textColumn(tr(Str::ColumnName), m_nameWidth.pixels(6.0f, 8.0f)),
        textColumn(tr(Str::ColumnTeam), m_teamWidth.pixels(3.0f, 4.0f)),
        textColumn(tr(Str::ColumnRole), m_roleWidth.pixels(4.0f, 6.0f)),
        {tr(Str::ColumnStatus), ImGuiTableColumnFlags_WidthFixed, statusColumnWidth()},
        figureColumn(Str::ColumnPerformanceShort, Str::ColumnPerformance, performanceColumnWidth()),
        figureColumn(Str::ColumnClientLimit, Str::ColumnClientLimitHint,
                     m_clientsWidth.pixels(0.0f, 10.0f)),
        figureColumn(Str::ColumnWorkloadLimit, Str::ColumnWorkloadLimitHint,
                     m_workloadWidth.pixels(0.0f, 12.0f)),
    };
    // Narrower cell padding than the other tables leaves the eight columns room to fit.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(4.0f, ImGui::GetStyle().CellPadding.y));
    bool open = m_table.begin("employees", columns);
    ImGui::PopStyleVar();
    if (!open) return;
    if (m_table.needsOrder()) sortRows(session, evaluation);
    m_table.drawRows([&](int index) { drawRow(session, evaluation, index); });
    m_table.end(
        [&](int index, int column) { return cellText(session, evaluation, index, column); });
}

std::string EmployeesPanel::cellText(const Session& session, const Evaluation& evaluation,
                                     int index, int column) const {
    const Workspace& workspace = session.workspace();
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    const EmployeeScore* score = scoreOf(evaluation, workspace, index);
    switch (column) {
        case kId: return e.id;
        case kName: return e.name;
        case kTeam: return e.team;
        case kRole: return e.role;
        case kStatus: return statusText(e.status);
        case kPerformance: return score ? formatScore(score->performance) : std::string();
        case kBook: return capacityText(workspace, index, false);
        case kWorkloadLimit: return capacityText(workspace, index, true);
        default: return {};
    }
}

void EmployeesPanel::drawSelectableId(int index, const std::string& id) {
    if (m_table.selectable(index, id.c_str())) m_clickedId = id;
    recordWidget("employee_row." + id);
}

void EmployeesPanel::drawRow(Session& session, const Evaluation& evaluation, int index) {
    const Workspace& workspace = session.workspace();
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    ImGui::PushID(index);
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetFrameHeight());

    ImGui::TableSetColumnIndex(kId);
    ImGui::AlignTextToFramePadding();
    drawSelectableId(index, e.id);
    ImGui::TableSetColumnIndex(kName);
    ImGui::AlignTextToFramePadding();
    textEllipsis(e.name.c_str());
    ImGui::TableSetColumnIndex(kTeam);
    ImGui::AlignTextToFramePadding();
    textEllipsis(e.team.c_str());
    ImGui::TableSetColumnIndex(kRole);
    ImGui::AlignTextToFramePadding();
    textEllipsis(e.role.c_str());

    ImGui::TableSetColumnIndex(kStatus);
    drawStatusCell(session, index);

    ImGui::TableSetColumnIndex(kPerformance);
    ImGui::AlignTextToFramePadding();
    if (const EmployeeScore* score = scoreOf(evaluation, workspace, index)) {
        if (score->provisional) {
            textColoured(kColourWarning, tr(Str::ProvisionalMark));
            char tooltip[512];
            std::snprintf(tooltip, sizeof tooltip, tr(Str::ProvisionalTooltip),
                          score->provisionalReason.c_str());
            tooltipForLastItem(tooltip);
            ImGui::SameLine();
        }
        textRightFormat("%.1f", score->performance);
    } else {
        textRight("…");
    }

    ImGui::TableSetColumnIndex(kBook);
    drawCapacityCell(workspace, index, false);
    ImGui::TableSetColumnIndex(kWorkloadLimit);
    drawCapacityCell(workspace, index, true);
    ImGui::PopID();
}

void EmployeesPanel::drawStatusCell(Session& session, int index) {
    const Employee& e = session.workspace().employees[static_cast<std::size_t>(index)];
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushStyleColor(ImGuiCol_Text, statusColour(e.status));
    bool open = ImGui::BeginCombo("##status", statusText(e.status));
    ImGui::PopStyleColor();
    recordWidget("employee_status." + e.id);
    if (!open) return;
    for (EmployeeStatus status : kStatuses) {
        bool selected = status == e.status;
        if (ImGui::Selectable(statusText(status), selected) && !selected) {
            if (status == EmployeeStatus::Leaving) {
                m_pendingEmployee = index;
                m_openLastDay = true;
                std::snprintf(m_lastDay, sizeof m_lastDay, "%s", e.lastDay.c_str());
                m_lastDayInvalid = false;
            } else {
                session.setEmployeeStatus(index, status, e.lastDay);
            }
        }
        recordWidget(std::string("employee_status_option.") + toString(status));
    }
    ImGui::EndCombo();
}

void EmployeesPanel::drawLastDayPopup(Session& session) {
    const char* popupId = "###last_day";
    if (m_openLastDay) {
        ImGui::OpenPopup(popupId);
        m_openLastDay = false;
    }
    std::string title = labelWithId(tr(Str::LastDayTitle), "last_day");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    const auto& employees = session.workspace().employees;
    if (m_pendingEmployee < 0 || m_pendingEmployee >= static_cast<int>(employees.size())) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Employee& e = employees[static_cast<std::size_t>(m_pendingEmployee)];
    ImGui::Text(tr(Str::LastDayPrompt), e.name.c_str());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    bool entered = ImGui::InputTextWithHint("##last_day_input", "YYYY-MM-DD", m_lastDay,
                                            sizeof m_lastDay, ImGuiInputTextFlags_EnterReturnsTrue);
    recordWidget("last_day.input");
    // The error describes the text that was rejected, so it goes once that text changes.
    if (ImGui::IsItemEdited()) m_lastDayInvalid = false;
    if (m_lastDayInvalid) {
        textColoured(kColourBad, tr(Str::LastDayInvalid));
        recordWidget("last_day.invalid");
    }

    ImGui::Spacing();
    bool confirm = primaryButton(labelWithId(tr(Str::LastDayConfirm), "confirm").c_str());
    recordWidget("last_day.confirm");
    if (confirm || entered) {
        // The session checks the date under the rules that `baton status` applies too.
        if (session.setEmployeeStatus(m_pendingEmployee, EmployeeStatus::Leaving, m_lastDay)) {
            m_pendingEmployee = -1;
            ImGui::CloseCurrentPopup();
        } else {
            m_lastDayInvalid = true;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "cancel").c_str())) {
        m_pendingEmployee = -1;
        ImGui::CloseCurrentPopup();
    }
    recordWidget("last_day.cancel");
    ImGui::EndPopup();
}

}  // namespace baton::ui
