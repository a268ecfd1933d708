#include "core/workspace_warnings.h"

#include <algorithm>
#include <cmath>

#include "core/allocation.h"

namespace baton {

namespace {

std::string countOf(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun;
}

// "2 leaving, 1 departed, 1 active system user": the employees by why they cannot receive.
std::string whyNobodyReceives(const Workspace& workspace) {
    std::size_t leaving = 0, departed = 0, onLeave = 0, system = 0;
    for (const Employee& e : workspace.employees) {
        leaving += e.status == EmployeeStatus::Leaving ? 1 : 0;
        departed += e.status == EmployeeStatus::Departed ? 1 : 0;
        onLeave += e.status == EmployeeStatus::OnLeave ? 1 : 0;
        bool activeSystem = e.status == EmployeeStatus::Active && e.kind == EmployeeKind::System;
        system += activeSystem ? 1 : 0;
    }
    std::string out;
    auto add = [&](std::size_t n, const std::string& text) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + text;
    };
    add(leaving, countOf(leaving, "leaving"));
    add(departed, countOf(departed, "departed"));
    add(onLeave, countOf(onLeave, "on leave"));
    add(system, countOf(system, system == 1 ? "active system user" : "active system users"));
    return out;
}

}  // namespace

bool fitWeightsAllZero(const FitPolicy& fit) {
    const double weights[] = {fit.prefers, fit.industry, fit.region, fit.language, fit.continuity};
    return std::none_of(std::begin(weights), std::end(weights),
                        [](double w) { return std::isfinite(w) && w > 0.0; });
}

std::vector<WorkspaceWarning> allocationWarnings(const Workspace& workspace) {
    std::vector<WorkspaceWarning> out;
    bool anyReceiver =
        std::any_of(workspace.employees.begin(), workspace.employees.end(), [](const Employee& e) {
            return e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person;
        });
    std::size_t released = releasedClients(workspace, workspace.policy).size();
    if (!anyReceiver && released > 0) {
        std::string cause = workspace.employees.empty()
                                ? std::string("the workspace has no employee")
                                : "employees: " + whyNobodyReceives(workspace);
        out.push_back({"/employees", "no active employee can receive clients (" + cause +
                                         "), so allocate places none of the " +
                                         countOf(released, released == 1 ? "released client"
                                                                         : "released clients") +
                                         ": set at least one employee's status to \"active\""});
    }
    if (fitWeightsAllZero(workspace.policy.fit)) {
        out.push_back({"/policy/fit/weights",
                       "every fit weight is 0 (a negative weight counts as 0), so every fit is 0 "
                       "and the fit cannot prefer one employee over another: give at least one "
                       "of prefers, industry, region, language or continuity a weight above 0"});
    }
    std::vector<WorkspaceWarning> limits = limitWarnings(workspace);
    out.insert(out.end(), limits.begin(), limits.end());
    return out;
}

}  // namespace baton
