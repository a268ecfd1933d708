// Files in and out of the page. The file picker and drag and drop bring a workspace JSON
// file in through importWorkspace and a CSV or XLSX file through importFile. Downloads
// take text out.
#pragma once

#include "app/session.h"

namespace baton::platform {

// Carries out the session's pending file requests; called once per frame.
void serveFileRequests(Session& session);

}  // namespace baton::platform
