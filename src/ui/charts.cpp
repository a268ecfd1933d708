#include "ui/charts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "ui/strings.h"
#include "ui/text_wrap.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr ImU32 kColourBookBefore = IM_COL32(156, 163, 175, 255);

double chartMax(const GroupedBars& chart) {
    double top = 0.0;
    for (const BarSeries& s : chart.series) {
        for (double v : s.values) top = std::max(top, v);
        for (const auto& t : s.targets) {
            if (t) top = std::max(top, *t);
        }
    }
    top = std::max(top, chart.minimumTop);
    return top > 0.0 ? top : 1.0;
}

bool hasNote(const BarSeries& series, std::size_t category) {
    return category < series.notes.size() && !series.notes[category].empty();
}

void drawLegend(const GroupedBars& chart) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float size = ImGui::GetTextLineHeight() * 0.7f;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        if (i > 0) ImGui::SameLine(0.0f, ImGui::GetFontSize());
        ImVec2 at = ImGui::GetCursorScreenPos();
        float top = at.y + (ImGui::GetTextLineHeight() - size) * 0.5f;
        draw->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + size, top + size),
                            chart.series[i].colour, 2.0f);
        ImGui::Dummy(ImVec2(size + 4.0f, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::TextUnformatted(chart.series[i].label.c_str());
    }
    bool anyTarget = false;
    for (const BarSeries& s : chart.series) anyTarget = anyTarget || !s.targets.empty();
    if (anyTarget) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize());
        ImVec2 at = ImGui::GetCursorScreenPos();
        float mid = at.y + ImGui::GetTextLineHeight() * 0.5f;
        draw->AddLine(ImVec2(at.x, mid), ImVec2(at.x + size, mid), kColourBarTarget, 2.0f);
        ImGui::Dummy(ImVec2(size + 4.0f, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::TextUnformatted(tr(Str::ChartTarget));
    }
}

void showBarTooltip(const GroupedBars& chart, std::size_t category) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(chart.categories[category].c_str());
    for (const BarSeries& s : chart.series) {
        char value[64];
        std::snprintf(value, sizeof value, chart.valueFormat,
                      category < s.values.size() ? s.values[category] : 0.0);
        std::string line = s.label + ": " + (hasNote(s, category) ? s.notes[category] : value);
        if (category < s.targets.size() && s.targets[category]) {
            char target[64];
            std::snprintf(target, sizeof target, chart.valueFormat, *s.targets[category]);
            line += std::string("  (") + tr(Str::ChartTarget) + " " + target + ")";
        }
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndTooltip();
}

// The category labels a chart shows: every `stride`-th one, each cut to `room` pixels.
struct LabelLayout {
    std::size_t stride = 1;
    float room = 0.0f;
};

// Labels get at least the width of three average characters and "…". When a slot is
// narrower, only every few labels show, each over the slots of the ones left out. Every
// label still shows whole in the bar's tooltip.
LabelLayout layOutLabels(float slot) {
    float padding = ImGui::GetStyle().ItemInnerSpacing.x;
    float least = ImGui::CalcTextSize("Abc…").x + padding;
    LabelLayout layout;
    if (slot > 0.0f && slot < least) {
        layout.stride = static_cast<std::size_t>(std::ceil(least / slot));
    }
    layout.room = slot * static_cast<float>(layout.stride) - padding;
    return layout;
}

// Draws `label` under its bars, cut with "…" to `room` pixels: centred on its slot of
// `slot` pixels when `centred`, else from the slot's left edge over the next slots.
void drawCategoryLabel(const std::string& label, float slotLeft, float slot, float room,
                       bool centred, float y) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    auto advance = [&](std::string_view character) {
        const char* begin = character.data();
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, begin + character.size()).x;
    };
    std::string shown = fitWithEllipsis(label, room, advance);
    float inset = ImGui::GetStyle().ItemInnerSpacing.x * 0.5f;
    float x = slotLeft + inset;
    if (centred)
        x = slotLeft + std::max(inset, (slot - ImGui::CalcTextSize(shown.c_str()).x) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImVec2(x, y), kColourMuted, shown.c_str());
}

