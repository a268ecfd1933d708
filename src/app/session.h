// The open workspace and what the app derives from it: the evaluation, the last
// allocation result, the log and the save state. Both the ImGui panels and the page API
// (window.baton) act through this class, so that a click and a script do the same thing.
// Platform-free: it builds natively for tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/allocation_run.h"
#include "app/edit_history.h"
#include "app/log.h"
#include "app/pending_import.h"
#include "app/platform_replies.h"
#include "core/allocation.h"
#include "core/cycle_ops.h"
#include "core/evaluation.h"
#include "core/model.h"
#include "core/whatif.h"
#include "io/workspace_json.h"
#include "store/storage_status.h"

namespace baton {

enum class SaveState { Saved, Saving, Unsaved, MemoryOnly, Stale };
const char* toString(SaveState state);

struct ImportOutcome {
    bool ok = false;
    std::vector<JsonError> errors;
    // Problems that did not stop the import, such as a client a proposal lists twice.
    std::vector<JsonError> warnings;
    // A rejected file import's errors by file, row and column (see listImportErrors).
    std::vector<ImportIssue> issues;
};

// The maximum number of report errors an ImportOutcome lists one by one.
inline constexpr std::size_t kListedImportErrors = 50;

// The outcome that committing `pending` would have: ok, or its errors and report errors.
ImportOutcome describeImport(const PendingImport& pending);

struct ApplyOutcome {
    bool ok = false;
    std::string message;  // why it was rejected, or what changed
    int moved = 0;
};

// The start of the applied record of Session::resultToKeep(). It distinguishes the record
// from a proposal's text, an allocation result, which never has the key "applied_result".
inline constexpr std::string_view kAppliedRecordStart = "{\"applied_result\":";

// The workspace that Session::verifyResultText() checked a result against.
enum class VerifyBasis {
    OpenWorkspace,     // the workspace as it is now
    BeforeApply,       // the result was applied: the workspace as it was just before Apply
    EditedAfterApply,  // none: the result was applied and the workspace was edited since
};

struct VerifyOutcome {
    bool readable = false;  // whether the text is an allocation result
    VerifyBasis basis = VerifyBasis::OpenWorkspace;
    // The breaches found, or the reasons the text is not a result. Empty for
    // EditedAfterApply, which checks nothing.
    std::vector<std::string> breaches;

    bool ok() const {
        return readable && basis != VerifyBasis::EditedAfterApply && breaches.empty();
    }
};

// The reason that applying an allocation result would change no owner.
enum class NoOwnerChange {
    None,             // it changes at least one owner, or there is no result to apply
    NothingReleased,  // the result has no released client, placed or not
    NoReceivers,      // no employee could receive clients, so every released one is unassigned
    NothingPlaced,    // employees could receive, but every released client is unassigned
    SameOwners,       // each placed client already has its proposed owner
};

// Returns why `result` places no client, or None when it places one.
NoOwnerChange emptyResultReason(const AllocationResult& result);

struct SessionSummary {
    std::string workspace;
    int employees = 0;
    int clients = 0;
    int released = 0;
    int assigned = 0;
    int unassigned = 0;
    SaveState saved = SaveState::Unsaved;
    std::string name;     // the open workspace's name
    bool locked = false;  // an encrypted workspace whose data is not in memory
};

// A request from the UI that only the platform layer can carry out. The platform takes the
// pending requests once per frame. The kinds:
//   PickFile  opens the file picker, which imports the files picked;
//   Download  offers `text` (any bytes) as a file;
//   CallApi   calls window.baton[method], and the reply arrives later in replies();
//   PickText  opens a file picker and puts the file's name and text in replies();
//   Reload    reloads the page.
struct PlatformRequest {
    enum class Kind { PickFile, Download, CallApi, PickText, Reload };
    Kind kind = Kind::PickFile;
    std::string fileName;   // Download: the suggested file name
    std::string text;       // Download: the content (any bytes)
    std::string mimeType;   // Download: for example "application/json"
    std::string method;     // CallApi: the window.baton method, such as "workspaces"
    std::string arguments;  // CallApi: its arguments as a JSON array text, "[]" for none
    int ticket = 0;         // CallApi, PickText: the key of the reply in replies()
};

class Session {
public:
    Session();

    const Workspace& workspace() const { return m_workspace; }
    const std::string& workspaceId() const { return m_workspaceId; }

