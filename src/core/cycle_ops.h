// Operations on a reassignment cycle. They start it and advance its stages with their
// preconditions, turn accepted appeals into overrides, re-run and diff the allocation, make
// it final (owners, open deals and notes move), and keep handover tasks, follow-up
// outcomes, the follow-up dashboard and the policy review. Every date is an ISO date the
// caller gives, because nothing here reads a clock.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/model.h"

namespace baton {

struct CycleResult {
    bool ok = false;
    std::string message;  // why it was rejected, or what changed
};

// Runs the allocation of `input` under `policy` (the caller evaluates and hashes).
using CycleRunner = std::function<AllocationResult(const Workspace& input, const Policy& policy)>;

struct CycleStart {
    std::string id;    // empty: "cycle-N" with the next free N
    std::string date;  // the departure date
    std::vector<CycleLeaver> leavers;
    std::vector<std::string> keep;
    std::optional<CycleSettings> settings;
};

// Rejects `date`, the date on which a step was done (`field`, such as "decision date"), when
// it is after `today`. An empty or invalid `today` or `date` passes, so callers without a
// clock skip the check.
CycleResult checkDoneDate(const std::string& field, const std::string& date,
                          const std::string& today);

// The index of the latest cycle that is not Closed, or -1.
int openCycleIndex(const Workspace& workspace);

// Starts a cycle at Departure and marks each leaver's status and last day in the
// workspace. Every other leaving or departed person who owns a client is listed as a
// leaver too, because the policy releases their clients as well. Rejected while another
// cycle is open or when a leaver is unknown.
CycleResult startCycle(Workspace& workspace, const CycleStart& start);
// The leaving or departed persons who own a client but are not leavers of `cycle`, with
// their status and last day from the workspace.
std::vector<CycleLeaver> unlistedLeavers(const Workspace& workspace, const Cycle& cycle);
// Adds unlistedLeavers() to the cycle's leavers; returns the sentence that names them, or
// "" when there are none.
std::string listReleasedLeavers(const Workspace& workspace, Cycle& cycle);
// Adds (or updates) a leaver during Departure.
CycleResult addLeaver(Workspace& workspace, Cycle& cycle, const CycleLeaver& leaver);
// Keeps a client with the firm's key-account team (or releases it again) before Proposal.
CycleResult setKept(const Workspace& workspace, Cycle& cycle, const std::string& client, bool keep);
CycleResult setSettings(Cycle& cycle, const CycleSettings& settings);

// Advances to `target`, which must be the next stage. RulesPublished freezes a copy of
// the workspace policy. Proposal runs `run` and sets the objection end. ObjectionsClosed
// needs every appeal decided and `date` after the objection end. Final locks the current
// result (re-run first when the overrides changed since the last run), moves owners and
// open deals and creates the handover tasks.
CycleResult advanceCycle(Workspace& workspace, Cycle& cycle, CycleStage target,
                         const std::string& date, const CycleRunner& run);

// The frozen policy with the cycle's overrides appended to its pins and forbids.
Policy cyclePolicy(const Cycle& cycle);
// The workspace the cycle allocates: the kept clients become key accounts.
Workspace cycleInput(const Workspace& workspace, const Cycle& cycle);
// A past cycle's input: the owners and open deals' employees before its final restored, and
// the leavers' statuses as the cycle had them.
Workspace pastCycleInput(const Workspace& workspace, const Cycle& cycle);

// Files an appeal while the window is open; sets its id, status and filing date. A pin
// appeal is rejected when its employee cannot receive clients (not an active person).
CycleResult fileAppeal(const Workspace& workspace, Cycle& cycle, Appeal& appeal);
// Accepts or rejects an open appeal with a written reason. An accepted appeal adds one pin
// or forbid per client, with the reason "appeal A1: <reason>". Accepting a pin appeal is
// rejected when its employee can no longer receive clients in `workspace`.
CycleResult decideAppeal(const Workspace& workspace, Cycle& cycle, const std::string& appealId,
                         bool accept, const std::string& reason, const std::string& date);
// Re-runs the allocation with the overrides; before the final only.
CycleResult rerunCycle(const Workspace& workspace, Cycle& cycle, const CycleRunner& run);

struct ClientChange {
    std::string client;
    std::optional<std::string> before;  // employee in the proposal; null: unassigned
    std::optional<std::string> after;   // employee in the re-run; null: unassigned
};

struct CycleDiff {
    bool hasRerun = false;
    std::vector<ClientChange> moved;  // sorted by client id
    Figures before;
    Figures after;
    Certificates certificatesBefore;
    Certificates certificatesAfter;
};

// The re-run against the proposal; empty when there is no re-run.
CycleDiff diffCycle(const Cycle& cycle);
// The clients placed differently by two results, sorted by client id.
std::vector<ClientChange> diffResults(const AllocationResult& before,
                                      const AllocationResult& after);

// True when the task is open and its due date is before `today`.
bool isOverdue(const HandoverTask& task, const std::string& today);
CycleResult setTaskDone(Cycle& cycle, const std::string& client, const std::string& task, bool done,
                        const std::string& date);

// Records (or replaces) the outcome of a moved client, from Final on.
CycleResult setOutcome(Cycle& cycle, const ClientOutcome& outcome);

// Follow-up figures of one receiving employee, or of the whole cycle (employee "").
struct FollowUpFigures {
    std::string employee;
    int clients = 0;   // clients moved to the employee
    int recorded = 0;  // with an outcome
    int retained = 0;
    int lost = 0;
    double retentionRate = 0.0;  // retained / recorded, 0 when nothing is recorded
    double revenueSince = 0.0;
    double revenueYearBefore = 0.0;
    double revenueKept = 0.0;            // revenueSince / revenueYearBefore, 0 when that is 0
    std::optional<double> satisfaction;  // mean of the recorded satisfactions
};

struct FollowUpDashboard {
    std::string cycle;
    std::vector<FollowUpFigures> employees;  // sorted by employee id
    FollowUpFigures total;
    std::vector<std::string> notes;
};

// Per recorded client, the revenue of the year before is the sum of its transactions
// dated in [final - 365, final - 365 + n), where n is the number of days from the final
// date to the outcome's date. That is the same stretch of time one year earlier.
FollowUpDashboard followUpDashboard(const Workspace& workspace, const Cycle& cycle);

struct PolicyReview {
    std::string cycle;
    int clients = 0;        // clients placed by either run
    int sameEmployee = 0;   // placed with the same employee by both
    int lostElsewhere = 0;  // clients recorded as lost that the other policy places elsewhere
    Figures cycleFigures;
    Figures otherFigures;
    Certificates cycleCertificates;
    Certificates otherCertificates;
    std::vector<ClientChange> changes;  // before: the cycle's result, after: the other policy
};

// Re-runs a cycle's input under `other` (with the cycle's overrides) and compares it with
// the result the cycle locked (or its current result before the final).
std::optional<PolicyReview> reviewPolicy(const Workspace& workspace, const Cycle& cycle,
                                         const Policy& other, const CycleRunner& run,
                                         std::string& error);

}  // namespace baton
