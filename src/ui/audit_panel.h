// The Audit tab: the workspace's audit log, one row per entry, and a Verify chain button
// that rechecks every hash and shows the first broken entry.
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
    void drawVerifyLine(Session& session);
    void drawEntries(const Session& session);

    std::optional<AuditCheck> m_check;
    // The workspace and revision the check was made for; a later change makes it stale.
    std::string m_checkedWorkspace;
    std::uint64_t m_checkedRevision = 0;
    bool m_newestFirst = true;
};

}  // namespace baton::ui
