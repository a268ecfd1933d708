// Helpers shared by the cycle operations' source files; not part of the public API.
#pragma once

#include <string>
#include <utility>

#include "core/cycle.h"
#include "core/cycle_ops.h"

namespace baton::cycle_detail {

// The results of a cycle step: rejected with `message`, or made with `message`.
inline CycleResult fail(std::string message) {
    return {false, std::move(message)};
}
inline CycleResult done(std::string message) {
    return {true, std::move(message)};
}

// The ISO date `days` days after `date`, which must be a valid ISO date.
std::string addDays(const std::string& date, int days);
// True when the re-run (if any) was made with the cycle's current overrides, or when
// there are no overrides and no re-run.
bool rerunIsCurrent(const Cycle& cycle);
// The date on which the cycle entered its current stage.
const std::string& stageDate(const Cycle& cycle);

}  // namespace baton::cycle_detail
