#include "io/whatif_json.h"

#include <set>

#include "io/allocation_json.h"

namespace baton {

using json = nlohmann::json;

json whatIfToJson(const Workspace& workspace, const WhatIfPreview& preview) {
    if (!preview.ok) {
        return {{"ok", false}, {"employee", preview.employee}, {"error", preview.error}};
    }
    std::set<std::string> book;
    for (int j : preview.book) book.insert(workspace.clients[std::size_t(j)].id);
    json full = allocationToJson(preview.result);
    json assignments = json::array();
    for (const json& a : full["assignments"]) {
        if (book.count(a["client"].get<std::string>())) assignments.push_back(a);
    }
    json unassigned = json::array();
    for (const json& u : full["unassigned"]) {
        if (book.count(u["client"].get<std::string>())) unassigned.push_back(u);
    }
    json receivers = json::array();
    for (const WhatIfReceiver& r : preview.receivers) {
        receivers.push_back({{"employee", r.employee},
                             {"clients", r.clients},
                             {"value", r.value},
                             {"difficulty", r.difficulty}});
    }
    return {{"ok", true},
            {"employee", preview.employee},
            {"book", {{"clients", preview.book.size()}, {"value", preview.bookValue}}},
            {"other_released", preview.otherReleased},
            {"receivers", std::move(receivers)},
            {"assignments", std::move(assignments)},
            {"unassigned", std::move(unassigned)},
            {"figures", full["figures"]},
            {"certificates", full["certificates"]}};
}

json keyPersonRiskToJson(const Workspace& workspace, const KeyPersonReport& report) {
    json clients = json::array();
    for (const KeyPersonRisk& risk : report.clients) {
        const Client& c = workspace.clients[std::size_t(risk.client)];
        json item = {{"client", c.id},
                     {"name", c.name},
                     {"owner", workspace.employees[std::size_t(risk.owner)].id},
                     {"value", risk.value},
                     {"risk", risk.risk},
                     {"blocked_by", risk.blockedBy}};
        if (!risk.onlyColleague.empty()) item["only_colleague"] = risk.onlyColleague;
        clients.push_back(std::move(item));
    }
    json owners = json::array();
    for (const KeyPersonOwner& owner : report.owners) {
        const Employee& e = workspace.employees[std::size_t(owner.employee)];
        double share = owner.bookValue > 0.0 ? owner.value / owner.bookValue : 0.0;
        owners.push_back({{"employee", e.id},
                          {"name", e.name},
                          {"clients", owner.clients},
                          {"value", owner.value},
                          {"book_value", owner.bookValue},
                          {"share", share}});
    }
    return {{"scanned", report.scannedClients},
            {"clients", std::move(clients)},
            {"owners", std::move(owners)}};
}

}  // namespace baton
