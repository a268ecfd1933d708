#include "core/verify_fields.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/explanation_codes.h"

namespace baton::verify_detail {

namespace {

constexpr double kFitSlack = 2e-6;
constexpr double kFigureSlack = 2e-6;

void checkBreakdown(const Workspace& ws, const ReportedAllocation& r, const ServedPairs& served,
                    std::size_t a, int j, int e, std::vector<std::string>& breaches) {
    const std::vector<FitTerm>& terms = *r.breakdowns[a];
    const std::string at = "/assignments/" + std::to_string(a) + "/breakdown/fit";
    const std::string pair =
        ws.clients[std::size_t(j)].id + " → " + ws.employees[std::size_t(e)].id + ": " + at + "/";
    std::array<double, kFitTermNames.size()> recomputed = fitTermsOf(ws, r.policy, served, j, e);
    for (const FitTerm& term : terms) {
        auto known = std::find(kFitTermNames.begin(), kFitTermNames.end(), term.name);
        if (known == kFitTermNames.end()) {
            breaches.push_back(pair + term.name +
                               " is not a fit term; use prefers, industry, region, language, "
                               "continuity");
            continue;
        }
        double expected = recomputed[std::size_t(known - kFitTermNames.begin())];
        if (std::fabs(term.contribution - expected) <= kFitSlack) continue;
        breaches.push_back(pair + term.name + ": " + reportedAgainst(term.contribution, expected));
    }
    for (std::size_t t = 0; t < kFitTermNames.size(); ++t) {
        bool listed = std::any_of(terms.begin(), terms.end(),
                                  [&](const FitTerm& x) { return x.name == kFitTermNames[t]; });
        if (!listed) {
            breaches.push_back(pair + std::string(kFitTermNames[t]) + " is missing; recomputed " +
                               number(recomputed[t]));
        }
    }
}

// The figures that a result of a baseline method repeats from its entry in "baselines".
void compareWithBaseline(const ReportedAllocation& r, const BaselineSummary& b,
                         std::vector<std::string>& breaches) {
    const std::string claim = "method \"" + r.method + "\": ";
    const std::string entry = "/baselines/" + r.method;
    auto figure = [&](const char* name, double own, double baseline) {
        if (std::fabs(own - baseline) <= kFigureSlack * std::max(1.0, std::fabs(baseline))) return;
        breaches.push_back(claim + "/figures/" + name + " " + distinctNumber(own, baseline) +
                           " is not " + entry + "/figures/" + name + " " +
                           distinctNumber(baseline, own) +
                           "; a result of a baseline method has that baseline's figures");
    };
    const Figures& f = r.figures;
    figure("total_fit", f.totalFit, b.figures.totalFit);
    figure("price_of_fairness", f.priceOfFairness, b.figures.priceOfFairness);
    figure("max_relative_deviation", f.maxRelativeDeviation, b.figures.maxRelativeDeviation);
    figure("gini", f.gini, b.figures.gini);
    figure("difficulty_spread", f.difficultySpread, b.figures.difficultySpread);
    figure("continuity_rate", f.continuityRate, b.figures.continuityRate);
    figure("unassigned", double(f.unassigned), double(b.figures.unassigned));
    auto flag = [&](const char* name, bool own, bool baseline) {
        if (own == baseline) return;
        breaches.push_back(claim + "/certificates/" + name + " is " + (own ? "true" : "false") +
                           " but " + entry + "/certificates/" + name + " is " +
                           (baseline ? "true" : "false") +
                           "; a result of a baseline method has that baseline's certificates");
    };
    const Certificates& c = r.certificates;
    flag("wprop1_value", c.wprop1Value, b.certificates.wprop1Value);
    flag("wprop1_difficulty", c.wprop1Difficulty, b.certificates.wprop1Difficulty);
    flag("wef1_value", c.wef1Value, b.certificates.wef1Value);
    flag("wef1_difficulty", c.wef1Difficulty, b.certificates.wef1Difficulty);
    if (c.efCBoth != b.certificates.efCBoth) {
        breaches.push_back(claim + "/certificates/ef_c_both is " + std::to_string(c.efCBoth) +
                           " but " + entry + "/certificates/ef_c_both is " +
                           std::to_string(b.certificates.efCBoth) +
                           "; a result of a baseline method has that baseline's certificates");
    }
}

// Checks what only the fair method produces: a proven optimal fit and the codes of the
// fairness repair.
void checkBaselineMethod(const ReportedAllocation& r, std::vector<std::string>& breaches) {
    const std::string method = "\"" + r.method + "\"";
    if (r.optimality && r.optimality->status == "optimal") {
        breaches.push_back("optimality status \"optimal\" in a result of method " + method +
                           ": only the fair method's fit is proven optimal, so a baseline's "
                           "status is \"bound\"");
    }
    for (std::size_t a = 0; a < r.assignments.size(); ++a) {
        const std::string at = "/assignments/" + std::to_string(a);
        const std::string pair = r.assignments[a].client + " → " + r.assignments[a].employee;
        if (a < r.wonBecause.size() && r.wonBecause[a] == "fairness_balance") {
            breaches.push_back(pair + ": " + at + "/won_because is \"fairness_balance\" in a " +
                               "result of method " + method +
                               "; only the fair method moves clients for fairness");
        }
        if (a >= r.runnersUp.size()) continue;
        for (std::size_t k = 0; k < r.runnersUp[a].size(); ++k) {
            if (r.runnersUp[a][k].lostBecause != "fairness_target_met") continue;
            breaches.push_back(pair + ": " + at + "/runners_up/" + std::to_string(k) +
                               "/lost_because is \"fairness_target_met\" in a result of method " +
                               method + "; only the fair method moves clients for fairness");
        }
    }
    auto baseline = r.baselines.find(r.method);
    if (baseline != r.baselines.end()) compareWithBaseline(r, baseline->second, breaches);
}

// The best fit B that price_of_fairness = (B - total_fit) / B implies, with the error that
// the 6-decimal rounding of both figures allows, or nothing when the figures fix no B.
struct BestFit {
    double value = 0.0;
    double error = 0.0;
};

std::optional<BestFit> impliedBestFit(const Figures& f) {
    double kept = 1.0 - f.priceOfFairness;
    if (f.totalFit < 0.01 || kept < 0.01) return std::nullopt;
    double best = f.totalFit / kept;
    return BestFit{best, best * (1e-6 / f.totalFit + 1e-6 / kept)};
}

void checkBaselineFigures(const std::string& name, const Figures& f, const ReportedAllocation& r,
                          int released, std::vector<std::string>& breaches) {
    const std::string at = "/baselines/" + name + "/figures/";
    auto range = [&](const char* field, double x, double low, double high, const char* why) {
        if (x >= low - kFigureSlack && x <= high + kFigureSlack) return;
        breaches.push_back(at + field + " " + number(x) + " is outside " + number(low) + " to " +
                           number(high) + ", " + why);
    };
    auto atLeastZero = [&](const char* field, double x) {
        if (x >= -kFigureSlack) return;
        breaches.push_back(at + field + " " + number(x) +
                           " is negative, but it is a ratio of "
                           "distances");
    };
    int placed = std::max(0, released - f.unassigned);
    range("unassigned", f.unassigned, 0, released, "the count of released clients");
    range("total_fit", f.totalFit, 0, placed,
          "because each of the placed clients has a fit of at most 1");
    range("continuity_rate", f.continuityRate, 0, 1, "the range of a share of the placed clients");
    range("gini", f.gini, 0, 1, "the range of a Gini coefficient");
    if (f.priceOfFairness > 1.0 + kFigureSlack) {
        breaches.push_back(at + "price_of_fairness " + number(f.priceOfFairness) +
                           " is above 1, but no allocation loses more than the whole best fit");
    }
    atLeastZero("max_relative_deviation", f.maxRelativeDeviation);
    atLeastZero("difficulty_spread", f.difficultySpread);
    std::optional<BestFit> own = impliedBestFit(r.figures);
    std::optional<BestFit> other = impliedBestFit(f);
    if (!own || !other || std::fabs(own->value - other->value) <= own->error + other->error) return;
    breaches.push_back(at + "total_fit and price_of_fairness imply a best fit of " +
                       distinctNumber(other->value, own->value) + ", but /figures implies " +
                       distinctNumber(own->value, other->value) +
                       "; every price_of_fairness is (B - total_fit) / B with the same best fit "
                       "B, so one of the figures is wrong");
}

}  // namespace

void checkBreakdowns(const Workspace& ws, const ReportedAllocation& reported, const Book& book,
                     const ServedPairs& served, std::vector<std::string>& breaches) {
    for (std::size_t a = 0; a < reported.assignments.size(); ++a) {
        if (a >= reported.breakdowns.size() || !reported.breakdowns[a]) continue;
        auto c = book.clientIndex.find(reported.assignments[a].client);
        auto e = book.employeeIndex.find(reported.assignments[a].employee);
        // An unknown id is a breach of its own, named by the assignment checks.
        if (c == book.clientIndex.end() || e == book.employeeIndex.end()) continue;
        checkBreakdown(ws, reported, served, a, c->second, e->second, breaches);
    }
}

void checkResultFields(const ReportedAllocation& reported, std::vector<std::string>& breaches) {
    const Policy& policy = reported.policy;
    if (!containsCode(methodCodes(), reported.method)) {
        breaches.push_back(
            unknownCode("method", reported.method, "a method", joinCodes(methodCodes())));
    } else if (reported.method != "fair") {
        checkBaselineMethod(reported, breaches);
    }
    if (!reported.policyVersion) {
        breaches.push_back("policy_version is missing; give the version of the result's policy, " +
                           std::to_string(policy.version) + " (/policy/version)");
    } else if (*reported.policyVersion != policy.version) {
        breaches.push_back("policy_version " + std::to_string(*reported.policyVersion) +
                           " is not the version of the result's own policy, " +
                           std::to_string(policy.version) +
                           " (/policy/version); a result states the policy it was made with, "
                           "so re-run baton allocate");
    }
    if (!reported.seed) {
        breaches.push_back("seed is missing; give the seed of the result's policy, " +
                           std::to_string(policy.seed) + " (/policy/seed)");
    } else if (*reported.seed != policy.seed) {
        breaches.push_back("seed " + std::to_string(*reported.seed) +
                           " is not the seed of the result's own policy, " +
                           std::to_string(policy.seed) +
                           " (/policy/seed); baton allocate --seed sets both, so re-run it");
    }
}

void checkRequiredParts(const ReportedAllocation& reported, std::vector<std::string>& breaches) {
    const char* again = "; a result from baton allocate has it, so re-run baton allocate";
    if (!reported.employees) breaches.push_back(std::string("/employees is missing") + again);
    if (!reported.optimality) breaches.push_back(std::string("/optimality is missing") + again);
    for (const std::string& part : reported.missingParts)
        breaches.push_back(part + " is missing" + again);
    for (std::size_t a = 0; a < reported.assignments.size(); ++a) {
        std::string at = "/assignments/" + std::to_string(a);
        std::vector<std::string> missing;
        if (a >= reported.assignmentValues.size() || !reported.assignmentValues[a])
            missing.push_back("value");
        if (a >= reported.assignmentDifficulties.size() || !reported.assignmentDifficulties[a])
            missing.push_back("difficulty");
        if (a >= reported.breakdowns.size() || !reported.breakdowns[a])
            missing.push_back("breakdown");
        for (const std::string& field : missing) {
            breaches.push_back(at + "/" + field + " is missing (" + reported.assignments[a].client +
                               ")" + again);
        }
    }
}

void checkBaselines(const ReportedAllocation& reported, const Book& book,
                    std::vector<std::string>& breaches) {
    int released = int(std::count(book.released.begin(), book.released.end(), 1));
    for (const auto& [name, summary] : reported.baselines) {
        if (name == "fair" || !containsCode(methodCodes(), name)) {
            breaches.push_back("/baselines/" + name +
                               " is not a baseline; use round_robin, greedy_fit, "
                               "weighted_picking or proposal");
            continue;
        }
        checkBaselineFigures(name, summary.figures, reported, released, breaches);
    }
}

}  // namespace baton::verify_detail
