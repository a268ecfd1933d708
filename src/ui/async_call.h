// One page API call at a time from a panel. The call goes out as a platform request and
// its reply is read in a later frame, so a panel acts through the same window.baton
// methods as a script does.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "app/session.h"

namespace baton::ui {

class AsyncCall {
public:
    // Sends window.baton[method](...arguments). A call still running is forgotten: its
    // reply is dropped when it arrives.
    void start(Session& session, const std::string& method,
               const nlohmann::json& arguments = nlohmann::json::array());
    // Sends a request for a file to be picked and read as text (PlatformRequest::PickText).
    void pickText(Session& session);
    bool busy() const { return m_ticket != 0; }
    const std::string& method() const { return m_method; }
    // The reply once it has arrived, else nullopt; it is returned once.
    std::optional<PlatformReply> poll(Session& session);

private:
    int m_ticket = 0;
    std::string m_method;
};

}  // namespace baton::ui
