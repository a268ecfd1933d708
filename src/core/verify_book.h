// The workspace facts that verify recomputes on its own (the released book, the receivers,
// who served whom and the fit of a pair), shared by its checks of constraints, figures and
// explanation codes. Like the rest of verify, they share no code with the solver.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"

namespace baton::verify_detail {

struct Book {
    std::map<std::string, int> clientIndex;
    std::map<std::string, int> employeeIndex;
    std::vector<char> released;
    std::vector<int> receivers;  // active person employees in id order
};

Book readBook(const Workspace& ws, const Policy& policy);

// (client id, employee id) pairs of served_before relationships and of transactions.
using ServedPairs = std::set<std::pair<std::string, std::string>>;

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
