#include "ui/workspaces_panel.h"

#include <imgui.h>

#include <cstdio>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

using nlohmann::json;

std::string textField(const json& object, const char* key) {
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Copies `text` into the ImGui text buffer `buffer` of `size` bytes, cut to fit.
void copyInto(char* buffer, std::size_t size, const std::string& text) {
    std::snprintf(buffer, size, "%s", text.c_str());
}

// The width of the four small buttons of a row, in the current language.
float actionsWidth() {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0.0f;
    for (Str id : {Str::WorkspaceOpen, Str::WorkspaceRename, Str::WorkspaceDuplicate,
                   Str::WorkspaceDelete}) {
        width += ImGui::CalcTextSize(tr(id)).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    }
    return width;
}

}  // namespace

std::string shortUtcTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::vector<std::string> WorkspacesPanel::names() const {
    std::vector<std::string> out;
    out.reserve(m_entries.size());
    for (const Entry& entry : m_entries) out.push_back(entry.name);
    return out;
}

void WorkspacesPanel::readList(const std::string& text) {
    json list = json::parse(text, nullptr, false);
    if (!list.is_array()) return;
    m_entries.clear();
    for (const json& item : list) {
        if (!item.is_object()) continue;
        Entry entry;
        entry.id = textField(item, "id");
        entry.name = textField(item, "name");
        entry.created = textField(item, "created");
        entry.lastBackup = textField(item, "last_backup");
        entry.encrypted = item.value("encrypted", false);
        m_entries.push_back(std::move(entry));
    }
    m_listed = true;
}

void WorkspacesPanel::takeReplies(Session& session) {
    if (auto reply = m_list.poll(session)) {
        if (reply->ok) {
            readList(reply->value);
        } else {
            m_error = reply->value;
        }
    }
    if (auto reply = m_action.poll(session)) {
        if (!reply->ok) m_error = reply->value;
        m_list.start(session, "workspaces");
    }
    bool switched = session.workspaceId() != m_seenWorkspace;
    if ((!m_listed || switched) && !m_list.busy()) {
        m_seenWorkspace = session.workspaceId();
        m_list.start(session, "workspaces");
    }
}

void WorkspacesPanel::act(Session& session, const std::string& method, const json& arguments) {
    m_error.clear();
    m_action.start(session, method, arguments);
}

void WorkspacesPanel::draw(Session& session) {
    takeReplies(session);
    textWrappedMixed(tr(Str::WorkspacesIntro));
    if (!session.storageStatus().available) {
        textColoured(kColourWarning, tr(Str::WorkspacesMemoryOnly));
    }
    drawCreateRow(session);
    if (!m_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(kColourBad, m_error.c_str());
        ImGui::PopTextWrapPos();
        recordWidget("ws.error");
    }
    ImGui::Spacing();
    drawTable(session);
    // Popups open outside the table, so their ids do not depend on the row.
    if (!m_openPopup.empty()) {
        ImGui::OpenPopup(m_openPopup.c_str());
        m_openPopup.clear();
    }
    drawRenameDialog(session);
    drawDeleteDialog(session);
}

void WorkspacesPanel::drawCreateRow(Session& session) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    bool entered = ImGui::InputTextWithHint("##ws_new_name", tr(Str::WorkspaceNameHint), m_newName,
                                            sizeof m_newName, ImGuiInputTextFlags_EnterReturnsTrue);
    recordWidget("ws.name_input");
    ImGui::SameLine();
    bool pressed = ImGui::Button(labelWithId(tr(Str::WorkspaceCreate), "ws_create").c_str());
    recordWidget("ws.create");
    if (entered || pressed) {
        act(session, "createWorkspace", json::array({std::string(m_newName)}));
        m_newName[0] = '\0';
    }
    if (m_action.busy() || m_list.busy()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Str::WorkingEllipsis));
    }
}

