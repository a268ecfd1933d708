// The browser entry point: a GLFW window on the page's canvas with a WebGL2 context,
// Dear ImGui on top, and one frame per animation frame through emscripten_set_main_loop.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/session.h"
#include "platform/canvas.h"
#include "platform/preferences.h"
#include "platform/probes.h"
#include "platform/services.h"
#include "platform/shortcuts.h"
#include "platform/text_input.h"
#include "platform/touch.h"
#include "platform/web_files.h"
#include "ui/app.h"
#include "ui/themes.h"
#include "ui/widget_registry.h"

namespace {

// ImGui scrolls 5 lines of text per wheel unit; 0.9 of that is about 3 table rows, what
// one notch scrolls in a desktop table.
constexpr float kWheelUnitsPerNotch = 0.9f;

// ImGui 1.86 reads keys as held or not once a frame, so a key pressed and released between
// two frames (a quick tap, or a scripted press) would never be seen. Releases of keys
// pressed in the current frame are therefore held back until the next frame.
struct KeyRelease {
    int key;
    int scancode;
    int mods;
};

struct WebApp {
    GLFWwindow* window = nullptr;
    std::vector<int> pressedThisFrame;
    std::vector<KeyRelease> deferredReleases;
    baton::Session session;
    baton::ui::App ui;
    baton::platform::CanvasSize canvas;
};

// The main loop callback takes no argument, so the app lives here from main() on.
WebApp* g_app = nullptr;

// Replaces what ImGui's GLFW backend read from Emscripten's GLFW, which ignores the
// device pixel ratio: ImGui works in CSS pixels, the framebuffer is in device pixels,
// and GLFW's cursor position is in device pixels because the canvas is CSS-scaled.
void applyCanvasToImGui(const baton::platform::CanvasSize& canvas) {
    ImGuiIO& io = ImGui::GetIO();
    float scaleX = static_cast<float>(canvas.pixelWidth / canvas.cssWidth);
    float scaleY = static_cast<float>(canvas.pixelHeight / canvas.cssHeight);
    io.DisplaySize = ImVec2(static_cast<float>(canvas.cssWidth),
                            static_cast<float>(canvas.cssHeight));
    io.DisplayFramebufferScale = ImVec2(scaleX, scaleY);
    if (io.MousePos.x > -FLT_MAX && io.MousePos.y > -FLT_MAX) {
        io.MousePos = ImVec2(io.MousePos.x / scaleX, io.MousePos.y / scaleY);
    }
    float notchesX = 0.0f;
    float notchesY = 0.0f;
    baton::platform::takeWheelNotches(notchesX, notchesY);
    io.MouseWheelH -= notchesX * kWheelUnitsPerNotch;
    io.MouseWheel -= notchesY * kWheelUnitsPerNotch;
}

// The ratio of backing-store pixels to CSS pixels: the device pixel ratio after rounding
// the backing store to whole pixels.
float framebufferScale(const baton::platform::CanvasSize& canvas) {
    return static_cast<float>(canvas.pixelWidth / canvas.cssWidth);
}

void onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    WebApp& app = *g_app;
    if (action == GLFW_PRESS) app.pressedThisFrame.push_back(key);
    bool pressedNow = std::find(app.pressedThisFrame.begin(), app.pressedThisFrame.end(), key) !=
                      app.pressedThisFrame.end();
    if (action == GLFW_RELEASE && pressedNow) {
        app.deferredReleases.push_back(KeyRelease{key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// While the page's hidden text field has the focus, it delivers the text (IME results
// included), so GLFW's keypress characters would arrive twice.
void onChar(GLFWwindow* window, unsigned int codepoint) {
    if (baton::platform::textFieldHasFocus()) return;
    ImGui_ImplGlfw_CharCallback(window, codepoint);
}

// Delivers the releases held back by onKey() and starts a new frame's record of presses.
void releaseDeferredKeys(WebApp& app) {
    std::vector<KeyRelease> releases;
    releases.swap(app.deferredReleases);
    app.pressedThisFrame.clear();
    for (const KeyRelease& release : releases) {
        ImGui_ImplGlfw_KeyCallback(app.window, release.key, release.scancode, GLFW_RELEASE,
                                   release.mods);
    }
}

void runFrame() {
    WebApp& app = *g_app;
    app.canvas = baton::platform::fitCanvas();
    baton::platform::frame(app.session, glfwGetTime());

    if (app.ui.prepareFrame(app.session, framebufferScale(app.canvas))) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    baton::ui::clearWidgets();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    applyCanvasToImGui(app.canvas);
    baton::platform::applyTouch(ImGui::GetIO());
    baton::platform::feedTextInput();
    double frameStart = emscripten_get_now();
    ImGui::NewFrame();
    baton::platform::forwardShortcuts(app.ui);
    baton::ui::AppRequests requests = app.ui.draw(app.session, baton::platform::ready());
    baton::platform::storePreferencesIfChanged(app.session, app.ui);
    if (requests.save) baton::platform::requestSave();
    baton::platform::serveFileRequests(app.session);
    ImGui::Render();
    baton::platform::recordFrameTime(emscripten_get_now() - frameStart);
    releaseDeferredKeys(app);

    glViewport(0, 0, app.canvas.pixelWidth, app.canvas.pixelHeight);
    float clear[4];
    baton::ui::clearColour(clear);
    glClearColor(clear[0], clear[1], clear[2], clear[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void reportGlfwError(int code, const char* description) {
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

}  // namespace

int main() {
    glfwSetErrorCallback(reportGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "GLFW could not start; the page cannot draw.\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);

    g_app = new WebApp();
    g_app->canvas = baton::platform::fitCanvas();
    g_app->window = glfwCreateWindow(g_app->canvas.pixelWidth, g_app->canvas.pixelHeight,
                                     "Baton", nullptr, nullptr);
    if (g_app->window == nullptr) {
        std::fprintf(stderr, "No WebGL2 context: this browser or its settings block WebGL2.\n");
        return 1;
    }
    glfwMakeContextCurrent(g_app->window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_app->window, true);
    // The wheel comes from installWheelListener(), normalised; GLFW's raw deltaY is
    // about 100 a notch in Chromium and has the opposite sign.
    glfwSetScrollCallback(g_app->window, nullptr);
    glfwSetKeyCallback(g_app->window, onKey);
    glfwSetCharCallback(g_app->window, onChar);
    baton::platform::installTextInput();
    baton::platform::installWheelListener();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    g_app->ui.init("/assets/fonts", g_app->session.log());
    g_app->ui.loadGuide("/docs");
    baton::platform::loadPreferences(g_app->session, g_app->ui);
    baton::platform::installShortcutListener();
    g_app->ui.prepareFrame(g_app->session, framebufferScale(g_app->canvas));
    ImGui_ImplOpenGL3_CreateDeviceObjects();

    baton::platform::startup(g_app->session);
    emscripten_set_main_loop(runFrame, 0, true);
    return 0;
}
