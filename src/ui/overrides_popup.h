// The manager's overrides in the Allocation panel. A popup on an assignment row pins the
// client to its proposed employee, forbids that pair, or moves the client to another
// eligible employee (a pin to that employee), each with a required written reason. A list
// shows the policy's pins and forbids with a Remove button. Every change replaces the
// workspace's policy through Session::setPolicy, so the caller re-runs the allocation.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "app/overrides.h"
#include "app/session.h"

namespace baton::ui {

// Display names by id; an unknown id returns the id itself (employees) or "" (clients).
struct NameLookup {
    std::function<const char*(const std::string&)> employee;
    std::function<const char*(const std::string&)> client;
};

class OverridesPopup {
public:
    // Opens the popup for `assignment` of the last result in the next draw().
    void open(const Session& session, const Assignment& assignment);
    // Draws the popup while it is open. Returns true when it changed the policy.
    bool draw(Session& session, const NameLookup& names);
    // Draws the policy's pins and forbids. Returns true when one was removed.
    bool drawList(Session& session, const NameLookup& names);

private:
    enum class Action { Pin, Forbid, Move };

    void drawActionChoice(const NameLookup& names);
    void drawTargetCombo(const NameLookup& names);
    bool drawButtons(Session& session);
    bool applyEdit(Session& session);
    bool drawOverrideRows(Session& session, const NameLookup& names, OverrideKind kind,
                          const std::vector<PairOverride>& list);

    bool m_openRequested = false;
    Action m_action = Action::Pin;
    std::string m_client;
    std::string m_current;  // the employee the result proposes for m_client
    std::string m_target;   // the chosen employee of a move
    std::vector<MoveTarget> m_targets;
    std::array<char, 512> m_reason{};
    std::string m_error;
    std::string m_listError;
};

}  // namespace baton::ui
