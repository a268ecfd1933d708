// The App's view layer: the View and Help buttons, the Help window, the guided tour,
// keyboard shortcuts and the view preferences that the platform stores.
#include <imgui.h>

#include <utility>

#include "ui/app.h"
#include "ui/strings.h"

namespace baton::ui {

void App::loadGuide(const std::string& folder) { m_fonts.require(m_help.load(folder)); }

ViewSettings App::viewSettings() const {
    ViewSettings settings;
    settings.theme = m_view.theme();
    settings.fontPercent = m_fonts.requestedFontPercent();
    settings.tourSeen = m_tourSeen;
    settings.backupSnoozedUntil = m_storage.snoozedUntil();
    return settings;
}

void App::applyViewSettings(const ViewSettings& settings) {
    m_view.setTheme(settings.theme);
    m_fonts.setFontPercent(settings.fontPercent);
    m_tourSeen = settings.tourSeen;
    m_storage.setSnoozedUntil(settings.backupSnoozedUntil);
}

void App::drawViewButtons() {
    m_view.draw();
    ImGui::SameLine(0.0f, 2.0f);
    m_help.drawButton();
}

float App::viewButtonsWidth() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    float view = ImGui::CalcTextSize(tr(Str::ViewMenu)).x;
    float help = ImGui::CalcTextSize(tr(Str::HelpButton)).x;
    return view + help + style.FramePadding.x * 4.0f + 2.0f;
}

void App::drawOverlays(Session& session, AppRequests& requests, bool ready) {
    for (Shortcut shortcut : m_shortcuts) {
        switch (shortcut) {
            case Shortcut::Save: requests.save = true; break;
            case Shortcut::Open: {
                PlatformRequest pick;
                pick.kind = PlatformRequest::Kind::PickFile;
                session.request(std::move(pick));
                break;
            }
            case Shortcut::Help: m_help.toggle(); break;
        }
    }
    m_shortcuts.clear();

    // The first visit's tour starts once the workspace has employees to point at.
    if (m_tourOffered && ready && !m_tourSeen && !session.workspace().employees.empty()) {
        m_tourOffered = false;
        m_tourSeen = true;
        m_tour.start();
    }
    if (m_help.draw(session.locale().c_str())) {
        m_help.close();
        m_tourSeen = true;
        m_tour.start();
    }
    m_tour.draw();
    if (ready) m_review.draw(session);
}

}  // namespace baton::ui
