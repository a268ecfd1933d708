#include "ui/cycle_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// The date a stage was entered, or its planned date with `planned` set.
std::string stageDate(const Cycle& cycle, CycleStage stage, bool& planned) {
    const CycleDates& d = cycle.dates;
    planned = false;
    auto either = [&planned](const std::string& entered, const std::string& plan) {
        if (!entered.empty() || plan.empty()) return entered;
        planned = true;
        return plan;
    };
    switch (stage) {
        case CycleStage::Departure: return d.departure;
        case CycleStage::RulesPublished: return d.rulesPublished;
        case CycleStage::Proposal: return d.proposal;
        case CycleStage::ObjectionsClosed: return either(d.objectionsClosed, d.objectionEnd);
        case CycleStage::Final: return d.finalDate;
        case CycleStage::Handover: return either(d.handover, d.handoverDue);
        case CycleStage::FollowUp:
            return either(d.followUp, d.followUps.empty() ? std::string() : d.followUps.front());
        case CycleStage::Closed: return d.closed;
    }
    return "";
}

// Whether the timeline shows a planned date, which it draws in the warning colour.
bool showsPlannedDate(const Cycle& cycle) {
    for (CycleStage stage : allCycleStages()) {
        bool planned = false;
        if (!stageDate(cycle, stage, planned).empty() && planned) return true;
    }
    return false;
}

std::string whatCanChange(const Cycle& cycle) {
    char text[400];
    switch (cycle.stage) {
        case CycleStage::Departure: return tr(Str::CycleChangeDeparture);
        case CycleStage::RulesPublished: return tr(Str::CycleChangeRules);
        case CycleStage::Proposal:
            std::snprintf(text, sizeof text, tr(Str::CycleChangeProposal),
                          cycle.dates.objectionEnd.c_str());
            return text;
        case CycleStage::ObjectionsClosed: return tr(Str::CycleChangeClosed);
        case CycleStage::Final: return tr(Str::CycleChangeFinal);
        case CycleStage::Handover: return tr(Str::CycleChangeHandover);
        case CycleStage::FollowUp: return tr(Str::CycleChangeFollowUp);
        case CycleStage::Closed: return tr(Str::CycleChangeEnded);
    }
    return "";
}

std::optional<CycleStage> nextStage(CycleStage stage) {
    const std::vector<CycleStage>& all = allCycleStages();
    auto it = std::find(all.begin(), all.end(), stage);
    if (it == all.end() || it + 1 == all.end()) return std::nullopt;
    return *(it + 1);
}

}  // namespace

const char* stageText(CycleStage stage) {
    switch (stage) {
        case CycleStage::Departure: return tr(Str::StageDeparture);
        case CycleStage::RulesPublished: return tr(Str::StageRulesPublished);
        case CycleStage::Proposal: return tr(Str::StageProposal);
        case CycleStage::ObjectionsClosed: return tr(Str::StageObjectionsClosed);
        case CycleStage::Final: return tr(Str::StageFinal);
        case CycleStage::Handover: return tr(Str::StageHandover);
        case CycleStage::FollowUp: return tr(Str::StageFollowUp);
        case CycleStage::Closed: return tr(Str::StageClosed);
    }
    return "";
}

void CyclePanel::draw(Session& session) {
    const Cycle* cycle = session.cycle();
    if (!cycle) {
        drawStart(session);
    } else {
        char heading[200];
        std::snprintf(heading, sizeof heading, tr(Str::CycleHeading), cycle->id.c_str(),
                      stageText(cycle->stage));
        ImGui::TextUnformatted(heading);
        recordWidget("cycle.heading");
        drawTimeline(*cycle);
        drawStatus(session, *cycle);
    }
    if (!m_message.empty()) {
        textColoured(m_messageOk ? kColourGood : kColourBad, logMessageText(m_message).c_str());
        recordWidget("cycle.message");
    }
}

void CyclePanel::drawStart(Session& session) {
    textWrappedMixed(tr(Str::CycleNone));
    char hint[300];
    std::snprintf(hint, sizeof hint, tr(Str::CycleStartHint), session.today().c_str());
    ImGui::TextDisabled("%s", hint);
    if (primaryButton(labelWithId(tr(Str::CycleStart), "cycle_start").c_str())) {
        CycleStart start;
        start.date = session.today();
        for (const Employee& e : session.workspace().employees) {
            if (e.kind != EmployeeKind::Person || !isLeaver(e.status)) continue;
            CycleLeaver leaver;
            leaver.employee = e.id;
            leaver.status = toString(e.status);
            leaver.lastDay = e.lastDay;
            start.leavers.push_back(leaver);
        }
        CycleResult result = session.startCycle(start);
        m_message = result.message;
        m_messageOk = result.ok;
    }
    recordWidget("cycle.start");
}

