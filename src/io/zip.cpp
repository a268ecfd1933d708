#include "io/zip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace baton {

namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kDirectoryHeader = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndRecordSize = 22;
constexpr std::size_t kMaxCommentSize = 0xFFFF;

std::uint32_t read16(std::string_view b, std::size_t at) {
    return static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8);
}

std::uint32_t read32(std::string_view b, std::size_t at) {
    return read16(b, at) | (read16(b, at + 2) << 16);
}

}  // namespace

bool ZipArchive::open(std::string_view bytes) {
    m_bytes = bytes;
    m_entries.clear();
    m_error.clear();
    if (bytes.size() < kEndRecordSize) {
        m_error = "the file is too short to be a zip archive";
        return false;
    }
    std::size_t lowest = bytes.size() > kEndRecordSize + kMaxCommentSize
                             ? bytes.size() - kEndRecordSize - kMaxCommentSize
                             : 0;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = bytes.size() - kEndRecordSize + 1; at-- > lowest;) {
        if (read32(bytes, at) == kEndOfDirectory) {
            end = at;
            break;
        }
    }
    if (end == std::string_view::npos) {
        m_error = "no zip end-of-directory record was found";
        return false;
    }
    std::size_t count = read16(bytes, end + 10);
    std::size_t offset = read32(bytes, end + 16);
    if (count == 0xFFFF || offset == 0xFFFFFFFF) {
        m_error = "ZIP64 archives are not supported; save the workbook again as .xlsx";
        return false;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (offset + 46 > bytes.size() || read32(bytes, offset) != kDirectoryHeader) {
            m_error = "the zip central directory is damaged";
            return false;
        }
        ZipEntry entry;
        entry.flags = read16(bytes, offset + 8);
        entry.method = read16(bytes, offset + 10);
        entry.compressedSize = read32(bytes, offset + 20);
        entry.uncompressedSize = read32(bytes, offset + 24);
        std::size_t nameLength = read16(bytes, offset + 28);
        std::size_t extraLength = read16(bytes, offset + 30);
        std::size_t commentLength = read16(bytes, offset + 32);
        entry.localHeaderOffset = read32(bytes, offset + 42);
        if (offset + 46 + nameLength > bytes.size()) {
            m_error = "the zip central directory is damaged";
            return false;
        }
        entry.name = std::string(bytes.substr(offset + 46, nameLength));
        m_entries.push_back(std::move(entry));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return true;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
    for (const ZipEntry& e : m_entries) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

std::optional<std::string> ZipArchive::extract(const ZipEntry& entry, std::size_t maxBytes) {
    std::size_t at = entry.localHeaderOffset;
    if (at + 30 > m_bytes.size() || read32(m_bytes, at) != kLocalHeader) {
        m_error = "the zip member " + entry.name + " is damaged";
        return std::nullopt;
    }
    if (entry.flags & 1) {
        m_error = "the zip member " + entry.name + " is encrypted; save the workbook without "
                  "a password";
        return std::nullopt;
    }
    std::size_t start = at + 30 + read16(m_bytes, at + 26) + read16(m_bytes, at + 28);
    if (start > m_bytes.size() || entry.compressedSize > m_bytes.size() - start) {
        m_error = "the zip member " + entry.name + " is cut short";
        return std::nullopt;
    }
    std::string_view data = m_bytes.substr(start, entry.compressedSize);
    if (entry.method == 0) {
        if (data.size() > maxBytes) {
            m_error = "the zip member " + entry.name + " is larger than an import takes";
            return std::nullopt;
        }
        return std::string(data);
    }
    if (entry.method != 8) {
        m_error = "the zip member " + entry.name + " uses compression method " +
                  std::to_string(entry.method) + ", which is not supported";
        return std::nullopt;
    }
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        m_error = "zlib could not start inflating";
        return std::nullopt;
    }
    std::string out;
    out.resize(std::min<std::size_t>(std::max<std::size_t>(entry.uncompressedSize, 4096),
                                     maxBytes + 1));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (stream.total_out == out.size()) {
            if (out.size() > maxBytes) break;
            out.resize(std::min(out.size() * 2, maxBytes + 1));
        }
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
        stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && stream.avail_in > 0 && stream.avail_out == 0) rc = Z_OK;
    }
    std::size_t produced = stream.total_out;
    inflateEnd(&stream);
    if (produced > maxBytes) {
        m_error = "the zip member " + entry.name + " is larger than an import takes";
        return std::nullopt;
    }
    if (rc != Z_STREAM_END) {
        m_error = "the zip member " + entry.name + " is damaged (inflate failed)";
        return std::nullopt;
    }
    out.resize(produced);
    return out;
}

}  // namespace baton
