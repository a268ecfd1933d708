// The C side of the page API (window.baton, defined in web/api.js). Each function takes
// UTF-8 text in WASM memory and returns JSON text that stays valid until the next call.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "app/file_import.h"
#include "platform/allocate_options.h"
#include "io/workspace_json.h"
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

nlohmann::json errorsToJson(const std::vector<JsonError>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const JsonError& e : errors) {
        list.push_back({{"path", e.path},
                        {"line", e.line ? nlohmann::json(*e.line) : nlohmann::json(nullptr)},
                        {"column", e.column ? nlohmann::json(*e.column) : nlohmann::json(nullptr)},
                        {"message", e.message}});
    }
    return list;
}

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

// Reads the import options text: empty, null or an object whose "into" is a boolean.
// Anything else throws std::invalid_argument, which guard() turns into an error reply.
bool importIntoOption(const char* text) {
    if (text == nullptr || *text == '\0') return false;
    nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_null()) return false;
    if (!object.is_object()) {
        throw std::invalid_argument("import options must be an object such as {\"into\": true}");
    }
    auto into = object.find("into");
    if (into == object.end() || into->is_null()) return false;
    if (!into->is_boolean()) throw std::invalid_argument("option into must be true or false");
    return into->get<bool>();
}

}  // namespace
}  // namespace baton::platform

using baton::platform::activeSession;
using baton::platform::guard;
using baton::platform::reply;
using baton::platform::replyJson;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* baton_api_import_workspace(const char* text) {
    return guard("importWorkspace", [&]() -> const char* {
        if (!baton::platform::ready()) return baton::platform::notReady();
        baton::ImportOutcome outcome = activeSession()->importWorkspaceText(text ? text : "");
        return replyJson({{"ok", outcome.ok}, {"errors", baton::platform::errorsToJson(outcome.errors)}});
    });
}

// Imports workspace JSON given as `size` bytes of UTF-8 (web/api.js copies a Uint8Array
// into the heap once, so that a large file is never held as a JavaScript string).
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_workspace_bytes(const unsigned char* bytes,
                                                                  int size) {
    return guard("importWorkspace", [&]() -> const char* {
        if (!baton::platform::ready()) return baton::platform::notReady();
        std::string_view text(reinterpret_cast<const char*>(bytes), std::size_t(size));
        baton::ImportOutcome outcome = activeSession()->importWorkspaceText(text);
        return replyJson({{"ok", outcome.ok}, {"errors", baton::platform::errorsToJson(outcome.errors)}});
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

EMSCRIPTEN_KEEPALIVE const char* baton_api_import_proposal(const char* text) {
    return guard("importProposal", [&]() -> const char* {
        baton::ImportOutcome outcome = activeSession()->importProposalText(text ? text : "");
        return replyJson({{"ok", outcome.ok}, {"errors", baton::platform::errorsToJson(outcome.errors)}});
    });
}

// Returns {"ok": bool, "breaches": [...]}; an unreadable result is not ok, with its errors.
EMSCRIPTEN_KEEPALIVE const char* baton_api_verify(const char* text) {
    return guard("verify", [&]() -> const char* {
        bool readable = false;
        std::vector<std::string> breaches =
            activeSession()->verifyResultText(text ? text : "", readable);
        return replyJson({{"ok", readable && breaches.empty()},
                          {"readable", readable},
                          {"breaches", breaches}});
    });
}

// Imports a CSV or XLSX file given as bytes; returns {"ok", "report", "errors"}.
// `options` is JSON text: {"into": true} merges into the open workspace.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_file(const char* name, const unsigned char* bytes,
                                                       int size, const char* mapping,
                                                       const char* options) {
    return guard("importFile", [&]() -> const char* {
        if (!baton::platform::ready()) return baton::platform::notReady();
        bool into = baton::platform::importIntoOption(options);
        std::string report;
        std::string_view data(reinterpret_cast<const char*>(bytes), std::size_t(size));
        baton::ImportOutcome outcome = activeSession()->importFileBytes(
            name ? name : "", data, mapping ? mapping : "", report, into);
        return replyJson({{"ok", outcome.ok},
                          {"report", report},
                          {"errors", baton::platform::errorsToJson(outcome.errors)}});
    });
}

// Imports several CSV or XLSX files as the tables of one workspace. `manifest` is a JSON
// array [{name, table, size}] in the order the files' bytes are concatenated in `bytes`.
// Returns {"ok", "report", "errors"}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_files(const char* manifest,
                                                        const unsigned char* bytes, int size,
                                                        const char* mapping,
                                                        const char* options) {
    return guard("importFiles", [&]() -> const char* {
        if (!baton::platform::ready()) return baton::platform::notReady();
        bool into = baton::platform::importIntoOption(options);
        nlohmann::json list = nlohmann::json::parse(manifest ? manifest : "", nullptr, false);
        if (!list.is_array()) throw std::invalid_argument("the file list is not a JSON array");
        std::vector<baton::ImportFile> files;
        std::size_t offset = 0;
        for (const nlohmann::json& item : list) {
            std::size_t length = item.at("size").get<std::size_t>();
            if (offset + length > static_cast<std::size_t>(size)) {
                throw std::invalid_argument("the file sizes add up to more than the " +
                                            std::to_string(size) + " bytes given");
            }
            files.push_back({item.at("name").get<std::string>(),
                             std::string_view(reinterpret_cast<const char*>(bytes) + offset, length),
                             item.value("table", std::string())});
            offset += length;
        }
        std::string report;
        baton::ImportOutcome outcome =
            baton::importFiles(*activeSession(), files, mapping ? mapping : "", report, into);
        return replyJson({{"ok", outcome.ok},
                          {"report", report},
                          {"errors", baton::platform::errorsToJson(outcome.errors)}});
    });
}

// Returns 1 when the toolbar's "Merge into open" box is ticked; web/files.js
// passes it to importFile and importFiles as {into}.
EMSCRIPTEN_KEEPALIVE int baton_ui_import_into() {
    return activeSession()->importInto() ? 1 : 0;
}

// A test hook: the CSS-pixel rectangle of a named widget drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* baton_api_widget_rect(const char* name) {
    auto rect = baton::ui::widgetRect(name ? name : "");
    if (!rect) return reply("null");
    return replyJson({{"x", rect->x}, {"y", rect->y}, {"width", rect->width},
                      {"height", rect->height}});
}

}  // extern "C"
