// Session::verifyResultText: rechecks an allocation result, and after Apply checks the
// applied result against the workspace it was made from. The applied record that keeps
// that check possible after a reload is written and read here too.
#include <algorithm>
#include <limits>
#include <utility>

#include "app/session.h"
#include "io/allocation_json.h"
#include "io/allocation_read.h"
#include "io/verify_result.h"

namespace baton {
namespace {

using nlohmann::json;

// An input state token that m_inputState never takes (tokens are revisions, counted from 0),
// so that Verify reports an applied result as edited after Apply.
constexpr std::uint64_t kUnknownInputState = std::numeric_limits<std::uint64_t>::max();

// Returns the applied record of `resultText`, which contains the result under
// "applied_result". Under "before_apply" it lists the owner of each client and the employee
// of each deal that differ between `before` and `after`, as [index, id, value before] rows.
// An owner before may be null.
std::string appliedRecordText(const Workspace& before, const Workspace& after,
                              const std::string& resultText) {
    json clients = json::array();
    std::size_t clientCount = std::min(before.clients.size(), after.clients.size());
    for (std::size_t i = 0; i < clientCount; ++i) {
        const std::optional<std::string>& owner = before.clients[i].owner;
        if (owner == after.clients[i].owner) continue;
        clients.push_back(json::array({i, before.clients[i].id, owner ? json(*owner) : json()}));
    }
    json deals = json::array();
    std::size_t dealCount = std::min(before.deals.size(), after.deals.size());
    for (std::size_t i = 0; i < dealCount; ++i) {
        if (before.deals[i].employee == after.deals[i].employee) continue;
        deals.push_back(json::array({i, before.deals[i].id, before.deals[i].employee}));
    }
    json changes = {{"client_owners", std::move(clients)}, {"deal_employees", std::move(deals)}};
    return std::string(kAppliedRecordStart) + resultText + ",\"before_apply\":" + changes.dump() +
           "}";
}

// Sets back in `workspace` the values of the record's "before_apply" rows. Returns false,
// with `reason`, when a row is malformed or names a client or deal that is not at its index.
bool undoApplyChanges(const json& changes, Workspace& workspace, std::string& reason) {
    auto rowFits = [](const json& row, std::size_t count, const auto& idAt) {
        if (!row.is_array() || row.size() != 3 || !row[0].is_number_unsigned()) return false;
        auto index = row[0].get<std::size_t>();
        return index < count && row[1].is_string() && row[1].get<std::string>() == idAt(index);
    };
    const json& clients = changes.value("client_owners", json::array());
    for (const json& row : clients) {
        auto idAt = [&](std::size_t i) { return workspace.clients[i].id; };
        if (!rowFits(row, workspace.clients.size(), idAt) ||
            !(row[2].is_string() || row[2].is_null())) {
            reason = "its owner before Apply " + row.dump() + " names no client of this workspace";
            return false;
        }
        Client& client = workspace.clients[row[0].get<std::size_t>()];
        client.owner = row[2].is_null() ? std::nullopt : std::optional(row[2].get<std::string>());
    }
    const json& deals = changes.value("deal_employees", json::array());
    for (const json& row : deals) {
        auto idAt = [&](std::size_t i) { return workspace.deals[i].id; };
        if (!rowFits(row, workspace.deals.size(), idAt) || !row[2].is_string()) {
            reason =
                "its deal employee before Apply " + row.dump() + " names no deal of this workspace";
            return false;
        }
        workspace.deals[row[0].get<std::size_t>()].employee = row[2].get<std::string>();
    }
    return true;
}

}  // namespace

void Session::rememberBeforeApply(Workspace before) {
    m_appliedRecord =
        m_lastResult ? appliedRecordText(before, m_workspace, m_lastResultText) : std::string();
    ++m_keptResultVersion;
    m_beforeApply = std::make_shared<const Workspace>(std::move(before));
    m_appliedInputSha256 = m_lastResult ? m_lastResult->inputSha256 : std::string();
    m_appliedInputState = m_inputState;
}

bool Session::restoreAppliedRecord(std::string_view text, std::string& reason) {
    json record = json::parse(text, nullptr, false);
    std::vector<JsonError> errors;
    std::optional<AllocationResult> result;
    if (!record.is_discarded() && record.is_object() && record.contains("before_apply")) {
        try {
            result = allocationFromJson(record["applied_result"], "/applied_result", errors);
        } catch (const json::exception& e) {
            // allocationFromJson reports a missing field but throws on some wrong types.
            errors.push_back({"/applied_result", std::nullopt, std::nullopt, e.what()});
        }
    }
    if (!result) {
        reason = "it is not a readable applied result";
        if (!errors.empty()) reason += " (" + formatError(errors.front()) + ")";
        return false;
    }
    Workspace before = m_workspace;
    if (!record["before_apply"].is_object() ||
        !undoApplyChanges(record["before_apply"], before, reason)) {
        if (reason.empty()) reason = "its \"before_apply\" is not an object";
        return false;
    }

    // NOTE: this hashes the whole workspace, as a run does, once per reload that finds an
    // applied record.
    Policy policy = before.policy;
    policy.seed = result->seed;
    bool sameInputs = inputSha256(before, policy) == result->inputSha256;
    std::size_t placed = result->assignments.size();
    std::string resultText = record["applied_result"].dump();
    setLastResult(std::make_unique<AllocationResult>(std::move(*result)), resultText);
    m_lastResultApplied = true;
    rememberBeforeApply(std::move(before));
    m_log.info("Restored the result applied last: " + std::to_string(placed) +
               " placed. Its owners are the owners of record.");
    if (!sameInputs) {
        // The workspace changed after Apply, so the workspace rebuilt from the record is not
        // the one the result was made from, and Verify must say it checks nothing.
        m_appliedInputState = kUnknownInputState;
        m_log.warning(
            "The workspace changed after the last Apply, so Verify cannot check the "
            "applied result. Run Allocate for a new result, then verify it.");
    }
    return true;
}

VerifyOutcome Session::verifyResultText(std::string_view text) {
    VerifyOutcome outcome;
    ReportedReadResult read = readReportedAllocation(text);
    outcome.readable = read.allocation.has_value();
    if (!outcome.readable) {
        for (const JsonError& e : read.errors) outcome.breaches.push_back(formatError(e));
        m_log.error("Verify: the text is not an allocation result.");
        return outcome;
    }

    VerifyReport report = verifyReported(m_workspace, *read.allocation);
    // Apply changes the owners, so the open workspace no longer has the input hash of the
    // result that made them: that result is checked against the workspace before Apply.
    bool applied = !report.ok() && m_beforeApply && !m_appliedInputSha256.empty() &&
                   read.allocation->inputSha256 == m_appliedInputSha256;
    // Undo then Redo brings back the input state token of right after Apply, so the result is
    // still checked then. Any other input change after Apply lands here.
    if (applied && m_inputState != m_appliedInputState) {
        outcome.basis = VerifyBasis::EditedAfterApply;
        m_log.warning(
            "Verify: this result was applied, and the workspace was edited after Apply, so the "
            "result no longer matches the open workspace. Nothing was checked. Run Allocate "
            "for a new result, then verify it.");
        return outcome;
    }

    std::string against = "against the open workspace";
    if (applied) {
        outcome.basis = VerifyBasis::BeforeApply;
        against = "against the workspace as it was before Apply";
        report = verifyReported(*m_beforeApply, *read.allocation);
    } else {
        for (std::string& b : currentOverrideBreaches(m_workspace, *read.allocation))
            report.breaches.push_back(std::move(b));
    }

    if (report.ok()) {
        m_log.info("Verify: the result passes every check " + against + "; " + kVerifyUnchecked +
                   ".");
    } else {
        m_log.warning("Verify: " + std::to_string(report.breaches.size()) + " breach(es) " +
                      against + "; first: " + report.breaches.front());
    }
    outcome.breaches = std::move(report.breaches);
    return outcome;
}

}  // namespace baton
