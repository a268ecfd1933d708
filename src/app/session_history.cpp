// Session::undo and Session::redo replay the states stored in EditHistory records. The
// audit log is append-only, so an undo is recorded there as one more change.
#include "app/session.h"

namespace baton {

void Session::applyStatus(const std::string& employeeId, EmployeeStatus status,
                          const std::string& lastDay, const char* verb) {
    for (Employee& e : m_workspace.employees) {
        if (e.id != employeeId) continue;
        e.status = status;
        e.lastDay = lastDay;
        touch();
        m_log.info(std::string(verb) + ": employee " + e.id + " is " + toString(status) +
                   (lastDay.empty() ? std::string() : ", last day " + lastDay) + " again.");
        nlohmann::json detail = {{"employee", e.id}, {"to", toString(status)},
                                 {"via", std::string(verb) == "Undo" ? "undo" : "redo"}};
        if (!lastDay.empty()) detail["last_day"] = lastDay;
        recordChange("status", std::move(detail));
        return;
    }
    m_log.warning(std::string(verb) + " skipped: employee " + employeeId +
                  " is no longer in the workspace.");
}

bool Session::undo() {
    std::optional<Edit> edit = m_history.takeUndo();
    if (!edit) return false;
    if (edit->status) {
        const StatusEdit& s = *edit->status;
        applyStatus(s.employeeId, s.statusBefore, s.lastDayBefore, "Undo");
    } else if (edit->policy) {
        m_workspace.policy = edit->policy->before;
        touch();
        m_log.info("Undo: policy version " + std::to_string(edit->policy->before.version) +
                   " is back.");
        recordChange("policy", {{"to_version", edit->policy->before.version}, {"via", "undo"}});
    }
    return true;
}

bool Session::redo() {
    std::optional<Edit> edit = m_history.takeRedo();
    if (!edit) return false;
    if (edit->status) {
        const StatusEdit& s = *edit->status;
        applyStatus(s.employeeId, s.statusAfter, s.lastDayAfter, "Redo");
    } else if (edit->policy) {
        m_workspace.policy = edit->policy->after;
        touch();
        m_log.info("Redo: policy version " + std::to_string(edit->policy->after.version) +
                   " is back.");
        recordChange("policy", {{"to_version", edit->policy->after.version}, {"via", "redo"}});
    }
    return true;
}

}  // namespace baton
