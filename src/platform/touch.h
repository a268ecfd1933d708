// Touch input for tablets: a tap is a left click on what it hits, and a one-finger drag
// scrolls the window under the finger as the wheel would. Touch events reach here from
// web/input.js, which keeps them away from GLFW (whose touch handling is a mouse drag).
#pragma once

#include <imgui.h>

namespace baton::platform {

// Applies the touch events since the last frame to `io`: call once a frame after the
// GLFW backend's NewFrame and the canvas scaling, before ImGui::NewFrame. It overrides
// the mouse only while a touch is being handled, so a mouse works as before.
void applyTouch(ImGuiIO& io);

}  // namespace baton::platform
