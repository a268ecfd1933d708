// The Clients tab: a sortable, filterable table of every client with its owner, value,
// difficulty, tier and whether it is in the released book.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/text_filter.h"

namespace baton::ui {

class ClientsPanel {
public:
    void draw(Session& session);
    // The typed filter text, whose characters the font must hold.
    const char* filterText() const { return m_filter.text(); }

private:
    void refresh(Session& session);
    void sortRows(const Session& session, const Evaluation& evaluation);
    void drawTable(Session& session, const Evaluation& evaluation);
    void drawRow(const Session& session, const Evaluation& evaluation, int index);
    const char* ownerName(const Workspace& workspace, int index) const;

    TextFilter m_filter;
    bool m_releasedOnly = false;
    // Indices into Workspace::clients of the rows shown, in display order.
    std::vector<int> m_rows;
    // Whether each client is in the released book, parallel to Workspace::clients.
    std::vector<char> m_released;
    // The owner's index in Workspace::employees for each client, or -1.
    std::vector<int> m_owners;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    bool m_rowsDirty = true;
    int m_sortColumn = 0;
    bool m_sortDescending = false;
};

}  // namespace baton::ui
