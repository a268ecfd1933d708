// `baton validate FILE`: checks a workspace and prints a one-line summary, or every error.
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/override_check.h"
#include "core/workspace_warnings.h"

namespace baton::cli {

namespace {

std::string plural(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Ids of the records that carry each flag, in record order.
using FlagIndex = std::map<std::string, std::vector<std::string>>;

// "outlier" marks a figure that counts (normalisation is robust to it), so it is left out.
void collectFlags(const std::string& id, const std::vector<std::string>& flags, FlagIndex& index) {
    for (const std::string& flag : flags) {
        if (flag != "outlier") index[flag].push_back(id);
    }
}

// Prints one warning per data-quality flag of the evaluation, with up to three ids. A
// flagged figure (a negative or absurd amount, an unknown tier) does not count toward the
// score, so the workspace stays valid but its scores may surprise.
void warnFlags(const std::string& file, const char* noun, const FlagIndex& index) {
    for (const auto& [flag, ids] : index) {
        std::string examples;
        for (std::size_t i = 0; i < ids.size() && i < 3; ++i) examples += (i ? ", " : "") + ids[i];
        if (ids.size() > 3) examples += ", ...";
        const char* effect = flag == "hired_after_as_of"
                                 ? "the hire date is after the as-of date, so it counts as "
                                   "less than a month of tenure"
                                 : "the flagged figure does not count toward the score";
        std::cerr << file << ": warning: " << plural(ids.size(), noun) << " flagged " << flag
                  << " (" << examples << "): " << effect << "; check it in the source data\n";
    }
}

}  // namespace

int runValidate(const ValidateArgs& args) {
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    int leaving = 0, departed = 0;
    for (const Employee& e : ws->employees) {
        leaving += e.status == EmployeeStatus::Leaving ? 1 : 0;
        departed += e.status == EmployeeStatus::Departed ? 1 : 0;
    }
    std::size_t released = releasedClients(*ws, ws->policy).size();
    std::cerr << args.file << ": valid workspace: " << plural(ws->employees.size(), "employee")
              << " (" << leaving << " leaving, " << departed << " departed), "
              << plural(ws->clients.size(), "client") << " (" << released << " released), "
              << plural(ws->transactions.size(), "transaction") << ", "
              << plural(ws->relationships.size(), "relationship") << ", "
              << plural(ws->deals.size(), "deal") << '\n';
    // Overrides that can never hold leave the workspace valid, so they are warnings.
    for (const OverrideProblem& problem : checkOverrides(*ws)) {
        std::cerr << args.file << ": warning: " << problem.path << ": " << problem.message << '\n';
    }
    // So are released clients without an employee who can receive them, fit weights that
    // are all 0, and capacity limits that leave a pin or every receiver without room.
    for (const WorkspaceWarning& warning : allocationWarnings(*ws)) {
        std::cerr << args.file << ": warning: " << warning.path << ": " << warning.message << '\n';
    }
    Evaluation evaluation = evaluate(*ws, ws->policy);
    FlagIndex clientFlags;
    FlagIndex employeeFlags;
    for (std::size_t j = 0; j < ws->clients.size(); ++j) {
        collectFlags(ws->clients[j].id, evaluation.clients[j].flags, clientFlags);
    }
    for (std::size_t i = 0; i < ws->employees.size(); ++i) {
        collectFlags(ws->employees[i].id, evaluation.employees[i].flags, employeeFlags);
    }
    // The evaluation's notes on the policy's weights (negative ones, a group all at 0).
    for (const std::string& note : evaluation.notes) {
        if (note.rfind("policy ", 0) == 0) std::cerr << args.file << ": warning: " << note << '\n';
    }
    if (!ws->clients.empty() && !hasDifficultyInputs(*ws)) {
        std::cerr << args.file << ": warning: /clients: " << noDifficultyInputsNote() << '\n';
    }
    warnFlags(args.file, "client", clientFlags);
    warnFlags(args.file, "employee", employeeFlags);
    return 0;
}

}  // namespace baton::cli
