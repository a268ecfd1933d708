// The page API of stored workspaces, backups, encryption and storage status: the C side
// of the window.baton methods that web/api.js adds for them. Each call takes UTF-8 text
// and returns JSON text that stays valid until the next call.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <string>

#include "platform/api_text.h"
#include "platform/storage_state.h"
#include "store/backup.h"
#include "store/snapshot.h"
#include "store/store_time.h"

namespace baton::platform {
namespace {

using nlohmann::json;

std::string g_reply;

const char* reply(const json& value) {
    g_reply = value.dump();
    return g_reply.c_str();
}

const char* failure(const std::string& message) {
    if (storage().session) storage().session->log().error(message);
    return reply({{"ok", false}, {"error", message}});
}

// The reason a storage call cannot run now, or "" when it can.
std::string unavailable() {
    StorageState& s = storage();
    if (!s.loaded) return "Baton is still loading";
    if (!s.available) {
        return "storage is not available (" + s.session->storageStatus().unavailableReason +
               "); only the open workspace exists, in memory";
    }
    if (s.stale) return "another tab saved newer data: reload this tab before changing storage";
    return "";
}

std::string text(const char* value) { return value ? value : ""; }

json entryJson(const WorkspaceEntry& entry) {
    return {{"id", entry.id},
            {"name", entry.name},
            {"created", entry.created},
            {"last_backup", entry.lastBackup.empty() ? json(nullptr) : json(entry.lastBackup)},
            {"encrypted", entry.encryption.has_value()}};
}

json statusJson() {
    Session& session = *storage().session;
    const StorageStatus& st = session.storageStatus();
    auto bytes = [](double value) { return value < 0 ? json(nullptr) : json(value); };
    return {{"workspace", session.workspaceId()},
            {"name", session.workspaceName()},
            {"saved", toString(session.saveState())},
            {"available", st.available},
            {"secure_context", st.secureContext},
            {"unavailable_reason", st.unavailableReason},
            {"persistence", toString(st.persistence)},
            {"usage_bytes", bytes(st.usageBytes)},
            {"quota_bytes", bytes(st.quotaBytes)},
            {"quota_exceeded", st.quotaExceeded},
            {"stale", st.stale},
            {"generation", st.generation},
            {"encrypted", st.encrypted},
            {"locked", st.locked},
            {"last_backup", st.lastBackup.empty() ? json(nullptr) : json(st.lastBackup)},
            {"backup_age_days", st.backupAgeDays},
            {"backup_reminder_days", st.backupReminderDays},
            {"backup_due", st.backupDue},
            {"last_error", st.lastError}};
}

// Writes the open plain workspace to the file system before the store changes, so a
// switch, copy or backup sees its latest state.
bool flushOpen(std::string& error) {
    StorageState& s = storage();
    const WorkspaceEntry* entry = s.store.meta().find(s.session->workspaceId());
    if (!entry || entry->encryption || s.session->locked()) return true;
    return writeOpenWorkspace(error);
}

const char* openWorkspace(const std::string& id) {
    std::string error;
    if (!flushOpen(error) || !openStored(id, error)) return failure("openWorkspace: " + error);
    storage().storeDirty = true;
    return reply({{"ok", true}, {"locked", storage().session->locked()}});
}

const char* deleteWorkspace(const std::string& id) {
    StorageState& s = storage();
    std::string error;
    bool wasOpen = s.session->workspaceId() == id;
    if (!s.store.remove(id, error)) return failure("deleteWorkspace: " + error);
    s.storeDirty = true;
    if (wasOpen) {
        jsDropKey(id.c_str());
        std::string next = s.store.meta().workspaces.empty()
                               ? s.store.create("", utcNow(), error)
                               : s.store.meta().workspaces.front().id;
        if (next.empty() || !openStored(next, error)) return failure("deleteWorkspace: " + error);
    }
    return reply({{"ok", true}, {"open", s.session->workspaceId()}});
}

const char* restoreBackup(const std::string& backupText) {
    StorageState& s = storage();
    BackupReadResult read = readBackup(backupText);
    if (!read.workspace) {
        json errors = json::array();
        for (const JsonError& e : read.errors) {
            errors.push_back({{"path", e.path},
                              {"line", e.line ? json(*e.line) : json(nullptr)},
                              {"column", e.column ? json(*e.column) : json(nullptr)},
                              {"message", e.message}});
        }
        s.session->log().error("restoreBackup: the backup is invalid; nothing changed.");
        return reply({{"ok", false}, {"errors", errors}});
    }
    std::string error;
    if (!flushOpen(error)) return failure("restoreBackup: " + error);
    std::string name = (read.name.empty() ? std::string("Restored") : read.name) + " (restored)";
    std::string id = s.store.create(name, utcNow(), error);
    if (id.empty() || !s.store.save(id, *read.workspace, error) || !openStored(id, error)) {
        return failure("restoreBackup: " + error);
    }
    s.storeDirty = true;
    s.session->log().info("Restored a backup into the new workspace \"" + name + "\".");
    return reply({{"ok", true}, {"errors", json::array()}, {"id", id}});
}

const char* setEncryption(const std::string& id, const std::string& settings) {
    StorageState& s = storage();
    if (s.session->workspaceId() != id || s.session->locked()) {
        return failure("setPassphrase: open and unlock workspace \"" + id + "\" first");
    }
    json object = json::parse(settings, nullptr, false);
    if (!object.is_object() || !object.contains("salt") || !object.contains("check") ||
        !object.contains("iterations")) {
        return failure("setPassphrase: internal error: incomplete key settings");
    }
    EncryptionInfo info;
    info.salt = object["salt"].get<std::string>();
    info.check = object["check"].get<std::string>();
    info.iterations = object["iterations"].get<int>();
    std::string error;
    if (!s.store.setEncryption(id, info, error)) return failure("setPassphrase: " + error);
    // The data must be written again, encrypted; the save removes the plain snapshot in
    // the same IndexedDB transaction that stores the encrypted one.
    s.rewriteData = true;
    s.saveRequested = true;
    refreshStatus();
    s.session->log().info("Workspace \"" + s.session->workspaceName() +
                          "\" is now encrypted at rest.");
    return reply({{"ok", true}});
}

// Stores the open workspace unencrypted again: the next save writes the plain snapshot
// and removes the encrypted one in the same IndexedDB transaction.
const char* clearEncryption(const std::string& id) {
    StorageState& s = storage();
    if (s.session->workspaceId() != id || s.session->locked()) {
        return failure("removePassphrase: open and unlock workspace \"" + id + "\" first");
    }
    const WorkspaceEntry* entry = s.store.meta().find(id);
    if (!entry || !entry->encryption) {
        return failure("removePassphrase: workspace \"" + id + "\" is not encrypted");
    }
    std::string error;
    if (!s.store.setEncryption(id, std::nullopt, error)) {
        return failure("removePassphrase: " + error);
    }
    jsDropKey(id.c_str());
    s.rewriteData = true;
    s.saveRequested = true;
    refreshStatus();
    s.session->log().info("Workspace \"" + s.session->workspaceName() +
                          "\" is no longer encrypted at rest.");
    return reply({{"ok", true}});
}

}  // namespace
}  // namespace baton::platform

