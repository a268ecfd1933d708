// The Verify button of the Allocation panel and the outcome under it: a pass, the list of
// breaches with a button that saves them, or why the applied result was not checked.
#include <imgui.h>

#include <cstdio>

#include "ui/allocation_panel.h"
#include "ui/message_text.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {

void AllocationPanel::drawVerifyButton(Session& session) {
    ImGui::BeginDisabled(m_run != RunState::Idle || session.lastResult() == nullptr);
    if (ImGui::Button(labelWithId(tr(Str::VerifyResult), "verify").c_str())) {
        m_verify = session.verifyResultText(session.lastResultText());
        m_verified = true;
        m_pressedButton = "verify";
    }
    recordWidget("verify");
    ImGui::EndDisabled();
    actionTooltip("verify", tr(Str::VerifyResultHint));
}

// Shows `text` as the tooltip of the action button `button` drawn last, except while the
// mouse stays on the button just pressed.
void AllocationPanel::actionTooltip(const char* button, const char* text, bool whenDisabled) {
    if (m_pressedButton == button) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
        m_pressedButton.clear();
    }
    tooltipForLastItem(text, whenDisabled);
}

void AllocationPanel::drawVerifyOutcome(Session& session) {
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& error : m_proposalErrors)
        textWrappedColoured(kColourBad, error.c_str());
    if (!m_verified) {
        ImGui::PopTextWrapPos();
        return;
    }
    bool beforeApply = m_verify.basis == VerifyBasis::BeforeApply;
    if (m_verify.basis == VerifyBasis::EditedAfterApply) {
        textWrappedColoured(kColourWarning, tr(Str::VerifyEditedAfterApply));
        recordWidget("verify.edited_after_apply");
    } else if (m_verify.breaches.empty()) {
        textWrappedColoured(kColourGood,
                            tr(beforeApply ? Str::VerifyPassesBeforeApply : Str::VerifyPasses));
        recordWidget("verify.passes");
    } else {
        char heading[160];
        int count = static_cast<int>(m_verify.breaches.size());
        Str text = m_verify.readable ? Str::VerifyBreaches : Str::VerifyUnreadable;
        std::snprintf(heading, sizeof heading, trPlural(text, {count}).c_str(), count);
        textColoured(kColourBad, heading);
        recordWidget("verify.breaches");
        if (beforeApply) ImGui::TextUnformatted(tr(Str::VerifyCheckedBeforeApply));
        drawVerifyBreaches(session);
    }
    ImGui::PopTextWrapPos();
}

// Lists every breach in a scrolling region of at most kShownLines lines, so a result far
// off (thousands of breaches) keeps the panel below in reach, and offers them as a file.
void AllocationPanel::drawVerifyBreaches(Session& session) {
    if (m_verify.readable) ImGui::TextUnformatted(tr(Str::VerifyBreachesLead));
    constexpr int kShownLines = 12;
    int count = static_cast<int>(m_verify.breaches.size());
    float lines = static_cast<float>(count < kShownLines ? count : kShownLines);
    float height =
        lines * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2.0f;
    ImGui::BeginChild("verify_breaches", ImVec2(0.0f, height), true);
    for (const std::string& breach : m_verify.breaches) {
        ImGui::Bullet();
        textWrappedMixed(breachText(breach).c_str());
    }
    ImGui::EndChild();
    recordWidget("verify.breach_list");
    if (count > kShownLines) {
        ImGui::TextDisabled(trPlural(Str::VerifyMore, {count}).c_str(), count);
    }
    if (ImGui::Button(labelWithId(tr(Str::VerifySaveBreaches), "verify_save").c_str())) {
        std::string text;
        for (const std::string& breach : m_verify.breaches) text += breach + "\n";
        PlatformRequest request;
        request.kind = PlatformRequest::Kind::Download;
        request.fileName = "baton-verify-breaches.txt";
        request.text = std::move(text);
        request.mimeType = "text/plain";
        session.request(std::move(request));
    }
    recordWidget("verify.save");
    tooltipForLastItem(tr(Str::VerifySaveBreachesHint));
}

}  // namespace baton::ui
