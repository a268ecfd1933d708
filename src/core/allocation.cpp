#include "core/allocation.h"

#include <algorithm>

#include "core/allocation_context.h"
#include "core/baselines.h"
#include "core/candidates.h"
#include "core/certificates.h"
#include "core/explanations.h"
#include "core/fairness_repair.h"
#include "core/limit_repair.h"
#include "core/side_task.h"
#include "core/solver.h"

namespace baton {

namespace {

constexpr int kMaxDenseRounds = 30;

// CPU time of this thread: the phase timings for benchmarks, steadier than wall time on a
// shared machine. They never reach the result's JSON, so they cannot affect determinism.
double cpuSeconds() {
    return threadCpuSeconds();
}

struct FairOutcome {
    Placement placement;
    Optimality optimality;
    double flowFit = 0.0;  // total fit of the flow optimum, before the limit repair
    double hardFit = 0.0;  // total fit under the hard constraints, before the fairness repair
    std::vector<char> movedForFairness;  // per released position
    std::vector<char> levelled;          // per released position: moved among equal fits
};

// At most this many client-receiver pairs weighed by the limit repair, and as many again by
// the refill after it.
constexpr long long kRefillBudget = 20'000'000;
// At most this many refills after the fairness repair are followed by the repair again.
constexpr int kRefillRounds = 2;
// The size limits of the exact search for a placement with more clients, which runs when the
// limits bind: the released clients in the book and the nodes it visits.
constexpr int kExactPackClients = 64;
constexpr long long kExactPackNodes = 2'000'000;

// At most this many fairness steps per run. A step moves one client or swaps two, so a
// balanced book can need a few steps per receiver.
int fairnessMoveCap(const AllocationContext& c) {
    return std::min(std::max(5000, 25 * c.receiverCount()), 4 * c.releasedCount() + 16);
}

double totalFit(const AllocationContext& c, const std::vector<int>& owner) {
    std::int64_t micro = 0;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r >= 0) micro += c.fitMicroOf(pos, r);
    }
    return double(micro) / double(kFitScale);
}

// Reports a phase through options.onPhase when the caller set one.
void reportPhase(const AllocateOptions& options, const char* phase, double fraction) {
    if (options.onPhase) options.onPhase(phase, fraction);
}

// The flow part of one solve: the auction over the candidate graph down to its stop
// epsilon, then rounds of adding back the omitted pairs the dense check finds.
struct FlowRun {
    DenseCheck dense;
    AuctionStats stats;
    int rounds = 0;
};

FlowRun settleFlow(TransportAuction& auction, const CandidateBuilder& builder,
                   const CandidateGraph& graph, AuctionStats stats, AllocationResult& result) {
    FlowRun run;
    run.stats = stats;
    run.dense = builder.check(auction, graph);
    for (; run.rounds < kMaxDenseRounds && !run.dense.violations.empty(); ++run.rounds) {
        result.counters["added arcs"] += (long long)run.dense.violations.size();
        run.stats = auction.addArcsAndResolve(run.dense.violations);
        run.dense = builder.check(auction, graph);
    }
    return run;
}

// The auction's prices as the result states them: one price per receiver, its cheapest
// slot's. They bound the fit no higher than the slot prices do, and anyone can recheck them.
DualPrices dualPrices(const AllocationContext& c, const CandidateGraph& graph,
                      const TransportAuction& auction, int placed) {
    DualPrices dual;
    dual.scale = auction.scale();
    dual.placement = auction.big() * auction.scale();
    dual.placed = placed;
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (graph.capacity[std::size_t(r)] <= 0) continue;
        std::int64_t price = auction.minPrice(r);
        if (price > 0) dual.prices[c.receiver(r).id] = price;
    }
    return dual;
}

