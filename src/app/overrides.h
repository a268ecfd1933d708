// Manager overrides of the allocation policy: pins (force a pair) and forbids (exclude a
// pair), each kept in the policy with the written reason. Every edit returns a copy of the
// policy one version up, for Session::setPolicy, and keeps the overrides consistent: a
// client has at most one pin, and no pair is both pinned and forbidden.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace baton {

enum class OverrideKind { Pin, Forbid };

struct OverrideEdit {
    std::optional<Policy> policy;  // the edited policy, or nullopt when the edit is rejected
    std::string error;             // why the edit was rejected, as an English sentence
};

// Adds a pin or a forbid of (client, employee) to the workspace's policy.
// A pin replaces the client's other pin and drops a forbid of the same pair. It is rejected
// when the client is not in the released book or the pair is ineligible for a reason other
// than that forbid (status, needs, conflict, team boundary). A forbid drops a pin of the same
// pair and replaces the reason of an existing forbid. Both need a reason that is not blank.
// NOTE: capacity is not checked here; a pin to a full employee fails in the solver, which
// lists the client as unassigned with reason pin_conflict.
OverrideEdit addOverride(const Workspace& workspace, OverrideKind kind,
                         const std::string& client, const std::string& employee,
                         const std::string& reason);

// Removes the pin or forbid of (client, employee); rejected when the policy has none.
OverrideEdit removeOverride(const Policy& policy, OverrideKind kind, const std::string& client,
                            const std::string& employee);

struct MoveTarget {
    std::string employee;
    // New clients the employee can take beside the book it keeps; other released clients
    // placed with it by the current result are not subtracted.
    int room = 0;
};

// The employees to whom the client may move: receivers for whom the pair is eligible under
// the policy (status, needs, relationships, forbids, team boundary), except `current`, in
// id order. Empty when the client is not in the released book.
std::vector<MoveTarget> moveTargets(const Workspace& workspace, const Policy& policy,
                                    const std::string& client, const std::string& current);

}  // namespace baton
