// Encryption at rest in the Storage tab: set, change or remove the open workspace's
// passphrase, lock it now, and set the idle-lock time. It also draws the unlock prompt
// that replaces the body while the open workspace is locked. The page API does the work
// (setPassphrase, unlockWorkspace, lockWorkspace, removePassphrase, setIdleLock), and it
// derives keys and encrypts with the browser's WebCrypto.
#pragma once

#include <string>

#include "app/session.h"
#include "ui/async_call.h"

namespace baton::ui {

class EncryptionPanel {
public:
    // Draws the encryption section of the Storage tab.
    void draw(Session& session);
    // Draws the prompt for the passphrase of the open, locked workspace.
    void drawUnlock(Session& session);

private:
    void takeReplies(Session& session);
    void drawSetPassphrase(Session& session, bool change);
    void drawIdleLock(Session& session);
    void drawRemoveDialog(Session& session);
    void drawFeedback();

    AsyncCall m_call;    // the last passphrase, lock or unlock call
    AsyncCall m_status;  // storageStatus(), for the idle-lock minutes
    char m_passphrase[128] = "";
    char m_repeat[128] = "";
    char m_unlockText[128] = "";
    int m_idleMinutes = 15;
    bool m_idleRead = false;
    bool m_openRemove = false;
    std::string m_error;    // shown in red until the next action
    std::string m_message;  // what the last action did
};

}  // namespace baton::ui
