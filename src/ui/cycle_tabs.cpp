#include "ui/cycle_tabs.h"

#include <imgui.h>

#include "ui/strings.h"
#include "ui/widgets.h"

namespace baton::ui {

void CycleTabs::draw(Session& session) {
    if (beginRecordedTab(tr(Str::TabCycle), "cycle")) {
        drawCycle(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabWhatIf), "whatif")) {
        m_whatIf.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabCharts), "charts")) {
        m_charts.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabAudit), "audit")) {
        m_audit.draw(session);
        ImGui::EndTabItem();
    }
}

void CycleTabs::drawCycle(Session& session) {
    if (!beginTabRow("cycle_tabs")) return;
    if (beginRecordedTab(tr(Str::TabTimeline), "cycle.timeline")) {
        m_cycle.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabAppeals), "cycle.appeals")) {
        m_appeals.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabHandover), "cycle.handover")) {
        m_handover.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabFollowUp), "cycle.followup")) {
        m_followUp.draw(session);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace baton::ui
