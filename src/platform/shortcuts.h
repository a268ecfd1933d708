// Keyboard shortcuts caught in the page before the browser acts on them: Ctrl+S (save),
// Ctrl+O (open a file) and F1 (help), with Cmd in place of Ctrl on macOS. Emscripten's
// GLFW lets the browser's own action run (save page, open file, browser help).
#pragma once

#include "ui/app.h"

namespace baton::platform {

// Listens to keydown on the window in the capture phase and prevents the browser's action
// for the shortcuts above.
void installShortcutListener();

// Hands the shortcuts pressed since the last call to the UI, in order.
void forwardShortcuts(ui::App& app);

}  // namespace baton::platform
