#include <doctest/doctest.h>

#include <string>

#include "core/evaluation.h"
#include "core/generator.h"
#include "core/whatif.h"

using baton::Client;
using baton::Employee;
using baton::EmployeeStatus;
using baton::Workspace;

namespace {

Employee person(const std::string& id, std::vector<std::string> skills) {
    Employee e;
    e.id = id;
    e.name = "Name " + id;
    e.skills = std::move(skills);
    return e;
}

Client client(const std::string& id, const std::string& owner, std::vector<std::string> needs) {
    Client c;
    c.id = id;
    c.name = "Client " + id;
    c.owner = owner;
    c.needs = std::move(needs);
    c.revenue12m = 1000.0;
    return c;
}

// E2 is the only one who speaks English and is at the client limit; E4 and E2 speak Chinese.
Workspace riskWorkspace() {
    Workspace w;
    w.employees = {person("E1", {"lang:zh"}), person("E2", {"lang:zh", "lang:en"}),
                   person("E3", {}), person("E4", {"lang:zh"})};
    w.employees[1].maxClients = 1;
    w.clients = {client("C1", "E2", {"lang:en"}), client("C2", "E1", {"lang:zh"}),
                 client("C3", "E4", {"lang:en"}), client("C4", "E3", {})};
    return w;
}

int firstOwnerIndex(const Workspace& w) {
    for (std::size_t i = 0; i < w.employees.size(); ++i) {
        const Employee& e = w.employees[i];
        if (e.status != EmployeeStatus::Active || e.kind != baton::EmployeeKind::Person) continue;
        for (const Client& c : w.clients) {
            if (c.owner == e.id) return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

TEST_SUITE("what-if") {
    TEST_CASE("preview splits the whole book") {
        Workspace w = baton::generateWorkspace(baton::GenerateOptions{});
        int index = firstOwnerIndex(w);
        REQUIRE(index >= 0);
        std::string id = w.employees[std::size_t(index)].id;
        baton::WhatIfPreview preview = baton::previewDeparture(w, id);
        REQUIRE(preview.ok);
        REQUIRE_FALSE(preview.book.empty());
        int received = 0;
        for (const baton::WhatIfReceiver& r : preview.receivers) {
            CHECK(r.employee != id);
            received += r.clients;
        }
        int unassignedInBook = 0;
        for (const baton::Unassigned& u : preview.result.unassigned) {
            int j = w.findClient(u.client);
            if (w.clients[std::size_t(j)].owner == id) ++unassignedInBook;
        }
        CHECK(received + unassignedInBook == static_cast<int>(preview.book.size()));
        // The workspace itself is untouched.
        CHECK(std::string(baton::toString(w.employees[std::size_t(index)].status)) == "active");
    }

    TEST_CASE("preview is deterministic") {
        Workspace w = baton::generateWorkspace(baton::GenerateOptions{});
        std::string id = w.employees[std::size_t(firstOwnerIndex(w))].id;
        baton::WhatIfPreview a = baton::previewDeparture(w, id);
        baton::WhatIfPreview b = baton::previewDeparture(w, id);
        REQUIRE(a.receivers.size() == b.receivers.size());
        for (std::size_t i = 0; i < a.receivers.size(); ++i) {
            CHECK(a.receivers[i].employee == b.receivers[i].employee);
            CHECK(a.receivers[i].clients == b.receivers[i].clients);
        }
    }

    TEST_CASE("preview refuses what it cannot split") {
        Workspace w = riskWorkspace();
        CHECK(baton::previewDeparture(w, "E9").error == "employee \"E9\" not found");
        w.employees[0].status = EmployeeStatus::Leaving;
        CHECK(baton::previewDeparture(w, "E1").error.find("already leaving") != std::string::npos);
        w.employees[2].kind = baton::EmployeeKind::System;
        CHECK(baton::previewDeparture(w, "E3").error.find("system user") != std::string::npos);
        w.clients.pop_back();
        w.employees[2].kind = baton::EmployeeKind::Person;
        CHECK(baton::previewDeparture(w, "E3").error.find("owns no client") != std::string::npos);
    }

    TEST_CASE("key-person risk finds the lone cover") {
        Workspace w = riskWorkspace();
        baton::Evaluation evaluation = baton::evaluate(w, w.policy);
        baton::KeyPersonReport report = baton::keyPersonRisk(w, w.policy, evaluation);
        CHECK(report.scannedClients == 4);
        REQUIRE(report.clients.size() == 3);
        CHECK(w.clients[std::size_t(report.clients[0].client)].id == "C1");
        CHECK(report.clients[0].risk == "no_eligible_colleague");
        CHECK(report.clients[0].blockedBy.at("ineligible_need") == 3);
        CHECK(w.clients[std::size_t(report.clients[1].client)].id == "C3");
        CHECK(report.clients[1].risk == "no_room");
        CHECK(report.clients[1].blockedBy.at("capacity_full") == 1);
        CHECK(w.clients[std::size_t(report.clients[2].client)].id == "C2");
        CHECK(report.clients[2].risk == "one_colleague");
        CHECK(report.clients[2].onlyColleague == "E4");
        REQUIRE(report.owners.size() == 2);
        for (const baton::KeyPersonOwner& owner : report.owners) {
            CHECK(owner.clients == 1);
            std::string id = w.employees[std::size_t(owner.employee)].id;
            CHECK((id == "E2" || id == "E4"));
        }
    }

    TEST_CASE("key-person risk skips leavers' clients") {
        Workspace w = riskWorkspace();
        w.employees[1].status = EmployeeStatus::Departed;
        baton::Evaluation evaluation = baton::evaluate(w, w.policy);
        baton::KeyPersonReport report = baton::keyPersonRisk(w, w.policy, evaluation);
        CHECK(report.scannedClients == 3);
        for (const baton::KeyPersonRisk& risk : report.clients) {
            CHECK(w.clients[std::size_t(risk.client)].id != "C1");
        }
    }
}
