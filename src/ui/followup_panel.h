// The Cycle tab's Follow-up: the outcome of each moved client (retained or lost), and a
// dashboard of retention and revenue kept by receiving employee, with charts, and by cycle.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/charts.h"

namespace baton::ui {

class FollowUpPanel {
public:
    void draw(Session& session);

private:
    void refresh(Session& session);
    void drawOutcomes(Session& session, const Cycle& cycle);
    void drawDashboard();
    void drawByCycle();

    FollowUpDashboard m_dashboard;
    std::vector<FollowUpDashboard> m_byCycle;  // one per cycle with moves, oldest first
    GroupedBars m_chart;
    std::string m_seenWorkspace;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    std::string m_seenLocale;
    std::string m_message;
    bool m_messageOk = true;
};

}  // namespace baton::ui
