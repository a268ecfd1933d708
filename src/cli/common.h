// Helpers shared by the subcommands of `baton`: reading input files with the OS reason
// on failure, writing output to standard output or a file, and loading a workspace and
// its effective policy with every error printed to standard error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace baton::cli {

// Prints "baton: MESSAGE" and a newline to standard error.
void printError(const std::string& message);

// Prints a usage error of the subcommand COMMAND ("import") as the parser's own usage errors
// read: "baton COMMAND: MESSAGE", then "Run `baton COMMAND --help` for its options.".
void printUsageError(const std::string& command, const std::string& message);

// Reads a whole file. On failure prints the path and the OS reason and returns nothing.
std::optional<std::string> readInputFile(const std::string& path);

// Writes `text` to the file `out`, or to standard output when `out` is empty. Returns
// the exit status: 0, or 1 after printing the path and the OS reason.
int writeOutput(const std::string& text, const std::string& out);

// Writes `text` to the file `out` through a temporary file in the same folder, renamed over
// `out` once it is complete, so that `out` may be the input file and a failed write leaves
// it as it was. A symbolic link is followed and its target replaced. Returns the exit
// status: 0, or 1 after printing the path and the OS reason.
int replaceFile(const std::string& text, const std::string& out);

// Reads and checks a workspace file; prints every error, prefixed with the path.
std::optional<Workspace> loadWorkspace(const std::string& path);

// The effective policy: the workspace's own, or the one in `policyPath` (a bare policy
// or a whole workspace) when it is not empty. Prints every error.
std::optional<Policy> loadPolicy(const Workspace& workspace, const std::string& policyPath);

// Checks an allocation result as `baton verify` does (against the workspace before the final
// when a finalised cycle locked it), and prints one warning with the number of breaches and
// the first one when it fails. Returns the breaches. The caller goes on: a report of a result
// that fails is still useful to the person who must fix it, and the report says so at its top.
std::vector<std::string> warnIfUnverified(const Workspace& workspace, const std::string& resultText,
                                          const std::string& resultPath);

// The canonical language of `--lang` (en or zh-CN), after checking it and `--format` (md
// or html). Prints the invalid option and returns nothing, for exit status 2.
std::optional<std::string> documentLanguage(const std::string& lang, const std::string& format);

}  // namespace baton::cli
