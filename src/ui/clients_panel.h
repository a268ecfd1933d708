// The Clients tab: a sortable, filterable table of every client with its owner, value,
// difficulty, tier and whether it is in the released book. Rows can be selected and copied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/session.h"
#include "ui/table_view.h"
#include "ui/text_filter.h"

namespace baton::ui {

class ClientsPanel {
public:
    void draw(Session& session);
    // The typed filter text, whose characters the font must hold.
    const char* filterText() const { return m_filter.text(); }
    // The id of the row clicked since the last call, if any. Selecting changes no data.
    std::optional<std::string> takeClickedId() { return std::exchange(m_clickedId, {}); }

private:
    void refresh(Session& session);
    void sortRows(const Session& session, const Evaluation& evaluation);
    void drawTable(Session& session, const Evaluation& evaluation);
    void drawSelectableId(int index, const std::string& id);
    void drawRow(const Session& session, const Evaluation& evaluation, int index);
    const char* ownerName(const Workspace& workspace, int index) const;
    // The text of one cell as the Copy button puts it on the clipboard.
    std::string cellText(const Session& session, const Evaluation& evaluation, int index,
                         int column) const;

    TextFilter m_filter;
    TableView m_table;
    // The id clicked this frame.
    std::optional<std::string> m_clickedId;
    bool m_releasedOnly = false;
    // Whether each client is in the released book, parallel to Workspace::clients.
    std::vector<char> m_released;
    // The owner's index in Workspace::employees for each client, or -1.
    std::vector<int> m_owners;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
};

}  // namespace baton::ui
