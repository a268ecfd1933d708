// Messages for command lines that CLI11 rejects because a name is wrong or missing: an
// unknown option or subcommand gets the nearest valid name, and a missing subcommand the
// list of subcommands.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace baton::cli {

// Returns the message for a parse of `app` that failed, read from what the parse left over:
// an unknown option or subcommand, a stray argument, or a missing subcommand. Each message
// ends with the help command to run. Returns nullopt when the failure is of another kind
// (a missing or invalid value), whose CLI11 message names the option already.
std::optional<std::string> describeUsageError(const CLI::App& app);

}  // namespace baton::cli
