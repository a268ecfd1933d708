// The Allocation panel: runs the allocation of the released book, shows the proposal
// (each client's proposed owner and why, what stayed unassigned and why, value and
// difficulty per employee against their targets, the fairness certificates) and
// applies it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/session.h"
#include "ui/fonts.h"

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
    void drawSummary(const AllocationResult& result);
    void drawCertificates(const Session& session, const AllocationResult& result);
    void drawAssignments(const Session& session, const AllocationResult& result);
    void drawAssignmentTooltip(const Session& session, const Assignment& assignment,
                               const std::string& from);
    void drawUnassigned(const Session& session, const AllocationResult& result);
    void drawEmployees(const Session& session, const AllocationResult& result);
    const char* employeeName(const Session& session, const std::string& id) const;
    const char* clientName(const Session& session, const std::string& id) const;

    const FontManager& m_fonts;
    RunState m_run = RunState::Idle;
    bool m_hasApplyMessage = false;
    bool m_applyOk = false;
    std::string m_applyMessage;

    std::unordered_map<std::string, int> m_employeeIndex;
    std::unordered_map<std::string, int> m_clientIndex;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    int m_releasedCount = 0;
    // The owners of the assigned clients when the result arrived, parallel to its
    // assignments, so that "From" stays right after the proposal is applied.
    std::vector<std::string> m_fromOwners;
    // Employees named by a failed certificate's witness.
    std::unordered_map<std::string, std::string> m_witnessNotes;
    const AllocationResult* m_seenResult = nullptr;
    std::size_t m_seenResultSize = 0;
};

}  // namespace baton::ui
