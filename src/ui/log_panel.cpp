#include "ui/log_panel.h"

#include <imgui.h>

#include <vector>

#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

ImU32 levelColour(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return kColourMuted;
        case LogLevel::Info: return kColourAccent;
        case LogLevel::Warning: return kColourWarning;
        case LogLevel::Error: return kColourBad;
    }
    return kColourMuted;
}

}  // namespace

void LogPanel::draw(Session& session) {
    Log& log = session.log();
    drawToolbar(log);

    const auto& entries = log.entries();
    std::vector<const LogEntry*> shown;  // the entries that pass the level and text filters
    shown.reserve(entries.size());
    for (const LogEntry& entry : entries) {
        if (!m_showDebug && entry.level == LogLevel::Debug) continue;
        if (m_filter.matches(entry.message) || m_filter.matches(logMessageText(entry.message))) {
            shown.push_back(&entry);
        }
    }
    if (shown.empty()) {
        ImGui::TextDisabled("%s", tr(m_filter.empty() ? Str::LogEmpty : Str::LogNoMatch));
        if (!m_filter.empty()) recordWidget("log.no_match");
        return;
    }
    drawTable(shown);
}

void LogPanel::drawToolbar(Log& log) {
    if (ImGui::Button(labelWithId(tr(Str::LogClear), "log_clear").c_str())) log.clear();
    recordWidget("log.clear");
    ImGui::SameLine();
    ImGui::Checkbox(labelWithId(tr(Str::LogFollow), "log_follow").c_str(), &m_follow);
    recordWidget("log.follow");
    ImGui::SameLine();
    ImGui::Checkbox(labelWithId(tr(Str::LogShowDebug), "log_debug").c_str(), &m_showDebug);
    recordWidget("log.show_debug");
    ImGui::SameLine();
    m_filter.draw("##log_filter", tr(Str::LogFilterHint), ImGui::GetFontSize() * 14.0f);
    recordWidget("log.filter");
}

void LogPanel::drawTable(const std::vector<const LogEntry*>& shown) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("log", 3, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnSequence), ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnLevel), ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnMessage), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();

    // Each message is drawn on one line, so that every row has the height the clipper
    // expects. A long message shows in full in its tooltip.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const LogEntry& entry = *shown[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%llu", static_cast<unsigned long long>(entry.sequence));
            ImGui::TableNextColumn();
            textColoured(levelColour(entry.level), logLevelText(entry.level));
            ImGui::TableNextColumn();
            std::string message = logMessageText(entry.message);
            ImGui::TextUnformatted(message.c_str());
            if (ImGui::CalcTextSize(message.c_str()).x > ImGui::GetColumnWidth()) {
                tooltipForLastItem(message.c_str());
            }
        }
    }

    std::uint64_t newest = shown.back()->sequence;
    if (m_follow && newest != m_seenSequence) ImGui::SetScrollHereY(1.0f);
    m_seenSequence = newest;
    ImGui::EndTable();
}

}  // namespace baton::ui
