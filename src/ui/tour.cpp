#include "ui/tour.h"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

struct TourStep {
    Str title;
    Str body;
    // Widget names to highlight, in order of preference: the first one drawn this frame.
    std::vector<const char*> targets;
    // Tab ids selected when the step opens, outer tab bar first.
    std::vector<const char*> tabs;
    // Shown while the first target is not drawn, or Str::Count for the generic hint.
    Str waiting = Str::Count;
};

// The appeal and finalise steps fall back to the Allocation panel's Apply button when the
// narrow layout hides the Cycle tab's content.
const std::vector<TourStep>& steps() {
    static const std::vector<TourStep> kSteps = {
        {Str::TourLeaverTitle, Str::TourLeaverBody, {"tab.employees"}, {"employees"}},
        {Str::TourEvaluateTitle, Str::TourEvaluateBody, {"tab.scores"}, {"scores"}},
        {Str::TourAllocateTitle, Str::TourAllocateBody, {"allocate"}, {"allocation"}},
        {Str::TourFairnessTitle, Str::TourFairnessBody, {"tab.per_employee", "allocate"},
         {"allocation", "per_employee"}, Str::TourFairnessWaiting},
        {Str::TourAppealTitle, Str::TourAppealBody,
         {"tab.cycle.appeals", "tab.cycle", "apply"}, {"cycle", "cycle.appeals"}},
        {Str::TourFinaliseTitle, Str::TourFinaliseBody,
         {"cycle.advance", "tab.cycle.timeline", "tab.cycle", "apply"},
         {"cycle", "cycle.timeline"}, Str::TourCycleWaiting},
    };
    return kSteps;
}

// Returns the hint shown under the step's text while its first target is not drawn, or
// nullptr when it is.
const char* waitingHint(const TourStep& step, bool anyTargetDrawn) {
    if (widgetRect(step.targets.front())) return nullptr;
    if (step.waiting != Str::Count) return tr(step.waiting);
    return anyTargetDrawn ? nullptr : tr(Str::TourTargetHidden);
}

std::optional<WidgetRect> findTarget(const TourStep& step) {
    for (const char* name : step.targets) {
        if (auto rect = widgetRect(name)) return rect;
    }
    return std::nullopt;
}

// Places the step window of `size` beside `target`: below it, else above, else at the
// right edge, always inside the viewport.
ImVec2 windowPosition(const WidgetRect& target, ImVec2 size) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImVec2 min = viewport->WorkPos;
    ImVec2 max(min.x + viewport->WorkSize.x, min.y + viewport->WorkSize.y);
    float gap = 12.0f;
    float x = std::clamp(target.x, min.x, std::max(min.x, max.x - size.x));
    float below = target.y + target.height + gap;
    float above = target.y - gap - size.y;
    float y = below;
    if (below + size.y > max.y) y = above >= min.y ? above : max.y - size.y;
    return ImVec2(x, std::max(min.y, y));
}

}  // namespace

int Tour::stepCount() const { return static_cast<int>(steps().size()); }

void Tour::start() {
    m_active = true;
    m_step = 0;
    m_selectedStep = -1;
}

void Tour::stop() {
    m_active = false;
    clearTabRequests();
}

void Tour::draw() {
    if (!m_active) return;
    const TourStep& step = steps()[m_step];
    if (m_selectedStep != m_step) {
        m_selectedStep = m_step;
        clearTabRequests();
        for (const char* tab : step.tabs) requestTab(tab);
    }
    std::optional<WidgetRect> target = findTarget(step);
    if (target) {
        float pad = 4.0f;
        ImGui::GetForegroundDrawList()->AddRect(
            ImVec2(target->x - pad, target->y - pad),
            ImVec2(target->x + target->width + pad, target->y + target->height + pad),
            kColourAccent, 6.0f, 0, 3.0f);
    }

    float em = ImGui::GetFontSize();
    ImVec2 size(em * 24.0f, 0.0f);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    WidgetRect centre{viewport->WorkPos.x + viewport->WorkSize.x * 0.5f - size.x * 0.5f,
                      viewport->WorkPos.y + viewport->WorkSize.y * 0.3f, 0.0f, 0.0f};
    ImVec2 lastSize(size.x, m_windowHeight > 0.0f ? m_windowHeight : em * 10.0f);
    ImGui::SetNextWindowPos(windowPosition(target ? *target : centre, lastSize));
    ImGui::SetNextWindowSize(size);
    // A height of 0 fits the height to the content in every frame. The width stays fixed,
    // so that the text wraps the same way each frame.
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoMove;
    // The step window is drawn like a popup, so that it is set apart from the panels.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetColorU32(ImGuiCol_PopupBg));
    ImGui::PushStyleColor(ImGuiCol_Border, kColourAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f);
    bool open = ImGui::Begin("###tour", nullptr, flags);
    // The window has read its colours and border; its buttons keep the usual ones.
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    if (open) {
        drawContent(step.title, step.body, waitingHint(step, target.has_value()));
        m_windowHeight = ImGui::GetWindowHeight();
        recordWindow("tour.window");
    }
    ImGui::End();
}

void Tour::drawContent(Str title, Str body, const char* hint) {
    int count = stepCount();
    ImGui::TextDisabled(tr(Str::TourProgress), m_step + 1, count);
    textColoured(kColourAccent, tr(title));
    textWrappedMixed(tr(body));
    if (hint != nullptr) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
        textWrappedMixed(hint);
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();

    ImGui::BeginDisabled(m_step == 0);
    if (ImGui::Button(labelWithId(tr(Str::TourBack), "tour_back").c_str())) --m_step;
    ImGui::EndDisabled();
    recordWidget("tour.back");
    ImGui::SameLine();
    bool last = m_step + 1 == count;
    const char* next = last ? tr(Str::TourFinish) : tr(Str::TourNext);
    if (primaryButton(labelWithId(next, "tour_next").c_str())) {
        if (last) {
            stop();
        } else {
            ++m_step;
        }
    }
    recordWidget("tour.next");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::TourEnd), "tour_end").c_str())) stop();
    recordWidget("tour.end");
}

}  // namespace baton::ui
