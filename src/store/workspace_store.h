// The stored workspaces under one root: the meta.json index (see store_meta.h) and one
// folder per workspace holding its snapshot. Platform-free: natively the root is a real
// folder, in the browser the IDBFS mount, which the platform layer syncs to IndexedDB
// after each change. Every file is written as a new file and renamed over the old one.
//
// A save writes the workspace's data file first and meta.json (with the generation
// counter one higher) last, so the generation in meta.json never names data that is
// not complete.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "store/file_store.h"
#include "store/store_meta.h"

namespace baton {

struct StoreOpenOutcome {
    bool ok = false;
    bool migrated = false;  // meta.json was made from the layout without one
    std::string error;
};

class WorkspaceStore {
public:
    explicit WorkspaceStore(std::string root) : m_files(std::move(root)) {}

    // Reads meta.json, or makes it from the first layout (workspaces/<id>/workspace.json
    // with no meta.json), or starts an empty index. `now` is an ISO 8601 UTC time.
    StoreOpenOutcome open(const std::string& now);
    const StoreMeta& meta() const { return m_meta; }
    const FileStore& files() const { return m_files; }

    // Reads a workspace's plain data: its snapshot, or the JSON of the first layout.
    // Returns nothing with an empty error when it has no data yet.
    std::optional<Workspace> load(const std::string& id, std::string& error) const;
    // Writes the plain snapshot and commits. Rejects an encrypted workspace.
    bool save(const std::string& id, const Workspace& workspace, std::string& error);
    // The same with the snapshot's bytes already written (writeSnapshot).
    bool saveSnapshot(const std::string& id, std::string_view snapshot, std::string& error);
    // Writes a data file prepared elsewhere (an encrypted snapshot) without committing.
    bool writeData(const std::string& id, std::string_view bytes, bool encrypted,
                   std::string& error);
    // Raises the generation and writes meta.json.
    bool commit(std::string& error);

    // The last result kept beside a plain workspace's data (Session::resultToKeep): the
    // unapplied proposal's allocation result JSON or the applied record, never encrypted,
    // so an encrypted workspace keeps none.
    // writeProposal() writes `text`, or removes the file when `text` is empty, and commits
    // nothing. readProposal() returns nothing, with an empty error, when there is none.
    bool writeProposal(const std::string& id, std::string_view text, std::string& error);
    std::optional<std::string> readProposal(const std::string& id, std::string& error) const;

    // Returns the id of the new, empty entry, or "" with `error` set. The id is `id` when
    // given (it must be free and valid), else the next "ws-N".
    std::string create(const std::string& name, const std::string& now, std::string& error,
                       const std::string& id = "");
    bool rename(const std::string& id, const std::string& name, std::string& error);
    // Copies the stored data of `id` under a new id; returns it, or "" with `error` set.
    std::string duplicate(const std::string& id, const std::string& now, std::string& error);
    bool remove(const std::string& id, std::string& error);
    bool setCurrent(const std::string& id, std::string& error);
    bool recordBackup(const std::string& id, const std::string& now, std::string& error);
    bool setEncryption(const std::string& id, std::optional<EncryptionInfo> info,
                       std::string& error);

    // The path of the data file of `id` relative to the root.
    static std::string dataPath(const std::string& id, bool encrypted);
    // The path of the kept proposal of `id` relative to the root.
    static std::string proposalPath(const std::string& id);

    // The name a workspace gets when the name given is empty or only spaces.
    static constexpr const char* kDefaultName = "Workspace";

private:
    std::string nextId() const;
    static std::optional<std::string> checkName(const std::string& name, std::string& error);

    FileStore m_files;
    StoreMeta m_meta;
};

}  // namespace baton