    // Replaces the open workspace only when the text is a valid workspace.
    ImportOutcome importWorkspaceText(std::string_view text);
    std::string exportWorkspaceText() const;

    // Imports one CSV or XLSX file as a new workspace (the page's importFile):
    // stageFileBytes(), then applyImport(). The open workspace is replaced only when the
    // import has no error; `report` is the import report as text either way. With `into`,
    // the records are merged into a copy of the open workspace under the rules of
    // `baton import --into`, and that copy replaces it only when the merge has no error.
    ImportOutcome importFileBytes(const std::string& name, std::string_view bytes,
                                  std::string_view mappingText, std::string& report,
                                  bool into = false);

    // An import in two steps: staged (see pending_import.h) and kept for review, then
    // committed or discarded. Keeping, committing a failed import and discarding change
    // nothing of the workspace, its revision, undo history, last result or audit log.
    // setPendingImport() replaces any pending import and logs a failed one as rejected.
    void setPendingImport(PendingImport pending);
    const PendingImport* pendingImport() const { return m_pending.get(); }
    // Grows with every setPendingImport(), so that a view can tell a new import from the last.
    std::uint64_t pendingSerial() const { return m_pendingSerial; }
    // Applies the pending import as applyImport() does and drops it. Fails, changing nothing,
    // when none is pending, when it has errors, and for a merge whose open workspace changed
    // after it was staged.
    ImportOutcome commitImport();
    void discardImport();
    // Applies a staged import at once when it has no error; logs it as rejected otherwise.
    ImportOutcome applyImport(PendingImport pending);
    // Whether the page's file picker and drop merge CSV and XLSX files into the open
    // workspace (the toolbar's "Merge into open" checkbox).
    bool importInto() const { return m_importInto; }
    void setImportInto(bool into) { m_importInto = into; }
    // Opens the built-in demo workspace made by the generator.
    void loadDemo();

    // Edits; each bumps the revision so that autosave notices.
    // Sets an employee's status under the rules of planStatusChange (core/employee_status.h):
    // leaving takes `lastDay`, and any other status keeps the last day the employee has.
    // Returns false, changing nothing, for an index out of range or a change those rules
    // reject, such as leaving without a valid date.
    bool setEmployeeStatus(int employee, EmployeeStatus status, const std::string& lastDay);
    // Sets an employee's own client and workload limits; an empty limit takes the policy's
    // default. Returns false for an index out of range, a client limit below 0 or above
    // 1000000000, or a workload limit below 0 or not finite, and then changes nothing.
    bool setEmployeeCapacity(int employee, std::optional<int> maxClients,
                             std::optional<double> maxWorkload);
    // Replaces the workspace's policy as given (the caller sets its version) and logs it.
    void setPolicy(const Policy& policy);

    // Undo and redo of the edits above, each recorded as it is made. Opening, importing or
    // generating a workspace clears both stacks. Return false when there is nothing to do.
    bool undo();
    bool redo();
    bool canUndo() const { return m_history.undoCount() > 0; }
    bool canRedo() const { return m_history.redoCount() > 0; }

    // The evaluation of the open workspace under its policy, recomputed when stale.
    const Evaluation& evaluation();
    std::string evaluationText();

