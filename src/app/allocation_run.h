// One allocation run as both the page and its Web Worker carry it out: the options that
// travel between them as JSON, and the run itself from a workspace snapshot. Sharing this
// code is what makes the worker's result byte-identical to the in-page one.
// Platform-free: it builds natively for tests.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

// The input of a run elsewhere: the workspace as a binary snapshot (store/snapshot.h),
// the options as JSON (allocationOptionsToJson) and the workspace revision it was taken at.
struct AllocationJob {
    std::shared_ptr<const std::string> snapshot;
    std::string optionsJson;
    std::uint64_t revision = 0;
    // The revision at which an input of the run last changed: jobs with the same one read
    // the same workspace, whatever audit entries were added between them.
    std::uint64_t inputRevision = 0;
    int released = 0;  // released clients under the workspace's policy
};

// Runs the fair solver or a baseline as Session::allocate() does: the seed option
// overrides the policy's seed, and input_sha256 is the hash of the workspace under that
// policy, unless options.inputSha256 already contains it. `evaluation` must come from
// evaluate(workspace, workspace.policy).
AllocationResult runAllocation(const Workspace& workspace, const Evaluation& evaluation,
                               AllocateOptions options);

// Writes seed, baseline and proposal (as [client, employee] pairs, in order) of `options`.
std::string allocationOptionsToJson(const AllocateOptions& options);
// Reads what allocationOptionsToJson writes. Returns false and sets `error` naming the
// field when the text is not such an object.
bool allocationOptionsFromJson(std::string_view text, AllocateOptions& options,
                               std::string& error);

// The output of a run elsewhere: the result text (writeAllocation) and the same result in
// the binary transfer form (store/result_codec.h), which the page reads much faster.
struct AllocationJobOutput {
    std::string text;
    std::string encoded;
};

// The workspace of the last job, evaluated, with the input hash per seed: a later job on
// the same snapshot (another seed, baseline or proposal, or a run after an audit entry
// only) skips reading, evaluating and hashing it again. The worker keeps one between jobs.
struct AllocationJobCache {
    std::string snapshot;
    std::optional<std::uint64_t> inputRevision;  // AllocationJob::inputRevision, when given
    std::optional<Workspace> workspace;
    std::optional<Evaluation> evaluation;
    std::map<std::uint64_t, std::string> inputHashes;  // by seed
};

// Reads the snapshot and the options, evaluates and allocates; returns the allocation
// result. Throws std::invalid_argument on a damaged snapshot or invalid options.
// `onPhase`, when set, is called as each phase starts. With `cache`, the workspace and
// its evaluation come from it when the job has the input revision or the snapshot it was
// filled from, and it keeps this job's otherwise.
AllocationJobOutput runAllocationJobOutput(std::string_view snapshot, std::string_view optionsJson,
                                           std::function<void(const char*, double)> onPhase = nullptr,
                                           AllocationJobCache* cache = nullptr,
                                           std::optional<std::uint64_t> inputRevision = std::nullopt);
// The same, the result text only.
std::string runAllocationJob(std::string_view snapshot, std::string_view optionsJson,
                             std::function<void(const char*, double)> onPhase = nullptr);

}  // namespace baton
