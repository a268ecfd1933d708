// The JavaScript side of browser storage, as EM_JS functions. The preprocessor joins
// each body into one line, so every JavaScript statement ends with a semicolon.
//
// Loading uses IDBFS (FS.syncfs(true)) on a database this file opens itself, because
// IDBFS in Emscripten 3.1.6 never calls back when IndexedDB refuses to open. Saving does
// not use FS.syncfs(false): it writes the changed files in ONE IndexedDB transaction that
// also reads the stored meta.json and aborts when another tab saved a newer generation,
// so a save is all-or-nothing (a tab closed mid-save leaves the last complete state) and
// a stale tab can never overwrite newer data. The entries keep IDBFS's format (key =
// path, value = {timestamp, mode, contents}), so FS.syncfs(true) loads them.
//
// An IndexedDB save is asynchronous, and a page that reloads or closes before it commits
// loses it. So the files not yet stored are also written to a journal in localStorage,
// whose setItem() is synchronous, after each audited step and when the page is hidden.
// The next load replays the journal over what IndexedDB returned, when the stored
// generation shows that the journal's save never completed (see jsInstallJournal).
#include <emscripten.h>

#include "platform/storage_state.h"

namespace baton::platform {

EM_JS(void, jsInstallCrypto, (), {
    var S = Module["batonStorage"];
    S.magic = [66, 65, 84, 79, 78, 69, 78, 67];
    S.subtle = function() {
        if (typeof crypto === "undefined" || !crypto.subtle) {
            throw new Error("Encryption needs a secure context (https, localhost or a file), " +
                            "and this page is served over plain http.");
        }
        return crypto.subtle;
    };
    S.toBase64 = function(bytes) {
        var text = "";
        for (var i = 0; i < bytes.length; i += 32768) {
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
        }
        return btoa(text);
    };
    S.fromBase64 = function(text) {
        var raw = atob(text);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; ++i) bytes[i] = raw.charCodeAt(i);
        return bytes;
    };
    S.randomBytes = function(count) { return crypto.getRandomValues(new Uint8Array(count)); };
    S.deriveKey = function(passphrase, salt, iterations) {
        var subtle = S.subtle();
        var secret = new TextEncoder().encode(passphrase);
        return subtle.importKey("raw", secret, "PBKDF2", false, ["deriveKey"]).then(function(base) {
            return subtle.deriveKey({name: "PBKDF2", hash: "SHA-256", salt: salt,
                                     iterations: iterations},
                                    base, {name: "AES-GCM", length: 256}, false,
                                    ["encrypt", "decrypt"]);
        });
    };
    S.encrypt = function(key, bytes) {
        var iv = S.randomBytes(12);
        return S.subtle().encrypt({name: "AES-GCM", iv: iv}, key, bytes).then(function(sealed) {
            var out = new Uint8Array(20 + sealed.byteLength);
            out.set(S.magic, 0);
            out.set(iv, 8);
            out.set(new Uint8Array(sealed), 20);
            return out;
        });
    };
    S.decrypt = function(key, bytes) {
        for (var i = 0; i < 8; ++i) {
            if (bytes[i] !== S.magic[i]) return Promise.reject(new Error("not an encrypted Baton file"));
        }
        var iv = bytes.subarray(8, 20);
        return S.subtle().decrypt({name: "AES-GCM", iv: iv}, key, bytes.subarray(20)).then(
            function(plain) { return new Uint8Array(plain); });
    };
});

EM_JS(void, jsInstallHealth, (), {
    var S = Module["batonStorage"];
    S.persist = 0;
    var types = ["number", "number", "number"];
    var hasStorageApi = function() {
        return S.secure && typeof navigator !== "undefined" && navigator.storage &&
               navigator.storage.persist && navigator.storage.estimate;
    };
    S.estimate = function() {
        if (!hasStorageApi()) return;
        navigator.storage.estimate().then(function(e) {
            S.report("baton_storage_health", types, [S.persist, e.usage, e.quota]);
        }).catch(function(error) { console.warn("baton: storage estimate failed:", error); });
    };
    S.health = function() {
        if (!hasStorageApi()) {
            S.persist = 3;
            S.report("baton_storage_health", types, [3, -1, -1]);
            return;
        }
        navigator.storage.persisted().then(function(already) {
            return already || navigator.storage.persist();
        }).then(function(granted) {
            S.persist = granted ? 1 : 2;
            S.estimate();
        }).catch(function(error) {
            console.warn("baton: persistent storage request failed:", error);
            S.estimate();
        });
    };
});

