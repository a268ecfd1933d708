// Session::undo and Session::redo replay the states stored in EditHistory records, and
// Session::setEmployeeCapacity makes one such record. The audit log is append-only, so an
// undo is recorded there as one more change.
#include <cmath>

#include "app/session.h"
#include "io/json_fields.h"

namespace baton {
namespace {

// "40", or "the policy default" for an employee without a limit of their own. The page's log
// patterns read these words.
std::string limitText(std::optional<double> limit) {
    return limit ? json_fields::formatNumber(*limit) : std::string("the policy default");
}

std::optional<double> asDouble(std::optional<int> value) {
    return value ? std::optional<double>(*value) : std::nullopt;
}

nlohmann::json limitJson(std::optional<double> limit) {
    return limit ? nlohmann::json(*limit) : nlohmann::json(nullptr);
}

}  // namespace

void Session::recordEdit(Edit edit, std::uint64_t from) {
    edit.stateWithout = from;
    edit.stateWith = m_inputState;
    m_history.record(std::move(edit));
}

bool Session::setEmployeeCapacity(int employee, std::optional<int> maxClients,
                                  std::optional<double> maxWorkload) {
    if (employee < 0 || employee >= static_cast<int>(m_workspace.employees.size())) return false;
    if (maxClients && (*maxClients < 0 || *maxClients > 1000000000)) return false;
    if (maxWorkload && (!std::isfinite(*maxWorkload) || *maxWorkload < 0.0)) return false;
    Employee& e = m_workspace.employees[static_cast<std::size_t>(employee)];
    if (e.maxClients == maxClients && e.maxWorkload == maxWorkload) return true;
    std::uint64_t from = m_inputState;
    Edit edit;
    edit.capacity = CapacityEdit{e.id, e.maxClients, e.maxWorkload, maxClients, maxWorkload};
    applyCapacity(e.id, maxClients, maxWorkload, nullptr);
    recordEdit(std::move(edit), from);
    return true;
}

void Session::applyCapacity(const std::string& employeeId, std::optional<int> maxClients,
                            std::optional<double> maxWorkload, const char* verb) {
    for (Employee& e : m_workspace.employees) {
        if (e.id != employeeId) continue;
        e.maxClients = maxClients;
        e.maxWorkload = maxWorkload;
        touch();
        std::string limits = "client limit " + limitText(asDouble(maxClients)) +
                             ", workload limit " + limitText(maxWorkload);
        if (verb) {
            m_log.info(std::string(verb) + ": employee " + e.id + " has " + limits + " again.");
        } else {
            m_log.info("Employee " + e.id + ": " + limits + ".");
        }
        nlohmann::json detail = {{"employee", e.id},
                                 {"max_clients", limitJson(asDouble(maxClients))},
                                 {"max_workload", limitJson(maxWorkload)}};
        if (verb) detail["via"] = std::string(verb) == "Undo" ? "undo" : "redo";
        recordChange("capacity", std::move(detail));
        return;
    }
    m_log.warning(std::string(verb ? verb : "Capacity") + " skipped: employee " + employeeId +
                  " is no longer in the workspace.");
}

void Session::applyStatus(const std::string& employeeId, EmployeeStatus status,
                          const std::string& lastDay, const char* verb) {
    for (Employee& e : m_workspace.employees) {
        if (e.id != employeeId) continue;
        e.status = status;
        e.lastDay = lastDay;
        touch();
        m_log.info(std::string(verb) + ": employee " + e.id + " is " + toString(status) +
                   (lastDay.empty() ? std::string() : ", last day " + lastDay) + " again.");
        nlohmann::json detail = {{"employee", e.id},
                                 {"to", toString(status)},
                                 {"via", std::string(verb) == "Undo" ? "undo" : "redo"}};
        if (!lastDay.empty()) detail["last_day"] = lastDay;
        recordChange("status", std::move(detail));
        return;
    }
    m_log.warning(std::string(verb) + " skipped: employee " + employeeId +
                  " is no longer in the workspace.");
}

void Session::replayEdit(const Edit& edit, bool undoing) {
    const char* verb = undoing ? "Undo" : "Redo";
    if (edit.status) {
        const StatusEdit& s = *edit.status;
        applyStatus(s.employeeId, undoing ? s.statusBefore : s.statusAfter,
                    undoing ? s.lastDayBefore : s.lastDayAfter, verb);
    } else if (edit.capacity) {
        const CapacityEdit& c = *edit.capacity;
        applyCapacity(c.employeeId, undoing ? c.maxClientsBefore : c.maxClientsAfter,
                      undoing ? c.maxWorkloadBefore : c.maxWorkloadAfter, verb);
    } else if (edit.policy) {
        const Policy& policy = undoing ? edit.policy->before : edit.policy->after;
        m_workspace.policy = policy;
        touch();
        m_log.info(std::string(verb) + ": policy version " + std::to_string(policy.version) +
                   " is back.");
        recordChange("policy",
                     {{"to_version", policy.version}, {"via", undoing ? "undo" : "redo"}});
    }
}

bool Session::holdsEditValues(const Edit& edit, bool before) const {
    if (edit.policy) {
        const Policy& policy = before ? edit.policy->before : edit.policy->after;
        return policyToJson(m_workspace.policy) == policyToJson(policy);
    }
    for (const Employee& e : m_workspace.employees) {
        if (edit.status && e.id == edit.status->employeeId) {
            const StatusEdit& s = *edit.status;
            return e.status == (before ? s.statusBefore : s.statusAfter) &&
                   e.lastDay == (before ? s.lastDayBefore : s.lastDayAfter);
        }
        if (edit.capacity && e.id == edit.capacity->employeeId) {
            const CapacityEdit& c = *edit.capacity;
            return e.maxClients == (before ? c.maxClientsBefore : c.maxClientsAfter) &&
                   e.maxWorkload == (before ? c.maxWorkloadBefore : c.maxWorkloadAfter);
        }
    }
    return false;
}

// The record stores the two states it moves between. When the replay starts from the state
// the record names, it ends in the other one it names. Otherwise touch() gave a new token,
// and the record learns the start state when that state held the values the replay replaced,
// because replaying the other way then restores exactly that state.
void Session::settleInputState(Edit& edit, std::uint64_t from, bool fromHeld, bool undoing) {
    std::uint64_t& source = undoing ? edit.stateWith : edit.stateWithout;
    std::uint64_t& target = undoing ? edit.stateWithout : edit.stateWith;
    if (from != 0 && from == source && target != 0) {
        m_inputState = target;
        return;
    }
    source = fromHeld ? from : 0;
    target = m_inputState;
}

bool Session::undo() {
    std::optional<Edit> edit = m_history.takeUndo();
    if (!edit) return false;
    std::uint64_t from = m_inputState;
    bool fromHeld = holdsEditValues(*edit, false);
    replayEdit(*edit, true);
    if (Edit* record = m_history.newestUndone()) settleInputState(*record, from, fromHeld, true);
    return true;
}

bool Session::redo() {
    std::optional<Edit> edit = m_history.takeRedo();
    if (!edit) return false;
    std::uint64_t from = m_inputState;
    bool fromHeld = holdsEditValues(*edit, true);
    replayEdit(*edit, false);
    if (Edit* record = m_history.newestRedone()) settleInputState(*record, from, fromHeld, false);
    return true;
}

}  // namespace baton
