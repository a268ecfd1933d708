#include "ui/followup_panel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

const ClientOutcome* findOutcome(const Cycle& cycle, const std::string& client) {
    for (const ClientOutcome& o : cycle.outcomes) {
        if (o.client == client) return &o;
    }
    return nullptr;
}

void figuresRow(const char* label, const FollowUpFigures& f) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    textRightFormat("%d / %d", f.recorded, f.clients);
    ImGui::TableNextColumn();
    textRightFormat("%d", f.retained);
    ImGui::TableNextColumn();
    textRightFormat("%.0f%%", f.retentionRate * 100.0);
    ImGui::TableNextColumn();
    textRightFormat("%.0f", f.revenueSince);
    ImGui::TableNextColumn();
    textRightFormat("%.0f", f.revenueYearBefore);
    ImGui::TableNextColumn();
    textRightFormat("%.0f%%", f.revenueKept * 100.0);
}

bool beginFiguresTable(const char* id, const char* firstColumn) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable(id, 7, flags)) return false;
    ImGui::TableSetupColumn(firstColumn, ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnRecorded));
    ImGui::TableSetupColumn(tr(Str::FollowUpRetained));
    ImGui::TableSetupColumn(tr(Str::ColumnRetention));
    ImGui::TableSetupColumn(tr(Str::ColumnRevenueSince));
    ImGui::TableSetupColumn(tr(Str::ColumnYearBefore));
    ImGui::TableSetupColumn(tr(Str::ColumnRevenueKept));
    ImGui::TableHeadersRow();
    return true;
}

}  // namespace

void FollowUpPanel::refresh(Session& session) {
    if (session.workspaceId() == m_seenWorkspace && session.revision() == m_seenRevision &&
        m_seenLocale == locale()) {
        return;
    }
    m_seenWorkspace = session.workspaceId();
    m_seenRevision = session.revision();
    m_seenLocale = locale();
    m_dashboard = session.followUpDashboard();
    m_byCycle.clear();
    for (const Cycle& cycle : session.workspace().cycles) {
        if (!cycle.moves.empty()) m_byCycle.push_back(followUpDashboard(session.workspace(), cycle));
    }
    m_chart = GroupedBars{};
    m_chart.valueFormat = "%.0f%%";
    BarSeries retention{tr(Str::ChartRetention), kColourBarValue, {}, {}};
    BarSeries revenue{tr(Str::ChartRevenueKept), kColourBarDifficulty, {}, {}};
    for (const FollowUpFigures& f : m_dashboard.employees) {
        m_chart.categories.push_back(f.employee);
        retention.values.push_back(f.retentionRate * 100.0);
        revenue.values.push_back(f.revenueKept * 100.0);
    }
    m_chart.series = {std::move(retention), std::move(revenue)};
}

void FollowUpPanel::draw(Session& session) {
    const Cycle* cycle = session.cycle();
    if (!cycle || cycle->moves.empty()) {
        textWrappedMixed(tr(cycle ? Str::FollowUpNone : Str::CycleNone));
        return;
    }
    refresh(session);
    drawDashboard();
    drawByCycle();
    ImGui::Separator();
    drawOutcomes(session, *cycle);
}

void FollowUpPanel::drawOutcomes(Session& session, const Cycle& cycle) {
    ImGui::TextUnformatted(tr(Str::FollowUpRecordHeading));
    if (!m_message.empty()) textColoured(m_messageOk ? kColourGood : kColourBad, m_message.c_str());
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("outcomes", 4, flags, ImVec2(0.0f, ImGui::GetFontSize() * 14.0f))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnClient), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::ColumnTo));
    ImGui::TableSetupColumn(tr(Str::ColumnStatus));
    ImGui::TableSetupColumn("##set", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8.0f);
    ImGui::TableHeadersRow();

    for (const ClientMove& move : cycle.moves) {
        ImGui::PushID(move.client.c_str());
        const ClientOutcome* outcome = findOutcome(cycle, move.client);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(move.client.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(move.to.c_str());
        ImGui::TableNextColumn();
        if (!outcome) {
            ImGui::TextDisabled("%s", tr(Str::FollowUpNotRecorded));
        } else if (outcome->outcome == OutcomeKind::Retained) {
            textColoured(kColourGood, tr(Str::FollowUpRetained));
        } else {
            textColoured(kColourBad, tr(Str::FollowUpLost));
        }
        ImGui::TableNextColumn();
        for (OutcomeKind kind : {OutcomeKind::Retained, OutcomeKind::Lost}) {
            bool retained = kind == OutcomeKind::Retained;
            if (!retained) ImGui::SameLine();
            const char* label = retained ? tr(Str::FollowUpRetained) : tr(Str::FollowUpLost);
            if (ImGui::SmallButton(labelWithId(label, retained ? "retained" : "lost").c_str())) {
                ClientOutcome next = outcome ? *outcome : ClientOutcome{};
                next.client = move.client;
                next.outcome = kind;
                next.date = session.today();
                CycleResult result = session.setClientOutcome(next);
                m_message = result.message;
                m_messageOk = result.ok;
            }
            recordWidget(std::string(retained ? "followup.retained." : "followup.lost.") +
                         move.client);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void FollowUpPanel::drawDashboard() {
    ImGui::TextUnformatted(tr(Str::FollowUpDashboardHeading));
    if (beginFiguresTable("followup_employees", tr(Str::ColumnEmployee))) {
        for (const FollowUpFigures& f : m_dashboard.employees) figuresRow(f.employee.c_str(), f);
        figuresRow(tr(Str::FollowUpTotal), m_dashboard.total);
        ImGui::EndTable();
    }
    recordWidget("followup.dashboard");
    drawGroupedBars("followup_chart", m_chart, ImGui::GetFontSize() * 7.0f);
}

void FollowUpPanel::drawByCycle() {
    if (m_byCycle.size() < 2) return;
    ImGui::TextUnformatted(tr(Str::FollowUpByCycle));
    if (!beginFiguresTable("followup_cycles", tr(Str::ColumnCycle))) return;
    for (const FollowUpDashboard& d : m_byCycle) figuresRow(d.cycle.c_str(), d.total);
    ImGui::EndTable();
}

}  // namespace baton::ui
