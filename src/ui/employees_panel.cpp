#include "ui/employees_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/dates.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

enum Column { kId, kName, kTeam, kRole, kStatus, kPerformance, kBook, kColumnCount };

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
const EmployeeScore* scoreOf(const Evaluation& evaluation, const Workspace& workspace,
                             int index) {
    if (evaluation.employees.size() != workspace.employees.size()) return nullptr;
    return &evaluation.employees[static_cast<std::size_t>(index)];
}

int compareText(const std::string& a, const std::string& b) { return a.compare(b); }

}  // namespace

void EmployeesPanel::draw(Session& session) {
    refresh(session);
    const Evaluation& evaluation = session.evaluation();

    float filterWidth = std::min(ImGui::GetContentRegionAvail().x * 0.5f,
                                 ImGui::GetFontSize() * 24.0f);
    if (m_filter.draw("##employee_filter", tr(Str::EmployeesFilterHint), filterWidth)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(tr(Str::EmployeesShown), static_cast<int>(m_rows.size()),
                        static_cast<int>(session.workspace().employees.size()));

    drawTable(session, evaluation);
    drawLastDayPopup(session);
}

void EmployeesPanel::refresh(Session& session) {
    const Workspace& workspace = session.workspace();
    if (session.workspaceId() == m_seenWorkspaceId && session.revision() == m_seenRevision &&
        m_bookSizes.size() == workspace.employees.size()) {
        return;
    }
    m_seenWorkspaceId = session.workspaceId();
    m_seenRevision = session.revision();
    m_rowsDirty = true;

    std::unordered_map<std::string, int> indexById;
    indexById.reserve(workspace.employees.size());
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        indexById.emplace(workspace.employees[i].id, static_cast<int>(i));
    }
    m_bookSizes.assign(workspace.employees.size(), 0);
    for (const Client& client : workspace.clients) {
        if (!client.owner) continue;
        auto found = indexById.find(*client.owner);
        if (found != indexById.end()) ++m_bookSizes[static_cast<std::size_t>(found->second)];
    }
    if (m_pendingEmployee >= static_cast<int>(workspace.employees.size())) m_pendingEmployee = -1;
}

void EmployeesPanel::sortRows(const Session& session, const Evaluation& evaluation) {
    const Workspace& workspace = session.workspace();
    m_rows.clear();
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        const Employee& e = workspace.employees[i];
        if (m_filter.empty() || m_filter.matches(e.id) || m_filter.matches(e.name) ||
            m_filter.matches(e.team) || m_filter.matches(e.role)) {
            m_rows.push_back(static_cast<int>(i));
        }
    }

    auto performance = [&](int index) {
        const EmployeeScore* score = scoreOf(evaluation, workspace, index);
        return score ? score->performance : -1.0;
    };
    auto compare = [&](int a, int b) {
        const Employee& x = workspace.employees[static_cast<std::size_t>(a)];
        const Employee& y = workspace.employees[static_cast<std::size_t>(b)];
        switch (m_sortColumn) {
            case kName: return compareText(x.name, y.name);
            case kTeam: return compareText(x.team, y.team);
            case kRole: return compareText(x.role, y.role);
            case kStatus: return static_cast<int>(x.status) - static_cast<int>(y.status);
            case kPerformance: {
                double p = performance(a), q = performance(b);
                return p < q ? -1 : (p > q ? 1 : 0);
            }
            case kBook:
                return m_bookSizes[static_cast<std::size_t>(a)] -
                       m_bookSizes[static_cast<std::size_t>(b)];
            default: return 0;
        }
    };
    std::sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
        int order = compare(a, b);
        if (order != 0) return m_sortDescending ? order > 0 : order < 0;
        const std::string& x = workspace.employees[static_cast<std::size_t>(a)].id;
        const std::string& y = workspace.employees[static_cast<std::size_t>(b)].id;
        if (x != y) return m_sortDescending && m_sortColumn == kId ? x > y : x < y;
        return a < b;
    });
    m_rowsDirty = false;
}

void EmployeesPanel::drawTable(Session& session, const Evaluation& evaluation) {
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("employees", kColumnCount, flags, ImVec2(0.0f, 0.0f))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnId),
                            ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::ColumnId), 3.5f));
    ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnTeam), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(Str::ColumnRole), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr(Str::ColumnStatus), ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::ColumnStatus), 7.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnPerformance),
                            ImGuiTableColumnFlags_WidthFixed |
                                ImGuiTableColumnFlags_PreferSortDescending,
                            columnWidth(tr(Str::ColumnPerformance), 8.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnBook),
                            ImGuiTableColumnFlags_WidthFixed |
                                ImGuiTableColumnFlags_PreferSortDescending,
                            columnWidth(tr(Str::ColumnBook), 3.0f));
    ImGui::TableHeadersRow();

    if (takeSortSpecs(m_sortColumn, m_sortDescending)) m_rowsDirty = true;
    if (m_rowsDirty) sortRows(session, evaluation);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            drawRow(session, evaluation, m_rows[static_cast<std::size_t>(row)]);
        }
    }
    ImGui::EndTable();
}

void EmployeesPanel::drawSelectableId(const std::string& id) {
    if (rowSelectable(id.c_str(), id == m_selectedId)) {
        m_selectedId = id;
        m_clickedId = id;
    }
    recordWidget("employee_row." + id);
}

void EmployeesPanel::drawRow(Session& session, const Evaluation& evaluation, int index) {
    const Workspace& workspace = session.workspace();
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    ImGui::PushID(index);
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetFrameHeight());

    ImGui::TableSetColumnIndex(kId);
    ImGui::AlignTextToFramePadding();
    drawSelectableId(e.id);
    ImGui::TableSetColumnIndex(kName);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(e.name.c_str());
    ImGui::TableSetColumnIndex(kTeam);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(e.team.c_str());
    ImGui::TableSetColumnIndex(kRole);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(e.role.c_str());

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
    ImGui::AlignTextToFramePadding();
    textRightFormat("%d", m_bookSizes[static_cast<std::size_t>(index)]);
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
                                            sizeof m_lastDay,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    recordWidget("last_day.input");
    if (m_lastDayInvalid) textColoured(kColourBad, tr(Str::LastDayInvalid));

    ImGui::Spacing();
    bool confirm = primaryButton(labelWithId(tr(Str::LastDayConfirm), "confirm").c_str());
    recordWidget("last_day.confirm");
    if (confirm || entered) {
        if (parseIsoDate(m_lastDay)) {
            session.setEmployeeStatus(m_pendingEmployee, EmployeeStatus::Leaving, m_lastDay);
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
