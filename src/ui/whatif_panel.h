// The What-if tab: pick an employee who stays and preview how their book would be split
// if they left, and list the clients that no colleague could take over (key-person risk).
// Nothing here changes the workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/session.h"
#include "core/whatif.h"

namespace baton::ui {

class WhatIfPanel {
public:
    void draw(Session& session);

private:
    void drawPicker(Session& session);
    void drawPreview(const Session& session);
    void drawReceivers(const Session& session);
    void drawBookClients(const Session& session);
    void drawRisk(Session& session);
    void drawRiskOwners(const Session& session);
    void drawRiskClients(const Session& session);

    std::string m_employee;  // the picked employee id
    std::optional<WhatIfPreview> m_preview;
    std::optional<KeyPersonReport> m_risk;
    // The workspace and revision the views were computed for; they are dropped when it
    // changes, because their indices point into that workspace.
    std::string m_seenWorkspace;
    std::uint64_t m_seenRevision = 0;
};

}  // namespace baton::ui
