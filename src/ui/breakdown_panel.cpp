#include "ui/breakdown_panel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/strings.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// Draws one score's components as a table, with the score itself as the last row.
void drawComponents(const char* tableId, const std::vector<ScoreComponent>& components,
                    double total) {
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(tableId, 5, flags)) return;
    ImGui::TableSetupColumn(tr(Str::ColumnComponent), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnRaw), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::ColumnNormalised), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnWeight), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr(Str::ColumnContribution), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const ScoreComponent& component : components) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(componentText(component.name));
        ImGui::TableSetColumnIndex(1);
        if (component.raw) {
            // Amounts print as whole numbers, and rates and ratings keep four significant digits.
            if (std::fabs(*component.raw) >= 1000.0) {
                textRightFormat("%.0f", *component.raw);
            } else {
                textRightFormat("%.4g", *component.raw);
            }
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
            textRight(tr(Str::BreakdownMissing));
            ImGui::PopStyleColor();
        }
        ImGui::TableSetColumnIndex(2);
        textRightFormat("%.2f", component.normalised);
        ImGui::TableSetColumnIndex(3);
        textRightFormat("%.3f", component.weight);
        ImGui::TableSetColumnIndex(4);
        textRightFormat("%.2f", component.contribution);
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(tr(Str::BreakdownTotal));
    ImGui::TableSetColumnIndex(4);
    textRightFormat("%.4f", total);
    ImGui::EndTable();
}

void drawFlags(const std::vector<std::string>& flags) {
    if (flags.empty()) return;
    std::string joined;
    for (const std::string& flag : flags) joined += (joined.empty() ? "" : ", ") + flag;
    ImGui::TextDisabled(tr(Str::BreakdownFlags), joined.c_str());
}

}  // namespace

void BreakdownPanel::selectClient(const std::string& id) {
    m_target = Target::Client;
    m_selectedId = id;
}

void BreakdownPanel::selectEmployee(const std::string& id) {
    m_target = Target::Employee;
    m_selectedId = id;
}

void BreakdownPanel::draw(Session& session) {
    if (m_target == Target::None) {
        textWrappedMixed(tr(Str::BreakdownNone));
        return;
    }
    const Workspace& workspace = session.workspace();
    const Evaluation& evaluation = session.evaluation();
    if (m_target == Target::Client && evaluation.clients.size() == workspace.clients.size()) {
        for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
            if (workspace.clients[i].id == m_selectedId) return drawClient(session, evaluation, i);
        }
    }
    if (m_target == Target::Employee && evaluation.employees.size() == workspace.employees.size()) {
        for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
            if (workspace.employees[i].id == m_selectedId)
                return drawEmployee(session, evaluation, i);
        }
    }
    textWrappedMixed(tr(Str::BreakdownGone));
}

void BreakdownPanel::drawClient(const Session& session, const Evaluation& evaluation,
                                std::size_t index) {
    const Client& client = session.workspace().clients[index];
    const ClientScore& score = evaluation.clients[index];
    ImGui::Text(tr(Str::BreakdownClientTitle), client.id.c_str(), client.name.c_str());
    ImGui::Spacing();
    textColoured(kColourAccent, tr(Str::BreakdownValueSection));
    drawComponents("value_breakdown", score.valueBreakdown, score.value);
    ImGui::Spacing();
    textColoured(kColourAccent, tr(Str::BreakdownDifficultySection));
    drawComponents("difficulty_breakdown", score.difficultyBreakdown, score.difficulty);
    drawFlags(score.flags);
}

void BreakdownPanel::drawEmployee(const Session& session, const Evaluation& evaluation,
                                  std::size_t index) {
    const Employee& employee = session.workspace().employees[index];
    const EmployeeScore& score = evaluation.employees[index];
    ImGui::Text(tr(Str::BreakdownEmployeeTitle), employee.id.c_str(), employee.name.c_str());
    if (!score.group.empty()) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize());
        ImGui::TextDisabled(tr(Str::BreakdownGroup), score.group.c_str());
    }
    ImGui::Spacing();
    if (score.system) {
        ImGui::TextUnformatted(tr(Str::BreakdownSystemUser));
        return;
    }
    if (score.provisional) {
        char text[512];
        std::snprintf(text, sizeof text, tr(Str::BreakdownProvisional),
                      score.provisionalReason.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
        textWrappedMixed(text);
        ImGui::PopStyleColor();
    } else {
        ImGui::TextDisabled("%s", tr(Str::BreakdownNotProvisional));
    }
    textColoured(kColourAccent, tr(Str::BreakdownPerformanceSection));
    drawComponents("performance_breakdown", score.breakdown, score.performance);
    drawFlags(score.flags);
}

}  // namespace baton::ui
