// The Cycle tab's Follow-up: the outcome of each moved client (retained or lost, with its
// satisfaction and revenue since the final), and a dashboard of retention and revenue kept by
// receiving employee, with a chart of each on its own scale, and by cycle.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/charts.h"
#include "ui/table_view.h"

namespace baton::ui {

class FollowUpPanel {
public:
    void draw(Session& session);

private:
    void refresh(Session& session);
    void drawOutcomes(Session& session, const Cycle& cycle);
    // The satisfaction and revenue-since fields of one moved client, saved through
    // Session::setClientOutcome() like the Retained and Lost buttons.
    void drawDetails(Session& session, const Cycle& cycle);
    void pickClient(const Cycle& cycle, const std::string& client);
    void saveDetails(Session& session, const Cycle& cycle);
    void drawDashboard();
    void drawByCycle();

    FollowUpDashboard m_dashboard;
    std::vector<FollowUpDashboard> m_byCycle;  // one per cycle with moves, oldest first
    GroupedBars m_retentionChart;
    GroupedBars m_revenueChart;
    std::vector<std::string> m_employeeLabels;  // "id  name" per row of m_dashboard.employees
    FittedTable m_employeeTable;
    FittedTable m_cycleTable;
    FittedTable m_outcomeTable;
    std::string m_seenWorkspace;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    std::string m_seenLocale;
    std::string m_message;
    bool m_messageOk = true;
    std::string m_detailsClient;  // the client the details fields edit, "" before a pick
    char m_satisfactionText[16] = "";
    char m_revenueText[32] = "";
};

}  // namespace baton::ui