EM_JS(void, jsInstallTabs, (), {
    var S = Module["batonStorage"];
    S.tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
    if (typeof BroadcastChannel === "undefined") return;
    S.channel = new BroadcastChannel("baton-storage");
    S.channel.onmessage = function(event) {
        var message = event.data;
        if (!message || message.tab === S.tab || typeof message.generation !== "number") return;
        S.report("baton_storage_remote_saved", ["number"], [message.generation]);
    };
});

// Opens the IDBFS database with IDBFS's own name, version and schema and puts it in
// IDBFS's cache, then loads the files. Reports baton_storage_loaded(ok, reason).
EM_JS(void, jsOpenAndLoad, (), {
    var S = Module["batonStorage"];
    var mount = S.mount;
    var reported = false;
    var report = function(ok, reason) {
        if (reported) return;
        reported = true;
        S.report("baton_storage_loaded", ["number", "string"], [ok, reason]);
    };
    try { FS.mkdir(mount); } catch (ignored) {}
    var request;
    try {
        if (typeof indexedDB === "undefined" || indexedDB === null) {
            throw new Error("IndexedDB is not available in this window");
        }
        request = indexedDB.open(mount, IDBFS.DB_VERSION);
    } catch (e) {
        report(0, "IndexedDB is not available (" + (e && e.message ? e.message : e) + ")");
        return;
    }
    var timer = setTimeout(function() { report(0, "IndexedDB did not open within 20 s"); }, 20000);
    request.onupgradeneeded = function(event) {
        var db = event.target.result;
        var store = db.objectStoreNames.contains(IDBFS.DB_STORE_NAME)
                        ? event.target.transaction.objectStore(IDBFS.DB_STORE_NAME)
                        : db.createObjectStore(IDBFS.DB_STORE_NAME);
        if (!store.indexNames.contains("timestamp")) {
            store.createIndex("timestamp", "timestamp", {unique: false});
        }
    };
    request.onerror = function(event) {
        clearTimeout(timer);
        event.preventDefault();
        var e = request.error;
        report(0, "IndexedDB refused to open (" + (e ? e.name + ": " + e.message : "unknown") +
                      "); site data may be blocked for this page");
    };
    request.onsuccess = function() {
        S.db = request.result;
        IDBFS.dbs[mount] = S.db;
        try {
            FS.mount(IDBFS, {}, mount);
        } catch (e) {
            clearTimeout(timer);
            report(0, "mounting storage failed: " + e);
            return;
        }
        FS.syncfs(true, function(err) {
            clearTimeout(timer);
            if (err) {
                report(0, "loading from IndexedDB failed: " + err);
                return;
            }
            try {
                S.replayJournal();
            } catch (e) {
                console.warn("baton: replaying the journal of unsaved changes failed:", e);
            }
            report(1, "");
        });
    };
});

EM_JS(void, jsStartImpl, (const char* mountText), {
    var S = Module["batonStorage"] = {};
    S.mount = UTF8ToString(mountText);
    S.keys = {};
    S.secure = typeof isSecureContext === "undefined" ? true : isSecureContext;
    S.report = function(name, types, args) { Module["ccall"](name, null, types, args); };
    S.lastActivity = Date.now();
    if (typeof window !== "undefined") {
        ["pointerdown", "keydown", "wheel"].forEach(function(type) {
            window.addEventListener(type, function() { S.lastActivity = Date.now(); },
                                    {capture: true, passive: true});
        });
    }
});


// Reads every file under the mount into {path: entry} and the generation of meta.json.
// With `stamps` ({path: time}), a file whose time matches is listed without its contents,
// because it is stored as it is.
EM_JS(void, jsInstallSnapshot, (), {
    var S = Module["batonStorage"];
    S.readEntry = function(path) {
        try {
            var stat = FS.stat(path);
            return {timestamp: stat.mtime, mode: stat.mode, contents: FS.readFile(path)};
        } catch (missing) {
            return null;
        }
    };
    S.localEntries = function(stamps) {
        var entries = {};
        var walk = function(path) {
            FS.readdir(path).forEach(function(name) {
                if (name === "." || name === "..") return;
                var child = path + "/" + name;
                var stat = FS.stat(child);
                if (FS.isDir(stat.mode)) {
                    entries[child] = {timestamp: stat.mtime, mode: stat.mode};
                    walk(child);
                } else if (FS.isFile(stat.mode)) {
                    var same = stamps && stamps[child] === stat.mtime.getTime();
                    entries[child] = {timestamp: stat.mtime, mode: stat.mode,
                                      contents: same ? null : FS.readFile(child)};
                }
            });
        };
        walk(S.mount);
        return entries;
    };
    S.generationOf = function(entry) {
        if (!entry || !entry.contents) return 0;
        try {
            return JSON.parse(new TextDecoder().decode(entry.contents)).generation || 0;
        } catch (e) {
            return 0;
        }
    };
});

