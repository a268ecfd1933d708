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

// Per receiver: the value, difficulty and hardest difficulty received; and the sums of
// the released difficulty, the weights and the targets.
struct Totals {
    std::vector<double> value, difficulty, hardest;
    double sumD = 0.0, sumW = 0.0, sumT = 0.0;
};

Totals totalsOf(const AllocationContext& c, const std::vector<int>& owner) {
    std::size_t m = c.receivers.size();
    Totals t;
    t.value.assign(m, 0.0);
    t.difficulty.assign(m, 0.0);
    t.hardest.assign(m, 0.0);
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        t.sumD += c.difficultyOf(pos);
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        t.value[std::size_t(r)] += c.valueOf(pos);
        t.difficulty[std::size_t(r)] += c.difficultyOf(pos);
        t.hardest[std::size_t(r)] = std::max(t.hardest[std::size_t(r)], c.difficultyOf(pos));
    }
    for (std::size_t r = 0; r < m; ++r) {
        t.sumW += c.weights[r];
        t.sumT += c.targets[r];
    }
    return t;
}

// The repair's objective recomputed from its definition: per receiver, the value deficit
// after adding the best client outside its bundle, over the mean target, plus the
// difficulty excess after dropping its hardest client, over the mean share.
double totalViolation(const AllocationContext& c, const std::vector<int>& owner) {
    std::size_t m = c.receivers.size();
    Totals t = totalsOf(c, owner);
    double total = 0.0;
    for (std::size_t r = 0; r < m; ++r) {
        double outside = 0.0;
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (owner[std::size_t(pos)] != int(r)) outside = std::max(outside, c.valueOf(pos));
        }
        double deficit = c.targets[r] - t.value[r] - outside;
        double share = c.weights[r] / t.sumW * t.sumD;
        double excess = t.difficulty[r] - t.hardest[r] - share;
        total += std::max(0.0, deficit) / (t.sumT / double(m)) +
                 std::max(0.0, excess) / (t.sumD / double(m));
    }
    return total;
}

// The levelling's balance measure recomputed: squared ratios of received value to target
// and of received difficulty to share, weighted by target and share.
double balanceMeasure(const AllocationContext& c, const std::vector<int>& owner) {
    Totals t = totalsOf(c, owner);
    double sum = 0.0;
    for (std::size_t r = 0; r < c.receivers.size(); ++r) {
        double share = c.weights[r] / t.sumW * t.sumD;
        sum += t.value[r] * t.value[r] / c.targets[r] / t.sumT;
        sum += t.difficulty[r] * t.difficulty[r] / share / t.sumD;
    }
    return sum;
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
    for (std::size_t r = 0; r < m; ++r)
        fits[r] = c.fitsLimits(int(r), count[r], workload[r], value[r]);
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
            int levelledOnly = 0;
            for (int pos = 0; pos < c.releasedCount(); ++pos) {
                int r = p.owner[std::size_t(pos)];
                if (c.pinned[std::size_t(pos)] >= 0) CHECK(r == before[std::size_t(pos)]);
                if (r == before[std::size_t(pos)]) continue;
                moved += 1;
                CHECK(c.staticReason(pos, r) == "");
                // A changed owner comes from a repair step or from the levelling.
                CHECK((stats.moved[std::size_t(pos)] || stats.levelledMask[std::size_t(pos)]));
                if (!stats.moved[std::size_t(pos)]) levelledOnly += 1;
            }
            CHECK(moved == stats.moves + levelledOnly);
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

    // With every fit weight 0 all fits tie, so the flow's choice among receivers is
    // arbitrary. The levelling must then lower the balance measure without changing the
    // fit, and leave the total violation no higher.
    TEST_CASE("levelling among equal fits evens out the shares") {
        GenerateOptions g;
        g.seed = 11;
        g.employees = 12;
        g.clients = 300;
        g.leavers = 3;
        g.family = "mixed";
        Workspace ws = generateWorkspace(g);
        Policy policy = ws.policy;
        policy.fit = FitPolicy{0.0, 0.0, 0.0, 0.0, 0.0};
        Evaluation ev = evaluate(ws, policy);
        AllocationContext c(ws, policy, ev, 7);
        CandidateGraph graph;
        Placement p = solvePlain(c, graph);
        std::vector<int> before = p.owner;
        double violationBefore = totalViolation(c, before);
        FairnessRepairStats stats = repairFairness(c, p, graph, 5000);
        CHECK(stats.levelled > 0);
        CHECK(totalViolation(c, p.owner) <= violationBefore + 1e-9);
        std::int64_t fitBefore = 0, fitAfter = 0;
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (before[std::size_t(pos)] >= 0)
                fitBefore += c.fitMicroOf(pos, before[std::size_t(pos)]);
            if (p.owner[std::size_t(pos)] >= 0)
                fitAfter += c.fitMicroOf(pos, p.owner[std::size_t(pos)]);
        }
        CHECK(fitAfter == fitBefore);
        CHECK(balanceMeasure(c, p.owner) < balanceMeasure(c, before));
    }
}
