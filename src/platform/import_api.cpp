// The page API's file imports (window.baton.importFile, importFiles) and the staged imports
// of the file picker and drag and drop (stageFile, stageFiles, stageWorkspace), which keep
// the import for the Review import window instead of applying it. Each function returns
// JSON text that stays valid until the next call of this file.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "app/file_import.h"
#include "platform/json_reply.h"

namespace baton::platform {
namespace {

std::string g_importReply;

// Reads the import options text: empty, null or an object whose "into" is a boolean.
// Anything else throws std::invalid_argument, which jsonReply() turns into an error reply.
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

// Splits `bytes` into the files that `manifest`, a JSON array [{name, table, size}] in the
// order of the bytes, describes.
std::vector<ImportFile> splitFiles(const char* manifest, const unsigned char* bytes, int size) {
    nlohmann::json list = nlohmann::json::parse(manifest ? manifest : "", nullptr, false);
    if (!list.is_array()) throw std::invalid_argument("the file list is not a JSON array");
    std::vector<ImportFile> files;
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
    return files;
}

// {ok, report, errors}: JSON errors as {path, line, column, message}, then each report
// error as {path, file, line, column, message} with the file's name in both path and file,
// its row as line and its column's header as column (null where the report has none).
nlohmann::json outcomeJson(const ImportOutcome& outcome, const std::string& report) {
    nlohmann::json errors = errorsToJson(outcome.errors);
    for (const ImportIssue& issue : outcome.issues) {
        errors.push_back(
            {{"path", issue.file},
             {"file", issue.file},
             {"line", issue.row > 0 ? nlohmann::json(issue.row) : nlohmann::json(nullptr)},
             {"column",
              issue.column.empty() ? nlohmann::json(nullptr) : nlohmann::json(issue.column)},
             {"message", issue.message}});
    }
    return {{"ok", outcome.ok}, {"report", report}, {"errors", std::move(errors)}};
}

// Keeps `pending` for review and replies as the one-shot calls do, with "staged": true.
nlohmann::json hold(Session& session, PendingImport pending) {
    nlohmann::json reply = outcomeJson(describeImport(pending), pending.reportText);
    reply["staged"] = true;
    session.setPendingImport(std::move(pending));
    return reply;
}

std::string_view byteView(const unsigned char* bytes, int size) {
    return std::string_view(reinterpret_cast<const char*>(bytes), std::size_t(size));
}

}  // namespace
}  // namespace baton::platform

using baton::platform::jsonReply;

extern "C" {

// Imports a CSV or XLSX file given as bytes and applies it when it has no error.
// `options` is JSON text: {"into": true} merges into the open workspace.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_file(const char* name, const unsigned char* bytes,
                                                       int size, const char* mapping,
                                                       const char* options) {
    using namespace baton::platform;
    return jsonReply(g_importReply, "importFile", [&](baton::Session& session) {
        bool into = importIntoOption(options);
        std::string report;
        baton::ImportOutcome outcome = session.importFileBytes(
            name ? name : "", byteView(bytes, size), mapping ? mapping : "", report, into);
        return outcomeJson(outcome, report);
    });
}

// Imports several CSV or XLSX files as the tables of one workspace. `manifest` is a JSON
// array [{name, table, size}] in the order the files' bytes are concatenated in `bytes`.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_files(const char* manifest,
                                                        const unsigned char* bytes, int size,
                                                        const char* mapping, const char* options) {
    using namespace baton::platform;
    return jsonReply(g_importReply, "importFiles", [&](baton::Session& session) {
        bool into = importIntoOption(options);
        std::vector<baton::ImportFile> files = splitFiles(manifest, bytes, size);
        std::string report;
        baton::ImportOutcome outcome =
            baton::importFiles(session, files, mapping ? mapping : "", report, into);
        return outcomeJson(outcome, report);
    });
}

// The staged forms of the two calls above: the import is read and checked, then kept for
// the Review import window, which applies or drops it. Nothing changes until then.
EMSCRIPTEN_KEEPALIVE const char* baton_api_stage_file(const char* name, const unsigned char* bytes,
                                                      int size, const char* mapping,
                                                      const char* options) {
    using namespace baton::platform;
    return jsonReply(g_importReply, "stageFile", [&](baton::Session& session) {
        bool into = importIntoOption(options);
        return hold(session,
                    baton::stageFileBytes(session.workspace(), name ? name : "",
                                          byteView(bytes, size), mapping ? mapping : "", into));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_stage_files(const char* manifest,
                                                       const unsigned char* bytes, int size,
                                                       const char* mapping, const char* options) {
    using namespace baton::platform;
    return jsonReply(g_importReply, "stageFiles", [&](baton::Session& session) {
        bool into = importIntoOption(options);
        std::vector<baton::ImportFile> files = splitFiles(manifest, bytes, size);
        return hold(session,
                    baton::stageFiles(session.workspace(), files, mapping ? mapping : "", into));
    });
}

// Stages workspace JSON given as `size` bytes of UTF-8, to replace the open workspace.
EMSCRIPTEN_KEEPALIVE const char* baton_api_stage_workspace(const char* name,
                                                           const unsigned char* bytes, int size) {
    using namespace baton::platform;
    return jsonReply(g_importReply, "stageWorkspace", [&](baton::Session& session) {
        return hold(session, baton::stageWorkspaceText(session.workspace(), byteView(bytes, size),
                                                       name ? name : ""));
    });
}

// Logs a problem that web/files.js finds before any import starts (a workspace JSON
// file picked together with other files, a file that cannot be read), so that the Log
// panel and the status line show it.
EMSCRIPTEN_KEEPALIVE void baton_ui_import_problem(const char* message) {
    baton::platform::activeSession()->log().error(message ? message : "");
}

// Returns 1 when the toolbar's "Merge into open" box is ticked; web/files.js
// passes it to stageFile and stageFiles as {into}.
EMSCRIPTEN_KEEPALIVE int baton_ui_import_into() {
    return baton::platform::activeSession()->importInto() ? 1 : 0;
}

}  // extern "C"
