// What the browser platform does for the app beside drawing: loading and saving the
// workspace in IndexedDB (IDBFS) and serving the page API (window.baton). The main loop
// calls startup() once and frame() every frame; the UI never calls Emscripten directly.
#pragma once

#include "app/session.h"

namespace baton::platform {

// Mounts storage and starts loading the stored workspace (or the demo on first run).
void startup(Session& session);
// Drives autosave and settles page API calls; `nowSeconds` is a monotonic clock.
void frame(Session& session, double nowSeconds);
// True once the stored workspace (or the demo) is loaded.
bool ready();
// Asks for a save now (for example from a Save menu item).
void requestSave();

}  // namespace baton::platform