// The journal of files not yet stored in IndexedDB: one localStorage item per mount, with
// the stored generation it starts from (`base`), the generation its files carry in
// meta.json (`generation`), each changed file (base64) and each removed path. It is
// replayed on load only when the stored generation is at least `base` and below
// `generation`: the save that would have stored the files did not complete, and no other
// tab saved since. A save that stores the journal's generation removes it.
EM_JS(void, jsInstallJournal, (), {
    var S = Module["batonStorage"];
    S.journalKey = "baton-journal:" + S.mount;
    S.storedStamps = {};
    S.storedGeneration = 0;
    S.journalGeneration = 0;
    S.journalReplayed = 0;
    S.stampsOf = function(entries) {
        var stamps = {};
        Object.keys(entries).forEach(function(path) { stamps[path] = entries[path].timestamp.getTime(); });
        return stamps;
    };
    S.localStorage = function() {
        try {
            return typeof localStorage === "undefined" ? null : localStorage;
        } catch (e) {
            return null;
        }
    };
    S.dropJournal = function() {
        S.journalGeneration = 0;
        var storage = S.localStorage();
        try {
            if (storage) storage.removeItem(S.journalKey);
        } catch (e) {
            console.warn("baton: removing the journal failed:", e);
        }
    };
    S.writeJournal = function() {
        var storage = S.localStorage();
        if (!storage || !S.db) return;
        var local = S.localEntries(S.storedStamps);
        var files = {};
        var count = 0;
        Object.keys(local).forEach(function(path) {
            var entry = local[path];
            if (S.storedStamps[path] === entry.timestamp.getTime()) return;
            files[path] = {timestamp: entry.timestamp.getTime(), mode: entry.mode,
                           contents: entry.contents ? S.toBase64(entry.contents) : null};
            ++count;
        });
        var removed = Object.keys(S.storedStamps).filter(function(path) { return !(path in local); });
        if (count === 0 && removed.length === 0) return;
        var generation = S.generationOf(S.readEntry(S.mount + "/meta.json"));
        var journal = {format: "baton-journal", version: 1, base: S.storedGeneration,
                       generation: generation, files: files, removed: removed};
        try {
            storage.setItem(S.journalKey, JSON.stringify(journal));
            S.journalGeneration = generation;
        } catch (e) {
            S.dropJournal();
            console.warn("baton: the unsaved changes do not fit in localStorage (" + e +
                         "); only the IndexedDB save keeps them.");
        }
    };
    S.readJournal = function() {
        var storage = S.localStorage();
        try {
            var text = storage ? storage.getItem(S.journalKey) : null;
            var journal = text ? JSON.parse(text) : null;
            if (journal && journal.format === "baton-journal" && journal.version === 1) return journal;
        } catch (e) {
            console.warn("baton: the journal of unsaved changes is unreadable:", e);
        }
        return null;
    };
    S.replayFile = function(path, entry) {
        if (FS.isDir(entry.mode)) {
            try { FS.mkdir(path, entry.mode); } catch (exists) {}
        } else {
            FS.writeFile(path, S.fromBase64(entry.contents), {canOwn: true});
            FS.chmod(path, entry.mode);
        }
        FS.utime(path, entry.timestamp, entry.timestamp);
    };
    S.removePath = function(path) {
        try {
            if (FS.isDir(FS.stat(path).mode)) FS.rmdir(path);
            else FS.unlink(path);
        } catch (missing) {}
    };
    S.replayJournal = function() {
        var loaded = S.localEntries();
        S.storedStamps = S.stampsOf(loaded);
        S.storedGeneration = S.generationOf(loaded[S.mount + "/meta.json"]);
        var journal = S.readJournal();
        if (!journal) return;
        if (!(S.storedGeneration >= journal.base && S.storedGeneration < journal.generation)) {
            S.dropJournal();
            return;
        }
        Object.keys(journal.files).sort().forEach(function(path) {
            S.replayFile(path, journal.files[path]);
        });
        journal.removed.slice().sort().reverse().forEach(S.removePath);
        S.journalGeneration = journal.generation;
        S.journalReplayed = Object.keys(journal.files).length + journal.removed.length;
    };
});

EM_JS(void, jsCheckHealth, (), { Module["batonStorage"].health(); });

void jsStart(const char* mount) {
    jsStartImpl(mount);
    jsInstallCrypto();
    jsInstallHealth();
    jsInstallTabs();
    jsInstallSnapshot();
    jsInstallJournal();
    jsCheckHealth();
    jsOpenAndLoad();
}

