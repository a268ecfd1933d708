// The font atlas: DejaVu Sans with Droid Sans Fallback merged in for CJK, holding only
// the glyphs of the text the app shows (UI texts, the workspace's names, the log), so
// that the atlas stays small. It is rebuilt when new characters appear or the device
// pixel ratio changes.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"

namespace baton::ui {

// Body and heading sizes in CSS pixels at a font size setting of 100%.
inline constexpr float kBodyFontSize = 15.0f;
inline constexpr float kHeadingFontSize = 19.0f;

// The font size setting, in percent of the sizes above, and its step.
inline constexpr int kMinFontPercent = 80;
inline constexpr int kMaxFontPercent = 200;
inline constexpr int kFontPercentStep = 10;

// The largest atlas side in pixels. NOTE: WebGL2 (OpenGL ES 3.0) guarantees a
// MAX_TEXTURE_SIZE of only 2048, and the atlas is not checked against the GPU's own limit.
inline constexpr int kMaxAtlasSide = 4096;

class FontManager {
public:
    FontManager();

    // Reads the two font files. Returns false, and writes why in `error`, when one is
    // missing; ImGui's built-in font (ASCII only) is used then.
    bool load(const std::string& latinPath, const std::string& cjkPath, std::string& error);

    // Adds the characters of `text` to those the body font must hold.
    void require(std::string_view text);
    // Adds the characters of the workspace (its records, overrides and cycles: appeal and
    // decision reasons, handover titles), the last result and the log when they changed.
    void requireSession(const Session& session);
    // Adds the characters of the workspace names in the Workspaces panel.
    void requireAll(const std::vector<std::string>& texts);
    // Adds the characters of the text field being edited, whatever panel draws it, so
    // that typed or pasted characters show at the next frame.
    void requireActiveInput();

    // Rebuilds the atlas when characters were added or `pixelRatio` changed since the last
    // build. Returns true when it rebuilt, so that the renderer uploads the new texture.
    // Call it between frames, never between NewFrame and Render.
    bool rebuildIfNeeded(float pixelRatio);

    ImFont* body() const { return m_body; }
    ImFont* heading() const { return m_heading; }
    int glyphCount() const { return m_glyphCount; }

    // Requests a font size setting, clamped to [kMinFontPercent, kMaxFontPercent] and
    // rounded to kFontPercentStep. It applies at the next rebuild.
    void setFontPercent(int percent);
    int requestedFontPercent() const { return m_requestedPercent; }
    // The setting the atlas was built with: the request, or less when the request's atlas
    // would exceed kMaxAtlasSide.
    int appliedFontPercent() const { return m_appliedPercent; }
    // True when the last build had to lower the request to fit.
    bool fontPercentCapped() const { return m_appliedPercent < m_requestedPercent; }
    // The body and heading sizes in CSS pixels under the applied setting.
    float bodySize() const { return kBodyFontSize * m_appliedPercent / 100.0f; }
    float headingSize() const { return kHeadingFontSize * m_appliedPercent / 100.0f; }

private:
    void requireWorkspace(const Workspace& workspace);
    void requireOverrides(const std::vector<PairOverride>& overrides);
    void requireCycle(const Cycle& cycle);
    void addFonts(float size, const ImVector<ImWchar>& ranges, ImFont*& target);
    // Builds the atlas at `percent` and `ratio`; returns true when it fits kMaxAtlasSide.
    bool buildAtlas(int percent, float ratio);

    std::vector<unsigned char> m_latin;
    std::vector<unsigned char> m_cjk;
    ImFontGlyphRangesBuilder m_bodyGlyphs;
    ImFontGlyphRangesBuilder m_headingGlyphs;
    ImVector<ImWchar> m_bodyRanges;
    ImVector<ImWchar> m_headingRanges;
    bool m_dirty = true;
    float m_builtRatio = 0.0f;
    int m_requestedPercent = 100;
    int m_appliedPercent = 100;
    int m_glyphCount = 0;
    ImFont* m_body = nullptr;
    ImFont* m_heading = nullptr;

    // The state of the data that requireSession() last scanned, to skip unchanged data.
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    std::uint64_t m_seenLogSequence = 0;
    const AllocationResult* m_seenResult = nullptr;
    std::size_t m_seenResultSize = 0;
};

}  // namespace baton::ui
