// Filing and deciding the appeals of a cycle; see core/cycle_ops.h.
#include <algorithm>
#include <map>

#include "core/cycle_internal.h"
#include "core/cycle_ops.h"
#include "core/dates.h"

namespace baton {

namespace {

using cycle_detail::done;
using cycle_detail::fail;

// The reason `employee` cannot receive clients ("departed", "a system user"), or null when it
// is an active person, the only kind of employee the allocation gives clients to.
const char* notReceiving(const Workspace& ws, const std::string& employee) {
    int index = ws.findEmployee(employee);
    if (index < 0) return nullptr;
    const Employee& e = ws.employees[std::size_t(index)];
    if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person) return nullptr;
    return statusInMessage(e);
}

bool isBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); });
}

// Rejects a new appeal by `employee` about `clients` (sorted) that repeats an open appeal
// of the same kind exactly, or requests the opposite of an open one about a shared client.
CycleResult checkOpenAppeals(const Cycle& cycle, const std::string& employee, AppealKind kind,
                             const std::vector<std::string>& clients) {
    for (const Appeal& open : cycle.appeals) {
        if (open.status != AppealStatus::Open || open.employee != employee) continue;
        std::vector<std::string> theirs = open.clients;
        std::sort(theirs.begin(), theirs.end());
        if (open.kind == kind && theirs == clients) {
            return fail("appeal " + open.id + " by " + employee + " asks the same (" +
                        toString(kind) + ") and is still open: decide " + open.id +
                        " instead of filing it again");
        }
        if (open.kind == kind) continue;
        for (const std::string& client : clients) {
            if (!std::binary_search(theirs.begin(), theirs.end(), client)) continue;
            return fail("open appeal " + open.id + " by " + employee + " asks to " +
                        toString(open.kind) + " client " + client + ", the opposite of this " +
                        toString(kind) + ": decide " + open.id +
                        " first, because only one of the two can apply");
        }
    }
    return done("");
}

}  // namespace

CycleResult fileAppeal(const Workspace& workspace, Cycle& cycle, Appeal& appeal) {
    if (cycle.stage != CycleStage::Proposal) {
        return fail(std::string("appeals can be filed only while the objection window is open; "
                                "cycle ") +
                    cycle.id + " is at " + toString(cycle.stage));
    }
    if (!parseIsoDate(appeal.filed)) {
        return fail("invalid filing date \"" + appeal.filed + "\": use an ISO date YYYY-MM-DD");
    }
    if (appeal.filed > cycle.dates.objectionEnd || appeal.filed < cycle.dates.proposal) {
        return fail("appeals of " + cycle.id + " are open from " + cycle.dates.proposal + " to " +
                    cycle.dates.objectionEnd + "; " + appeal.filed + " is outside the window");
    }

    if (workspace.findEmployee(appeal.employee) < 0) {
        return fail("unknown employee \"" + appeal.employee + "\"");
    }
    if (appeal.kind == AppealKind::Pin) {
        if (const char* status = notReceiving(workspace, appeal.employee)) {
            return fail("employee " + appeal.employee + " is " + status +
                        " and cannot receive clients, so a pin appeal by " + appeal.employee +
                        " can never hold: file the pin for an active employee, or file a forbid "
                        "appeal instead");
        }
    }
    if (appeal.clients.empty()) return fail("an appeal names at least one client");
    if (isBlank(appeal.reason)) {
        return fail("the appeal's reason is blank: write why the employee requests it");
    }

    std::map<std::string, int> released;
    for (const Assignment& a : cycle.proposal->assignments) released[a.client] = 1;
    for (const Unassigned& u : cycle.proposal->unassigned) released[u.client] = 1;
    std::vector<std::string> clients = appeal.clients;
    std::sort(clients.begin(), clients.end());
    if (std::adjacent_find(clients.begin(), clients.end()) != clients.end()) {
        return fail("an appeal names each client once");
    }
    for (const std::string& client : clients) {
        if (!released.count(client)) {
            return fail("client " + client + " is not in the released book of " + cycle.id);
        }
    }

    if (CycleResult r = checkOpenAppeals(cycle, appeal.employee, appeal.kind, clients); !r.ok) {
        return r;
    }
    appeal.id = "A" + std::to_string(cycle.appeals.size() + 1);
    appeal.status = AppealStatus::Open;
    appeal.decisionReason.clear();
    appeal.decided.clear();
    cycle.appeals.push_back(appeal);
    return done("Filed appeal " + appeal.id + " by " + appeal.employee + " (" +
                toString(appeal.kind) + ", " + std::to_string(clients.size()) + " client(s)).");
}

CycleResult decideAppeal(const Workspace& workspace, Cycle& cycle, const std::string& appealId,
                         bool accept, const std::string& reason, const std::string& date) {
    if (cycle.stage != CycleStage::Proposal && cycle.stage != CycleStage::ObjectionsClosed) {
        return fail(std::string("appeals are decided before the final; cycle ") + cycle.id +
                    " is at " + toString(cycle.stage));
    }
    auto it = std::find_if(cycle.appeals.begin(), cycle.appeals.end(),
                           [&](const Appeal& a) { return a.id == appealId; });
    if (it == cycle.appeals.end()) return fail("unknown appeal \"" + appealId + "\"");
    if (it->status != AppealStatus::Open) {
        return fail("appeal " + appealId + " is already " + toString(it->status));
    }
    if (isBlank(reason)) return fail("a decision needs a written reason; the reason is blank");
    if (!parseIsoDate(date)) return fail("invalid date \"" + date + "\": use YYYY-MM-DD");
    if (date < it->filed) {
        return fail("decision date " + date + " of appeal " + appealId +
                    " is before its filing date " + it->filed + ": use a date on or after " +
                    it->filed);
    }
    if (accept && it->kind == AppealKind::Pin) {
        if (const char* status = notReceiving(workspace, it->employee)) {
            return fail("appeal " + appealId + " pins client(s) to " + it->employee + ", who is " +
                        status + " and cannot receive clients: reject the appeal, or set " +
                        it->employee + "'s status to active before accepting it");
        }
        for (const std::string& client : it->clients) {
            for (const PairOverride& pin : cycle.pins) {
                if (pin.client == client && pin.employee != it->employee) {
                    return fail("client " + client + " is already pinned to " + pin.employee +
                                " (" + pin.reason + "): reject this appeal or that one");
                }
            }
        }
    }
    it->status = accept ? AppealStatus::Accepted : AppealStatus::Rejected;
    it->decisionReason = reason;
    it->decided = date;
    if (accept) {
        auto& list = it->kind == AppealKind::Pin ? cycle.pins : cycle.forbids;
        for (const std::string& client : it->clients) {
            list.push_back({client, it->employee, "appeal " + it->id + ": " + reason, {}});
        }
    }
    return done("Appeal " + appealId + (accept ? " accepted" : " rejected") + ": " + reason);
}

}  // namespace baton
