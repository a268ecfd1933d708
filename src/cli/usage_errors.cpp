#include "cli/usage_errors.h"

#include <algorithm>
#include <cctype>
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
        message += "unknown option " + name + " for `" + path + "`";
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
    std::string message = "unknown subcommand " + name + " for `" + path + "`";
    if (std::optional<std::string> near = NameSuggester(names).suggest(name)) {
        return message + "; did you mean `" + path + " " + *near + "`?\nRun `" + path +
               " --help` for every subcommand.";
    }
    return message + "; use one of these:" + subcommandLines(command) + "\nRun `" + path +
           " --help` for more, or `" + path + " SUBCOMMAND --help` for the options of one.";
}

}  // namespace

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
        return "unexpected argument " + others.front() + " for `" + path + "`; run `" + path +
               " --help` for the arguments it takes";
    }
    if (hasSubcommands && command.get_require_subcommand_min() > 0) {
        return "`" + path + "` needs a subcommand, one of these:" + subcommandLines(command) +
               "\nRun `" + path + " --help` for more, or `" + path +
               " SUBCOMMAND --help` for the options of one.";
    }
    return std::nullopt;
}

}  // namespace baton::cli
