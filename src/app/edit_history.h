// The undo and redo stacks of the edits a user makes to the open workspace: an employee's
// status and last day, an employee's capacity, and the policy. Each record stores the state before
// and after, so that undoing and redoing never recompute anything. Session applies the records.
#pragma once

#include <cstddef>
#include <cstdint>
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

// An employee's own limits; an empty one takes the policy's default.
struct CapacityEdit {
    std::string employeeId;
    std::optional<int> maxClientsBefore;
    std::optional<double> maxWorkloadBefore;
    std::optional<int> maxClientsAfter;
    std::optional<double> maxWorkloadAfter;
};

// One reversible edit: exactly one of the three parts is set.
struct Edit {
    std::optional<StatusEdit> status;
    std::optional<PolicyEdit> policy;
    std::optional<CapacityEdit> capacity;
    // Session's input state tokens of the workspace with this edit in place and without it,
    // or 0 where unknown. Equal tokens mean equal inputs, so an undo
    // followed by a redo brings back the token the workspace had before the undo.
    std::uint64_t stateWith = 0;
    std::uint64_t stateWithout = 0;
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
    // The record that takeUndo() or takeRedo() returned last, as stored on the other stack,
    // so that Session can update its state tokens. Null when that stack is empty.
    Edit* newestUndone() { return m_redo.empty() ? nullptr : &m_redo.back(); }
    Edit* newestRedone() { return m_undo.empty() ? nullptr : &m_undo.back(); }
    // Forgets both stacks, for a workspace that replaces the open one.
    void clear();

    std::size_t undoCount() const { return m_undo.size(); }
    std::size_t redoCount() const { return m_redo.size(); }

private:
    std::vector<Edit> m_undo;
    std::vector<Edit> m_redo;
};

}  // namespace baton
