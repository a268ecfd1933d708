#include "core/explanations.h"

#include <algorithm>
#include <iterator>

#include "core/explanation_codes.h"
#include "core/fixed_text.h"
#include "core/side_task.h"
#include "core/workspace_warnings.h"

namespace baton {

namespace {

struct Loads {
    std::vector<int> count;
    std::vector<double> workload;
};

Loads loadsOf(const AllocationContext& c, const std::vector<int>& owner) {
    Loads l{std::vector<int>(c.receivers.size(), 0), std::vector<double>(c.receivers.size(), 0.0)};
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = owner[std::size_t(pos)];
        if (r < 0) continue;
        l.count[std::size_t(r)] += 1;
        l.workload[std::size_t(r)] += c.workloadOf(pos);
    }
    return l;
}

std::vector<FitTerm> termsOf(const FitBreakdown& b) {
    return {{"prefers", b.prefers},
            {"industry", b.industry},
            {"region", b.region},
            {"language", b.language},
            {"continuity", b.continuity}};
}

const char* lostSentence(const std::string& code) {
    if (code == "capacity_full") return "was at max_clients";
    if (code == "workload_full") return "had no workload room";
    if (code == "ineligible_status") return "cannot receive clients (not active)";
    if (code == "ineligible_need") return "lacks a needed skill";
    if (code == "conflict") return "has a conflict or personal relationship with the client";
    if (code == "forbidden") return "is forbidden for this client by the policy";
    if (code == "team_boundary") return "is outside the previous owner's team";
    if (code == "share_cap") return "would exceed the max_value_share cap";
    if (code == "fairness_target_met") return "had already reached its target";
    return "has a lower fit";
}

struct Candidate {
    int employee;  // workspace index
    double fit;
};

// The runners-up: the client's candidates and its previous owner, receivers first, then
// best fit first.
std::vector<RunnerUp> runnersUp(const AllocationContext& c, const std::vector<TransportArc>* arcs,
                                int pos, int chosen, const Loads& loads) {
    int j = c.released[std::size_t(pos)];
    std::vector<Candidate> pool;
    if (arcs) {
        for (const TransportArc& a : *arcs) {
            // An arc carries FitModel's fit of its pair.
            if (a.employee == chosen) continue;
            pool.push_back(
                {c.receivers[std::size_t(a.employee)], double(a.fit) / double(kFitScale)});
        }
    }
    int previous = c.eligibility.previousOwner(j);
    bool present = std::any_of(pool.begin(), pool.end(),
                               [&](const Candidate& x) { return x.employee == previous; });
    if (previous >= 0 && !present && c.receiverPos[std::size_t(previous)] != chosen) {
        pool.push_back({previous, c.fit.breakdown(j, previous).fit});
    }
    // Only the best two are reported. An employee who can never receive (not active, or a
    // system user) comes after every receiver whatever its fit, so it is listed only when
    // fewer than two receivers are left. Employee ids are unique, so the order is total.
    auto canReceive = [&](const Candidate& x) {
        return c.receiverPos[std::size_t(x.employee)] >= 0;
    };
    auto topTwo = pool.begin() + std::ptrdiff_t(std::min<std::size_t>(2, pool.size()));
    std::partial_sort(pool.begin(), topTwo, pool.end(),
                      [&](const Candidate& a, const Candidate& b) {
                          if (canReceive(a) != canReceive(b)) return canReceive(a);
                          if (a.fit != b.fit) return a.fit > b.fit;
                          return c.workspace.employees[std::size_t(a.employee)].id <
                                 c.workspace.employees[std::size_t(b.employee)].id;
                      });
    std::vector<RunnerUp> out;
    for (auto it = pool.begin(); it != topTwo; ++it) {
        const Candidate& x = *it;
        int r = c.receiverPos[std::size_t(x.employee)];
        std::string code = r < 0 ? "ineligible_status" : c.staticReason(pos, r);
        if (code.empty()) {
            const auto& wl = c.workloadRoom[std::size_t(r)];
            if (loads.count[std::size_t(r)] >= c.room[std::size_t(r)])
                code = "capacity_full";
            else if (wl && loads.workload[std::size_t(r)] + c.workloadOf(pos) > *wl + kTolerance)
                code = "workload_full";
            else
                code = "lower_fit";
        }
        out.push_back({c.workspace.employees[std::size_t(x.employee)].id, x.fit, code});
    }
    return out;
}

// Returns how a baseline method chose the winner, the first reason of a pair that the fair
// solver would explain by fit. Returns an empty string for the fair solver.
std::string baselineChoice(const std::string& method, const std::string& winner) {
    if (method == "round_robin") {
        return "round robin gave the client to " + winner + " in turn, without regard to fit";
    }
    if (method == "greedy_fit") {
        return winner +
               " had the best fit among the employees with room when the greedy pass "
               "reached this client";
    }
    if (method == "weighted_picking") {
        return winner + " picked this client in turn in the weighted picking sequence";
    }
    if (method == "proposal") return "the manager's proposal places the client with " + winner;
    return {};
}

// The first reason of a best_fit winner. When every fit weight is 0, or every candidate of
// the client has fit 0, the code marks a tie at fit 0, and the sentence states that the fit
// did not choose and what did.
std::string bestFitSentence(const Assignment& a, FitTie tie, const std::string& choice) {
    if (!choice.empty()) return choice;
    const std::string settled =
        ", so the fit did not choose " + a.employee +
        ": the allocation as a whole, with every employee's room and fair share, placed the "
        "client there (ties go by the seeded lottery)";
    if (tie == FitTie::WeightsZero)
        return "every fit is 0 because the policy's fit weights are all 0" + settled;
    if (tie == FitTie::FitsZero) {
        return "every candidate has fit 0 for this client (no preference, industry, region, "
               "language or continuity match)" +
               settled;
    }
    return a.employee + " gives the best fit the allocation as a whole allows";
}

Assignment explainOne(const AllocationContext& c, const std::vector<TransportArc>* arcs, int pos,
                      int r, const Loads& loads, const std::string& method) {
    Assignment a;
    const Employee& e = c.receiver(r);
    FitBreakdown fit = c.fitOf(pos, r);
    a.client = c.client(pos).id;
    a.employee = e.id;
    a.fit = fit.fit;
    a.value = c.valueOf(pos);
    a.difficulty = c.difficultyOf(pos);
    a.breakdown = termsOf(fit);
    a.runnersUp = runnersUp(c, arcs, pos, r, loads);
    const std::string choice = baselineChoice(method, e.id);
    bool served = fit.continuity > 0.0 ||
                  c.fit.servedBefore(c.released[std::size_t(pos)], c.receivers[std::size_t(r)]);
    if (c.pinned[std::size_t(pos)] == r) {
        a.wonBecause = "pinned";
        a.reasons.push_back("pinned to " + e.id + " by the policy");
    } else if (arcs && arcs->size() == 1 && arcs->front().employee == r) {
        // A manual proposal may place the client with someone outside its one candidate.
        a.wonBecause = "only_eligible";
        a.reasons.push_back(e.id + " is the only eligible employee with room");
    } else if (served) {
        a.wonBecause = "continuity";
        a.reasons.push_back(e.id + " served this client before");
    } else {
        a.wonBecause = "best_fit";
        FitTie tie = fitTieOf(a, fitWeightsAllZero(c.policy.fit));
        a.reasons.push_back(bestFitSentence(a, tie, choice));
    }
    a.reasons.push_back("fit " + fixedText(fit.fit, 3) + ": prefers " + fixedText(fit.prefers, 3) +
                        ", industry " + fixedText(fit.industry, 3) + ", region " +
                        fixedText(fit.region, 3) + ", language " + fixedText(fit.language, 3) +
                        ", continuity " + fixedText(fit.continuity, 3));
    for (const RunnerUp& u : a.runnersUp) {
        // lower_fit also covers an equal or higher fit, where the flow, the lottery or the
        // fairness repair chose.
        std::string sentence = lostSentence(u.lostBecause);
        if (!choice.empty() && u.lostBecause == "lower_fit" && u.fit >= a.fit) {
            sentence =
                "has " + std::string(u.fit == a.fit ? "the same" : "a higher") + " fit; " + choice;
        } else if (u.lostBecause == "lower_fit" && u.fit == a.fit) {
            sentence = "has the same fit; the allocation as a whole placed the client with " +
                       a.employee + " (ties go by the seeded lottery)";
        } else if (u.lostBecause == "lower_fit" && u.fit > a.fit) {
            // The runner-up has room at the end, but the flow, with every client's room and
            // the fairness repair, placed this client with the winner.
            sentence =
                "has a higher fit for this client alone; the allocation as a whole, "
                "with every employee's room and fair share, placed it with " +
                a.employee;
        }
        a.reasons.push_back(u.employee + " (fit " + fixedText(u.fit, 3) + ") " + sentence);
    }
    return a;
}

// Notes a fit policy whose weights are all 0, which makes every best_fit a tie.
void noteZeroFit(const FitPolicy& fit, std::vector<std::string>& notes) {
    if (!fitWeightsAllZero(fit)) return;
    notes.emplace_back(
        "policy fit.weights are all 0, so every fit is 0: best_fit marks a tie of every "
        "eligible employee, which the allocation as a whole settles (ties go by the seeded "
        "lottery)");
}

// The explanations of a range of released positions.
struct ExplainedPart {
    std::vector<Assignment> assignments;
    std::vector<Unassigned> unassigned;
};

}  // namespace

