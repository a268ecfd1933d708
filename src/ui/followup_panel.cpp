#include "ui/followup_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "ui/cycle_tables.h"
#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/table_view.h"
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

// Draws the revenue kept, or "no earlier revenue" when the clients had none in the year
// before: a share of zero would read as all revenue lost.
void revenueKeptCell(const FollowUpFigures& f) {
    if (f.revenueYearBefore > 0.0) {
        textRightFormat("%.0f%%", f.revenueKept * 100.0);
        return;
    }
    EllipsisOptions muted;
    muted.colour = kColourMuted;
    muted.tooltip = false;
    textEllipsis(tr(Str::FollowUpNoBaseline), muted);
    tooltipForLastItem(tr(Str::FollowUpNoBaselineHint));
}

void figuresRow(const std::string& label, const FollowUpFigures& f) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    textEllipsis(label.c_str());
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
    revenueKeptCell(f);
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

// The columns of a figures table whose first column shows `labels`. Each figure column is
// as wide as its header, or its widest figure, whichever is wider.
std::vector<TableColumn> figuresColumns(const char* firstColumn,
                                        const std::vector<std::string>& labels) {
    TextWidth first;
    for (const std::string& label : labels) first.add(label);
    TextWidth kept;
    kept.add(tr(Str::FollowUpNoBaseline));
    auto figure = [](Str header, float minimumEm) {
        return TableColumn{tr(header), ImGuiTableColumnFlags_WidthFixed,
                           columnWidth(tr(header), minimumEm)};
    };
    TableColumn revenueKept = figure(Str::ColumnRevenueKept, 4.0f);
    revenueKept.widthOrWeight = std::max(revenueKept.widthOrWeight, kept.pixels(4.0f, 12.0f));
    return {
        textColumn(firstColumn, first.pixels(6.0f, 20.0f)),
        figure(Str::ColumnRecorded, 4.0f),
        figure(Str::FollowUpRetained, 3.0f),
        figure(Str::ColumnRetention, 3.5f),
        figure(Str::ColumnRevenueSince, 5.0f),
        figure(Str::ColumnYearBefore, 5.0f),
        revenueKept,
    };
}

