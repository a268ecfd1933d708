// The Allocation panel: runs the allocation of the released book, shows the proposal
// (each client's proposed owner and why, what stayed unassigned and why, value and
// difficulty per employee against their targets, the fairness certificates, the
// baselines beside it), takes the manager's overrides, verifies the result and applies it.
// The result tables are drawn in ui/allocation_panel_tables.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/session.h"
#include "core/share_notes.h"
#include "ui/async_call.h"
#include "ui/fonts.h"
#include "ui/overrides_popup.h"
#include "ui/widgets.h"

namespace baton::ui {

class AllocationPanel {
public:
    explicit AllocationPanel(const FontManager& fonts) : m_fonts(fonts) {}

    void draw(Session& session);

private:
    // Allocation runs one frame after the click, so that the "Allocating" line is on
    // screen while the solver blocks the page.
    enum class RunState { Idle, Requested, Running };

    void refresh(const Session& session);
    void runPendingAllocation(Session& session);
    void drawActions(Session& session);
    // The line after the buttons: progress, the Apply message, or what to do next.
    void drawActionStatus(Session& session, bool busy);
    void drawVerifyButton(Session& session);
    void actionTooltip(const char* button, const char* text, bool whenDisabled = false);
    void drawImportProposalButton(Session& session);
    void takeProposalReply(Session& session);
    void drawVerifyOutcome(Session& session);
    void drawVerifyBreaches(Session& session);
    void drawTabs(Session& session, const AllocationResult& result, const NameLookup& names);
    void drawSummary(const AllocationResult& result);
    void drawNothingPlaced(const AllocationResult& result);
    void drawCertificates(const AllocationResult& result, const NameLookup& names);
    void drawCertificatesNotApplicable();
    void drawShareNotes(const Session& session);
    void drawAssignments(const Session& session, const AllocationResult& result);
    NameLookup nameLookup(const Session& session) const;
    void drawAssignmentTooltip(const Session& session, const Assignment& assignment,
                               const std::string& from);
    void drawUnassigned(const Session& session, const AllocationResult& result);
    void drawEmployees(const Session& session, const AllocationResult& result);
    // Measures the texts of `result`'s tables for their column widths.
    void measureResult(const Session& session, const AllocationResult& result);
    // Returns the width of the widest "Why" text in the UI language, in pixels.
    float whyWidth() const;
    const char* employeeName(const Session& session, const std::string& id) const;
    const char* nameBesideId(const Session& session, const std::string& id) const;
    void clientCell(const Session& session, const std::string& id,
                    const EllipsisOptions& options) const;
    const char* clientName(const Session& session, const std::string& id) const;

    const FontManager& m_fonts;
    RunState m_run = RunState::Idle;
    // The action button pressed last while the mouse is still on it, or empty. Its tooltip
    // stays hidden until the mouse leaves, because the tooltip would cover the message that
    // the press leaves beside or under the buttons.
    std::string m_pressedButton;
    bool m_hasApplyMessage = false;
    bool m_applyOk = false;
    std::string m_applyMessage;

    OverridesPopup m_overrides;
    // The Verify button's outcome for the result on screen; cleared when the result or
    // the workspace changes.
    bool m_verified = false;
    VerifyOutcome m_verify;
    AsyncCall m_proposalPick;
    AsyncCall m_allocation;  // the page's allocateAsync() while m_run is Running
    std::vector<std::string> m_proposalErrors;

    std::unordered_map<std::string, int> m_employeeIndex;
    std::unordered_map<std::string, int> m_clientIndex;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    int m_releasedCount = 0;
    // The owners of the assigned clients when the result arrived, parallel to its
    // assignments, so that "From" stays right after the proposal is applied.
    std::vector<std::string> m_fromOwners;
    // The widest texts of the result tables' columns, measured when the result arrives, and
    // the distinct "won because" codes, whose text depends on the UI language.
    TextWidth m_clientWidth;
    TextWidth m_fromWidth;
    TextWidth m_toWidth;
    TextWidth m_employeeWidth;
    std::vector<std::string> m_whyCodes;
    // Employees named by a failed certificate's witness.
    std::unordered_map<std::string, std::string> m_witnessNotes;
    // The notes on receivers without a client and far over target beside a passing WPROP1.
    ShareNotes m_shareNotes;
    const AllocationResult* m_seenResult = nullptr;
    std::size_t m_seenResultSize = 0;
    // Why Apply would change no owner with the result on screen; None when it would.
    NoOwnerChange m_noOwnerChange = NoOwnerChange::None;
    // True when every fit weight of the result's policy is 0, so best_fit is a tie.
    bool m_fitChoseNobody = false;
};

}  // namespace baton::ui
