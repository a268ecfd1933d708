// Internal building blocks of evaluate(): weighted terms, their normalisation and the
// missing-term rule shared by V, D and P. Not part of the public API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/evaluation.h"
#include "core/normalise.h"

namespace baton::detail {

// One weighted term of a score with its raw value per item (client or employee).
struct Term {
    std::string name;
    double weight = 0.0;    // the policy weight; a negative or non-finite weight counts as 0
    bool inverted = false;  // true when a low raw value scores high (recency, satisfaction)
    OptionalValues raw;
};

Term makeTerm(const std::string& name, double weight, bool inverted, std::size_t count);

double totalWeight(const std::vector<Term>& terms);

// Normalises each term's raw values by `method`, then inverts the inverted terms
// (100 - normalised), so that every returned value is on 0-100 with high meaning more.
std::vector<OptionalValues> normaliseTerms(const std::vector<Term>& terms, Normalisation method);

struct Combined {
    double score = 0.0;  // unrounded, 0-100
    std::vector<ScoreComponent> components;
    bool anyEvidence = false;   // whether a term with a positive weight is present
    double presentShare = 0.0;  // the present share of the total weight, 0-1
};

// Combines the terms of item i. Missing terms drop out, and the weights of the present
// ones are scaled up to sum to `total`. The score is the sum of the contributions
// (normalised * applied weight) divided by `total`. With no present term of positive
// weight the score is 0 and anyEvidence is false.
Combined combineTerms(const std::vector<Term>& terms, const std::vector<OptionalValues>& normalised,
                      std::size_t i, double total);

// Returns "1 client", "2 clients": the count and the noun, plural unless the count is 1.
std::string countText(std::size_t count, const char* noun);

// Adds a note for each negative or non-finite weight of the V, D and P blocks.
void noteInvalidWeights(const Policy& policy, std::vector<std::string>& notes);

// Scores every employee into evaluation.employees (see evaluation_performance.cpp).
void scoreEmployees(const Workspace& workspace, const Policy& policy, std::optional<long long> asOf,
                    Evaluation& evaluation);

}  // namespace baton::detail
