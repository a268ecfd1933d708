#include "io/zip_writer.h"

#include <limits>

namespace baton {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kDirectoryHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kVersion = 20;        // 2.0, the version that added deflate
constexpr std::uint32_t kDeflated = 8;
constexpr std::uint32_t kUtf8Names = 0x0800;  // general purpose flag bit 11
constexpr std::uint32_t kDosDate = (1u << 5) | 1u;  // 1980-01-01
constexpr std::uint32_t kDosTime = 0;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kPieceLimit = 1u << 30;  // zlib's avail_in is an unsigned int

void put16(std::string& out, std::uint32_t value) {
    out.push_back(static_cast<char>(value & 0xFF));
    out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFF);
    put16(out, value >> 16);
}

void set32(std::string& out, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

bool validName(const std::string& name) {
    if (name.empty() || name.size() > 0xFFFF || name.front() == '/') return false;
    if (name.find('\\') != std::string::npos || name.find('\0') != std::string::npos) {
        return false;
    }
    return name != ".." && name.rfind("../", 0) != 0 && name.find("/../") == std::string::npos;
}

}  // namespace

ZipWriter::~ZipWriter() {
    if (m_open) deflateEnd(&m_stream);
}

bool ZipWriter::failWith(const std::string& message) {
    if (m_error.empty()) m_error = message;
    if (m_open) deflateEnd(&m_stream);
    m_open = false;
    return false;
}

bool ZipWriter::add(const std::string& name, std::string_view content) {
    return beginMember(name) && write(content) && endMember();
}

bool ZipWriter::beginMember(const std::string& name) {
    if (!m_error.empty()) return false;
    if (m_open) return failWith("zip member \"" + m_name + "\" is still open");
    if (!validName(name)) return failWith("invalid zip member name \"" + name + "\"");
    if (m_count == 0xFFFF) return failWith("a zip archive without ZIP64 holds 65,535 members");
    m_stream = z_stream{};
    if (deflateInit2(&m_stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
        return failWith("zlib failed to start deflating \"" + name + "\"");
    }
    m_open = true;
    m_name = name;
    m_headerOffset = m_out.size();
    m_size = 0;
    m_crc = static_cast<std::uint32_t>(crc32(0, nullptr, 0));
    // The CRC and the sizes (offsets 14 to 25) are filled in by endMember().
    put32(m_out, kLocalHeader);
    put16(m_out, kVersion);
    put16(m_out, kUtf8Names);
    put16(m_out, kDeflated);
    put16(m_out, kDosTime);
    put16(m_out, kDosDate);
    put32(m_out, 0);
    put32(m_out, 0);
    put32(m_out, 0);
    put16(m_out, static_cast<std::uint32_t>(name.size()));
    put16(m_out, 0);  // extra field length
    m_out += name;
    return true;
}

// Runs deflate over the input set in m_stream, appending output to m_out.
bool ZipWriter::deflateInto(int flush) {
    char buffer[65536];
    int status = Z_OK;
    do {
        m_stream.next_out = reinterpret_cast<Bytef*>(buffer);
        m_stream.avail_out = sizeof buffer;
        status = deflate(&m_stream, flush);
        if (status == Z_STREAM_ERROR) return failWith("zlib failed to deflate \"" + m_name + "\"");
        m_out.append(buffer, sizeof buffer - m_stream.avail_out);
    } while (m_stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
    if (m_out.size() > kMax32) return failWith("the zip archive would pass 4 GiB at \"" + m_name + "\"");
    return true;
}

bool ZipWriter::write(std::string_view piece) {
    if (!m_error.empty()) return false;
    if (!m_open) return failWith("no zip member is open to write to");
    while (!piece.empty()) {
        std::string_view part = piece.substr(0, kPieceLimit);
        piece.remove_prefix(part.size());
        m_size += part.size();
        if (m_size > kMax32) return failWith("zip member \"" + m_name + "\" passes 4 GiB");
        auto* bytes = reinterpret_cast<const Bytef*>(part.data());
        m_crc = static_cast<std::uint32_t>(crc32(m_crc, bytes, static_cast<uInt>(part.size())));
        m_stream.next_in = const_cast<Bytef*>(bytes);
        m_stream.avail_in = static_cast<uInt>(part.size());
        if (!deflateInto(Z_NO_FLUSH)) return false;
    }
    return true;
}

bool ZipWriter::endMember() {
    if (!m_error.empty()) return false;
    if (!m_open) return failWith("no zip member is open to end");
    m_stream.next_in = nullptr;
    m_stream.avail_in = 0;
    if (!deflateInto(Z_FINISH)) return false;
    deflateEnd(&m_stream);
    m_open = false;
    std::size_t dataStart = m_headerOffset + kLocalHeaderSize + m_name.size();
    auto compressed = static_cast<std::uint32_t>(m_out.size() - dataStart);
    auto size = static_cast<std::uint32_t>(m_size);
    set32(m_out, m_headerOffset + 14, m_crc);
    set32(m_out, m_headerOffset + 18, compressed);
    set32(m_out, m_headerOffset + 22, size);

    put32(m_directory, kDirectoryHeader);
    put16(m_directory, kVersion);  // made by
    put16(m_directory, kVersion);  // needed to extract
    put16(m_directory, kUtf8Names);
    put16(m_directory, kDeflated);
    put16(m_directory, kDosTime);
    put16(m_directory, kDosDate);
    put32(m_directory, m_crc);
    put32(m_directory, compressed);
    put32(m_directory, size);
    put16(m_directory, static_cast<std::uint32_t>(m_name.size()));
    put16(m_directory, 0);  // extra field length
    put16(m_directory, 0);  // comment length
    put16(m_directory, 0);  // disk number
    put16(m_directory, 0);  // internal attributes
    put32(m_directory, 0);  // external attributes
    put32(m_directory, static_cast<std::uint32_t>(m_headerOffset));
    m_directory += m_name;
    ++m_count;
    return true;
}

std::optional<std::string> ZipWriter::finish() {
    if (m_open) failWith("zip member \"" + m_name + "\" is still open");
    if (!m_error.empty()) return std::nullopt;
    std::uint64_t directoryOffset = m_out.size();
    if (directoryOffset + m_directory.size() + 22 > kMax32) {
        failWith("the zip archive would pass 4 GiB");
        return std::nullopt;
    }
    std::string out = std::move(m_out);
    out += m_directory;
    put32(out, kEndOfDirectory);
    put16(out, 0);  // this disk
    put16(out, 0);  // disk of the directory
    put16(out, m_count);
    put16(out, m_count);
    put32(out, static_cast<std::uint32_t>(m_directory.size()));
    put32(out, static_cast<std::uint32_t>(directoryOffset));
    put16(out, 0);  // comment length
    m_out.clear();
    m_directory.clear();
    m_count = 0;
    return out;
}

}  // namespace baton