// Places the flow's assignments after the pins, and states its fit and the dual bound.
// The flow is proven optimal only when the auction ran down to epsilon 1.
void placeFlow(const AllocationContext& c, const CandidateGraph& graph,
               const TransportAuction& auction, const FlowRun& run, FairOutcome& out, bool& proven,
               double& bound) {
    Placement& p = out.placement;
    p.owner.assign(c.released.size(), -1);
    p.reason.assign(c.released.size(), "");
    p.detail.assign(c.released.size(), "");
    for (int pos = 0; pos < c.releasedCount(); ++pos)
        p.owner[std::size_t(pos)] = c.pinned[std::size_t(pos)];
    int placed = 0;
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        p.owner[std::size_t(graph.clients[s])] = auction.assignedEmployee(int(s));
        placed += auction.assignedEmployee(int(s)) >= 0 ? 1 : 0;
    }
    out.flowFit = totalFit(c, p.owner);
    proven = run.stats.converged && run.dense.violations.empty() && auction.epsilon() == 1 &&
             auction.checkComplementarySlackness();
    // The dual bound on sum (BIG + fit), less the placements, bounds the fit.
    double pinnedFit = out.flowFit;
    for (std::size_t s = 0; s < graph.clients.size(); ++s) {
        int r = auction.assignedEmployee(int(s));
        if (r >= 0) pinnedFit -= c.fitOf(graph.clients[s], r).fit;
    }
    auto boundMicro =
        std::int64_t(run.dense.upperBound / auction.scale() - __int128(placed) * auction.big());
    bound = std::max(out.flowFit, pinnedFit + double(boundMicro) / double(kFitScale));
    out.optimality.dual = dualPrices(c, graph, auction, placed);
}

// Adds the figures of a later fairness repair to those of the first. A client counts as
// moved when either repair changed its owner.
void mergeRepairs(FairnessRepairStats& total, const FairnessRepairStats& later) {
    total.steps += later.steps;
    total.swaps += later.swaps;
    total.searches += later.searches;
    total.fullSearches += later.fullSearches;
    total.levelled += later.levelled;
    total.capped = total.capped || later.capped;
    total.moves = 0;
    for (std::size_t pos = 0; pos < total.moved.size(); ++pos) {
        total.moved[pos] = total.moved[pos] || later.moved[pos];
        total.moves += total.moved[pos];
        if (pos < later.levelledMask.size() && later.levelledMask[pos]) {
            total.levelledMask.resize(total.moved.size(), 0);
            total.levelledMask[pos] = 1;
        }
    }
}

// The limit repair and the fairness repair of a placed flow. Returns whether the limit
// repair moved anything.
bool repairPlacement(const AllocationContext& c, const CandidateGraph& graph, FairOutcome& out,
                     FairnessRepairStats& fairness, AllocationResult& result,
                     const AllocateOptions& options) {
    double start = cpuSeconds();
    Placement& p = out.placement;
    bool repaired = repairLimits(c, p, kRefillBudget);
    if (repaired) result.counters["limit refills"] = refillLimits(c, p, kRefillBudget);
    if (repaired && c.releasedCount() <= kExactPackClients)
        result.counters["exact packings"] = packExactly(c, p, kExactPackNodes) ? 1 : 0;
    c.explainUnassigned(p);
    out.hardFit = totalFit(c, p.owner);
    result.timings["2d limit repair"] = cpuSeconds() - start;
    reportPhase(options, "fairness repair", 0.45);
    start = cpuSeconds();
    fairness = repairFairness(c, p, graph, fairnessMoveCap(c));
    // The fairness repair moves clients between receivers, which can make room for a client
    // the limit repair left out. Placing more clients comes first, then fairness again.
    // The last refill is not followed by the repair, so that no client stays out where a
    // receiver has room. On a large book the repair runs once, because at L with max_workload
    // binding the runs after a refill took ten times as long as the first (30 s against 3 s).
    int rounds = c.releasedCount() <= kExactPackClients ? kRefillRounds : 0;
    for (int round = 0; repaired; ++round) {
        int placed = refillLimits(c, p, kRefillBudget);
        if (placed == 0) break;
        result.counters["limit refills"] += placed;
        if (round >= rounds) break;
        mergeRepairs(fairness, repairFairness(c, p, graph, fairnessMoveCap(c)));
    }
    result.timings["2e fairness repair"] = cpuSeconds() - start;
    return repaired;
}

