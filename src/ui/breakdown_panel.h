// The Scores tab: how the score of the selected client (V and D) or employee (P) is made
// up, one row per weighted component, with the total and, for an employee, whether the
// score is provisional and why.
#pragma once

#include <string>

#include "app/session.h"

namespace baton::ui {

class BreakdownPanel {
public:
    void selectClient(const std::string& id);
    void selectEmployee(const std::string& id);
    void draw(Session& session);

private:
    enum class Target { None, Client, Employee };

    void drawClient(const Session& session, const Evaluation& evaluation, std::size_t index);
    void drawEmployee(const Session& session, const Evaluation& evaluation, std::size_t index);

    Target m_target = Target::None;
    std::string m_selectedId;
};

}  // namespace baton::ui