void explainPlacement(const AllocationContext& c, const CandidateGraph& graph,
                      const Placement& placement, AllocationResult& result) {
    std::vector<int> arcIndex(c.released.size(), -1);
    for (std::size_t s = 0; s < graph.clients.size(); ++s)
        arcIndex[std::size_t(graph.clients[s])] = int(s);
    Loads loads = loadsOf(c, placement.owner);
    // Explains the released positions [from, to) into `part`.
    auto explainRange = [&](int from, int to, ExplainedPart& part) {
        for (int pos = from; pos < to; ++pos) {
            int r = placement.owner[std::size_t(pos)];
            if (r < 0) {
                part.unassigned.push_back({c.client(pos).id, placement.reason[std::size_t(pos)],
                                           placement.detail[std::size_t(pos)]});
                continue;
            }
            int s = arcIndex[std::size_t(pos)];
            const std::vector<TransportArc>* arcs = s >= 0 ? &graph.arcs[std::size_t(s)] : nullptr;
            part.assignments.push_back(explainOne(c, arcs, pos, r, loads, result.method));
        }
    };
    // The first half beside the second (core/side_task.h); the parts join in order.
    int half = c.releasedCount() / 2;
    ExplainedPart first;
    ExplainedPart second;
    SideTask firstHalf([&] { explainRange(0, half, first); });
    explainRange(half, c.releasedCount(), second);
    firstHalf.join();
    result.assignments = std::move(first.assignments);
    result.unassigned = std::move(first.unassigned);
    std::move(second.assignments.begin(), second.assignments.end(),
              std::back_inserter(result.assignments));
    std::move(second.unassigned.begin(), second.unassigned.end(),
              std::back_inserter(result.unassigned));

    noteZeroFit(c.policy.fit, result.notes);

    // Per receiver: value, difficulty and count of what it receives in this placement.
    std::size_t m = std::size_t(c.receiverCount());
    std::vector<double> value(m, 0.0), difficulty(m, 0.0);
    std::vector<int> count(m, 0);
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = placement.owner[std::size_t(pos)];
        if (r < 0) continue;
        value[std::size_t(r)] += c.valueOf(pos);
        difficulty[std::size_t(r)] += c.difficultyOf(pos);
        count[std::size_t(r)] += 1;
    }
    result.employees.clear();
    for (int r = 0; r < c.receiverCount(); ++r) {
        EmployeeOutcome o;
        o.employee = c.receiver(r).id;
        o.entitlement = roundDecimals(c.shares[std::size_t(r)], 6);
        o.targetValue = roundDecimals(c.targets[std::size_t(r)], 4);
        o.targetDifficulty = roundDecimals(c.difficultyShares[std::size_t(r)], 4);
        o.receivedValue = roundDecimals(value[std::size_t(r)], 4);
        o.receivedDifficulty = roundDecimals(difficulty[std::size_t(r)], 4);
        o.clients = count[std::size_t(r)];
        o.bookAfter = c.eligibility.keptClients(c.receivers[std::size_t(r)]) + o.clients;
        result.employees.push_back(o);
    }
}

}  // namespace baton
