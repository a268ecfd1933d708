// The browser storage state shared by web_services.cpp (load, autosave, tabs),
// storage_api.cpp (the page API of workspaces, backups and encryption) and
// storage_js.cpp (the JavaScript side: IndexedDB, WebCrypto, BroadcastChannel).
#pragma once

#include <cstdint>
#include <string>

#include "app/session.h"
#include "store/workspace_store.h"

namespace baton::platform {

inline constexpr const char* kMount = "/data";

struct StorageState {
    Session* session = nullptr;
    WorkspaceStore store{kMount};
    bool loaded = false;     // the first load has finished
    bool available = false;  // IndexedDB is usable and the stored index was readable
    bool busy = false;       // an encryption or a save to IndexedDB is running
    bool saveRequested = false;
    bool storeDirty = false;  // meta.json changed since the last save
    bool rewriteData = false;  // the open workspace must be written again (new passphrase)
    bool stale = false;       // another tab saved a newer generation
    std::uint64_t knownGeneration = 0;  // the generation stored in IndexedDB as last seen
    std::uint64_t savedRevision = 0;    // session revision of the last complete save
    std::uint64_t savingRevision = 0;   // session revision being saved now
    std::uint64_t seenRevision = 0;
    // The audit log's length as last seen. Every audited change (a cycle step, Apply, an
    // override, an import) lengthens it and is saved at the next frame, without the debounce.
    std::size_t seenAuditSize = 0;
    // An audited change was seen; its files go to the journal after this frame's save starts.
    bool journalRequested = false;
    // The session revision whose workspace file writeOpenWorkspace() wrote last.
    std::uint64_t writtenRevision = ~std::uint64_t{0};
    // The workspace and Session::keptResultVersion() of the proposal file as last written or
    // read, so that a save writes the proposal only after it changed.
    std::string proposalWorkspace;
    std::uint64_t proposalVersion = 0;
    double changedAt = 0.0;
    double retryAt = 0.0;  // after a failed save, the next attempt waits until then
    double now = 0.0;      // the frame clock, seconds
};

StorageState& storage();

// ISO 8601 UTC time now, from the browser's clock.
std::string utcNow();
// Writes the open workspace into the mounted file system if it changed (plain workspaces
// only) and asks for a save to IndexedDB. Returns false with `error` set on failure.
bool writeOpenWorkspace(std::string& error);
// Writes the open workspace's proposal file when Session::resultToKeep() changed since it
// was last written (an empty proposal removes the file).
bool writeProposal(std::string& error);
// Opens a stored workspace in the session (locked when encrypted), with its kept proposal.
bool openStored(const std::string& id, std::string& error);
// Refreshes the backup age and the flags of the status from the store.
void refreshStatus();

// JavaScript side (storage_js.cpp).
void jsStart(const char* mount);
void jsSave(double knownGeneration);
// These are EM_JS functions, which have C linkage.
extern "C" {
void jsEncryptFile(const char* id, const void* data, int size);
double jsNowMillis();
void jsRefreshEstimate();
void jsDropKey(const char* id);
// Writes the files not yet stored in IndexedDB to the localStorage journal, or drops it.
void jsWriteJournal();
void jsDropJournal();
// The number of files and removals the first load replayed from the journal.
int jsJournalReplayed();
}

}  // namespace baton::platform
