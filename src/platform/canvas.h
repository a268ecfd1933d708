// The page's canvas (#canvas) as the app draws on it: its size in CSS pixels, its backing
// store at the device pixel ratio, and mouse-wheel input in notches. Emscripten 3.1.6's
// GLFW does neither HiDPI nor wheel normalisation, so these are done here.
#pragma once

namespace baton::platform {

struct CanvasSize {
    double cssWidth = 1.0;
    double cssHeight = 1.0;
    int pixelWidth = 1;
    int pixelHeight = 1;
    double pixelRatio = 1.0;  // window.devicePixelRatio, which browser zoom changes
};

// Sizes the canvas backing store to its CSS size times the device pixel ratio (changed
// only when it differs, since a resize clears the canvas) and returns both sizes.
CanvasSize fitCanvas();

// Listens to wheel events on the canvas and sums them as notches. Ctrl+wheel (and a
// trackpad pinch, which browsers send as one) is left to the browser, which zooms.
void installWheelListener();

// Returns the notches scrolled since the last call, positive to the right and down.
void takeWheelNotches(float& x, float& y);

}  // namespace baton::platform