// Draws `note` in place of a bar, centred on the bar's slot above the axis and cut with "…"
// to the slot, and records it as the widget "<id>.note.<category>" for the tests.
void drawBarNote(const char* id, const std::string& category, const std::string& note,
                 float slotLeft, float slot, float bottom) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    auto advance = [&](std::string_view character) {
        const char* begin = character.data();
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, begin + character.size()).x;
    };
    float padding = ImGui::GetStyle().ItemInnerSpacing.x;
    std::string shown = fitWithEllipsis(note, std::max(slot - padding, 1.0f), advance);
    ImVec2 text = ImGui::CalcTextSize(shown.c_str());
    ImVec2 at(slotLeft + std::max(0.0f, (slot - text.x) * 0.5f), bottom - text.y - 2.0f);
    ImGui::GetWindowDrawList()->AddText(at, kColourMuted, shown.c_str());
    // A dummy item over the text gives the note a rectangle; the cursor goes back after it.
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(text);
    recordWidget(std::string(id) + ".note." + category);
    ImGui::SetCursorScreenPos(cursor);
}

// Draws the value axis of a chart with an axis label: the top value and 0 right-aligned in
// the margin left of the plot, with a light line across the plot at the top value.
void drawValueAxis(const GroupedBars& chart, double top, ImVec2 origin, float margin, float topY,
                   float bottom, float width) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float half = ImGui::GetTextLineHeight() * 0.5f;
    char text[64];
    std::snprintf(text, sizeof text, chart.valueFormat, top);
    float x = origin.x + margin - ImGui::CalcTextSize(text).x - 4.0f;
    draw->AddText(ImVec2(x, topY - half), kColourMuted, text);
    std::snprintf(text, sizeof text, chart.valueFormat, 0.0);
    x = origin.x + margin - ImGui::CalcTextSize(text).x - 4.0f;
    draw->AddText(ImVec2(x, bottom - 2.0f * half), kColourMuted, text);
    draw->AddLine(ImVec2(origin.x + margin, topY), ImVec2(origin.x + width, topY), kColourBarTrack);
    draw->AddLine(ImVec2(origin.x + margin, topY), ImVec2(origin.x + margin, bottom), kColourMuted);
}

}  // namespace

