#include "core/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/absurd_amounts.h"
#include "core/dates.h"
#include "core/evaluation_terms.h"
#include "core/id_index.h"
#include "core/normalise.h"

namespace baton {

double roundTo(double x, int decimals) {
    if (!std::isfinite(x)) return 0.0;
    double scale = 1.0;
    for (int i = 0; i < decimals; ++i) scale *= 10.0;
    const double scaled = x * scale;
    // Values too large to carry the requested decimals are already as exact as they get.
    if (!(std::fabs(scaled) < 9.0e15)) return x;
    return std::round(scaled) / scale;
}

bool isTrustedAmount(double amount, double bound) {
    return std::isfinite(amount) && amount >= 0.0 && amount < bound;
}

using namespace detail;

namespace {

// A transaction that names a known client and has a valid date, resolved once.
struct ResolvedTransaction {
    std::size_t client = 0;
    long long day = 0;
    double amount = 0.0;
};

struct ResolvedTransactions {
    std::vector<ResolvedTransaction> items;
    std::size_t unknownClient = 0;
    std::size_t invalidDate = 0;
    std::optional<long long> latestTrusted;  // the latest day of a trusted amount
};

// Resolves client ids through one hash map built once; consecutive transactions of the
// same client, the usual order of exports, skip the lookup. With `served` given, it also
// collects who served each client, from every transaction of a known client. An amount of
// `absurd` or more is not trusted.
ResolvedTransactions resolveTransactions(const Workspace& workspace, double absurd,
                                         ServedBeforeBuilder* served = nullptr) {
    // The first client with an id wins, as Workspace::findClient does.
    IdIndex index(workspace.clients.size());
    for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
        index.add(workspace.clients[i].id, int(i));
    }
    if (served != nullptr) {
        served->addRelationships([&](std::string_view id) { return index.find(id); });
    }
    ResolvedTransactions resolved;
    resolved.items.reserve(workspace.transactions.size());
    const std::string* previousId = nullptr;
    std::optional<std::size_t> previousClient;
    for (const Transaction& t : workspace.transactions) {
        if (!previousId || t.client != *previousId) {
            int found = index.find(t.client);
            previousClient = found < 0 ? std::nullopt : std::optional<std::size_t>(found);
            previousId = &t.client;
        }
        if (!previousClient) {
            ++resolved.unknownClient;
            continue;
        }
        if (served != nullptr) served->addTransaction(int(*previousClient), t);
        std::optional<long long> day = parseIsoDate(t.date);
        if (!day) {
            ++resolved.invalidDate;
            continue;
        }
        resolved.items.push_back({*previousClient, *day, t.amount});
        if (isTrustedAmount(t.amount, absurd) &&
            (!resolved.latestTrusted || *day > *resolved.latestTrusted)) {
            resolved.latestTrusted = day;
        }
    }
    return resolved;
}

// Per-client figures from its trusted transactions dated on or before the as-of date.
struct ClientActivity {
    bool any = false;
    long long lastDay = 0;
    double windowSum = 0.0;
    int windowCount = 0;
    bool negativeAmount = false;
    bool absurdAmount = false;
};

struct TransactionCounts {
    std::size_t unknownClient = 0;
    std::size_t invalidDate = 0;
    std::size_t afterAsOf = 0;
    std::size_t negative = 0;
    std::size_t absurd = 0;
    std::size_t trusted = 0;
};

// One pass over the resolved transactions; the window is the windowDays days up to and
// including asOf, that is the days d with asOf - windowDays < d <= asOf.
std::vector<ClientActivity> aggregateTransactions(const ResolvedTransactions& resolved,
                                                  std::size_t clientCount,
                                                  std::optional<long long> asOf, int windowDays,
                                                  double absurd, TransactionCounts& counts) {
    std::vector<ClientActivity> activity(clientCount);
    counts.unknownClient = resolved.unknownClient;
    counts.invalidDate = resolved.invalidDate;
    for (const ResolvedTransaction& t : resolved.items) {
        ClientActivity& a = activity[t.client];
        if (asOf && t.day > *asOf) {
            ++counts.afterAsOf;
            continue;
        }
        if (!std::isfinite(t.amount) || t.amount >= absurd) {
            a.absurdAmount = true;
            ++counts.absurd;
            continue;
        }
        if (t.amount < 0.0) {
            a.negativeAmount = true;
            ++counts.negative;
            continue;
        }
        ++counts.trusted;
        if (!a.any || t.day > a.lastDay) a.lastDay = t.day;
        a.any = true;
        if (asOf && t.day > *asOf - windowDays) {
            a.windowSum += t.amount;
            ++a.windowCount;
        }
    }
    return activity;
}

void addFlag(std::vector<std::string>& flags, const std::string& flag) {
    if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.push_back(flag);
}

// Returns `value` when it is a trusted amount, below `absurd`; otherwise flags why and
// returns nothing.
std::optional<double> trustedAmount(std::optional<double> value, const std::string& name,
                                    std::vector<std::string>& flags,
                                    double absurd = kAbsurdAmount) {
    if (!value) return std::nullopt;
    if (!std::isfinite(*value) || *value >= absurd) {
        addFlag(flags, "absurd_" + name);
        return std::nullopt;
    }
    if (*value < 0.0) {
        addFlag(flags, "negative_" + name);
        return std::nullopt;
    }
    return value;
}

// Returns `value` when it lies in [low, high]; otherwise flags it and returns nothing.
std::optional<double> inRange(std::optional<double> value, double low, double high,
                              const std::string& flag, std::vector<std::string>& flags) {
    if (!value) return std::nullopt;
    if (!std::isfinite(*value) || *value < low || *value > high) {
        addFlag(flags, flag);
        return std::nullopt;
    }
    return value;
}

struct ClientTerms {
    std::vector<Term> value;
    std::vector<Term> difficulty;
};

ClientTerms makeClientTerms(const Policy& policy, std::size_t n) {
    const ValuePolicy& v = policy.value;
    const DifficultyPolicy& d = policy.difficulty;
    ClientTerms terms;
    terms.value = {
        makeTerm("monetary", v.monetary, false, n), makeTerm("frequency", v.frequency, false, n),
        makeTerm("recency", v.recency, true, n), makeTerm("potential", v.potential, false, n),
        makeTerm("tier", v.tier, false, n)};
    terms.difficulty = {makeTerm("given", d.given, false, n),
                        makeTerm("workload", d.workload, false, n),
                        makeTerm("satisfaction", d.satisfaction, true, n),
                        makeTerm("complaints", d.complaints, false, n),
                        makeTerm("late_payments", d.latePayments, false, n)};
    return terms;
}

// Fills the raw values of every client term and the data-quality flags.
void fillClientRaw(const Workspace& workspace, const Policy& policy,
                   const std::vector<ClientActivity>& activity, std::optional<long long> asOf,
                   const AbsurdBounds& absurd, ClientTerms& terms,
                   std::vector<ClientScore>& scores) {
    for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
        const Client& c = workspace.clients[i];
        const ClientActivity& a = activity[i];
        std::vector<std::string>& flags = scores[i].flags;
        if (a.negativeAmount) addFlag(flags, "negative_amount");
        if (a.absurdAmount) addFlag(flags, "absurd_amount");
        std::optional<double> revenue =
            trustedAmount(c.revenue12m, "revenue", flags, absurd.revenue.bound);
        if (a.any && asOf) {
            terms.value[0].raw[i] = a.windowSum;
            terms.value[1].raw[i] = static_cast<double>(a.windowCount);
            terms.value[2].raw[i] = static_cast<double>(*asOf - a.lastDay);
        } else {
            terms.value[0].raw[i] = revenue;
        }
        terms.value[3].raw[i] =
            trustedAmount(c.potential, "potential", flags, absurd.potential.bound);
        if (!c.tier.empty()) {
            auto tier = policy.value.tierPoints.find(c.tier);
            if (tier != policy.value.tierPoints.end() && std::isfinite(tier->second)) {
                terms.value[4].raw[i] = tier->second;
            } else {
                addFlag(flags, "unknown_tier");
            }
        }
        terms.difficulty[0].raw[i] =
            inRange(c.difficulty, 0.0, 100.0, "difficulty_out_of_range", flags);
        terms.difficulty[1].raw[i] = trustedAmount(c.workload, "workload", flags);
        terms.difficulty[2].raw[i] =
            inRange(c.satisfaction, 1.0, 5.0, "satisfaction_out_of_range", flags);
        terms.difficulty[3].raw[i] = trustedAmount(c.complaints, "complaints", flags);
        terms.difficulty[4].raw[i] = trustedAmount(c.latePayments, "late_payments", flags);
    }
}

