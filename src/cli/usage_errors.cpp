#include "cli/usage_errors.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "io/name_suggest.h"

namespace baton::cli {

namespace {

// "baton generate" for the generate subcommand. The root is "baton" whatever argv[0] was.
std::string commandPath(const CLI::App& app) {
    const CLI::App* parent = app.get_parent();
    if (parent == nullptr) return "baton";
    return commandPath(*parent) + " " + app.get_name();
}

// The command that the parse reached: the last subcommand named on the command line, or
// the root when none was.
const CLI::App& reachedCommand(const CLI::App& app) {
    std::vector<CLI::App*> parsed = app.get_subcommands();
    if (parsed.empty()) return app;
    return reachedCommand(*parsed.back());
}

std::vector<const CLI::App*> subcommandsOf(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

// True for "--name", "--name=value" and "-x"; false for "-" and negative numbers.
bool looksLikeOption(const std::string& argument) {
    if (argument.size() < 2 || argument[0] != '-') return false;
    unsigned char next = static_cast<unsigned char>(argument[1]);
    return !std::isdigit(next) && next != '.';
}

std::vector<std::string> optionNames(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
        for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
    return names;
}

// One line per subcommand of `app`: its name, padded to one width, and its description.
std::string subcommandLines(const CLI::App& app) {
    std::vector<const CLI::App*> subcommands = subcommandsOf(app);
    std::size_t width = 0;
    for (const CLI::App* sub : subcommands) width = std::max(width, sub->get_name().size());
    std::string lines;
    for (const CLI::App* sub : subcommands) {
        std::string name = sub->get_name();
        lines += "\n  " + name + std::string(width - name.size() + 2, ' ') + sub->get_description();
    }
    return lines;
}

std::string unknownOptions(const CLI::App& command, const std::vector<std::string>& options) {
    std::string path = commandPath(command);
    NameSuggester suggester(optionNames(command));
    std::string message;
    for (const std::string& argument : options) {
        std::string name = argument.substr(0, argument.find('='));
        if (!message.empty()) message += "\n";
        message += path + ": unknown option " + name;
        if (std::optional<std::string> near = suggester.suggest(name)) {
            message += "; did you mean " + *near + "?";
        }
    }
    return message + "\nRun `" + path + " --help` for its options.";
}

std::string unknownSubcommand(const CLI::App& command, const std::string& name) {
    std::string path = commandPath(command);
    std::vector<std::string> names;
    for (const CLI::App* sub : subcommandsOf(command)) names.push_back(sub->get_name());
    std::string message = path + ": unknown subcommand " + name;
    if (std::optional<std::string> near = NameSuggester(names).suggest(name)) {
        return message + "; did you mean `" + path + " " + *near + "`?\nRun `" + path +
               " --help` for every subcommand.";
    }
    return message + "; use one of these:" + subcommandLines(command) + "\nRun `" + path +
           " --help` for more, or `" + path + " SUBCOMMAND --help` for the options of one.";
}

// The description of an option or argument for use inside a sentence: "Allocation result
// JSON file" becomes "allocation result JSON file", while a first word in capitals stays.
std::string inSentence(std::string text) {
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1]))) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

// " (description)" of the option, or "" when it has none.
std::string describedAs(const CLI::Option& option) {
    const std::string& description = option.get_description();
    return description.empty() ? "" : " (" + inSentence(description) + ")";
}

// The command with its positional arguments, as "baton verify FILE RESULT".
std::string commandLine(const CLI::App& command) {
    std::string line = commandPath(command);
    for (const CLI::Option* option : command.get_options()) {
        if (option->get_positional()) line += " " + option->get_name();
    }
    return line;
}

// A number of a CLI11 range message ("100000.000000") as the help text writes one ("100000").
std::string plainNumber(const std::string& text) {
    char out[32];
    std::snprintf(out, sizeof out, "%.15g", std::strtod(text.c_str(), nullptr));
    return out;
}

// "a whole number" or "a number", from the type CLI11 converts the option's value to.
std::string numberKind(const CLI::Option& option) {
    std::string type = option.get_type_name();
    if (type.rfind("UINT", 0) == 0) return "a whole number of 0 or more";
    if (type.rfind("INT", 0) == 0) return "a whole number";
    if (type.rfind("FLOAT", 0) == 0) return "a number";
    return "a valid value";
}

// Splits "NAME: DETAIL", the form of CLI11's validation and argument-count messages.
std::pair<std::string, std::string> splitName(const std::string& cliText) {
    std::size_t at = cliText.find(": ");
    if (at == std::string::npos) return {"", cliText};
    return {cliText.substr(0, at), cliText.substr(at + 2)};
}

// The message about one option or positional argument, empty when the error names none.
struct OptionMessage {
    std::string text;
    bool positional = false;
};

