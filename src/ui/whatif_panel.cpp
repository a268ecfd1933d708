#include "ui/whatif_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/workspace_warnings.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

bool canLeave(const Employee& e) {
    return e.kind == EmployeeKind::Person && !isLeaver(e.status);
}

std::string employeeLabel(const Workspace& workspace, const std::string& id) {
    int index = workspace.findEmployee(id);
    if (index < 0) return id;
    return id + "  " + workspace.employees[std::size_t(index)].name;
}

const char* riskText(const std::string& risk) {
    if (risk == "no_eligible_colleague") return tr(Str::RiskNoColleague);
    if (risk == "no_room") return tr(Str::RiskNoRoom);
    return tr(Str::RiskOneColleague);
}

std::string blockedText(const KeyPersonRisk& risk) {
    std::string out;
    for (const auto& [code, count] : risk.blockedBy) {
        if (!out.empty()) out += ", ";
        out += std::string(lostBecauseText(code)) + " ×" + std::to_string(count);
    }
    return out;
}

}  // namespace

void WhatIfPanel::draw(Session& session) {
    if (session.workspaceId() != m_seenWorkspace || session.revision() != m_seenRevision) {
        m_seenWorkspace = session.workspaceId();
        m_seenRevision = session.revision();
        m_preview.reset();
        m_risk.reset();
    }
    textWrappedMixed(tr(Str::WhatIfIntro));
    drawPicker(session);
    if (m_preview) drawPreview(session);
    ImGui::Spacing();
    ImGui::Separator();
    drawRisk(session);
}

void WhatIfPanel::drawPicker(Session& session) {
    const Workspace& workspace = session.workspace();
    std::string shown = m_employee.empty() ? std::string(tr(Str::WhatIfPick))
                                           : employeeLabel(workspace, m_employee);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    bool open = ImGui::BeginCombo("##whatif_employee", shown.c_str());
    recordWidget("whatif.employee");
    if (open) {
        for (const Employee& e : workspace.employees) {
            if (!canLeave(e)) continue;
            std::string label = employeeLabel(workspace, e.id) + "##" + e.id;
            if (ImGui::Selectable(label.c_str(), e.id == m_employee)) m_employee = e.id;
            recordWidget("whatif.employee_option." + e.id);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_employee.empty());
    if (primaryButton(labelWithId(tr(Str::WhatIfPreview), "whatif_preview").c_str())) {
        m_preview = session.previewDeparture(m_employee);
    }
    ImGui::EndDisabled();
    recordWidget("whatif.preview");
}

void WhatIfPanel::drawPreview(const Session& session) {
    const WhatIfPreview& preview = *m_preview;
    if (!preview.ok) {
        textColoured(kColourBad, preview.error.c_str());
        return;
    }
    char line[320];
    int bookSize = static_cast<int>(preview.book.size());
    int receivers = static_cast<int>(preview.receivers.size());
    std::snprintf(line, sizeof line, trPlural(Str::WhatIfSummary, {bookSize, receivers}).c_str(),
                  preview.employee.c_str(), bookSize, preview.bookValue, receivers);
    textWrappedMixed(line);
    recordWidget("whatif.summary");
    int unassigned = bookSize;
    for (const WhatIfReceiver& r : preview.receivers) unassigned -= r.clients;
    if (unassigned > 0) {
        std::snprintf(line, sizeof line, trPlural(Str::WhatIfUnassigned, {unassigned}).c_str(),
                      unassigned);
        textColoured(kColourWarning, line);
    }
    if (preview.otherReleased > 0) {
        std::snprintf(line, sizeof line,
                      trPlural(Str::WhatIfOthers, {preview.otherReleased}).c_str(),
                      preview.otherReleased);
        ImGui::TextDisabled("%s", line);
    }
    drawReceivers(session);
    drawBookClients(session);
}

// Lists where each client of the book would go, collapsed at first.
void WhatIfPanel::drawBookClients(const Session& session) {
    if (!ImGui::CollapsingHeader(tr(Str::WhatIfBookClients))) return;
    recordWidget("whatif.book_clients");
    const Workspace& workspace = session.workspace();
    const WhatIfPreview& preview = *m_preview;
    std::vector<char> inBook(workspace.clients.size(), 0);
    for (int j : preview.book) inBook[std::size_t(j)] = 1;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("whatif_book", 4, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(Str::ColumnClient), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnTo), ImGuiTableColumnFlags_WidthFixed, em * 4.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnFit), ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnWhy), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const Assignment& a : preview.result.assignments) {
        int j = workspace.findClient(a.client);
        if (j < 0 || !inBook[std::size_t(j)]) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((a.client + "  " + workspace.clients[std::size_t(j)].name).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.employee.c_str());
        ImGui::TableNextColumn();
        textRightFormat("%.2f", a.fit);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(wonBecauseText(a, fitWeightsAllZero(preview.result.policy.fit)));
    }
    for (const Unassigned& u : preview.result.unassigned) {
        int j = workspace.findClient(u.client);
        if (j < 0 || !inBook[std::size_t(j)]) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((u.client + "  " + workspace.clients[std::size_t(j)].name).c_str());
        ImGui::TableNextColumn();
        textColoured(kColourBad, "—");
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        textColoured(kColourBad, unassignedReasonText(u.reason));
    }
    ImGui::EndTable();
}

