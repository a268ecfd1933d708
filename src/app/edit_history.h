// The undo and redo stacks of the edits a user makes to the open workspace: an employee's
// status and last day, and the policy. Each record stores the state before and after, so
// that undoing and redoing never recompute anything. Session applies the records.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/policy.h"

namespace baton {

struct StatusEdit {
    std::string employeeId;
    EmployeeStatus statusBefore = EmployeeStatus::Active;
    std::string lastDayBefore;
    EmployeeStatus statusAfter = EmployeeStatus::Active;
    std::string lastDayAfter;
};

struct PolicyEdit {
    Policy before;
    Policy after;
};

// One reversible edit: exactly one of the two parts is set.
struct Edit {
    std::optional<StatusEdit> status;
    std::optional<PolicyEdit> policy;
};

class EditHistory {
public:
    // The oldest records are dropped past this many, so that policy copies stay bounded.
    static constexpr std::size_t kMaxRecords = 200;

    // Adds an edit the user just made; the redo stack is cleared, as in every editor.
    void record(Edit edit);
    // Moves the newest edit to the redo stack and returns it, or nothing when empty.
    std::optional<Edit> takeUndo();
    // Moves the newest undone edit back to the undo stack and returns it.
    std::optional<Edit> takeRedo();
    // Forgets both stacks, for a workspace that replaces the open one.
    void clear();

    std::size_t undoCount() const { return m_undo.size(); }
    std::size_t redoCount() const { return m_redo.size(); }

private:
    std::vector<Edit> m_undo;
    std::vector<Edit> m_redo;
};

}  // namespace baton
