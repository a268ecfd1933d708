// The Workspaces tab: the stored workspaces (one per firm, say) with create, open, rename,
// duplicate and delete. Every action is a page API call (workspaces, createWorkspace,
// openWorkspace, ...) sent through the session's platform requests, and the list is read
// again after each one. A delete waits for confirmation in a dialog.
#pragma once

#include <string>
#include <vector>

#include "app/session.h"
#include "ui/async_call.h"

namespace baton::ui {

class WorkspacesPanel {
public:
    void draw(Session& session);
    // The names of the listed workspaces, so that the font atlas can hold their glyphs.
    std::vector<std::string> names() const;

private:
    struct Entry {
        std::string id;
        std::string name;
        std::string created;     // ISO 8601 UTC, "" when unknown
        std::string lastBackup;  // ISO 8601 UTC, "" when never
        bool encrypted = false;
    };

    void takeReplies(Session& session);
    void readList(const std::string& json);
    void drawCreateRow(Session& session);
    void drawTable(Session& session);
    void drawRowActions(Session& session, const Entry& entry, bool open);
    void drawRenameDialog(Session& session);
    void drawDeleteDialog(Session& session);
    void act(Session& session, const std::string& method, const nlohmann::json& arguments);

    AsyncCall m_list;    // the workspaces() call
    AsyncCall m_action;  // the last create, open, rename, duplicate or delete call
    std::vector<Entry> m_entries;
    bool m_listed = false;
    std::string m_seenWorkspace;  // the open workspace when the list was read
    std::string m_error;          // the last action's error, shown until the next action
    char m_newName[128] = "";
    char m_renameText[128] = "";
    std::string m_renameId;  // the workspace being renamed, "" when the dialog is closed
    std::string m_deleteId;  // the workspace to delete once confirmed
    std::string m_deleteName;
    std::string m_openPopup;  // the popup a row's button asked for, opened after the table
};

// "2026-12-04T17:20:42Z" as "2026-12-04 17:20"; other text unchanged.
std::string shortUtcTime(const std::string& iso);

}  // namespace baton::ui
