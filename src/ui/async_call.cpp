#include "ui/async_call.h"

namespace baton::ui {

void AsyncCall::start(Session& session, const std::string& method,
                      const nlohmann::json& arguments) {
    if (m_ticket != 0) session.replies().forget(m_ticket);
    PlatformRequest request;
    request.kind = PlatformRequest::Kind::CallApi;
    request.method = method;
    request.arguments = arguments.dump();
    request.ticket = session.replies().nextTicket();
    m_ticket = request.ticket;
    m_method = method;
    session.request(std::move(request));
}

void AsyncCall::pickText(Session& session) {
    if (m_ticket != 0) session.replies().forget(m_ticket);
    PlatformRequest request;
    request.kind = PlatformRequest::Kind::PickText;
    request.ticket = session.replies().nextTicket();
    m_ticket = request.ticket;
    m_method = "pickText";
    session.request(std::move(request));
}

std::optional<PlatformReply> AsyncCall::poll(Session& session) {
    if (m_ticket == 0) return std::nullopt;
    std::optional<PlatformReply> reply = session.replies().take(m_ticket);
    if (reply) m_ticket = 0;
    return reply;
}

}  // namespace baton::ui
