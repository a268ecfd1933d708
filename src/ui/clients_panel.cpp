#include "ui/clients_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
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

std::string formatScore(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

}  // namespace

void ClientsPanel::draw(Session& session) {
    refresh(session);
    const Evaluation& evaluation = session.evaluation();

    float filterWidth =
        std::min(ImGui::GetContentRegionAvail().x * 0.5f, ImGui::GetFontSize() * 26.0f);
    if (m_filter.draw("##client_filter", tr(Str::ClientsFilterHint), filterWidth)) {
        m_table.markDirty();
    }
    recordWidget("clients.filter");
    ImGui::SameLine();
    if (ImGui::Checkbox(labelWithId(tr(Str::ReleasedOnly), "released_only").c_str(),
                        &m_releasedOnly)) {
        m_table.markDirty();
    }
    recordWidget("clients.released_only");
    ImGui::SameLine();
    m_table.drawCopyButton("clients.copy");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    int total = static_cast<int>(session.workspace().clients.size());
    ImGui::TextDisabled(trPlural(Str::ClientsShown, {total}).c_str(),
                        static_cast<int>(m_table.rows().size()), total);

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
    m_table.markDirty();

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
    RowSource source;
    source.keep = [&](int index) {
        const Client& c = workspace.clients[static_cast<std::size_t>(index)];
        if (m_releasedOnly && !m_released[static_cast<std::size_t>(index)]) return false;
        return m_filter.empty() || m_filter.matches(c.id) || m_filter.matches(c.name) ||
               m_filter.matches(ownerName(workspace, index)) || m_filter.matches(c.industry) ||
               m_filter.matches(c.region);
    };
    source.compare = [&](int a, int b, int column) {
        const Client& x = workspace.clients[static_cast<std::size_t>(a)];
        const Client& y = workspace.clients[static_cast<std::size_t>(b)];
        const ClientScore* p = scoreOf(evaluation, workspace, a);
        const ClientScore* q = scoreOf(evaluation, workspace, b);
        switch (column) {
            case kName: return x.name.compare(y.name);
            case kOwner:
                return std::string_view(ownerName(workspace, a)).compare(ownerName(workspace, b));
            case kValue: return p && q ? compareNumbers(p->value, q->value) : 0;
            case kDifficulty: return p && q ? compareNumbers(p->difficulty, q->difficulty) : 0;
            case kTier: return x.tier.compare(y.tier);
            case kReleased:
                return int(m_released[static_cast<std::size_t>(a)]) -
                       int(m_released[static_cast<std::size_t>(b)]);
            default: return 0;
        }
    };
    source.id = [&](int index) {
        return std::string_view(workspace.clients[static_cast<std::size_t>(index)].id);
    };
    int count = static_cast<int>(workspace.clients.size());
    m_table.setRows(orderRows(m_table.orderRequest(count), source), count);
}

void ClientsPanel::drawTable(Session& session, const Evaluation& evaluation) {
    const ImGuiTableColumnFlags descendingFirst = kDescendingFirstColumn;
    std::vector<TableColumn> columns = {
        idColumn(4.0f),
        {tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 2.5f},
        {tr(Str::ColumnOwner), ImGuiTableColumnFlags_WidthStretch, 1.3f},
        {tr(Str::ColumnValue), descendingFirst, columnWidth(tr(Str::ColumnValue), 3.0f)},
        {tr(Str::ColumnDifficulty), descendingFirst, columnWidth(tr(Str::ColumnDifficulty), 3.0f)},
        {tr(Str::ColumnTier), ImGuiTableColumnFlags_WidthFixed,
         columnWidth(tr(Str::ColumnTier), 2.0f)},
        {tr(Str::ColumnReleased), descendingFirst, columnWidth(tr(Str::ColumnReleased), 5.5f)},
    };
    if (!m_table.begin("clients", columns)) return;
    if (m_table.needsOrder()) sortRows(session, evaluation);
    m_table.drawRows([&](int index) { drawRow(session, evaluation, index); });
    m_table.end(
        [&](int index, int column) { return cellText(session, evaluation, index, column); });
}

std::string ClientsPanel::cellText(const Session& session, const Evaluation& evaluation, int index,
                                   int column) const {
    const Workspace& workspace = session.workspace();
    const Client& c = workspace.clients[static_cast<std::size_t>(index)];
    const ClientScore* score = scoreOf(evaluation, workspace, index);
    switch (column) {
        case kId: return c.id;
        case kName: return c.name;
        case kOwner: return ownerName(workspace, index);
        case kValue: return score ? formatScore(score->value) : std::string();
        case kDifficulty: return score ? formatScore(score->difficulty) : std::string();
        case kTier: return c.tier;
        case kReleased:
            return m_released[static_cast<std::size_t>(index)] ? tr(Str::ReleasedMark) : "";
        default: return {};
    }
}

void ClientsPanel::drawSelectableId(int index, const std::string& id) {
    if (m_table.selectable(index, id.c_str())) m_clickedId = id;
    recordWidget("client_row." + id);
}

void ClientsPanel::drawRow(const Session& session, const Evaluation& evaluation, int index) {
    const Workspace& workspace = session.workspace();
    const Client& c = workspace.clients[static_cast<std::size_t>(index)];
    ImGui::TableNextRow();

    ImGui::TableSetColumnIndex(kId);
    drawSelectableId(index, c.id);
    ImGui::TableSetColumnIndex(kName);
    // The key-account marker keeps its place right of a name that is cut.
    float marker = ImGui::CalcTextSize("●").x + ImGui::GetStyle().ItemSpacing.x;
    textEllipsis(c.name.c_str(), {.reserveRight = c.keyAccount ? marker : 0.0f});
    if (c.keyAccount) {
        ImGui::SameLine();
        ImGui::TextDisabled("●");
        tooltipForLastItem(tr(Str::KeyAccount));
    }
    ImGui::TableSetColumnIndex(kOwner);
    bool known = m_owners[static_cast<std::size_t>(index)] >= 0;
    textEllipsis(ownerName(workspace, index), {.colour = known ? 0 : kColourMuted});

    const ClientScore* score = scoreOf(evaluation, workspace, index);
    ImGui::TableSetColumnIndex(kValue);
    if (score) textRightFormat("%.1f", score->value);
    ImGui::TableSetColumnIndex(kDifficulty);
    if (score) textRightFormat("%.1f", score->difficulty);
    ImGui::TableSetColumnIndex(kTier);
    textEllipsis(c.tier.c_str());
    ImGui::TableSetColumnIndex(kReleased);
    if (m_released[static_cast<std::size_t>(index)]) {
        textColoured(kColourWarning, tr(Str::ReleasedMark));
    }
}

}  // namespace baton::ui
