// Verify for a result that a finalised cycle locked. The final moves the released clients to
// their new owners, so the workspace no longer has the result's input hash. The workspace
// before the final is rebuilt from the cycle record (pastCycleInput) and the result is
// checked against it.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/verify.h"

namespace baton {

struct CycleVerifyReport {
    VerifyReport report;
    // The cycle whose workspace before the final the result was checked against; empty when
    // it was checked against the workspace as it is.
    std::string cycle;
    // The reason the rebuilt workspace lacks the result's input_sha256; empty when the hashes
    // match. When it is set, report.breaches starts with the hash breach.
    std::string hashMismatch;
};

// Verifies `reported` against `workspace`. When that fails on the input hash and the result's
// input_sha256 is that of the result a cycle of the workspace made final, verifies it against
// the workspace before that final instead.
CycleVerifyReport verifyWithCycles(const Workspace& workspace, const ReportedAllocation& reported);

// "against the workspace before the final of cycle-1", or "" for the workspace as it is.
std::string verifyBasisText(const CycleVerifyReport& checked);

}  // namespace baton
