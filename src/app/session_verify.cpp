// Session::verifyResultText: rechecks an allocation result, and after Apply checks the
// applied result against the workspace it was made from.
#include <utility>

#include "app/session.h"
#include "io/allocation_json.h"
#include "io/verify_result.h"

namespace baton {

void Session::rememberBeforeApply(Workspace before) {
    m_beforeApply = std::make_shared<const Workspace>(std::move(before));
    m_appliedInputSha256 = m_lastResult ? m_lastResult->inputSha256 : std::string();
    m_appliedInputState = m_inputState;
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
