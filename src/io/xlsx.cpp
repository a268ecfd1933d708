#include "io/xlsx.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "io/cells.h"
#include "io/zip.h"

namespace baton {

namespace {

// An XML part may not inflate to more than this (a guard against zip bombs).
constexpr std::size_t kMaxPartBytes = 1024u * 1024u * 1024u;

// Element names without a namespace prefix ("x:row" is "row").
const char* localName(const pugi::xml_node& node) {
    const char* name = node.name();
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(const pugi::xml_node& node, const char* name) {
    for (pugi::xml_node c : node.children()) {
        if (std::strcmp(localName(c), name) == 0) return c;
    }
    return {};
}

// An attribute by local name ("r:id" matches "id" only when `name` is "id").
pugi::xml_attribute attribute(const pugi::xml_node& node, const char* name) {
    for (pugi::xml_attribute a : node.attributes()) {
        const char* n = a.name();
        const char* colon = std::strrchr(n, ':');
        if (std::strcmp(colon ? colon + 1 : n, name) == 0) return a;
    }
    return {};
}

// The text of a string item: its <t>, or the <t> of each rich-text run; phonetic runs
// (<rPh>) are left out.
std::string stringItemText(const pugi::xml_node& item) {
    std::string text;
    for (pugi::xml_node part : item.children()) {
        const char* name = localName(part);
        if (std::strcmp(name, "t") == 0) text += part.text().get();
        if (std::strcmp(name, "r") == 0) text += child(part, "t").text().get();
    }
    return text;
}

// Whether a number format code shows a date: it has y, d, 年, 月 or 日 outside quoted text,
// brackets and escaped characters. Time-only formats ("h:mm") are not dates here.
bool isDateFormatCode(std::string_view code) {
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '[') ++bracket;
        else if (c == ']' && bracket > 0) --bracket;
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (bracket == 0 && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) return true;
        else if (bracket == 0 && code.substr(i, 3) == "\xE5\xB9\xB4") return true;
        else if (bracket == 0 && code.substr(i, 3) == "\xE6\x9C\x88") return true;
        else if (bracket == 0 && code.substr(i, 3) == "\xE6\x97\xA5") return true;
    }
    return false;
}

bool isBuiltInDateFormat(int id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
           (id >= 50 && id <= 58);
}

std::string formatNumberCell(double value) {
    char text[32];
    if (std::fabs(value) < 1e15 && value == std::floor(value)) {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(value));
    } else {
        std::snprintf(text, sizeof text, "%.15g", value);
    }
    return text;
}

// 0-based column of a cell reference ("C7" is 2); -1 when it has no letters.
int columnOfReference(std::string_view ref) {
    int column = 0;
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
        column = column * 26 + (ref[i] - 'A' + 1);
        ++i;
    }
    return i == 0 ? -1 : column - 1;
}

struct Workbook {
    ZipArchive zip;
    std::vector<std::string> sharedStrings;
    std::vector<bool> dateStyles;  // by cell style index
    bool date1904 = false;
    std::vector<std::pair<std::string, std::string>> sheets;  // name, part path
    std::string error;

    bool loadPart(const std::string& path, pugi::xml_document& doc, bool required);
    bool load(std::string_view bytes);
    void loadStyles();
    void loadSharedStrings();
};

bool Workbook::loadPart(const std::string& path, pugi::xml_document& doc, bool required) {
    const ZipEntry* entry = zip.find(path);
    if (!entry) {
        if (required) error = "the workbook has no part " + path + "; it is not a valid .xlsx";
        return false;
    }
    std::optional<std::string> text = zip.extract(*entry, kMaxPartBytes);
    if (!text) {
        error = zip.error();
        return false;
    }
    pugi::xml_parse_result parsed = doc.load_buffer(text->data(), text->size());
    if (!parsed) {
        error = "the part " + path + " is not well-formed XML (" + parsed.description() +
                " at byte " + std::to_string(parsed.offset) + ")";
        return false;
    }
    return true;
}

void Workbook::loadStyles() {
    pugi::xml_document doc;
    if (!loadPart("xl/styles.xml", doc, false)) return;
    pugi::xml_node root = doc.document_element();
    std::map<int, bool> customDates;
    for (pugi::xml_node f : child(root, "numFmts").children()) {
        customDates[attribute(f, "numFmtId").as_int()] =
            isDateFormatCode(attribute(f, "formatCode").as_string());
    }
    for (pugi::xml_node xf : child(root, "cellXfs").children()) {
        int id = attribute(xf, "numFmtId").as_int();
        auto custom = customDates.find(id);
        dateStyles.push_back(custom != customDates.end() ? custom->second
                                                         : isBuiltInDateFormat(id));
    }
}

void Workbook::loadSharedStrings() {
    pugi::xml_document doc;
    if (!loadPart("xl/sharedStrings.xml", doc, false)) return;
    for (pugi::xml_node item : doc.document_element().children()) {
        if (std::strcmp(localName(item), "si") == 0) sharedStrings.push_back(stringItemText(item));
    }
}

// Resolves a relationship target against the folder "xl/".
std::string resolveTarget(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
}

