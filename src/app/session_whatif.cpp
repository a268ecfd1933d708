// Session::previewDeparture and Session::keyPersonRisk: planning views over the open
// workspace that leave it, its revision and its audit log unchanged.
#include "app/session.h"

namespace baton {

WhatIfPreview Session::previewDeparture(const std::string& employeeId) {
    WhatIfPreview preview = baton::previewDeparture(m_workspace, employeeId);
    if (!preview.ok) {
        m_log.warning("What-if: " + preview.error + ".");
        return preview;
    }
    m_log.info("What-if: if " + employeeId + " left, their " +
               std::to_string(preview.book.size()) + " clients would go to " +
               std::to_string(preview.receivers.size()) + " colleagues; nothing was changed.");
    return preview;
}

KeyPersonReport Session::keyPersonRisk() {
    KeyPersonReport report = baton::keyPersonRisk(m_workspace, m_workspace.policy, evaluation());
    std::size_t atRisk = 0;
    for (const KeyPersonRisk& risk : report.clients) {
        if (risk.risk != "one_colleague") ++atRisk;
    }
    m_log.info("Key-person risk: " + std::to_string(atRisk) + " of " +
               std::to_string(report.scannedClients) +
               " clients of staying employees have no colleague who could take them.");
    return report;
}

}  // namespace baton
