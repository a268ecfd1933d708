// `baton verify FILE RESULT`: rechecks every hard constraint, certificate, figure and
// explanation code of an allocation result against the workspace, using the result's own
// policy. A result that a finalised cycle of the workspace locked is checked against the
// workspace as it was before that final, rebuilt from the cycle record.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "io/allocation_json.h"
#include "io/verify_cycle.h"
#include "io/verify_result.h"
#include "io/workspace_json.h"

namespace baton::cli {

int runVerify(const VerifyArgs& args) {
    std::optional<Workspace> ws = loadWorkspace(args.file);
    if (!ws) return 1;
    std::optional<std::string> text = readInputFile(args.result);
    if (!text) return 1;
    ReportedReadResult read = readReportedAllocation(*text);
    if (!read.allocation) {
        std::cerr << formatErrors(read.errors, args.result);
        printError(args.result + " is not a valid allocation result");
        return 1;
    }
    CycleVerifyReport checked = verifyWithCycles(*ws, *read.allocation);
    VerifyReport& report = checked.report;
    // A result a final locked followed the rules of its cycle; later overrides are the next
    // cycle's.
    if (checked.cycle.empty()) {
        for (std::string& b : currentOverrideBreaches(*ws, *read.allocation))
            report.breaches.push_back(std::move(b));
    }
    if (!checked.cycle.empty()) {
        std::cerr << "note: " << args.result << " is the result the final of " << checked.cycle
                  << " locked, so it is checked against the workspace before that final, "
                  << "rebuilt from the cycle record in " << args.file << "\n";
    }
    for (const std::string& breach : report.breaches) std::cerr << "breach: " << breach << "\n";
    std::vector<std::string> differences =
        policyDifferences(read.allocation->policy, ws->policy, 20);
    if (!differences.empty()) {
        std::cerr << "note: " << args.result << " was made under a policy that differs from the "
                  << "policy of " << args.file << "; verify checks it under its own policy:\n";
        for (const std::string& line : differences) std::cerr << "note:   policy" << line << "\n";
    }
    if (!report.ok()) {
        std::size_t n = report.breaches.size();
        printError(std::to_string(n) + (n == 1 ? " breach in " : " breaches in ") + args.result);
        return 1;
    }
    std::string basis = verifyBasisText(checked);
    std::cerr << "baton: " << args.result << " passes every check"
              << (basis.empty() ? "" : " " + basis) << "; " << kVerifyUnchecked << "\n";
    return 0;
}

}  // namespace baton::cli
