// `baton allocate FILE [--policy P] [--seed N] [--baseline NAME] [--proposal F] [--out F]`:
// evaluates the workspace under the effective policy and writes the allocation result.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "io/allocation_json.h"
#include "io/workspace_json.h"

namespace baton::cli {

namespace {

std::optional<std::vector<ProposedPair>> loadProposal(const std::string& path) {
    std::optional<std::string> text = readInputFile(path);
    if (!text) return std::nullopt;
    ProposalReadResult result = readProposal(*text);
    if (!result.pairs) {
        std::cerr << formatErrors(result.errors, path);
        printError(path + " is not a valid proposal");
        return std::nullopt;
    }
    return result.pairs;
}

}  // namespace

int runAllocate(const AllocateArgs& args) {
    if (args.baseline == "proposal" && args.proposal.empty()) {
        printError("--baseline proposal needs the manual proposal: add --proposal FILE");
        return 2;
    }
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    std::optional<Policy> policy = loadPolicy(*ws, args.policy);
    if (!policy) return 1;
    AllocateOptions options;
    if (args.seed) {
        policy->seed = *args.seed;
        options.seed = args.seed;
    }
    options.baseline = args.baseline;
    if (!args.proposal.empty()) {
        options.proposal = loadProposal(args.proposal);
        if (!options.proposal) return 1;
    }
    options.inputSha256 = inputSha256(*ws, *policy);
    Evaluation evaluation = evaluate(*ws, *policy);
    AllocationResult result = allocate(*ws, *policy, evaluation, options);
    return writeOutput(writeAllocation(result), args.out);
}

}  // namespace baton::cli
