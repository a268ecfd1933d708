// Helpers of the verify tests: a solver result read back as verify reads it, its breaches,
// and the index of a client's assignment.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/verify.h"
#include "io/allocation_json.h"

namespace baton::test {

// Allocates `ws` under its own policy, writes the result and reads it back for verify.
inline ReportedAllocation reportOf(const Workspace& ws, const AllocateOptions& options = {}) {
    AllocationResult r = allocate(ws, ws.policy, evaluate(ws, ws.policy), options);
    ReportedReadResult read = readReportedAllocation(writeAllocation(r));
    REQUIRE(read.allocation.has_value());
    return *read.allocation;
}

inline std::vector<std::string> breachesOf(const Workspace& ws, const ReportedAllocation& r) {
    return verifyAllocation(ws, r, evaluate(ws, r.policy)).breaches;
}

// The index of the client's assignment in the result.
inline std::size_t assignmentOf(const ReportedAllocation& r, const std::string& client) {
    for (std::size_t a = 0; a < r.assignments.size(); ++a) {
        if (r.assignments[a].client == client) return a;
    }
    FAIL("no assignment of " << client);
    return 0;
}

}  // namespace baton::test