void drawGroupedBars(const char* id, const GroupedBars& chart, float height) {
    ImGui::PushID(id);
    if (chart.axisLabel.empty()) {
        drawLegend(chart);
    } else {
        textWrappedColoured(kColourMuted, chart.axisLabel.c_str());
    }
    float labelHeight = ImGui::GetTextLineHeightWithSpacing();
    float width = std::max(ImGui::GetContentRegionAvail().x, 80.0f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", ImVec2(width, height + labelHeight));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float bottom = origin.y + height;
    double top = chartMax(chart);
    // A chart with an axis label writes its axis in a margin left of the bars.
    float margin = 0.0f;
    if (!chart.axisLabel.empty()) {
        char text[64];
        std::snprintf(text, sizeof text, chart.valueFormat, top);
        margin = ImGui::CalcTextSize(text).x + 8.0f;
    }
    draw->AddLine(ImVec2(origin.x + margin, bottom), ImVec2(origin.x + width, bottom),
                  kColourMuted);
    std::size_t n = chart.categories.size();
    if (n == 0 || chart.series.empty()) {
        ImGui::PopID();
        return;
    }
    float plotLeft = origin.x + margin;
    float slot = (width - margin) / static_cast<float>(n);
    LabelLayout labels = layOutLabels(slot);
    float gap = std::max(2.0f, slot * 0.15f);
    float barWidth = (slot - gap) / static_cast<float>(chart.series.size());
    // The top line is left for the axis label, so that no bar runs under it.
    float scale = (height - ImGui::GetTextLineHeight() - 2.0f) / static_cast<float>(top);
    if (margin > 0.0f) {
        drawValueAxis(chart, top, origin, margin, bottom - static_cast<float>(top) * scale, bottom,
                      width);
    }
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t c = 0; c < n; ++c) {
        float slotLeft = plotLeft + slot * static_cast<float>(c);
        float left = slotLeft + gap * 0.5f;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const BarSeries& series = chart.series[s];
            double value = c < series.values.size() ? series.values[c] : 0.0;
            float x0 = left + barWidth * static_cast<float>(s);
            if (hasNote(series, c)) {
                // A note is wider than a bar: with one series it takes the whole slot.
                bool alone = chart.series.size() == 1;
                drawBarNote(id, chart.categories[c], series.notes[c], alone ? slotLeft : x0,
                            alone ? slot : barWidth, bottom);
                continue;
            }
            float y0 = bottom - static_cast<float>(std::max(0.0, value)) * scale;
            draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + barWidth - 1.0f, bottom),
                                series.colour, 2.0f);
            if (c < series.targets.size() && series.targets[c]) {
                float ty = bottom - static_cast<float>(*series.targets[c]) * scale;
                draw->AddLine(ImVec2(x0 - 1.0f, ty), ImVec2(x0 + barWidth, ty), kColourBarTarget,
                              2.0f);
            }
        }
        if (c % labels.stride == 0) {
            drawCategoryLabel(chart.categories[c], slotLeft, slot, labels.room, labels.stride == 1,
                              bottom + 2.0f);
        }
        bool inSlot = mouse.x >= slotLeft && mouse.x < slotLeft + slot;
        if (hovered && inSlot) showBarTooltip(chart, c);
    }
    if (margin == 0.0f) {
        char axis[64];
        std::snprintf(axis, sizeof axis, chart.valueFormat, top);
        draw->AddText(ImVec2(origin.x + 2.0f, origin.y), kColourMuted, axis);
    }
    ImGui::PopID();
}

void drawHistogram(const char* id, const Histogram& histogram, float height) {
    std::vector<float> counts(histogram.counts.begin(), histogram.counts.end());
    float top = 1.0f;
    for (float c : counts) top = std::max(top, c);
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kColourBarValue);
    ImGui::PlotHistogram("##histogram", counts.data(), static_cast<int>(counts.size()), 0,
                         nullptr, 0.0f, top * 1.05f,
                         ImVec2(ImGui::GetContentRegionAvail().x, height));
    ImGui::PopStyleColor();
    char range[96];
    int bins = static_cast<int>(counts.size());
    int tallest = static_cast<int>(top);
    std::snprintf(range, sizeof range, trPlural(Str::ChartHistogramRange, {bins, tallest}).c_str(),
                  histogram.low, histogram.high, bins, tallest);
    ImGui::TextDisabled("%s", range);
    ImGui::PopID();
}

GroupedBars receivedAgainstTarget(const AllocationResult& result) {
    GroupedBars chart;
    BarSeries value{tr(Str::ChartValueReceived), kColourBarValue, {}, {}};
    BarSeries difficulty{tr(Str::ChartDifficultyReceived), kColourBarDifficulty, {}, {}};
    for (const EmployeeOutcome& e : result.employees) {
        chart.categories.push_back(e.employee);
        value.values.push_back(e.receivedValue);
        value.targets.emplace_back(e.targetValue);
        difficulty.values.push_back(e.receivedDifficulty);
        difficulty.targets.emplace_back(e.targetDifficulty);
    }
    chart.series = {std::move(value), std::move(difficulty)};
    return chart;
}

GroupedBars booksBeforeAfter(const std::vector<BookChange>& books) {
    GroupedBars chart;
    BarSeries before{tr(Str::ChartBookBefore), kColourBookBefore, {}, {}};
    BarSeries after{tr(Str::ChartBookAfter), kColourBarValue, {}, {}};
    for (const BookChange& book : books) {
        if (book.clientsBefore == 0 && book.clientsAfter == 0) continue;
        chart.categories.push_back(book.employee);
        before.values.push_back(book.valueBefore);
        after.values.push_back(book.valueAfter);
    }
    chart.series = {std::move(before), std::move(after)};
    return chart;
}

}  // namespace baton::ui
