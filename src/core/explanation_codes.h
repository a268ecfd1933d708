// The explanation codes of the allocation result format, version 1: why the new owner won
// a client (won_because), why a runner-up lost it (lost_because) and why a released client
// stayed unplaced (unassigned reason), and the methods that made a result.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace baton {

std::span<const std::string_view> wonBecauseCodes();
std::span<const std::string_view> lostBecauseCodes();
// The design's unassigned reasons. A result of method "proposal" may also give
// kNotInProposal, which Baton adds beyond the design.
std::span<const std::string_view> unassignedReasonCodes();
inline constexpr std::string_view kNotInProposal = "not_in_proposal";
// The result's methods: "fair", then the baselines that `--baseline` can return.
std::span<const std::string_view> methodCodes();

bool containsCode(std::span<const std::string_view> codes, std::string_view code);
// Returns the codes separated by ", ", as messages list them.
std::string joinCodes(std::span<const std::string_view> codes);

}  // namespace baton
