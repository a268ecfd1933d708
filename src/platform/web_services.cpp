// Storage for the browser: the stored workspaces under the IDBFS mount /data, the first
// load, autosave and the coordination of tabs.
//
// - No save starts before the first load has finished: a save from an empty file system
//   would delete what is stored.
// - An edit is saved kDebounceSeconds after the last one. An audited change (a cycle step,
//   Apply, an import) and the page's pagehide and hidden visibilitychange events start a
//   save at once.
// - One save runs at a time (StorageState::busy); a change made during a save is saved
//   by the next one.
// - Every save raises the generation in meta.json and runs in one IndexedDB transaction
//   that aborts when the stored generation is newer than the one this tab last saw (see
//   storage_js.cpp). A tab that learns of a newer generation, from that check or from
//   another tab's BroadcastChannel message, stops saving and reports "stale".
// - An audited change and the pagehide and hidden visibilitychange events also write the
//   files not yet stored to a journal in localStorage, synchronously, so that a reload
//   before the save completes keeps them (see storage_js.cpp). NOTE: an encrypted
//   workspace's change reaches the journal only once its encryption has finished.
// - Encrypted workspaces are encrypted in JavaScript (WebCrypto) before their bytes reach
//   the file system, so no plaintext is ever stored.
#include <emscripten.h>

#include <optional>
#include <string>

#include "platform/services.h"
#include "platform/storage_state.h"
#include "platform/web_state.h"
#include "store/snapshot.h"
#include "store/store_time.h"

