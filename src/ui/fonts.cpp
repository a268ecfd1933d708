#include "ui/fonts.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "ui/import_text.h"
#include "ui/log_text.h"
#include "ui/message_text.h"
#include "ui/strings.h"

namespace baton::ui {
namespace {

// Glyphs that every atlas contains whatever the data: ASCII, Latin-1 and Latin Extended-A for
// European names, the punctuation, arrows and marks the UI uses, CJK punctuation and
// full-width forms.
constexpr ImWchar kCommonRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2193,
    0x2212, 0x2212, 0x2248, 0x2248, 0x2264, 0x2265, 0x25CF, 0x25CF, 0x2713, 0x2713,
    0x2717, 0x2717, 0x3000, 0x3011, 0xFF01, 0xFF5E, 0,
};

// Droid Sans Fallback's ideographs look about a tenth smaller than DejaVu Sans's capitals
// at the same pixel size, so they are rasterised that much larger.
constexpr float kCjkScale = 1.1f;

bool readFile(const std::string& path, std::vector<unsigned char>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !out.empty();
}

// Adds the characters of `text` to `glyphs`; returns true when any was new.
bool addText(ImFontGlyphRangesBuilder& glyphs, std::string_view text) {
    bool added = false;
    const char* cursor = text.data();
    const char* end = text.data() + text.size();
    while (cursor < end) {
        unsigned int c = 0;
        int length = ImTextCharFromUtf8(&c, cursor, end);
        if (length <= 0) break;
        cursor += length;
        if (c == 0 || c > 0xFFFF) continue;
        if (!glyphs.GetBit(c)) {
            glyphs.SetBit(c);
            added = true;
        }
    }
    return added;
}

}  // namespace

FontManager::FontManager() {
    m_bodyGlyphs.AddRanges(kCommonRanges);
    m_headingGlyphs.AddRanges(kCommonRanges);
    std::string texts;
    appendAllTexts(texts);
    appendLogTexts(texts);
    appendImportTexts(texts);
    appendMessageTexts(texts);
    addText(m_bodyGlyphs, texts);
    addText(m_headingGlyphs, texts);
}

bool FontManager::load(const std::string& latinPath, const std::string& cjkPath,
                       std::string& error) {
    if (!readFile(latinPath, m_latin)) {
        error = "cannot read the font " + latinPath + "; using ImGui's ASCII-only font";
        m_latin.clear();
        return false;
    }
    if (!readFile(cjkPath, m_cjk)) {
        error = "cannot read the font " + cjkPath + "; Chinese text will show as boxes";
        m_cjk.clear();
        return false;
    }
    m_dirty = true;
    return true;
}

void FontManager::require(std::string_view text) {
    if (addText(m_bodyGlyphs, text)) m_dirty = true;
}

void FontManager::requireAll(const std::vector<std::string>& texts) {
    for (const std::string& text : texts) require(text);
}

void FontManager::requireOverrides(const std::vector<PairOverride>& overrides) {
    for (const PairOverride& o : overrides) require(o.reason);
}

// The cycle texts the Cycle panels draw; ids and dates are ASCII or come from the records.
void FontManager::requireCycle(const Cycle& cycle) {
    require(cycle.id);
    for (const Appeal& appeal : cycle.appeals) {
        require(appeal.reason);
        require(appeal.decisionReason);
    }
    requireOverrides(cycle.pins);
    requireOverrides(cycle.forbids);
    for (const HandoverTemplateStep& step : cycle.settings.handoverTemplate) {
        require(step.task);
        require(step.title);
    }
    for (const Handover& handover : cycle.handovers) {
        for (const HandoverTask& task : handover.tasks) {
            require(task.task);
            require(task.title);
        }
    }
}

void FontManager::requireWorkspace(const Workspace& workspace) {
    auto company = workspace.company.find("name");
    if (company != workspace.company.end() && company->is_string()) {
        const std::string& name = company->get_ref<const std::string&>();
        require(name);
        if (addText(m_headingGlyphs, name)) m_dirty = true;
    }
    for (const Employee& e : workspace.employees) {
        require(e.id);
        require(e.name);
        require(e.team);
        require(e.role);
    }
    for (const Client& c : workspace.clients) {
        require(c.id);
        require(c.name);
        require(c.industry);
        require(c.region);
        require(c.tier);
        if (c.notes) require(*c.notes);
    }
    requireOverrides(workspace.policy.pins);
    requireOverrides(workspace.policy.forbids);
    for (const Cycle& cycle : workspace.cycles) requireCycle(cycle);
}

