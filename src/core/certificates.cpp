#include "core/certificates.h"

#include <algorithm>
#include <cmath>

#include "core/fit.h"

namespace baton {

namespace {

struct Bundles {
    BundleTotals totals;
    std::vector<int> maxValueClient;       // client index or -1
    std::vector<int> maxDifficultyClient;  // client index or -1
    std::vector<std::vector<double>> valuesDescending;
    std::vector<std::vector<double>> difficultiesDescending;
};

Bundles collectBundles(const FairnessInput& in) {
    std::size_t m = in.employeeIds.size();
    Bundles b;
    b.totals = bundleTotals(in);
    b.maxValueClient.assign(m, -1);
    b.maxDifficultyClient.assign(m, -1);
    b.valuesDescending.assign(m, {});
    b.difficultiesDescending.assign(m, {});
    for (std::size_t j = 0; j < in.clientIds.size(); ++j) {
        int i = in.owner[j];
        if (i < 0) continue;
        std::size_t k = std::size_t(i);
        int& mv = b.maxValueClient[k];
        if (mv < 0 || in.values[j] > in.values[std::size_t(mv)]) mv = int(j);
        int& md = b.maxDifficultyClient[k];
        if (md < 0 || in.difficulties[j] > in.difficulties[std::size_t(md)]) md = int(j);
        b.valuesDescending[k].push_back(in.values[j]);
        b.difficultiesDescending[k].push_back(in.difficulties[j]);
    }
    for (std::size_t k = 0; k < m; ++k) {
        std::sort(b.valuesDescending[k].rbegin(), b.valuesDescending[k].rend());
        std::sort(b.difficultiesDescending[k].rbegin(), b.difficultiesDescending[k].rend());
    }
    return b;
}

double valueOf(const FairnessInput& in, int client) {
    return client < 0 ? 0.0 : in.values[std::size_t(client)];
}

double difficultyOf(const FairnessInput& in, int client) {
    return client < 0 ? 0.0 : in.difficulties[std::size_t(client)];
}

void addWitness(Certificates& c, Witness w, const BlameFunction& blame) {
    w.constraint = blame ? blame(w) : std::nullopt;
    c.witnesses.push_back(std::move(w));
}

void checkWprop1(const FairnessInput& in, const Bundles& b, const BlameFunction& blame,
                 Certificates& c) {
    // Released clients by value, most valuable first. The most valuable client outside
    // employee i's bundle is the first one in this order that i does not hold, so the
    // walk for i passes at most i's own clients: O(n + m) over all employees.
    std::vector<int> byValue(in.clientIds.size());
    for (std::size_t j = 0; j < byValue.size(); ++j) byValue[j] = int(j);
    std::sort(byValue.begin(), byValue.end(), [&](int a, int b) {
        double va = in.values[std::size_t(a)];
        double vb = in.values[std::size_t(b)];
        return va != vb ? va > vb : a < b;
    });
    auto bestOutside = [&](std::size_t i) {
        for (int j : byValue) {
            if (in.owner[std::size_t(j)] != int(i)) return j;
        }
        return -1;
    };
    for (std::size_t i = 0; i < in.employeeIds.size(); ++i) {
        int outside = bestOutside(i);
        if (b.totals.value[i] + valueOf(in, outside) + kTolerance < in.targets[i]) {
            if (c.wprop1Value) {
                addWitness(c,
                           {"wprop1_value",
                            {in.employeeIds[i]},
                            outside >= 0 ? in.clientIds[std::size_t(outside)] : "",
                            {}},
                           blame);
            }
            c.wprop1Value = false;
        }
        int hardest = b.maxDifficultyClient[i];
        double share = in.difficultyShares[i];
        if (b.totals.difficulty[i] - difficultyOf(in, hardest) > share + kTolerance) {
            if (c.wprop1Difficulty) {
                addWitness(c,
                           {"wprop1_difficulty",
                            {in.employeeIds[i]},
                            in.clientIds[std::size_t(hardest)],
                            {}},
                           blame);
            }
            c.wprop1Difficulty = false;
        }
    }
}

// For each i, the best k != i of a score, from the top two scores.
struct TopTwo {
    int first = -1;
    int second = -1;
    void offer(const std::vector<double>& score, int k, bool larger) {
        auto better = [&](int a, int b) {
            return b < 0 || (larger ? score[std::size_t(a)] > score[std::size_t(b)]
                                    : score[std::size_t(a)] < score[std::size_t(b)]);
        };
        if (better(k, first)) {
            second = first;
            first = k;
        } else if (better(k, second)) {
            second = k;
        }
    }
    int other(int i) const { return first == i ? second : first; }
};

void checkWef1(const FairnessInput& in, const Bundles& b, const BlameFunction& blame,
               Certificates& c) {
    std::size_t m = in.employeeIds.size();
    std::vector<double> own(m), envied(m), burden(m), lightest(m);
    TopTwo mostEnvied;
    TopTwo leastBurdened;
    for (std::size_t i = 0; i < m; ++i) {
        double w = in.weights[i];
        own[i] = b.totals.value[i] / w;
        envied[i] = (b.totals.value[i] - valueOf(in, b.maxValueClient[i])) / w;
        burden[i] = (b.totals.difficulty[i] - difficultyOf(in, b.maxDifficultyClient[i])) / w;
        lightest[i] = b.totals.difficulty[i] / w;
        mostEnvied.offer(envied, int(i), true);
        leastBurdened.offer(lightest, int(i), false);
    }
    for (std::size_t i = 0; i < m; ++i) {
        int k = mostEnvied.other(int(i));
        if (k >= 0 && own[i] + kTolerance < envied[std::size_t(k)] && c.wef1Value) {
            c.wef1Value = false;
            int removed = b.maxValueClient[std::size_t(k)];
            addWitness(c,
                       {"wef1_value",
                        {in.employeeIds[i], in.employeeIds[std::size_t(k)]},
                        removed >= 0 ? in.clientIds[std::size_t(removed)] : "",
                        {}},
                       blame);
        }
        k = leastBurdened.other(int(i));
        if (k >= 0 && burden[i] > lightest[std::size_t(k)] + kTolerance && c.wef1Difficulty) {
            c.wef1Difficulty = false;
            int removed = b.maxDifficultyClient[i];
            addWitness(c,
                       {"wef1_difficulty",
                        {in.employeeIds[i], in.employeeIds[std::size_t(k)]},
                        in.clientIds[std::size_t(removed)],
                        {}},
                       blame);
        }
    }
}

// The smallest c for which every bundle, less its c largest items, passes `passes`.
int smallestC(const std::vector<std::vector<double>>& sorted, const std::vector<double>& totals,
              const std::function<bool(std::size_t, double)>& passes) {
    int worst = 0;
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        double rest = totals[k];
        int c = 0;
        while (!passes(k, rest) && c < int(sorted[k].size())) {
            rest -= sorted[k][std::size_t(c)];
            ++c;
        }
        worst = std::max(worst, c);
    }
    return worst;
}

int efCBoth(const FairnessInput& in, const Bundles& b) {
    std::size_t m = in.employeeIds.size();
    std::vector<double> own(m), light(m);
    TopTwo poorest;
    TopTwo lightest;
    for (std::size_t i = 0; i < m; ++i) {
        own[i] = b.totals.value[i] / in.weights[i];
        light[i] = b.totals.difficulty[i] / in.weights[i];
        poorest.offer(own, int(i), false);
        lightest.offer(light, int(i), false);
    }
    int cValue = smallestC(b.valuesDescending, b.totals.value, [&](std::size_t k, double rest) {
        int i = poorest.other(int(k));
        return i < 0 || own[std::size_t(i)] + kTolerance >= rest / in.weights[k];
    });
    int cDifficulty =
        smallestC(b.difficultiesDescending, b.totals.difficulty, [&](std::size_t i, double rest) {
            int k = lightest.other(int(i));
            return k < 0 || rest / in.weights[i] <= light[std::size_t(k)] + kTolerance;
        });
    return std::max(cValue, cDifficulty);
}

}  // namespace

