// `baton rules FILE [--lang en|zh-CN] [--format md|html] [--out F]`: writes the published
// rules document of the workspace's policy.
#include "cli/commands.h"
#include "cli/common.h"
#include "io/rules_doc.h"

namespace baton::cli {

int runRules(const RulesArgs& args) {
    std::optional<std::string> lang = canonicalRulesLanguage(args.lang);
    if (!lang) {
        printError("invalid --lang \"" + args.lang + "\": use en or zh-CN");
        return 2;
    }
    if (!isRulesFormat(args.format)) {
        printError("invalid --format \"" + args.format + "\": use md or html");
        return 2;
    }
    std::optional<Workspace> workspace = loadWorkspace(args.file);
    if (!workspace) return 1;
    return writeOutput(rulesDocument(workspace->policy, *workspace, *lang, args.format),
                       args.out);
}

}  // namespace baton::cli
