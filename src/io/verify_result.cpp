#include "io/verify_result.h"

#include "core/evaluation.h"
#include "io/allocation_json.h"
#include "io/workspace_json.h"

namespace baton {

namespace {

// Appends the JSON pointers where `ours` and `theirs` differ, with both values.
void diffJson(const nlohmann::json& ours, const nlohmann::json& theirs, const std::string& at,
              std::size_t limit, std::vector<std::string>& out) {
    if (out.size() >= limit || ours == theirs) return;
    if (ours.is_object() && theirs.is_object()) {
        std::vector<std::string> keys;
        for (const auto& [key, value] : ours.items()) keys.push_back(key);
        for (const auto& [key, value] : theirs.items()) {
            if (!ours.contains(key)) keys.push_back(key);
        }
        for (const std::string& key : keys) {
            // The seed may differ on purpose: allocate --seed overrides the policy's.
            if (at.empty() && key == "seed") continue;
            nlohmann::json none;
            diffJson(ours.contains(key) ? ours[key] : none,
                     theirs.contains(key) ? theirs[key] : none, at + "/" + key, limit, out);
        }
        return;
    }
    out.push_back(at + ": " + ours.dump() + " in the result, " + theirs.dump() +
                  " in the workspace");
}

}  // namespace

std::vector<std::string> policyDifferences(const Policy& result, const Policy& workspace,
                                           std::size_t limit) {
    std::vector<std::string> out;
    diffJson(policyToJson(result), policyToJson(workspace), "", limit, out);
    return out;
}

VerifyReport verifyReported(const Workspace& workspace, const ReportedAllocation& reported) {
    Evaluation evaluation = evaluate(workspace, reported.policy);
    VerifyReport report = verifyAllocation(workspace, reported, evaluation);
    if (std::optional<std::string> hash = inputHashBreach(workspace, reported)) {
        report.breaches.insert(report.breaches.begin(), *hash);
    }
    return report;
}

}  // namespace baton