void noteRepairs(bool repaired, bool stopped, const FairnessRepairStats& fairness,
                 std::vector<std::string>& notes) {
    if (repaired)
        notes.push_back(
            "max_workload or max_value_share binds: clients were moved by a greedy repair, so the "
            "fit is bounded, not proven optimal");
    if (stopped)
        notes.push_back(
            "the solver stopped before proving optimality; upper_bound is the dual bound");
    if (fairness.moves > 0) {
        notes.push_back(
            std::to_string(fairness.moves) +
            (fairness.moves == 1 ? " client was" : " clients were") +
            " moved from their best-fit owner toward the employees' weighted shares of value "
            "and difficulty (WPROP1); upper_bound bounds the fit without fairness, so the gap "
            "bounds the fit given up");
    }
    if (fairness.capped) {
        notes.push_back(
            "the fairness repair stopped at its move limit with guarantees still failing");
    }
}

// The best-fit flow under the hard constraints, then the fairness repair. The auction
// first stops at a coarse epsilon: when the repair then moves clients, the fit is only
// bounded anyway, and the dual bound of the coarse prices serves. When nothing moves, the
// auction runs on to epsilon 1 so that the fit is proven optimal. The arcs of the solve,
// the graph's and those the dense check added, go to `solved`.
FairOutcome solveFair(const AllocationContext& c, const CandidateBuilder& builder,
                      const CandidateGraph& graph, CandidateGraph& solved, AllocationResult& result,
                      const AllocateOptions& options) {
    std::vector<int> capacity = graph.capacity;
    for (int& x : capacity) x = std::max(0, x);
    reportPhase(options, "auction", 0.25);
    TransportAuction auction(capacity, graph.arcs);
    double start = cpuSeconds();
    AuctionStats stats = auction.solve(auction.coarseEpsilon(kFlowSlackMicro));
    result.timings["2b auction"] = cpuSeconds() - start;
    start = cpuSeconds();
    FlowRun run = settleFlow(auction, builder, graph, stats, result);
    result.timings["2c dense check and resolve"] = cpuSeconds() - start;

    FairOutcome out;
    bool proven = false;
    double bound = 0.0;
    solved.clients = graph.clients;
    solved.capacity = graph.capacity;
    solved.omittedFit = graph.omittedFit;
    solved.arcs.resize(graph.arcs.size());
    for (std::size_t s = 0; s < graph.clients.size(); ++s) solved.arcs[s] = auction.arcs(int(s));
    placeFlow(c, solved, auction, run, out, proven, bound);
    FairnessRepairStats fairness;
    bool repaired = repairPlacement(c, solved, out, fairness, result, options);
    if (auction.epsilon() > 1 && !repaired && fairness.moves == 0) {
        start = cpuSeconds();
        run = settleFlow(auction, builder, graph, auction.refine(), result);
        result.timings["2f refinement"] = cpuSeconds() - start;
        for (std::size_t s = 0; s < graph.clients.size(); ++s)
            solved.arcs[s] = auction.arcs(int(s));
        placeFlow(c, solved, auction, run, out, proven, bound);
        repaired = repairPlacement(c, solved, out, fairness, result, options);
    }
    result.counters["phases"] = run.stats.phases;
    result.counters["dense rounds"] = run.rounds;
    result.counters["bids"] = run.stats.bids;
    result.counters["reverse steps"] = run.stats.reverseSteps;
    out.movedForFairness = std::move(fairness.moved);
    out.levelled = std::move(fairness.levelledMask);
    result.counters["levelling moves"] = fairness.levelled;
    result.counters["fairness moves"] = fairness.moves;
    result.counters["fairness steps"] = fairness.steps;
    result.counters["fairness swaps"] = fairness.swaps;
    result.counters["fairness searches"] = fairness.searches;
    result.counters["fairness full searches"] = fairness.fullSearches;
    double achieved = totalFit(c, out.placement.owner);
    out.optimality.status = proven && !repaired && fairness.moves == 0 ? "optimal" : "bound";
    out.optimality.upperBound = roundDecimals(proven ? out.flowFit : bound, 6);
    double gap = out.optimality.upperBound > 0.0
                     ? (out.optimality.upperBound - achieved) / out.optimality.upperBound
                     : 0.0;
    out.optimality.gap = roundDecimals(std::max(0.0, gap), 6);
    bool stopped = !run.stats.converged || !run.dense.violations.empty();
    noteRepairs(repaired, stopped, fairness, result.notes);
    return out;
}

