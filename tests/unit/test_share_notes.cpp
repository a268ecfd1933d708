#include <doctest/doctest.h>

#include "core/share_notes.h"

using namespace baton;

namespace {

// A result with one receiver per target and the given placed values, all with WPROP1 on
// value passing. `owners[k]` is the receiver index of the k-th placed client.
AllocationResult resultOf(const std::vector<double>& targets, const std::vector<double>& values,
                          const std::vector<int>& owners) {
    AllocationResult r;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        EmployeeOutcome e;
        e.employee = "E" + std::to_string(i + 1);
        e.targetValue = targets[i];
        e.entitlement = 1.0 / double(targets.size());
        r.employees.push_back(e);
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
        Assignment a;
        a.client = "C" + std::to_string(k + 1);
        a.value = values[k];
        EmployeeOutcome& owner = r.employees[std::size_t(owners[k])];
        a.employee = owner.employee;
        owner.clients += 1;
        owner.receivedValue += values[k];
        r.assignments.push_back(a);
    }
    r.certificates.wprop1Value = true;
    return r;
}

}  // namespace

TEST_SUITE("share notes") {
    TEST_CASE("receivers without a share are not counted") {
        // E3 and E4 have no room, so their entitlement and target are 0: two clients among
        // the two receivers with a share leave none without a client.
        AllocationResult r = resultOf({10, 10, 0, 0}, {25, 15}, {0, 1});
        r.employees[2].entitlement = 0.0;
        r.employees[3].entitlement = 0.0;
        CHECK_FALSE(shareNotes(r).noClient);
        r.employees[3].entitlement = 0.25;
        ShareNotes notes = shareNotes(r);
        REQUIRE(notes.noClient);
        CHECK(notes.noClient->receivers == 3);
        CHECK(notes.noClient->withoutClient == 1);
    }

    TEST_CASE("fewer clients than receivers") {
        AllocationResult r = resultOf({10, 10, 10, 10}, {25, 15}, {0, 0});
        ShareNotes notes = shareNotes(r);
        REQUIRE(notes.noClient);
        CHECK(notes.noClient->receivers == 4);
        CHECK(notes.noClient->withoutClient == 3);
        CHECK(notes.noClient->placed == 2);
        CHECK(notes.noClient->fewerClientsThanReceivers());
        CHECK(notes.noClient->largestValue == doctest::Approx(25.0));
        CHECK(notes.noClient->largestTarget == doctest::Approx(10.0));
    }

    TEST_CASE("receivers without a client beyond the count") {
        // Three clients among five receivers leave two without one by count alone. All three
        // go to E1 (two by continuity, one by best fit), so two more get none by choice.
        AllocationResult r = resultOf({10, 10, 10, 10, 10}, {25, 15, 5}, {0, 0, 0});
        r.assignments[0].wonBecause = "continuity";
        r.assignments[1].wonBecause = "continuity";
        r.assignments[2].wonBecause = "best_fit";
        ShareNotes notes = shareNotes(r);
        REQUIRE(notes.noClient);
        const NoClientNote& n = *notes.noClient;
        CHECK(n.withoutClient == 4);
        CHECK(n.withoutClientByCount() == 2);
        CHECK(n.withoutClientByChoice() == 2);
        CHECK(n.withClient() == 1);
        CHECK(n.byContinuity == 2);
        CHECK(n.byBestFit == 1);
        CHECK(n.byOnlyEligible == 0);
        CHECK(n.byPin == 0);
        CHECK(n.byFairness == 0);
    }

    TEST_CASE("no note when every receiver gets a client") {
        AllocationResult r = resultOf({10, 10}, {12, 8}, {0, 1});
        ShareNotes notes = shareNotes(r);
        CHECK_FALSE(notes.noClient);
        CHECK_FALSE(notes.overTarget);
    }

    TEST_CASE("no note when WPROP1 on value fails") {
        AllocationResult r = resultOf({10, 10, 10, 10}, {25, 15}, {0, 0});
        r.certificates.wprop1Value = false;
        ShareNotes notes = shareNotes(r);
        CHECK_FALSE(notes.noClient);
        CHECK_FALSE(notes.overTarget);
    }

    TEST_CASE("no note without a placed client") {
        AllocationResult r = resultOf({10, 10}, {}, {});
        CHECK_FALSE(shareNotes(r).noClient);
    }

    TEST_CASE("as many clients as receivers needs a large client") {
        // Three clients among three receivers: E3 gets none, so a placed client must be
        // worth at least its target for the note to explain it.
        AllocationResult large = resultOf({10, 10, 10}, {12, 11, 2}, {0, 1, 1});
        ShareNotes notes = shareNotes(large);
        REQUIRE(notes.noClient);
        CHECK_FALSE(notes.noClient->fewerClientsThanReceivers());
        CHECK(notes.noClient->withoutClient == 1);
        CHECK(notes.noClient->largestValue == doctest::Approx(12.0));

        AllocationResult small = resultOf({10, 10, 10}, {9, 8, 2}, {0, 1, 1});
        CHECK_FALSE(shareNotes(small).noClient);
    }

    TEST_CASE("over target names the furthest receiver") {
        // E1 is at 250% of its target, E2 at 160%, E3 at 0%.
        AllocationResult r = resultOf({10, 10, 10}, {25, 16}, {0, 1});
        ShareNotes notes = shareNotes(r);
        REQUIRE(notes.overTarget);
        CHECK(notes.overTarget->employee == "E1");
        CHECK(notes.overTarget->clients == 1);
        CHECK(notes.overTarget->received == doctest::Approx(25.0));
        CHECK(notes.overTarget->target == doctest::Approx(10.0));
        CHECK(notes.overTarget->deviation == doctest::Approx(1.5));
    }

    TEST_CASE("no over-target note up to twice the target") {
        AllocationResult r = resultOf({10, 10}, {20, 5}, {0, 1});
        CHECK_FALSE(shareNotes(r).overTarget);
    }
}