namespace baton::platform {
namespace {

constexpr double kDebounceSeconds = 0.4;
constexpr double kRetrySeconds = 10.0;
constexpr const char* kFirstWorkspaceId = "default";

enum SaveStatus { kSaved = 0, kFailed = 1, kQuotaExceeded = 2, kStale = 3 };

StorageState g_state;

void markStale(std::uint64_t generation) {
    if (g_state.stale) return;
    g_state.stale = true;
    // The journal contains changes of this tab, and newer data from another tab replaces them.
    jsDropJournal();
    Session& session = *g_state.session;
    session.storageStatus().stale = true;
    session.setSaveState(SaveState::Stale);
    session.log().warning("Another tab saved newer data (generation " +
                          std::to_string(generation) +
                          "). This tab stopped saving: reload it to see that data. Export "
                          "this workspace first to keep changes made here.");
}

void fail(const std::string& message, bool quota) {
    Session& session = *g_state.session;
    g_state.busy = false;
    g_state.retryAt = g_state.now + kRetrySeconds;
    session.storageStatus().quotaExceeded = quota;
    session.storageStatus().lastError = message;
    session.setSaveState(SaveState::Unsaved);
    if (quota) {
        session.log().error("Storage is full (quota exceeded): the latest changes are not saved; "
                            "the last complete save is kept. Export a backup, then delete a "
                            "workspace or free space for this site.");
    } else {
        session.log().error("Saving failed: " + message +
                            ". The last complete save is kept; Baton tries again shortly.");
    }
}

bool dataChanged(const Session& session) {
    return (session.revision() != g_state.savedRevision || g_state.rewriteData) &&
           !session.locked();
}

void startSync() {
    g_state.busy = true;
    g_state.storeDirty = false;
    g_state.session->setSaveState(SaveState::Saving);
    jsSave(static_cast<double>(g_state.knownGeneration));
}

// Starts writing the open workspace (when it changed) and the index, then the save.
void startSave() {
    Session& session = *g_state.session;
    g_state.savingRevision = session.revision();
    bool dataDirty = dataChanged(session);
    g_state.rewriteData = false;
    const WorkspaceEntry* entry = g_state.store.meta().find(session.workspaceId());
    if (dataDirty && entry && entry->encryption) {
        std::shared_ptr<const std::string> bytes = session.snapshot();
        g_state.busy = true;
        session.setSaveState(SaveState::Saving);
        jsEncryptFile(session.workspaceId().c_str(), bytes->data(), static_cast<int>(bytes->size()));
        return;
    }
    std::string error;
    if (dataDirty && !writeOpenWorkspace(error)) {
        fail(error, false);
        return;
    }
    startSync();
}

// Chooses the workspace to open at start: the current one, else the first one.
std::string startupWorkspace() {
    const StoreMeta& meta = g_state.store.meta();
    if (!meta.current.empty() && meta.find(meta.current)) return meta.current;
    return meta.workspaces.empty() ? "" : meta.workspaces.front().id;
}

// Opens the stored index and workspace after the first load; returns false when the
// stored data must not be saved over (it is unreadable, or from a newer Baton).
bool openAfterLoad(Session& session) {
    StoreOpenOutcome opened = g_state.store.open(utcNow());
    if (!opened.ok) {
        session.storageStatus().lastError = opened.error;
        session.log().error("Stored data is unreadable (" + opened.error +
                            "). It is kept as it is and nothing is saved over it; the demo "
                            "is shown in memory.");
        session.loadDemo();
        return false;
    }
    if (opened.migrated) {
        // Save the index and write the data again as a snapshot at once.
        g_state.storeDirty = true;
        g_state.rewriteData = true;
        session.log().info("Upgraded stored data to storage format " +
                           std::to_string(kStoreVersion) + "; nothing was removed.");
    }
    std::string id = startupWorkspace();
    std::string error;
    if (id.empty()) {
        id = g_state.store.create("Default workspace", utcNow(), error, kFirstWorkspaceId);
        if (id.empty()) return false;
        g_state.store.setCurrent(id, error);
        g_state.storeDirty = true;
        session.loadDemo();
        session.setWorkspaceName("Default workspace");
        return true;
    }
    if (!openStored(id, error)) {
        session.storageStatus().lastError = error;
        session.log().error("The stored workspace cannot be read (" + error +
                            "). It is kept as it is and nothing is saved over it; the demo is "
                            "shown in memory. Restore a backup into a new workspace.");
        session.loadDemo();
        return false;
    }
    return true;
}

// Writes the open workspace into the file system when it changed since the last write, then
// the files not yet stored into the journal. A failed write is left to the next save.
void writeJournal() {
    Session& session = *g_state.session;
    if (!g_state.loaded || !g_state.available || g_state.stale) return;
    const WorkspaceEntry* entry = g_state.store.meta().find(session.workspaceId());
    bool plain = entry && !entry->encryption;
    std::string error;
    if (plain && dataChanged(session) && g_state.writtenRevision != session.revision()) {
        if (!writeOpenWorkspace(error)) return;
    }
    jsWriteJournal();
}

void startSaveWhenDue(Session& session, double nowSeconds) {
    if (g_state.busy) return;
    bool dirty = dataChanged(session) || g_state.storeDirty;
    if (!dirty) {
        session.setSaveState(SaveState::Saved);
        g_state.saveRequested = false;
        return;
    }
    session.setSaveState(SaveState::Unsaved);
    if (nowSeconds < g_state.retryAt) return;
    if (g_state.saveRequested || nowSeconds - g_state.changedAt >= kDebounceSeconds) {
        g_state.saveRequested = false;
        startSave();
    }
}

}  // namespace

StorageState& storage() { return g_state; }

std::string utcNow() { return formatUtcTime(jsNowMillis()); }

bool writeOpenWorkspace(std::string& error) {
    Session& session = *g_state.session;
    if (session.locked()) return true;
    const WorkspaceEntry* entry = g_state.store.meta().find(session.workspaceId());
    if (!entry) {
        error = "the open workspace \"" + session.workspaceId() + "\" is not in the index";
        return false;
    }
    if (entry->encryption) {
        error = "an encrypted workspace is saved through encryption only";
        return false;
    }
    if (!dataChanged(session) && g_state.store.files().exists(
            WorkspaceStore::dataPath(session.workspaceId(), false))) {
        return true;
    }
    if (!writeProposal(error)) return false;
    if (!g_state.store.saveSnapshot(session.workspaceId(), *session.snapshot(), error)) return false;
    g_state.storeDirty = true;
    g_state.writtenRevision = session.revision();
    return true;
}

bool writeProposal(std::string& error) {
    Session& session = *g_state.session;
    if (g_state.proposalWorkspace == session.workspaceId() &&
        g_state.proposalVersion == session.keptResultVersion()) {
        return true;
    }
    if (!g_state.store.writeProposal(session.workspaceId(), session.resultToKeep(), error)) {
        return false;
    }
    g_state.proposalWorkspace = session.workspaceId();
    g_state.proposalVersion = session.keptResultVersion();
    return true;
}

namespace {

// Makes the result kept with workspace `id` (a proposal or the applied record) the session's
// last result again, or removes it when it no longer fits the workspace. A kept text that
// cannot be read is logged and left alone, because the workspace itself opened.
void restoreProposal(const std::string& id) {
    Session& session = *g_state.session;
    std::string error;
    std::optional<std::string> text = g_state.store.readProposal(id, error);
    if (!error.empty()) {
        session.log().warning("The kept proposal of this workspace cannot be read (" + error +
                              "); run Allocate for a new one.");
        return;
    }
    if (text) {
        std::string reason;
        if (!session.restoreKeptResult(std::move(*text), reason)) {
            session.log().info("The proposal kept from the last visit was discarded: " + reason +
                               ". Run Allocate for a new one.");
            if (g_state.store.writeProposal(id, "", error)) g_state.storeDirty = true;
        }
    }
    // The file now matches the session: the restored proposal, or none.
    g_state.proposalWorkspace = id;
    g_state.proposalVersion = session.keptResultVersion();
}

}  // namespace

bool openStored(const std::string& id, std::string& error) {
    Session& session = *g_state.session;
    const WorkspaceEntry* entry = g_state.store.meta().find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    if (entry->encryption) {
        session.showLocked(id, entry->name);
    } else {
        std::optional<Workspace> workspace = g_state.store.load(id, error);
        if (!workspace && !error.empty()) return false;
        session.openStoredWorkspace(workspace ? std::move(*workspace) : Workspace{}, id,
                                    entry->name);
        restoreProposal(id);
    }
    g_state.savedRevision = session.revision();
    g_state.seenRevision = session.revision();
    if (g_state.store.meta().current != id && g_state.store.setCurrent(id, error)) {
        g_state.storeDirty = true;
    }
    error.clear();
    refreshStatus();
    return true;
}

void refreshStatus() {
    Session& session = *g_state.session;
    StorageStatus& status = session.storageStatus();
    status.generation = g_state.store.meta().generation;
    status.stale = g_state.stale;
    status.locked = session.locked();
    const WorkspaceEntry* entry = g_state.store.meta().find(session.workspaceId());
    status.encrypted = entry && entry->encryption.has_value();
    if (entry) updateBackupAge(status, entry->created, entry->lastBackup, utcNow());
}

Session* activeSession() { return g_state.session; }

void startup(Session& session) {
    g_state.session = &session;
    session.setSaveState(SaveState::Saving);
    // Audit entries carry the browser's Date.now() as their time.
    session.setClock(utcNow);
    jsStart(kMount);
}

bool ready() { return g_state.loaded; }

void requestSave() { g_state.saveRequested = true; }

void frame(Session& session, double nowSeconds) {
    g_state.now = nowSeconds;
    if (!g_state.loaded) return;
    if (!g_state.available) {
        session.setSaveState(SaveState::MemoryOnly);
        return;
    }
    if (g_state.stale) {
        session.setSaveState(SaveState::Stale);
        return;
    }
    if (session.revision() != g_state.seenRevision) {
        g_state.seenRevision = session.revision();
        g_state.changedAt = nowSeconds;
    }
    // An explicit step (an audited change) starts its save now, so a reload soon after it is
    // less likely to lose it. The debounce is for edits that come in bursts, such as typing.
    std::size_t auditSize = session.workspace().audit.size();
    if (auditSize != g_state.seenAuditSize) {
        g_state.seenAuditSize = auditSize;
        g_state.saveRequested = true;
        g_state.journalRequested = true;
    }
    startSaveWhenDue(session, nowSeconds);
    // The save just started is asynchronous; the journal keeps the step through a reload.
    if (g_state.journalRequested) {
        g_state.journalRequested = false;
        writeJournal();
    }
}

}  // namespace baton::platform

