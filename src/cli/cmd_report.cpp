// `baton report FILE RESULT [--lang en|zh-CN] [--format md|html] [--out DIR]`: writes the
// cycle report of a result to standard output, or with --out the report and one
// statement per affected employee (DIR/report.md, DIR/statements/E03.md, ...).
#include <filesystem>
#include <iostream>
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

int writeDirectory(const std::string& dir, const std::string& report,
                   const std::map<std::string, std::string>& statements, const std::string& ext) {
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(dir) / "statements", error);
    if (error) {
        printError("failed to create " + dir + "/statements: " + error.message());
        return 1;
    }
    if (int status = writeOutput(report, dir + "/report." + ext); status != 0) return status;
    for (const auto& [employee, text] : statements) {
        // Ids are written as file names only when they are safe as one.
        if (employee.empty() || employee.find_first_of("/\\") != std::string::npos ||
            employee == "." || employee == "..") {
            printError("skipped the statement of employee \"" + employee +
                       "\": the id cannot be a file name");
            continue;
        }
        if (int status = writeOutput(text, dir + "/statements/" + employee + "." + ext);
            status != 0) {
            return status;
        }
    }
    return 0;
}

}  // namespace

int runReport(const ReportArgs& args) {
    std::optional<std::string> lang = documentLanguage(args.lang, args.format);
    if (!lang) return 2;
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
