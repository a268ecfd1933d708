// Checks the witnesses of a result's certificates: a failed certificate must name the
// employees and the client that break it, and each witness must be a real violation,
// recomputed from the assignments, the evaluation and the entitlement weights.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/evaluation.h"
#include "core/verify.h"
#include "core/verify_book.h"

namespace baton::verify_detail {

// The receivers' bundles as verify recomputes them: for each receiver of `book`, in the
// same order, its weight, its target value, its difficulty share, whether the fairness
// tests cover it, and the released clients it receives.
struct Bundles {
    std::vector<double> weights;
    std::vector<double> targets;
    std::vector<double> shares;
    std::vector<char> tested;
    std::vector<std::vector<int>> clients;  // workspace client indices
};

// Appends a breach for each failed certificate without a witness, each witness of a
// passing or unknown certificate, and each witness that breaks no test.
void checkWitnesses(const Workspace& ws, const ReportedAllocation& reported,
                    const Evaluation& evaluation, const Book& book, const Bundles& bundles,
                    std::vector<std::string>& breaches);

}  // namespace baton::verify_detail