BundleTotals bundleTotals(const FairnessInput& in) {
    std::size_t m = in.employeeIds.size();
    BundleTotals t{std::vector<double>(m, 0.0), std::vector<double>(m, 0.0),
                   std::vector<int>(m, 0)};
    for (std::size_t j = 0; j < in.clientIds.size(); ++j) {
        int i = in.owner[j];
        if (i < 0) continue;
        t.value[std::size_t(i)] += in.values[j];
        t.difficulty[std::size_t(i)] += in.difficulties[j];
        t.count[std::size_t(i)] += 1;
    }
    return t;
}

Certificates computeCertificates(const FairnessInput& input, const BlameFunction& blame) {
    Certificates c;
    if (input.employeeIds.empty()) return c;
    Bundles b = collectBundles(input);
    checkWprop1(input, b, blame, c);
    checkWef1(input, b, blame, c);
    c.efCBoth = efCBoth(input, b);
    return c;
}

namespace {

double gini(std::vector<double> x) {
    std::sort(x.begin(), x.end());
    double n = double(x.size());
    double sum = 0.0;
    double weighted = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sum += x[i];
        weighted += (2.0 * double(i + 1) - n - 1.0) * x[i];
    }
    return sum > 0.0 ? weighted / (n * sum) : 0.0;
}

}  // namespace

