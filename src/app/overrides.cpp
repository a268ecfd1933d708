#include "app/overrides.h"

#include <algorithm>

#include "core/eligibility.h"
#include "core/fit.h"

namespace baton {
namespace {

bool isBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
}

std::string trimmed(const std::string& text) {
    const char* space = " \t\n\r";
    std::size_t first = text.find_first_not_of(space);
    if (first == std::string::npos) return "";
    std::size_t last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

// Removes the overrides of `list` that match `drop`; returns how many were removed.
template <typename Predicate>
std::size_t eraseWhere(std::vector<PairOverride>& list, Predicate drop) {
    std::size_t before = list.size();
    list.erase(std::remove_if(list.begin(), list.end(), drop), list.end());
    return before - list.size();
}

auto samePair(const std::string& client, const std::string& employee) {
    return [&client, &employee](const PairOverride& o) {
        return o.client == client && o.employee == employee;
    };
}

OverrideEdit rejected(std::string error) {
    OverrideEdit edit;
    edit.error = std::move(error);
    return edit;
}

// Returns why `employee` may not be pinned to `client` under `policy`, or "" when it may.
std::string pinBlocker(const Workspace& workspace, const Policy& policy, int client,
                       int employee) {
    FitModel fit(workspace, policy);
    EligibilityModel eligibility(workspace, policy, fit);
    if (!eligibility.isReleased(client)) {
        return "client " + workspace.clients[std::size_t(client)].id +
               " is not in the released book, so a pin would be ignored";
    }
    std::string reason = eligibility.pairReason(client, employee);
    if (reason.empty()) return "";
    return "the pair is not eligible (" + reason + ")";
}

}  // namespace

OverrideEdit addOverride(const Workspace& workspace, OverrideKind kind, const std::string& client,
                         const std::string& employee, const std::string& reason) {
    int clientIndex = workspace.findClient(client);
    if (clientIndex < 0) return rejected("Override rejected: client " + client + " not found.");
    int employeeIndex = workspace.findEmployee(employee);
    if (employeeIndex < 0) {
        return rejected("Override rejected: employee " + employee + " not found.");
    }
    if (isBlank(reason)) {
        return rejected("Override rejected: the reason is missing. Write why " + client +
                        " needs this override.");
    }

    Policy policy = workspace.policy;
    PairOverride entry{client, employee, trimmed(reason)};
    if (kind == OverrideKind::Pin) {
        eraseWhere(policy.forbids, samePair(client, employee));
        std::string blocker = pinBlocker(workspace, policy, clientIndex, employeeIndex);
        if (!blocker.empty()) {
            return rejected("Pin " + client + " → " + employee + " rejected: " + blocker + ".");
        }
        eraseWhere(policy.pins, [&client](const PairOverride& o) { return o.client == client; });
        policy.pins.push_back(std::move(entry));
    } else {
        eraseWhere(policy.pins, samePair(client, employee));
        auto existing = std::find_if(policy.forbids.begin(), policy.forbids.end(),
                                     samePair(client, employee));
        if (existing != policy.forbids.end()) {
            existing->reason = entry.reason;
        } else {
            policy.forbids.push_back(std::move(entry));
        }
    }
    policy.version += 1;
    OverrideEdit edit;
    edit.policy = std::move(policy);
    return edit;
}

OverrideEdit removeOverride(const Policy& current, OverrideKind kind, const std::string& client,
                            const std::string& employee) {
    Policy policy = current;
    std::vector<PairOverride>& list = kind == OverrideKind::Pin ? policy.pins : policy.forbids;
    if (eraseWhere(list, samePair(client, employee)) == 0) {
        return rejected(std::string("Remove rejected: the policy has no ") +
                        (kind == OverrideKind::Pin ? "pin " : "forbid ") + client + " → " +
                        employee + ".");
    }
    policy.version += 1;
    OverrideEdit edit;
    edit.policy = std::move(policy);
    return edit;
}

std::vector<MoveTarget> moveTargets(const Workspace& workspace, const Policy& policy,
                                    const std::string& client, const std::string& current) {
    std::vector<MoveTarget> targets;
    int clientIndex = workspace.findClient(client);
    if (clientIndex < 0) return targets;
    FitModel fit(workspace, policy);
    EligibilityModel eligibility(workspace, policy, fit);
    if (!eligibility.isReleased(clientIndex)) return targets;
    for (int employee : eligibility.receivers()) {
        const std::string& id = workspace.employees[std::size_t(employee)].id;
        if (id == current) continue;
        if (!eligibility.pairReason(clientIndex, employee).empty()) continue;
        targets.push_back(MoveTarget{id, eligibility.clientRoom(employee)});
    }
    std::sort(targets.begin(), targets.end(),
              [](const MoveTarget& a, const MoveTarget& b) { return a.employee < b.employee; });
    return targets;
}

}  // namespace baton
