// The Cycle tab's Appeals: a form to file an appeal while the objection window is open,
// the list of appeals with Accept and Reject (each with a written reason), a Re-run
// button and the re-run's diff against the proposal.
#pragma once

#include <array>
#include <map>
#include <string>

#include "app/session.h"
#include "ui/table_view.h"

namespace baton::ui {

class AppealsPanel {
public:
    void draw(Session& session);

private:
    void drawForm(Session& session, const Cycle& cycle);
    void drawClientCombo(const Session& session, const Cycle& cycle);
    void drawList(Session& session, const Cycle& cycle);
    void drawDecision(Session& session, const Appeal& appeal);
    void drawDiff(Session& session, const Cycle& cycle);

    std::string m_employee;
    std::string m_client;
    bool m_pin = true;
    std::array<char, 512> m_reason{};
    // Decision reasons being typed, by appeal id.
    std::map<std::string, std::array<char, 512>> m_decisionReasons;
    std::string m_message;
    bool m_messageOk = true;
    FittedTable m_listTable;
    FittedTable m_diffTable;
};

}  // namespace baton::ui
