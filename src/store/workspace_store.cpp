#include "store/workspace_store.h"

#include <algorithm>
#include <cctype>

#include "io/workspace_json.h"
#include "store/snapshot.h"

namespace baton {

namespace {

constexpr const char* kMetaFile = "meta.json";
constexpr std::size_t kMaxNameBytes = 200;

std::string folderOf(const std::string& id) { return "workspaces/" + id; }

}  // namespace

std::string WorkspaceStore::dataPath(const std::string& id, bool encrypted) {
    return folderOf(id) + (encrypted ? "/workspace.snap.enc" : "/workspace.snap");
}

std::string WorkspaceStore::proposalPath(const std::string& id) {
    return folderOf(id) + "/proposal.json";
}

StoreOpenOutcome WorkspaceStore::open(const std::string& now) {
    StoreOpenOutcome outcome;
    m_meta = StoreMeta{};
    std::optional<std::string> text = m_files.readFile(kMetaFile, outcome.error);
    if (!outcome.error.empty()) return outcome;
    if (text) {
        std::optional<StoreMeta> meta = readMeta(*text, outcome.error);
        if (!meta) return outcome;
        m_meta = std::move(*meta);
        outcome.ok = true;
        return outcome;
    }
    // No meta.json: either a first run or the first layout, which kept one
    // workspaces/<id>/workspace.json per workspace and nothing else.
    for (const std::string& id : m_files.workspaceIds()) {
        WorkspaceEntry entry;
        entry.id = id;
        entry.name = id == "default" ? "Default workspace" : id;
        entry.created = now;
        m_meta.workspaces.push_back(std::move(entry));
    }
    outcome.migrated = !m_meta.workspaces.empty();
    if (outcome.migrated) {
        m_meta.current = m_meta.find("default") ? "default" : m_meta.workspaces.front().id;
        if (!m_files.writeFile(kMetaFile, writeMeta(m_meta), outcome.error)) return outcome;
    }
    outcome.ok = true;
    return outcome;
}

std::optional<Workspace> WorkspaceStore::load(const std::string& id, std::string& error) const {
    error.clear();
    const WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return std::nullopt;
    }
    if (entry->encryption) {
        error = "workspace \"" + id + "\" is encrypted: unlock it with its passphrase";
        return std::nullopt;
    }
    std::optional<std::string> bytes = m_files.readFile(dataPath(id, false), error);
    if (!error.empty()) return std::nullopt;
    if (bytes) {
        std::optional<Workspace> workspace = readSnapshot(*bytes, error);
        if (!workspace) error = dataPath(id, false) + ": " + error;
        return workspace;
    }
    std::optional<std::string> text = m_files.loadWorkspace(id, error);
    if (!text) return std::nullopt;
    WorkspaceReadResult read = readWorkspace(*text);
    if (!read.workspace) {
        error = folderOf(id) + "/workspace.json: " +
                (read.errors.empty() ? std::string("invalid")
                                     : read.errors.front().path + ": " +
                                           read.errors.front().message);
    }
    return std::move(read.workspace);
}

bool WorkspaceStore::writeData(const std::string& id, std::string_view bytes, bool encrypted,
                               std::string& error) {
    const WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    if (!m_files.writeFile(dataPath(id, encrypted), bytes, error)) return false;
    // The other form of the data, and the first layout's JSON, are out of date now. An
    // encrypted workspace keeps no proposal, whose text would be stored in the clear.
    std::string ignored;
    m_files.removeFile(dataPath(id, !encrypted), ignored);
    m_files.removeFile(folderOf(id) + "/workspace.json", ignored);
    if (encrypted) m_files.removeFile(proposalPath(id), ignored);
    return true;
}

bool WorkspaceStore::writeProposal(const std::string& id, std::string_view text,
                                   std::string& error) {
    const WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    if (text.empty()) {
        if (!m_files.exists(proposalPath(id))) return true;
        return m_files.removeFile(proposalPath(id), error);
    }
    if (entry->encryption) {
        error = "workspace \"" + id + "\" is encrypted: its proposal is not stored";
        return false;
    }
    return m_files.writeFile(proposalPath(id), text, error);
}

std::optional<std::string> WorkspaceStore::readProposal(const std::string& id,
                                                        std::string& error) const {
    error.clear();
    const WorkspaceEntry* entry = m_meta.find(id);
    if (!entry || entry->encryption) return std::nullopt;
    return m_files.readFile(proposalPath(id), error);
}

bool WorkspaceStore::save(const std::string& id, const Workspace& workspace,
                          std::string& error) {
    return saveSnapshot(id, writeSnapshot(workspace), error);
}

bool WorkspaceStore::saveSnapshot(const std::string& id, std::string_view snapshot,
                                  std::string& error) {
    const WorkspaceEntry* entry = m_meta.find(id);
    if (entry && entry->encryption) {
        error = "workspace \"" + id + "\" is encrypted: its data is written encrypted";
        return false;
    }
    return writeData(id, snapshot, false, error) && commit(error);
}

bool WorkspaceStore::commit(std::string& error) {
    ++m_meta.generation;
    if (m_files.writeFile(kMetaFile, writeMeta(m_meta), error)) return true;
    --m_meta.generation;
    return false;
}

