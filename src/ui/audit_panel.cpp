#include "ui/audit_panel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

std::string shortHash(const nlohmann::json& entry) {
    auto hash = entry.is_object() ? entry.find("hash") : entry.end();
    if (hash == entry.end() || !hash->is_string()) return "—";
    return hash->get<std::string>().substr(0, 12);
}

std::string fieldText(const nlohmann::json& entry, const char* key) {
    auto value = entry.is_object() ? entry.find(key) : entry.end();
    if (value == entry.end()) return "";
    if (value->is_string()) return value->get<std::string>();
    return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void AuditPanel::draw(Session& session) {
    refreshCheck(session);
    drawVerifyLine(session);
    ImGui::Separator();
    drawEntries(session);
}

// Checks the chain again whenever the workspace or its revision changed, so that a broken
// entry is marked as soon as the tab shows it, without a press of Verify chain.
void AuditPanel::refreshCheck(const Session& session) {
    if (m_check && m_checkedWorkspace == session.workspaceId() &&
        m_checkedRevision == session.revision()) {
        return;
    }
    m_check = verifyAudit(session.workspace().audit);
    m_checkedWorkspace = session.workspaceId();
    m_checkedRevision = session.revision();
}

void AuditPanel::drawVerifyLine(Session& session) {
    if (primaryButton(labelWithId(tr(Str::AuditVerify), "audit_verify").c_str())) {
        m_check = verifyAudit(session.workspace().audit);
        if (m_check->ok()) {
            session.log().info("Audit log verified: " + std::to_string(m_check->entries) +
                               " entries, last hash " + m_check->lastHash + ".");
        } else {
            session.log().warning("Audit log broken at " + describeAuditBreak(*m_check->broken) +
                                  ".");
        }
    }
    recordWidget("audit.verify");
    ImGui::SameLine();
    ImGui::Checkbox(labelWithId(tr(Str::AuditNewestFirst), "audit_newest").c_str(), &m_newestFirst);
    recordWidget("audit.newest_first");

    char text[320];
    if (session.workspace().audit.empty()) {
        ImGui::TextDisabled(trPlural(Str::AuditEntryCount, {0}).c_str(), 0);
    } else if (m_check->ok()) {
        int entries = static_cast<int>(m_check->entries);
        std::snprintf(text, sizeof text, trPlural(Str::AuditChainOk, {entries}).c_str(), entries,
                      m_check->lastHash.substr(0, 16).c_str());
        textColoured(kColourGood, text);
    } else {
        const AuditBreak& b = *m_check->broken;
        std::string seq = b.seq ? std::to_string(*b.seq) : std::string("—");
        std::snprintf(text, sizeof text, tr(Str::AuditChainBroken), static_cast<int>(b.index + 1),
                      seq.c_str(), b.field.empty() ? "—" : b.field.c_str());
        textColoured(kColourBad, text);
        tooltipForLastItem(b.reason.c_str());
    }
    recordWidget("audit.result");
}

void AuditPanel::drawEntries(const Session& session) {
    const nlohmann::json& audit = session.workspace().audit;
    if (!audit.is_array() || audit.empty()) {
        ImGui::TextDisabled("%s", tr(Str::AuditEmpty));
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("audit", 5, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnSequence), ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    ImGui::TableSetupColumn(tr(Str::AuditColumnTime), ImGuiTableColumnFlags_WidthFixed, em * 10.0f);
    ImGui::TableSetupColumn(tr(Str::AuditColumnKind), ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnDetail), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Str::AuditColumnHash), ImGuiTableColumnFlags_WidthFixed, em * 7.0f);
    ImGui::TableHeadersRow();

    std::optional<std::size_t> broken;
    if (m_check && m_check->broken) broken = m_check->broken->index;
    int count = static_cast<int>(audit.size());
    ImGuiListClipper clipper;
    clipper.Begin(count);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            std::size_t index = static_cast<std::size_t>(m_newestFirst ? count - 1 - row : row);
            const nlohmann::json& entry = audit[index];
            ImGui::TableNextRow();
            if (broken && *broken == index) {
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kColourBadBg);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fieldText(entry, "seq").c_str());
            if (broken && *broken == index) recordWidget("audit.broken_entry");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fieldText(entry, "time").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fieldText(entry, "kind").c_str());
            ImGui::TableNextColumn();
            std::string detail = fieldText(entry, "detail");
            std::string actor = fieldText(entry, "actor");
            if (!actor.empty()) detail = actor + ": " + detail;
            ImGui::TextUnformatted(detail.c_str());
            if (ImGui::CalcTextSize(detail.c_str()).x > ImGui::GetColumnWidth()) {
                tooltipForLastItem(detail.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", shortHash(entry).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace baton::ui
