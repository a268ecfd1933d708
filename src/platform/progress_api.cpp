// The page's side of the progress overlay: web/input.js shows it around work that it
// starts itself (a file import) through these two calls.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "ui/progress.h"
#include "ui/strings.h"

extern "C" {

// Shows the overlay with "Importing <name>…".
EMSCRIPTEN_KEEPALIVE void baton_busy_begin_import(const char* name) {
    char label[512];
    std::snprintf(label, sizeof label, baton::ui::tr(baton::ui::Str::BusyImporting),
                  name != nullptr ? name : "");
    baton::ui::progressOverlay().beginExternal(label);
}

EMSCRIPTEN_KEEPALIVE void baton_busy_end() { baton::ui::progressOverlay().endExternal(); }

}  // extern "C"
