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

std::optional<std::vector<ProposedPair>> loadProposal(const Workspace& workspace,
                                                      const Policy& policy,
                                                      const std::string& path) {
    std::optional<std::string> text = readInputFile(path);
    if (!text) return std::nullopt;
    ProposalReadResult result = readProposal(*text);
    checkProposalIds(workspace, policy, result);
    if (!result.pairs) {
        std::cerr << formatErrors(result.errors, path);
        printError(path + " is not a valid proposal");
        return std::nullopt;
    }
    for (const JsonError& warning : result.warnings) {
        std::cerr << path << ": warning: " << (warning.path.empty() ? "" : warning.path + ": ")
                  << warning.message << '\n';
    }
    return result.pairs;
}

// Prints one line on standard error: how many released clients were placed, and the first
// unassigned one with its reason. A run that places none is a warning.
void printOutcome(const AllocationResult& result) {
    std::size_t placed = result.assignments.size();
    std::size_t released = placed + result.unassigned.size();
    if (released == 0) {
        std::cerr << "baton: note: no client is released, so nothing was allocated; mark an "
                     "employee as leaving or departed, or set the policy's scope to all\n";
        return;
    }
    std::cerr << "baton: " << (placed == 0 ? "warning: " : "") << "placed " << placed << " of "
              << released << " released client" << (released == 1 ? "" : "s");
    if (!result.unassigned.empty()) {
        const Unassigned& first = result.unassigned.front();
        std::cerr << "; " << result.unassigned.size() << " unassigned, the first: " << first.client
                  << " (" << first.reason << ": " << first.detail
                  << "); the result lists each under unassigned";
    }
    std::cerr << "\n";
}

}  // namespace

int runAllocate(const AllocateArgs& args) {
    if (args.baseline == "proposal" && args.proposal.empty()) {
        printUsageError("allocate",
                        "--baseline proposal needs the manual proposal: add --proposal FILE");
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
        options.proposal = loadProposal(*ws, *policy, args.proposal);
        if (!options.proposal) return 1;
    }
    options.inputSha256 = inputSha256(*ws, *policy);
    Evaluation evaluation = evaluate(*ws, *policy);
    AllocationResult result = allocate(*ws, *policy, evaluation, options);
    printOutcome(result);
    auto proposal = result.baselines.find("proposal");
    if (proposal != result.baselines.end() && !proposal->second.breaches.empty()) {
        const std::vector<std::string>& breaches = proposal->second.breaches;
        std::size_t n = breaches.size();
        std::cerr << "baton: warning: the proposal " << args.proposal << " breaks " << n
                  << (n == 1 ? " rule: " : " rules, the first: ") << breaches[0]
                  << "; the result lists them all under baselines.proposal.breaches\n";
    }
    return writeOutput(writeAllocation(result), args.out);
}

}  // namespace baton::cli