EM_JS(void, jsSaveImpl, (double known), {
    var S = Module["batonStorage"];
    var mount = S.mount;
    var finished = false;
    var generation = 0;
    var finish = function(status, message) {
        if (finished) return;
        finished = true;
        if (status === 0) {
            S.storedStamps = S.stampsOf(local);
            S.storedGeneration = generation;
            if (S.journalGeneration && generation >= S.journalGeneration) S.dropJournal();
        }
        if (status === 0 && S.channel) S.channel.postMessage({tab: S.tab, generation: generation});
        S.report("baton_storage_saved", ["number", "number", "string"], [status, generation, message]);
        if (status === 0 || status === 2) S.estimate();
    };
    var local;
    var tx;
    try {
        local = S.localEntries(S.storedStamps);
        generation = S.generationOf(S.readEntry(mount + "/meta.json"));
        tx = S.db.transaction([IDBFS.DB_STORE_NAME], "readwrite");
    } catch (e) {
        finish(1, "preparing the save failed: " + e);
        return;
    }
    var store = tx.objectStore(IDBFS.DB_STORE_NAME);
    var outcome = null;
    tx.oncomplete = function() { finish(0, ""); };
    tx.onabort = function() {
        if (outcome) { finish(outcome[0], outcome[1]); return; }
        var e = tx.error;
        var quota = e && e.name === "QuotaExceededError";
        finish(quota ? 2 : 1, e ? e.name + ": " + e.message : "the save was aborted");
    };
    // Every request is issued now, in one round trip to IndexedDB: the stored meta.json is
    // read first, and its callback aborts the whole transaction (writes included) when
    // another tab saved a newer generation. Without that, the stored files are those this
    // tab last loaded or saved (S.storedStamps), so only the files that differ are written.
    var metaRequest = store.get(mount + "/meta.json");
    metaRequest.onsuccess = function() {
        var stored = S.generationOf(metaRequest.result);
        if (stored > known) {
            outcome = [3, "another tab saved generation " + stored + " after this tab read " + known];
            generation = stored;
            tx.abort();
        }
    };
    try {
        Object.keys(local).sort().forEach(function(path) {
            var entry = local[path];
            if (S.storedStamps[path] === entry.timestamp.getTime()) return;
            store.put(entry, path);
        });
        Object.keys(S.storedStamps).sort().reverse().forEach(function(path) {
            if (!(path in local)) store.delete(path);
        });
    } catch (e) {
        outcome = [e && e.name === "QuotaExceededError" ? 2 : 1, "writing failed: " + e];
        tx.abort();
    }
});

void jsSave(double knownGeneration) { jsSaveImpl(knownGeneration); }

// Encrypts the bytes with the workspace's key and reports them to
// baton_storage_encrypted(ok, data, size, message); the reply's buffer is freed after.
EM_JS(void, jsEncryptFile, (const char* idText, const void* data, int size), {
    var S = Module["batonStorage"];
    var id = UTF8ToString(idText);
    var bytes = HEAPU8.slice(data, data + size);
    var fail = function(message) {
        S.report("baton_storage_encrypted", ["number", "number", "number", "string"], [0, 0, 0, message]);
    };
    var key = S.keys[id];
    if (!key) { fail("the workspace is locked: unlock it to save"); return; }
    S.encrypt(key, bytes).then(function(sealed) {
        var pointer = _malloc(sealed.length);
        if (!pointer) { fail("out of memory for the encrypted data"); return; }
        HEAPU8.set(sealed, pointer);
        try {
            S.report("baton_storage_encrypted", ["number", "number", "number", "string"],
                     [1, pointer, sealed.length, ""]);
        } finally {
            _free(pointer);
        }
    }).catch(function(e) { fail("encryption failed: " + e); });
});

EM_JS(double, jsNowMillis, (), { return Date.now(); });

EM_JS(void, jsWriteJournal, (), {
    var S = Module["batonStorage"];
    if (S && S.writeJournal) S.writeJournal();
});

EM_JS(void, jsDropJournal, (), {
    var S = Module["batonStorage"];
    if (S && S.dropJournal) S.dropJournal();
});

EM_JS(int, jsJournalReplayed, (), {
    var S = Module["batonStorage"];
    return S && S.journalReplayed ? S.journalReplayed : 0;
});

EM_JS(void, jsRefreshEstimate, (), {
    var S = Module["batonStorage"];
    if (S && S.estimate) S.estimate();
});

EM_JS(void, jsDropKey, (const char* idText), {
    var S = Module["batonStorage"];
    if (S) delete S.keys[UTF8ToString(idText)];
});

}  // namespace baton::platform
