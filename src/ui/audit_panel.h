// The Audit tab: the workspace's audit log, one row per entry, with the first entry whose
// hash breaks the chain marked. The chain is checked whenever the log may have changed;
// the Verify chain button checks it again and logs the outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/session.h"
#include "core/audit.h"

namespace baton::ui {

class AuditPanel {
public:
    void draw(Session& session);

private:
    void refreshCheck(const Session& session);
    void drawVerifyLine(Session& session);
    void drawEntries(const Session& session);

    std::optional<AuditCheck> m_check;
    // The workspace and revision the check was made for; a later change makes it stale.
    std::string m_checkedWorkspace;
    std::uint64_t m_checkedRevision = 0;
    bool m_newestFirst = true;
};

}  // namespace baton::ui
