#include "io/xlsx_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "io/encoding.h"

namespace baton {

namespace {

constexpr std::size_t kFlushBytes = 1u << 16;
constexpr const char* kXmlHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMainNamespace =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kContentTypeBase = "application/vnd.openxmlformats-officedocument.";

// Style 0 is the default; style 1 (bold) is the header row's.
constexpr const char* kStyles =
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
    "</cellStyleXfs>"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "</cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// True when text[at] starts "_xHHHH_", which SpreadsheetML reads as an escaped character.
bool startsEscape(std::string_view text, std::size_t at) {
    if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
        return false;
    }
    return isHex(text[at + 2]) && isHex(text[at + 3]) && isHex(text[at + 4]) && isHex(text[at + 5]);
}

// Escapes text for XML. Control characters, which XML 1.0 cannot hold, and a literal
// "_xHHHH_" become SpreadsheetML's "_xHHHH_" escapes, so Excel shows the original text.
void appendEscaped(std::string& out, std::string_view text, bool attribute) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto byte = static_cast<unsigned char>(c);
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '"' && attribute) {
            out += "&quot;";
        } else if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            char escape[8];
            std::snprintf(escape, sizeof escape, "_x%04X_", byte);
            out += escape;
        } else if (startsEscape(text, i)) {
            out += "_x005F_";
        } else {
            out.push_back(c);
        }
    }
}

// The shortest decimal text that reads back as the same double.
std::string shortestNumber(double value) {
    char text[32];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

// Counts the characters of valid UTF-8 text.
std::size_t characterCount(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

std::string lowerAscii(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::string sheetNameProblem(const std::string& name, const std::vector<std::string>& used) {
    if (name.empty()) return "a sheet name must not be empty";
    if (!isValidUtf8(name)) return "sheet name \"" + name + "\" is not valid UTF-8";
    if (characterCount(name) > 31) return "sheet name \"" + name + "\" is longer than 31 characters";
    if (name.find_first_of(":\\/?*[]") != std::string::npos) {
        return "sheet name \"" + name + "\" contains one of : \\ / ? * [ ]";
    }
    if (name.front() == '\'' || name.back() == '\'') {
        return "sheet name \"" + name + "\" starts or ends with an apostrophe";
    }
    for (const std::string& other : used) {
        if (lowerAscii(other) == lowerAscii(name)) return "sheet name \"" + name + "\" is used twice";
    }
    return "";
}

std::string contentTypes(std::size_t sheetCount) {
    std::string out = kXmlHeader;
    out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">";
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
           "relationships+xml\"/>";
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
    out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"";
    out += std::string(kContentTypeBase) + "spreadsheetml.sheet.main+xml\"/>";
    for (std::size_t i = 1; i <= sheetCount; ++i) {
        out += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
               ".xml\" ContentType=\"" + kContentTypeBase + "spreadsheetml.worksheet+xml\"/>";
    }
    out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"";
    out += std::string(kContentTypeBase) + "spreadsheetml.styles+xml\"/>";
    return out + "</Types>";
}

std::string packageRelationships() {
    return std::string(kXmlHeader) + "<Relationships xmlns=\"" + kPackageRelationships +
           "\"><Relationship Id=\"rId1\" Type=\"" + kRelationshipNamespace +
           "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string workbook(const std::vector<std::string>& sheets) {
    std::string out = std::string(kXmlHeader) + "<workbook xmlns=\"" + kMainNamespace +
                      "\" xmlns:r=\"" + kRelationshipNamespace + "\"><sheets>";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string id = std::to_string(i + 1);
        out += "<sheet name=\"";
        appendEscaped(out, sheets[i], true);
        out += "\" sheetId=\"" + id + "\" r:id=\"rId" + id + "\"/>";
    }
    return out + "</sheets></workbook>";
}

std::string workbookRelationships(std::size_t sheetCount) {
    std::string out =
        std::string(kXmlHeader) + "<Relationships xmlns=\"" + kPackageRelationships + "\">";
    for (std::size_t i = 1; i <= sheetCount; ++i) {
        std::string id = std::to_string(i);
        out += "<Relationship Id=\"rId" + id + "\" Type=\"" + kRelationshipNamespace +
               "/worksheet\" Target=\"worksheets/sheet" + id + ".xml\"/>";
    }
    out += "<Relationship Id=\"rId" + std::to_string(sheetCount + 1) + "\" Type=\"" +
           kRelationshipNamespace + "/styles\" Target=\"styles.xml\"/>";
    return out + "</Relationships>";
}

}  // namespace

std::string xlsxColumnName(int column) {
    std::string name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return name;
}

bool XlsxWriter::fail(const std::string& message) {
    if (m_error.empty()) m_error = message;
    return false;
}

std::string XlsxWriter::cellReference() const {
    return xlsxColumnName(m_column) + std::to_string(m_row);
}

bool XlsxWriter::flushIfLarge() {
    if (m_buffer.size() < kFlushBytes) return true;
    bool ok = m_zip.write(m_buffer);
    m_buffer.clear();
    return ok || fail(m_zip.error());
}

bool XlsxWriter::beginSheet(const std::string& name) {
    if (!m_error.empty()) return false;
    if (m_inSheet && !endSheet()) return false;
    std::string problem = sheetNameProblem(name, m_sheets);
    if (!problem.empty()) return fail(problem);
    m_sheets.push_back(name);
    std::string part = "xl/worksheets/sheet" + std::to_string(m_sheets.size()) + ".xml";
    if (!m_zip.beginMember(part)) return fail(m_zip.error());
    m_inSheet = true;
    m_row = 0;
    m_buffer = std::string(kXmlHeader) + "<worksheet xmlns=\"" + kMainNamespace + "\">" +
               "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" "
               "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
               "</sheetView></sheetViews><sheetData>";
    return true;
}

bool XlsxWriter::beginRow() {
    if (!m_error.empty()) return false;
    if (!m_inSheet) return fail("no sheet is open: call beginSheet first");
    if (m_inRow && !endRow()) return false;
    if (m_row == kXlsxMaxRows) {
        return fail("sheet \"" + m_sheets.back() + "\" would have more than 1,048,576 rows, "
                    "the most a workbook sheet holds; export CSV instead");
    }
    ++m_row;
    m_column = 0;
    m_inRow = true;
    m_buffer += "<row r=\"" + std::to_string(m_row) + "\">";
    return true;
}

bool XlsxWriter::beginCell() {
    if (!m_error.empty()) return false;
    if (!m_inRow) return fail("no row is open: call beginRow first");
    if (m_column == kXlsxMaxColumns) {
        return fail("row " + std::to_string(m_row) + " of sheet \"" + m_sheets.back() +
                    "\" would have more than 16,384 columns");
    }
    return true;
}

bool XlsxWriter::text(std::string_view value) {
    if (!beginCell()) return false;
    if (!isValidUtf8(value)) {
        return fail("cell " + cellReference() + " of sheet \"" + m_sheets.back() +
                    "\" is not valid UTF-8 text");
    }
    m_buffer += "<c r=\"" + cellReference() + "\" t=\"inlineStr\"";
    if (m_row == 1) m_buffer += " s=\"1\"";
    bool padded = !value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                                     value.front() == '\n' || value.back() == '\n');
    m_buffer += padded ? "><is><t xml:space=\"preserve\">" : "><is><t>";
    appendEscaped(m_buffer, value, false);
    m_buffer += "</t></is></c>";
    ++m_column;
    return flushIfLarge();
}