void WorkspacesPanel::drawTable(Session& session) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("workspaces", 5, flags)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Str::ColumnCreated), ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
    ImGui::TableSetupColumn(tr(Str::ColumnLastBackup), ImGuiTableColumnFlags_WidthFixed,
                            em * 7.5f);
    ImGui::TableSetupColumn(tr(Str::ColumnEncrypted), ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, actionsWidth());
    ImGui::TableHeadersRow();
    for (const Entry& entry : m_entries) {
        bool open = entry.id == session.workspaceId();
        ImGui::PushID(entry.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (open) {
            textColoured(kColourAccent, ("● " + entry.name).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(Str::WorkspaceOpenMark));
        } else {
            ImGui::TextUnformatted(entry.name.c_str());
        }
        recordWidget("ws.row." + entry.id);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shortUtcTime(entry.created).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(entry.lastBackup.empty() ? tr(Str::Never)
                                                        : shortUtcTime(entry.lastBackup).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(entry.encrypted ? tr(Str::Yes) : tr(Str::No));
        ImGui::TableNextColumn();
        drawRowActions(session, entry, open);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void WorkspacesPanel::drawRowActions(Session& session, const Entry& entry, bool open) {
    ImGui::BeginDisabled(open && !session.locked());
    if (ImGui::SmallButton(labelWithId(tr(Str::WorkspaceOpen), "open").c_str())) {
        act(session, "openWorkspace", json::array({entry.id}));
    }
    ImGui::EndDisabled();
    recordWidget("ws.open." + entry.id);
    ImGui::SameLine();
    if (ImGui::SmallButton(labelWithId(tr(Str::WorkspaceRename), "rename").c_str())) {
        m_renameId = entry.id;
        copyInto(m_renameText, sizeof m_renameText, entry.name);
        m_openPopup = "###ws_rename";
    }
    recordWidget("ws.rename." + entry.id);
    ImGui::SameLine();
    if (ImGui::SmallButton(labelWithId(tr(Str::WorkspaceDuplicate), "duplicate").c_str())) {
        act(session, "duplicateWorkspace", json::array({entry.id}));
    }
    recordWidget("ws.duplicate." + entry.id);
    ImGui::SameLine();
    if (ImGui::SmallButton(labelWithId(tr(Str::WorkspaceDelete), "delete").c_str())) {
        m_deleteId = entry.id;
        m_deleteName = entry.name;
        m_openPopup = "###ws_delete";
    }
    recordWidget("ws.delete." + entry.id);
}

void WorkspacesPanel::drawRenameDialog(Session& session) {
    std::string title = std::string(tr(Str::WorkspaceRenameTitle)) + "###ws_rename";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    bool entered = ImGui::InputText("##ws_rename_input", m_renameText, sizeof m_renameText,
                                    ImGuiInputTextFlags_EnterReturnsTrue);
    recordWidget("ws.rename_input");
    if (primaryButton(labelWithId(tr(Str::WorkspaceRenameSave), "ws_rename_save").c_str()) ||
        entered) {
        act(session, "renameWorkspace", json::array({m_renameId, std::string(m_renameText)}));
        m_renameId.clear();
        ImGui::CloseCurrentPopup();
    }
    recordWidget("ws.rename_save");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "ws_rename_cancel").c_str())) {
        m_renameId.clear();
        ImGui::CloseCurrentPopup();
    }
    recordWidget("ws.dialog_cancel");
    ImGui::EndPopup();
}

void WorkspacesPanel::drawDeleteDialog(Session& session) {
    std::string title = std::string(tr(Str::WorkspaceDeleteTitle)) + "###ws_delete";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    char question[512];
    std::snprintf(question, sizeof question, tr(Str::WorkspaceDeleteQuestion),
                  m_deleteName.c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(question);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, kColourBad);
    bool confirmed = ImGui::Button(labelWithId(tr(Str::WorkspaceDelete), "ws_delete_yes").c_str());
    ImGui::PopStyleColor();
    recordWidget("ws.delete_confirm");
    if (confirmed) {
        act(session, "deleteWorkspace", json::array({m_deleteId}));
        m_deleteId.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "ws_delete_cancel").c_str())) {
        m_deleteId.clear();
        ImGui::CloseCurrentPopup();
    }
    recordWidget("ws.dialog_cancel");
    ImGui::EndPopup();
}

}  // namespace baton::ui
