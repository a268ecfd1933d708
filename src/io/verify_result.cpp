#include "io/verify_result.h"

#include "core/evaluation.h"
#include "io/allocation_json.h"

namespace baton {

VerifyReport verifyReported(const Workspace& workspace, const ReportedAllocation& reported) {
    Evaluation evaluation = evaluate(workspace, reported.policy);
    VerifyReport report = verifyAllocation(workspace, reported, evaluation);
    if (std::optional<std::string> hash = inputHashBreach(workspace, reported)) {
        report.breaches.insert(report.breaches.begin(), *hash);
    }
    return report;
}

}  // namespace baton
