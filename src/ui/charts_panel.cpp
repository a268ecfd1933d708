#include "ui/charts_panel.h"

#include <imgui.h>

#include <string>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr int kValueBins = 20;

}  // namespace

void ChartsPanel::refresh(Session& session) {
    const AllocationResult* result = session.lastResult();
    if (session.workspaceId() == m_seenWorkspace && session.revision() == m_seenRevision &&
        result == m_seenResult && m_seenLocale == locale()) {
        return;
    }
    m_seenWorkspace = session.workspaceId();
    m_seenRevision = session.revision();
    m_seenResult = result;
    m_seenLocale = locale();
    const Evaluation& evaluation = session.evaluation();
    std::vector<double> values;
    values.reserve(evaluation.clients.size());
    for (const ClientScore& score : evaluation.clients) values.push_back(score.value);
    m_values = histogram(values, kValueBins, 0.0, 100.0);
    m_hasResult = result != nullptr;
    if (!result) return;
    m_received = receivedAgainstTarget(*result);
    m_books = booksBeforeAfter(bookChanges(session.workspace(), evaluation, *result));
}

void ChartsPanel::draw(Session& session) {
    refresh(session);
    float height = ImGui::GetFontSize() * 9.0f;
    struct ResultChart {
        Str heading;
        const char* id;
        const GroupedBars* chart;
    };
    for (const ResultChart& c : {ResultChart{Str::ChartReceivedHeading, "received", &m_received},
                                 ResultChart{Str::ChartBooksHeading, "books", &m_books}}) {
        ImGui::TextUnformatted(tr(c.heading));
        if (m_hasResult) {
            drawGroupedBars(c.id, *c.chart, height);
            recordWidget(std::string("charts.") + c.id);
        } else {
            ImGui::TextDisabled("%s", tr(Str::ChartNeedsResult));
        }
        ImGui::Spacing();
    }
    ImGui::TextUnformatted(tr(Str::ChartValueHeading));
    drawHistogram("values", m_values, height * 0.8f);
    recordWidget("charts.values");
}

}  // namespace baton::ui
