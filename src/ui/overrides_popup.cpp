#include "ui/overrides_popup.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr const char* kPopupId = "###override_popup";

bool isBlank(const char* text) {
    for (; *text != '\0'; ++text) {
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r') return false;
    }
    return true;
}

const char* kindName(OverrideKind kind) { return kind == OverrideKind::Pin ? "pin" : "forbid"; }

// Writes the override to the audit log and the session log, with its reason.
void recordOverride(Session& session, const char* change, OverrideKind kind,
                    const PairOverride& pair) {
    session.recordChange(change, {{"kind", kindName(kind)},
                                  {"client", pair.client},
                                  {"employee", pair.employee},
                                  {"reason", pair.reason}});
    std::string verb = std::string(change) == "override.remove" ? "removed" : "set";
    session.log().info(std::string("Override ") + verb + ": " + kindName(kind) + " " +
                       pair.client + " → " + pair.employee +
                       (pair.reason.empty() ? std::string() : " (" + pair.reason + ")") + ".");
}

}  // namespace

void OverridesPopup::open(const Session& session, const Assignment& assignment) {
    m_openRequested = true;
    m_action = Action::Pin;
    m_client = assignment.client;
    m_current = assignment.employee;
    m_reason.fill('\0');
    m_error.clear();
    const Workspace& workspace = session.workspace();
    m_targets = moveTargets(workspace, workspace.policy, m_client, m_current);
    auto withRoom = std::find_if(m_targets.begin(), m_targets.end(),
                                 [](const MoveTarget& t) { return t.room > 0; });
    m_target = withRoom == m_targets.end() ? std::string() : withRoom->employee;
}

bool OverridesPopup::draw(Session& session, const NameLookup& names) {
    if (m_openRequested) {
        ImGui::OpenPopup(kPopupId);
        m_openRequested = false;
    }
    ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // The popup grows with its content, such as the list of a move, but never narrower.
    float width = ImGui::GetFontSize() * 30.0f;
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width * 1.5f, FLT_MAX));
    std::string title = std::string(tr(Str::OverrideTitle)) + kPopupId;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, flags)) return false;
    ImGui::TextDisabled("%s", m_client.c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(names.client(m_client));
    ImGui::Text(tr(Str::OverrideProposedFor), names.employee(m_current));
    ImGui::Separator();
    drawActionChoice(names);

    ImGui::Spacing();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##override_reason", tr(Str::OverrideReasonHint), m_reason.data(),
                             m_reason.size());
    recordWidget("override.reason");
    if (!m_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(kColourBad, m_error.c_str());
        ImGui::PopTextWrapPos();
    }
    bool changed = drawButtons(session);
    ImGui::EndPopup();
    return changed;
}

void OverridesPopup::drawActionChoice(const NameLookup& names) {
    char label[256];
    std::snprintf(label, sizeof label, tr(Str::OverridePinTo), names.employee(m_current));
    if (ImGui::RadioButton(labelWithId(label, "override_pin").c_str(), m_action == Action::Pin)) {
        m_action = Action::Pin;
    }
    recordWidget("override.pin");
    std::snprintf(label, sizeof label, tr(Str::OverrideForbidPair), names.employee(m_current));
    if (ImGui::RadioButton(labelWithId(label, "override_forbid").c_str(),
                           m_action == Action::Forbid)) {
        m_action = Action::Forbid;
    }
    recordWidget("override.forbid");
    if (ImGui::RadioButton(labelWithId(tr(Str::OverrideMove), "override_move").c_str(),
                           m_action == Action::Move)) {
        m_action = Action::Move;
    }
    recordWidget("override.move");
    if (m_action == Action::Move) drawTargetCombo(names);
}

// Lists the employees the client may move to; one with no room left is shown but
// disabled, because its pin would fail with capacity_full.
void OverridesPopup::drawTargetCombo(const NameLookup& names) {
    ImGui::Indent();
    if (m_targets.empty()) {
        ImGui::TextDisabled("%s", tr(Str::OverrideNoTargets));
        ImGui::Unindent();
        return;
    }
    ImGui::SetNextItemWidth(-1.0f);
    std::string shown = m_target.empty() ? std::string(tr(Str::ColumnEmployee))
                                         : m_target + "  " + names.employee(m_target);
    bool open = ImGui::BeginCombo("##override_target", shown.c_str());
    recordWidget("override.target");
    if (open) {
        char label[256];
        for (const MoveTarget& target : m_targets) {
            std::snprintf(label, sizeof label, tr(Str::OverrideTargetRoom),
                          target.employee.c_str(), names.employee(target.employee), target.room);
            std::string id = std::string(label) + "##" + target.employee;
            ImGui::BeginDisabled(target.room <= 0);
            if (ImGui::Selectable(id.c_str(), target.employee == m_target)) {
                m_target = target.employee;
            }
            ImGui::EndDisabled();
            recordWidget("override.target_option." + target.employee);
        }
        ImGui::EndCombo();
    }
    ImGui::Unindent();
}

