#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "allocation_fixtures.h"
#include "app/overrides.h"
#include "core/allocation.h"
#include "core/evaluation.h"

using namespace baton;
using baton::test::makeClient;
using baton::test::makeEmployee;

namespace {

// E1 leaves with C1-C3; E2 and E3 can take every client, E4 lacks lang:ja that C3 needs,
// E5 has departed. C9 stays with E2, so it is not released.
Workspace overridesWorkspace() {
    Workspace w;
    w.employees.push_back(makeEmployee("E1", EmployeeStatus::Leaving, {"lang:ja"}));
    w.employees.push_back(makeEmployee("E2", EmployeeStatus::Active, {"lang:ja"}));
    w.employees.push_back(makeEmployee("E3", EmployeeStatus::Active, {"lang:ja"}, 1));
    w.employees.push_back(makeEmployee("E4", EmployeeStatus::Active, {}));
    w.employees.push_back(makeEmployee("E5", EmployeeStatus::Departed, {"lang:ja"}));
    w.clients.push_back(makeClient("C1", "E1"));
    w.clients.push_back(makeClient("C2", "E1"));
    w.clients.push_back(makeClient("C3", "E1", {"lang:ja"}));
    w.clients.push_back(makeClient("C9", "E2"));
    return w;
}

std::string ownerIn(const AllocationResult& result, const std::string& client) {
    for (const Assignment& a : result.assignments) {
        if (a.client == client) return a.employee;
    }
    return "";
}

}  // namespace

TEST_CASE("pin keeps its trimmed reason") {
    Workspace w = overridesWorkspace();
    OverrideEdit edit = addOverride(w, OverrideKind::Pin, "C1", "E3", "  knows the CFO \n");
    REQUIRE(edit.policy);
    CHECK(edit.error.empty());
    CHECK(edit.policy->version == w.policy.version + 1);
    REQUIRE(edit.policy->pins.size() == 1);
    CHECK(edit.policy->pins[0].client == "C1");
    CHECK(edit.policy->pins[0].employee == "E3");
    CHECK(edit.policy->pins[0].reason == "knows the CFO");
}

TEST_CASE("pin replaces the client's earlier pin") {
    Workspace w = overridesWorkspace();
    w.policy.pins.push_back(PairOverride{"C1", "E2", "first"});
    w.policy.pins.push_back(PairOverride{"C2", "E2", "other client"});
    OverrideEdit edit = addOverride(w, OverrideKind::Pin, "C1", "E3", "moved");
    REQUIRE(edit.policy);
    REQUIRE(edit.policy->pins.size() == 2);
    CHECK(edit.policy->pins[0].client == "C2");
    CHECK(edit.policy->pins[1].employee == "E3");
    CHECK(edit.policy->pins[1].reason == "moved");
}

TEST_CASE("pin drops a forbid of the same pair") {
    Workspace w = overridesWorkspace();
    w.policy.forbids.push_back(PairOverride{"C1", "E3", "old"});
    w.policy.forbids.push_back(PairOverride{"C1", "E2", "keep"});
    OverrideEdit edit = addOverride(w, OverrideKind::Pin, "C1", "E3", "changed my mind");
    REQUIRE(edit.policy);
    REQUIRE(edit.policy->forbids.size() == 1);
    CHECK(edit.policy->forbids[0].employee == "E2");
    CHECK(edit.policy->pins.size() == 1);
}

TEST_CASE("override without a reason is rejected") {
    Workspace w = overridesWorkspace();
    for (const char* reason : {"", "   ", "\t\n"}) {
        OverrideEdit pin = addOverride(w, OverrideKind::Pin, "C1", "E2", reason);
        CHECK_FALSE(pin.policy);
        CHECK(pin.error.find("reason is missing") != std::string::npos);
        OverrideEdit forbid = addOverride(w, OverrideKind::Forbid, "C1", "E2", reason);
        CHECK_FALSE(forbid.policy);
    }
}

