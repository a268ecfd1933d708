#include "io/verify_result.h"

#include <map>
#include <set>
#include <utility>

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

std::vector<std::string> currentOverrideBreaches(const Workspace& workspace,
                                                 const ReportedAllocation& reported) {
    using Pair = std::pair<std::string, std::string>;
    std::set<Pair> ownForbids, ownPins;
    for (const PairOverride& f : reported.policy.forbids) ownForbids.insert({f.client, f.employee});
    for (const PairOverride& p : reported.policy.pins) ownPins.insert({p.client, p.employee});
    std::map<std::string, std::string> ownerOf;
    for (const ProposedPair& a : reported.assignments) ownerOf.emplace(a.client, a.employee);
    std::set<std::string> listed;
    for (const auto& [client, reason] : reported.unassigned) listed.insert(client);
    std::set<Pair> pins;
    for (const PairOverride& p : workspace.policy.pins) pins.insert({p.client, p.employee});
    std::vector<std::string> out;
    for (const PairOverride& f : workspace.policy.forbids) {
        auto owner = ownerOf.find(f.client);
        if (ownForbids.count({f.client, f.employee}) || owner == ownerOf.end() ||
            owner->second != f.employee)
            continue;
        out.push_back(f.client + " → " + f.employee +
                      ": the workspace's current policy forbids the pair, and the result's "
                      "policy does not; allocate again under the current policy");
    }
    for (const PairOverride& p : workspace.policy.pins) {
        auto owner = ownerOf.find(p.client);
        bool inResult = owner != ownerOf.end() || listed.count(p.client);
        bool honoured = owner != ownerOf.end() && pins.count({p.client, owner->second});
        if (ownPins.count({p.client, p.employee}) || !inResult || honoured) continue;
        out.push_back("pin " + p.client + " → " + p.employee +
                      " of the workspace's current policy is not honoured, and the result's "
                      "policy does not have it; allocate again under the current policy");
    }
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
