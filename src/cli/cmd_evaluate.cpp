// `baton evaluate FILE [--policy P] [--out F]`: writes the evaluation JSON.
#include "cli/commands.h"
#include "cli/common.h"
#include "core/evaluation.h"
#include "io/evaluation_json.h"

namespace baton::cli {

int runEvaluate(const EvaluateArgs& args) {
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    std::optional<Policy> policy = loadPolicy(*ws, args.policy);
    if (!policy) return 1;
    Evaluation evaluation = evaluate(*ws, *policy);
    return writeOutput(writeEvaluation(*ws, evaluation), args.out);
}

}  // namespace baton::cli