// Says so in the explanation of each client the fairness repair or the levelling moved.
void markFairnessMoves(const AllocationContext& c, const FairOutcome& fair,
                       AllocationResult& result) {
    for (Assignment& a : result.assignments) {
        int pos = c.positionOf(a.client);
        if (pos < 0) continue;
        if (!fair.movedForFairness[std::size_t(pos)]) {
            if (std::size_t(pos) < fair.levelled.size() && fair.levelled[std::size_t(pos)]) {
                a.reasons.push_back("other employees fit this client equally well; giving it to " +
                                    a.employee +
                                    " keeps the shares of value and difficulty "
                                    "closest to the targets");
            }
            continue;
        }
        a.wonBecause = "fairness_balance";
        a.reasons.insert(a.reasons.begin(),
                         a.employee +
                             " receives this client to bring the employees closer to their "
                             "weighted shares of the released value and difficulty");
        for (RunnerUp& u : a.runnersUp) {
            if (u.fit > a.fit && u.lostBecause == "lower_fit")
                u.lostBecause = "fairness_target_met";
        }
    }
}

// The baselines on the context and the candidate graph as the candidates phase built it,
// with their certificates. Their figures wait for the best fit that the solve finds.
struct BaselineRun {
    std::map<std::string, Placement> placements;
    std::map<std::string, FairnessInput> inputs;
    std::map<std::string, Certificates> certificates;
    std::vector<std::string> breaches;  // of the proposal under review
    double seconds = 0.0;
};

void runBaselines(const AllocationContext& c, const CandidateGraph& graph,
                  const AllocateOptions& options, BaselineRun& run) {
    double start = cpuSeconds();
    run.placements.emplace("round_robin", roundRobin(c));
    run.placements.emplace("greedy_fit", greedyFit(c, graph));
    run.placements.emplace("weighted_picking", weightedPicking(c, graph));
    if (options.proposal) {
        run.placements.emplace("proposal", proposalPlacement(c, *options.proposal, run.breaches));
    }
    for (const auto& [name, placement] : run.placements) {
        FairnessInput in = c.fairnessInput(placement.owner);
        run.certificates[name] = computeCertificates(in, c.blame(placement.owner));
        run.inputs.emplace(name, std::move(in));
    }
    run.seconds = cpuSeconds() - start;
}

int placedCount(const Placement& p) {
    int placed = 0;
    for (int r : p.owner) placed += r >= 0 ? 1 : 0;
    return placed;
}

// Returns the best total fit known under the hard constraints, the reference of the price
// of fairness. The limit repair is greedy and the first solve stops near the optimum, so the
// fair placement, or a baseline that places as many clients under the same limits, can fit
// better than the placement before the fairness repair. The proposal under review may break
// limits, so it does not count.
double bestKnownFit(const AllocationContext& c, const FairOutcome& fair, const BaselineRun& run,
                    std::vector<std::string>& notes) {
    const int placed = placedCount(fair.placement);
    double best = std::max(fair.hardFit, totalFit(c, fair.placement.owner));
    std::string source = best > fair.hardFit ? "the fair allocation" : "";
    for (const auto& [name, placement] : run.placements) {
        if (name == "proposal" || placedCount(placement) < placed) continue;
        double fit = totalFit(c, placement.owner);
        if (fit > best) {
            best = fit;
            source = "the " + name + " baseline";
        }
    }
    if (!source.empty())
        notes.push_back(
            "price_of_fairness is measured against " + source +
            ", which fits better than the placement the solve found before the fairness repair");
    return best;
}

