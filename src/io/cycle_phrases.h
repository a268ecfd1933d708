// The phrases of the cycle's texts (statements, report, notices, letters) in English and
// Simplified Chinese, in one table, so that both languages share one writer. Not part
// of the public API.
#pragma once

#include <initializer_list>
#include <string>

namespace baton {
struct Assignment;
}

namespace baton::cycle_text {

enum class Phrase {
    ReportTitle,
    CompanyIntro,
    ReportIntro,
    ResultTitle,
    ResultIntro,
    RulesOfResult,
    Timeline,
    Stage,
    Date,
    Planned,
    Leavers,
    LeaverLine,
    Kept,
    NoKept,
    Rules,
    RulesFrozen,
    Result,
    ResultLine,
    Figures,
    Figure,
    Value,
    Certificates,
    Certificate,
    Passes,
    Fails,
    Witness,
    Baselines,
    Method,
    Assignments,
    Client,
    From,
    To,
    ValueCol,
    DifficultyCol,
    Why,
    Unassigned,
    Reason,
    ReasonDetail,
    NoUnassigned,
    Appeals,
    NoAppeals,
    AppealId,
    Employee,
    Clients,
    Asks,
    Filed,
    Status,
    Decision,
    Decided,
    Rerun,
    NoRerun,
    MovedLine,
    Before,
    After,
    FinalMoves,
    FinalLeftUnassigned,
    NotFinal,
    FinalHeading,
    ProvisionalTitle,
    FinalTitle,
    ProvisionalIntro,
    FinalIntro,
    ProvisionalIntroUndated,
    FinalIntroUndated,
    NoCycleIntro,
    YouReceive,
    YouReceiveNothing,
    YouTakeNoShare,
    YourBook,
    YourFigures,
    Entitlement,
    TargetValue,
    ReceivedValue,
    TargetDifficulty,
    ReceivedDifficulty,
    ClientCount,
    BookAfter,
    HowToAppeal,
    AppealRule,
    HandoverDue,
    NoticeSubject,
    NoticeAccepted,
    NoticeRejected,
    NoticeClosing,
    LetterSubject,
    LetterBody,
    Yes,
    No,
    Nobody,
    RunnersUp,
    YourAppeals,
    TaskIntroduce,
    TaskTransferNotes,
    TaskFirstContact,
    TaskLine,
    Company,
    UnverifiedResult,
    // Texts of won_because codes, appeal kinds and appeal statuses.
    WonBestFit,
    WonOnlyEligible,
    WonPinned,
    WonContinuity,
    WonFairness,
    WonTie,
    WonFitsZero,
    Pin,
    Forbid,
    Open,
    Accepted,
    Rejected,
    // A won_because text with the fit, and a runner-up with the reason it lost.
    WonWithFit,
    RunnerUpLine,
    // Why receivers get no client or go far over target while WPROP1 on value passes.
    ShareNoteFewClients,
    ShareNoteLargeClient,
    ShareNoteOverTarget,
    // A price of fairness of 0 beside an optimality gap above 0.
    ZeroPriceWithGap,
    OneClient,
    ClientsCounted,
    // Receivers without a client beyond the count, with the placed clients by won_because.
    ShareNoteConcentrated,
    WonByContinuity,
    WonByBestFit,
    WonByOnlyEligible,
    WonByPin,
    WonByFairness,
    OneReceiver,
    ReceiversCounted,
    // The report's warning about a result with exactly one breach.
    UnverifiedResultOne,
    // A witness whose constraint is null.
    WitnessNoConstraint,
    // No client has a difficulty input, so every difficulty is 0.
    NoDifficultyInputs,
    // The report's Handover and Follow-up sections and a task's status.
    HandoverHeading,
    HandoverSummary,
    TaskColumn,
    TaskDone,
    TaskDoneOn,
    TaskOpen,
    TaskOverdue,
    OverdueTasks,
    OverdueLine,
    FollowUpHeading,
    FollowUpSummary,
    FollowUpRevenue,
    MovedClients,
    WithOutcome,
    OutcomeRetained,
    OutcomeLost,
    RetentionRate,
    MeanSatisfaction,
    RevenueKept,
    Count
};

// The phrase in `lang` ("en" or "zh-CN") with {0}, {1}, ... replaced by `args`.
std::string phrase(const std::string& lang, Phrase id,
                   std::initializer_list<std::string> args = {});

// The title of a handover task: the template's own title, else the built-in one.
std::string taskTitle(const std::string& lang, const std::string& task, const std::string& title);

// The text of a won_because code, or the code itself when it is not known. With
// `fitChoseNobody` (every fit weight of the result's policy is 0), best_fit is worded as the
// tie it is, because every fit is then 0.
std::string wonBecause(const std::string& lang, const std::string& code,
                       bool fitChoseNobody = false);
// The text of an assignment's won_because; a best_fit that is a tie at fit 0 (fitTieOf in
// core/explanation_codes.h) is worded as that tie.
std::string wonBecause(const std::string& lang, const Assignment& a, bool fitWeightsZero);

// The text of a runners_up[].lost_because code, or the code in backticks when it is not
// known. A lower_fit runner-up whose fit is equal to or above `chosenFit` is worded as a tie
// or as a higher fit that the allocation as a whole did not choose, because "lower fit"
// would be false for it.
std::string lostBecause(const std::string& lang, const std::string& code, double runnerUpFit,
                        double chosenFit);

// The text of an unassigned[].reason code, or the code in backticks when it is not known.
std::string unassignedReason(const std::string& lang, const std::string& code);

}  // namespace baton::cycle_text
