#include "ui/appeals_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/cycle_tables.h"
#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/table_view.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

const char* appealStatusText(AppealStatus status) {
    switch (status) {
        case AppealStatus::Open: return tr(Str::AppealStatusOpen);
        case AppealStatus::Accepted: return tr(Str::AppealStatusAccepted);
        case AppealStatus::Rejected: return tr(Str::AppealStatusRejected);
    }
    return "";
}

ImU32 appealStatusColour(AppealStatus status) {
    switch (status) {
        case AppealStatus::Open: return kColourWarning;
        case AppealStatus::Accepted: return kColourGood;
        case AppealStatus::Rejected: return kColourBad;
    }
    return kColourMuted;
}

std::string ownerText(const Workspace& workspace, const std::optional<std::string>& employee) {
    return employee ? employeeWithName(workspace, *employee) : std::string(tr(Str::Unassigned));
}

// The width of the status column: its header or the widest status.
float statusWidth() {
    float widest = 0.0f;
    for (AppealStatus status :
         {AppealStatus::Open, AppealStatus::Accepted, AppealStatus::Rejected}) {
        widest = std::max(widest, ImGui::CalcTextSize(appealStatusText(status)).x);
    }
    return std::max(columnWidth(tr(Str::ColumnStatus), 0.0f), widest + ImGui::GetFontSize() * 0.5f);
}

}  // namespace

void AppealsPanel::draw(Session& session) {
    const Cycle* cycle = session.cycle();
    if (!cycle) {
        textWrappedMixed(tr(Str::CycleNone));
        return;
    }
    if (cycle->stage == CycleStage::Proposal) {
        drawForm(session, *cycle);
    } else {
        ImGui::TextDisabled("%s", tr(Str::AppealsClosed));
    }
    if (!m_message.empty()) {
        textColoured(m_messageOk ? kColourGood : kColourBad, logMessageText(m_message).c_str());
        recordWidget("appeals.message");
    }
    ImGui::Separator();
    drawList(session, *cycle);
    ImGui::Separator();
    drawDiff(session, *cycle);
}

void AppealsPanel::drawForm(Session& session, const Cycle& cycle) {
    ImGui::TextUnformatted(tr(Str::AppealFileHeading));
    const Workspace& workspace = session.workspace();
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 12.0f);
    const char* shown = m_employee.empty() ? tr(Str::ColumnEmployee) : m_employee.c_str();
    bool open = ImGui::BeginCombo("##appeal_employee", shown);
    recordWidget("appeals.employee");
    if (open) {
        for (const Employee& e : workspace.employees) {
            if (e.kind != EmployeeKind::Person || e.status != EmployeeStatus::Active) continue;
            std::string label = e.id + "  " + e.name + "##" + e.id;
            if (ImGui::Selectable(label.c_str(), e.id == m_employee)) m_employee = e.id;
            recordWidget("appeals.employee_option." + e.id);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    drawClientCombo(session, cycle);

    if (ImGui::RadioButton(labelWithId(tr(Str::AppealKindPin), "appeal_pin").c_str(), m_pin)) {
        m_pin = true;
    }
    recordWidget("appeals.kind_pin");
    ImGui::SameLine();
    if (ImGui::RadioButton(labelWithId(tr(Str::AppealKindForbid), "appeal_forbid").c_str(),
                           !m_pin)) {
        m_pin = false;
    }
    recordWidget("appeals.kind_forbid");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##appeal_reason", tr(Str::AppealReasonHint), m_reason.data(),
                             m_reason.size());
    recordWidget("appeals.reason");

    ImGui::BeginDisabled(m_employee.empty() || m_client.empty());
    if (primaryButton(labelWithId(tr(Str::AppealFile), "appeal_file").c_str())) {
        Appeal appeal;
        appeal.employee = m_employee;
        appeal.clients = {m_client};
        appeal.kind = m_pin ? AppealKind::Pin : AppealKind::Forbid;
        appeal.reason = m_reason.data();
        std::string id;
        CycleResult result = session.fileAppeal(appeal, id);
        m_message = result.message;
        m_messageOk = result.ok;
        if (result.ok) m_reason.fill('\0');
    }
    ImGui::EndDisabled();
    recordWidget("appeals.file");
}

