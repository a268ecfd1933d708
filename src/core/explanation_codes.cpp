#include "core/explanation_codes.h"

#include <algorithm>
#include <array>

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