    // Runs an allocation; it changes no owner. Returns the result text.
    std::string allocate(const AllocateOptions& options);
    // The input of the same run carried out elsewhere (the page's Web Worker), with the
    // proposal under review. adoptAllocation() then makes its result text the last result,
    // exactly as allocate() would have. It returns false and sets `error` when the
    // workspace changed since the job was taken (its revision differs) or the text is not
    // a result. With `encoded` (the same result in the form of store/result_codec.h), the
    // result is read from it, which is much faster than parsing the text.
    AllocationJob allocationJob(const AllocateOptions& options) const;
    bool adoptAllocation(std::string text, std::uint64_t revision, std::string& error);
    bool adoptAllocation(std::string text, std::string_view encoded, std::uint64_t revision,
                         std::string& error);
    const AllocationResult* lastResult() const { return m_lastResult.get(); }
    const std::string& lastResultText() const { return m_lastResultText; }
    bool lastResultApplied() const { return m_lastResult && m_lastResultApplied; }
    // The workspace just before the applied last result became the owners of record, or
    // nullptr when there is none (no Apply since the last result).
    const Workspace* workspaceBeforeApply() const { return m_beforeApply.get(); }
    // The text the platform stores beside the workspace, so that a reload shows the same
    // last result. For a proposal under review (not applied, and no input of a run changed
    // since it was made) it is the result's text. For an applied result it is the applied
    // record: the result and the owners that Apply replaced (see appliedRecordText), from
    // which a reload rebuilds the workspace as it was before Apply. Empty otherwise.
    std::string_view resultToKeep() const;
    // Grows whenever resultToKeep() may have changed, so that the platform writes the kept
    // text only after such a change.
    std::uint64_t keptResultVersion() const { return m_keptResultVersion; }
    // Makes a text kept by resultToKeep() the last result again, as it was before the
    // reload: no log line of a run, no audit entry, no revision step. A proposal is rejected,
    // and nothing changes, when the text is not a result or its input hash is not that of the
    // open workspace under its policy and the result's seed (the workspace or the policy
    // changed after it was made). An applied record is rejected when it is unreadable or its
    // owners before Apply name clients or deals the workspace does not have. `reason` then
    // names the cause.
    bool restoreKeptResult(std::string text, std::string& reason);
    // Makes the last result's assignments the owners of record. While a cycle is open
    // this is the cycle's Final instead (see applyCycleFinal), whatever allocate() returned.
    // A result that changes no owner is rejected with the reason.
    ApplyOutcome applyProposal();
    // Why applyProposal() would change no owner with the last result. None without a
    // result, while a cycle is open (its Final applies the cycle's proposal), and when the
    // result moves a client. Reads every assignment, so callers keep it per revision.
    NoOwnerChange noOwnerChange() const;

    // Rechecks an allocation result with the verifier, which shares no code with the solver.
    // A result is checked against the open workspace. The result that Apply made the owners
    // of record is checked against the workspace as it was just before Apply. When an input
    // changed after that Apply, it is not checked at all (basis EditedAfterApply).
    VerifyOutcome verifyResultText(std::string_view text);

    // Planning views that change nothing stored (core/whatif.h): the split of one
    // employee's book if they left, and the clients no colleague could take over.
    WhatIfPreview previewDeparture(const std::string& employeeId);
    KeyPersonReport keyPersonRisk();

    // Stores a manual proposal that the next allocate() reviews as the "proposal" baseline.
    ImportOutcome importProposalText(std::string_view text);
    bool hasProposal() const { return m_proposal.has_value(); }

    // The UI language: "en" or "zh-CN". Returns false for another tag.
    bool setLocale(const std::string& tag);
    const std::string& locale() const { return m_locale; }

    SessionSummary summary() const;
    int releasedCount() const;

    // Autosave bookkeeping: the revision grows with every change of the workspace.
    std::uint64_t revision() const { return m_revision; }
    // The binary snapshot of the workspace now (store/snapshot.h), written at most once
    // per revision: the save and the allocation job share it, so a large workspace is
    // encoded once, not once for each.
    std::shared_ptr<const std::string> snapshot() const;
    void setSaveState(SaveState state) { m_saveState = state; }
    SaveState saveState() const { return m_saveState; }

    void request(PlatformRequest request) { m_requests.push_back(std::move(request)); }
    std::vector<PlatformRequest> takeRequests() { return std::exchange(m_requests, {}); }
    PlatformReplies& replies() { return m_replies; }

    Log& log() { return m_log; }
    const Log& log() const { return m_log; }

    // recordChange() (declared with the cycle calls below) appends an entry to the
    // workspace's audit log (see core/audit.h), stamped with the clock's time, and bumps
    // the revision so that autosave stores it; the evaluation stays valid, because the
    // audit log is not one of its inputs.
    // Sets the clock that stamps audit entries with ISO 8601 UTC times; the default reads
    // the system clock.
    void setClock(std::function<std::string()> clock) { m_clock = std::move(clock); }
    // Sets who is recorded as the actor of later audit entries ("" records none).
    void setActor(std::string actor) { m_actor = std::move(actor); }