void WhatIfPanel::drawReceivers(const Session& session) {
    const WhatIfPreview& preview = *m_preview;
    double maxValue = 0.0;
    for (const WhatIfReceiver& r : preview.receivers) maxValue = std::max(maxValue, r.value);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("whatif_receivers", 4, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(Str::ColumnEmployee), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnClients), ImGuiTableColumnFlags_WidthFixed, em * 4.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnValue), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnDifficulty), ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableHeadersRow();
    for (const WhatIfReceiver& r : preview.receivers) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(employeeLabel(session.workspace(), r.employee).c_str());
        ImGui::TableNextColumn();
        textRightFormat("%d", r.clients);
        ImGui::TableNextColumn();
        char text[32];
        std::snprintf(text, sizeof text, "%.0f", r.value);
        targetBar(r.value, 0.0, maxValue, kColourBarValue, text);
        ImGui::TableNextColumn();
        textRightFormat("%.0f", r.difficulty);
    }
    ImGui::EndTable();
}

void WhatIfPanel::drawRisk(Session& session) {
    ImGui::TextUnformatted(tr(Str::RiskHeading));
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::RiskRefresh), "risk_refresh").c_str())) {
        m_risk = session.keyPersonRisk();
    }
    recordWidget("whatif.risk_refresh");
    if (!m_risk) {
        ImGui::TextDisabled("%s", tr(Str::RiskHint));
        return;
    }
    int atRisk = 0;
    for (const KeyPersonRisk& risk : m_risk->clients) atRisk += risk.risk != "one_colleague";
    char line[200];
    int scanned = m_risk->scannedClients;
    std::snprintf(line, sizeof line, trPlural(Str::RiskSummary, {scanned, atRisk, atRisk}).c_str(),
                  atRisk, scanned);
    textColoured(atRisk > 0 ? kColourWarning : kColourGood, line);
    recordWidget("whatif.risk_summary");
    drawRiskOwners(session);
    drawRiskClients(session);
}

void WhatIfPanel::drawRiskOwners(const Session& session) {
    if (m_risk->owners.empty()) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("risk_owners", 3, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(Str::ColumnEmployee), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::RiskColumnAtRisk), ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn(tr(Str::RiskColumnShare), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const KeyPersonOwner& owner : m_risk->owners) {
        const Employee& e = session.workspace().employees[std::size_t(owner.employee)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(employeeLabel(session.workspace(), e.id).c_str());
        ImGui::TableNextColumn();
        textRightFormat("%d", owner.clients);
        ImGui::TableNextColumn();
        double share = owner.bookValue > 0.0 ? owner.value / owner.bookValue : 0.0;
        char text[32];
        std::snprintf(text, sizeof text, "%.0f%%", share * 100.0);
        targetBar(share, 0.0, 1.0, kColourBarDifficulty, text);
    }
    ImGui::EndTable();
}

void WhatIfPanel::drawRiskClients(const Session& session) {
    if (m_risk->clients.empty()) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    float height = ImGui::GetTextLineHeightWithSpacing() *
                   static_cast<float>(std::min<std::size_t>(m_risk->clients.size(), 12) + 1) +
                   8.0f;
    if (!ImGui::BeginTable("risk_clients", 5, flags, ImVec2(0.0f, height))) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnClient), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnOwner), ImGuiTableColumnFlags_WidthFixed, em * 4.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnValue), ImGuiTableColumnFlags_WidthFixed, em * 3.5f);
    ImGui::TableSetupColumn(tr(Str::RiskColumnRisk), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnWhy), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const Workspace& workspace = session.workspace();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_risk->clients.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const KeyPersonRisk& risk = m_risk->clients[std::size_t(row)];
            const Client& c = workspace.clients[std::size_t(risk.client)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((c.id + "  " + c.name).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(workspace.employees[std::size_t(risk.owner)].id.c_str());
            ImGui::TableNextColumn();
            textRightFormat("%.0f", risk.value);
            ImGui::TableNextColumn();
            textColoured(risk.risk == "one_colleague" ? kColourWarning : kColourBad,
                         riskText(risk.risk));
            ImGui::TableNextColumn();
            std::string why = risk.onlyColleague.empty() ? blockedText(risk) : risk.onlyColleague;
            ImGui::TextUnformatted(why.c_str());
            if (ImGui::CalcTextSize(why.c_str()).x > ImGui::GetColumnWidth()) {
                tooltipForLastItem(why.c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace baton::ui
