#include "core/whatif.h"

#include <algorithm>

#include "core/eligibility.h"
#include "core/fit.h"

namespace baton {
namespace {

std::vector<int> bookOf(const Workspace& workspace, const std::string& employeeId) {
    std::vector<int> book;
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        const auto& owner = workspace.clients[j].owner;
        if (owner && *owner == employeeId) book.push_back(static_cast<int>(j));
    }
    std::sort(book.begin(), book.end(), [&](int a, int b) {
        return workspace.clients[std::size_t(a)].id < workspace.clients[std::size_t(b)].id;
    });
    return book;
}

// Returns why no preview can be made for the employee at `index`, or "".
std::string previewRefusal(const Workspace& workspace, int index, const std::string& id) {
    if (index < 0) return "employee \"" + id + "\" not found";
    const Employee& employee = workspace.employees[std::size_t(index)];
    if (employee.kind == EmployeeKind::System) {
        return "employee \"" + id + "\" is a system user, who never leaves or receives clients";
    }
    if (isLeaver(employee.status)) {
        return "employee \"" + id + "\" is already " + toString(employee.status) +
               ": their book is part of the current allocation";
    }
    return "";
}

void addReceived(std::vector<WhatIfReceiver>& receivers, const Assignment& a) {
    auto it = std::find_if(receivers.begin(), receivers.end(),
                           [&](const WhatIfReceiver& r) { return r.employee == a.employee; });
    if (it == receivers.end()) {
        receivers.push_back(WhatIfReceiver{a.employee, 0, 0.0, 0.0});
        it = receivers.end() - 1;
    }
    it->clients += 1;
    it->value += a.value;
    it->difficulty += a.difficulty;
}

}  // namespace

WhatIfPreview previewDeparture(const Workspace& workspace, const std::string& employeeId,
                               std::optional<std::uint64_t> seed) {
    WhatIfPreview preview;
    preview.employee = employeeId;
    int index = workspace.findEmployee(employeeId);
    preview.error = previewRefusal(workspace, index, employeeId);
    if (!preview.error.empty()) return preview;
    preview.book = bookOf(workspace, employeeId);
    if (preview.book.empty()) {
        preview.error = "employee \"" + employeeId + "\" owns no client, so there is no book to split";
        return preview;
    }

    Workspace copy = workspace;
    copy.employees[std::size_t(index)].status = EmployeeStatus::Departed;
    Policy policy = workspace.policy;
    policy.scope = Scope::Leavers;
    if (seed) policy.seed = *seed;
    Evaluation evaluation = evaluate(copy, policy);
    preview.result = allocate(copy, policy, evaluation, AllocateOptions{});

    std::vector<char> inBook(workspace.clients.size(), 0);
    for (int j : preview.book) {
        inBook[std::size_t(j)] = 1;
        preview.bookValue += evaluation.clients[std::size_t(j)].value;
    }
    std::size_t released = releasedClients(copy, policy).size();
    preview.otherReleased = static_cast<int>(released - preview.book.size());
    for (const Assignment& a : preview.result.assignments) {
        int j = workspace.findClient(a.client);
        if (j >= 0 && inBook[std::size_t(j)]) addReceived(preview.receivers, a);
    }
    std::sort(preview.receivers.begin(), preview.receivers.end(),
              [](const WhatIfReceiver& a, const WhatIfReceiver& b) {
                  return a.value != b.value ? a.value > b.value : a.employee < b.employee;
              });
    preview.ok = true;
    return preview;
}

namespace {

// The owner's colleagues that may take the client and have room, counted up to two, and
// the first one found. Receiver groups are scanned so that a client costs O(groups) in
// the usual case.
int ableColleagues(const EligibilityModel& model, int client, int owner, int& first,
                   bool& anyEligible) {
    int count = 0;
    for (const ReceiverGroup& group : model.groups()) {
        if (!model.groupAdmits(client, group)) continue;
        for (int e : group.employees) {
            if (e == owner || model.pairBlocked(client, e)) continue;
            anyEligible = true;
            if (model.clientRoom(e) <= 0) continue;
            if (count == 0) first = e;
            if (++count >= 2) return count;
        }
    }
    return count;
}

std::map<std::string, int> blockedReasons(const EligibilityModel& model, int client, int owner) {
    std::map<std::string, int> reasons;
    for (int e : model.receivers()) {
        if (e == owner) continue;
        std::string reason = model.pairReason(client, e);
        reasons[reason.empty() ? "capacity_full" : reason] += 1;
    }
    return reasons;
}

int riskRank(const std::string& risk) {
    if (risk == "no_eligible_colleague") return 0;
    if (risk == "no_room") return 1;
    return 2;
}

}  // namespace

KeyPersonReport keyPersonRisk(const Workspace& workspace, const Policy& policy,
                              const Evaluation& evaluation) {
    KeyPersonReport report;
    FitModel fit(workspace, policy);
    EligibilityModel model(workspace, policy, fit);
    std::map<int, KeyPersonOwner> owners;
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        int client = static_cast<int>(j);
        int owner = model.previousOwner(client);
        if (owner < 0) continue;
        const Employee& e = workspace.employees[std::size_t(owner)];
        if (e.kind != EmployeeKind::Person || isLeaver(e.status)) continue;
        ++report.scannedClients;
        double value = evaluation.clients[j].value;
        KeyPersonOwner& summary = owners[owner];
        summary.employee = owner;
        summary.bookValue += value;

        int first = -1;
        bool anyEligible = false;
        int able = ableColleagues(model, client, owner, first, anyEligible);
        if (able >= 2) continue;
        KeyPersonRisk risk{client, owner, value, "", {}, ""};
        if (able == 1) {
            risk.risk = "one_colleague";
            risk.onlyColleague = workspace.employees[std::size_t(first)].id;
        } else {
            risk.risk = anyEligible ? "no_room" : "no_eligible_colleague";
            risk.blockedBy = blockedReasons(model, client, owner);
            summary.clients += 1;
            summary.value += value;
        }
        report.clients.push_back(std::move(risk));
    }
    std::sort(report.clients.begin(), report.clients.end(),
              [&](const KeyPersonRisk& a, const KeyPersonRisk& b) {
                  int ra = riskRank(a.risk), rb = riskRank(b.risk);
                  if (ra != rb) return ra < rb;
                  if (a.value != b.value) return a.value > b.value;
                  return workspace.clients[std::size_t(a.client)].id <
                         workspace.clients[std::size_t(b.client)].id;
              });
    for (auto& [index, summary] : owners) {
        if (summary.clients > 0) report.owners.push_back(summary);
    }
    std::sort(report.owners.begin(), report.owners.end(),
              [&](const KeyPersonOwner& a, const KeyPersonOwner& b) {
                  if (a.value != b.value) return a.value > b.value;
                  return workspace.employees[std::size_t(a.employee)].id <
                         workspace.employees[std::size_t(b.employee)].id;
              });
    return report;
}

}  // namespace baton