OptionMessage missingArgument(const CLI::App& command, const std::string& cliText) {
    const std::string suffix = " is required";
    if (cliText.size() <= suffix.size() ||
        cliText.compare(cliText.size() - suffix.size(), suffix.size(), suffix) != 0) {
        return {};
    }
    std::string name = cliText.substr(0, cliText.size() - suffix.size());
    const CLI::Option* option = command.get_option_no_throw(name);
    if (option == nullptr) return {};
    if (option->get_positional()) {
        return {"missing " + name + describedAs(*option) + "; the command takes `" +
                    commandLine(command) + "`",
                true};
    }
    return {"missing " + name + describedAs(*option) + ", which is required"};
}

OptionMessage missingValue(const CLI::App& command, const std::string& cliText) {
    std::string name = splitName(cliText).first;
    const CLI::Option* option = name.empty() ? nullptr : command.get_option_no_throw(name);
    if (option == nullptr) return {};
    return {name + " needs a value" + describedAs(*option)};
}

// The message for a value outside a CLI::Range ("Value abc not in range 1 to 100000") or
// not in a CLI::IsMember list ("magic not in {round_robin,greedy_fit}"). Text that is no
// number of the option's type fails the range too.
OptionMessage invalidValue(const CLI::App& command, const std::string& cliText) {
    auto [name, detail] = splitName(cliText);
    const CLI::Option* option = name.empty() ? nullptr : command.get_option_no_throw(name);
    if (option == nullptr) return {};
    const std::string range = " not in range ";
    std::size_t rangeAt = detail.find(range);
    std::size_t toAt = detail.rfind(" to ");
    if (detail.rfind("Value ", 0) == 0 && rangeAt != std::string::npos && toAt > rangeAt) {
        std::string value = detail.substr(6, rangeAt - 6);
        std::string low = detail.substr(rangeAt + range.size(), toAt - rangeAt - range.size());
        return {name + " must be " + numberKind(*option) + " from " + plainNumber(low) + " to " +
                    plainNumber(detail.substr(toAt + 4)) + ", found \"" + value + "\"",
                option->get_positional()};
    }

    std::size_t setAt = detail.rfind(" not in {");
    if (setAt == std::string::npos || detail.back() != '}') return {};
    std::string value = detail.substr(0, setAt);
    std::string list = detail.substr(setAt + 9, detail.size() - setAt - 10);
    std::vector<std::string> names;
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        names.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }

    std::string message = name + " must be one of ";
    for (std::size_t i = 0; i < names.size(); ++i) message += (i > 0 ? ", " : "") + names[i];
    message += ", found \"" + value + "\"";
    if (std::optional<std::string> near = NameSuggester(names).suggest(value)) {
        message += "; did you mean " + *near + "?";
    }
    return {message, option->get_positional()};
}

// A value CLI11 could not convert to the option's type ("Could not convert: NAME = VALUE"),
// for an option without a range.
OptionMessage unconvertedValue(const CLI::App& command, const std::string& cliText) {
    const std::string prefix = "Could not convert: ";
    std::size_t equals = cliText.find(" = ");
    if (cliText.rfind(prefix, 0) != 0 || equals == std::string::npos) return {};
    std::string name = cliText.substr(prefix.size(), equals - prefix.size());
    const CLI::Option* option = command.get_option_no_throw(name);
    if (option == nullptr) return {};
    return {
        name + " must be " + numberKind(*option) + ", found \"" + cliText.substr(equals + 3) + "\"",
        option->get_positional()};
}

}  // namespace

std::string describeValueError(const CLI::App& app, const CLI::ParseError& error) {
    const CLI::App& command = reachedCommand(app);
    std::string cliText = error.what();
    OptionMessage message;
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        message = missingArgument(command, cliText);
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        message = missingValue(command, cliText);
    } else if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
        message = invalidValue(command, cliText);
    } else if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
        message = unconvertedValue(command, cliText);
    }
    if (message.text.empty()) message.text = cliText;
    std::string path = commandPath(command);
    return path + ": " + message.text + "\nRun `" + path + " --help` for " +
           (message.positional ? "the arguments it takes." : "its options.");
}

std::optional<std::string> describeUsageError(const CLI::App& app) {
    const CLI::App& command = reachedCommand(app);
    std::vector<std::string> options;
    std::vector<std::string> others;
    for (const std::string& argument : command.remaining()) {
        (looksLikeOption(argument) ? options : others).push_back(argument);
    }
    // A stray argument after an unknown option is most likely that option's value.
    if (!options.empty()) return unknownOptions(command, options);
    bool hasSubcommands = !subcommandsOf(command).empty();
    std::string path = commandPath(command);
    if (!others.empty()) {
        if (hasSubcommands) return unknownSubcommand(command, others.front());
        return path + ": unexpected argument " + others.front() + "; the command takes `" +
               commandLine(command) + "`\nRun `" + path + " --help` for the arguments it takes.";
    }
    if (hasSubcommands && command.get_require_subcommand_min() > 0) {
        return path + ": `" + path +
               "` needs a subcommand, one of these:" + subcommandLines(command) + "\nRun `" + path +
               " --help` for more, or `" + path + " SUBCOMMAND --help` for the options of one.";
    }
    return std::nullopt;
}

}  // namespace baton::cli
