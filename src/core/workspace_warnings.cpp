#include "core/workspace_warnings.h"

#include <map>

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

// With the team boundary on, a client goes only to its previous owner's team, so a leaver
// without a team passes its clients to the employees without a team alone.
void teamWarnings(const Workspace& workspace, std::vector<WorkspaceWarning>& out) {
    if (!workspace.policy.constraints.teamBoundary) return;
    std::map<std::string, std::size_t> releasedBy;
    for (int j : releasedClients(workspace, workspace.policy)) {
        const std::optional<std::string>& owner = workspace.clients[std::size_t(j)].owner;
        if (owner) releasedBy[*owner] += 1;
    }
    std::vector<std::string> teamless;
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        const Employee& e = workspace.employees[i];
        if (!e.team.empty()) continue;
        auto owned = releasedBy.find(e.id);
        if (owned != releasedBy.end()) {
            out.push_back({"/employees/" + std::to_string(i) + "/team",
                           "the team boundary is on, but " + e.id + ", who owns " +
                               std::to_string(owned->second) +
                               " of the released clients, has no team, so those clients go only "
                               "to employees without a team: set " +
                               e.id +
                               "'s team or turn "
                               "/policy/constraints/team_boundary off"});
        } else if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person) {
            teamless.push_back(e.id);
        }
    }
    if (teamless.empty()) return;
    std::string ids;
    for (std::size_t k = 0; k < teamless.size() && k < 3; ++k) ids += (k ? ", " : "") + teamless[k];
    if (teamless.size() > 3) ids += " and " + std::to_string(teamless.size() - 3) + " more";
    out.push_back({"/employees", "the team boundary is on, but active employees without a team: " +
                                     std::to_string(teamless.size()) + " (" + ids +
                                     "); they receive only clients whose previous owner has no "
                                     "team either: set their teams"});
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
    teamWarnings(workspace, out);
    std::vector<WorkspaceWarning> limits = limitWarnings(workspace);
    out.insert(out.end(), limits.begin(), limits.end());
    return out;
}

}  // namespace baton
