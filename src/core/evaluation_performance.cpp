// Employee performance P: metrics normalised within the comparison group, combined by
// the missing-term rule, and shrunk toward the group median for provisional employees.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/dates.h"
#include "core/evaluation_terms.h"

namespace baton::detail {

namespace {

constexpr double kNeutralScore = 50.0;

std::string groupKey(const Employee& employee, PerformanceGroup group) {
    switch (group) {
        case PerformanceGroup::Firm: return "firm";
        case PerformanceGroup::Team: return "team:" + employee.team;
        case PerformanceGroup::Role: return "role:" + employee.role;
    }
    return "firm";
}

std::vector<Term> makePerformanceTerms(const PerformancePolicy& p, std::size_t n) {
    std::vector<Term> terms = {makeTerm("sales_12m", p.sales12m, false, n),
                               makeTerm("quota_attainment", p.quotaAttainment, false, n),
                               makeTerm("csat", p.csat, false, n),
                               makeTerm("retention", p.retention, false, n),
                               makeTerm("review", p.review, false, n)};
    // Seniority earns nothing unless the policy gives tenure a weight.
    if (makeTerm("tenure", p.tenure, false, 0).weight > 0.0) {
        terms.push_back(makeTerm("tenure", p.tenure, false, n));
    }
    return terms;
}

std::optional<int> tenureMonths(std::optional<long long> hired, std::optional<long long> asOf) {
    if (!asOf || !hired) return std::nullopt;
    return std::max(0, monthsBetween(*hired, *asOf));
}

std::optional<double> trustedMetric(std::optional<double> value, const std::string& name,
                                    std::vector<std::string>& flags) {
    if (!value) return std::nullopt;
    if (!std::isfinite(*value) || *value >= kAbsurdAmount) {
        flags.emplace_back("absurd_metric:" + name);
        return std::nullopt;
    }
    if (*value < 0.0) {
        flags.emplace_back("negative_metric:" + name);
        return std::nullopt;
    }
    return value;
}

void fillEmployeeRaw(const Workspace& workspace, std::optional<long long> asOf,
                     std::vector<Term>& terms, std::vector<EmployeeScore>& scores) {
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        const Employee& e = workspace.employees[i];
        if (e.kind == EmployeeKind::System) continue;
        std::vector<std::string>& flags = scores[i].flags;
        terms[0].raw[i] = trustedMetric(e.metrics.sales12m, "sales_12m", flags);
        terms[1].raw[i] = trustedMetric(e.metrics.quotaAttainment, "quota_attainment", flags);
        terms[2].raw[i] = trustedMetric(e.metrics.csat, "csat", flags);
        terms[3].raw[i] = trustedMetric(e.metrics.retention, "retention", flags);
        terms[4].raw[i] = trustedMetric(e.metrics.review, "review", flags);
        if (terms.size() > 5) {
            std::optional<int> months = tenureMonths(parseIsoDate(e.hired), asOf);
            if (months) terms[5].raw[i] = *months;
        }
    }
}

// Normalises every term within each group; the groups are disjoint, so each value
// is written once.
std::vector<OptionalValues> normaliseWithinGroups(
    const std::vector<Term>& terms, const std::map<std::string, std::vector<std::size_t>>& groups,
    Normalisation method, std::size_t n) {
    std::vector<OptionalValues> result(terms.size(), OptionalValues(n));
    for (const auto& [key, members] : groups) {
        for (std::size_t t = 0; t < terms.size(); ++t) {
            OptionalValues subset;
            subset.reserve(members.size());
            for (std::size_t i : members) subset.push_back(terms[t].raw[i]);
            OptionalValues normalised = normalise(subset, method);
            for (std::size_t k = 0; k < members.size(); ++k) {
                result[t][members[k]] = normalised[k];
            }
        }
    }
    return result;
}

std::string percentText(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", roundTo(share * 100.0, 0));
    return buffer;
}

std::string scoreText(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", roundTo(score, 2));
    return buffer;
}

struct ProvisionalInputs {
    std::optional<int> tenure;
    std::string hiredAfterAsOf;  // the hire date when it lies after the as-of date
    int rampMonths = 0;
    std::vector<std::string> missing;
    bool anyEvidence = false;
    double evidence = 0.0;
    double median = 0.0;
};

std::string provisionalReason(const ProvisionalInputs& in) {
    std::vector<std::string> parts;
    if (!in.hiredAfterAsOf.empty()) {
        parts.push_back("the hire date " + in.hiredAfterAsOf +
                        " is after the as-of date, so it counts as less than a month, within "
                        "the " +
                        std::to_string(in.rampMonths) + "-month ramp-up");
    } else if (in.tenure && *in.tenure < in.rampMonths) {
        const std::string since =
            *in.tenure == 0 ? "less than a month" : countText(std::size_t(*in.tenure), "month");
        parts.push_back("hired " + since + " before the as-of date, within the " +
                        std::to_string(in.rampMonths) + "-month ramp-up");
    }
    if (!in.missing.empty()) {
        std::string list;
        for (const std::string& name : in.missing) list += (list.empty() ? "" : ", ") + name;
        parts.push_back(in.anyEvidence ? "no figure for " + list : "no performance figures yet");
    }
    std::string text = "Provisional: ";
    for (std::size_t k = 0; k < parts.size(); ++k) text += (k == 0 ? "" : "; ") + parts[k];
    if (in.anyEvidence && in.evidence > 0.0) {
        text += ". The score is " + percentText(in.evidence) + " own figures and " +
                percentText(1.0 - in.evidence) + " the group median (" + scoreText(in.median) +
                ").";
    } else {
        text += ". The score is the group median (" + scoreText(in.median) + ").";
    }
    return text;
}

void scoreGroup(const Workspace& workspace, const PerformancePolicy& policy,
                std::optional<long long> asOf, const std::vector<std::size_t>& members,
                const std::vector<Term>& terms, const std::vector<OptionalValues>& normalised,
                const std::string& key, std::vector<EmployeeScore>& scores) {
    const double total = totalWeight(terms);
    std::vector<Combined> combined;
    OptionalValues rawScores;
    for (std::size_t i : members) {
        combined.push_back(combineTerms(terms, normalised, i, total));
        if (combined.back().anyEvidence) rawScores.push_back(combined.back().score);
    }
    const double groupMedian = roundTo(median(rawScores).value_or(kNeutralScore), 4);
    for (std::size_t k = 0; k < members.size(); ++k) {
        const std::size_t i = members[k];
        EmployeeScore& score = scores[i];
        Combined& c = combined[k];
        ProvisionalInputs in;
        std::optional<long long> hired = parseIsoDate(workspace.employees[i].hired);
        in.tenure = tenureMonths(hired, asOf);
        in.rampMonths = policy.rampMonths;
        if (hired && asOf && *hired > *asOf) {
            in.hiredAfterAsOf = workspace.employees[i].hired;
            score.flags.emplace_back("hired_after_as_of");
        }
        for (const Term& term : terms) {
            if (term.weight > 0.0 && !term.raw[i]) in.missing.push_back(term.name);
        }
        double ramp = 1.0;
        if (in.tenure && policy.rampMonths > 0 && *in.tenure < policy.rampMonths) {
            ramp = static_cast<double>(*in.tenure) / static_cast<double>(policy.rampMonths);
        }
        in.anyEvidence = c.anyEvidence;
        in.evidence = total > 0.0 ? c.presentShare * ramp : 1.0;
        in.median = groupMedian;
        const double own = c.anyEvidence ? c.score : groupMedian;
        score.performance = roundTo(
            total > 0.0 ? in.evidence * own + (1.0 - in.evidence) * groupMedian : kNeutralScore, 4);
        score.evidence = roundTo(in.evidence, 6);
        score.group = key;
        score.groupMedian = groupMedian;
        score.breakdown = std::move(c.components);
        score.provisional = total > 0.0 && (!in.missing.empty() || ramp < 1.0);
        if (score.provisional) score.provisionalReason = provisionalReason(in);
    }
}

}  // namespace

