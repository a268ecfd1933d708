// The top-level layout: one window filling the viewport with a toolbar, the panels
// (side by side when the window is wide, as tabs when it is narrow) and a status line
// with the save state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/allocation_panel.h"
#include "ui/breakdown_panel.h"
#include "ui/clients_panel.h"
#include "ui/cycle_tabs.h"
#include "ui/employees_panel.h"
#include "ui/fonts.h"
#include "ui/help_panel.h"
#include "ui/import_review.h"
#include "ui/log_panel.h"
#include "ui/policy_panel.h"
#include "ui/storage_panel.h"
#include "ui/tour.h"
#include "ui/view_menu.h"
#include "ui/workspaces_panel.h"

namespace baton::ui {

// Requests from the user in one frame that the platform carries out.
struct AppRequests {
    bool save = false;
};

class App {
public:
    App();

    // Sets the theme and reads the fonts from `fontFolder`, logging a missing font to
    // `log`. Call once after the ImGui context exists.
    void init(const std::string& fontFolder, Log& log);

    // Brings the font atlas up to date with the session's text and the pixel ratio.
    // Returns true when the atlas was rebuilt and its texture must be uploaded again.
    // Call before NewFrame.
    bool prepareFrame(Session& session, float pixelRatio);

    // Draws the whole UI; `ready` is false while the stored workspace is loading.
    AppRequests draw(Session& session, bool ready);

    // Reads the user guide (guide.en.md and guide.zh-CN.md) from `folder`.
    void loadGuide(const std::string& folder);
    // Keyboard shortcuts that the platform catches, so that the browser's own action for
    // the same keys (save page, open file, help) is prevented. They run in the next draw.
    enum class Shortcut { Save, Open, Help };
    void queueShortcut(Shortcut shortcut) { m_shortcuts.push_back(shortcut); }
    // The view preferences, which the platform stores between visits.
    ViewSettings viewSettings() const;
    void applyViewSettings(const ViewSettings& settings);
    // Starts the guided tour once a workspace is loaded, unless it was already shown.
    void offerTour() { m_tourOffered = true; }

private:
    void drawToolbar(Session& session, AppRequests& requests);
    void drawFileButtons(Session& session, const char* open, const char* exportJson);
    void drawUndoButtons(Session& session);
    void handleEditShortcuts(Session& session);
    void drawBody(Session& session);
    void drawWideBody(Session& session);
    void drawNarrowBody(Session& session);
    void drawStatusLine(const Session& session);
    // Draws the Scores and Policy tabs, in a tab bar that has begun.
    void drawScoreTabs(Session& session);
    // Draws the Workspaces and Storage tabs, in a tab bar that has begun.
    void drawStorageTabs(Session& session);
    // Passes a row clicked in the Employees or Clients table on to the Scores tab.
    void forwardSelection();
    // The View and Help toolbar buttons, and their width for the toolbar's layout.
    void drawViewButtons();
    float viewButtonsWidth() const;
    // Runs queued shortcuts and draws the Review import window, the Help window and the
    // tour over the main window.
    void drawOverlays(Session& session, AppRequests& requests, bool ready);

    FontManager m_fonts;
    EmployeesPanel m_employees;
    ClientsPanel m_clients;
    AllocationPanel m_allocation;
    LogPanel m_log;
    BreakdownPanel m_breakdown;
    PolicyPanel m_policy;
    CycleTabs m_cycleTabs;
    WorkspacesPanel m_workspaces;
    StoragePanel m_storage;
    ViewMenu m_view{m_fonts};
    HelpPanel m_help;
    ImportReview m_review;
    Tour m_tour;
    std::vector<Shortcut> m_shortcuts;
    bool m_tourOffered = false;
    bool m_tourSeen = false;
    // The released book's size, recounted when the workspace changes.
    int m_releasedCount = 0;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
};

}  // namespace baton::ui