using baton::platform::g_state;

extern "C" {

EMSCRIPTEN_KEEPALIVE void baton_storage_loaded(int ok, const char* reason) {
    baton::Session& session = *g_state.session;
    baton::StorageStatus& status = session.storageStatus();
    g_state.available = ok != 0 && baton::platform::openAfterLoad(session);
    if (ok != 0 && !g_state.available) {
        status.unavailableReason = "stored data is unreadable, so nothing is saved over it";
    }
    if (ok == 0) {
        session.loadDemo();
        status.unavailableReason = std::string(reason ? reason : "") +
                                   ": nothing is kept after this tab closes";
        session.log().warning("Storage is not available (" + std::string(reason ? reason : "") +
                              "): nothing will be kept after this tab closes. Export the "
                              "workspace or a backup to keep it.");
    }
    status.available = g_state.available;
    g_state.knownGeneration = g_state.store.meta().generation;
    int replayed = ok != 0 ? baton::platform::jsJournalReplayed() : 0;
    if (replayed > 0 && g_state.available) {
        // The replayed files are in the file system only: store them at the first frame.
        g_state.storeDirty = true;
        g_state.saveRequested = true;
        session.log().info("Restored " + std::to_string(replayed) +
                           " file(s) of changes not yet saved when the page was last closed.");
    }
    if (g_state.available) {
        baton::platform::refreshStatus();
    } else {
        g_state.savedRevision = session.revision();
        session.setSaveState(baton::SaveState::MemoryOnly);
    }
    g_state.seenRevision = session.revision();
    g_state.loaded = true;
    EM_ASM({
        if (Module['batonOnReady']) Module['batonOnReady']();
    });
}

EMSCRIPTEN_KEEPALIVE void baton_storage_saved(int result, double generation,
                                              const char* message) {
    using namespace baton::platform;
    baton::Session& session = *g_state.session;
    g_state.busy = false;
    std::string text = message ? message : "";
    if (result == kSaved) {
        g_state.savedRevision = g_state.savingRevision;
        g_state.knownGeneration = static_cast<std::uint64_t>(generation);
        session.storageStatus().quotaExceeded = false;
        session.storageStatus().lastError.clear();
        session.setSaveState(session.revision() == g_state.savedRevision && !g_state.storeDirty
                                 ? baton::SaveState::Saved
                                 : baton::SaveState::Unsaved);
        refreshStatus();
    } else if (result == kStale) {
        markStale(static_cast<std::uint64_t>(generation));
    } else {
        g_state.storeDirty = true;
        fail(text, result == kQuotaExceeded);
    }
}

EMSCRIPTEN_KEEPALIVE void baton_storage_encrypted(int ok, const char* data, int size,
                                                  const char* message) {
    using namespace baton::platform;
    baton::Session& session = *g_state.session;
    std::string error;
    if (!ok) {
        g_state.rewriteData = true;
        fail(message ? message : "encryption failed", false);
        return;
    }
    std::string_view bytes(data, static_cast<std::size_t>(size));
    if (!g_state.store.writeData(session.workspaceId(), bytes, true, error) ||
        !g_state.store.commit(error)) {
        fail(error, false);
        return;
    }
    startSync();
}

EMSCRIPTEN_KEEPALIVE void baton_storage_remote_saved(double generation) {
    if (static_cast<std::uint64_t>(generation) > g_state.knownGeneration) {
        baton::platform::markStale(static_cast<std::uint64_t>(generation));
    }
}

// persistence: 0 unknown, 1 granted, 2 denied, 3 unavailable (no secure context or API).
EMSCRIPTEN_KEEPALIVE void baton_storage_health(int persistence, double usage, double quota) {
    baton::StorageStatus& status = g_state.session->storageStatus();
    status.persistence = static_cast<baton::PersistenceState>(persistence & 3);
    status.usageBytes = usage;
    status.quotaBytes = quota;
    status.secureContext = persistence != 3 || EM_ASM_INT({ return isSecureContext ? 1 : 0; });
    if (!status.secureContext && status.unavailableReason.empty()) {
        status.unavailableReason =
            "This page is served over plain http, so the browser gives it no persistent storage "
            "request, no storage estimate and no encryption (WebCrypto). Open it over https, "
            "from localhost or as a local file to have them.";
    }
}

// Called from the page's pagehide and visibilitychange handlers. The journal comes first:
// the page may be gone before the save that follows commits.
EMSCRIPTEN_KEEPALIVE void baton_save_now() {
    using namespace baton::platform;
    writeJournal();
    if (!g_state.loaded || !g_state.available || g_state.stale || g_state.busy) {
        g_state.saveRequested = true;
        return;
    }
    baton::Session& session = *g_state.session;
    if (baton::platform::dataChanged(session) || g_state.storeDirty) startSave();
}

}  // extern "C"