void scoreEmployees(const Workspace& workspace, const Policy& policy, std::optional<long long> asOf,
                    Evaluation& evaluation) {
    const std::size_t n = workspace.employees.size();
    const PerformancePolicy& p = policy.performance;
    evaluation.employees.assign(n, EmployeeScore{});
    std::vector<Term> terms = makePerformanceTerms(p, n);
    fillEmployeeRaw(workspace, asOf, terms, evaluation.employees);

    std::map<std::string, std::vector<std::size_t>> groups;
    std::size_t systemUsers = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (workspace.employees[i].kind == EmployeeKind::System) {
            EmployeeScore& score = evaluation.employees[i];
            score.system = true;
            score.evidence = 0.0;
            ++systemUsers;
            continue;
        }
        groups[groupKey(workspace.employees[i], p.group)].push_back(i);
    }
    std::vector<OptionalValues> normalised =
        normaliseWithinGroups(terms, groups, p.normalisation, n);
    for (const auto& [key, members] : groups) {
        scoreGroup(workspace, p, asOf, members, terms, normalised, key, evaluation.employees);
    }
    if (systemUsers > 0) {
        evaluation.notes.push_back(countText(systemUsers, "system user") +
                                   " with performance 0, left out of the comparison groups");
    }
    if (totalWeight(terms) <= 0.0 && !groups.empty()) {
        evaluation.notes.emplace_back("performance weights are all 0: every employee gets 50");
    }
}

}  // namespace baton::detail
