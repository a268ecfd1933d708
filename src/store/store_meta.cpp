#include "store/store_meta.h"

namespace baton {

using nlohmann::json;

const WorkspaceEntry* StoreMeta::find(const std::string& id) const {
    for (const WorkspaceEntry& entry : workspaces) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

WorkspaceEntry* StoreMeta::find(const std::string& id) {
    for (WorkspaceEntry& entry : workspaces) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

json metaToJson(const StoreMeta& meta) {
    json list = json::array();
    for (const WorkspaceEntry& entry : meta.workspaces) {
        json item = {{"id", entry.id},
                     {"name", entry.name},
                     {"created", entry.created},
                     {"last_backup", entry.lastBackup.empty() ? json(nullptr)
                                                              : json(entry.lastBackup)},
                     {"encryption", nullptr}};
        if (entry.encryption) {
            const EncryptionInfo& e = *entry.encryption;
            item["encryption"] = {{"kdf", e.kdf},       {"iterations", e.iterations},
                                  {"salt", e.salt},     {"cipher", e.cipher},
                                  {"check", e.check}};
        }
        list.push_back(std::move(item));
    }
    return {{"format", kStoreFormat},
            {"version", kStoreVersion},
            {"generation", meta.generation},
            {"current", meta.current},
            {"workspaces", std::move(list)}};
}

std::string writeMeta(const StoreMeta& meta) { return metaToJson(meta).dump(2) + "\n"; }

namespace {

bool readString(const json& object, const char* key, std::string& out, bool nullable) {
    auto it = object.find(key);
    if (it == object.end()) return nullable;
    if (it->is_null()) return nullable;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

std::optional<EncryptionInfo> readEncryption(const json& value, const std::string& path,
                                             std::string& error) {
    EncryptionInfo info;
    if (!value.is_object() || !readString(value, "kdf", info.kdf, false) ||
        !readString(value, "salt", info.salt, false) ||
        !readString(value, "cipher", info.cipher, false) ||
        !readString(value, "check", info.check, false) || !value.contains("iterations") ||
        !value["iterations"].is_number_integer()) {
        error = path + ": expected an object with kdf, iterations, salt, cipher and check";
        return std::nullopt;
    }
    info.iterations = value["iterations"].get<int>();
    if (info.kdf != "PBKDF2-SHA-256" || info.cipher != "AES-GCM-256" || info.iterations < 1) {
        error = path + ": unsupported encryption " + info.kdf + " / " + info.cipher;
        return std::nullopt;
    }
    return info;
}

bool readEntry(const json& item, const std::string& path, WorkspaceEntry& entry,
               std::string& error) {
    if (!item.is_object() || !readString(item, "id", entry.id, false) ||
        !readString(item, "name", entry.name, false) ||
        !readString(item, "created", entry.created, true) ||
        !readString(item, "last_backup", entry.lastBackup, true)) {
        error = path + ": expected an object with string id, name, created and last_backup";
        return false;
    }
    auto encryption = item.find("encryption");
    if (encryption != item.end() && !encryption->is_null()) {
        entry.encryption = readEncryption(*encryption, path + "/encryption", error);
        if (!entry.encryption) return false;
    }
    return true;
}

}  // namespace

std::optional<StoreMeta> readMeta(std::string_view text, std::string& error) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "meta.json is not a JSON object";
        return std::nullopt;
    }
    if (doc.value("format", std::string()) != kStoreFormat) {
        error = "meta.json: /format must be \"baton-store\"";
        return std::nullopt;
    }
    if (!doc.contains("version") || !doc["version"].is_number_integer()) {
        error = "meta.json: /version must be an integer";
        return std::nullopt;
    }
    int version = doc["version"].get<int>();
    if (version > kStoreVersion) {
        error = "meta.json: storage version " + std::to_string(version) +
                " is newer than this Baton reads (" + std::to_string(kStoreVersion) +
                "); open the page of a newer Baton";
        return std::nullopt;
    }
    StoreMeta meta;
    if (!doc.contains("generation") || !doc["generation"].is_number_unsigned()) {
        error = "meta.json: /generation must be a non-negative integer";
        return std::nullopt;
    }
    meta.generation = doc["generation"].get<std::uint64_t>();
    readString(doc, "current", meta.current, true);
    const json& list = doc.contains("workspaces") ? doc["workspaces"] : json();
    if (!list.is_array()) {
        error = "meta.json: /workspaces must be an array";
        return std::nullopt;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        WorkspaceEntry entry;
        std::string path = "meta.json: /workspaces/" + std::to_string(i);
        if (!readEntry(list[i], path, entry, error)) return std::nullopt;
        meta.workspaces.push_back(std::move(entry));
    }
    return meta;
}

}  // namespace baton
