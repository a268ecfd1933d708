#include "cli/common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "io/allocation_json.h"
#include "io/json_fields.h"
#include "io/rules_doc.h"
#include "io/verify_cycle.h"
#include "io/verify_result.h"
#include "io/workspace_json.h"

namespace baton::cli {

void printError(const std::string& message) {
    std::cerr << "baton: " << message << '\n';
}

void printUsageError(const std::string& command, const std::string& message) {
    std::cerr << "baton " << command << ": " << message << "\nRun `baton " << command
              << " --help` for its options.\n";
}

std::optional<std::string> readInputFile(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        printError("failed to read " + path + ": " + std::strerror(errno));
        return std::nullopt;
    }
    std::string text;
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
    // A directory opens on Linux but fails on the first read, with EISDIR.
    bool failed = std::ferror(file) != 0;
    int reason = errno;
    std::fclose(file);
    if (failed) {
        printError("failed to read " + path + ": " + std::strerror(reason));
        return std::nullopt;
    }
    return text;
}

int writeOutput(const std::string& text, const std::string& out) {
    if (out.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (std::fflush(stdout) != 0) {
            printError(std::string("failed to write to standard output: ") + std::strerror(errno));
            return 1;
        }
        return 0;
    }
    std::FILE* file = std::fopen(out.c_str(), "wb");
    if (!file) {
        printError("failed to write " + out + ": " + std::strerror(errno));
        return 1;
    }
    std::size_t written = std::fwrite(text.data(), 1, text.size(), file);
    int reason = errno;
    bool closed = std::fclose(file) == 0;
    if (written != text.size() || !closed) {
        printError("failed to write " + out + ": " + std::strerror(closed ? reason : errno));
        return 1;
    }
    return 0;
}

namespace {

// Writes all of `text` to the open descriptor and flushes it to the disk. Returns false with
// errno set on failure.
bool writeAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return ::fsync(fd) == 0;
}

// The permission bits for the replaced file: those of the file it replaces, or those a new
// file gets under the process's umask.
mode_t replacedMode(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) return info.st_mode & 07777;
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

int replaceFile(const std::string& text, const std::string& out) {
    std::error_code error;  // a missing file has no link to resolve
    std::filesystem::path target = std::filesystem::weakly_canonical(out, error);
    if (error) target = out;
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    std::vector<char> temporary(pattern.begin(), pattern.end());
    temporary.push_back('\0');
    int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        printError("failed to write " + out + ": " + std::strerror(errno));
        return 1;
    }
    bool ok = ::fchmod(fd, replacedMode(target.string())) == 0 && writeAll(fd, text);
    int reason = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        reason = errno;
    }
    if (ok && std::rename(temporary.data(), target.c_str()) != 0) {
        ok = false;
        reason = errno;
    }
    if (!ok) {
        ::unlink(temporary.data());
        printError("failed to write " + out + ": " + std::strerror(reason));
        return 1;
    }
    return 0;
}

namespace {

// Prints "SOURCE: warning: POINTER: message" for each warning of a read.
void printWarnings(const std::vector<JsonError>& warnings, const std::string& source) {
    for (const JsonError& warning : warnings) {
        std::cerr << source << ": warning: " << (warning.path.empty() ? "" : warning.path + ": ")
                  << warning.message << '\n';
    }
}

}  // namespace

std::optional<Workspace> loadWorkspace(const std::string& path) {
    std::optional<std::string> text = readInputFile(path);
    if (!text) return std::nullopt;
    WorkspaceReadResult result = readWorkspace(*text);
    if (!result.workspace) {
        std::cerr << formatErrors(result.errors, path);
        // The reader stops after kMaxErrors errors and ends the list with a summary entry.
        std::size_t n = result.errors.size();
        std::string count = n > json_fields::kMaxErrors
                                ? "more than " + std::to_string(json_fields::kMaxErrors) + " errors"
                                : std::to_string(n) + (n == 1 ? " error" : " errors");
        printError(path + " is not a valid workspace (" + count + ")");
        return std::nullopt;
    }
    printWarnings(result.warnings, path);
    return std::move(result.workspace);
}

std::optional<Policy> loadPolicy(const Workspace& workspace, const std::string& policyPath) {
    if (policyPath.empty()) return workspace.policy;
    std::optional<std::string> text = readInputFile(policyPath);
    if (!text) return std::nullopt;
    PolicyReadResult result = readPolicyFile(*text);
    if (!result.policy) {
        std::cerr << formatErrors(result.errors, policyPath);
        printError(policyPath + " is not a valid policy");
        return std::nullopt;
    }
    printWarnings(result.warnings, policyPath);
    std::vector<JsonError> references =
        checkPolicyReferences(workspace, *result.policy, result.pointer);
    if (!references.empty()) {
        std::cerr << formatErrors(references, policyPath);
        printError(policyPath + " pins or forbids pairs that are not in the workspace");
        return std::nullopt;
    }
    return std::move(result.policy);
}

std::optional<std::string> documentLanguage(const std::string& lang, const std::string& format) {
    std::optional<std::string> canonical = canonicalRulesLanguage(lang);
    if (!canonical) {
        printError("invalid --lang \"" + lang + "\": use en or zh-CN");
        return std::nullopt;
    }
    if (!isRulesFormat(format)) {
        printError("invalid --format \"" + format + "\": use md or html");
        return std::nullopt;
    }
    return canonical;
}

std::vector<std::string> warnIfUnverified(const Workspace& workspace, const std::string& resultText,
                                          const std::string& resultPath) {
    ReportedReadResult read = readReportedAllocation(resultText);
    if (!read.allocation) return {};  // the caller's own reader reports an unreadable result
    CycleVerifyReport checked = verifyWithCycles(workspace, *read.allocation);
    const VerifyReport& report = checked.report;
    if (report.ok()) {
        if (!checked.cycle.empty()) {
            std::cerr << "baton: " << resultPath << " passes verify " << verifyBasisText(checked)
                      << "\n";
        }
        return {};
    }
    std::size_t n = report.breaches.size();
    std::cerr << "baton: warning: " << resultPath << " fails verify with " << n
              << (n == 1 ? " breach: " : " breaches, the first: ") << report.breaches[0]
              << "; run baton verify for the full list\n";
    return report.breaches;
}

}  // namespace baton::cli