// Explains a baseline's negative price of fairness: it places fewer clients than the fair
// allocation, so its fit can exceed the best fit of the placements with the most clients.
void noteFewerPlaced(const AllocationContext& c, const std::string& name, const Figures& figures,
                     int fairPlaced, std::vector<std::string>& notes) {
    if (figures.priceOfFairness >= 0.0) return;
    int placed = c.releasedCount() - figures.unassigned;
    notes.push_back("baseline " + name + " places " + std::to_string(placed) +
                    " clients, fewer than the fair allocation's " + std::to_string(fairPlaced) +
                    ", so its total fit can exceed the best fit with the most clients placed: "
                    "its price_of_fairness is negative");
}

// Writes each baseline's figures and certificates, and the proposal's breaches, into the
// result.
void summariseBaselines(const AllocationContext& c, const FairOutcome& fair, BaselineRun& run,
                        double bestFit, const AllocateOptions& options, AllocationResult& result) {
    for (const auto& [name, in] : run.inputs) {
        BaselineSummary& summary = result.baselines[name];
        std::vector<std::string> ignored;
        summary.certificates = std::move(run.certificates[name]);
        summary.figures = computeFigures(in, bestFit, ignored);
        noteFewerPlaced(c, name, summary.figures, placedCount(fair.placement), result.notes);
    }
    if (options.proposal) result.baselines["proposal"].breaches = run.breaches;
}

// Returns the placement that `--baseline` names, or the fair one, and sets the method.
const Placement* chosenPlacement(const FairOutcome& fair, const BaselineRun& run,
                                 const AllocateOptions& options, AllocationResult& result) {
    if (options.baseline.empty()) return &fair.placement;
    auto it = run.placements.find(options.baseline);
    if (it == run.placements.end()) {
        result.notes.push_back("baseline " + options.baseline +
                               " is not available; the fair allocation is returned");
        return &fair.placement;
    }
    result.method = options.baseline;
    return &it->second;
}

// Notes the receivers that stay below their target value even with one more released
// client, the WPROP1 on value test, each with the limit that forces it where one does.
// Adds nothing when every receiver passes.
void noteShortOfTarget(const AllocationContext& c, const FairnessInput& in,
                       std::vector<std::string>& notes) {
    std::vector<double> received(in.employeeIds.size(), 0.0);
    std::vector<std::size_t> byValue(in.clientIds.size());
    for (std::size_t j = 0; j < in.clientIds.size(); ++j) {
        byValue[j] = j;
        if (in.owner[j] >= 0) received[std::size_t(in.owner[j])] += in.values[j];
    }
    std::sort(byValue.begin(), byValue.end(), [&](std::size_t a, std::size_t b) {
        return in.values[a] != in.values[b] ? in.values[a] > in.values[b] : a < b;
    });
    // Only the first five are named, so only they pay for shortOfTarget's O(n) search.
    constexpr std::size_t kNamed = 5;
    std::size_t count = 0;
    std::string named;
    for (std::size_t r = 0; r < in.employeeIds.size(); ++r) {
        // The test adds the most valuable released client outside r's bundle.
        double outside = 0.0;
        for (std::size_t j : byValue) {
            if (in.owner[j] == int(r)) continue;
            outside = in.values[j];
            break;
        }
        if (received[r] + outside + kTolerance >= in.targets[r]) continue;
        count += 1;
        if (count > kNamed) continue;
        std::optional<std::string> cause = c.shortOfTarget(int(r));
        named += (count > 1 ? "; " : "") + in.employeeIds[r] + " (" +
                 (cause ? "forced by " + *cause : "no single limit forces it") + ")";
    }
    if (count == 0) return;
    std::string text =
        c.policy.entitlement.bookTopUp
            ? "the book top-up sets each target from the whole book, without regard to the "
              "employee's room; "
            : "";
    text += std::to_string(count) +
            (count == 1 ? " receiver stays below its target value"
                        : " receivers stay below their target values") +
            " even with one more released client (WPROP1 on value): " + named;
    if (count > kNamed) text += "; …";
    notes.push_back(text);
}