// Flags a monetary figure above Tukey's far-out fence, Q3 + 3 * IQR. Normalisation is
// robust to it already; the flag tells the user the figure deserves a look.
void flagMonetaryOutliers(const Term& monetary, std::vector<ClientScore>& scores) {
    std::optional<double> q1 = quantile(monetary.raw, 0.25);
    std::optional<double> q3 = quantile(monetary.raw, 0.75);
    if (!q1 || !q3 || !(*q3 > *q1)) return;
    const double fence = *q3 + 3.0 * (*q3 - *q1);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (monetary.raw[i] && *monetary.raw[i] > fence) addFlag(scores[i].flags, "outlier");
    }
}

// "1e+15", "4.72e+08": a bound as the notes give it.
std::string boundText(double bound) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", bound);
    return text;
}

void noteTransactionCounts(const TransactionCounts& counts, const AbsurdBound& absurd,
                           std::vector<std::string>& notes) {
    auto note = [&](std::size_t count, const char* verb, const char* reason) {
        if (count == 0) return;
        notes.push_back(countText(count, "transaction") + " " + verb + ": " + reason);
    };
    note(counts.unknownClient, "ignored", "the client is not in the workspace");
    note(counts.invalidDate, "ignored", "the date is not a valid YYYY-MM-DD date");
    note(counts.afterAsOf, "ignored", "dated after the as-of date");
    note(counts.negative, "excluded", "negative amount (flagged negative_amount)");
    std::string reason = "amount of " + boundText(absurd.bound) + " or more";
    if (absurd.median) {
        reason += ", " + boundText(kAbsurdFactor) + " times the median amount " +
                  boundText(*absurd.median);
    }
    note(counts.absurd, "excluded", (reason + " (flagged absurd_amount)").c_str());
}

