// Screen rectangles of named widgets from the last frame, in CSS pixels of the canvas,
// so that end-to-end tests can click a real button by name.
#pragma once

#include <optional>
#include <string>

namespace baton::ui {

struct WidgetRect {
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;
};

// Records the rectangle of the last submitted ImGui item under `name`.
void recordWidget(const std::string& name);
// Records the current ImGui window's rectangle under `name`.
void recordWindow(const std::string& name);
// Returns the rectangle recorded under `name` in the last frame, if it was drawn.
std::optional<WidgetRect> widgetRect(const std::string& name);
// Forgets every rectangle; called at the start of each frame.
void clearWidgets();

}  // namespace baton::ui