Figures computeFigures(const FairnessInput& in, double bestFit, std::vector<std::string>& notes) {
    Figures f;
    BundleTotals t = bundleTotals(in);
    std::int64_t fitMicro = 0;
    int placed = 0;
    int continued = 0;
    for (std::size_t j = 0; j < in.clientIds.size(); ++j) {
        if (in.owner[j] < 0) {
            f.unassigned += 1;
            continue;
        }
        placed += 1;
        fitMicro += std::llround(in.fits[j] * double(kFitScale));
        continued += in.continuity[j] ? 1 : 0;
    }
    f.totalFit = roundDecimals(double(fitMicro) / double(kFitScale), 6);
    if (bestFit > 0.0) {
        f.priceOfFairness = roundDecimals((bestFit - f.totalFit) / bestFit, 6);
    } else {
        notes.push_back("price_of_fairness is 0: the best allocation has total fit 0");
    }

    bool anyTarget = false;
    bool anyShare = false;
    std::vector<double> perWeight;
    for (std::size_t i = 0; i < in.employeeIds.size(); ++i) {
        if (in.targets[i] > 0.0) {
            anyTarget = true;
            double dev = std::fabs(t.value[i] - in.targets[i]) / in.targets[i];
            f.maxRelativeDeviation = std::max(f.maxRelativeDeviation, dev);
        }
        double share = in.difficultyShares[i];
        if (share > 0.0) {
            anyShare = true;
            f.difficultySpread =
                std::max(f.difficultySpread, std::fabs(t.difficulty[i] - share) / share);
        }
        perWeight.push_back(t.value[i] / in.weights[i]);
    }
    f.maxRelativeDeviation = roundDecimals(f.maxRelativeDeviation, 6);
    f.difficultySpread = roundDecimals(f.difficultySpread, 6);
    if (!anyTarget) notes.push_back("max_relative_deviation is 0: every target value is 0");
    if (!anyShare) notes.push_back("difficulty_spread is 0: every difficulty share is 0");
    double g = gini(perWeight);
    if (perWeight.empty() || g == 0.0) {
        bool allZero =
            std::all_of(perWeight.begin(), perWeight.end(), [](double x) { return x == 0.0; });
        if (allZero) notes.push_back("gini is 0: no employee received any value");
    }
    f.gini = roundDecimals(g, 6);
    if (placed > 0) {
        f.continuityRate = roundDecimals(double(continued) / double(placed), 6);
    } else {
        notes.push_back("continuity_rate is 0: no client was placed");
    }
    return f;
}

}  // namespace baton
