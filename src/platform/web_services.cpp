// Storage for the browser: the IDBFS mount at /data, the first load, and autosave.
// IDBFS keeps files in memory and copies them to IndexedDB on FS.syncfs(false); a
// sync is asynchronous, so at most one runs at a time, no save starts before the first
// load has finished (a save from an empty file system would delete what is stored),
// and a change made during a sync is saved by the next one.
#include <emscripten.h>

#include <string>

#include "platform/services.h"
#include "platform/web_state.h"
#include "store/file_store.h"

namespace baton::platform {
namespace {

constexpr const char* kMount = "/data";
constexpr const char* kWorkspaceId = "default";
constexpr double kDebounceSeconds = 0.4;

struct StorageState {
    Session* session = nullptr;
    bool loaded = false;      // the first load has finished
    bool persistent = false;  // IndexedDB is usable
    bool syncing = false;
    bool saveRequested = false;
    std::uint64_t savedRevision = 0;   // revision of the last complete save
    std::uint64_t syncingRevision = 0; // revision being synced now
    std::uint64_t seenRevision = 0;
    double changedAt = 0.0;
};

StorageState g_state;

EM_JS(void, jsMountAndLoad, (const char* mount), {
    var path = UTF8ToString(mount);
    try {
        if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('no IndexedDB');
        FS.mkdir(path);
        FS.mount(IDBFS, {}, path);
        FS.syncfs(true, function(err) {
            if (err) console.warn('baton: loading from IndexedDB failed:', err);
            Module['_baton_storage_loaded'](err ? 0 : 1);
        });
    } catch (e) {
        console.warn('baton: IndexedDB is not available, working in memory only:', e);
        try { FS.mkdir(path); } catch (ignored) {}
        Module['_baton_storage_loaded'](0);
    }
});

EM_JS(void, jsSyncToDatabase, (), {
    FS.syncfs(false, function(err) {
        if (err) console.warn('baton: saving to IndexedDB failed:', err);
        Module['_baton_storage_synced'](err ? 0 : 1);
    });
});

EM_JS(void, jsNotifyReady, (), {
    if (Module['batonOnReady']) Module['batonOnReady']();
});

// Opens the stored workspace and returns true, or opens the demo and returns false.
bool openStoredOrDemo(Session& session) {
    FileStore store(kMount);
    std::string error;
    std::optional<std::string> text = store.loadWorkspace(kWorkspaceId, error);
    if (!error.empty()) session.log().error("Stored workspace unreadable: " + error);
    if (text) {
        ImportOutcome outcome = session.importWorkspaceText(*text);
        if (outcome.ok) {
            session.log().info("Restored the stored workspace.");
            return true;
        }
        session.log().error("The stored workspace is invalid; it is kept on disk and the demo "
                            "is shown instead. Export or fix it before saving over it.");
        g_state.persistent = false;  // never overwrite data the user may still recover
    }
    session.loadDemo();
    return false;
}

void startSave() {
    Session& session = *g_state.session;
    FileStore store(kMount);
    std::string error;
    if (!store.saveWorkspace(kWorkspaceId, session.exportWorkspaceText(), error)) {
        session.log().error("Save failed: " + error + ". The previous save is intact.");
        session.setSaveState(SaveState::Unsaved);
        return;
    }
    g_state.syncing = true;
    g_state.syncingRevision = session.revision();
    session.setSaveState(SaveState::Saving);
    jsSyncToDatabase();
}

}  // namespace

Session* activeSession() { return g_state.session; }

void startup(Session& session) {
    g_state.session = &session;
    jsMountAndLoad(kMount);
}

bool ready() { return g_state.loaded; }

void requestSave() { g_state.saveRequested = true; }

void frame(Session& session, double nowSeconds) {
    if (!g_state.loaded) return;
    if (!g_state.persistent) {
        session.setSaveState(SaveState::MemoryOnly);
        return;
    }
    if (session.revision() != g_state.seenRevision) {
        g_state.seenRevision = session.revision();
        g_state.changedAt = nowSeconds;
    }
    bool dirty = session.revision() != g_state.savedRevision;
    if (g_state.syncing) return;
    if (!dirty) {
        session.setSaveState(SaveState::Saved);
        g_state.saveRequested = false;
        return;
    }
    session.setSaveState(SaveState::Unsaved);
    if (g_state.saveRequested || nowSeconds - g_state.changedAt >= kDebounceSeconds) {
        g_state.saveRequested = false;
        startSave();
    }
}

}  // namespace baton::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void baton_storage_loaded(int ok) {
    using namespace baton::platform;
    g_state.persistent = ok != 0;
    baton::Session& session = *g_state.session;
    bool restored = openStoredOrDemo(session);
    if (!g_state.persistent) {
        session.setSaveState(baton::SaveState::MemoryOnly);
        session.log().warning("Storage is not available: nothing will be kept after this tab "
                              "closes. Export the workspace to keep it.");
        g_state.savedRevision = session.revision();
    } else if (ok) {
        // A restored workspace is already stored; the demo on first run is saved at once.
        g_state.savedRevision = restored ? session.revision() : 0;
    }
    g_state.seenRevision = session.revision();
    g_state.loaded = true;
    jsNotifyReady();
}

EMSCRIPTEN_KEEPALIVE void baton_storage_synced(int ok) {
    using namespace baton::platform;
    g_state.syncing = false;
    if (ok) {
        g_state.savedRevision = g_state.syncingRevision;
    } else {
        g_state.session->log().error("Saving to IndexedDB failed; the last complete save is "
                                     "kept. Export the workspace to be safe.");
    }
}

// Called from the page's pagehide and visibilitychange handlers.
EMSCRIPTEN_KEEPALIVE void baton_save_now() {
    using namespace baton::platform;
    if (!g_state.loaded || !g_state.persistent || g_state.syncing) {
        g_state.saveRequested = true;
        return;
    }
    if (g_state.session->revision() != g_state.savedRevision) startSave();
}

}  // extern "C"
