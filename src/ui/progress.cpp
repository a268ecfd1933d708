#include "ui/progress.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr const char* kPopupId = "###progress_overlay";

// Draws a bar at the cursor: filled to `fraction`, or, when it is negative, a block that
// sweeps across once a second to show that work is going on.
void drawBar(float width, float height, double fraction) {
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(min.x + width, min.y + height);
    float rounding = height * 0.5f;
    draw->AddRectFilled(min, max, kColourBarTrack, rounding);
    if (fraction >= 0.0) {
        float filled = width * static_cast<float>(std::clamp(fraction, 0.0, 1.0));
        if (filled > 0.0f) {
            draw->AddRectFilled(min, ImVec2(min.x + filled, max.y), kColourAccent, rounding);
        }
        return;
    }
    float block = width * 0.3f;
    float phase = static_cast<float>(std::fmod(ImGui::GetTime(), 1.0));
    float left = min.x - block + (width + block) * phase;
    ImVec2 from(std::max(min.x, left), min.y);
    ImVec2 to(std::min(max.x, left + block), max.y);
    if (to.x > from.x) draw->AddRectFilled(from, to, kColourAccent, rounding);
}

}  // namespace

ProgressOverlay& progressOverlay() {
    static ProgressOverlay overlay;
    return overlay;
}

bool ProgressOverlay::runAfterShowing(std::string label, std::function<void()> work) {
    if (m_visible) return false;
    m_label = std::move(label);
    m_work = std::move(work);
    m_cancel = nullptr;
    m_fraction = -1.0;
    m_visible = true;
    m_cancelled = false;
    m_framesDrawn = 0;
    return true;
}

void ProgressOverlay::beginExternal(std::string label, double fraction,
                                    std::function<void()> cancel) {
    m_label = std::move(label);
    m_work = nullptr;
    m_cancel = std::move(cancel);
    m_fraction = fraction;
    m_visible = true;
    m_cancelled = false;
    m_framesDrawn = 0;
}

void ProgressOverlay::endExternal() {
    if (m_work) return;  // the overlay belongs to waiting work, not to the caller
    m_visible = false;
    m_cancel = nullptr;
}

void ProgressOverlay::update() {
    // A new auto-resized popup is hidden on its first frame while ImGui measures it.
    if (!m_visible || !m_work || m_framesDrawn < 2) return;
    std::function<void()> work = std::exchange(m_work, nullptr);
    work();
    m_visible = false;
}

void ProgressOverlay::draw() {
    if (!m_visible) {
        if (ImGui::IsPopupOpen(kPopupId)) {
            // The popup closes from inside its own Begin/End, on the frame after the work.
            if (ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoDecoration)) {
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        return;
    }
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(kPopupId);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (!ImGui::BeginPopupModal(kPopupId, nullptr, flags)) return;
    float width = ImGui::GetFontSize() * 22.0f;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(m_cancelled ? tr(Str::BusyCancelling) : m_label.c_str());
    ImGui::PopTextWrapPos();
    recordWidget("progress.label");
    ImGui::Spacing();
    drawBar(width, ImGui::GetFontSize() * 0.6f, m_fraction);
    if (m_cancel && !m_cancelled) {
        ImGui::Spacing();
        if (ImGui::Button(labelWithId(tr(Str::Cancel), "progress_cancel").c_str())) {
            m_cancelled = true;
            m_cancel();
        }
        recordWidget("progress.cancel");
    }
    ImGui::EndPopup();
    ++m_framesDrawn;
}

void inlineBusyBar(float width) {
    float height = ImGui::GetTextLineHeight() * 0.45f;
    float offset = (ImGui::GetFrameHeight() - height) * 0.5f;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + offset);
    drawBar(width, height, -1.0);
}

}  // namespace baton::ui
