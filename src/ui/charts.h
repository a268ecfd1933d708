// Charts drawn with ImGui's draw lists (no plotting library): grouped bars with target
// ticks per category, and a histogram. Panels and the dashboard call these with data from
// app/chart_data.h or from a result.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/chart_data.h"
#include "core/allocation.h"

namespace baton::ui {

struct BarSeries {
    std::string label;  // shown in the legend and the tooltip
    ImU32 colour = 0;
    std::vector<double> values;  // one per category
    // Optional target per category, drawn as a dark tick across the bar.
    std::vector<std::optional<double>> targets;
    // Optional text per category, drawn in place of the bar and shown in the tooltip in
    // place of the value, for a value that means nothing (a share of a zero base).
    std::vector<std::string> notes;
};

struct GroupedBars {
    std::vector<std::string> categories;  // x-axis labels, such as employee ids
    std::vector<BarSeries> series;
    const char* valueFormat = "%.0f";  // printf format of values in tooltips and the axis
    // The value axis: its label, drawn above the bars, and the least value its top shows
    // (100 for a percentage, so a small share does not fill the chart).
    std::string axisLabel;
    double minimumTop = 0.0;
};

// Draws vertical bars, one group per category and one bar per series, scaled to the
// largest value or target, with a legend (or the axis label) above, the axis's top and
// zero at its left and a tooltip on hover. `id` must be unique in the window. A note in
// place of a bar is recorded as the widget "<id>.note.<category>".
void drawGroupedBars(const char* id, const GroupedBars& chart, float height);

// Draws a histogram of counts over [low, high] with ImGui::PlotHistogram, with the range
// written under it.
void drawHistogram(const char* id, const Histogram& histogram, float height);

// Builds the chart of value and difficulty received against target per receiving
// employee of a result.
GroupedBars receivedAgainstTarget(const AllocationResult& result);
// Builds the chart of each employee's book value before and after a result. Employees
// whose book is empty before and after are left out.
GroupedBars booksBeforeAfter(const std::vector<BookChange>& books);

}  // namespace baton::ui
