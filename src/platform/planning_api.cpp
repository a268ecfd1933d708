// The page API calls of the planning views and the audit log: whatIf(employeeId),
// keyPersonRisk() and verifyAudit(). Each returns JSON text that stays valid until the
// next call of this file; web/api.js parses it.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "core/audit.h"
#include "io/whatif_json.h"
#include "platform/json_reply.h"
#include "platform/services.h"
#include "platform/web_state.h"

namespace {

std::string g_planningReply;

template <typename Body>
const char* planningReply(const char* call, Body&& body) {
    return baton::platform::jsonReply(g_planningReply, call, std::forward<Body>(body));
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
