// The view preferences kept in the browser's localStorage under "baton.preferences": the
// UI language, the theme, the font size setting, whether the tour was shown and until when
// the backup reminder is snoozed. They are separate from the workspace store, so they apply
// to every workspace. On a first visit
// the language follows navigator.language ("zh..." gives zh-CN, anything else English).
#pragma once

#include "app/session.h"
#include "ui/app.h"

namespace baton::platform {

// Applies the stored preferences, or the browser's language on a first visit, to the
// session and the UI. Offers the guided tour on a first visit, except in a browser run
// by automation (navigator.webdriver), whose scripted clicks the tour would cover.
void loadPreferences(Session& session, ui::App& app);

// Stores the preferences when they differ from those last loaded or stored. Cheap enough
// to call every frame. A browser that blocks localStorage keeps them for this page only.
void storePreferencesIfChanged(const Session& session, const ui::App& app);

}  // namespace baton::platform