    // Stored workspaces. The platform layer opens a stored workspace with
    // openStoredWorkspace(), which takes no revision step, so an opened workspace is
    // not saved again at once.
    void openStoredWorkspace(Workspace workspace, const std::string& id, const std::string& name);
    // Shows an encrypted workspace as locked: its data leaves memory until it is unlocked.
    void showLocked(const std::string& id, const std::string& name);
    void setWorkspaceName(const std::string& name) { m_workspaceName = name; }
    const std::string& workspaceName() const { return m_workspaceName; }
    bool locked() const { return m_locked; }
    // The workspace JSON with names pseudonymised (see store/pseudonymise.h).
    std::string exportPseudonymisedText() const;

    const StorageStatus& storageStatus() const { return m_storageStatus; }
    StorageStatus& storageStatus() { return m_storageStatus; }

    // --- The reassignment cycle (core/cycle_ops.h has the rules of each step) -----------
    // Dates default to today(): the platform sets it from the browser's clock, tests and
    // the CLI set it explicitly. Every change goes through recordChange().
    void setToday(const std::string& isoDate) { m_today = isoDate; }
    const std::string& today() const { return m_today; }
    // The open cycle (the latest not closed), else the latest cycle, else null.
    const Cycle* cycle() const;
    // The cycle as the page API's cycle() returns it (the cycles JSON shape plus "open",
    // "window_open" and "next_stage"); null when there is no cycle.
    nlohmann::json cycleJson() const;
    CycleResult startCycle(const CycleStart& start);
    CycleResult addCycleLeaver(const CycleLeaver& leaver);
    CycleResult keepWithFirm(const std::string& client, bool keep);
    CycleResult setCycleSettings(const CycleSettings& settings);
    // `stage` is a stage name such as "proposal"; `date` empty means today().
    CycleResult advanceCycle(const std::string& stage, const std::string& date);
    // Sets `appealId` on success.
    CycleResult fileAppeal(Appeal appeal, std::string& appealId);
    // `decision` is "accept" or "reject".
    CycleResult decideAppeal(const std::string& appealId, const std::string& decision,
                             const std::string& reason, const std::string& date);
    CycleResult rerunCycle();
    CycleDiff cycleDiff() const;
    CycleResult setHandoverTask(const std::string& client, const std::string& task, bool done,
                                const std::string& date);
    CycleResult setClientOutcome(ClientOutcome outcome);
    // Imports outcomes from CSV with the header client,outcome,satisfaction,revenue_since;
    // all rows or none. Errors name the row and column.
    ImportOutcome importOutcomesCsv(std::string_view text);
    FollowUpDashboard followUpDashboard() const;
    // Re-runs the cycle's input under `other`; nothing when there is no cycle with a result.
    std::optional<PolicyReview> policyReview(const Policy& other, std::string& error);
    // Texts; `lang` is "en" or "zh-CN", `format` "md" or "html". Empty without a result.
    std::string cycleReportText(const std::string& lang, const std::string& format) const;
    // Provisional statements before the final, final statements after; keyed by employee.
    std::map<std::string, std::string> cycleStatements(const std::string& lang,
                                                       const std::string& format) const;
    std::string appealNoticeText(const std::string& appealId, const std::string& lang) const;
    std::string introductionLetterText(const std::string& client, const std::string& lang) const;

