// The workspace facts that verify recomputes on its own (the released book, the receivers,
// who served whom and the fit of a pair), shared by its checks of constraints, figures and
// explanation codes. Like the rest of verify, they share no code with the solver.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/evaluation.h"
#include "core/model.h"

namespace baton::verify_detail {

struct Book {
    std::map<std::string, int> clientIndex;
    std::map<std::string, int> employeeIndex;
    std::vector<char> released;
    std::vector<int> receivers;  // active person employees in id order
};

Book readBook(const Workspace& ws, const Policy& policy);

// A hash of a (client id, employee id) pair. A book at L has about a million such pairs
// (one per transaction), so lookups go by hash rather than by ordered string comparison.
struct IdPairHash {
    std::size_t operator()(const std::pair<std::string, std::string>& p) const {
        std::size_t h = std::hash<std::string>{}(p.first);
        return h ^
               (std::hash<std::string>{}(p.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    }
};
using IdPairSet = std::unordered_set<std::pair<std::string, std::string>, IdPairHash>;

// The rules that decide whether an employee is eligible for a client, on workspace indices:
// hard needs, key accounts, conflict and personal relationships, forbids, team boundary.
class PairRules {
public:
    PairRules(const Workspace& ws, const Policy& policy, const Book& book);

    bool meetsNeeds(int j, int e) const;
    bool related(int j, int e) const;
    bool forbidden(int j, int e) const;
    bool outsideTeam(int j, int e) const;
    bool allowed(int j, int e) const {
        return meetsNeeds(j, e) && !related(j, e) && !forbidden(j, e) && !outsideTeam(j, e);
    }

private:
    const Workspace& m_ws;
    const Policy& m_policy;
    const Book& m_book;
    std::vector<std::set<std::string>> m_skills;  // per employee index
    IdPairSet m_related;                          // conflict or personal
    IdPairSet m_forbidden;                        // policy forbids
};

// A client's workload; absent or negative counts as 0.
double workloadOf(const Client& c);

// Each receiver's share of the released clients, in Book::receivers order. A receiver takes
// a share when at least one released client is allowed by the pair rules and fits its room
// before any client is placed (its kept clients below max_clients, the client's workload
// within what max_workload leaves, its value within the max_value_share cap). With the team
// boundary on, a team's released clients are shared among the team's members that may take
// one of them, and the clients without an owner among every receiver that may take one.
struct Shares {
    std::vector<char> takesShare;
    std::vector<double> entitlements;  // w_i / sum of w over the receivers with a share
    std::vector<double> targets;       // T_i
    std::vector<double> difficulty;    // S_i
};

Shares computeShares(const Workspace& ws, const Policy& policy, const Evaluation& ev,
                     const Book& book, const std::vector<double>& weights);

// (client id, employee id) pairs of served_before relationships and of transactions.
using ServedPairs = IdPairSet;

ServedPairs servedPairs(const Workspace& ws);

// The fit F of a pair of workspace indices under `policy`, rounded to 6 decimals.
double fitOf(const Workspace& ws, const Policy& policy, const ServedPairs& servedSet, int client,
             int employee);

// The fit terms in the order fitTermsOf returns them, named as the result's breakdown.
inline constexpr std::array<std::string_view, 5> kFitTermNames = {"prefers", "industry", "region",
                                                                  "language", "continuity"};

// Each fit term's contribution to the fit of a pair of workspace indices under `policy`,
// in kFitTermNames order, each a whole number of 10^-6 as fitOf sums them.
std::array<double, 5> fitTermsOf(const Workspace& ws, const Policy& policy,
                                 const ServedPairs& servedSet, int client, int employee);

// The fit terms of a client and an employee with `skills`, `served` telling whether the
// employee served the client, as fitTermsOf returns them.
std::array<double, 5> fitTermsWith(const Client& c, const std::set<std::string>& skills,
                                   bool served, const FitPolicy& w);

// A number in at most 6 significant digits, as breaches print them.
std::string number(double x);

// `x` in 6 significant digits, or in as many more (up to 17) as it takes to print it
// differently from `other`, so that a breach never shows two equal numbers.
std::string distinctNumber(double x, double other);

// Returns "reported X, recomputed Y", each number printed by distinctNumber.
std::string reportedAgainst(double reported, double recomputed);

// Returns `field` "x" is not `kind`, or `field` is missing, then the codes allowed there.
std::string unknownCode(const std::string& field, const std::string& code, const char* kind,
                        const std::string& allowed);

}  // namespace baton::verify_detail
