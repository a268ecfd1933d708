// Workspace files under one root folder: a real folder natively, the IDBFS mount in
// the browser (the platform layer mounts it and syncs it to IndexedDB). Each workspace
// has its own folder; a save writes a new file and renames it over the old one, so a
// save cut off half-way leaves the last complete file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

class FileStore {
public:
    explicit FileStore(std::string root) : m_root(std::move(root)) {}

    const std::string& root() const { return m_root; }

    // Returns the stored workspace text, or nothing when there is none.
    std::optional<std::string> loadWorkspace(const std::string& id, std::string& error) const;
    // Writes the workspace atomically; returns false with `error` set on failure.
    bool saveWorkspace(const std::string& id, std::string_view text, std::string& error) const;
    // Ids of the stored workspaces, sorted.
    std::vector<std::string> workspaceIds() const;

    // Generic files under the root; `relative` never starts with "/" or contains "..".
    // Returns the file's bytes, or nothing (with an empty error) when it does not exist.
    std::optional<std::string> readFile(const std::string& relative, std::string& error) const;
    // Writes `relative` atomically: a new file, then a rename over the old one.
    bool writeFile(const std::string& relative, std::string_view bytes, std::string& error) const;
    bool removeFile(const std::string& relative, std::string& error) const;
    // Removes a folder and everything in it; a folder that does not exist is no error.
    bool removeFolder(const std::string& relative, std::string& error) const;
    bool exists(const std::string& relative) const;

    // True when `id` is usable as a folder name: 1-64 of [A-Za-z0-9_-].
    static bool validId(const std::string& id);

private:
    std::string workspacePath(const std::string& id) const;

    std::string m_root;
};

}  // namespace baton
