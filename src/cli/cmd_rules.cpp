// `baton rules FILE [--lang en|zh-CN] [--format md|html] [--out F]`: writes the published
// rules document of the workspace's policy.
#include "cli/commands.h"
#include "cli/common.h"
#include "io/rules_doc.h"

namespace baton::cli {

int runRules(const RulesArgs& args) {
    std::optional<std::string> lang = documentLanguage(args.lang, args.format);
    if (!lang) return 2;
    std::optional<Workspace> workspace = loadWorkspace(args.file);
    if (!workspace) return 1;
    return writeOutput(rulesDocument(workspace->policy, *workspace, *lang, args.format),
                       args.out);
}

}  // namespace baton::cli