bool XlsxWriter::number(double value) {
    if (!std::isfinite(value)) return empty();
    if (!beginCell()) return false;
    m_buffer += "<c r=\"" + cellReference() + "\"";
    if (m_row == 1) m_buffer += " s=\"1\"";
    m_buffer += "><v>" + shortestNumber(value) + "</v></c>";
    ++m_column;
    return flushIfLarge();
}

bool XlsxWriter::empty() {
    if (!beginCell()) return false;
    ++m_column;
    return true;
}

bool XlsxWriter::endRow() {
    if (!m_error.empty()) return false;
    if (!m_inRow) return fail("no row is open to end");
    m_buffer += "</row>";
    m_inRow = false;
    return flushIfLarge();
}

bool XlsxWriter::endSheet() {
    if (m_inRow && !endRow()) return false;
    m_buffer += "</sheetData></worksheet>";
    bool ok = m_zip.write(m_buffer) && m_zip.endMember();
    m_buffer.clear();
    m_inSheet = false;
    return ok || fail(m_zip.error());
}

std::optional<std::string> XlsxWriter::finish() {
    if (m_error.empty() && m_sheets.empty()) fail("a workbook needs at least one sheet");
    if (m_error.empty() && m_inSheet) endSheet();
    if (!m_error.empty()) return std::nullopt;
    bool ok = m_zip.add("[Content_Types].xml", contentTypes(m_sheets.size())) &&
              m_zip.add("_rels/.rels", packageRelationships()) &&
              m_zip.add("xl/workbook.xml", workbook(m_sheets)) &&
              m_zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(m_sheets.size())) &&
              m_zip.add("xl/styles.xml", std::string(kXmlHeader) + "<styleSheet xmlns=\"" +
                                             kMainNamespace + "\">" + kStyles + "</styleSheet>");
    if (!ok) {
        fail(m_zip.error());
        return std::nullopt;
    }
    std::optional<std::string> bytes = m_zip.finish();
    if (!bytes) fail(m_zip.error());
    return bytes;
}

}  // namespace baton
