#include "ui/clients_panel.h"

#include <imgui.h>

#include <algorithm>
#include <unordered_map>

#include "core/allocation.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

enum Column { kId, kName, kOwner, kValue, kDifficulty, kTier, kReleased, kColumnCount };

const ClientScore* scoreOf(const Evaluation& evaluation, const Workspace& workspace, int index) {
    if (evaluation.clients.size() != workspace.clients.size()) return nullptr;
    return &evaluation.clients[static_cast<std::size_t>(index)];
}

int compareNumbers(double a, double b) { return a < b ? -1 : (a > b ? 1 : 0); }

}  // namespace

void ClientsPanel::draw(Session& session) {
    refresh(session);
    const Evaluation& evaluation = session.evaluation();

    float filterWidth = std::min(ImGui::GetContentRegionAvail().x * 0.5f,
                                 ImGui::GetFontSize() * 26.0f);
    if (m_filter.draw("##client_filter", tr(Str::ClientsFilterHint), filterWidth)) {
        m_rowsDirty = true;
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(labelWithId(tr(Str::ReleasedOnly), "released_only").c_str(),
                        &m_releasedOnly)) {
        m_rowsDirty = true;
    }
    recordWidget("clients.released_only");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(tr(Str::ClientsShown), static_cast<int>(m_rows.size()),
                        static_cast<int>(session.workspace().clients.size()));

    drawTable(session, evaluation);
}

void ClientsPanel::refresh(Session& session) {
    const Workspace& workspace = session.workspace();
    if (session.workspaceId() == m_seenWorkspaceId && session.revision() == m_seenRevision &&
        m_owners.size() == workspace.clients.size()) {
        return;
    }
    m_seenWorkspaceId = session.workspaceId();
    m_seenRevision = session.revision();
    m_rowsDirty = true;

    std::unordered_map<std::string, int> indexById;
    indexById.reserve(workspace.employees.size());
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        indexById.emplace(workspace.employees[i].id, static_cast<int>(i));
    }
    m_owners.assign(workspace.clients.size(), -1);
    for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
        const Client& client = workspace.clients[i];
        if (!client.owner) continue;
        auto found = indexById.find(*client.owner);
        if (found != indexById.end()) m_owners[i] = found->second;
    }
    m_released.assign(workspace.clients.size(), 0);
    std::vector<int> released = releasedClients(workspace, workspace.policy);
    for (int index : released) m_released[static_cast<std::size_t>(index)] = 1;
}

const char* ClientsPanel::ownerName(const Workspace& workspace, int index) const {
    int owner = m_owners[static_cast<std::size_t>(index)];
    if (owner >= 0) return workspace.employees[static_cast<std::size_t>(owner)].name.c_str();
    const Client& client = workspace.clients[static_cast<std::size_t>(index)];
    // An owner id that names no employee is shown as it is, so the data error is visible.
    return client.owner ? client.owner->c_str() : tr(Str::NoOwner);
}

void ClientsPanel::sortRows(const Session& session, const Evaluation& evaluation) {
    const Workspace& workspace = session.workspace();
    m_rows.clear();
    for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
        const Client& c = workspace.clients[i];
        int index = static_cast<int>(i);
        if (m_releasedOnly && !m_released[i]) continue;
        if (m_filter.empty() || m_filter.matches(c.id) || m_filter.matches(c.name) ||
            m_filter.matches(ownerName(workspace, index)) || m_filter.matches(c.industry) ||
            m_filter.matches(c.region)) {
            m_rows.push_back(index);
        }
    }

    auto compare = [&](int a, int b) {
        const Client& x = workspace.clients[static_cast<std::size_t>(a)];
        const Client& y = workspace.clients[static_cast<std::size_t>(b)];
        const ClientScore* p = scoreOf(evaluation, workspace, a);
        const ClientScore* q = scoreOf(evaluation, workspace, b);
        switch (m_sortColumn) {
            case kName: return x.name.compare(y.name);
            case kOwner: return std::string_view(ownerName(workspace, a)).compare(
                             ownerName(workspace, b));
            case kValue: return p && q ? compareNumbers(p->value, q->value) : 0;
            case kDifficulty: return p && q ? compareNumbers(p->difficulty, q->difficulty) : 0;
            case kTier: return x.tier.compare(y.tier);
            case kReleased:
                return int(m_released[static_cast<std::size_t>(a)]) -
                       int(m_released[static_cast<std::size_t>(b)]);
            default: return 0;
        }
    };
    std::sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
        int order = compare(a, b);
        if (order != 0) return m_sortDescending ? order > 0 : order < 0;
        const std::string& x = workspace.clients[static_cast<std::size_t>(a)].id;
        const std::string& y = workspace.clients[static_cast<std::size_t>(b)].id;
        if (x != y) return m_sortDescending && m_sortColumn == kId ? x > y : x < y;
        return a < b;
    });
    m_rowsDirty = false;
}

