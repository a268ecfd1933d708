// The bridge between the page's hidden text field (web/input.js) and ImGui: committed text
// and IME results become ImGui input characters, ImGui's clipboard callbacks reach the
// system clipboard, and the IME candidate window follows ImGui's text cursor.
#pragma once

namespace baton::platform {

// Sets ImGui's clipboard and IME-position callbacks and the macOS shortcut style. Call
// after ImGui_ImplGlfw_InitForOpenGL, which installs GLFW's empty clipboard functions.
void installTextInput();

// Focuses or blurs the hidden field for ImGui's io.WantTextInput of the last frame and
// passes the text committed since the last call to ImGui. Call once a frame before
// ImGui::NewFrame.
void feedTextInput();

// True while the hidden field has the focus. Characters that GLFW reads from keypress
// then arrive through the field as well and must be dropped.
bool textFieldHasFocus();

}  // namespace baton::platform
