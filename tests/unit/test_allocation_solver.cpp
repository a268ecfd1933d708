#include <doctest/doctest.h>

#include <functional>

#include "core/rng.h"
#include "core/solver.h"

using namespace baton;

namespace {

struct Score {
    int placed = 0;
    std::int64_t fit = 0;
    bool operator<(const Score& o) const {
        return placed != o.placed ? placed < o.placed : fit < o.fit;
    }
};

// Enumerates every choice of each client (an arc or unplaced) under the capacities.
Score bruteForce(const std::vector<int>& capacity,
                 const std::vector<std::vector<TransportArc>>& arcs) {
    std::vector<int> load(capacity.size(), 0);
    Score best;
    std::function<void(std::size_t, Score)> visit = [&](std::size_t j, Score s) {
        if (j == arcs.size()) {
            if (best < s) best = s;
            return;
        }
        visit(j + 1, s);
        for (const TransportArc& a : arcs[j]) {
            if (load[std::size_t(a.employee)] >= capacity[std::size_t(a.employee)]) continue;
            load[std::size_t(a.employee)] += 1;
            visit(j + 1, Score{s.placed + 1, s.fit + a.fit});
            load[std::size_t(a.employee)] -= 1;
        }
    };
    visit(0, Score{});
    return best;
}

Score scoreOf(const TransportAuction& auction) {
    Score s;
    for (int j = 0; j < auction.clientCount(); ++j) {
        int k = auction.assignedEmployee(j);
        if (k < 0) continue;
        s.placed += 1;
        for (const TransportArc& a : auction.arcs(j)) {
            if (a.employee == k) s.fit += a.fit;
        }
    }
    return s;
}

}  // namespace

TEST_SUITE("solver") {
    TEST_CASE("auction solves a hand-checked case") {
        // Two clients both prefer employee 0 (capacity 1); the optimum gives client 1 to
        // employee 0 (gain 0.9 - 0.1 = 0.8 over 0.5 - 0.4 = 0.1) and client 0 to employee 1.
        std::vector<std::vector<TransportArc>> arcs = {{{0, 500000}, {1, 400000}},
                                                       {{0, 900000}, {1, 100000}}};
        TransportAuction auction({1, 1}, arcs);
        AuctionStats stats = auction.solve();
        CHECK(stats.converged);
        CHECK(auction.assignedEmployee(0) == 1);
        CHECK(auction.assignedEmployee(1) == 0);
        CHECK(auction.checkComplementarySlackness());
    }

    TEST_CASE("auction places more clients before more fit") {
        // Client 0 fits employee 0 perfectly, but client 1 can only go to employee 0, so
        // placing both sends client 0 to employee 1.
        std::vector<std::vector<TransportArc>> arcs = {{{0, 1000000}, {1, 0}}, {{0, 0}}};
        TransportAuction auction({1, 1}, arcs);
        auction.solve();
        CHECK(auction.assignedEmployee(0) == 1);
        CHECK(auction.assignedEmployee(1) == 0);
    }

    TEST_CASE("auction leaves clients unplaced when capacity runs out") {
        std::vector<std::vector<TransportArc>> arcs = {{{0, 10}}, {{0, 20}}, {{0, 30}}};
        TransportAuction auction({2}, arcs);
        auction.solve();
        CHECK(auction.assignedEmployee(0) == -1);
        CHECK(auction.assignedEmployee(1) == 0);
        CHECK(auction.assignedEmployee(2) == 0);
        CHECK(auction.checkComplementarySlackness());
    }

    TEST_CASE("auction ends a contest for scarce slots in few bids") {
        // With 300 employees BIG is about 3 x 10^8 while these fits span 1,000 units, so
        // the 16 excess clients must bid two prices up by BIG before staying unplaced wins.
        // Steps of the fit-range epsilon would take millions of bids.
        std::vector<int> capacity(300, 0);
        capacity[0] = 2;
        capacity[1] = 2;
        std::vector<std::vector<TransportArc>> arcs;
        for (int j = 0; j < 20; ++j) {
            arcs.push_back({{0, 500000 + j * 50}, {1, 500000 + (j * 37) % 1000}});
        }
        TransportAuction auction(capacity, arcs);
        AuctionStats stats = auction.solve();
        CHECK(stats.converged);
        CHECK(scoreOf(auction).placed == 4);
        CHECK(auction.checkComplementarySlackness());
        CHECK(stats.bids < 5000);
    }

    TEST_CASE("auction matches brute force on random instances") {
        SplitMix64 rng(2024);
        for (int round = 0; round < 300; ++round) {
            int n = 1 + int(rng.below(7));
            int m = 1 + int(rng.below(4));
            std::vector<int> capacity;
            for (int k = 0; k < m; ++k) capacity.push_back(int(rng.below(3)));
            std::vector<std::vector<TransportArc>> arcs{std::size_t(n)};
            for (int j = 0; j < n; ++j) {
                for (int k = 0; k < m; ++k) {
                    if (rng.below(3) == 0) continue;
                    // Few distinct fits, so that ties are common.
                    arcs[std::size_t(j)].push_back({k, std::int64_t(rng.below(4)) * 250000});
                }
            }
            TransportAuction auction(capacity, arcs);
            AuctionStats stats = auction.solve();
            Score expected = bruteForce(capacity, arcs);
            Score got = scoreOf(auction);
            REQUIRE(stats.converged);
            CHECK(got.placed == expected.placed);
            CHECK(got.fit == expected.fit);
            CHECK(auction.checkComplementarySlackness());
        }
    }
}