// Draws the stages as dots on a line: passed stages filled, the current one ringed and
// larger, later ones hollow; each with its name and date below.
void CyclePanel::drawTimeline(const Cycle& cycle) {
    const std::vector<CycleStage>& stages = allCycleStages();
    auto current = std::find(stages.begin(), stages.end(), cycle.stage) - stages.begin();
    float width = std::max(ImGui::GetContentRegionAvail().x, 200.0f);
    float line = ImGui::GetTextLineHeightWithSpacing();
    float height = line * 4.0f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float slot = width / static_cast<float>(stages.size());
    float y = origin.y + line * 0.7f;
    draw->AddLine(ImVec2(origin.x + slot * 0.5f, y), ImVec2(origin.x + width - slot * 0.5f, y),
                  kColourBarTrack, 3.0f);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        float x = origin.x + slot * (static_cast<float>(i) + 0.5f);
        bool passed = static_cast<long>(i) < current;
        bool now = static_cast<long>(i) == current;
        if (passed) {
            draw->AddLine(ImVec2(x, y), ImVec2(x + slot, y), kColourAccent, 3.0f);
        }
        float radius = now ? 8.0f : 5.5f;
        ImU32 fill = passed || now ? kColourAccent : ImGui::GetColorU32(ImGuiCol_WindowBg);
        draw->AddCircleFilled(ImVec2(x, y), radius, fill);
        draw->AddCircle(ImVec2(x, y), radius, passed || now ? kColourAccent : kColourMuted, 0,
                        2.0f);
        if (now) draw->AddCircle(ImVec2(x, y), radius + 4.0f, kColourAccent, 0, 2.0f);

        bool planned = false;
        std::string date = stageDate(cycle, stages[i], planned);
        const char* name = stageText(stages[i]);
        ImVec4 clip(x - slot * 0.5f, origin.y, x + slot * 0.5f, origin.y + height);
        ImU32 colour =
            now ? kColourAccent : (passed ? ImGui::GetColorU32(ImGuiCol_Text) : kColourMuted);
        // A name wider than its slot wraps onto a second line.
        float wrap = slot - 4.0f;
        float nameWidth = ImGui::CalcTextSize(name, nullptr, false, wrap).x;
        draw->AddText(nullptr, 0.0f, ImVec2(x - std::min(nameWidth, wrap) * 0.5f, y + line * 0.6f),
                      colour, name, nullptr, wrap, &clip);
        if (!date.empty()) {
            float dateWidth = ImGui::CalcTextSize(date.c_str()).x;
            draw->AddText(
                nullptr, 0.0f, ImVec2(x - std::min(dateWidth, slot) * 0.5f, y + line * 2.6f),
                planned ? kColourWarning : kColourMuted, date.c_str(), nullptr, 0.0f, &clip);
        }
    }
}

void CyclePanel::drawStatus(Session& session, const Cycle& cycle) {
    if (showsPlannedDate(cycle)) textColoured(kColourWarning, tr(Str::CyclePlanned));
    textWrappedMixed(whatCanChange(cycle).c_str());
    recordWidget("cycle.can_change");
    std::string leavers;
    for (const CycleLeaver& l : cycle.leavers)
        leavers += (leavers.empty() ? "" : ", ") + l.employee;
    char text[400];
    std::snprintf(text, sizeof text, tr(Str::CycleLeavers), leavers.c_str());
    ImGui::TextDisabled("%s", text);
    if (!cycle.leftUnassigned.empty()) {
        std::string clients;
        for (const std::string& id : cycle.leftUnassigned)
            clients += (clients.empty() ? "" : ", ") + id;
        std::string line = tr(Str::CycleLeftUnassigned);
        line.replace(line.find("%s"), 2, clients);
        textWrappedColoured(kColourWarning, line.c_str());
        recordWidget("cycle.left_unassigned");
    }
    int open = 0;
    for (const Appeal& a : cycle.appeals) open += a.status == AppealStatus::Open;
    int appeals = static_cast<int>(cycle.appeals.size());
    int moved = static_cast<int>(cycle.moves.size());
    std::snprintf(text, sizeof text, trPlural(Str::CycleCounts, {appeals, moved}).c_str(), appeals,
                  open, moved);
    ImGui::TextDisabled("%s", text);

    std::optional<CycleStage> next = nextStage(cycle.stage);
    if (!next) return;
    std::snprintf(text, sizeof text, tr(Str::CycleAdvance), stageText(*next));
    if (primaryButton(labelWithId(text, "cycle_advance").c_str())) {
        CycleResult result = session.advanceCycle(toString(*next), "");
        m_message = result.message;
        m_messageOk = result.ok;
    }
    recordWidget("cycle.advance");
}

}  // namespace baton::ui
