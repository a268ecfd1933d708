#include "ui/followup_panel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "ui/log_text.h"
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

// Formats a number as a user types it ("4", "4.5", "1200"), with no exponent below 1e15.
std::string numberText(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

// Returns nothing when `text` is not a number, a null value when it is empty or blank, and
// the number otherwise.
std::optional<std::optional<double>> parseOptionalNumber(const char* text) {
    std::string trimmed(text);
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (trimmed.empty()) return std::make_optional(std::optional<double>{});
    char* end = nullptr;
    double value = std::strtod(trimmed.c_str(), &end);
    if (end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
    return std::make_optional(std::optional<double>{value});
}

// Fills Str::FollowUpNotANumber, whose placeholders are the field, the client and the text.
std::string notANumberText(const char* field, const std::string& client, const char* text) {
    char message[512];
    std::snprintf(message, sizeof message, tr(Str::FollowUpNotANumber), field, client.c_str(),
                  text);
    return message;
}

// "Retained", "Retained · 4/5" or "Lost · 2/5": the outcome with its satisfaction.
std::string outcomeText(const ClientOutcome& outcome) {
    bool retained = outcome.outcome == OutcomeKind::Retained;
    std::string text = tr(retained ? Str::FollowUpRetained : Str::FollowUpLost);
    if (outcome.satisfaction) text += " · " + numberText(*outcome.satisfaction) + "/5";
    return text;
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
    if (!m_message.empty()) {
        textColoured(m_messageOk ? kColourGood : kColourBad, logMessageText(m_message).c_str());
        recordWidget("followup.message");
    }
    // The fields come before the table, whose rows can run below the panel's bottom.
    drawDetails(session, cycle);
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
        } else {
            bool retained = outcome->outcome == OutcomeKind::Retained;
            textColoured(retained ? kColourGood : kColourBad, outcomeText(*outcome).c_str());
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

void FollowUpPanel::pickClient(const Cycle& cycle, const std::string& client) {
    m_detailsClient = client;
    const ClientOutcome* outcome = findOutcome(cycle, client);
    std::string satisfaction;
    std::string revenue;
    if (outcome && outcome->satisfaction) satisfaction = numberText(*outcome->satisfaction);
    if (outcome && outcome->revenueSince) revenue = numberText(*outcome->revenueSince);
    std::snprintf(m_satisfactionText, sizeof m_satisfactionText, "%s", satisfaction.c_str());
    std::snprintf(m_revenueText, sizeof m_revenueText, "%s", revenue.c_str());
}

void FollowUpPanel::drawDetails(Session& session, const Cycle& cycle) {
    ImGui::TextUnformatted(tr(Str::FollowUpDetailsHeading));
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 9.0f);
    const char* preview =
        m_detailsClient.empty() ? tr(Str::FollowUpPickClient) : m_detailsClient.c_str();
    if (ImGui::BeginCombo("##followup_client", preview)) {
        for (const ClientMove& move : cycle.moves) {
            if (ImGui::Selectable(move.client.c_str(), move.client == m_detailsClient)) {
                pickClient(cycle, move.client);
            }
            recordWidget("followup.details_client." + move.client);
        }
        ImGui::EndCombo();
    }
    recordWidget("followup.details_client");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##followup_satisfaction", tr(Str::FollowUpSatisfactionHint),
                             m_satisfactionText, sizeof m_satisfactionText);
    recordWidget("followup.satisfaction");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 10.0f);
    ImGui::InputTextWithHint("##followup_revenue", tr(Str::FollowUpRevenueHint), m_revenueText,
                             sizeof m_revenueText);
    recordWidget("followup.revenue");

    ImGui::SameLine();
    bool recorded = findOutcome(cycle, m_detailsClient) != nullptr;
    ImGui::BeginDisabled(!recorded);
    if (ImGui::Button(labelWithId(tr(Str::FollowUpSaveDetails), "followup_save").c_str())) {
        saveDetails(session, cycle);
    }
    ImGui::EndDisabled();
    if (!recorded) tooltipForLastItem(tr(Str::FollowUpDetailsNeedOutcome), true);
    recordWidget("followup.save_details");
}

void FollowUpPanel::saveDetails(Session& session, const Cycle& cycle) {
    const ClientOutcome* outcome = findOutcome(cycle, m_detailsClient);
    if (!outcome) return;
    ClientOutcome next = *outcome;
    struct Field {
        const char* text;
        Str label;
        std::optional<double>& value;
    };
    for (Field field : {Field{m_satisfactionText, Str::FollowUpSatisfactionHint, next.satisfaction},
                        Field{m_revenueText, Str::FollowUpRevenueHint, next.revenueSince}}) {
        std::optional<std::optional<double>> parsed = parseOptionalNumber(field.text);
        if (!parsed) {
            m_message = notANumberText(tr(field.label), m_detailsClient, field.text);
            m_messageOk = false;
            return;
        }
        field.value = *parsed;
    }
    next.date = session.today();
    CycleResult result = session.setClientOutcome(next);
    m_message = result.message;
    m_messageOk = result.ok;
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
