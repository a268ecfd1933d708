// The order in which verify reports its breaches: a broken hard constraint first, because
// the fit, figure, certificate and explanation-code breaches that follow from it are
// consequences, and a reader fixes the cause first.
#pragma once

#include <string>
#include <vector>

namespace baton::verify_detail {

// True for a breach sentence of a hard constraint as the checker in core/verify.cpp writes
// it: status, needs, key account, relationship, forbid, team boundary, a pin not honoured,
// max_clients, max_workload, max_value_share, and a client missing, unknown or listed twice.
bool isHardConstraintBreach(const std::string& breach);

// Moves the hard-constraint breaches before the others, each group in its original order.
void putHardConstraintsFirst(std::vector<std::string>& breaches);

}  // namespace baton::verify_detail