void ClientsPanel::drawTable(Session& session, const Evaluation& evaluation) {
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("clients", kColumnCount, flags, ImVec2(0.0f, 0.0f))) return;
    ImGuiTableColumnFlags descendingFirst =
        ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::ColumnId),
                            ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::ColumnId), 4.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn(tr(Str::ColumnOwner), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(Str::ColumnValue), descendingFirst,
                            columnWidth(tr(Str::ColumnValue), 3.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnDifficulty), descendingFirst,
                            columnWidth(tr(Str::ColumnDifficulty), 3.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnTier), ImGuiTableColumnFlags_WidthFixed,
                            columnWidth(tr(Str::ColumnTier), 2.0f));
    ImGui::TableSetupColumn(tr(Str::ColumnReleased), descendingFirst,
                            columnWidth(tr(Str::ColumnReleased), 5.5f));
    ImGui::TableHeadersRow();

    if (takeSortSpecs(m_sortColumn, m_sortDescending)) m_rowsDirty = true;
    if (m_rowsDirty) sortRows(session, evaluation);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            drawRow(session, evaluation, m_rows[static_cast<std::size_t>(row)]);
        }
    }
    ImGui::EndTable();
}

void ClientsPanel::drawSelectableId(const std::string& id) {
    if (rowSelectable(id.c_str(), id == m_selectedId)) {
        m_selectedId = id;
        m_clickedId = id;
    }
    recordWidget("client_row." + id);
}

void ClientsPanel::drawRow(const Session& session, const Evaluation& evaluation, int index) {
    const Workspace& workspace = session.workspace();
    const Client& c = workspace.clients[static_cast<std::size_t>(index)];
    ImGui::TableNextRow();

    ImGui::TableSetColumnIndex(kId);
    drawSelectableId(c.id);
    ImGui::TableSetColumnIndex(kName);
    ImGui::TextUnformatted(c.name.c_str());
    if (c.keyAccount) {
        ImGui::SameLine();
        ImGui::TextDisabled("●");
        tooltipForLastItem(tr(Str::KeyAccount));
    }
    ImGui::TableSetColumnIndex(kOwner);
    if (m_owners[static_cast<std::size_t>(index)] >= 0) {
        ImGui::TextUnformatted(ownerName(workspace, index));
    } else {
        textColoured(kColourMuted, ownerName(workspace, index));
    }

    const ClientScore* score = scoreOf(evaluation, workspace, index);
    ImGui::TableSetColumnIndex(kValue);
    if (score) textRightFormat("%.1f", score->value);
    ImGui::TableSetColumnIndex(kDifficulty);
    if (score) textRightFormat("%.1f", score->difficulty);
    ImGui::TableSetColumnIndex(kTier);
    ImGui::TextUnformatted(c.tier.c_str());
    ImGui::TableSetColumnIndex(kReleased);
    if (m_released[static_cast<std::size_t>(index)]) {
        textColoured(kColourWarning, tr(Str::ReleasedMark));
    }
}

}  // namespace baton::ui
