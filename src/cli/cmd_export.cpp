// `baton export FILE --out F.xlsx` writes the workspace's tables as an XLSX workbook.
// `baton export FILE --result RESULT --out F.csv|F.xlsx` writes the assignments of an
// allocation result (from `baton allocate`) as CSV (UTF-8 with a byte order mark, or
// GB18030 with --encoding gb18030) or XLSX, chosen by the extension of --out.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "io/export_csv.h"
#include "io/export_xlsx.h"

namespace baton::cli {

namespace {

using nlohmann::json;

bool endsWith(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) return false;
    std::string tail = text.substr(text.size() - suffix.size());
    for (char& c : tail) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return tail == suffix;
}

// Reads the assignments and unassigned clients of an allocation result document.
std::optional<AllocationResult> readAssignments(const std::string& text, const std::string& path) {
    json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || doc.value("format", "") != "baton-allocation" ||
        !doc.contains("assignments") || !doc["assignments"].is_array()) {
        printError(path + " is not an allocation result: expected a \"baton-allocation\" "
                   "document with an \"assignments\" array");
        return std::nullopt;
    }
    AllocationResult result;
    std::size_t index = 0;
    try {
        for (const json& item : doc["assignments"]) {
            Assignment a;
            a.client = item.at("client").get<std::string>();
            a.employee = item.at("employee").get<std::string>();
            a.fit = item.value("fit", 0.0);
            a.value = item.value("value", 0.0);
            a.difficulty = item.value("difficulty", 0.0);
            a.wonBecause = item.value("won_because", "");
            result.assignments.push_back(std::move(a));
            ++index;
        }
        index = 0;
        for (const json& item : doc.value("unassigned", json::array())) {
            result.unassigned.push_back({item.at("client").get<std::string>(),
                                         item.value("reason", ""), item.value("detail", "")});
            ++index;
        }
    } catch (const json::exception& e) {
        printError(path + ": entry " + std::to_string(index) +
                   " of the assignments or unassigned list is invalid (" + e.what() + ")");
        return std::nullopt;
    }
    return result;
}

int writeBytes(const std::string& bytes, const std::string& out) {
    std::ofstream file(out, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) {
        printError("writing " + out + " failed; check that its folder exists and is writable");
        return 1;
    }
    return 0;
}

}  // namespace

int runExport(const ExportArgs& args) {
    bool xlsx = endsWith(args.out, ".xlsx");
    if (!xlsx && !endsWith(args.out, ".csv")) {
        printUsageError("export", "--out must end in .xlsx or .csv, found \"" + args.out + "\"");
        return 2;
    }
    if (!xlsx && args.result.empty()) {
        printUsageError("export",
                        "the workspace is exported as .xlsx only (one sheet per table); give "
                        "--result RESULT to export assignments as CSV");
        return 2;
    }
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    if (args.result.empty()) {
        XlsxExportResult out = exportWorkspaceXlsx(*ws);
        if (!out.bytes) printError(out.error);
        return out.bytes ? writeBytes(*out.bytes, args.out) : 1;
    }
    std::optional<std::string> text = readInputFile(args.result);
    if (!text) return 1;
    std::optional<AllocationResult> result = readAssignments(*text, args.result);
    if (!result) return 1;
    warnIfUnverified(*ws, *text, args.result);
    if (xlsx) {
        XlsxExportResult out = exportAssignmentsXlsx(*result, *ws);
        if (!out.bytes) printError(out.error);
        return out.bytes ? writeBytes(*out.bytes, args.out) : 1;
    }
    CsvExportEncoding encoding =
        args.encoding == "gb18030" ? CsvExportEncoding::Gb18030 : CsvExportEncoding::Utf8Bom;
    CsvExportResult out = exportAssignmentsCsv(*result, *ws, encoding);
    if (!out.bytes) printError("CSV export failed: " + out.error);
    return out.bytes ? writeBytes(*out.bytes, args.out) : 1;
}

}  // namespace baton::cli
