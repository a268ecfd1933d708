// The Charts tab: value and difficulty received against target per employee and each
// book before and after, for the last allocation, and the distribution of client value.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/charts.h"

namespace baton::ui {

class ChartsPanel {
public:
    void draw(Session& session);

private:
    // Rebuilds the chart data when the workspace, its revision or the last result changed.
    void refresh(Session& session);

    GroupedBars m_received;
    GroupedBars m_books;
    Histogram m_values;
    bool m_hasResult = false;
    std::string m_seenWorkspace;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    const AllocationResult* m_seenResult = nullptr;
    std::string m_seenLocale;
};

}  // namespace baton::ui
