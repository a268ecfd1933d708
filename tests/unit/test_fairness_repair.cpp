// Properties of repairFairness on generated books, checked by code separate from the repair:
// the number placed, pins, eligibility and limits hold, the total violation does not grow,
// and the same input gives the same owners.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/allocation_context.h"
#include "core/candidates.h"
#include "core/evaluation.h"
#include "core/fairness_repair.h"
#include "core/generator.h"
#include "core/solver.h"

using namespace baton;

namespace {

// The flow optimum over the candidate graph, before any repair.
Placement solvePlain(const AllocationContext& c, CandidateGraph& graph) {
    CandidateBuilder builder(c, 8);
    graph = builder.build();
    std::vector<int> capacity = graph.capacity;
    for (int& x : capacity) x = std::max(0, x);
    TransportAuction auction(capacity, graph.arcs);
    auction.solve();
    Placement p;
    p.owner = c.pinned;
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        p.owner[std::size_t(graph.clients[s])] = auction.assignedEmployee(int(s));
    }
    return p;
}

// The repair's objective recomputed from its definition: per receiver, the value deficit
// after adding the best client outside its bundle, over the mean target, plus the
// difficulty excess after dropping its hardest client, over the mean share.
double totalViolation(const AllocationContext& c, const std::vector<int>& owner) {
    std::size_t m = c.receivers.size();
    std::vector<double> value(m, 0.0), difficulty(m, 0.0), hardest(m, 0.0);
    double sumD = 0.0, sumW = 0.0, sumT = 0.0;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += c.difficultyOf(pos);
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        value[std::size_t(r)] += c.valueOf(pos);
        difficulty[std::size_t(r)] += c.difficultyOf(pos);
        hardest[std::size_t(r)] = std::max(hardest[std::size_t(r)], c.difficultyOf(pos));
    }
    for (std::size_t r = 0; r < m; ++r) {
        sumW += c.weights[r];
        sumT += c.targets[r];
    }
    double total = 0.0;
    for (std::size_t r = 0; r < m; ++r) {
        double outside = 0.0;
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (owner[std::size_t(pos)] != int(r)) outside = std::max(outside, c.valueOf(pos));
        }
        double deficit = c.targets[r] - value[r] - outside;
        double share = c.weights[r] / sumW * sumD;
        double excess = difficulty[r] - hardest[r] - share;
        total += std::max(0.0, deficit) / (sumT / double(m)) +
                 std::max(0.0, excess) / (sumD / double(m));
    }
    return total;
}

std::vector<bool> withinLimits(const AllocationContext& c, const std::vector<int>& owner) {
    std::size_t m = c.receivers.size();
    std::vector<int> count(m, 0);
    std::vector<double> workload(m, 0.0), value(m, 0.0);
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        count[std::size_t(r)] += 1;
        workload[std::size_t(r)] += c.workloadOf(pos);
        value[std::size_t(r)] += c.valueOf(pos);
    }
    std::vector<bool> fits(m, false);
    for (std::size_t r = 0; r < m; ++r) fits[r] = c.fitsLimits(int(r), count[r], workload[r], value[r]);
    return fits;
}

struct Case {
    const char* family;
    std::uint64_t seed;
    bool valueCap;
};

}  // namespace

TEST_SUITE("fairness repair") {
    TEST_CASE("repair keeps hard constraints") {
        for (Case k : {Case{"mixed", 1, false}, Case{"skewed", 2, false}, Case{"tight", 3, true},
                       Case{"sparse_eligibility", 4, true}, Case{"heavy_tailed", 5, true}}) {
            GenerateOptions g;
            g.seed = k.seed;
            g.employees = 25;
            g.clients = 1500;
            g.leavers = 5;
            g.family = k.family;
            Workspace ws = generateWorkspace(g);
            Policy policy = ws.policy;
            if (k.valueCap) policy.constraints.maxValueShare = 0.12;
            Evaluation ev = evaluate(ws, policy);
            AllocationContext c(ws, policy, ev, 7);
            CandidateGraph graph;
            Placement p = solvePlain(c, graph);
            std::vector<int> before = p.owner;
            FairnessRepairStats stats = repairFairness(c, p, graph, 5000);
            INFO(k.family, " seed ", k.seed);

            auto placed = [](const std::vector<int>& owner) {
                return std::count_if(owner.begin(), owner.end(), [](int r) { return r >= 0; });
            };
            CHECK(placed(p.owner) == placed(before));
            int moved = 0;
            for (int pos = 0; pos < c.releasedCount(); ++pos) {
                int r = p.owner[std::size_t(pos)];
                if (c.pinned[std::size_t(pos)] >= 0) CHECK(r == before[std::size_t(pos)]);
                if (r == before[std::size_t(pos)]) continue;
                moved += 1;
                CHECK(c.staticReason(pos, r) == "");
            }
            CHECK(moved == stats.moves);
            // The plain solve ignores the workload and value limits, so only receivers within
            // them before the repair must stay within them.
            std::vector<bool> fitBefore = withinLimits(c, before);
            std::vector<bool> fitAfter = withinLimits(c, p.owner);
            for (std::size_t r = 0; r < fitBefore.size(); ++r) {
                if (fitBefore[r]) CHECK(fitAfter[r]);
            }
            CHECK(totalViolation(c, p.owner) <= totalViolation(c, before) + 1e-9);

            Placement again = solvePlain(c, graph);
            repairFairness(c, again, graph, 5000);
            CHECK(again.owner == p.owner);
        }
    }
}