void noteAbsentTerms(const std::vector<Term>& terms, const char* score,
                     std::vector<std::string>& notes) {
    for (const Term& term : terms) {
        bool any = std::any_of(term.raw.begin(), term.raw.end(),
                               [](const std::optional<double>& v) { return v.has_value(); });
        if (!any && term.weight > 0.0) {
            notes.push_back(std::string(score) + " term " + term.name +
                            " left out: no client has it");
        }
    }
}

void scoreClients(const Workspace& workspace, const Policy& policy,
                  const ResolvedTransactions& resolved, std::optional<long long> asOf,
                  const AbsurdBounds& absurd, Evaluation& evaluation) {
    const std::size_t n = workspace.clients.size();
    TransactionCounts counts;
    std::vector<ClientActivity> activity = aggregateTransactions(
        resolved, n, asOf, policy.value.windowDays, absurd.amount.bound, counts);
    noteTransactionCounts(counts, absurd.amount, evaluation.notes);
    if (counts.trusted == 0) {
        evaluation.notes.emplace_back("recency and frequency left out: no transactions");
    }

    evaluation.clients.assign(n, ClientScore{});
    ClientTerms terms = makeClientTerms(policy, n);
    fillClientRaw(workspace, policy, activity, asOf, absurd, terms, evaluation.clients);
    flagMonetaryOutliers(terms.value[0], evaluation.clients);
    if (counts.trusted > 0) noteAbsentTerms(terms.value, "value", evaluation.notes);
    noteAbsentTerms(terms.difficulty, "difficulty", evaluation.notes);

    std::vector<OptionalValues> valueNorm = normaliseTerms(terms.value, policy.value.normalisation);
    std::vector<OptionalValues> difficultyNorm =
        normaliseTerms(terms.difficulty, policy.difficulty.normalisation);
    const double valueTotal = totalWeight(terms.value);
    const double difficultyTotal = totalWeight(terms.difficulty);
    std::size_t noValue = 0, noDifficulty = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ClientScore& score = evaluation.clients[i];
        Combined v = combineTerms(terms.value, valueNorm, i, valueTotal);
        Combined d = combineTerms(terms.difficulty, difficultyNorm, i, difficultyTotal);
        score.value = roundTo(v.score, 4);
        score.difficulty = roundTo(d.score, 4);
        score.valueBreakdown = std::move(v.components);
        score.difficultyBreakdown = std::move(d.components);
        if (!v.anyEvidence) ++noValue;
        if (!d.anyEvidence) ++noDifficulty;
    }
    // With every weight at 0, the policy note gives the reason for scores of 0 instead.
    if (noValue > 0 && valueTotal > 0.0) {
        evaluation.notes.push_back(countText(noValue, "client") + " without value data: value 0");
    }
    if (noDifficulty > 0 && difficultyTotal > 0.0) {
        evaluation.notes.push_back(countText(noDifficulty, "client") +
                                   " without difficulty data: difficulty 0");
    }
}

}  // namespace

