// Reading the members of a zip archive held in memory (stored or deflated, as XLSX files
// are), with zlib's inflate. ZIP64 archives and encrypted members are rejected.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

struct ZipEntry {
    std::string name;
    std::size_t localHeaderOffset = 0;
    std::size_t compressedSize = 0;
    std::size_t uncompressedSize = 0;
    unsigned method = 0;  // 0 stored, 8 deflated
    unsigned flags = 0;
};

class ZipArchive {
public:
    // Reads the central directory; false with error() set when it is not a zip archive.
    bool open(std::string_view bytes);
    const std::vector<ZipEntry>& entries() const { return m_entries; }
    const ZipEntry* find(std::string_view name) const;
    // Extracts a member, at most `maxBytes` long; nullopt with error() set on failure.
    std::optional<std::string> extract(const ZipEntry& entry, std::size_t maxBytes);
    const std::string& error() const { return m_error; }

private:
    std::string_view m_bytes;
    std::vector<ZipEntry> m_entries;
    std::string m_error;
};

}  // namespace baton
