#include "core/explanation_codes.h"

#include <algorithm>
#include <array>

#include "core/allocation_result.h"

namespace baton {

namespace {

constexpr std::array<std::string_view, 5> kWonBecause = {"best_fit", "only_eligible", "pinned",
                                                         "continuity", "fairness_balance"};

constexpr std::array<std::string_view, 10> kLostBecause = {
    "capacity_full", "workload_full", "ineligible_status", "ineligible_need",     "conflict",
    "forbidden",     "team_boundary", "share_cap",         "fairness_target_met", "lower_fit"};

constexpr std::array<std::string_view, 6> kUnassigned = {
    "no_eligible_employee", "capacity_exhausted", "workload_exhausted",
    "team_boundary",        "share_cap",          "pin_conflict"};

constexpr std::array<std::string_view, 5> kMethods = {"fair", "round_robin", "greedy_fit",
                                                      "weighted_picking", "proposal"};

}  // namespace

std::span<const std::string_view> wonBecauseCodes() {
    return kWonBecause;
}
std::span<const std::string_view> lostBecauseCodes() {
    return kLostBecause;
}
std::span<const std::string_view> unassignedReasonCodes() {
    return kUnassigned;
}
std::span<const std::string_view> methodCodes() {
    return kMethods;
}

FitTie fitTieOf(const Assignment& a, bool fitWeightsZero) {
    if (a.wonBecause != "best_fit") return FitTie::None;
    if (fitWeightsZero) return FitTie::WeightsZero;
    if (a.fit != 0.0) return FitTie::None;
    // Runners-up are listed best fit first among the employees who can receive, so those at
    // fit 0 mean that no candidate of the client has a higher fit. ineligible_status marks
    // an employee who cannot receive at all, whose fit does not compete.
    bool competitor = false;
    for (const RunnerUp& u : a.runnersUp) {
        if (u.lostBecause == "ineligible_status") continue;
        if (u.fit != 0.0) return FitTie::None;
        competitor = true;
    }
    return competitor ? FitTie::FitsZero : FitTie::None;
}

bool containsCode(std::span<const std::string_view> codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string joinCodes(std::span<const std::string_view> codes) {
    std::string out;
    for (std::string_view code : codes) {
        if (!out.empty()) out += ", ";
        out += code;
    }
    return out;
}

}  // namespace baton
