#include "store/file_store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace baton {

namespace fs = std::filesystem;

bool FileStore::validId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::string FileStore::workspacePath(const std::string& id) const {
    return m_root + "/workspaces/" + id + "/workspace.json";
}

std::optional<std::string> FileStore::loadWorkspace(const std::string& id,
                                                    std::string& error) const {
    error.clear();
    if (!validId(id)) {
        error = "invalid workspace id \"" + id + "\"";
        return std::nullopt;
    }
    std::ifstream in(workspacePath(id), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + workspacePath(id);
        return std::nullopt;
    }
    return text.str();
}

bool FileStore::saveWorkspace(const std::string& id, std::string_view text,
                              std::string& error) const {
    error.clear();
    if (!validId(id)) {
        error = "invalid workspace id \"" + id + "\"";
        return false;
    }
    return writeFile("workspaces/" + id + "/workspace.json", text, error);
}

std::optional<std::string> FileStore::readFile(const std::string& relative,
                                               std::string& error) const {
    error.clear();
    std::string path = m_root + "/" + relative;
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string bytes;
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
    }
    if (!in) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return bytes;
}

bool FileStore::removeFile(const std::string& relative, std::string& error) const {
    error.clear();
    std::error_code ec;
    fs::remove(m_root + "/" + relative, ec);
    if (ec) error = "cannot remove " + m_root + "/" + relative + ": " + ec.message();
    return !ec;
}

bool FileStore::removeFolder(const std::string& relative, std::string& error) const {
    error.clear();
    std::error_code ec;
    fs::remove_all(m_root + "/" + relative, ec);
    if (ec) error = "cannot remove " + m_root + "/" + relative + ": " + ec.message();
    return !ec;
}

bool FileStore::exists(const std::string& relative) const {
    std::error_code ec;
    return fs::exists(m_root + "/" + relative, ec);
}

bool FileStore::writeFile(const std::string& relative, std::string_view text,
                          std::string& error) const {
    error.clear();
    std::error_code ec;
    fs::path target = m_root + "/" + relative;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
        error = "cannot create " + target.parent_path().string() + ": " + ec.message();
        return false;
    }
    fs::path temporary = target;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            error = "cannot write " + temporary.string() + ": " + std::strerror(errno);
            return false;
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        error = "cannot replace " + target.string() + ": " + ec.message();
        return false;
    }
    return true;
}

std::vector<std::string> FileStore::workspaceIds() const {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_root + "/workspaces", ec)) {
        std::string id = entry.path().filename().string();
        if (entry.is_directory() && validId(id) &&
            fs::exists(entry.path() / "workspace.json")) {
            ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace baton
