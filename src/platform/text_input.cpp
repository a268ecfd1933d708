#include "platform/text_input.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <string>

namespace {

// Returns a malloc'd UTF-8 copy of a JS string that the caller frees.
EM_JS(char*, jsTakeText, (), {
    var input = Module['batonInput'];
    var text = input ? input.takeText() : "";
    if (text === "") return 0;
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(char*, jsReadClipboard, (), {
    var input = Module['batonInput'];
    var text = input ? input.readClipboard() : "";
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(void, jsWriteClipboard, (const char* text), {
    var input = Module['batonInput'];
    if (input) input.writeClipboard(UTF8ToString(text));
});

EM_JS(void, jsUpdateField, (int wantText), {
    var input = Module['batonInput'];
    if (input) input.update(wantText !== 0);
});

EM_JS(int, jsFieldActive, (), {
    var input = Module['batonInput'];
    return input && input.active() ? 1 : 0;
});

EM_JS(void, jsSetCaret, (int x, int y), {
    var input = Module['batonInput'];
    if (input) input.setCaret(x, y);
});

EM_JS(int, jsIsMac, (), {
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) ||
                   navigator.platform || "";
    return /mac|iphone|ipad/i.test(platform) ? 1 : 0;
});

// ImGui keeps the returned pointer only until the next call, so one buffer is enough.
std::string g_clipboard;

const char* getClipboardText(void*) {
    char* text = jsReadClipboard();
    g_clipboard = text != nullptr ? text : "";
    std::free(text);
    return g_clipboard.c_str();
}

void setClipboardText(void*, const char* text) { jsWriteClipboard(text != nullptr ? text : ""); }

// ImGui passes the text cursor's top-left in its own coordinates, which are CSS pixels of
// the canvas here (see applyCanvasToImGui in web_main.cpp).
void setImePosition(int x, int y) { jsSetCaret(x, y); }

}  // namespace

namespace baton::platform {

void installTextInput() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = getClipboardText;
    io.SetClipboardTextFn = setClipboardText;
    io.ClipboardUserData = nullptr;
    io.ImeSetInputScreenPosFn = setImePosition;
    // Cmd instead of Ctrl for copy, paste, undo and multi-selection on Apple systems.
    io.ConfigMacOSXBehaviors = jsIsMac() != 0;
}

void feedTextInput() {
    jsUpdateField(ImGui::GetIO().WantTextInput ? 1 : 0);
    char* text = jsTakeText();
    if (text == nullptr) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    std::free(text);
}

bool textFieldHasFocus() { return jsFieldActive() != 0; }

}  // namespace baton::platform
