#include "core/override_check.h"

#include <map>
#include <utility>

namespace baton {

namespace {

std::string pinPath(std::size_t i) { return "/policy/pins/" + std::to_string(i); }

// A pin to an employee who cannot receive clients never holds; the allocation would give
// the client a pin conflict and leave it unassigned.
void checkPinnedEmployee(const Workspace& ws, const PairOverride& pin, std::size_t i,
                         std::vector<OverrideProblem>& out) {
    int e = ws.findEmployee(pin.employee);
    if (e < 0) return;  // an unknown id is a reference error of the workspace reader
    const Employee& employee = ws.employees[std::size_t(e)];
    if (employee.status == EmployeeStatus::Active && employee.kind == EmployeeKind::Person) return;
    std::string why = employee.kind == EmployeeKind::System
                          ? "is a system account"
                          : std::string("is ") + toString(employee.status);
    out.push_back({pinPath(i), "pin " + pin.client + " → " + pin.employee + ": " + pin.employee +
                                   " " + why + " and cannot receive clients, so the pin can never "
                                   "hold; pin the client to an active employee or remove the pin"});
}

}  // namespace

std::vector<OverrideProblem> checkOverrides(const Workspace& ws) {
    std::vector<OverrideProblem> out;
    const Policy& policy = ws.policy;
    std::map<std::pair<std::string, std::string>, std::size_t> forbidden;
    for (std::size_t i = 0; i < policy.forbids.size(); ++i) {
        forbidden.emplace(std::make_pair(policy.forbids[i].client, policy.forbids[i].employee), i);
    }
    std::map<std::string, std::size_t> firstPin;
    for (std::size_t i = 0; i < policy.pins.size(); ++i) {
        const PairOverride& pin = policy.pins[i];
        checkPinnedEmployee(ws, pin, i, out);
        auto forbid = forbidden.find({pin.client, pin.employee});
        if (forbid != forbidden.end()) {
            out.push_back({pinPath(i), "pin " + pin.client + " → " + pin.employee +
                                           " is also forbidden by /policy/forbids/" +
                                           std::to_string(forbid->second) +
                                           ", so it can never hold; remove one of the two"});
        }
        auto [first, added] = firstPin.emplace(pin.client, i);
        const PairOverride& earlier = policy.pins[first->second];
        if (!added && earlier.employee != pin.employee) {
            out.push_back({pinPath(i), "client " + pin.client + " is pinned to " +
                                           earlier.employee + " by " + pinPath(first->second) +
                                           " and to " + pin.employee +
                                           " here; only one of them can apply, so remove the other"});
        }
    }
    return out;
}

}  // namespace baton
