// The explanation codes of the allocation result format, version 1: why the new owner won
// a client (won_because), why a runner-up lost it (lost_because) and why a released client
// stayed unplaced (unassigned reason), and the methods that made a result.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace baton {

struct Assignment;

std::span<const std::string_view> wonBecauseCodes();
std::span<const std::string_view> lostBecauseCodes();
// The design's unassigned reasons. A result of method "proposal" may also give
// kNotInProposal, which Baton adds beyond the design.
std::span<const std::string_view> unassignedReasonCodes();
inline constexpr std::string_view kNotInProposal = "not_in_proposal";
// The result's methods: "fair", then the baselines that `--baseline` can return.
std::span<const std::string_view> methodCodes();

// Whether a best_fit winner is a tie at fit 0, which the allocation as a whole settled
// (room, fair shares and the seeded lottery) because the fit could not choose:
// WeightsZero when every fit weight of the policy is 0, FitsZero when the winner and every
// runner-up that could receive have fit 0 for this client.
enum class FitTie { None, WeightsZero, FitsZero };
FitTie fitTieOf(const Assignment& a, bool fitWeightsZero);

bool containsCode(std::span<const std::string_view> codes, std::string_view code);
// Returns the codes separated by ", ", as messages list them.
std::string joinCodes(std::span<const std::string_view> codes);

}  // namespace baton
