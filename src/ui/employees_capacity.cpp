// The capacity columns of the Employees tab and the modal that edits an employee's own
// client and workload limits.
#include <imgui.h>

#include <cstdio>

#include "io/json_fields.h"
#include "ui/employees_panel.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

std::string limitText(std::optional<double> limit) {
    return limit ? json_fields::formatNumber(*limit) : std::string(tr(Str::NoLimit));
}

// The limit in a table cell, where a dash stands for no limit to keep the column narrow.
std::string cellLimitText(std::optional<double> limit) {
    return limit ? json_fields::formatNumber(*limit) : std::string("—");
}

}  // namespace

std::optional<double> EmployeesPanel::clientLimit(const Workspace& workspace, int index) const {
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    return e.maxClients ? *e.maxClients : workspace.policy.constraints.defaultMaxClients;
}

std::optional<double> EmployeesPanel::workloadLimit(const Workspace& workspace, int index) const {
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    return e.maxWorkload ? e.maxWorkload : workspace.policy.constraints.defaultMaxWorkload;
}

std::string EmployeesPanel::capacityText(const Workspace& workspace, int index,
                                         bool workload) const {
    auto row = static_cast<std::size_t>(index);
    if (workload) {
        return json_fields::formatNumber(m_bookWorkloads[row]) + " / " +
               cellLimitText(workloadLimit(workspace, index));
    }
    return std::to_string(m_bookSizes[row]) + " / " + cellLimitText(clientLimit(workspace, index));
}

// A right-aligned "clients / limit" or "workload / limit" cell: muted when the limit is the
// policy's default, in the warning colour when the book exceeds the limit. A click opens the
// editor.
void EmployeesPanel::drawCapacityCell(const Workspace& workspace, int index, bool workload) {
    const Employee& e = workspace.employees[static_cast<std::size_t>(index)];
    auto row = static_cast<std::size_t>(index);
    std::optional<double> limit =
        workload ? workloadLimit(workspace, index) : clientLimit(workspace, index);
    double book = workload ? m_bookWorkloads[row] : static_cast<double>(m_bookSizes[row]);
    bool fromPolicy = workload ? !e.maxWorkload : !e.maxClients;
    bool over = limit && book > *limit;
    std::string text = capacityText(workspace, index, workload);

    ImGui::AlignTextToFramePadding();
    float width = ImGui::CalcTextSize(text.c_str()).x;
    float room = ImGui::GetContentRegionAvail().x;
    if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    ImU32 colour =
        over ? kColourWarning : (fromPolicy ? kColourMuted : ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    std::string label = text + (workload ? "##workload" : "##clients");
    bool clicked =
        ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(width, 0.0f));
    ImGui::PopStyleColor();
    recordWidget((workload ? "employee_workload." : "employee_capacity.") + e.id);
    std::string tooltip = tr(Str::CapacityCellHint);
    if (fromPolicy) tooltip += std::string("\n") + tr(Str::CapacityFromPolicy);
    if (over) tooltip += std::string("\n") + tr(Str::CapacityOver);
    tooltipForLastItem(tooltip.c_str());
    if (!clicked) return;
    m_capacityEmployee = index;
    m_openCapacity = true;
    m_clientsField.load(e.maxClients ? std::optional<double>(*e.maxClients) : std::nullopt);
    m_workloadField.load(e.maxWorkload);
}

void EmployeesPanel::drawCapacityPopup(Session& session) {
    const char* popupId = "###capacity";
    if (m_openCapacity) {
        ImGui::OpenPopup(popupId);
        m_openCapacity = false;
    }
    std::string title = labelWithId(tr(Str::CapacityTitle), "capacity");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, 0.0f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_None)) return;
    const Workspace& workspace = session.workspace();
    if (m_capacityEmployee < 0 ||
        m_capacityEmployee >= static_cast<int>(workspace.employees.size())) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Employee& e = workspace.employees[static_cast<std::size_t>(m_capacityEmployee)];
    char prompt[512];
    std::snprintf(prompt, sizeof prompt, tr(Str::CapacityPrompt), e.name.c_str());
    textWrappedColoured(ImGui::GetColorU32(ImGuiCol_Text), prompt);

    const ConstraintPolicy& defaults = workspace.policy.constraints;
    char hint[160];
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    std::snprintf(hint, sizeof hint, tr(Str::CapacityDefaultHint),
                  limitText(defaults.defaultMaxClients).c_str());
    m_clientsField.draw(tr(Str::CapacityClients), hint, "capacity.max_clients");
    if (m_clientsField.invalid()) textWrappedColoured(kColourBad, tr(Str::CapacityClientsInvalid));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    std::snprintf(hint, sizeof hint, tr(Str::CapacityDefaultHint),
                  limitText(defaults.defaultMaxWorkload).c_str());
    m_workloadField.draw(tr(Str::CapacityWorkload), hint, "capacity.max_workload");
    if (m_workloadField.invalid()) {
        textWrappedColoured(kColourBad, tr(Str::CapacityWorkloadInvalid));
    }

    ImGui::Spacing();
    bool invalid = m_clientsField.invalid() || m_workloadField.invalid();
    ImGui::BeginDisabled(invalid);
    bool save = primaryButton(labelWithId(tr(Str::CapacitySave), "capacity_save").c_str());
    ImGui::EndDisabled();
    recordWidget("capacity.save");
    if (save) {
        std::optional<double> clients = m_clientsField.value();
        session.setEmployeeCapacity(
            m_capacityEmployee,
            clients ? std::optional<int>(static_cast<int>(*clients)) : std::nullopt,
            m_workloadField.value());
        m_capacityEmployee = -1;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "capacity_cancel").c_str())) {
        m_capacityEmployee = -1;
        ImGui::CloseCurrentPopup();
    }
    recordWidget("capacity.cancel");
    ImGui::EndPopup();
}

}  // namespace baton::ui
