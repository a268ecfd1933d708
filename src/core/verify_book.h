// The workspace facts that verify recomputes on its own (the released book, the receivers,
// who served whom and the fit of a pair), shared by its checks of constraints, figures and
// explanation codes. Like the rest of verify, they share no code with the solver.
#pragma once

#include <map>
#include <set>
#include <string>
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

// A number in at most 6 significant digits, as breaches print them.
std::string number(double x);

}  // namespace baton::verify_detail
