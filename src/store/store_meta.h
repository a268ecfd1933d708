// The storage index ("meta.json" at the storage root): the format name and version, a
// generation counter that grows with every save, the open workspace and the list of
// workspaces. Each workspace's data lives in its own folder, workspaces/<id>/.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

inline constexpr const char* kStoreFormat = "baton-store";
inline constexpr int kStoreVersion = 1;
// PBKDF2-SHA-256 iterations for a new passphrase: OWASP's 2023 figure for that hash.
inline constexpr int kMinKdfIterations = 310000;

// How a workspace's files are encrypted: AES-GCM-256 with a key derived from the
// passphrase by PBKDF2-SHA-256 over `salt` (base64). `check` is a short known text
// encrypted with the key, so a wrong passphrase is distinguished from damaged data.
struct EncryptionInfo {
    std::string kdf = "PBKDF2-SHA-256";
    int iterations = kMinKdfIterations;
    std::string salt;
    std::string cipher = "AES-GCM-256";
    std::string check;
};

struct WorkspaceEntry {
    std::string id;
    std::string name;
    std::string created;     // ISO 8601 UTC time
    std::string lastBackup;  // ISO 8601 UTC time, empty when never backed up
    std::optional<EncryptionInfo> encryption;
};

struct StoreMeta {
    std::uint64_t generation = 0;
    std::string current;  // id of the workspace open last
    std::vector<WorkspaceEntry> workspaces;

    const WorkspaceEntry* find(const std::string& id) const;
    WorkspaceEntry* find(const std::string& id);
};

nlohmann::json metaToJson(const StoreMeta& meta);
std::string writeMeta(const StoreMeta& meta);
// Reads meta.json; on failure returns nothing and sets `error` to what is wrong and where.
std::optional<StoreMeta> readMeta(std::string_view text, std::string& error);

}  // namespace baton
