#include "app/allocation_run.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <utility>

#include "io/allocation_json.h"
#include "io/workspace_json.h"
#include "store/result_codec.h"
#include "store/snapshot.h"

namespace baton {

AllocationResult runAllocation(const Workspace& workspace, const Evaluation& evaluation,
                               AllocateOptions options) {
    Policy policy = workspace.policy;
    if (options.seed) policy.seed = *options.seed;
    if (options.inputSha256.empty()) options.inputSha256 = inputSha256(workspace, policy);
    return allocate(workspace, policy, evaluation, options);
}

std::string allocationOptionsToJson(const AllocateOptions& options) {
    nlohmann::json object = nlohmann::json::object();
    if (options.seed) object["seed"] = *options.seed;
    object["baseline"] = options.baseline;
    if (options.proposal) {
        nlohmann::json pairs = nlohmann::json::array();
        for (const ProposedPair& pair : *options.proposal) {
            pairs.push_back(nlohmann::json::array({pair.client, pair.employee}));
        }
        object["proposal"] = std::move(pairs);
    }
    return object.dump();
}

namespace {

bool readProposalPairs(const nlohmann::json& list, std::vector<ProposedPair>& pairs,
                       std::string& error) {
    if (!list.is_array()) {
        error = "option proposal must be an array of [client, employee] pairs";
        return false;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& pair = list[i];
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
            error = "option proposal[" + std::to_string(i) + "] must be [client, employee]";
            return false;
        }
        pairs.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
    }
    return true;
}

}  // namespace

bool allocationOptionsFromJson(std::string_view text, AllocateOptions& options,
                               std::string& error) {
    nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        error = "the allocation options are not a JSON object";
        return false;
    }
    if (object.contains("seed")) {
        if (!object["seed"].is_number_unsigned()) {
            error = "option seed must be a non-negative integer";
            return false;
        }
        options.seed = object["seed"].get<std::uint64_t>();
    }
    if (object.contains("baseline")) {
        if (!object["baseline"].is_string()) {
            error = "option baseline must be a string";
            return false;
        }
        options.baseline = object["baseline"].get<std::string>();
    }
    if (object.contains("proposal")) {
        std::vector<ProposedPair> pairs;
        if (!readProposalPairs(object["proposal"], pairs, error)) return false;
        options.proposal = std::move(pairs);
    }
    return true;
}

AllocationJobOutput runAllocationJobOutput(std::string_view snapshot, std::string_view optionsJson,
                                           std::function<void(const char*, double)> onPhase,
                                           AllocationJobCache* cache,
                                           std::optional<std::uint64_t> inputRevision) {
    std::string error;
    AllocateOptions options;
    if (!allocationOptionsFromJson(optionsJson, options, error)) {
        throw std::invalid_argument(error);
    }
    AllocationJobCache local;
    AllocationJobCache& kept = cache ? *cache : local;
    // The evaluation took about a third of a worker run on a generated M workspace, so
    // the allocation's own fractions fill the remaining two thirds of the bar.
    if (onPhase) {
        onPhase("evaluation", 0.02);
        options.onPhase = [onPhase](const char* phase, double fraction) {
            onPhase(phase, 0.35 + 0.65 * fraction);
        };
    }
    bool sameInput = kept.workspace && ((inputRevision && kept.inputRevision == inputRevision) ||
                                        kept.snapshot == snapshot);
    if (!sameInput) {
        kept = AllocationJobCache{};
        std::optional<Workspace> workspace = readSnapshot(snapshot, error);
        if (!workspace) throw std::invalid_argument("the workspace snapshot is unreadable: " + error);
        kept.evaluation = evaluate(*workspace, workspace->policy);
        kept.workspace = std::move(workspace);
        if (cache) kept.snapshot = std::string(snapshot);
    }
    kept.inputRevision = inputRevision;
    const Workspace& workspace = *kept.workspace;
    std::uint64_t seed = options.seed.value_or(workspace.policy.seed);
    auto hash = kept.inputHashes.find(seed);
    if (hash == kept.inputHashes.end()) {
        Policy policy = workspace.policy;
        policy.seed = seed;
        hash = kept.inputHashes.emplace(seed, inputSha256(workspace, policy)).first;
    }
    options.inputSha256 = hash->second;
    AllocationResult result = runAllocation(workspace, *kept.evaluation, std::move(options));
    return {writeAllocation(result), encodeResult(result)};
}

std::string runAllocationJob(std::string_view snapshot, std::string_view optionsJson,
                             std::function<void(const char*, double)> onPhase) {
    return runAllocationJobOutput(snapshot, optionsJson, std::move(onPhase)).text;
}

}  // namespace baton
