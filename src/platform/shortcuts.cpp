#include "platform/shortcuts.h"

#include <emscripten.h>

namespace {

// The codes shared with jsTakeShortcut: 1 save, 2 open, 3 help, 0 none left.
EM_JS(void, jsInstallShortcutListener, (), {
    Module['batonShortcuts'] = [];
    window.addEventListener('keydown', function(event) {
        var key = String(event.key || '').toLowerCase();
        var modifier = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
        var code = 0;
        if (modifier && key === 's') code = 1;
        else if (modifier && key === 'o') code = 2;
        else if (key === 'f1' && !event.ctrlKey && !event.metaKey && !event.altKey) code = 3;
        if (code === 0) return;
        event.preventDefault();
        if (!event.repeat) Module['batonShortcuts'].push(code);
    }, true);
});

EM_JS(int, jsTakeShortcut, (), {
    var queue = Module['batonShortcuts'];
    return queue && queue.length > 0 ? queue.shift() : 0;
});

}  // namespace

namespace baton::platform {

void installShortcutListener() { jsInstallShortcutListener(); }

void forwardShortcuts(ui::App& app) {
    for (int code = jsTakeShortcut(); code != 0; code = jsTakeShortcut()) {
        if (code == 1) app.queueShortcut(ui::App::Shortcut::Save);
        if (code == 2) app.queueShortcut(ui::App::Shortcut::Open);
        if (code == 3) app.queueShortcut(ui::App::Shortcut::Help);
    }
}

}  // namespace baton::platform
