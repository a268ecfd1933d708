// The reassignment cycle: stages with dates, the leavers, the clients kept with the firm,
// the policy frozen for the cycle, the proposal, appeals and the overrides they produce,
// the final moves, handover task lists and follow-up outcomes. Plain data; the operations
// are in core/cycle_ops.h and the JSON form in io/cycle_json.h.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/allocation_result.h"
#include "core/policy.h"

namespace baton {

// The stages in the order a cycle passes them. The objection window is open during
// Proposal and closes when the cycle advances to ObjectionsClosed.
enum class CycleStage {
    Departure,
    RulesPublished,
    Proposal,
    ObjectionsClosed,
    Final,
    Handover,
    FollowUp,
    Closed
};

const char* toString(CycleStage stage);
std::optional<CycleStage> parseCycleStage(const std::string& text);
// Every stage in order, for timelines.
const std::vector<CycleStage>& allCycleStages();

struct CycleLeaver {
    std::string employee;
    std::string status = "departed";  // "leaving" (with a future last day) or "departed"
    std::string lastDay;              // ISO date or empty
    nlohmann::json extra = nlohmann::json::object();
};

// One step of the handover template: `task` is a key ("introduce", "transfer_notes",
// "first_contact" have built-in titles in both languages); `title` overrides the title.
struct HandoverTemplateStep {
    std::string task;
    int dueDays = 7;  // days after the final date
    std::string title;
};

// The default template: introduce the new owner (7 days), transfer the notes (3 days),
// first contact by the new owner (14 days).
std::vector<HandoverTemplateStep> defaultHandoverTemplate();

struct CycleSettings {
    int objectionDays = 14;                    // the window's end: proposal date + this
    int handoverDays = 14;                     // handover due: final date + this
    std::vector<int> followUpDays = {30, 90};  // follow-up dates: final date + each
    std::vector<HandoverTemplateStep> handoverTemplate = defaultHandoverTemplate();
    nlohmann::json extra = nlohmann::json::object();
};

// The date each stage was entered, and the planned dates. ISO dates or empty.
struct CycleDates {
    std::string departure;
    std::string rulesPublished;
    std::string proposal;
    std::string objectionEnd;  // planned: the last day on which an appeal may be filed
    std::string objectionsClosed;
    std::string finalDate;
    std::string handoverDue;  // planned
    std::string handover;
    std::vector<std::string> followUps;  // planned, one per CycleSettings::followUpDays
    std::string followUp;
    std::string closed;
};

enum class AppealKind { Pin, Forbid };  // receive (or keep) the clients, or not receive them
enum class AppealStatus { Open, Accepted, Rejected };

const char* toString(AppealKind kind);
const char* toString(AppealStatus status);
// Accepts "pin", "receive", "keep" for Pin and "forbid", "not_receive", "decline" for Forbid.
std::optional<AppealKind> parseAppealKind(const std::string& text);
std::optional<AppealStatus> parseAppealStatus(const std::string& text);

struct Appeal {
    std::string id;  // "A1", "A2", ... in filing order
    std::string employee;
    std::vector<std::string> clients;
    AppealKind kind = AppealKind::Pin;
    std::string reason;
    std::string filed;  // ISO date
    AppealStatus status = AppealStatus::Open;
    std::string decisionReason;
    std::string decided;  // ISO date or empty
    nlohmann::json extra = nlohmann::json::object();
};

struct ClientMove {
    std::string client;
    std::optional<std::string> from;  // the owner before the final; null: nobody
    std::string to;
};

// An open deal the final gave to the client's new owner when its employee before the final
// was not the client's previous owner, so that the workspace before the final can be rebuilt.
struct DealMove {
    std::string deal;
    std::string client;
    std::string from;
    std::string to;
};

struct HandoverTask {
    std::string task;
    std::string title;  // empty: the built-in title of `task`
    std::string due;    // ISO date
    bool done = false;
    std::string doneOn;  // ISO date or empty
};

struct Handover {
    std::string client;
    std::optional<std::string> from;
    std::string to;
    std::vector<HandoverTask> tasks;
    nlohmann::json extra = nlohmann::json::object();
};

enum class OutcomeKind { Retained, Lost };
const char* toString(OutcomeKind kind);
std::optional<OutcomeKind> parseOutcomeKind(const std::string& text);

// A follow-up outcome of one moved client.
struct ClientOutcome {
    std::string client;
    OutcomeKind outcome = OutcomeKind::Retained;
    std::optional<double> satisfaction;  // 1-5
    std::optional<double> revenueSince;  // revenue since the final date, company currency
    std::string date;                    // ISO date the outcome was recorded, or empty
    nlohmann::json extra = nlohmann::json::object();
};

struct Cycle {
    std::string id;  // "cycle-1", ...
    CycleStage stage = CycleStage::Departure;
    CycleDates dates;
    CycleSettings settings;
    std::vector<CycleLeaver> leavers;
    std::vector<std::string> keep;      // clients kept with the firm's key-account team
    std::optional<Policy> policy;       // frozen at RulesPublished; later edits never change it
    std::vector<PairOverride> pins;     // from accepted appeals, on top of the frozen policy
    std::vector<PairOverride> forbids;  // idem
    std::optional<AllocationResult> proposal;
    std::optional<AllocationResult> rerun;  // the latest run with the overrides
    std::string finalSource;                // "proposal" or "rerun" once final
    std::vector<Appeal> appeals;
    std::vector<ClientMove> moves;  // what the final changed
    // Released clients the locked result left unassigned, sorted by id. The final does not
    // change their owner, so each stays with its leaver (or with nobody) until it is
    // assigned by hand.
    std::vector<std::string> leftUnassigned;
    std::vector<DealMove> dealMoves;
    std::vector<Handover> handovers;
    std::vector<ClientOutcome> outcomes;
    nlohmann::json extra = nlohmann::json::object();

    // The result the final locked (or would lock now): the re-run when there is one,
    // else the proposal; null before the proposal.
    const AllocationResult* currentResult() const;
    const Appeal* findAppeal(const std::string& appealId) const;
};

}  // namespace baton
