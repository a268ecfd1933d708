// `baton report FILE RESULT [--lang en|zh-CN] [--format md|html] [--out DIR]`: writes the
// cycle report of a result to standard output, or with --out the report and one
// statement per affected employee (DIR/report.md, DIR/statements/E03.md, ...).
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/cycle_ops.h"
#include "io/allocation_read.h"
#include "io/cycle_report.h"
#include "io/rules_doc.h"
#include "io/workspace_json.h"

namespace baton::cli {

namespace {

std::optional<AllocationResult> loadResult(const std::string& text, const std::string& path) {
    std::vector<JsonError> errors;
    std::optional<nlohmann::json> document = parseJsonDocument(text, errors);
    if (!document) {
        std::cerr << formatErrors(errors, path);
        printError(path + " is not an allocation result; give one written by baton allocate");
        return std::nullopt;
    }
    std::optional<AllocationResult> result = allocationFromJson(*document, "", errors);
    for (const JsonError& e : errors) printError(path + ": " + e.path + ": " + e.message);
    return result;
}

// The cycle the report describes: the open one, else the latest; null when there is none.
const Cycle* reportedCycle(const Workspace& workspace) {
    int open = openCycleIndex(workspace);
    if (open >= 0) return &workspace.cycles[std::size_t(open)];
    return workspace.cycles.empty() ? nullptr : &workspace.cycles.back();
}

// True for a byte that Windows, macOS or Linux reject in a file name or that a shell or
// file manager shows badly: path separators, \\ : * ? " < > |, and control characters.
bool unsafeInFileName(char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F ||
           std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
}

// 32-bit FNV-1a of the id as 8 hex digits, which keeps sanitised names of different ids apart.
std::string idHash(const std::string& id) {
    std::uint32_t hash = 2166136261u;
    for (char c : id) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    char out[9];
    std::snprintf(out, sizeof out, "%08x", static_cast<unsigned>(hash));
    return out;
}

constexpr std::size_t kMaxNameBytes = 200;

// The file name, without extension, of an employee's statement. It is the id itself when
// that is a safe file name of at most kMaxNameBytes bytes. Otherwise it is the id with each
// unsafe byte and a leading "." replaced by "_", cut to that length, with the id's hash
// appended. A name used already, ignoring ASCII case as Windows and macOS do, gets "-2",
// "-3", ... appended.
std::string statementName(const std::string& id, std::set<std::string>& usedNames) {
    std::string name = id;
    for (char& c : name) {
        if (unsafeInFileName(c)) c = '_';
    }
    if (!name.empty() && name.front() == '.') name.front() = '_';
    // ext4 and APFS limit a name to 255 bytes, so a longer id is cut at a UTF-8 character
    // boundary, leaving room for the hash, "-N" and the extension.
    if (name.size() > kMaxNameBytes) {
        std::size_t cut = kMaxNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    if (name != id || name.empty()) name += (name.empty() ? "" : "-") + idHash(id);
    auto folded = [](std::string text) {
        for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    std::string unique = name;
    for (int n = 2; !usedNames.insert(folded(unique)).second; ++n) {
        unique = name + "-" + std::to_string(n);
    }
    return unique;
}

int writeDirectory(const std::string& dir, const std::string& report,
                   const std::map<std::string, std::string>& statements, const std::string& ext) {
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(dir) / "statements", error);
    if (error) {
        printError("failed to create " + dir + "/statements: " + error.message());
        return 1;
    }
    if (int status = writeOutput(report, dir + "/report." + ext); status != 0) return status;
    std::set<std::string> usedNames;
    for (const auto& [employee, text] : statements) {
        std::string name = statementName(employee, usedNames);
        std::string path = dir + "/statements/" + name + "." + ext;
        if (name != employee) {
            std::cerr << "baton: note: the statement of employee \"" << employee << "\" is " << path
                      << ", because the id is not a safe file name\n";
        }
        if (int status = writeOutput(text, path); status != 0) return status;
    }
    return 0;
}

bool endsWithIgnoringCase(const std::string& text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = text[text.size() - suffix.size() + i];
        if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
    }
    return true;
}

// True, with a usage error printed, when --out cannot be the report's directory: an
// existing file, or a new path named like a report file, which would become a directory.
bool rejectOutPath(const std::string& out) {
    std::error_code error;
    std::filesystem::file_status status = std::filesystem::status(out, error);
    if (std::filesystem::is_directory(status)) return false;
    if (std::filesystem::exists(status)) {
        printUsageError("report", "--out " + out +
                                      " is a file, but --out takes a directory for report.md "
                                      "and statements/; give a new or existing directory");
        return true;
    }
    if (endsWithIgnoringCase(out, ".md") || endsWithIgnoringCase(out, ".html")) {
        printUsageError("report", "--out " + out +
                                      " names a file, but --out takes a directory for the "
                                      "report and statements/; give a directory, or leave "
                                      "--out out and redirect standard output to the file");
        return true;
    }
    return false;
}

}  // namespace

int runReport(const ReportArgs& args) {
    std::optional<std::string> lang = documentLanguage(args.lang, args.format);
    if (!lang) return 2;
    if (!args.out.empty() && rejectOutPath(args.out)) return 2;
    std::optional<Workspace> workspace = loadWorkspace(args.file);
    if (!workspace) return 1;
    std::optional<std::string> text = readInputFile(args.result);
    if (!text) return 1;
    std::optional<AllocationResult> result = loadResult(*text, args.result);
    if (!result) return 1;
    std::vector<std::string> breaches = warnIfUnverified(*workspace, *text, args.result);
    const Cycle* cycle = reportedCycle(*workspace);
    std::string report = cycleReport(*workspace, cycle, *result, *lang, args.format, breaches);
    if (args.out.empty()) return writeOutput(report, "");
    return writeDirectory(
        args.out, report,
        cycleStatements(*workspace, cycle, *result, *lang, args.format, breaches), args.format);
}

}  // namespace baton::cli
