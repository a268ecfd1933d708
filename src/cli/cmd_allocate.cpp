// `baton allocate FILE [--policy P] [--seed N] [--baseline NAME] [--proposal F] [--out F]
// [--timings]`: evaluates the workspace under the effective policy and writes the allocation
// result.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "io/allocation_json.h"
#include "io/workspace_json.h"

namespace baton::cli {

namespace {

// Prints the CPU and wall seconds of each step of a run to standard error when enabled. The
// CPU time is the process's, so it includes the threads that allocate() runs beside it.
class StepTimer {
public:
    explicit StepTimer(bool enabled)
        : m_enabled(enabled), m_cpu(std::clock()), m_wall(std::chrono::steady_clock::now()) {}

    void lap(const char* step) {
        std::clock_t cpu = std::clock();
        auto wall = std::chrono::steady_clock::now();
        if (m_enabled) {
            double cpuSeconds = double(cpu - m_cpu) / CLOCKS_PER_SEC;
            double wallSeconds = std::chrono::duration<double>(wall - m_wall).count();
            std::fprintf(stderr, "timing: %-34s %8.3f s CPU %8.3f s wall\n", step, cpuSeconds,
                         wallSeconds);
        }
        m_cpu = cpu;
        m_wall = wall;
    }

    // Prints allocate()'s own phases (CPU seconds of its calling thread) and its counters,
    // such as the auction's bids and the fairness repair's steps.
    void phases(const AllocationResult& result) const {
        if (!m_enabled) return;
        for (const auto& [phase, seconds] : result.timings)
            std::fprintf(stderr, "timing:   allocate %-25s %8.3f s CPU (calling thread)\n",
                         phase.c_str(), seconds);
        for (const auto& [name, count] : result.counters)
            std::fprintf(stderr, "count:    allocate %-25s %lld\n", name.c_str(), count);
    }

private:
    bool m_enabled;
    std::clock_t m_cpu;
    std::chrono::steady_clock::time_point m_wall;
};

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
    StepTimer timer(args.timings);
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    timer.lap("read workspace");
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
    timer.lap("policy, proposal and input hash");
    Evaluation evaluation = evaluate(*ws, *policy);
    timer.lap("evaluate");
    AllocationResult result = allocate(*ws, *policy, evaluation, options);
    timer.lap("allocate");
    timer.phases(result);
    printOutcome(result);
    auto proposal = result.baselines.find("proposal");
    if (proposal != result.baselines.end() && !proposal->second.breaches.empty()) {
        const std::vector<std::string>& breaches = proposal->second.breaches;
        std::size_t n = breaches.size();
        std::cerr << "baton: warning: the proposal " << args.proposal << " breaks " << n
                  << (n == 1 ? " rule: " : " rules, the first: ") << breaches[0]
                  << "; the result lists them all under baselines.proposal.breaches\n";
    }
    std::string text = writeAllocation(result);
    timer.lap("write result JSON");
    int status = writeOutput(text, args.out);
    timer.lap("write output");
    return status;
}

}  // namespace baton::cli