bool OverridesPopup::drawButtons(Session& session) {
    bool missingTarget = m_action == Action::Move && m_target.empty();
    bool changed = false;
    ImGui::Spacing();
    ImGui::BeginDisabled(isBlank(m_reason.data()) || missingTarget);
    if (primaryButton(labelWithId(tr(Str::OverrideApply), "override_apply").c_str())) {
        changed = applyEdit(session);
    }
    ImGui::EndDisabled();
    recordWidget("override.apply");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "override_cancel").c_str())) {
        ImGui::CloseCurrentPopup();
    }
    recordWidget("override.cancel");
    return changed;
}

bool OverridesPopup::applyEdit(Session& session) {
    OverrideKind kind = m_action == Action::Forbid ? OverrideKind::Forbid : OverrideKind::Pin;
    const std::string& employee = m_action == Action::Move ? m_target : m_current;
    OverrideEdit edit = addOverride(session.workspace(), kind, m_client, employee, m_reason.data());
    if (!edit.policy) {
        m_error = edit.error;
        session.log().warning(edit.error);
        return false;
    }
    const std::vector<PairOverride>& list =
        kind == OverrideKind::Pin ? edit.policy->pins : edit.policy->forbids;
    PairOverride added = *std::find_if(list.begin(), list.end(), [&](const PairOverride& o) {
        return o.client == m_client && o.employee == employee;
    });
    session.setPolicy(*edit.policy);
    recordOverride(session, "override.add", kind, added);
    ImGui::CloseCurrentPopup();
    return true;
}

bool OverridesPopup::drawList(Session& session, const NameLookup& names) {
    const Policy& policy = session.workspace().policy;
    if (!m_listError.empty()) textColoured(kColourBad, m_listError.c_str());
    if (policy.pins.empty() && policy.forbids.empty()) {
        textWrappedColoured(ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(Str::OverridesNone));
        return false;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("overrides", 5, flags)) return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::OverrideColumnKind), ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::OverrideColumnKind), 4.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnClient), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(Str::ColumnEmployee), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(Str::ColumnReason), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::OverrideRemove), 4.0f));
    ImGui::TableHeadersRow();
    // The lists are copied because a click replaces the policy while they are drawn.
    std::vector<PairOverride> pins = policy.pins;
    std::vector<PairOverride> forbids = policy.forbids;
    bool changed = drawOverrideRows(session, names, OverrideKind::Pin, pins);
    changed = drawOverrideRows(session, names, OverrideKind::Forbid, forbids) || changed;
    ImGui::EndTable();
    return changed;
}

bool OverridesPopup::drawOverrideRows(Session& session, const NameLookup& names,
                                      OverrideKind kind, const std::vector<PairOverride>& list) {
    bool changed = false;
    for (const PairOverride& o : list) {
        std::string key = std::string(kindName(kind)) + "." + o.client + "." + o.employee;
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool pin = kind == OverrideKind::Pin;
        textColoured(pin ? kColourGood : kColourBad,
                     tr(pin ? Str::OverrideKindPin : Str::OverrideKindForbid));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", o.client.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(names.client(o.client));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(names.employee(o.employee));
        ImGui::TableNextColumn();
        textWrappedMixed(o.reason.c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(tr(Str::OverrideRemove))) {
            OverrideEdit edit =
                removeOverride(session.workspace().policy, kind, o.client, o.employee);
            if (edit.policy) {
                session.setPolicy(*edit.policy);
                recordOverride(session, "override.remove", kind, o);
                m_listError.clear();
                changed = true;
            } else {
                m_listError = edit.error;
            }
        }
        recordWidget("override.remove." + key);
        ImGui::PopID();
    }
    return changed;
}

}  // namespace baton::ui