// Lists the clients of the current result, each with the employee it goes to.
void AppealsPanel::drawClientCombo(const Session& session, const Cycle& cycle) {
    const AllocationResult* result = cycle.currentResult();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    const char* shown = m_client.empty() ? tr(Str::ColumnClient) : m_client.c_str();
    bool open = ImGui::BeginCombo("##appeal_client", shown);
    recordWidget("appeals.client");
    if (!open) return;
    if (result) {
        const Workspace& workspace = session.workspace();
        for (const Assignment& a : result->assignments) {
            int index = workspace.findClient(a.client);
            std::string name = index >= 0 ? workspace.clients[std::size_t(index)].name : "";
            std::string label = a.client + "  " + name + " → " + a.employee + "##" + a.client;
            if (ImGui::Selectable(label.c_str(), a.client == m_client)) m_client = a.client;
            recordWidget("appeals.client_option." + a.client);
        }
    }
    ImGui::EndCombo();
}

// The appeals with their employee and clients named in full: the columns take their widths
// from the names, and a window too narrow for them scrolls the table sideways with the id
// and the employee kept in view.
void AppealsPanel::drawList(Session& session, const Cycle& cycle) {
    if (cycle.appeals.empty()) {
        ImGui::TextDisabled("%s", tr(Str::AppealNone));
        return;
    }
    const Workspace& workspace = session.workspace();
    TextWidth employeeWidth;
    TextWidth clientWidth;
    for (const Appeal& appeal : cycle.appeals) {
        employeeWidth.add(employeeWithName(workspace, appeal.employee));
        for (const std::string& client : appeal.clients) {
            clientWidth.add("+ " + clientWithName(workspace, client));
        }
    }
    float em = ImGui::GetFontSize();
    const std::vector<TableColumn> columns = {
        {tr(Str::ColumnId), ImGuiTableColumnFlags_WidthFixed, columnWidth(tr(Str::ColumnId), 2.5f)},
        textColumn(tr(Str::ColumnEmployee), employeeWidth.pixels(6.0f, 20.0f)),
        textColumn(tr(Str::ColumnClients), clientWidth.pixels(6.0f, 26.0f)),
        {tr(Str::ColumnStatus), ImGuiTableColumnFlags_WidthFixed, statusWidth()},
        textColumn(tr(Str::ColumnReason), em * 14.0f),
    };
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_SizingStretchProp;
    if (!m_listTable.begin("appeals", columns, flags, 2)) return;
    for (const Appeal& appeal : cycle.appeals) {
        ImGui::PushID(appeal.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(appeal.id.c_str());
        ImGui::TableNextColumn();
        textEllipsis(employeeWithName(workspace, appeal.employee).c_str());
        recordWidget("appeals.employee_cell." + appeal.id);
        ImGui::TableNextColumn();
        const char* sign = appeal.kind == AppealKind::Pin ? "+ " : "− ";
        for (const std::string& client : appeal.clients) {
            textEllipsis((sign + clientWithName(workspace, client)).c_str());
            recordWidget("appeals.client_cell." + appeal.id + "." + client);
        }
        ImGui::TableNextColumn();
        textColoured(appealStatusColour(appeal.status), appealStatusText(appeal.status));
        recordWidget("appeals.status." + appeal.id);
        ImGui::TableNextColumn();
        textWrappedMixed(appeal.reason.c_str());
        if (appeal.status == AppealStatus::Open) {
            drawDecision(session, appeal);
        } else {
            ImGui::TextDisabled("%s", appeal.decisionReason.c_str());
            if (ImGui::SmallButton(labelWithId(tr(Str::AppealCopyNotice), "notice").c_str())) {
                ImGui::SetClipboardText(session.appealNoticeText(appeal.id, locale()).c_str());
                m_message = tr(Str::CopiedToClipboard);
                m_messageOk = true;
            }
            recordWidget("appeals.notice." + appeal.id);
        }
        ImGui::PopID();
    }
    m_listTable.end();
}

void AppealsPanel::drawDecision(Session& session, const Appeal& appeal) {
    std::array<char, 512>& reason = m_decisionReasons[appeal.id];
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##decision", tr(Str::AppealDecisionHint), reason.data(),
                             reason.size());
    recordWidget("appeals.decision_reason." + appeal.id);
    for (bool accept : {true, false}) {
        const char* label = accept ? tr(Str::AppealAccept) : tr(Str::AppealReject);
        if (!accept) ImGui::SameLine();
        if (ImGui::SmallButton(labelWithId(label, accept ? "accept" : "reject").c_str())) {
            CycleResult result = session.decideAppeal(appeal.id, accept ? "accept" : "reject",
                                                      reason.data(), "");
            m_message = result.message;
            m_messageOk = result.ok;
        }
        recordWidget(std::string(accept ? "appeals.accept." : "appeals.reject.") + appeal.id);
    }
}

