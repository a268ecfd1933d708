#include "ui/encryption_panel.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

using nlohmann::json;

// The minimum the page API accepts (setPassphrase in web/api.js).
constexpr std::size_t kMinPassphrase = 8;

void clear(char* buffer, std::size_t size) { std::memset(buffer, 0, size); }

// The "error" of a {ok: false, error} reply, or "" when the reply is ok.
std::string replyError(const PlatformReply& reply) {
    if (!reply.ok) return reply.value;
    json value = json::parse(reply.value, nullptr, false);
    if (value.is_object() && value.value("ok", true) == false) {
        return value.value("error", std::string("failed"));
    }
    return "";
}

}  // namespace

void EncryptionPanel::takeReplies(Session& session) {
    if (auto reply = m_status.poll(session)) {
        json status = json::parse(reply->value, nullptr, false);
        if (reply->ok && status.is_object() && status.contains("idle_lock_minutes")) {
            m_idleMinutes = status["idle_lock_minutes"].get<int>();
        }
        m_idleRead = true;
    }
    auto reply = m_call.poll(session);
    if (!reply) return;
    m_error = replyError(*reply);
    if (!m_error.empty()) return;
    const std::string& method = m_call.method();
    if (method == "setPassphrase") m_message = tr(Str::EncryptionSetDone);
    if (method == "removePassphrase") m_message = tr(Str::EncryptionRemoved);
    if (method == "lockWorkspace") m_message = tr(Str::EncryptionLockedDone);
    if (method == "setIdleLock") m_message = tr(Str::IdleLockDone);
    if (method == "unlockWorkspace") m_message.clear();
}

void EncryptionPanel::drawFeedback() {
    ImGui::PushTextWrapPos(0.0f);
    if (!m_error.empty()) {
        textColoured(kColourBad, m_error.c_str());
        recordWidget("crypt.error");
    } else if (!m_message.empty()) {
        textColoured(kColourGood, m_message.c_str());
    }
    ImGui::PopTextWrapPos();
}

void EncryptionPanel::draw(Session& session) {
    takeReplies(session);
    if (!m_idleRead && !m_status.busy()) m_status.start(session, "storageStatus");
    const StorageStatus& status = session.storageStatus();
    sectionHeading(tr(Str::EncryptionHeading));
    if (!status.secureContext) {
        textWrappedColoured(kColourWarning, tr(Str::EncryptionNeedsSecure));
        return;
    }
    if (!status.available) {
        ImGui::TextDisabled("%s", tr(Str::EncryptionNeedsStorage));
        return;
    }
    textWrappedMixed(status.encrypted ? tr(Str::EncryptionOn) : tr(Str::EncryptionOff));
    if (status.encrypted && !session.locked()) {
        if (ImGui::Button(labelWithId(tr(Str::EncryptionLockNow), "crypt_lock").c_str())) {
            m_error.clear();
            m_call.start(session, "lockWorkspace", json::array({session.workspaceId()}));
        }
        recordWidget("crypt.lock");
        ImGui::SameLine();
        if (ImGui::Button(labelWithId(tr(Str::EncryptionRemove), "crypt_remove").c_str())) {
            m_openRemove = true;
        }
        recordWidget("crypt.remove");
    }
    drawSetPassphrase(session, status.encrypted);
    drawIdleLock(session);
    drawFeedback();
    drawRemoveDialog(session);
}

void EncryptionPanel::drawSetPassphrase(Session& session, bool change) {
    float width = ImGui::GetFontSize() * 14.0f;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_Password;
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##crypt_pass", tr(Str::PassphraseHint), m_passphrase,
                             sizeof m_passphrase, flags);
    recordWidget("crypt.passphrase");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##crypt_repeat", tr(Str::PassphraseRepeatHint), m_repeat,
                             sizeof m_repeat, flags);
    recordWidget("crypt.repeat");
    ImGui::SameLine();
    const char* label = change ? tr(Str::EncryptionChange) : tr(Str::EncryptionSet);
    ImGui::BeginDisabled(m_call.busy());
    bool pressed = ImGui::Button(labelWithId(label, "crypt_set").c_str());
    ImGui::EndDisabled();
    recordWidget("crypt.set");
    if (!pressed) return;
    m_message.clear();
    if (std::strlen(m_passphrase) < kMinPassphrase) {
        m_error = tr(Str::PassphraseTooShort);
    } else if (std::strcmp(m_passphrase, m_repeat) != 0) {
        m_error = tr(Str::PassphraseMismatch);
    } else {
        m_error.clear();
        m_call.start(session, "setPassphrase",
                     json::array({session.workspaceId(), std::string(m_passphrase)}));
    }
    clear(m_passphrase, sizeof m_passphrase);
    clear(m_repeat, sizeof m_repeat);
}

void EncryptionPanel::drawIdleLock(Session& session) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::IdleLockLabel));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ImGui::InputInt("##idle_minutes", &m_idleMinutes)) {
        if (m_idleMinutes < 0) m_idleMinutes = 0;
    }
    recordWidget("idle.minutes");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::ApplySetting), "idle_apply").c_str())) {
        m_error.clear();
        m_call.start(session, "setIdleLock", json::array({m_idleMinutes}));
    }
    recordWidget("idle.apply");
    ImGui::TextDisabled("%s", tr(Str::IdleLockHint));
}

void EncryptionPanel::drawRemoveDialog(Session& session) {
    const char* id = "###crypt_remove_dialog";
    if (m_openRemove) {
        ImGui::OpenPopup(id);
        m_openRemove = false;
    }
    std::string title = std::string(tr(Str::EncryptionRemoveTitle)) + id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(tr(Str::EncryptionRemoveQuestion));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(labelWithId(tr(Str::EncryptionRemove), "crypt_remove_yes").c_str())) {
        m_error.clear();
        m_call.start(session, "removePassphrase", json::array({session.workspaceId()}));
        ImGui::CloseCurrentPopup();
    }
    recordWidget("crypt.remove_confirm");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::Cancel), "crypt_remove_no").c_str())) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void EncryptionPanel::drawUnlock(Session& session) {
    takeReplies(session);
    char title[256];
    std::snprintf(title, sizeof title, tr(Str::UnlockTitle), session.workspaceName().c_str());
    sectionHeading(title);
    textWrappedMixed(tr(Str::UnlockPrompt));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool entered = ImGui::InputTextWithHint("##unlock_pass", tr(Str::UnlockHint), m_unlockText,
                                            sizeof m_unlockText,
                                            ImGuiInputTextFlags_Password |
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    recordWidget("unlock.passphrase");
    ImGui::SameLine();
    ImGui::BeginDisabled(m_call.busy());
    bool pressed = primaryButton(labelWithId(tr(Str::UnlockButton), "unlock_submit").c_str());
    ImGui::EndDisabled();
    recordWidget("unlock.submit");
    if ((pressed || entered) && !m_call.busy()) {
        m_error.clear();
        m_call.start(session, "unlockWorkspace",
                     json::array({session.workspaceId(), std::string(m_unlockText)}));
        clear(m_unlockText, sizeof m_unlockText);
    }
    if (m_call.busy()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Str::WorkingEllipsis));
    }
    drawFeedback();
}

}  // namespace baton::ui
