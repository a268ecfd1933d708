// `baton validate FILE`: checks a workspace and prints a one-line summary, or every error.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/allocation.h"
#include "core/validation_warnings.h"

namespace baton::cli {

namespace {

std::string plural(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
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
    // The page returns the same warnings with an imported workspace. None of them makes the
    // workspace invalid, so the exit status stays 0.
    for (const WorkspaceWarning& warning : validationWarnings(*ws)) {
        std::cerr << args.file << ": warning: ";
        if (!warning.path.empty()) std::cerr << warning.path << ": ";
        std::cerr << warning.message << '\n';
    }
    return 0;
}

}  // namespace baton::cli
