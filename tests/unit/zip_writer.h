// A minimal zip writer for tests only: builds XLSX fixtures in memory with zlib's deflate,
// so the tests need no binary files.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace baton::testing {

inline void put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

inline void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

inline std::string rawDeflate(const std::string& data) {
    z_stream s{};
    deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&s, data.size()), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

// Members are (name, content); each is deflated when `compress`, else stored.
inline std::string buildZip(const std::vector<std::pair<std::string, std::string>>& members,
                            bool compress = true) {
    std::string out, directory;
    for (const auto& [name, content] : members) {
        std::string body = compress ? rawDeflate(content) : content;
        std::uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                                  static_cast<uInt>(content.size()));
        std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        std::uint32_t method = compress ? 8 : 0;
        put32(out, 0x04034b50);
        put16(out, 20), put16(out, 0), put16(out, method), put32(out, 0);
        put32(out, crc), put32(out, body.size()), put32(out, content.size());
        put16(out, name.size()), put16(out, 0);
        out += name + body;
        put32(directory, 0x02014b50);
        put16(directory, 20), put16(directory, 20), put16(directory, 0);
        put16(directory, method), put32(directory, 0), put32(directory, crc);
        put32(directory, body.size()), put32(directory, content.size());
        put16(directory, name.size()), put16(directory, 0), put16(directory, 0);
        put16(directory, 0), put16(directory, 0), put32(directory, 0), put32(directory, offset);
        directory += name;
    }
    std::uint32_t directoryOffset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0), put16(out, 0), put16(out, members.size()), put16(out, members.size());
    put32(out, directory.size()), put32(out, directoryOffset), put16(out, 0);
    return out;
}

// A workbook with the given sheets (name, sheetData inner XML), shared strings (inner XML
// of <sst>) and cellXfs (inner XML), enough for readXlsx.
inline std::string buildXlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                             const std::string& sharedStrings, const std::string& cellXfs,
                             const std::string& numFmts = "", bool compress = true) {
    std::string book = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats"
                       ".org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats"
                       ".org/officeDocument/2006/relationships\"><sheets>";
    std::string rels = "<?xml version=\"1.0\"?><Relationships>";
    std::vector<std::pair<std::string, std::string>> members;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string id = std::to_string(i + 1);
        book += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + id + "\" r:id=\"rId" + id +
                "\"/>";
        rels += "<Relationship Id=\"rId" + id + "\" Target=\"worksheets/sheet" + id + ".xml\"/>";
        members.emplace_back("xl/worksheets/sheet" + id + ".xml",
                             "<worksheet><sheetData>" + sheets[i].second +
                                 "</sheetData></worksheet>");
    }
    members.emplace_back("xl/workbook.xml", book + "</sheets></workbook>");
    members.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    members.emplace_back("xl/sharedStrings.xml", "<sst>" + sharedStrings + "</sst>");
    members.emplace_back("xl/styles.xml", "<styleSheet><numFmts>" + numFmts +
                                              "</numFmts><cellXfs>" + cellXfs +
                                              "</cellXfs></styleSheet>");
    return buildZip(members, compress);
}

}  // namespace baton::testing
