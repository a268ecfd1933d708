#include "core/evaluation_terms.h"

#include <algorithm>
#include <cmath>

namespace baton::detail {

Term makeTerm(const std::string& name, double weight, bool inverted, std::size_t count) {
    Term term;
    term.name = name;
    term.weight = std::isfinite(weight) && weight > 0.0 ? weight : 0.0;
    term.inverted = inverted;
    term.raw.assign(count, std::nullopt);
    return term;
}

double totalWeight(const std::vector<Term>& terms) {
    double total = 0.0;
    for (const Term& term : terms) total += term.weight;
    return total;
}

std::vector<OptionalValues> normaliseTerms(const std::vector<Term>& terms, Normalisation method) {
    std::vector<OptionalValues> result;
    result.reserve(terms.size());
    for (const Term& term : terms) {
        OptionalValues values = normalise(term.raw, method);
        if (term.inverted) {
            for (auto& v : values) {
                if (v) v = 100.0 - *v;
            }
        }
        result.push_back(std::move(values));
    }
    return result;
}

Combined combineTerms(const std::vector<Term>& terms, const std::vector<OptionalValues>& normalised,
                      std::size_t i, double total) {
    Combined combined;
    double present = 0.0;
    for (std::size_t t = 0; t < terms.size(); ++t) {
        if (terms[t].raw[i] && normalised[t][i]) present += terms[t].weight;
    }
    combined.anyEvidence = present > 0.0 && total > 0.0;
    combined.presentShare = combined.anyEvidence ? present / total : 0.0;
    const double scale = combined.anyEvidence ? total / present : 0.0;
    double sum = 0.0;
    for (std::size_t t = 0; t < terms.size(); ++t) {
        ScoreComponent component;
        component.name = terms[t].name;
        component.raw = terms[t].raw[i];
        if (terms[t].raw[i] && normalised[t][i]) {
            const double applied = terms[t].weight * scale;
            const double contribution = *normalised[t][i] * applied;
            sum += contribution;
            component.normalised = roundTo(*normalised[t][i], 4);
            component.weight = roundTo(applied, 6);
            component.contribution = roundTo(contribution, 4);
        }
        combined.components.push_back(std::move(component));
    }
    combined.score = combined.anyEvidence ? std::clamp(sum / total, 0.0, 100.0) : 0.0;
    return combined;
}

std::string countText(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

void noteInvalidWeights(const Policy& policy, std::vector<std::string>& notes) {
    const ValuePolicy& v = policy.value;
    const DifficultyPolicy& d = policy.difficulty;
    const PerformancePolicy& p = policy.performance;
    const std::pair<const char*, double> weights[] = {
        {"value.weights.monetary", v.monetary},
        {"value.weights.frequency", v.frequency},
        {"value.weights.recency", v.recency},
        {"value.weights.potential", v.potential},
        {"value.weights.tier", v.tier},
        {"difficulty.weights.given", d.given},
        {"difficulty.weights.workload", d.workload},
        {"difficulty.weights.satisfaction", d.satisfaction},
        {"difficulty.weights.complaints", d.complaints},
        {"difficulty.weights.late_payments", d.latePayments},
        {"performance.weights.sales_12m", p.sales12m},
        {"performance.weights.quota_attainment", p.quotaAttainment},
        {"performance.weights.csat", p.csat},
        {"performance.weights.retention", p.retention},
        {"performance.weights.review", p.review},
        {"performance.weights.tenure", p.tenure},
    };
    for (const auto& [key, weight] : weights) {
        if (!std::isfinite(weight) || weight < 0.0) {
            notes.push_back(std::string("policy ") + key + " is negative or not a number: 0 used");
        }
    }
    // Five value, five difficulty and six performance weights, in that order above.
    const std::pair<const char*, std::pair<int, int>> groups[] = {
        {"value", {0, 5}}, {"difficulty", {5, 10}}, {"performance", {10, 16}}};
    for (const auto& [name, range] : groups) {
        bool any = false;
        for (int k = range.first; k < range.second; ++k) {
            double w = weights[k].second;
            any = any || (std::isfinite(w) && w > 0.0);
        }
        if (!any) {
            notes.push_back(std::string("policy ") + name + ".weights are all 0, so every " +
                            name + " score is 0; give at least one of them a weight above 0");
        }
    }
}

}  // namespace baton::detail
