// The page API calls of the planning views and the audit log: whatIf(employeeId),
// keyPersonRisk() and verifyAudit(). Each returns JSON text that stays valid until the
// next call of this file; web/api.js parses it.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/audit.h"
#include "io/whatif_json.h"
#include "platform/services.h"
#include "platform/web_state.h"

namespace {

std::string g_planningReply;

// Runs `body` and keeps its JSON as the reply; an exception becomes {ok: false, error}
// and a log entry, so that a failing call never takes the page down.
template <typename Body>
const char* planningReply(const char* call, Body&& body) {
    nlohmann::json value;
    try {
        if (!baton::platform::ready()) {
            value = {{"ok", false}, {"error", "Baton is still loading"}};
        } else {
            value = body(*baton::platform::activeSession());
        }
    } catch (const std::exception& e) {
        std::string message = std::string(call) + " failed: " + e.what();
        baton::platform::activeSession()->log().error(message);
        value = {{"ok", false}, {"error", message}};
    }
    g_planningReply = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_planningReply.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* baton_api_what_if(const char* employeeId) {
    return planningReply("whatIf", [&](baton::Session& session) {
        baton::WhatIfPreview preview = session.previewDeparture(employeeId ? employeeId : "");
        return baton::whatIfToJson(session.workspace(), preview);
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_key_person_risk() {
    return planningReply("keyPersonRisk", [&](baton::Session& session) {
        baton::KeyPersonReport report = session.keyPersonRisk();
        nlohmann::json value = baton::keyPersonRiskToJson(session.workspace(), report);
        value["ok"] = true;
        return value;
    });
}

// Returns {ok, entries, verified, last_hash, broken: {index, seq, field, reason} | null}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_verify_audit() {
    return planningReply("verifyAudit", [&](baton::Session& session) {
        const nlohmann::json& audit = session.workspace().audit;
        baton::AuditCheck check = baton::verifyAudit(audit);
        nlohmann::json broken = nullptr;
        if (check.broken) {
            const baton::AuditBreak& b = *check.broken;
            broken = {{"index", b.index},
                      {"seq", b.seq ? nlohmann::json(*b.seq) : nlohmann::json(nullptr)},
                      {"field", b.field},
                      {"reason", b.reason}};
        }
        return nlohmann::json{{"ok", check.ok()},
                              {"entries", audit.is_array() ? audit.size() : 0},
                              {"verified", check.entries},
                              {"last_hash", check.lastHash},
                              {"broken", broken}};
    });
}

}  // extern "C"
