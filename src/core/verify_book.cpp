#include "core/verify_book.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace baton::verify_detail {

namespace {

std::string numberWith(double x, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*g", digits, x);
    return text;
}

}  // namespace

std::string number(double x) {
    return numberWith(x, 6);
}

std::string distinctNumber(double x, double other) {
    int digits = 6;
    while (digits < 17 && x != other && numberWith(x, digits) == numberWith(other, digits))
        ++digits;
    return numberWith(x, digits);
}

std::string reportedAgainst(double reported, double recomputed) {
    return "reported " + distinctNumber(reported, recomputed) + ", recomputed " +
           distinctNumber(recomputed, reported);
}

std::string unknownCode(const std::string& field, const std::string& code, const char* kind,
                        const std::string& allowed) {
    std::string out = field;
    if (code.empty()) {
        out += " is missing";
    } else {
        out += " \"";
        out += code;
        out += "\" is not ";
        out += kind;
    }
    out += "; use one of ";
    out += allowed;
    return out;
}

namespace {

bool leaves(EmployeeStatus s) {
    return s == EmployeeStatus::Leaving || s == EmployeeStatus::Departed;
}

}  // namespace

Book readBook(const Workspace& ws, const Policy& policy) {
    Book b;
    for (std::size_t i = 0; i < ws.employees.size(); ++i)
        b.employeeIndex.emplace(ws.employees[i].id, int(i));
    for (std::size_t j = 0; j < ws.clients.size(); ++j)
        b.clientIndex.emplace(ws.clients[j].id, int(j));
    for (const Client& c : ws.clients) {
        auto owner = c.owner ? b.employeeIndex.find(*c.owner) : b.employeeIndex.end();
        bool gone = owner == b.employeeIndex.end() ||
                    leaves(ws.employees[std::size_t(owner->second)].status);
        bool all = policy.scope == Scope::All && !c.keyAccount;
        b.released.push_back(gone || all ? 1 : 0);
    }
    for (const auto& [id, i] : b.employeeIndex) {
        const Employee& e = ws.employees[std::size_t(i)];
        if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person)
            b.receivers.push_back(i);
    }
    return b;
}

ServedPairs servedPairs(const Workspace& ws) {
    ServedPairs served;
    for (const Relationship& r : ws.relationships) {
        if (r.kind == RelationshipKind::ServedBefore) served.insert({r.client, r.employee});
    }
    for (const Transaction& t : ws.transactions) {
        if (t.employee) served.insert({t.client, *t.employee});
    }
    return served;
}

std::array<double, 5> fitTermsOf(const Workspace& ws, const Policy& policy,
                                 const ServedPairs& servedSet, int client, int employee) {
    const Client& c = ws.clients[std::size_t(client)];
    const Employee& e = ws.employees[std::size_t(employee)];
    std::set<std::string> skills(e.skills.begin(), e.skills.end());
    auto has = [&](const std::string& tag) { return skills.count(tag) > 0; };
    const FitPolicy& w = policy.fit;
    double total = std::max(0.0, w.prefers) + std::max(0.0, w.industry) + std::max(0.0, w.region) +
                   std::max(0.0, w.language) + std::max(0.0, w.continuity);
    std::array<double, 5> micro = {0.0, 0.0, 0.0, 0.0, 0.0};
    if (total <= 0.0) return micro;
    auto part = [&](double weight, double share) {
        return std::round(std::max(0.0, weight) / total * share * 1e6);
    };
    std::set<std::string> prefers(c.prefers.begin(), c.prefers.end());
    double met = 0;
    for (const std::string& p : prefers) met += has(p) ? 1 : 0;
    micro[0] = prefers.empty() ? 0.0 : part(w.prefers, met / double(prefers.size()));
    micro[1] = !c.industry.empty() && has("industry:" + c.industry) ? part(w.industry, 1) : 0;
    micro[2] = !c.region.empty() && has("region:" + c.region) ? part(w.region, 1) : 0;
    micro[3] = !c.language.empty() && has("lang:" + c.language) ? part(w.language, 1) : 0;
    micro[4] = servedSet.count({c.id, e.id}) > 0 ? part(w.continuity, 1) : 0;
    for (double& term : micro) term /= 1e6;
    return micro;
}

double fitOf(const Workspace& ws, const Policy& policy, const ServedPairs& servedSet, int client,
             int employee) {
    double micro = 0.0;
    for (double term : fitTermsOf(ws, policy, servedSet, client, employee))
        micro += std::round(term * 1e6);
    return std::min(micro, 1e6) / 1e6;
}

}  // namespace baton::verify_detail