CandidateGraph buildCandidates(const CandidateBuilder& builder, AllocationResult& result) {
    double start = cpuSeconds();
    CandidateGraph graph = builder.build();
    result.timings["2a candidates"] = cpuSeconds() - start;
    long long arcs = 0;
    for (const auto& list : graph.arcs) arcs += (long long)list.size();
    result.counters["candidate arcs"] = arcs;
    return graph;
}

}  // namespace

AllocationResult allocate(const Workspace& workspace, const Policy& policy,
                          const Evaluation& evaluation, const AllocateOptions& options) {
    AllocationResult result;
    double mark = cpuSeconds();
    auto lap = [&](const char* phase) {
        double now = cpuSeconds();
        result.timings[phase] = now - mark;
        mark = now;
    };
    Policy effective = policy;
    if (options.seed) effective.seed = *options.seed;
    reportPhase(options, "context", 0.0);
    AllocationContext c(workspace, effective, evaluation, effective.seed);
    lap("1 context");
    result.seed = effective.seed;
    result.policyVersion = effective.version;
    result.inputSha256 = options.inputSha256;
    result.policy = effective;
    result.notes = c.notes;

    reportPhase(options, "candidates", 0.2);
    CandidateBuilder builder(c, kCandidatesPerClient);
    CandidateGraph graph = buildCandidates(builder, result);
    // The baselines run beside the solve and read `graph`, which the solve leaves as it is:
    // its arcs, with those the dense check adds, go to `solved`.
    BaselineRun baselineRun;
    SideTask baselineTask(
        [&c, &options, &baselineRun, &graph] { runBaselines(c, graph, options, baselineRun); });
    CandidateGraph solved;
    FairOutcome fair = solveFair(c, builder, graph, solved, result, options);
    lap("2 candidates and solve");
    reportPhase(options, "baselines", 0.65);
    baselineTask.join();
    double bestFit = bestKnownFit(c, fair, baselineRun, result.notes);
    summariseBaselines(c, fair, baselineRun, bestFit, options, result);
    lap("3 baselines");
    result.timings["3 baselines"] += baselineRun.seconds;

    const Placement* chosen = chosenPlacement(fair, baselineRun, options, result);
    reportPhase(options, "explanations", 0.7);
    explainPlacement(c, solved, *chosen, result);
    if (chosen == &fair.placement) markFairnessMoves(c, fair, result);
    lap("4 explanations");
    reportPhase(options, "certificates", 0.85);
    FairnessInput in = c.fairnessInput(chosen->owner);
    result.certificates = computeCertificates(in, c.blame(chosen->owner));
    if (!result.certificates.wprop1Value) noteShortOfTarget(c, in, result.notes);
    result.figures = computeFigures(in, bestFit, result.notes);
    if (!hasDifficultyInputs(workspace)) result.notes.push_back(noDifficultyInputsNote());
    lap("5 certificates");
    result.optimality = fair.optimality;
    // A baseline's fit is bounded by the fair solve's bound, never proven optimal.
    if (chosen != &fair.placement) {
        result.optimality.status = "bound";
        double fit = result.figures.totalFit;
        double ub = fair.optimality.upperBound;
        result.optimality.gap = roundDecimals(ub > 0.0 ? std::max(0.0, (ub - fit) / ub) : 0.0, 6);
    }
    return result;
}

}  // namespace baton
