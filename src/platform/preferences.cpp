#include "platform/preferences.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

namespace {

// Returns {"stored": <the stored JSON text or null>, "language": navigator.language,
// "automated": navigator.webdriver} as JSON text in memory the caller frees.
EM_JS(char*, jsReadPreferences, (), {
    var stored = null;
    try {
        stored = window.localStorage.getItem('baton.preferences');
    } catch (error) {
        console.warn('Preferences are not readable: ' + error);
    }
    var reply = JSON.stringify({
        stored: stored,
        language: String(navigator.language || ''),
        automated: navigator.webdriver === true,
    });
    var length = lengthBytesUTF8(reply) + 1;
    var pointer = _malloc(length);
    stringToUTF8(reply, pointer, length);
    return pointer;
});

EM_JS(void, jsWritePreferences, (const char* text), {
    try {
        window.localStorage.setItem('baton.preferences', UTF8ToString(text));
    } catch (error) {
        console.warn('Preferences are not stored: ' + error);
    }
});

// The preferences last loaded or stored, as JSON text.
std::string g_storedText;
// The language is stored only once the user chose one, so that until then it follows the
// browser's language on every visit.
bool g_localeChosen = false;
std::string g_loadedLocale;

std::string preferencesText(const baton::Session& session, const baton::ui::App& app) {
    baton::ui::ViewSettings view = app.viewSettings();
    nlohmann::json json = {{"theme", baton::ui::toString(view.theme)},
                           {"font_percent", view.fontPercent},
                           {"tour_seen", view.tourSeen}};
    if (view.backupSnoozedUntil > 0.0) json["backup_snoozed_until"] = view.backupSnoozedUntil;
    if (g_localeChosen) json["locale"] = session.locale();
    return json.dump();
}

// Applies the stored fields that are valid; a missing or invalid field keeps the default.
void applyStored(const nlohmann::json& stored, baton::Session& session,
                 baton::ui::ViewSettings& view) {
    auto text = [&](const char* key) {
        auto found = stored.find(key);
        return found != stored.end() && found->is_string() ? found->get<std::string>() : "";
    };
    g_localeChosen = session.setLocale(text("locale"));
    if (auto theme = baton::ui::parseTheme(text("theme"))) view.theme = *theme;
    auto percent = stored.find("font_percent");
    if (percent != stored.end() && percent->is_number_integer()) {
        view.fontPercent = percent->get<int>();
    }
    auto seen = stored.find("tour_seen");
    if (seen != stored.end() && seen->is_boolean()) view.tourSeen = seen->get<bool>();
    auto snoozed = stored.find("backup_snoozed_until");
    if (snoozed != stored.end() && snoozed->is_number()) {
        view.backupSnoozedUntil = snoozed->get<double>();
    }
}

}  // namespace

namespace baton::platform {

void loadPreferences(Session& session, ui::App& app) {
    char* replyText = jsReadPreferences();
    nlohmann::json reply = nlohmann::json::parse(replyText, nullptr, false);
    std::free(replyText);
    if (!reply.is_object()) reply = nlohmann::json::object();

    ui::ViewSettings view;
    nlohmann::json stored = nlohmann::json::object();
    auto storedText = reply.find("stored");
    if (storedText != reply.end() && storedText->is_string()) {
        stored = nlohmann::json::parse(storedText->get<std::string>(), nullptr, false);
    }
    if (stored.is_object()) applyStored(stored, session, view);
    if (!g_localeChosen) {
        std::string language = reply.value("language", "");
        bool chinese = language.size() >= 2 && (language.compare(0, 2, "zh") == 0 ||
                                                language.compare(0, 2, "ZH") == 0);
        session.setLocale(chinese ? "zh-CN" : "en");
    }
    g_loadedLocale = session.locale();
    app.applyViewSettings(view);
    if (!view.tourSeen && !reply.value("automated", false)) app.offerTour();
    g_storedText = preferencesText(session, app);
}

void storePreferencesIfChanged(const Session& session, const ui::App& app) {
    if (session.locale() != g_loadedLocale) g_localeChosen = true;
    std::string text = preferencesText(session, app);
    if (text == g_storedText) return;
    g_storedText = text;
    jsWritePreferences(text.c_str());
}

}  // namespace baton::platform