constexpr ImGuiTableFlags kCycleTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
    ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;

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
    // Retention and revenue kept are different measures, so each has its own chart and
    // scale. Retention is a share of clients, at most 100%; revenue kept can pass 100%.
    m_retentionChart = GroupedBars{};
    m_retentionChart.valueFormat = "%.0f%%";
    m_retentionChart.axisLabel = tr(Str::ChartRetentionAxis);
    m_retentionChart.minimumTop = 100.0;
    m_revenueChart = m_retentionChart;
    m_revenueChart.axisLabel = tr(Str::ChartRevenueKeptAxis);
    BarSeries retention{tr(Str::ChartRetention), kColourBarValue, {}, {}, {}};
    BarSeries revenue{tr(Str::ChartRevenueKept), kColourBarDifficulty, {}, {}, {}};
    m_employeeLabels.clear();
    for (const FollowUpFigures& f : m_dashboard.employees) {
        m_employeeLabels.push_back(employeeWithName(session.workspace(), f.employee));
        m_retentionChart.categories.push_back(f.employee);
        m_revenueChart.categories.push_back(f.employee);
        retention.values.push_back(f.retentionRate * 100.0);
        revenue.values.push_back(f.revenueKept * 100.0);
        // With no outcome recorded, or no revenue a year before, a share would read as 0%.
        std::string notRecorded = f.recorded == 0 ? tr(Str::FollowUpNotRecorded) : "";
        retention.notes.push_back(notRecorded);
        bool noBaseline = f.recorded > 0 && f.revenueYearBefore <= 0.0;
        revenue.notes.push_back(noBaseline ? tr(Str::FollowUpNoBaseline) : notRecorded);
    }
    m_retentionChart.series = {std::move(retention)};
    m_revenueChart.series = {std::move(revenue)};
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
    const Workspace& workspace = session.workspace();
    TextWidth clientWidth;
    TextWidth toWidth;
    TextWidth statusWidth;
    statusWidth.add(tr(Str::FollowUpNotRecorded));
    for (const ClientMove& move : cycle.moves) {
        clientWidth.add(clientWithName(workspace, move.client));
        toWidth.add(employeeWithName(workspace, move.to));
        if (const ClientOutcome* outcome = findOutcome(cycle, move.client)) {
            statusWidth.add(outcomeText(*outcome));
        }
    }
    float buttons = ImGui::CalcTextSize(tr(Str::FollowUpRetained)).x +
                    ImGui::CalcTextSize(tr(Str::FollowUpLost)).x +
                    4.0f * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
    const std::vector<TableColumn> columns = {
        textColumn(tr(Str::ColumnClient), clientWidth.pixels(6.0f, 26.0f)),
        textColumn(tr(Str::ColumnTo), toWidth.pixels(5.0f, 20.0f)),
        textColumn(tr(Str::ColumnStatus), statusWidth.pixels(5.0f, 10.0f)),
        {"##set", ImGuiTableColumnFlags_WidthFixed, buttons + ImGui::GetFontSize() * 0.5f},
    };
    if (!m_outcomeTable.begin("outcomes", columns, kCycleTableFlags, 1,
                              ImGui::GetFontSize() * 14.0f)) {
        return;
    }

    for (const ClientMove& move : cycle.moves) {
        ImGui::PushID(move.client.c_str());
        const ClientOutcome* outcome = findOutcome(cycle, move.client);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textEllipsis(clientWithName(workspace, move.client).c_str());
        recordWidget("followup.client_cell." + move.client);
        ImGui::TableNextColumn();
        textEllipsis(employeeWithName(workspace, move.to).c_str());
        recordWidget("followup.to_cell." + move.client);
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
    m_outcomeTable.end();
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
    std::vector<std::string> labels = m_employeeLabels;
    labels.push_back(tr(Str::FollowUpTotal));
    if (m_employeeTable.begin("followup_employees", figuresColumns(tr(Str::ColumnEmployee), labels),
                              kCycleTableFlags)) {
        for (std::size_t i = 0; i < m_dashboard.employees.size(); ++i) {
            figuresRow(m_employeeLabels[i], m_dashboard.employees[i]);
        }
        figuresRow(tr(Str::FollowUpTotal), m_dashboard.total);
        m_employeeTable.end();
    }
    recordWidget("followup.dashboard");
    // Two charts side by side when the panel is wide, else one above the other.
    float em = ImGui::GetFontSize();
    bool sideBySide = ImGui::GetContentRegionAvail().x >= em * 36.0f;
    float chartWidth =
        sideBySide ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f
                   : 0.0f;
    const struct {
        const char* id;
        const GroupedBars* chart;
    } charts[] = {{"followup.chart.retention", &m_retentionChart},
                  {"followup.chart.revenue", &m_revenueChart}};
    for (std::size_t i = 0; i < 2; ++i) {
        if (i > 0 && sideBySide) ImGui::SameLine();
        ImGui::BeginChild(charts[i].id, ImVec2(chartWidth, em * 11.0f), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        drawGroupedBars(charts[i].id, *charts[i].chart, em * 7.0f);
        ImGui::EndChild();
        recordWidget(charts[i].id);
    }
}

void FollowUpPanel::drawByCycle() {
    if (m_byCycle.size() < 2) return;
    ImGui::TextUnformatted(tr(Str::FollowUpByCycle));
    std::vector<std::string> labels;
    for (const FollowUpDashboard& d : m_byCycle) labels.push_back(d.cycle);
    if (!m_cycleTable.begin("followup_cycles", figuresColumns(tr(Str::ColumnCycle), labels),
                            kCycleTableFlags)) {
        return;
    }
    for (const FollowUpDashboard& d : m_byCycle) figuresRow(d.cycle, d.total);
    m_cycleTable.end();
}

}  // namespace baton::ui
