// The Allocation panel's result tables: the proposed assignments with each row's tooltip
// and override popup, the unassigned clients, and value and difficulty per employee
// against their targets. The rest of the panel is in ui/allocation_panel.cpp.
#include "ui/allocation_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ui/strings.h"
#include "ui/table_view.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// The result tables scroll sideways when their columns' readable widths do not fit (see
// tableWidth), so a narrow window cuts no column to a letter.
constexpr ImGuiTableFlags kResultTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                              ImGuiTableFlags_SizingStretchProp;

// Rows that a result table keeps in view. When the text above it leaves less height, the
// panel scrolls rather than squeeze the table below this many rows.
constexpr int kMinimumTableRows = 12;

// Returns the outer size of a result table: the height left in the panel, or enough for
// the header and kMinimumTableRows rows when that is more.
ImVec2 resultTableSize() {
    float row = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
    float borders = 2.0f;
    float minimum = row * static_cast<float>(kMinimumTableRows + 1) + borders;
    return ImVec2(0.0f, std::max(ImGui::GetContentRegionAvail().y, minimum));
}

// Begins the result table `id` with `columns` and its header row (see drawRecordedHeaders),
// the first column kept in view while the table scrolls sideways. Returns false when ImGui skips
// the table.
bool beginResultTable(const char* id, const std::vector<TableColumn>& columns) {
    TableWidth width = tableWidth(id, columns);
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), kResultTableFlags | width.flags,
                           resultTableSize(), width.inner)) {
        return false;
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const TableColumn& column : columns) {
        ImGui::TableSetupColumn(column.label, column.flags, column.widthOrWeight);
    }
    drawRecordedHeaders(id);
    return true;
}

// Draws a bar of what an employee received against their target, the share of the target
// as a percentage beside it and both figures in its tooltip.
void drawShareBar(double received, double target, double scaleMax, ImU32 colour) {
    char percent[16];
    if (target > 0.0) {
        std::snprintf(percent, sizeof percent, "%.0f%%", received / target * 100.0);
    } else {
        std::snprintf(percent, sizeof percent, "–");
    }
    targetBar(received, target, scaleMax, colour, percent);
    char figures[96];
    std::snprintf(figures, sizeof figures, tr(Str::ReceivedOfTarget), received, target);
    tooltipForLastItem(figures);
}

}  // namespace

void AllocationPanel::measureResult(const Session& session, const AllocationResult& result) {
    for (TextWidth* width : {&m_clientWidth, &m_fromWidth, &m_toWidth, &m_employeeWidth}) {
        width->clear();
    }
    m_whyCodes.clear();
    for (std::size_t i = 0; i < result.assignments.size(); ++i) {
        const Assignment& a = result.assignments[i];
        const char* name = nameBesideId(session, a.client);
        m_clientWidth.add(name ? a.client + "  " + name : a.client);
        if (i < m_fromOwners.size() && !m_fromOwners[i].empty()) {
            m_fromWidth.add(employeeName(session, m_fromOwners[i]));
        }
        m_toWidth.add(employeeName(session, a.employee));
        if (std::find(m_whyCodes.begin(), m_whyCodes.end(), a.wonBecause) == m_whyCodes.end()) {
            m_whyCodes.push_back(a.wonBecause);
        }
    }
    for (const Unassigned& u : result.unassigned) {
        const char* name = nameBesideId(session, u.client);
        m_clientWidth.add(name ? u.client + "  " + name : u.client);
    }
    for (const EmployeeOutcome& e : result.employees) {
        m_employeeWidth.add(employeeName(session, e.employee));
    }
}

float AllocationPanel::whyWidth() const {
    TextWidth width;
    for (const std::string& code : m_whyCodes) {
        width.add(wonBecauseText(code, m_fitChoseNobody));
        // A best_fit row may be a tie at fit 0 (fitTieOf), whose text is longer.
        if (code == "best_fit") width.add(wonBecauseText("best_fit_zero"));
    }
    return width.pixels(5.0f, 9.0f);
}

