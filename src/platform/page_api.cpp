// The C side of the page API (window.baton, defined in web/api.js). Each function takes
// UTF-8 text in WASM memory and returns JSON text that stays valid until the next call.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <string>

#include "platform/allocate_options.h"
#include "platform/api_text.h"
#include "io/verify_result.h"
#include "io/workspace_json.h"
#include "platform/json_reply.h"
#include "platform/services.h"
#include "platform/web_state.h"
#include "ui/widget_registry.h"

namespace baton::platform {
namespace {

// The text returned by the last call; JS copies it out before the next call.
std::string g_reply;

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}

const char* replyJson(const nlohmann::json& value) { return reply(value.dump()); }

const char* notReady() {
    return replyJson({{"ok", false},
                      {"errors", nlohmann::json::array({{{"path", ""},
                                                         {"line", nullptr},
                                                         {"column", nullptr},
                                                         {"message", "Baton is still loading"}}})}});
}

}  // namespace

bool parseAllocateOptions(const char* text, AllocateOptions& options, std::string& error) {
    if (text == nullptr || *text == '\0') return true;
    nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded() || !(object.is_object() || object.is_null())) {
        error = "allocate options must be an object such as {\"seed\": 7}";
        return false;
    }
    if (object.is_null()) return true;
    if (object.contains("seed")) {
        const auto& seed = object["seed"];
        if (!seed.is_number_unsigned() && !(seed.is_number_integer() && seed.get<long long>() >= 0)) {
            error = "option seed must be a non-negative integer";
            return false;
        }
        options.seed = seed.get<std::uint64_t>();
    }
    if (object.contains("baseline") && !object["baseline"].is_null()) {
        if (!object["baseline"].is_string()) {
            error = "option baseline must be a string";
            return false;
        }
        std::string name = object["baseline"].get<std::string>();
        if (name != "round_robin" && name != "greedy_fit" && name != "weighted_picking" &&
            name != "proposal" && name != "fair" && !name.empty()) {
            error = "unknown baseline \"" + name +
                    "\"; use round_robin, greedy_fit, weighted_picking or proposal";
            return false;
        }
        if (name == "proposal" && !activeSession()->hasProposal()) {
            error = "baseline proposal needs a proposal: call importProposal(text) first";
            return false;
        }
        options.baseline = name == "fair" ? "" : name;
    }
    return true;
}

namespace {

// Runs one API call; an exception becomes an error reply and a log entry, so a bug in one
// call never takes the page down.
template <typename Body>
const char* guard(const char* call, Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        std::string message = std::string(call) + " failed: " + e.what();
        if (activeSession()) activeSession()->log().error(message);
        return replyJson({{"ok", false}, {"error", message}});
    }
}

}  // namespace
}  // namespace baton::platform

using baton::platform::activeSession;
using baton::platform::guard;
using baton::platform::reply;
using baton::platform::replyJson;

extern "C" {

// Imports workspace JSON given as `size` bytes of UTF-8. web/api.js copies a Uint8Array
// into the heap once, so that a large file is never held as a JavaScript string, and encodes
// text to UTF-8 with its length, so that a NUL character reaches the JSON reader.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_workspace_bytes(const unsigned char* bytes,
                                                                  int size) {
    return guard("importWorkspace", [&]() -> const char* {
        if (!baton::platform::ready()) return baton::platform::notReady();
        baton::ImportOutcome outcome =
            activeSession()->importWorkspaceText(baton::platform::bytesText(bytes, size));
        return replyJson({{"ok", outcome.ok},
                          {"errors", baton::platform::errorsToJson(outcome.errors)},
                          {"warnings", baton::platform::errorsToJson(outcome.warnings)}});
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_export_workspace() {
    return guard("exportWorkspace", [&]() -> const char* {
        return reply(activeSession()->exportWorkspaceText());
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_evaluate() {
    return guard("evaluate", [&]() -> const char* {
        return reply(activeSession()->evaluationText());
    });
}

// Returns {"ok": true, "text": result} or {"ok": false, "error": message}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_allocate(const char* optionsText) {
    return guard("allocate", [&]() -> const char* {
        baton::AllocateOptions options;
        std::string error;
        if (!baton::platform::parseAllocateOptions(optionsText, options, error)) {
            activeSession()->log().error("allocate: " + error);
            return replyJson({{"ok", false}, {"error", error}});
        }
        std::string text = activeSession()->allocate(options);
        return replyJson({{"ok", true}, {"text", text}});
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_apply_proposal() {
    return guard("applyProposal", [&]() -> const char* {
        baton::ApplyOutcome outcome = activeSession()->applyProposal();
        return replyJson({{"ok", outcome.ok}, {"message", outcome.message}, {"moved", outcome.moved}});
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_summary() {
    baton::SessionSummary s = activeSession()->summary();
    return replyJson({{"workspace", s.workspace},
                      {"employees", s.employees},
                      {"clients", s.clients},
                      {"released", s.released},
                      {"assigned", s.assigned},
                      {"unassigned", s.unassigned},
                      {"saved", baton::toString(s.saved)},
                      {"name", s.name},
                      {"locked", s.locked}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_locale(const char* tag) {
    std::string value = tag ? tag : "";
    bool ok = activeSession()->setLocale(value);
    if (!ok) return replyJson({{"ok", false}, {"error", "unknown locale \"" + value +
                                                            "\"; use en or zh-CN"}});
    return replyJson({{"ok", true}, {"locale", activeSession()->locale()}});
}

// Imports a proposal given as `size` bytes of UTF-8, CSV or allocation JSON.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_proposal(const unsigned char* bytes, int size) {
    return guard("importProposal", [&]() -> const char* {
        baton::ImportOutcome outcome =
            activeSession()->importProposalText(baton::platform::bytesText(bytes, size));
        return replyJson({{"ok", outcome.ok},
                          {"errors", baton::platform::errorsToJson(outcome.errors)},
                          {"warnings", baton::platform::errorsToJson(outcome.warnings)}});
    });
}

// Returns {"ok": bool, "readable": bool, "breaches": [...], "unchecked": "...",
// "checked_against": "..."}; an unreadable result is not ok, with its errors. `unchecked`
// names what verify leaves out. `checked_against` is "open_workspace", "before_apply" for
// the applied result, or "nothing" (not ok, no breaches) when the workspace was edited after
// that result was applied.
// Verifies a result given as `size` bytes of UTF-8.
EMSCRIPTEN_KEEPALIVE const char* baton_api_verify(const unsigned char* bytes, int size) {
    return guard("verify", [&]() -> const char* {
        baton::VerifyOutcome outcome =
            activeSession()->verifyResultText(baton::platform::bytesText(bytes, size));
        const char* against = "open_workspace";
        if (outcome.basis == baton::VerifyBasis::BeforeApply) against = "before_apply";
        if (outcome.basis == baton::VerifyBasis::EditedAfterApply) against = "nothing";
        return replyJson({{"ok", outcome.ok()},
                          {"readable", outcome.readable},
                          {"breaches", outcome.breaches},
                          {"unchecked", baton::kVerifyUnchecked},
                          {"checked_against", against}});
    });
}

// A test hook: the CSS-pixel rectangle of a named widget drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* baton_api_widget_rect(const char* name) {
    auto rect = baton::ui::widgetRect(name ? name : "");
    if (!rect) return reply("null");
    return replyJson({{"x", rect->x}, {"y", rect->y}, {"width", rect->width},
                      {"height", rect->height}});
}

}  // extern "C"
