// Planning views before anyone resigns: how one employee's book would be split if that
// employee left, and which clients depend on one employee because no colleague could
// take them over. Both read the workspace and change nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

struct WhatIfReceiver {
    std::string employee;
    int clients = 0;        // clients of the book this employee would receive
    double value = 0.0;     // their summed value V
    double difficulty = 0.0;
};

struct WhatIfPreview {
    bool ok = false;
    std::string error;  // why no preview was made, when !ok
    std::string employee;
    // The employee's book: the client indices they own, in id order.
    std::vector<int> book;
    double bookValue = 0.0;
    // Clients of other leavers that the same run releases beside the book.
    int otherReleased = 0;
    // The allocation of a copy of the workspace in which the employee has departed. Its
    // assignments and unassigned entries cover the whole released book of that copy.
    AllocationResult result;
    // The colleagues who would receive the book, most value first, then by id.
    std::vector<WhatIfReceiver> receivers;
};

// Previews the split of `employeeId`'s book: allocates a copy of the workspace in which
// that employee is departed, under the workspace's policy with scope "leavers" (so that
// only leavers' books are released) and `seed` when given. The stored workspace is not
// touched. Fails, with `error` set, for an unknown id, a system user, an employee who
// already leaves, or an employee who owns no client.
WhatIfPreview previewDeparture(const Workspace& workspace, const std::string& employeeId,
                               std::optional<std::uint64_t> seed = std::nullopt);

// One client whose handover would fail today if its owner left.
struct KeyPersonRisk {
    int client = -1;  // index into Workspace::clients
    int owner = -1;   // index into Workspace::employees
    double value = 0.0;
    // "no_eligible_colleague" when no receiver other than the owner may take the client,
    // "no_room" when some may but every one of them is at its client limit, and
    // "one_colleague" when exactly one colleague may take it and has room.
    std::string risk;
    // Why the other receivers may not take it: lost_because code to count of receivers
    // (ineligible_need, conflict, forbidden, team_boundary). Empty for "one_colleague".
    std::map<std::string, int> blockedBy;
    std::string onlyColleague;  // the one colleague's id for "one_colleague"
};

struct KeyPersonOwner {
    int employee = -1;
    int clients = 0;         // at-risk clients (no_eligible_colleague or no_room)
    double value = 0.0;      // their summed value V
    double bookValue = 0.0;  // the value of the employee's whole book
};

struct KeyPersonReport {
    // At-risk clients first (no_eligible_colleague, then no_room), then one_colleague;
    // within each, by value descending, then client id.
    std::vector<KeyPersonRisk> clients;
    // Owners with at least one at-risk client, by at-risk value descending, then id.
    std::vector<KeyPersonOwner> owners;
    int scannedClients = 0;  // clients owned by an employee who stays
};

// Lists the clients of staying employees (active or on leave, persons) that no other
// receiver could take over under the policy's eligibility rules and client limits.
// `evaluation` must come from evaluate(workspace, policy).
KeyPersonReport keyPersonRisk(const Workspace& workspace, const Policy& policy,
                              const Evaluation& evaluation);

}  // namespace baton