void AppealsPanel::drawDiff(Session& session, const Cycle& cycle) {
    bool canRerun = cycle.proposal.has_value() && cycle.stage < CycleStage::Final;
    ImGui::BeginDisabled(!canRerun);
    if (ImGui::Button(labelWithId(tr(Str::AppealRerun), "appeal_rerun").c_str())) {
        CycleResult result = session.rerunCycle();
        m_message = result.message;
        m_messageOk = result.ok;
    }
    ImGui::EndDisabled();
    recordWidget("appeals.rerun");

    CycleDiff diff = session.cycleDiff();
    if (!diff.hasRerun) {
        ImGui::TextDisabled("%s", tr(Str::AppealDiffNone));
        return;
    }
    char text[300];
    int moved = static_cast<int>(diff.moved.size());
    std::snprintf(text, sizeof text, trPlural(Str::AppealDiffHeading, {moved}).c_str(), moved);
    ImGui::TextUnformatted(text);
    recordWidget("appeals.diff");
    std::snprintf(text, sizeof text, tr(Str::AppealFigures), diff.before.gini, diff.after.gini,
                  diff.before.maxRelativeDeviation, diff.after.maxRelativeDeviation,
                  diff.before.totalFit, diff.after.totalFit);
    ImGui::TextDisabled("%s", text);

    if (diff.moved.empty()) return;
    const Workspace& workspace = session.workspace();
    TextWidth clientWidth;
    TextWidth ownerWidth;
    for (const ClientChange& change : diff.moved) {
        clientWidth.add(clientWithName(workspace, change.client));
        ownerWidth.add(ownerText(workspace, change.before));
        ownerWidth.add(ownerText(workspace, change.after));
    }
    const std::vector<TableColumn> columns = {
        textColumn(tr(Str::ColumnClient), clientWidth.pixels(6.0f, 26.0f)),
        textColumn(tr(Str::ColumnBefore), ownerWidth.pixels(5.0f, 20.0f)),
        textColumn(tr(Str::ColumnAfter), ownerWidth.pixels(5.0f, 20.0f)),
    };
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_SizingStretchProp;
    if (!m_diffTable.begin("appeal_diff", columns, flags, 1, ImGui::GetFontSize() * 16.0f)) return;
    for (const ClientChange& change : diff.moved) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textEllipsis(clientWithName(workspace, change.client).c_str());
        ImGui::TableNextColumn();
        textEllipsis(ownerText(workspace, change.before).c_str());
        ImGui::TableNextColumn();
        EllipsisOptions accent;
        accent.colour = kColourAccent;
        textEllipsis(ownerText(workspace, change.after).c_str(), accent);
    }
    m_diffTable.end();
}

}  // namespace baton::ui
