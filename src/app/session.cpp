#include "app/session.h"

#include <chrono>
#include <unordered_map>

#include "app/allocation_run.h"
#include "core/audit.h"
#include "core/employee_status.h"
#include "core/generator.h"
#include "io/allocation_json.h"
#include "io/allocation_read.h"
#include "io/evaluation_json.h"
#include "store/pseudonymise.h"
#include "store/result_codec.h"
#include "store/snapshot.h"
#include "store/store_time.h"

namespace baton {

const char* toString(SaveState state) {
    switch (state) {
        case SaveState::Saved: return "saved";
        case SaveState::Saving: return "saving";
        case SaveState::Unsaved: return "unsaved";
        case SaveState::MemoryOnly: return "memory_only";
        case SaveState::Stale: return "stale";
    }
    return "unsaved";
}

Session::Session() = default;

void Session::recordChange(const std::string& kind, nlohmann::json detail) {
    std::string time;
    if (m_clock) {
        time = m_clock();
    } else {
        auto since = std::chrono::system_clock::now().time_since_epoch();
        time = formatUtcTime(static_cast<double>(
            std::chrono::duration_cast<std::chrono::milliseconds>(since).count()));
    }
    const nlohmann::json& entry =
        appendAuditEntry(m_workspace.audit, AuditEvent{kind, time, m_actor, std::move(detail)});
    // Like touch(), but an evaluation or input hash that was current stays current: the
    // audit log is not part of either.
    bool evaluationCurrent = m_evaluation && m_evaluatedRevision == m_revision;
    bool hashCurrent = m_inputHash && m_inputHash->revision == m_revision;
    bool snapshotInputCurrent = m_snapshot && m_snapshotInputRevision == m_revision;
    ++m_revision;
    if (evaluationCurrent) m_evaluatedRevision = m_revision;
    if (hashCurrent) m_inputHash->revision = m_revision;
    if (snapshotInputCurrent) m_snapshotInputRevision = m_revision;
    if (m_saveState != SaveState::MemoryOnly && m_saveState != SaveState::Stale) {
        m_saveState = SaveState::Unsaved;
    }
    m_log.add(LogLevel::Debug, "Audit entry " + entry["seq"].dump() + ": " + kind + ".");
}

void Session::warnOnBrokenAudit() {
    AuditCheck check = verifyAudit(m_workspace.audit);
    if (check.ok()) return;
    m_log.warning("The audit log of this workspace is broken at " +
                  describeAuditBreak(*check.broken) +
                  ". It is kept as it is; new entries are appended after it.");
}

void Session::forgetDerivedState() {
    m_lastResult.reset();
    m_lastResultText.clear();
    m_lastResultApplied = false;
    m_beforeApply.reset();
    m_appliedInputSha256.clear();
    m_appliedRecord.clear();
    ++m_keptResultVersion;
    m_proposal.reset();
    m_history.clear();
}

void Session::touch() {
    ++m_revision;
    m_inputRevision = m_revision;
    m_inputState = m_revision;
    // A changed input makes the last result a proposal for other data.
    ++m_keptResultVersion;
    m_evaluation.reset();
    if (m_saveState != SaveState::MemoryOnly && m_saveState != SaveState::Stale) {
        m_saveState = SaveState::Unsaved;
    }
}

std::string Session::exportWorkspaceText() const {
    return writeWorkspace(m_workspace);
}

void Session::loadDemo() {
    // Room for twice the released book, so that after a visitor marks one more leaver, even
    // the one with the largest book, the allocation still places every client.
    GenerateOptions options;
    options.spare = 1.0;
    m_workspace = generateWorkspace(options);
    forgetDerivedState();
    touch();
    m_log.info("Opened the demo workspace: " + std::to_string(m_workspace.employees.size()) +
               " employees, " + std::to_string(m_workspace.clients.size()) + " clients.");
    recordChange("import", {{"source", "demo"},
                            {"employees", m_workspace.employees.size()},
                            {"clients", m_workspace.clients.size()}});
}

void Session::setPolicy(const Policy& policy) {
    int before = m_workspace.policy.version;
    std::uint64_t from = m_inputState;
    Edit edit;
    edit.policy = PolicyEdit{m_workspace.policy, policy};
    m_workspace.policy = policy;
    touch();
    recordEdit(std::move(edit), from);
    m_log.info("Policy version " + std::to_string(before) + " replaced by version " +
               std::to_string(policy.version) + ".");
    recordChange("policy", {{"from_version", before}, {"to_version", policy.version}});
}

bool Session::setEmployeeStatus(int employee, EmployeeStatus status, const std::string& lastDay) {
    if (employee < 0 || employee >= static_cast<int>(m_workspace.employees.size())) return false;
    Employee& e = m_workspace.employees[static_cast<std::size_t>(employee)];
    EmployeeStatusChange change = planStatusChange(e, status, lastDay);
    if (!change.ok()) {
        m_log.error("Status of employee " + e.id + " not changed: " + change.field + ": " +
                    change.error + ".");
        return false;
    }
    if (change.unchanged()) return true;
    std::uint64_t from = m_inputState;
    StatusEdit edit{e.id, change.statusBefore, change.lastDayBefore, change.status, change.lastDay};
    applyStatusChange(e, change);
    touch();
    Edit record;
    record.status = std::move(edit);
    recordEdit(std::move(record), from);
    m_log.info(
        "Employee " + e.id + ": status " + toString(change.statusBefore) + " -> " +
        toString(status) +
        (status == EmployeeStatus::Leaving ? ", last day " + change.lastDay : std::string()));
    recordChange("status", statusAuditDetail(e.id, change));
    return true;
}

const Evaluation& Session::evaluation() {
    if (!m_evaluation || m_evaluatedRevision != m_revision) {
        m_evaluation = evaluate(m_workspace, m_workspace.policy);
        m_evaluatedRevision = m_revision;
    }
    return *m_evaluation;
}

std::string Session::evaluationText() {
    return writeEvaluation(m_workspace, evaluation());
}

std::string Session::allocate(const AllocateOptions& requested) {
    AllocateOptions options = requested;
    if (!options.proposal && m_proposal) options.proposal = m_proposal;
    // The input hash covers the whole workspace (0.7 s of CPU natively at L), so it is
    // kept for re-runs on the same revision and seed.
    std::uint64_t seed = options.seed ? *options.seed : m_workspace.policy.seed;
    if (!m_inputHash || m_inputHash->revision != m_revision || m_inputHash->seed != seed) {
        Policy policy = m_workspace.policy;
        policy.seed = seed;
        m_inputHash = InputHash{m_revision, seed, inputSha256(m_workspace, policy)};
    }
    options.inputSha256 = m_inputHash->value;
    auto result = std::make_unique<AllocationResult>(
        runAllocation(m_workspace, evaluation(), std::move(options)));
    std::string text = writeAllocation(*result);
    recordRun(std::move(result), std::move(text));
    return m_lastResultText;
}

AllocationJob Session::allocationJob(const AllocateOptions& requested) const {
    AllocateOptions options = requested;
    if (!options.proposal && m_proposal) options.proposal = m_proposal;
    AllocationJob job;
    // A snapshot that lacks only the latest audit entries serves: the run ignores them.
    job.snapshot = m_snapshot && m_snapshotInputRevision == m_revision ? m_snapshot : snapshot();
    job.optionsJson = allocationOptionsToJson(options);
    job.revision = m_revision;
    job.inputRevision = m_inputRevision;
    job.released = releasedCount();
    return job;
}

std::shared_ptr<const std::string> Session::snapshot() const {
    if (!m_snapshot || m_snapshotRevision != m_revision) {
        m_snapshot = std::make_shared<const std::string>(writeSnapshot(m_workspace));
        m_snapshotRevision = m_revision;
        m_snapshotInputRevision = m_revision;
    }
    return m_snapshot;
}

bool Session::adoptAllocation(std::string text, std::uint64_t revision, std::string& error) {
    return adoptAllocation(std::move(text), {}, revision, error);
}

bool Session::adoptAllocation(std::string text, std::string_view encoded, std::uint64_t revision,
                              std::string& error) {
    if (revision != m_revision) {
        error = "the workspace changed while the allocation ran; run Allocate again";
        return false;
    }
    if (!encoded.empty()) {
        std::unique_ptr<AllocationResult> decoded;
        try {
            decoded = std::make_unique<AllocationResult>(decodeResult(encoded));
        } catch (const std::exception& e) {
            // The text contains the same result, so it is read instead.
            m_log.warning(std::string("The binary form of the result is invalid (") + e.what() +
                          "), so the result text was read instead.");
        }
        if (decoded) {
            recordRun(std::move(decoded), std::move(text));
            return true;
        }
    }
    return adoptResultText(std::move(text), error);
}

namespace {

// Reads allocation result JSON; nothing, with `errors` set, for text that is not a result.
std::optional<AllocationResult> readResultText(std::string_view text,
                                               std::vector<JsonError>& errors) {
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    try {
        return allocationFromJson(value, "", errors);
    } catch (const nlohmann::json::exception& e) {
        // allocationFromJson reports a missing field but throws on some wrong types.
        errors.push_back({"", std::nullopt, std::nullopt, e.what()});
        return std::nullopt;
    }
}

}  // namespace

bool Session::adoptResultText(std::string text, std::string& error) {
    std::vector<JsonError> errors;
    std::optional<AllocationResult> result = readResultText(text, errors);
    if (!result) {
        error = "the allocation result is unreadable";
        if (!errors.empty() && !errors.front().path.empty()) error += ": " + errors.front().path;
        if (!errors.empty()) error += ": " + errors.front().message;
        return false;
    }
    recordRun(std::make_unique<AllocationResult>(std::move(*result)), std::move(text));
    return true;
}

void Session::setLastResult(std::unique_ptr<AllocationResult> result, std::string text) {
    m_lastResult = std::move(result);
    m_lastResultText = std::move(text);
    m_lastResultApplied = false;
    m_resultInputRevision = m_inputRevision;
    ++m_keptResultVersion;
    // A new result supersedes the applied one, so the copy of the workspace kept to verify
    // that one is dropped: at L it would hold a second workspace for the rest of the session.
    m_beforeApply.reset();
    m_appliedInputSha256.clear();
    m_appliedRecord.clear();
}

std::string_view Session::resultToKeep() const {
    if (!m_lastResult) return {};
    if (m_lastResultApplied) return m_appliedRecord;
    if (m_resultInputRevision != m_inputRevision) return {};
    return m_lastResultText;
}

bool Session::restoreKeptResult(std::string text, std::string& reason) {
    if (text.starts_with(kAppliedRecordStart)) return restoreAppliedRecord(text, reason);
    std::vector<JsonError> errors;
    std::optional<AllocationResult> result = readResultText(text, errors);
    if (!result) {
        reason = "it is not a readable allocation result";
        if (!errors.empty()) reason += " (" + formatError(errors.front()) + ")";
        return false;
    }

    // NOTE: this hashes the whole workspace, as a run does (about 0.7 s of CPU natively at
    // the L size class), once per reload that finds a kept proposal.
    Policy policy = m_workspace.policy;
    policy.seed = result->seed;
    std::string hash = inputSha256(m_workspace, policy);
    if (hash != result->inputSha256) {
        reason = "the workspace or its policy changed after it was made (its input hash is " +
                 result->inputSha256 + ", the workspace's is " + hash + ")";
        return false;
    }

    m_inputHash = InputHash{m_revision, result->seed, hash};
    std::size_t placed = result->assignments.size();
    std::size_t unassigned = result->unassigned.size();
    setLastResult(std::make_unique<AllocationResult>(std::move(*result)), std::move(text));
    m_log.info("Restored the proposal of the last allocation: " + std::to_string(placed) +
               " placed, " + std::to_string(unassigned) + " unassigned. It is not applied yet.");
    return true;
}

void Session::recordRun(std::unique_ptr<AllocationResult> result, std::string text) {
    m_log.info("Allocation (" + result->method +
               "): " + std::to_string(result->assignments.size()) + " placed, " +
               std::to_string(result->unassigned.size()) + " unassigned, seed " +
               std::to_string(result->seed) + ".");
    recordChange("run", {{"method", result->method},
                         {"seed", result->seed},
                         {"placed", result->assignments.size()},
                         {"unassigned", result->unassigned.size()},
                         {"input_sha256", result->inputSha256}});
    setLastResult(std::move(result), std::move(text));
}

NoOwnerChange emptyResultReason(const AllocationResult& result) {
    if (!result.assignments.empty()) return NoOwnerChange::None;
    if (result.unassigned.empty()) return NoOwnerChange::NothingReleased;
    // A result has a statement for each employee who could receive clients.
    if (result.employees.empty()) return NoOwnerChange::NoReceivers;
    return NoOwnerChange::NothingPlaced;
}

NoOwnerChange Session::noOwnerChange() const {
    if (!m_lastResult || openCycleIndex(m_workspace) >= 0) return NoOwnerChange::None;
    NoOwnerChange empty = emptyResultReason(*m_lastResult);
    if (empty != NoOwnerChange::None) return empty;
    std::unordered_map<std::string_view, const std::optional<std::string>*> ownerOf;
    for (const Client& c : m_workspace.clients) ownerOf.emplace(c.id, &c.owner);
    for (const Assignment& a : m_lastResult->assignments) {
        auto it = ownerOf.find(a.client);
        if (it != ownerOf.end() && *it->second != a.employee) return NoOwnerChange::None;
    }
    return NoOwnerChange::SameOwners;
}

namespace {

// The English reason of applyProposal() for a result that changes no owner.
std::string noChangeMessage(NoOwnerChange reason, std::size_t unassigned) {
    // A plural noun whatever the count, as the page's log patterns expect.
    std::string released = std::to_string(unassigned) + " released clients";
    std::string text = "The proposal changes no owner, so nothing was applied: ";
    switch (reason) {
        case NoOwnerChange::NoReceivers:
            return text + "no active employee can receive clients, so none of the " + released +
                   " was placed. Set at least one employee's status to active, then allocate "
                   "again.";
        case NoOwnerChange::NothingPlaced:
            return text + "none of the " + released +
                   " could be placed. The unassigned list gives each client's reason.";
        case NoOwnerChange::NothingReleased:
            return text +
                   "no client is released. Mark an employee as leaving or departed, then "
                   "allocate again.";
        case NoOwnerChange::SameOwners:
        case NoOwnerChange::None: break;
    }
    return text + "every proposed owner already owns the client.";
}

}  // namespace

ApplyOutcome Session::applyProposal() {
    ApplyOutcome outcome;
    if (openCycle()) return applyCycleFinal();
    if (!m_lastResult) {
        outcome.message = "No proposal to apply: run Allocate first.";
        m_log.warning(outcome.message);
        return outcome;
    }
    if (m_lastResultApplied) {
        outcome.message = "This proposal is already applied: run Allocate again for a new one.";
        m_log.warning(outcome.message);
        return outcome;
    }
    if (NoOwnerChange reason = noOwnerChange(); reason != NoOwnerChange::None) {
        outcome.message = noChangeMessage(reason, m_lastResult->unassigned.size());
        m_log.warning(outcome.message);
        return outcome;
    }
    // A manager's proposal that breaks a rule (a forbid, a need, a limit) stays a proposal,
    // because Apply would move its clients as proposed, rules or not.
    auto review = m_lastResult->baselines.find("proposal");
    if (m_lastResult->method == "proposal" && review != m_lastResult->baselines.end() &&
        !review->second.breaches.empty()) {
        const std::vector<std::string>& breaches = review->second.breaches;
        outcome.message = "The manager's proposal breaks rules (" +
                          std::to_string(breaches.size()) + " in all), so nothing was applied; " +
                          "the first: " + breaches.front() +
                          ". Fix the proposal and import it again, or run Allocate for the fair "
                          "allocation.";
        m_log.warning(outcome.message);
        return outcome;
    }
    Workspace before = m_workspace;
    std::unordered_map<std::string, std::string> newOwner;
    for (const Assignment& a : m_lastResult->assignments) newOwner[a.client] = a.employee;
    for (Client& c : m_workspace.clients) {
        auto it = newOwner.find(c.id);
        if (it == newOwner.end()) continue;
        if (c.owner && *c.owner == it->second) continue;
        c.owner = it->second;
        ++outcome.moved;
    }
    // Open deals move with their client to the new owner.
    for (Deal& d : m_workspace.deals) {
        auto it = newOwner.find(d.client);
        if (it != newOwner.end() && d.stage == DealStage::Open) d.employee = it->second;
    }
    m_lastResultApplied = true;
    touch();
    outcome.ok = true;
    outcome.message =
        "Applied the proposal: " + std::to_string(outcome.moved) + " clients have a new owner.";
    m_log.info(outcome.message);
    recordChange("apply", {{"method", m_lastResult->method},
                           {"moved", outcome.moved},
                           {"input_sha256", m_lastResult->inputSha256}});
    rememberBeforeApply(std::move(before));
    return outcome;
}

ImportOutcome Session::importProposalText(std::string_view text) {
    ImportOutcome outcome;
    ProposalReadResult read = readProposal(text);
    checkProposalIds(m_workspace, m_workspace.policy, read);
    if (!read.pairs) {
        outcome.errors = std::move(read.errors);
        m_log.error("Proposal rejected: " + std::to_string(outcome.errors.size()) + " error(s).");
        return outcome;
    }
    std::size_t pairs = read.pairs->size();
    m_log.info("Imported a manual proposal of " + std::to_string(pairs) +
               (pairs == 1 ? " pair" : " pairs") + "; the next allocation reviews it.");
    for (const JsonError& warning : read.warnings) {
        std::string where = warning.path.empty() ? "" : warning.path + ": ";
        m_log.warning("Proposal: " + where + warning.message);
    }
    outcome.warnings = std::move(read.warnings);
    recordChange("proposal", {{"pairs", read.pairs->size()}});
    m_proposal = std::move(read.pairs);
    outcome.ok = true;
    return outcome;
}

bool Session::setLocale(const std::string& tag) {
    if (tag == "en" || tag == "zh-CN") {
        m_locale = tag;
        return true;
    }
    if (tag == "zh") {
        m_locale = "zh-CN";
        return true;
    }
    return false;
}

int Session::releasedCount() const {
    return static_cast<int>(releasedClients(m_workspace, m_workspace.policy).size());
}

SessionSummary Session::summary() const {
    SessionSummary s;
    s.workspace = m_workspaceId;
    s.employees = static_cast<int>(m_workspace.employees.size());
    s.clients = static_cast<int>(m_workspace.clients.size());
    s.released = releasedCount();
    if (m_lastResult) {
        s.assigned = static_cast<int>(m_lastResult->assignments.size());
        s.unassigned = static_cast<int>(m_lastResult->unassigned.size());
    }
    s.saved = m_saveState;
    s.name = m_workspaceName;
    s.locked = m_locked;
    return s;
}

void Session::openStoredWorkspace(Workspace workspace, const std::string& id,
                                  const std::string& name) {
    m_workspace = std::move(workspace);
    m_workspaceId = id;
    m_workspaceName = name;
    m_locked = false;
    forgetDerivedState();
    m_evaluation.reset();
    // A new revision makes the views (fonts, counts) rebuild for the new workspace. The
    // platform records this revision as saved, because it was just read from storage.
    ++m_revision;
    m_inputRevision = m_revision;
    m_inputState = m_revision;
    m_log.info("Opened workspace \"" + name +
               "\": " + std::to_string(m_workspace.employees.size()) + " employees, " +
               std::to_string(m_workspace.clients.size()) + " clients.");
    warnOnBrokenAudit();
}

void Session::showLocked(const std::string& id, const std::string& name) {
    openStoredWorkspace(Workspace{}, id, name);
    m_locked = true;
}

std::string Session::exportPseudonymisedText() const {
    return writeWorkspace(pseudonymise(m_workspace));
}

}  // namespace baton
