// Test hooks of the page that measure or inspect the UI: frameStats() returns the CPU time
// of each frame from ImGui::NewFrame to ImGui::Render (the UI's own work, without the GL
// upload and draw), tableState(name) what a data table showed in the last frame, and
// missingGlyphs(text) the characters of a text that the font atlas cannot draw.
#pragma once

namespace baton::platform {

// Records one frame's time in milliseconds.
void recordFrameTime(double milliseconds);

}  // namespace baton::platform
