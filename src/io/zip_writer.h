// Writing a zip archive in memory, with every member deflated by zlib, as XLSX workbooks
// need. A member can be written in pieces (beginMember, write, endMember), so a large
// worksheet is compressed as it is produced and never held whole as text. Members get a
// fixed timestamp (1980-01-01 00:00), so the same content always gives the same bytes.
// ZIP64 is not written: an archive stays under 4 GiB and 65,535 members, and the calls
// report an error past that.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baton {

class ZipWriter {
public:
    ZipWriter() = default;
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;
    ~ZipWriter();

    // Writes a whole member: beginMember, write and endMember in one call.
    bool add(const std::string& name, std::string_view content);

    // Starts member `name` (a relative path with '/'). Returns false with error() set when
    // the name is invalid, a member is still open, or the member limit is reached.
    bool beginMember(const std::string& name);
    // Deflates the next piece of the open member.
    bool write(std::string_view piece);
    // Completes the open member's header with its CRC-32 and sizes.
    bool endMember();

    // Appends the central directory and returns the archive; nullopt with error() set
    // when an earlier call failed or a member is still open.
    std::optional<std::string> finish();
    const std::string& error() const { return m_error; }

private:
    bool deflateInto(int flush);
    bool failWith(const std::string& message);

    std::string m_out;
    std::string m_directory;
    std::uint32_t m_count = 0;
    std::string m_error;
    // The open member.
    bool m_open = false;
    std::string m_name;
    std::size_t m_headerOffset = 0;
    std::uint64_t m_size = 0;
    std::uint32_t m_crc = 0;
    z_stream m_stream{};
};

}  // namespace baton
