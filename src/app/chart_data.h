// The figures the charts draw, computed apart from ImGui so that tests can check them:
// each employee's book value before and after an allocation, and histogram counts.
#pragma once

#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

struct BookChange {
    std::string employee;
    int clientsBefore = 0;
    int clientsAfter = 0;
    double valueBefore = 0.0;  // summed client value V of the book
    double valueAfter = 0.0;
};

// Every person's book before `result` and after its assignments are applied on top of
// today's owners (an unassigned client stays with its owner), in employee id order.
// `evaluation` must be parallel to the workspace's clients.
std::vector<BookChange> bookChanges(const Workspace& workspace, const Evaluation& evaluation,
                                    const AllocationResult& result);

struct Histogram {
    double low = 0.0;
    double high = 0.0;
    std::vector<int> counts;  // bin k covers [low + k w, low + (k + 1) w), the last one closed
};

// Counts `values` in `bins` equal bins from `low` to `high`; values outside are clamped
// into the first or last bin. `bins` below 1 is taken as 1.
Histogram histogram(const std::vector<double>& values, int bins, double low, double high);

}  // namespace baton