std::optional<long long> effectiveAsOfDay(const Workspace& workspace, const Policy& policy) {
    if (policy.asOf) {
        if (std::optional<long long> day = parseIsoDate(*policy.asOf)) return day;
    }
    return resolveTransactions(workspace, absurdBounds(workspace).amount.bound).latestTrusted;
}

bool hasDifficultyInputs(const Workspace& workspace) {
    return std::any_of(workspace.clients.begin(), workspace.clients.end(), [](const Client& c) {
        return c.difficulty || c.workload || c.satisfaction || c.complaints || c.latePayments;
    });
}

std::string noDifficultyInputsNote() {
    return "no client has a difficulty input (difficulty, workload, satisfaction, complaints "
           "or late_payments), so every difficulty is 0: difficulty_spread is 0 and "
           "wprop1_difficulty and wef1_difficulty pass without testing how the work is shared; "
           "import a clients table with at least one of these columns to test it";
}

Evaluation evaluate(const Workspace& workspace, const Policy& policy) {
    Evaluation evaluation;
    if (policy.asOf && !parseIsoDate(*policy.asOf)) {
        evaluation.notes.emplace_back("policy as_of \"" + *policy.asOf +
                                      "\" is not a valid YYYY-MM-DD date: the latest transaction "
                                      "date is used instead");
    }
    ServedBeforeBuilder served(workspace);
    AbsurdBounds absurd = absurdBounds(workspace);
    ResolvedTransactions resolved = resolveTransactions(workspace, absurd.amount.bound, &served);
    std::optional<long long> asOf = policy.asOf ? parseIsoDate(*policy.asOf) : std::nullopt;
    if (!asOf) asOf = resolved.latestTrusted;
    if (asOf) {
        evaluation.asOf = formatIsoDate(*asOf);
        if (!policy.asOf || !parseIsoDate(*policy.asOf)) {
            evaluation.notes.emplace_back("as_of is the date of the latest transaction");
        }
    } else {
        evaluation.notes.emplace_back(
            "no as-of date: the policy sets none and there are no transactions, so tenure is "
            "unknown");
    }
    noteInvalidWeights(policy, evaluation.notes);
    scoreClients(workspace, policy, resolved, asOf, absurd, evaluation);
    scoreEmployees(workspace, policy, asOf, evaluation);
    evaluation.servedBefore = std::make_shared<const ServedBefore>(served.finish());
    return evaluation;
}

}  // namespace baton
