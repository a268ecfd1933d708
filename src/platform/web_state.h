// State shared by the browser platform files: the session the page API acts on.
#pragma once

#include "app/session.h"

namespace baton::platform {

// The session passed to startup(), or nullptr before it.
Session* activeSession();

}  // namespace baton::platform
