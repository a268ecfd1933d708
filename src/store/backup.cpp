#include "store/backup.h"

namespace baton {

using nlohmann::json;

std::string writeBackup(const Workspace& workspace, const std::string& name,
                        const std::string& created, const std::string& now) {
    // The workspace is written by writeWorkspace, which streams large arrays, and
    // spliced in as the last member so the document is never built twice in memory.
    json head = {{"format", "baton-backup"},
                 {"version", 1},
                 {"created", now},
                 {"workspace", {{"name", name}, {"created", created}}}};
    std::string text = head.dump(2);
    text.pop_back();  // the closing brace
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    text += ",\n  \"data\": ";
    text += writeWorkspace(workspace, -1);
    text += "\n}\n";
    return text;
}

namespace {

JsonError documentError(std::string path, std::string message) {
    return JsonError{std::move(path), std::nullopt, std::nullopt, std::move(message)};
}

}  // namespace

BackupReadResult readBackup(std::string_view text) {
    BackupReadResult result;
    if (std::optional<JsonError> nul = checkJsonNul(text)) {
        result.errors.push_back(*nul);
        return result;
    }
    if (std::optional<JsonError> deep = checkJsonDepth(text)) {
        result.errors.push_back(*deep);
        return result;
    }
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != "baton-backup") {
        // Not a backup document: read it as a workspace, which reports syntax errors
        // with their line and column.
        WorkspaceReadResult read = readWorkspace(text);
        result.workspace = std::move(read.workspace);
        result.errors = std::move(read.errors);
        return result;
    }
    if (doc.contains("encrypted")) {
        result.errors.push_back(documentError(
            "/encrypted", "this backup is encrypted: give its passphrase to restore it"));
        return result;
    }
    if (!doc.contains("version") || doc["version"] != 1) {
        result.errors.push_back(
            documentError("/version", "unsupported backup version; this Baton reads version 1"));
        return result;
    }
    if (!doc.contains("data") || !doc["data"].is_object()) {
        result.errors.push_back(documentError("/data", "missing workspace data"));
        return result;
    }
    if (doc.contains("workspace") && doc["workspace"].is_object()) {
        result.name = doc["workspace"].value("name", "");
    }
    WorkspaceReadResult read = workspaceFromJson(doc["data"]);
    for (JsonError& e : read.errors) e.path = "/data" + e.path;
    result.workspace = std::move(read.workspace);
    result.errors = std::move(read.errors);
    return result;
}

}  // namespace baton
