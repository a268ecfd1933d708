// Files in and out of the page: the file picker and drag and drop bring a workspace
// JSON file in through the page API's importWorkspace; downloads take text out.
#pragma once

#include "app/session.h"

namespace baton::platform {

// Carries out the session's pending file requests; called once per frame.
void serveFileRequests(Session& session);

}  // namespace baton::platform
