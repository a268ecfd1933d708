// Messages for command lines that CLI11 rejects. An unknown option or subcommand gets the
// nearest valid name and a missing subcommand the list of subcommands. A missing argument
// or a value CLI11 cannot take gets the command and what is expected.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace baton::cli {

// Returns the message for a parse of `app` that failed, read from what the parse left over:
// an unknown option or subcommand, a stray argument, or a missing subcommand. Each message
// starts with the command, as "baton generate: " (or "baton: " for the root), and ends with
// the help command to run. Returns nullopt when the failure is of another kind
// (a missing or invalid value), whose CLI11 message names the option already.
std::optional<std::string> describeUsageError(const CLI::App& app);

// Returns the message for a parse of `app` that failed with `error` for a reason that
// describeUsageError does not cover, in any subcommand. The reasons are a missing argument
// or required option, an option without its value, and a value outside the option's range
// or list (with the nearest name of the list). The message starts with the command, as
// "baton generate: ", and ends with the help command to run. An error of another kind keeps
// CLI11's own text after the command.
std::string describeValueError(const CLI::App& app, const CLI::ParseError& error);

}  // namespace baton::cli
