#include <doctest/doctest.h>

#include "app/chart_data.h"

namespace {

baton::Workspace threeClients() {
    baton::Workspace w;
    for (const char* id : {"E1", "E2", "E3"}) {
        baton::Employee e;
        e.id = id;
        e.name = id;
        w.employees.push_back(e);
    }
    w.employees[0].status = baton::EmployeeStatus::Departed;
    for (const char* id : {"C1", "C2", "C3"}) {
        baton::Client c;
        c.id = id;
        c.name = id;
        c.owner = "E1";
        w.clients.push_back(c);
    }
    return w;
}

}  // namespace

TEST_SUITE("chart data") {
    TEST_CASE("books before and after") {
        baton::Workspace w = threeClients();
        baton::Evaluation evaluation;
        evaluation.clients.resize(3);
        evaluation.clients[0].value = 10.0;
        evaluation.clients[1].value = 20.0;
        evaluation.clients[2].value = 30.0;
        baton::AllocationResult result;
        result.assignments.push_back(baton::Assignment{"C1", "E2"});
        result.assignments.push_back(baton::Assignment{"C2", "E3"});
        // C3 is unassigned and stays with E1.
        std::vector<baton::BookChange> books = baton::bookChanges(w, evaluation, result);
        REQUIRE(books.size() == 3);
        CHECK(books[0].employee == "E1");
        CHECK(books[0].valueBefore == 60.0);
        CHECK(books[0].valueAfter == 30.0);
        CHECK(books[0].clientsAfter == 1);
        CHECK(books[1].valueAfter == 10.0);
        CHECK(books[2].valueAfter == 20.0);
        CHECK(books[2].clientsBefore == 0);
    }

    TEST_CASE("histogram bins and clamps") {
        baton::Histogram h = baton::histogram({0.0, 9.9, 10.0, 55.0, 100.0, 120.0, -3.0}, 10,
                                              0.0, 100.0);
        REQUIRE(h.counts.size() == 10);
        CHECK(h.counts[0] == 3);  // 0, 9.9 and the clamped -3
        CHECK(h.counts[1] == 1);
        CHECK(h.counts[5] == 1);
        CHECK(h.counts[9] == 2);  // 100 closes the last bin; 120 is clamped
        CHECK(baton::histogram({1.0}, 0, 0.0, 1.0).counts.size() == 1);
    }
}
