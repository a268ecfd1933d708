#include "ui/widget_registry.h"

#include <imgui.h>

#include <map>

namespace baton::ui {
namespace {

// ImGui works in CSS pixels here (the framebuffer scale carries the device pixel ratio),
// so item rectangles are stored as ImGui reports them.
std::map<std::string, WidgetRect> g_rects;

}  // namespace

void recordWidget(const std::string& name) {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    g_rects[name] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void recordWindow(const std::string& name) {
    ImVec2 position = ImGui::GetWindowPos();
    ImVec2 size = ImGui::GetWindowSize();
    g_rects[name] = WidgetRect{position.x, position.y, size.x, size.y};
}

std::optional<WidgetRect> widgetRect(const std::string& name) {
    auto found = g_rects.find(name);
    if (found == g_rects.end()) return std::nullopt;
    return found->second;
}

void clearWidgets() { g_rects.clear(); }

}  // namespace baton::ui