bool Workbook::load(std::string_view bytes) {
    if (!zip.open(bytes)) {
        error = "the file is not a readable zip archive (" + zip.error() + ")";
        return false;
    }
    pugi::xml_document book, rels;
    if (!loadPart("xl/workbook.xml", book, true)) return false;
    if (!loadPart("xl/_rels/workbook.xml.rels", rels, true)) return false;
    std::map<std::string, std::string> targets;
    for (pugi::xml_node r : rels.document_element().children()) {
        targets[attribute(r, "Id").as_string()] = attribute(r, "Target").as_string();
    }
    pugi::xml_node root = book.document_element();
    date1904 = attribute(child(root, "workbookPr"), "date1904").as_bool();
    for (pugi::xml_node s : child(root, "sheets").children()) {
        auto target = targets.find(attribute(s, "id").as_string());
        if (target == targets.end()) continue;
        sheets.emplace_back(attribute(s, "name").as_string(), resolveTarget(target->second));
    }
    if (sheets.empty()) {
        error = "the workbook has no worksheet";
        return false;
    }
    loadStyles();
    loadSharedStrings();
    return true;
}

// The text of one <c> element as the import reads it.
std::string cellText(const Workbook& book, const pugi::xml_node& c) {
    std::string type = attribute(c, "t").as_string();
    if (type == "inlineStr") return stringItemText(child(c, "is"));
    std::string value = child(c, "v").text().get();
    if (type == "s") {
        std::size_t index = std::strtoul(value.c_str(), nullptr, 10);
        return index < book.sharedStrings.size() ? book.sharedStrings[index] : std::string();
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    if (type == "d") return value.substr(0, 10);
    if (type == "str" || type == "e" || value.empty()) return value;
    std::optional<double> number = parseNumber(value);
    if (!number) return value;
    std::size_t style = attribute(c, "s").as_uint();
    if (style < book.dateStyles.size() && book.dateStyles[style]) {
        // The 1904 date system counts from 1904-01-01, 1462 days after the 1900 system.
        double serial = book.date1904 ? *number + 1462 : *number;
        if (auto iso = excelSerialToIso(serial)) return *iso;
    }
    return formatNumberCell(*number);
}

// Reads the rows of a worksheet into `table`: the first non-empty row is the header.
// Returns an error message, or "" on success.
std::string readSheetRows(const Workbook& book, const pugi::xml_document& doc,
                          std::size_t maxRows, Table& table) {
    bool haveHeader = false;
    long rowNumber = 0;
    std::vector<std::string> texts;
    std::vector<std::string_view> cells;
    pugi::xml_node data = child(doc.document_element(), "sheetData");
    for (pugi::xml_node row : data.children()) {
        if (std::strcmp(localName(row), "row") != 0) continue;
        rowNumber = attribute(row, "r") ? attribute(row, "r").as_int() : rowNumber + 1;
        texts.clear();
        for (pugi::xml_node c : row.children()) {
            if (std::strcmp(localName(c), "c") != 0) continue;
            int column = columnOfReference(attribute(c, "r").as_string());
            std::size_t at = column >= 0 ? static_cast<std::size_t>(column) : texts.size();
            if (at >= texts.size()) texts.resize(at + 1);
            texts[at] = cellText(book, c);
        }
        bool blank = std::all_of(texts.begin(), texts.end(),
                                 [](const std::string& t) { return t.empty(); });
        if (blank) continue;
        if (!haveHeader) {
            table.setHeader(texts);
            haveHeader = !table.header.empty();
            continue;
        }
        if (table.rowCount() >= maxRows) {
            return "row " + std::to_string(rowNumber) + ": the sheet has more than " +
                   std::to_string(maxRows) +
                   " data rows, the most an import takes; split it into smaller files";
        }
        cells.assign(texts.begin(), texts.end());
        if (!table.addRow(cells, rowNumber)) {
            return "the sheet holds more than 4 GiB of text; split it into smaller files";
        }
    }
    return "";
}

}  // namespace

bool looksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == "PK\x03\x04"; }

XlsxReadResult readXlsx(std::string_view bytes, const std::string& sheet, std::size_t maxRows,
                        const std::string& preferred) {
    XlsxReadResult result;
    Workbook book;
    if (!book.load(bytes)) {
        result.error = book.error;
        result.unreadable = true;
        return result;
    }
    auto sameIgnoringCase = [](const std::string& a, const std::string& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) ==
                          std::tolower(static_cast<unsigned char>(y));
               });
    };
    std::string path;
    for (const auto& [name, part] : book.sheets) {
        result.sheets.push_back(name);
        bool named = sheet.empty() ? !preferred.empty() && sameIgnoringCase(name, preferred)
                                   : name == sheet;
        if (path.empty() && named) {
            path = part;
            result.sheet = name;
        }
    }
    if (path.empty() && sheet.empty() && !book.sheets.empty()) {
        path = book.sheets.front().second;
        result.sheet = book.sheets.front().first;
    }
    if (path.empty()) {
        std::string names;
        for (const std::string& n : result.sheets) names += (names.empty() ? "" : ", ") + n;
        result.error = "the workbook has no sheet named \"" + sheet + "\"; its sheets are " +
                       names;
        return result;
    }
    pugi::xml_document doc;
    if (!book.loadPart(path, doc, true)) {
        result.error = book.error;
        result.unreadable = true;
        return result;
    }
    Table table;
    result.error = readSheetRows(book, doc, maxRows, table);
    if (!result.error.empty()) return result;
    if (table.header.empty()) {
        result.error = "the sheet \"" + result.sheet + "\" is empty; give a header row and data "
                       "rows";
        return result;
    }
    result.table = std::move(table);
    return result;
}

}  // namespace baton
