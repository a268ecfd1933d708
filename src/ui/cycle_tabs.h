// The tabs of the reassignment cycle and its companions, drawn into the app's tab bar:
// Cycle (with Timeline, Appeals, Handover and Follow-up inside), What-if, Charts, Audit.
#pragma once

#include "app/session.h"
#include "ui/appeals_panel.h"
#include "ui/audit_panel.h"
#include "ui/charts_panel.h"
#include "ui/cycle_panel.h"
#include "ui/followup_panel.h"
#include "ui/handover_panel.h"
#include "ui/whatif_panel.h"

namespace baton::ui {

class CycleTabs {
public:
    // Draws the tab items; call between BeginTabBar and EndTabBar.
    void draw(Session& session);

private:
    void drawCycle(Session& session);

    CyclePanel m_cycle;
    AppealsPanel m_appeals;
    HandoverPanel m_handover;
    FollowUpPanel m_followUp;
    WhatIfPanel m_whatIf;
    ChartsPanel m_charts;
    AuditPanel m_audit;
};

}  // namespace baton::ui