    // The one place every change of the workspace is reported: `kind` names the change
    // ("cycle.advance", "appeal.file", ...) and `detail` its ids and values.
    void recordChange(const std::string& kind, nlohmann::json detail);

private:
    void touch();
    // Reads the result text of a run elsewhere and records it as the last run.
    bool adoptResultText(std::string text, std::string& error);
    // Makes `result`, written as `text`, the last result, not applied, of the current input.
    void setLastResult(std::unique_ptr<AllocationResult> result, std::string text);
    // Drops what belonged to the workspace before a new one: the last result, the proposal
    // and the undo history.
    void forgetDerivedState();
    // Makes `result` (written as `text`) the last result; logs and audits the run.
    void recordRun(std::unique_ptr<AllocationResult> result, std::string text);
    // Keeps `before`, the workspace just before the last result became the owners of record,
    // for verifyResultText(). Call it after the change is recorded.
    void rememberBeforeApply(Workspace before);
    // Makes the applied record kept by resultToKeep() the last result, applied, with the
    // workspace before Apply rebuilt from it. Part of restoreKeptResult().
    bool restoreAppliedRecord(std::string_view text, std::string& reason);
    // Logs a warning when the open workspace's audit log does not verify.
    void warnOnBrokenAudit();
    // Makes the staged workspace the open one, with the log lines and audit entry of its
    // source. `pending` must be ok().
    void adoptImport(PendingImport& pending);
    Cycle* openCycle();
    CycleRunner cycleRunner() const;
    // The cycle's Final through applyProposal(): rejected before the proposal, while the
    // objection window is open (stage proposal, whatever the date) and after the final.
    ApplyOutcome applyCycleFinal();
    void finishStep(const CycleResult& result, const std::string& kind, nlohmann::json detail);
    // Sets an employee's status and last day as recorded, without recording (undo, redo).
    void applyStatus(const std::string& employeeId, EmployeeStatus status,
                     const std::string& lastDay, const char* verb);
    void applyCapacity(const std::string& employeeId, std::optional<int> maxClients,
                       std::optional<double> maxWorkload, const char* verb);
    // Puts the before (`undoing`) or after values of `edit` in place, as undo or redo.
    void replayEdit(const Edit& edit, bool undoing);
    // Whether the workspace contains the before (`before`) or after values of `edit` now.
    bool holdsEditValues(const Edit& edit, bool before) const;
    // Sets m_inputState after an undo or redo of `edit` that started from state `from`, and
    // stores in the record the tokens now known. `fromHeld` is whether state `from` contained
    // the values that this replay replaced.
    void settleInputState(Edit& edit, std::uint64_t from, bool fromHeld, bool undoing);
    // Records an edit just made, which moved the input state from `from` to m_inputState.
    void recordEdit(Edit edit, std::uint64_t from);

    Workspace m_workspace;
    std::string m_workspaceId = "default";
    std::string m_workspaceName = "Default workspace";
    bool m_locked = false;
    bool m_importInto = false;
    std::unique_ptr<PendingImport> m_pending;
    std::uint64_t m_pendingSerial = 0;
    // The workspace and revision the pending import was staged on; a merge needs them unchanged.
    std::string m_pendingWorkspaceId;
    std::uint64_t m_pendingRevision = 0;
    StorageStatus m_storageStatus;
    std::optional<Evaluation> m_evaluation;
    std::unique_ptr<AllocationResult> m_lastResult;
    std::string m_lastResultText;
    bool m_lastResultApplied = false;
    // The workspace just before the last Apply, the input hash of the result applied, and
    // the input state token (m_inputState) right after Apply. verifyResultText() checks that
    // result against this copy while the inputs are those right after Apply, until a new
    // result replaces the applied one.
    std::shared_ptr<const Workspace> m_beforeApply;
    std::string m_appliedInputSha256;
    std::uint64_t m_appliedInputState = 0;
    // The applied record that resultToKeep() returns for the applied result.
    std::string m_appliedRecord;
    // A token of the inputs: touch() sets a new one, and undo and redo set back the token of
    // an earlier state when they restore exactly that state (see Edit::stateWith). Equal
    // tokens mean equal inputs; unequal tokens do not prove a difference.
    std::uint64_t m_inputState = 0;
    // The input revision (m_inputRevision) the last result was made from.
    std::uint64_t m_resultInputRevision = 0;
    std::uint64_t m_keptResultVersion = 0;
    std::optional<std::vector<ProposedPair>> m_proposal;
    std::string m_locale = "en";
    std::uint64_t m_revision = 0;
    std::uint64_t m_evaluatedRevision = 0;
    // The last snapshot written, the revision it was written at, and the latest revision
    // at which it still contains every input of an allocation: an audit entry changes the
    // saved data but not what an allocation reads.
    mutable std::shared_ptr<const std::string> m_snapshot;
    mutable std::uint64_t m_snapshotRevision = 0;
    mutable std::uint64_t m_snapshotInputRevision = 0;
    // The revision at which an input of a run (anything but the audit log) last changed.
    std::uint64_t m_inputRevision = 0;
    // The input hash of the last allocate(), with the revision and seed it was taken at.
    struct InputHash {
        std::uint64_t revision = 0;
        std::uint64_t seed = 0;
        std::string value;
    };
    std::optional<InputHash> m_inputHash;
    SaveState m_saveState = SaveState::Unsaved;
    Log m_log;
    EditHistory m_history;
    std::vector<PlatformRequest> m_requests;
    PlatformReplies m_replies;
    std::function<std::string()> m_clock;
    std::string m_actor;
    std::string m_today;
};

}  // namespace baton