using baton::platform::failure;
using baton::platform::reply;
using baton::platform::storage;
using baton::platform::text;
using baton::platform::unavailable;
using nlohmann::json;

// Runs a storage call only when storage is usable.
#define BATON_STORAGE_GUARD(call)                                          \
    do {                                                                   \
        std::string reason = unavailable();                                \
        if (!reason.empty()) return failure(std::string(call) + ": " + reason); \
    } while (false)

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* baton_api_storage_status() {
    if (storage().loaded) baton::platform::refreshStatus();
    return reply(baton::platform::statusJson());
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_workspaces() {
    json list = json::array();
    for (const auto& entry : storage().store.meta().workspaces) {
        list.push_back(baton::platform::entryJson(entry));
    }
    if (list.empty() && storage().session) {
        // Memory only: the open workspace is the only one.
        list.push_back({{"id", storage().session->workspaceId()},
                        {"name", storage().session->workspaceName()},
                        {"created", nullptr},
                        {"last_backup", nullptr},
                        {"encrypted", false}});
    }
    return reply(list);
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_create_workspace(const char* name) {
    BATON_STORAGE_GUARD("createWorkspace");
    std::string error;
    std::string id = storage().store.create(text(name), baton::platform::utcNow(), error);
    if (id.empty()) return failure("createWorkspace: " + error);
    storage().storeDirty = true;
    return reply({{"ok", true}, {"id", id}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_open_workspace(const char* id) {
    BATON_STORAGE_GUARD("openWorkspace");
    return baton::platform::openWorkspace(text(id));
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_delete_workspace(const char* id) {
    BATON_STORAGE_GUARD("deleteWorkspace");
    return baton::platform::deleteWorkspace(text(id));
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_rename_workspace(const char* id, const char* name) {
    BATON_STORAGE_GUARD("renameWorkspace");
    std::string error;
    if (!storage().store.rename(text(id), text(name), error)) {
        return failure("renameWorkspace: " + error);
    }
    if (storage().session->workspaceId() == text(id)) {
        storage().session->setWorkspaceName(storage().store.meta().find(text(id))->name);
    }
    storage().storeDirty = true;
    return reply({{"ok", true}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_duplicate_workspace(const char* id) {
    BATON_STORAGE_GUARD("duplicateWorkspace");
    std::string error;
    if (!baton::platform::flushOpen(error)) return failure("duplicateWorkspace: " + error);
    std::string copy = storage().store.duplicate(text(id), baton::platform::utcNow(), error);
    if (copy.empty()) return failure("duplicateWorkspace: " + error);
    storage().storeDirty = true;
    return reply({{"ok", true}, {"id", copy}});
}

// Returns {ok, text, name}; records the backup date when storage is available.
EMSCRIPTEN_KEEPALIVE const char* baton_api_export_backup() {
    baton::Session& session = *storage().session;
    if (session.locked()) return failure("exportBackup: unlock the workspace first");
    const auto* entry = storage().store.meta().find(session.workspaceId());
    std::string now = baton::platform::utcNow();
    std::string backup = baton::writeBackup(session.workspace(), session.workspaceName(),
                                            entry ? entry->created : now, now);
    std::string error;
    if (unavailable().empty() && storage().store.recordBackup(session.workspaceId(), now, error)) {
        storage().storeDirty = true;
        baton::platform::refreshStatus();
    }
    session.log().info("Exported a backup of \"" + session.workspaceName() + "\".");
    return reply({{"ok", true}, {"text", backup}, {"name", session.workspaceName()}});
}

// Restores a backup given as `size` bytes of UTF-8.
EMSCRIPTEN_KEEPALIVE const char* baton_api_restore_backup(const unsigned char* bytes, int size) {
    BATON_STORAGE_GUARD("restoreBackup");
    return baton::platform::restoreBackup(std::string(baton::platform::bytesText(bytes, size)));
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_export_pseudonymised() {
    static std::string document;
    document = storage().session->exportPseudonymisedText();
    return document.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_encryption_info(const char* idText) {
    std::string id = text(idText);
    const auto* entry = storage().store.meta().find(id);
    if (!entry) return failure("workspace \"" + id + "\" not found");
    json encryption = nullptr;
    if (entry->encryption) {
        encryption = {{"salt", entry->encryption->salt},
                      {"iterations", entry->encryption->iterations},
                      {"check", entry->encryption->check}};
    }
    bool open = storage().session->workspaceId() == id;
    return reply({{"ok", true},
                  {"id", id},
                  {"name", entry->name},
                  {"open", open},
                  {"locked", open && storage().session->locked()},
                  {"encryption", encryption},
                  {"path", std::string(baton::platform::kMount) + "/" +
                               baton::WorkspaceStore::dataPath(id, true)}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_encryption(const char* id, const char* settings) {
    BATON_STORAGE_GUARD("setPassphrase");
    return baton::platform::setEncryption(text(id), text(settings));
}

// Opens an unlocked workspace from its decrypted snapshot (size 0: no data stored yet).
EMSCRIPTEN_KEEPALIVE const char* baton_api_open_unlocked(const char* idText, const char* data,
                                                         int size) {
    BATON_STORAGE_GUARD("unlockWorkspace");
    std::string id = text(idText);
    const auto* entry = storage().store.meta().find(id);
    if (!entry) return failure("unlockWorkspace: workspace \"" + id + "\" not found");
    baton::Workspace workspace;
    if (size > 0) {
        std::string error;
        auto read = baton::readSnapshot(std::string_view(data, static_cast<std::size_t>(size)),
                                        error);
        if (!read) return failure("unlockWorkspace: the decrypted data is invalid: " + error);
        workspace = std::move(*read);
    }
    std::string error;
    if (storage().session->workspaceId() != id && !baton::platform::flushOpen(error)) {
        return failure("unlockWorkspace: " + error);
    }
    storage().session->openStoredWorkspace(std::move(workspace), id, entry->name);
    storage().savedRevision = storage().session->revision();
    storage().seenRevision = storage().session->revision();
    if (storage().store.setCurrent(id, error)) storage().storeDirty = true;
    baton::platform::refreshStatus();
    return reply({{"ok", true}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_lock(const char* idText) {
    std::string id = text(idText);
    baton::Session& session = *storage().session;
    baton::platform::jsDropKey(id.c_str());
    if (session.workspaceId() == id && !session.locked()) {
        if (session.revision() != storage().savedRevision) {
            return failure("lockWorkspace: the workspace has unsaved changes; save first");
        }
        session.showLocked(id, session.workspaceName());
        storage().savedRevision = session.revision();
        storage().seenRevision = session.revision();
        baton::platform::refreshStatus();
        session.log().info("Locked workspace \"" + session.workspaceName() + "\".");
    }
    return reply({{"ok", true}});
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_clear_encryption(const char* id) {
    BATON_STORAGE_GUARD("removePassphrase");
    return baton::platform::clearEncryption(text(id));
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_backup_reminder(int days) {
    if (days < 1 || days > 365) return failure("setBackupReminder: days must be 1 to 365");
    storage().session->storageStatus().backupReminderDays = days;
    if (storage().loaded) baton::platform::refreshStatus();
    return reply({{"ok", true}});
}

}  // extern "C"