void AllocationPanel::drawAssignments(const Session& session, const AllocationResult& result) {
    // Why comes right after the owners because it is the explanation a user reads first,
    // and it stays in view at a window where the figures need a sideways scroll.
    enum Column { kClient, kFrom, kTo, kWhy, kFit, kValue, kDifficulty, kColumnCount };
    // Text columns get widths from their content, within bounds in font sizes, and share
    // the width left in proportion to them. The figures fit their widest value.
    const std::vector<TableColumn> columns = {
        textColumn(tr(Str::ColumnClient), m_clientWidth.pixels(6.0f, 9.0f)),
        textColumn(tr(Str::ColumnFrom), m_fromWidth.pixels(4.0f, 7.0f)),
        textColumn(tr(Str::ColumnTo), m_toWidth.pixels(4.0f, 7.0f)),
        textColumn(tr(Str::ColumnWhy), whyWidth()),
        {tr(Str::ColumnFit), ImGuiTableColumnFlags_WidthFixed,
         columnWidth(tr(Str::ColumnFit), 3.0f)},
        {"V", ImGuiTableColumnFlags_WidthFixed, columnWidth("V", 2.6f)},
        {"D", ImGuiTableColumnFlags_WidthFixed, columnWidth("D", 2.6f)},
    };
    if (!beginResultTable("assignments", columns)) return;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.assignments.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Assignment& a = result.assignments[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(kClient);
            ImGui::PushID(row);
            if (rowSelectable("##row", false)) m_overrides.open(session, a);
            bool hovered = ImGui::IsItemHovered();
            recordWidget("assignment_row." + a.client);
            ImGui::PopID();
            ImGui::SameLine(0.0f, 0.0f);
            // The row's tooltip shows the whole names and reason, so cut cells add none.
            const EllipsisOptions inRowTooltip{.tooltip = false};
            clientCell(session, a.client, inRowTooltip);

            ImGui::TableSetColumnIndex(kFrom);
            auto rowIndex = static_cast<std::size_t>(row);
            const std::string from = rowIndex < m_fromOwners.size() ? m_fromOwners[rowIndex] : "";
            if (from.empty()) {
                textEllipsis(tr(Str::NoOwner), {.colour = kColourMuted, .tooltip = false});
            } else {
                textEllipsis(employeeName(session, from), inRowTooltip);
            }
            ImGui::TableSetColumnIndex(kTo);
            textEllipsis(employeeName(session, a.employee), inRowTooltip);
            ImGui::TableSetColumnIndex(kFit);
            textRightFormat("%.3f", a.fit);
            ImGui::TableSetColumnIndex(kValue);
            textRightFormat("%.1f", a.value);
            ImGui::TableSetColumnIndex(kDifficulty);
            textRightFormat("%.1f", a.difficulty);
            ImGui::TableSetColumnIndex(kWhy);
            textEllipsis(wonBecauseText(a, m_fitChoseNobody), inRowTooltip);
            if (hovered) drawAssignmentTooltip(session, a, from);
        }
    }
    ImGui::EndTable();
    recordWidget("assignments.table");
}

void AllocationPanel::drawAssignmentTooltip(const Session& session, const Assignment& assignment,
                                            const std::string& from) {
    ImGui::BeginTooltip();
    if (const char* name = nameBesideId(session, assignment.client)) {
        ImGui::Text("%s %s", assignment.client.c_str(), name);
    } else {
        ImGui::TextUnformatted(assignment.client.c_str());
    }
    ImGui::Text("%s → %s · %s", from.empty() ? tr(Str::NoOwner) : employeeName(session, from),
                employeeName(session, assignment.employee),
                wonBecauseText(assignment, m_fitChoseNobody));
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Str::FitBreakdown));
    for (const FitTerm& term : assignment.breakdown) {
        ImGui::BulletText("%s: %.3f", fitTermText(term.name), term.contribution);
    }
    if (!assignment.runnersUp.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(Str::RunnersUp));
        for (const RunnerUp& runner : assignment.runnersUp) {
            std::string code = runner.lostBecause;
            if (code == "lower_fit" && runner.fit == assignment.fit) code = "equal_fit";
            if (code == "lower_fit" && runner.fit > assignment.fit) code = "higher_fit_overall";
            ImGui::BulletText(tr(Str::RunnerUpLine), employeeName(session, runner.employee),
                              runner.fit, lostBecauseText(code));
        }
    }
    // The reasons are the result's English sentences; the lines above already give their
    // content in the UI language, so a Chinese tooltip leaves them out.
    bool english = std::string_view(locale()) != "zh-CN";
    if (english && !assignment.reasons.empty()) {
        ImGui::Spacing();
        // The project's wrapping breaks at spaces, where ImGui's breaks after any full stop,
        // such as the one inside "0.100".
        for (const std::string& reason : assignment.reasons) {
            textWrappedMixed(reason.c_str(), ImGui::GetFontSize() * 30.0f);
        }
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Str::OverrideRowHint));
    ImGui::EndTooltip();
}

