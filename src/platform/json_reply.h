// The reply wrapper of the page API calls that return JSON text.
#pragma once

#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <vector>

#include "io/workspace_json.h"

#include "platform/services.h"
#include "platform/web_state.h"

namespace baton::platform {

// The page API's error objects {path, line, column, message}; an absent line or column is
// null.
inline nlohmann::json errorsToJson(const std::vector<JsonError>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const JsonError& e : errors) {
        list.push_back({{"path", e.path},
                        {"line", e.line ? nlohmann::json(*e.line) : nlohmann::json(nullptr)},
                        {"column", e.column ? nlohmann::json(*e.column) : nlohmann::json(nullptr)},
                        {"message", e.message}});
    }
    return list;
}

// Runs `body` on the active session and keeps its JSON in `storage`, whose text stays valid
// until the next call that uses the same storage. An exception becomes {ok: false, error}
// and a log entry, so that a failing call never takes the page down.
template <typename Body>
const char* jsonReply(std::string& storage, const char* call, Body&& body) {
    nlohmann::json value;
    try {
        if (!ready()) {
            value = {{"ok", false}, {"error", "Baton is still loading"}};
        } else {
            value = body(*activeSession());
        }
    } catch (const std::exception& e) {
        std::string message = std::string(call) + " failed: " + e.what();
        activeSession()->log().error(message);
        value = {{"ok", false}, {"error", message}};
    }
    storage = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return storage.c_str();
}

}  // namespace baton::platform
