#include "platform/touch.h"

#include <emscripten.h>

#include <cmath>
#include <cstdlib>

namespace {

// A finger that moves less than this (CSS pixels) between down and up is a tap.
constexpr float kTapSlop = 10.0f;
// Frames the pointer stays at a tap's point after the release, so the hover that ImGui
// needs for a click is there and tooltips do not flicker.
constexpr int kLingerFrames = 2;
constexpr int kMaxEvents = 96;  // 32 events of three numbers each per frame

// Copies up to `capacity` numbers of the queued [kind, x, y, ...] list into `out` and
// returns how many were copied. The rest waits for the next frame.
EM_JS(int, jsTakeTouches, (float* out, int capacity), {
    var input = Module['batonInput'];
    if (!input) return 0;
    var events = input.takeTouches(capacity);
    for (var i = 0; i < events.length; ++i) HEAPF32[(out >> 2) + i] = events[i];
    return events.length;
});

struct TouchState {
    bool down = false;
    bool dragging = false;
    ImVec2 start;
    ImVec2 last;
    // Frame steps of a tap still to deliver: hover first, then the press, then release.
    bool hoverPending = false;
    bool pressPending = false;
    bool releasePending = false;
    int lingerFrames = 0;
    ImVec2 wheel;
};

TouchState g_touch;

void handleEvent(TouchState& touch, int kind, ImVec2 point, float scrollStep) {
    if (kind == 0) {
        touch = TouchState{};
        touch.down = true;
        touch.start = point;
        touch.last = point;
        touch.hoverPending = true;
        return;
    }
    if (!touch.down) return;
    if (kind == 1) {
        float dx = point.x - touch.start.x;
        float dy = point.y - touch.start.y;
        if (!touch.dragging && std::sqrt(dx * dx + dy * dy) > kTapSlop) touch.dragging = true;
        if (touch.dragging) {
            // The content follows the finger: one wheel unit scrolls `scrollStep` pixels.
            touch.wheel.x += (point.x - touch.last.x) / scrollStep;
            touch.wheel.y += (point.y - touch.last.y) / scrollStep;
        }
        touch.last = point;
        return;
    }
    touch.down = false;
    if (!touch.dragging) touch.pressPending = true;
    touch.lingerFrames = kLingerFrames;
}

}  // namespace

namespace baton::platform {

void applyTouch(ImGuiIO& io) {
    TouchState& touch = g_touch;
    float events[kMaxEvents];
    int count = jsTakeTouches(events, kMaxEvents);
    // ImGui 1.86 scrolls 5 lines of the window's font per wheel unit.
    float scrollStep = 5.0f * (ImGui::GetFontSize() > 0.0f ? ImGui::GetFontSize() : 15.0f);
    for (int i = 0; i + 2 < count; i += 3) {
        handleEvent(touch, static_cast<int>(events[i]), ImVec2(events[i + 1], events[i + 2]),
                    scrollStep);
    }
    bool active = touch.down || touch.hoverPending || touch.pressPending ||
                  touch.releasePending || touch.lingerFrames > 0;
    if (!active) return;

    // The wheel goes to the window under the pointer, so during a drag the pointer stays
    // where the finger went down.
    io.MousePos = touch.dragging ? touch.start : touch.last;
    io.MouseDown[0] = false;
    io.MouseWheelH += touch.wheel.x;
    io.MouseWheel += touch.wheel.y;
    touch.wheel = ImVec2(0.0f, 0.0f);
    if (touch.hoverPending) {
        touch.hoverPending = false;
    } else if (touch.pressPending) {
        io.MouseDown[0] = true;
        touch.pressPending = false;
        touch.releasePending = true;
    } else if (touch.releasePending) {
        touch.releasePending = false;
    } else if (!touch.down && touch.lingerFrames > 0) {
        --touch.lingerFrames;
    }
}

}  // namespace baton::platform