void AllocationPanel::drawUnassigned(const Session& session, const AllocationResult& result) {
    float em = ImGui::GetFontSize();
    const std::vector<TableColumn> columns = {
        textColumn(tr(Str::ColumnClient), m_clientWidth.pixels(6.0f, 14.0f)),
        textColumn(tr(Str::ColumnReason), em * 8.0f),
        textColumn(tr(Str::ColumnDetail), em * 12.0f),
    };
    if (!beginResultTable("unassigned", columns)) return;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.unassigned.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Unassigned& u = result.unassigned[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            clientCell(session, u.client, {});
            ImGui::TableNextColumn();
            textEllipsis(unassignedReasonText(u.reason), {.colour = kColourBad});
            ImGui::TableNextColumn();
            textEllipsis(u.detail.c_str());
        }
    }
    ImGui::EndTable();
}

void AllocationPanel::drawEmployees(const Session& session, const AllocationResult& result) {
    double valueScale = 0.0;
    double difficultyScale = 0.0;
    for (const EmployeeOutcome& e : result.employees) {
        valueScale = std::max({valueScale, e.receivedValue, e.targetValue});
        difficultyScale = std::max({difficultyScale, e.receivedDifficulty, e.targetDifficulty});
    }

    // The name leaves room for the witness mark after it. Each bar keeps room for its
    // percentage.
    float em = ImGui::GetFontSize();
    const std::vector<TableColumn> columns = {
        textColumn(tr(Str::ColumnEmployee), m_employeeWidth.pixels(5.0f, 10.0f) + em),
        {tr(Str::ColumnClients), ImGuiTableColumnFlags_WidthFixed,
         columnWidth(tr(Str::ColumnClients), 3.0f)},
        textColumn(tr(Str::ColumnValueVsTarget), em * 7.0f),
        textColumn(tr(Str::ColumnDifficultyVsShare), em * 7.0f),
        {tr(Str::ColumnBookAfter), ImGuiTableColumnFlags_WidthFixed,
         columnWidth(tr(Str::ColumnBookAfter), 3.0f)},
    };
    if (!beginResultTable("per_employee", columns)) return;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.employees.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const EmployeeOutcome& e = result.employees[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            auto witness = m_witnessNotes.find(e.employee);
            bool marked = witness != m_witnessNotes.end();
            float marker = ImGui::CalcTextSize("✗").x + ImGui::GetStyle().ItemSpacing.x;
            textEllipsis(employeeName(session, e.employee),
                         {.reserveRight = marked ? marker : 0.0f});
            if (marked) {
                ImGui::SameLine();
                textColoured(kColourBad, "✗");
                tooltipForLastItem(witness->second.c_str());
            }
            ImGui::TableNextColumn();
            textRightFormat("%d", e.clients);
            if (e.entitlement <= 0.0 && e.clients == 0) {
                // No bar against a target of 0: the employee cannot take a released client.
                for (int column = 0; column < 2; ++column) {
                    ImGui::TableNextColumn();
                    textEllipsis(tr(Str::NoShare), {.colour = kColourMuted});
                    tooltipForLastItem(tr(Str::NoShareHelp));
                }
            } else {
                ImGui::TableNextColumn();
                drawShareBar(e.receivedValue, e.targetValue, valueScale, kColourBarValue);
                ImGui::TableNextColumn();
                drawShareBar(e.receivedDifficulty, e.targetDifficulty, difficultyScale,
                             kColourBarDifficulty);
            }
            ImGui::TableNextColumn();
            textRightFormat("%d", e.bookAfter);
        }
    }
    ImGui::EndTable();
}

}  // namespace baton::ui