TEST_CASE("pin to an ineligible pair is rejected") {
    Workspace w = overridesWorkspace();
    OverrideEdit need = addOverride(w, OverrideKind::Pin, "C3", "E4", "r");
    CHECK_FALSE(need.policy);
    CHECK(need.error.find("ineligible_need") != std::string::npos);
    OverrideEdit departed = addOverride(w, OverrideKind::Pin, "C1", "E5", "r");
    CHECK_FALSE(departed.policy);
    CHECK(departed.error.find("ineligible_status") != std::string::npos);
    OverrideEdit kept = addOverride(w, OverrideKind::Pin, "C9", "E3", "r");
    CHECK_FALSE(kept.policy);
    CHECK(kept.error.find("not in the released book") != std::string::npos);
    OverrideEdit unknown = addOverride(w, OverrideKind::Pin, "C1", "E99", "r");
    CHECK_FALSE(unknown.policy);
    CHECK(unknown.error.find("E99 not found") != std::string::npos);
    OverrideEdit noClient = addOverride(w, OverrideKind::Forbid, "C99", "E2", "r");
    CHECK_FALSE(noClient.policy);
    CHECK(noClient.error.find("C99 not found") != std::string::npos);
}

TEST_CASE("forbid drops the pin of the same pair") {
    Workspace w = overridesWorkspace();
    w.policy.pins.push_back(PairOverride{"C1", "E2", "pinned"});
    OverrideEdit edit = addOverride(w, OverrideKind::Forbid, "C1", "E2", "conflict of interest");
    REQUIRE(edit.policy);
    CHECK(edit.policy->pins.empty());
    REQUIRE(edit.policy->forbids.size() == 1);
    CHECK(edit.policy->forbids[0].reason == "conflict of interest");
}

TEST_CASE("forbid twice replaces the reason") {
    Workspace w = overridesWorkspace();
    w.policy.forbids.push_back(PairOverride{"C1", "E2", "first"});
    OverrideEdit edit = addOverride(w, OverrideKind::Forbid, "C1", "E2", "second");
    REQUIRE(edit.policy);
    REQUIRE(edit.policy->forbids.size() == 1);
    CHECK(edit.policy->forbids[0].reason == "second");
}

TEST_CASE("remove override by pair") {
    Workspace w = overridesWorkspace();
    w.policy.pins.push_back(PairOverride{"C1", "E2", "a"});
    w.policy.forbids.push_back(PairOverride{"C2", "E3", "b"});
    OverrideEdit pin = removeOverride(w.policy, OverrideKind::Pin, "C1", "E2");
    REQUIRE(pin.policy);
    CHECK(pin.policy->pins.empty());
    CHECK(pin.policy->forbids.size() == 1);
    CHECK(pin.policy->version == w.policy.version + 1);
    OverrideEdit wrongKind = removeOverride(w.policy, OverrideKind::Forbid, "C1", "E2");
    CHECK_FALSE(wrongKind.policy);
    CHECK(wrongKind.error.find("no forbid C1") != std::string::npos);
}

TEST_CASE("move targets list eligible receivers") {
    Workspace w = overridesWorkspace();
    std::vector<MoveTarget> c3 = moveTargets(w, w.policy, "C3", "E2");
    REQUIRE(c3.size() == 1);
    CHECK(c3[0].employee == "E3");
    CHECK(c3[0].room == 1);
    std::vector<MoveTarget> c1 = moveTargets(w, w.policy, "C1", "E3");
    REQUIRE(c1.size() == 2);
    CHECK(c1[0].employee == "E2");
    CHECK(c1[1].employee == "E4");
    w.policy.forbids.push_back(PairOverride{"C1", "E4", "no"});
    CHECK(moveTargets(w, w.policy, "C1", "E3").size() == 1);
    CHECK(moveTargets(w, w.policy, "C9", "E2").empty());
    CHECK(moveTargets(w, w.policy, "C99", "E2").empty());
}

TEST_CASE("allocation follows override edits") {
    Workspace w = overridesWorkspace();
    OverrideEdit pin = addOverride(w, OverrideKind::Pin, "C1", "E4", "speaks to the owner");
    REQUIRE(pin.policy);
    w.policy = *pin.policy;
    AllocationResult pinned = allocate(w, w.policy, evaluate(w, w.policy), AllocateOptions{});
    CHECK(ownerIn(pinned, "C1") == "E4");

    OverrideEdit forbid = addOverride(w, OverrideKind::Forbid, "C3", "E2", "past dispute");
    REQUIRE(forbid.policy);
    w.policy = *forbid.policy;
    AllocationResult forbidden = allocate(w, w.policy, evaluate(w, w.policy), AllocateOptions{});
    CHECK(ownerIn(forbidden, "C1") == "E4");
    CHECK(ownerIn(forbidden, "C3") == "E3");
}
