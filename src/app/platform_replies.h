// Replies to the asynchronous platform requests of the UI (PlatformRequest::Kind::CallApi
// and PickText, see session.h). A panel takes a ticket, sends a request with it, and reads
// the reply here in a later frame. The platform layer delivers each reply when its
// Promise settles. The class is platform-free, so the panels stay testable natively.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace baton {

struct PlatformReply {
    bool ok = false;
    // CallApi: the call's result as JSON text when ok, else the error message.
    // PickText: {"name": file name, "text": content} as JSON text.
    std::string value;
};

class PlatformReplies {
public:
    int nextTicket() { return ++m_lastTicket; }
    void deliver(int ticket, PlatformReply reply) {
        if (m_forgotten.erase(ticket) == 0) m_replies[ticket] = std::move(reply);
    }
    // Drops the reply of `ticket`, now or when it arrives.
    void forget(int ticket) {
        if (m_replies.erase(ticket) == 0) m_forgotten.insert(ticket);
    }
    // Removes and returns the reply for `ticket`, or nullopt while it has not arrived.
    std::optional<PlatformReply> take(int ticket) {
        auto found = m_replies.find(ticket);
        if (found == m_replies.end()) return std::nullopt;
        PlatformReply reply = std::move(found->second);
        m_replies.erase(found);
        return reply;
    }

private:
    int m_lastTicket = 0;
    std::map<int, PlatformReply> m_replies;
    std::set<int> m_forgotten;
};

}  // namespace baton