void FontManager::requireSession(const Session& session) {
    if (session.workspaceId() != m_seenWorkspaceId || session.revision() != m_seenRevision) {
        m_seenWorkspaceId = session.workspaceId();
        m_seenRevision = session.revision();
        requireWorkspace(session.workspace());
    }

    for (const LogEntry& entry : session.log().entries()) {
        if (entry.sequence > m_seenLogSequence) require(entry.message);
    }
    if (!session.log().entries().empty()) {
        m_seenLogSequence = session.log().entries().back().sequence;
    }

    const AllocationResult* result = session.lastResult();
    if (result != m_seenResult || session.lastResultText().size() != m_seenResultSize) {
        m_seenResult = result;
        m_seenResultSize = session.lastResultText().size();
        require(session.lastResultText());
    }
}

void FontManager::setFontPercent(int percent) {
    percent = std::clamp(percent, kMinFontPercent, kMaxFontPercent);
    percent = (percent + kFontPercentStep / 2) / kFontPercentStep * kFontPercentStep;
    if (percent == m_requestedPercent) return;
    m_requestedPercent = percent;
    m_dirty = true;
}

bool FontManager::buildAtlas(int percent, float ratio) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    if (m_latin.empty()) {
        m_body = atlas->AddFontDefault();
        m_heading = m_body;
    } else {
        float scale = ratio * static_cast<float>(percent) / 100.0f;
        addFonts(kBodyFontSize * scale, m_bodyRanges, m_body);
        addFonts(kHeadingFontSize * scale, m_headingRanges, m_heading);
    }
    // ImGui picks a width from the glyph area and grows the height to fit. A narrow atlas
    // that is too tall is built again at the maximum width before the size is lowered.
    atlas->TexDesiredWidth = 0;
    atlas->Build();
    if (atlas->TexHeight > kMaxAtlasSide && atlas->TexWidth < kMaxAtlasSide) {
        atlas->TexDesiredWidth = kMaxAtlasSide;
        atlas->Build();
    }
    return atlas->TexWidth <= kMaxAtlasSide && atlas->TexHeight <= kMaxAtlasSide;
}

void FontManager::requireActiveInput() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr || context->InputTextState.ID == 0) return;
    const ImGuiInputTextState& state = context->InputTextState;
    for (int i = 0; i < state.CurLenW && i < state.TextW.Size; ++i) {
        ImWchar c = state.TextW[i];
        if (c != 0 && !m_bodyGlyphs.GetBit(c)) {
            m_bodyGlyphs.SetBit(c);
            m_dirty = true;
        }
    }
}

bool FontManager::rebuildIfNeeded(float pixelRatio) {
    if (!m_dirty && pixelRatio == m_builtRatio) return false;
    m_dirty = false;
    m_builtRatio = pixelRatio;

    m_bodyRanges.clear();
    m_headingRanges.clear();
    m_bodyGlyphs.BuildRanges(&m_bodyRanges);
    m_headingGlyphs.BuildRanges(&m_headingRanges);

    float ratio = m_latin.empty() ? 1.0f : pixelRatio;
    int percent = m_requestedPercent;
    while (!buildAtlas(percent, ratio)) {
        if (percent > kMinFontPercent) {
            // The atlas area grows with the square of the size, so the size that fits is
            // about percent * sqrt(limit / height). A step less absorbs packing waste.
            int height = ImGui::GetIO().Fonts->TexHeight;
            double fitting = percent * std::sqrt(double(kMaxAtlasSide) / double(height));
            int estimate = static_cast<int>(fitting) / kFontPercentStep * kFontPercentStep;
            percent = std::max(kMinFontPercent, std::min(percent - kFontPercentStep, estimate));
        } else if (ratio > 1.0f) {
            // NOTE: a workspace with thousands of distinct CJK characters can outgrow the
            // texture at a high pixel ratio even at the smallest size. The text is then
            // rasterised at 1x and scaled up, which looks blurred.
            ratio = 1.0f;
            percent = m_requestedPercent;
        } else {
            break;
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    m_appliedPercent = m_latin.empty() ? 100 : percent;
    io.FontGlobalScale = 1.0f / ratio;
    io.FontDefault = m_body;
    m_glyphCount = m_body->Glyphs.Size;
    return true;
}

void FontManager::addFonts(float size, const ImVector<ImWchar>& ranges, ImFont*& target) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    target = atlas->AddFontFromMemoryTTF(m_latin.data(), static_cast<int>(m_latin.size()), size,
                                         &config, ranges.Data);
    if (m_cjk.empty()) return;
    config.MergeMode = true;
    atlas->AddFontFromMemoryTTF(m_cjk.data(), static_cast<int>(m_cjk.size()), size * kCjkScale,
                                &config, ranges.Data);
}

}  // namespace baton::ui
