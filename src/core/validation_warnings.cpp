#include "core/validation_warnings.h"

#include <map>
#include <string>
#include <utility>

#include "core/cycle_references.h"
#include "core/evaluation.h"
#include "core/override_check.h"

namespace baton {

namespace {

// Ids of the records that carry each flag, in record order.
using FlagIndex = std::map<std::string, std::vector<std::string>>;

// "outlier" marks a figure that counts (normalisation is robust to it), so it is left out.
void collectFlags(const std::string& id, const std::vector<std::string>& flags, FlagIndex& index) {
    for (const std::string& flag : flags) {
        if (flag != "outlier") index[flag].push_back(id);
    }
}

std::string countOf(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Adds one warning per data-quality flag, with up to three ids. A flagged figure (a negative
// or absurd amount, an unknown tier) does not count toward the score, so the workspace stays
// valid but its scores may surprise.
void addFlagWarnings(const char* path, const char* noun, const FlagIndex& index,
                     std::vector<WorkspaceWarning>& out) {
    for (const auto& [flag, ids] : index) {
        std::string examples;
        for (std::size_t i = 0; i < ids.size() && i < 3; ++i) examples += (i ? ", " : "") + ids[i];
        if (ids.size() > 3) examples += ", ...";
        const char* effect = flag == "hired_after_as_of"
                                 ? "the hire date is after the as-of date, so it counts as "
                                   "less than a month of tenure"
                                 : "the flagged figure does not count toward the score";
        out.push_back({path, countOf(ids.size(), noun) + " flagged " + flag + " (" + examples +
                                 "): " + effect + "; check it in the source data"});
    }
}

}  // namespace

std::vector<WorkspaceWarning> validationWarnings(const Workspace& workspace) {
    std::vector<WorkspaceWarning> out;
    // Overrides that can never hold leave the workspace valid, so they are warnings.
    for (OverrideProblem& problem : checkOverrides(workspace)) {
        out.push_back({std::move(problem.path), std::move(problem.message)});
    }
    for (WorkspaceWarning& warning : allocationWarnings(workspace)) {
        out.push_back(std::move(warning));
    }
    Evaluation evaluation = evaluate(workspace, workspace.policy);
    // The evaluation's notes on the policy's weights (negative ones, a group all at 0).
    for (const std::string& note : evaluation.notes) {
        if (note.rfind("policy ", 0) == 0) out.push_back({"", note});
    }
    if (!workspace.clients.empty() && !hasDifficultyInputs(workspace)) {
        out.push_back({"/clients", noDifficultyInputsNote()});
    }
    for (WorkspaceWarning& warning : cycleReferenceWarnings(workspace)) {
        out.push_back(std::move(warning));
    }
    FlagIndex clientFlags;
    FlagIndex employeeFlags;
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        collectFlags(workspace.clients[j].id, evaluation.clients[j].flags, clientFlags);
    }
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        collectFlags(workspace.employees[i].id, evaluation.employees[i].flags, employeeFlags);
    }
    addFlagWarnings("/clients", "client", clientFlags, out);
    addFlagWarnings("/employees", "employee", employeeFlags, out);
    return out;
}

}  // namespace baton
