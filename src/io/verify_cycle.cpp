#include "io/verify_cycle.h"

#include "core/cycle_ops.h"
#include "core/evaluation.h"
#include "io/allocation_json.h"
#include "io/verify_result.h"
#include "io/workspace_json.h"

namespace baton {

namespace {

// The finalised cycle whose locked result has the input hash `hash`, or null.
const Cycle* cycleLockedWith(const Workspace& workspace, const std::string& hash) {
    if (hash.empty()) return nullptr;
    for (const Cycle& c : workspace.cycles) {
        const AllocationResult* locked = c.currentResult();
        if (c.stage >= CycleStage::Final && locked && locked->inputSha256 == hash) return &c;
    }
    return nullptr;
}

// Lists the edits after the final that the cycle record reveals, or a note that it reveals none.
std::string explainMismatch(const Workspace& workspace, const Cycle& cycle) {
    std::vector<std::string> causes;
    for (const ClientMove& m : cycle.moves) {
        // The rebuild restores a moved client's owner, so only a deleted one shows here.
        if (workspace.findClient(m.client) < 0) {
            causes.push_back("client " + m.client + ", moved at the final, is no longer in the " +
                             "workspace");
        }
    }
    for (const CycleLeaver& l : cycle.leavers) {
        if (workspace.findEmployee(l.employee) < 0) {
            causes.push_back("leaver " + l.employee + " is no longer in the workspace");
        }
    }
    if (causes.empty()) {
        return "the cycle record shows no cause, so an employee, client, transaction, "
               "relationship or deal was edited after the final or after the result was made";
    }
    std::string text;
    for (std::size_t i = 0; i < causes.size() && i < 5; ++i) text += (i ? "; " : "") + causes[i];
    if (causes.size() > 5) text += "; and " + std::to_string(causes.size() - 5) + " more";
    return text;
}

}  // namespace

CycleVerifyReport verifyWithCycles(const Workspace& workspace, const ReportedAllocation& reported) {
    CycleVerifyReport checked;
    checked.report = verifyReported(workspace, reported);
    if (checked.report.ok() || !inputHashBreach(workspace, reported)) return checked;
    const Cycle* cycle = cycleLockedWith(workspace, reported.inputSha256);
    if (!cycle) return checked;

    Workspace before = pastCycleInput(workspace, *cycle);
    checked.cycle = cycle->id;
    if (!inputHashBreach(before, reported)) {
        checked.report = verifyReported(before, reported);
        return checked;
    }
    // The constraints are still checked against the closest workspace there is, and the hash
    // breach stays first so that nothing reads the result as verified.
    checked.hashMismatch = explainMismatch(workspace, *cycle);
    checked.report = verifyAllocation(before, reported, evaluate(before, reported.policy));
    checked.report.breaches.insert(
        checked.report.breaches.begin(),
        "input_sha256 " + reported.inputSha256 + " is the input hash of the result the final of " +
            cycle->id + " locked, but the workspace rebuilt from the cycle record has another " +
            "hash: " + checked.hashMismatch + ". That this result was made from the rebuilt " +
            "workspace is not proven; the other checks ran against it");
    return checked;
}

std::string verifyBasisText(const CycleVerifyReport& checked) {
    if (checked.cycle.empty()) return "";
    return "against the workspace before the final of " + checked.cycle;
}

}  // namespace baton
