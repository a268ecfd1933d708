// Warnings about the capacity limits, max_clients and max_workload, that stop an allocation
// before it runs: a pin to an employee without room, no receiver with room, and receivers
// that already keep more than their limits allow. The figures are the ones the allocation
// engine uses: EligibilityModel's kept clients and workload, and AllocationContext's pin
// checks in the same order.
#include <algorithm>
#include <cstdio>

#include "core/certificates.h"
#include "core/eligibility.h"
#include "core/fit.h"
#include "core/workspace_warnings.h"

namespace baton {

namespace {

// The employees named in full before the rest are only counted.
constexpr std::size_t kEmployeesNamed = 3;

// A figure with at most two decimals and no trailing zeros: 12, 12.5, 0.25.
std::string figure(double x) {
    char text[48];
    std::snprintf(text, sizeof text, "%.2f", x);
    std::string out = text;
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

// One capacity limit of an employee and where it comes from: the employee's own capacity
// or the policy's default.
struct Limit {
    std::string name;  // "E03's max_clients" or "policy default_max_clients"
    std::string path;  // the JSON pointer of the field to change
};

// The limit `field` ("max_clients" or "max_workload") of employee e: its own when `own`,
// else the policy's default.
Limit limitOf(const Workspace& ws, int e, const std::string& field, bool own) {
    if (!own) return {"policy default_" + field, "/policy/constraints/default_" + field};
    return {ws.employees[std::size_t(e)].id + "'s " + field,
            "/employees/" + std::to_string(e) + "/capacity/" + field};
}

Limit clientLimit(const Workspace& ws, int e) {
    return limitOf(ws, e, "max_clients", ws.employees[std::size_t(e)].maxClients.has_value());
}

Limit workloadLimit(const Workspace& ws, int e) {
    return limitOf(ws, e, "max_workload", ws.employees[std::size_t(e)].maxWorkload.has_value());
}

// True when the employee has no room for a client of workload `workload`, as
// AllocationContext::staticReason tests it.
bool workloadFull(const EligibilityModel& model, int e, double workload) {
    std::optional<double> room = model.workloadRoom(e);
    return room && workload > *room + kTolerance;
}

// Mirrors AllocationContext::applyPins: pins sorted by client and employee, one pin per
// client, and each pin takes one unit of the employee's client room. Pins that fail for
// another reason (not released, not a receiver, not eligible) are left to checkOverrides
// and the allocation's notes.
void pinWarnings(const Workspace& ws, const EligibilityModel& model,
                 std::vector<WorkspaceWarning>& out) {
    const std::vector<PairOverride>& pins = ws.policy.pins;
    std::vector<std::size_t> order(pins.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const PairOverride& x = pins[a];
        const PairOverride& y = pins[b];
        return x.client != y.client ? x.client < y.client : x.employee < y.employee;
    });
    std::vector<int> used(ws.employees.size(), 0);
    std::vector<char> handled(ws.clients.size(), 0);
    for (std::size_t i : order) {
        const PairOverride& pin = pins[i];
        int j = ws.findClient(pin.client);
        if (j < 0 || !model.isReleased(j) || handled[std::size_t(j)]) continue;
        handled[std::size_t(j)] = 1;
        int e = ws.findEmployee(pin.employee);
        if (e < 0 || !model.pairReason(j, e).empty()) continue;
        std::string head = "pin " + pin.client + " → " + pin.employee + " fails: " + pin.employee;
        std::string tail = ", so " + pin.client + " goes unassigned as a pin conflict: raise ";
        int room = model.clientRoom(e);
        if (room > 0 && !workloadFull(model, e, model.workloadOf(j)) &&
            used[std::size_t(e)] < room) {
            used[std::size_t(e)] += 1;
            continue;
        }
        if (room <= 0 || used[std::size_t(e)] >= room) {
            Limit limit = clientLimit(ws, e);
            int kept = model.keptClients(e);
            int earlier = used[std::size_t(e)];
            out.push_back({"/policy/pins/" + std::to_string(i),
                           head + " already keeps as many clients as " + limit.name + " allows (" +
                               std::to_string(kept) + " kept, " + std::to_string(earlier) +
                               " from earlier pins, max " + std::to_string(model.maxClients(e)) +
                               ")" + tail + limit.name + " to at least " +
                               std::to_string(kept + earlier + 1) + " or remove the pin"});
            continue;
        }
        Limit limit = workloadLimit(ws, e);
        double kept = model.keptWorkload(e);
        double adds = model.workloadOf(j);
        out.push_back({"/policy/pins/" + std::to_string(i),
                       head + " keeps workload " + figure(kept) + " and " + pin.client + " adds " +
                           figure(adds) + ", over " + limit.name + " of " +
                           figure(*model.maxWorkload(e)) + tail + limit.name + " to at least " +
                           figure(kept + adds) + " or remove the pin"});
    }
}

// "E01 at max_clients: 12 kept, max 10": the limit an employee has reached, or "" when it
// has room on both. At max_workload it still has room for clients of workload 0.
std::string fullness(const Workspace& ws, const EligibilityModel& model, int e) {
    const std::string& id = ws.employees[std::size_t(e)].id;
    if (model.clientRoom(e) <= 0) {
        return id + " at " + clientLimit(ws, e).name + ": " + std::to_string(model.keptClients(e)) +
               " kept, max " + std::to_string(model.maxClients(e));
    }
    std::optional<double> workloadRoom = model.workloadRoom(e);
    if (workloadRoom && *workloadRoom <= 0.0) {
        return id + " at " + workloadLimit(ws, e).name + ": " + figure(model.keptWorkload(e)) +
               " kept, max " + figure(*model.maxWorkload(e));
    }
    return "";
}

// "A, B, C and 4 more": the first kEmployeesNamed items and the count of the rest.
std::string listed(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t k = 0; k < items.size() && k < kEmployeesNamed; ++k) {
        out += (k == 0 ? "" : separator) + items[k];
    }
    if (items.size() > kEmployeesNamed) {
        out += " and " + std::to_string(items.size() - kEmployeesNamed) + " more";
    }
    return out;
}

// Warns when every receiver has reached a limit, so that allocate places none of the
// released clients, or while some are only at max_workload none with a workload above 0.
// Returns whether it warned.
bool noRoomWarning(const Workspace& ws, const EligibilityModel& model,
                   std::vector<WorkspaceWarning>& out) {
    const std::vector<int>& receivers = model.receivers();
    std::size_t heavy = 0;
    for (int j : model.released()) heavy += model.workloadOf(j) > kTolerance ? 1 : 0;
    if (receivers.empty() || model.released().empty()) return false;
    std::vector<std::string> full;
    bool anyClientRoom = false;
    for (int e : receivers) {
        std::string why = fullness(ws, model, e);
        if (why.empty()) return false;
        full.push_back(why);
        anyClientRoom = anyClientRoom || model.clientRoom(e) > 0;
    }
    std::size_t stuck = anyClientRoom ? heavy : model.released().size();
    if (stuck == 0) return false;
    std::string which = anyClientRoom ? " with a workload above 0" : "";
    out.push_back(
        {"/employees", "no active employee has room for another client (" + listed(full, "; ") +
                           "), so allocate can place no released "
                           "client" +
                           which + " (released clients" + which + ": " + std::to_string(stuck) +
                           "): raise max_clients or max_workload in the "
                           "employees' capacity or in the policy's constraints"});
    return true;
}

// Warns about each receiver that keeps more clients or workload than its limits allow: it
// receives nothing, and the allocation takes none of its clients away.
void overLimitWarnings(const Workspace& ws, const EligibilityModel& model,
                       std::vector<WorkspaceWarning>& out) {
    std::vector<std::string> rest;
    for (int e : model.receivers()) {
        const std::string& id = ws.employees[std::size_t(e)].id;
        std::optional<double> maxWorkload = model.maxWorkload(e);
        bool clients = model.keptClients(e) > model.maxClients(e);
        bool workload = maxWorkload && model.keptWorkload(e) > *maxWorkload + kTolerance;
        if (!clients && !workload) continue;
        if (out.size() >= kEmployeesNamed) {
            rest.push_back(id);
            continue;
        }
        Limit limit = clients ? clientLimit(ws, e) : workloadLimit(ws, e);
        std::string kept =
            clients ? std::to_string(model.keptClients(e)) : figure(model.keptWorkload(e));
        std::string max = clients ? std::to_string(model.maxClients(e)) : figure(*maxWorkload);
        out.push_back({limit.path,
                       id + " already keeps more " + (clients ? "clients" : "workload") + " than " +
                           limit.name + " allows (" + kept + " kept, max " + max +
                           "), so it receives no released client: raise " + limit.name +
                           " to at least " + kept + " or move some of its clients to a colleague"});
    }
    if (rest.empty()) return;
    out.push_back({"/employees",
                   "more active employees keep more clients or workload than "
                   "their limits allow: " +
                       std::to_string(rest.size()) + " (" + listed(rest, ", ") +
                       "), so they receive no released client: raise their "
                       "max_clients or max_workload"});
}

}  // namespace

std::vector<WorkspaceWarning> limitWarnings(const Workspace& workspace) {
    std::vector<WorkspaceWarning> out;
    FitModel fit(workspace, workspace.policy, /*indexAll=*/false);
    EligibilityModel model(workspace, workspace.policy, fit);
    pinWarnings(workspace, model, out);
    std::vector<WorkspaceWarning> employees;
    if (!noRoomWarning(workspace, model, employees)) overLimitWarnings(workspace, model, employees);
    out.insert(out.end(), employees.begin(), employees.end());
    return out;
}

}  // namespace baton
