#include "ui/appeals_panel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/log_text.h"
#include "ui/strings.h"
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

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string ownerText(const std::optional<std::string>& employee) {
    return employee ? *employee : std::string(tr(Str::Unassigned));
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

void AppealsPanel::drawList(Session& session, const Cycle& cycle) {
    if (cycle.appeals.empty()) {
        ImGui::TextDisabled("%s", tr(Str::AppealNone));
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("appeals", 5, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Id", ImGuiTableColumnFlags_WidthFixed, em * 2.5f);
    ImGui::TableSetupColumn(tr(Str::ColumnEmployee), ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnClients), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnStatus), ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnReason), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();

    for (const Appeal& appeal : cycle.appeals) {
        ImGui::PushID(appeal.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(appeal.id.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(appeal.employee.c_str());
        ImGui::TableNextColumn();
        std::string clients = std::string(appeal.kind == AppealKind::Pin ? "+ " : "− ") +
                              joined(appeal.clients);
        textWrappedMixed(clients.c_str());
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
    ImGui::EndTable();
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
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("appeal_diff", 3, flags)) return;
    ImGui::TableSetupColumn(tr(Str::ColumnClient));
    ImGui::TableSetupColumn(tr(Str::ColumnBefore));
    ImGui::TableSetupColumn(tr(Str::ColumnAfter));
    ImGui::TableHeadersRow();
    for (const ClientChange& change : diff.moved) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(change.client.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ownerText(change.before).c_str());
        ImGui::TableNextColumn();
        textColoured(kColourAccent, ownerText(change.after).c_str());
    }
    ImGui::EndTable();
}

}  // namespace baton::ui
