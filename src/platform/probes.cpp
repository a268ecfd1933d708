#include "platform/probes.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/table_view.h"

namespace {

// The times recorded since the last reset; a few minutes of frames at most.
constexpr std::size_t kMaxFrames = 20000;
std::vector<double> g_frames;
std::string g_reply;

}  // namespace

namespace baton::platform {

void recordFrameTime(double milliseconds) {
    if (g_frames.size() < kMaxFrames) g_frames.push_back(milliseconds);
}

}  // namespace baton::platform

extern "C" {

// A test hook: {"frames", "averageMs", "medianMs", "p95Ms", "maxMs"} over the frames
// recorded since the last reset; `reset` non-zero starts a new count after replying.
EMSCRIPTEN_KEEPALIVE const char* baton_api_frame_stats(int reset) {
    std::vector<double> sorted = g_frames;
    std::sort(sorted.begin(), sorted.end());
    nlohmann::json stats = {{"frames", sorted.size()}};
    if (!sorted.empty()) {
        double total = 0.0;
        for (double ms : sorted) total += ms;
        stats["averageMs"] = total / static_cast<double>(sorted.size());
        stats["medianMs"] = sorted[sorted.size() / 2];
        stats["p95Ms"] = sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
        stats["maxMs"] = sorted.back();
    }
    if (reset != 0) g_frames.clear();
    g_reply = stats.dump();
    return g_reply.c_str();
}

// A test hook: {"shown", "selected", "scrollY", "firstIds", "selectedIds", "lastCopy"} of
// the data table `name` ("clients", "employees") as drawn in the last frame, or null.
EMSCRIPTEN_KEEPALIVE const char* baton_api_table_state(const char* name) {
    const baton::ui::TableSnapshot* table = baton::ui::tableSnapshot(name ? name : "");
    if (table == nullptr) {
        g_reply = "null";
        return g_reply.c_str();
    }
    nlohmann::json state = {{"shown", table->shown},
                            {"selected", table->selected},
                            {"scrollY", table->scrollY},
                            {"firstIds", table->firstIds},
                            {"selectedIds", table->selectedIds},
                            {"lastCopy", table->lastCopy}};
    g_reply = state.dump();
    return g_reply.c_str();
}

// A test hook: the characters of `text` that the body font's atlas lacks, as a JSON string
// ("" when every character has a glyph). ImGui draws each of them as '?'. Control
// characters are skipped, because ImGui draws none of them.
EMSCRIPTEN_KEEPALIVE const char* baton_api_missing_glyphs(const char* text) {
    std::string missing;
    const ImFont* font = ImGui::GetIO().FontDefault;
    const char* cursor = text ? text : "";
    const char* end = cursor + std::char_traits<char>::length(cursor);
    while (cursor < end) {
        unsigned int c = 0;
        int length = ImTextCharFromUtf8(&c, cursor, end);
        if (length <= 0) break;
        bool drawn = c < 0x20 || (font != nullptr && c <= 0xFFFF &&
                                  font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        if (!drawn) missing.append(cursor, static_cast<std::size_t>(length));
        cursor += length;
    }
    g_reply = nlohmann::json(missing).dump();
    return g_reply.c_str();
}

}  // extern "C"