std::string WorkspaceStore::nextId() const {
    int highest = 0;
    for (const WorkspaceEntry& entry : m_meta.workspaces) {
        if (entry.id.rfind("ws-", 0) != 0) continue;
        const std::string digits = entry.id.substr(3);
        if (digits.empty() || digits.size() > 9) continue;
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        highest = std::max(highest, std::stoi(digits));
    }
    return "ws-" + std::to_string(highest + 1);
}

std::optional<std::string> WorkspaceStore::checkName(const std::string& name,
                                                     std::string& error) {
    auto first = std::find_if(name.begin(), name.end(),
                              [](unsigned char c) { return !std::isspace(c); });
    auto last = std::find_if(name.rbegin(), name.rend(),
                             [](unsigned char c) { return !std::isspace(c); });
    std::string trimmed = first == name.end() ? "" : std::string(first, last.base());
    if (trimmed.size() > kMaxNameBytes) {
        error = "workspace name is too long: " + std::to_string(trimmed.size()) +
                " bytes, at most " + std::to_string(kMaxNameBytes);
        return std::nullopt;
    }
    if (std::any_of(trimmed.begin(), trimmed.end(),
                    [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
        error = "workspace name contains a control character";
        return std::nullopt;
    }
    return trimmed.empty() ? std::string(kDefaultName) : trimmed;
}

std::string WorkspaceStore::create(const std::string& name, const std::string& now,
                                   std::string& error, const std::string& id) {
    std::optional<std::string> checked = checkName(name, error);
    if (!checked) return "";
    if (!id.empty() && (!FileStore::validId(id) || m_meta.find(id))) {
        error = "workspace id \"" + id + "\" is invalid or taken";
        return "";
    }
    WorkspaceEntry entry;
    entry.id = id.empty() ? nextId() : id;
    entry.name = *checked;
    entry.created = now;
    m_meta.workspaces.push_back(entry);
    if (!commit(error)) {
        m_meta.workspaces.pop_back();
        return "";
    }
    return entry.id;
}

bool WorkspaceStore::rename(const std::string& id, const std::string& name, std::string& error) {
    WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    std::optional<std::string> checked = checkName(name, error);
    if (!checked) return false;
    std::string before = entry->name;
    entry->name = *checked;
    if (commit(error)) return true;
    entry->name = before;
    return false;
}

std::string WorkspaceStore::duplicate(const std::string& id, const std::string& now,
                                      std::string& error) {
    const WorkspaceEntry* source = m_meta.find(id);
    if (!source) {
        error = "workspace \"" + id + "\" not found";
        return "";
    }
    WorkspaceEntry copy = *source;
    copy.id = nextId();
    copy.name = source->name + " (copy)";
    copy.created = now;
    copy.lastBackup.clear();
    bool encrypted = source->encryption.has_value();
    std::optional<std::string> bytes = m_files.readFile(dataPath(id, encrypted), error);
    if (!error.empty()) return "";
    if (!bytes && !encrypted) {
        // A workspace of the first layout that was never saved since: copy its JSON.
        std::optional<std::string> text = m_files.loadWorkspace(id, error);
        if (!error.empty()) return "";
        if (text && !m_files.saveWorkspace(copy.id, *text, error)) return "";
    }
    if (bytes && !m_files.writeFile(dataPath(copy.id, encrypted), *bytes, error)) return "";
    // The copy has the same data, so the kept proposal holds for it too.
    std::optional<std::string> proposal = readProposal(id, error);
    if (!error.empty()) return "";
    if (proposal && !m_files.writeFile(proposalPath(copy.id), *proposal, error)) return "";
    m_meta.workspaces.push_back(copy);
    if (!commit(error)) {
        m_meta.workspaces.pop_back();
        std::string ignored;
        m_files.removeFolder(folderOf(copy.id), ignored);
        return "";
    }
    return copy.id;
}

bool WorkspaceStore::remove(const std::string& id, std::string& error) {
    auto it = std::find_if(m_meta.workspaces.begin(), m_meta.workspaces.end(),
                           [&](const WorkspaceEntry& e) { return e.id == id; });
    if (it == m_meta.workspaces.end()) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    // The index is written first: a folder without an entry is only wasted space, an
    // entry without its folder would be a workspace that lost its data.
    WorkspaceEntry removed = *it;
    std::string current = m_meta.current;
    m_meta.workspaces.erase(it);
    if (m_meta.current == id) m_meta.current.clear();
    if (!commit(error)) {
        m_meta.workspaces.push_back(removed);
        m_meta.current = current;
        return false;
    }
    std::string ignored;
    m_files.removeFolder(folderOf(id), ignored);
    return true;
}

bool WorkspaceStore::setCurrent(const std::string& id, std::string& error) {
    if (!m_meta.find(id)) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    if (m_meta.current == id) return true;
    m_meta.current = id;
    return commit(error);
}

bool WorkspaceStore::recordBackup(const std::string& id, const std::string& now,
                                  std::string& error) {
    WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    entry->lastBackup = now;
    return commit(error);
}

bool WorkspaceStore::setEncryption(const std::string& id, std::optional<EncryptionInfo> info,
                                   std::string& error) {
    WorkspaceEntry* entry = m_meta.find(id);
    if (!entry) {
        error = "workspace \"" + id + "\" not found";
        return false;
    }
    entry->encryption = std::move(info);
    return true;
}

}  // namespace baton
