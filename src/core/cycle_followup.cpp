// Handover tasks, follow-up outcomes, the follow-up dashboard and the policy review of a
// cycle; see core/cycle_ops.h.
#include <algorithm>
#include <cstdio>
#include <map>

#include "core/cycle_internal.h"
#include "core/cycle_ops.h"
#include "core/dates.h"
#include "core/evaluation.h"

namespace baton {

namespace {

using cycle_detail::done;
using cycle_detail::fail;

const ClientMove* findMove(const Cycle& cycle, const std::string& client) {
    for (const ClientMove& m : cycle.moves) {
        if (m.client == client) return &m;
    }
    return nullptr;
}

// An amount for a message in at most 6 significant digits: "1e+300", "250000".
std::string amountText(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", x);
    return text;
}

double ratio(double numerator, double denominator) {
    return denominator == 0.0 ? 0.0 : numerator / denominator;
}

// The revenue of `client` in the n days starting one year (365 days) before `finalDay`,
// where n is the number of days from the final to the outcome's date.
double revenueYearBefore(const Workspace& ws, const std::string& client, long long finalDay,
                         long long outcomeDay) {
    long long start = finalDay - 365;
    long long end = start + (outcomeDay - finalDay);
    double sum = 0.0;
    for (const Transaction& t : ws.transactions) {
        if (t.client != client) continue;
        std::optional<long long> day = parseIsoDate(t.date);
        if (day && *day >= start && *day < end) sum += t.amount;
    }
    return sum;
}

void finish(FollowUpFigures& f, double satisfactionSum, int satisfactionCount) {
    f.retentionRate = ratio(double(f.retained), double(f.recorded));
    f.revenueKept = ratio(f.revenueSince, f.revenueYearBefore);
    if (satisfactionCount > 0) f.satisfaction = satisfactionSum / satisfactionCount;
}

}  // namespace

bool isOverdue(const HandoverTask& task, const std::string& today) {
    return !task.done && !today.empty() && task.due < today;
}

CycleResult setTaskDone(Cycle& cycle, const std::string& client, const std::string& task,
                        bool isDone, const std::string& date) {
    if (cycle.stage < CycleStage::Final || cycle.stage == CycleStage::Closed) {
        return fail(std::string("handover tasks exist from the final until the cycle closes; "
                                "cycle ") +
                    cycle.id + " is at " + toString(cycle.stage));
    }
    if (isDone && !parseIsoDate(date)) {
        return fail("invalid date \"" + date + "\": use an ISO date YYYY-MM-DD");
    }
    if (isDone && date < cycle.dates.finalDate) {
        return fail("done date " + date + " of task " + task + " of " + client +
                    " is before the final date " + cycle.dates.finalDate +
                    ": use a date on or after " + cycle.dates.finalDate);
    }
    for (Handover& h : cycle.handovers) {
        if (h.client != client) continue;
        for (HandoverTask& t : h.tasks) {
            if (t.task != task) continue;
            t.done = isDone;
            t.doneOn = isDone ? date : "";
            return done("Handover of " + client + ": task " + task +
                        (isDone ? " done." : " reopened."));
        }
        return fail("client " + client + " has no handover task \"" + task + "\"");
    }
    return fail("client " + client + " was not moved in cycle " + cycle.id);
}

CycleResult setOutcome(Cycle& cycle, const ClientOutcome& outcome) {
    if (cycle.stage < CycleStage::Final || cycle.stage == CycleStage::Closed) {
        return fail(std::string("outcomes are recorded from the final until the cycle closes; "
                                "cycle ") +
                    cycle.id + " is at " + toString(cycle.stage));
    }
    if (!findMove(cycle, outcome.client)) {
        return fail("client " + outcome.client + " was not moved in cycle " + cycle.id);
    }
    if (outcome.satisfaction && !(*outcome.satisfaction >= 1.0 && *outcome.satisfaction <= 5.0)) {
        return fail("satisfaction of " + outcome.client + " must be from 1 to 5");
    }
    if (outcome.revenueSince && !(*outcome.revenueSince >= 0.0)) {
        return fail("revenue_since of " + outcome.client + " must be 0 or more");
    }
    if (outcome.revenueSince && !isTrustedAmount(*outcome.revenueSince)) {
        return fail("revenue_since of " + outcome.client + " is " +
                    amountText(*outcome.revenueSince) + ", at or above " +
                    amountText(kAbsurdAmount) +
                    ", the bound from which an amount is absurd: give the revenue since the "
                    "final in the company currency");
    }
    if (!parseIsoDate(outcome.date) || outcome.date < cycle.dates.finalDate) {
        return fail("the outcome date of " + outcome.client +
                    " must be an ISO date on or after "
                    "the final date " +
                    cycle.dates.finalDate);
    }
    auto it = std::find_if(cycle.outcomes.begin(), cycle.outcomes.end(),
                           [&](const ClientOutcome& o) { return o.client == outcome.client; });
    if (it == cycle.outcomes.end()) {
        cycle.outcomes.push_back(outcome);
    } else {
        *it = outcome;
    }
    std::sort(cycle.outcomes.begin(), cycle.outcomes.end(),
              [](const ClientOutcome& a, const ClientOutcome& b) { return a.client < b.client; });
    return done("Outcome of " + outcome.client + ": " + toString(outcome.outcome) + ".");
}

FollowUpDashboard followUpDashboard(const Workspace& workspace, const Cycle& cycle) {
    FollowUpDashboard board;
    board.cycle = cycle.id;
    std::map<std::string, FollowUpFigures> byEmployee;
    std::map<std::string, std::pair<double, int>> satisfaction;
    std::optional<long long> finalDay = parseIsoDate(cycle.dates.finalDate);
    for (const ClientMove& m : cycle.moves) {
        byEmployee[m.to].employee = m.to;
        ++byEmployee[m.to].clients;
    }
    for (const ClientOutcome& o : cycle.outcomes) {
        const ClientMove* move = findMove(cycle, o.client);
        if (!move || !finalDay) continue;
        FollowUpFigures& f = byEmployee[move->to];
        ++f.recorded;
        (o.outcome == OutcomeKind::Retained ? f.retained : f.lost) += 1;
        f.revenueSince += o.revenueSince.value_or(0.0);
        std::optional<long long> day = parseIsoDate(o.date);
        if (day) f.revenueYearBefore += revenueYearBefore(workspace, o.client, *finalDay, *day);
        if (o.satisfaction) {
            satisfaction[move->to].first += *o.satisfaction;
            ++satisfaction[move->to].second;
        }
    }
    double totalSatisfaction = 0.0;
    int totalCount = 0;
    for (auto& [id, f] : byEmployee) {
        finish(f, satisfaction[id].first, satisfaction[id].second);
        board.total.clients += f.clients;
        board.total.recorded += f.recorded;
        board.total.retained += f.retained;
        board.total.lost += f.lost;
        board.total.revenueSince += f.revenueSince;
        board.total.revenueYearBefore += f.revenueYearBefore;
        totalSatisfaction += satisfaction[id].first;
        totalCount += satisfaction[id].second;
        board.employees.push_back(f);
    }
    finish(board.total, totalSatisfaction, totalCount);
    if (board.total.recorded == 0) board.notes.push_back("no outcome is recorded yet");
    if (board.total.revenueYearBefore == 0.0 && board.total.recorded > 0) {
        board.notes.push_back("revenue kept is 0 because the year before had no revenue");
    }
    return board;
}

std::optional<PolicyReview> reviewPolicy(const Workspace& workspace, const Cycle& cycle,
                                         const Policy& other, const CycleRunner& run,
                                         std::string& error) {
    const AllocationResult* mine = cycle.currentResult();
    if (!mine) {
        error = "cycle " + cycle.id + " has no proposal yet: there is nothing to compare";
        return std::nullopt;
    }
    Policy policy = other;
    policy.pins.insert(policy.pins.end(), cycle.pins.begin(), cycle.pins.end());
    policy.forbids.insert(policy.forbids.end(), cycle.forbids.begin(), cycle.forbids.end());
    Workspace input = cycle.stage >= CycleStage::Final ? pastCycleInput(workspace, cycle)
                                                       : cycleInput(workspace, cycle);
    AllocationResult theirs = run(input, policy);
    PolicyReview review;
    review.cycle = cycle.id;
    review.cycleFigures = mine->figures;
    review.otherFigures = theirs.figures;
    review.cycleCertificates = mine->certificates;
    review.otherCertificates = theirs.certificates;
    review.changes = diffResults(*mine, theirs);
    std::map<std::string, int> placed;
    for (const Assignment& a : mine->assignments) placed[a.client] = 1;
    for (const Assignment& a : theirs.assignments) placed[a.client] = 1;
    review.clients = int(placed.size());
    std::map<std::string, int> changed;
    for (const ClientChange& c : review.changes) changed[c.client] = 1;
    for (const auto& [client, one] : placed) {
        if (!changed.count(client)) ++review.sameEmployee;
    }
    for (const ClientOutcome& o : cycle.outcomes) {
        if (o.outcome == OutcomeKind::Lost && changed.count(o.client)) ++review.lostElsewhere;
    }
    return review;
}

}  // namespace baton
