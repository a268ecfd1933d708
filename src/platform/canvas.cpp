#include "platform/canvas.h"

#include <emscripten.h>

namespace {

// Writes cssWidth, cssHeight, pixelWidth, pixelHeight and pixelRatio to `out` (5 doubles).
// The CSS size is the canvas's laid-out size; a canvas that is not laid out yet fills
// the window.
EM_JS(void, jsFitCanvas, (double* out), {
    var canvas = Module['canvas'];
    var ratio = window.devicePixelRatio || 1;
    var rect = canvas.getBoundingClientRect();
    var cssWidth = rect.width;
    var cssHeight = rect.height;
    if (!(cssWidth > 0) || !(cssHeight > 0)) {
        cssWidth = Math.max(1, window.innerWidth);
        cssHeight = Math.max(1, window.innerHeight);
        canvas.style.width = cssWidth + 'px';
        canvas.style.height = cssHeight + 'px';
    }
    var pixelWidth = Math.max(1, Math.round(cssWidth * ratio));
    var pixelHeight = Math.max(1, Math.round(cssHeight * ratio));
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    var base = out >> 3;
    HEAPF64[base] = cssWidth;
    HEAPF64[base + 1] = cssHeight;
    HEAPF64[base + 2] = pixelWidth;
    HEAPF64[base + 3] = pixelHeight;
    HEAPF64[base + 4] = ratio;
});

// One notch is about 100 pixels in Chromium and Safari (deltaMode 0) and 3 lines in
// Firefox (deltaMode 1). A page (deltaMode 2) counts as 3 notches.
EM_JS(void, jsInstallWheelListener, (), {
    var canvas = Module['canvas'];
    Module['batonWheel'] = {x: 0, y: 0};
    canvas.addEventListener('wheel', function(event) {
        if (event.ctrlKey) return;
        event.preventDefault();
        var scale = event.deltaMode === 1 ? 1 / 3 : (event.deltaMode === 2 ? 3 : 1 / 100);
        Module['batonWheel'].x += event.deltaX * scale;
        Module['batonWheel'].y += event.deltaY * scale;
    }, {passive: false});
});

EM_JS(void, jsTakeWheel, (float* out), {
    var wheel = Module['batonWheel'];
    var base = out >> 2;
    HEAPF32[base] = wheel ? wheel.x : 0;
    HEAPF32[base + 1] = wheel ? wheel.y : 0;
    if (wheel) {
        wheel.x = 0;
        wheel.y = 0;
    }
});

}  // namespace

namespace baton::platform {

CanvasSize fitCanvas() {
    double values[5] = {1.0, 1.0, 1.0, 1.0, 1.0};
    jsFitCanvas(values);
    CanvasSize size;
    size.cssWidth = values[0];
    size.cssHeight = values[1];
    size.pixelWidth = static_cast<int>(values[2]);
    size.pixelHeight = static_cast<int>(values[3]);
    size.pixelRatio = values[4];
    return size;
}

void installWheelListener() { jsInstallWheelListener(); }

void takeWheelNotches(float& x, float& y) {
    float values[2] = {0.0f, 0.0f};
    jsTakeWheel(values);
    x = values[0];
    y = values[1];
}

}  // namespace baton::platform
