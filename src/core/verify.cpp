#include "core/verify.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/verify_book.h"
#include "core/verify_bound.h"
#include "core/verify_explanations.h"
#include "core/verify_fields.h"
#include "core/verify_order.h"
#include "core/verify_witnesses.h"

namespace baton {

namespace {

using verify_detail::Book;
using verify_detail::distinctNumber;
using verify_detail::fitOf;
using verify_detail::number;
using verify_detail::reportedAgainst;
using verify_detail::ServedPairs;

constexpr double kSlack = 1e-6;
constexpr double kFigureSlack = 2e-6;

// A figure the result rounds to 4 decimals (values, difficulties and their sums) matches
// when it is within that rounding of the recomputed one.
bool closeToRounded(double reported, double recomputed) {
    return std::fabs(reported - recomputed) <= 1e-4 + 1e-9 * std::fabs(recomputed);
}

// The sum of `x`, added in order.
double total(const std::vector<double>& x) {
    double s = 0.0;
    for (double v : x) s += v;
    return s;
}

// The largest of `x`, or 0 when `x` is empty.
double largest(const std::vector<double>& x) {
    return x.empty() ? 0.0 : *std::max_element(x.begin(), x.end());
}

// Sorts each receiver's values and difficulties, largest first, and returns the smallest c
// over every ordered pair of tested receivers, removing the largest items one at a time.
int smallestEfC(std::vector<std::vector<double>>& values,
                std::vector<std::vector<double>>& difficulties, const std::vector<char>& tested,
                const std::vector<double>& w) {
    std::size_t m = values.size();
    int c = 0;
    for (std::size_t i = 0; i < m; ++i) {
        std::sort(values[i].rbegin(), values[i].rend());
        std::sort(difficulties[i].rbegin(), difficulties[i].rend());
    }
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t k = 0; k < m; ++k) {
            if (k == i || !tested[i] || !tested[k]) continue;
            double rest = total(values[k]);
            int cv = 0;
            while (total(values[i]) / w[i] + kSlack < rest / w[k] && cv < int(values[k].size()))
                rest -= values[k][std::size_t(cv++)];
            double burden = total(difficulties[i]);
            int cd = 0;
            while (burden / w[i] > total(difficulties[k]) / w[k] + kSlack &&
                   cd < int(difficulties[i].size())) {
                burden -= difficulties[i][std::size_t(cd++)];
            }
            c = std::max({c, cv, cd});
        }
    }
    return c;
}

class Checker {
public:
    Checker(const Workspace& ws, const ReportedAllocation& r, const Evaluation& ev)
        : m_ws(ws),
          m_r(r),
          m_ev(ev),
          m_book(verify_detail::readBook(ws, r.policy)),
          m_served(verify_detail::servedPairs(ws)) {
        for (const Relationship& rel : ws.relationships) {
            if (rel.kind != RelationshipKind::ServedBefore)
                m_relationsOf[{rel.client, rel.employee}].push_back(rel.kind);
        }
        for (const PairOverride& f : r.policy.forbids) m_forbidCount[{f.client, f.employee}] += 1;
    }

    VerifyReport run();

private:
    void breach(std::string s) { m_report.breaches.push_back(std::move(s)); }
    // Whether the result claims to place the most clients the constraints allow: the fair
    // method does, a baseline need not.
    bool placesMost() const { return m_r.method.empty() || m_r.method == "fair"; }
    void checkPair(std::size_t a, int j, int e);
    void checkCoverage();
    void checkCapacity();
    void checkCertificates();
    // The values and difficulties of the clients that the result gives each receiver, in the
    // order of Book::receivers.
    struct ReceivedItems {
        std::vector<std::vector<double>> values, difficulties;
    };
    // The one-item certificates as the checker recomputes them.
    struct OneItemCertificates {
        bool wprop1Value = true, wprop1Difficulty = true, wef1Value = true, wef1Difficulty = true;
    };
    // Fills m_bundles.clients and returns the items each receiver gets.
    ReceivedItems collectReceived();
    // The released clients by value, most valuable first, in workspace order among equals.
    std::vector<int> releasedByValue() const;
    // Recomputes WPROP1 and WEF1, on value and on difficulty, for each tested receiver under
    // the weights `w` and the value targets `t`.
    OneItemCertificates recomputeOneItem(const ReceivedItems& items, const std::vector<double>& w,
                                         const std::vector<double>& t) const;
    // Adds a breach for each certificate whose reported value differs from the recomputed one.
    void compareCertificates(const OneItemCertificates& oneItem, int c);
    void checkFigures();
    void checkStatements();
    void checkOptimality();
    void checkDualBound(const Optimality& o);
    // Per client, as dualBound takes it: the owner of a pinned client the result places by
    // its pin, kOut for a pinned one it leaves out with pin_conflict, else kFree.
    std::vector<int> fixedClients() const;
    std::vector<double> weights() const;

    const Workspace& m_ws;
    const ReportedAllocation& m_r;
    const Evaluation& m_ev;
    Book m_book;
    ServedPairs m_served;
    // Per (client id, employee id): the kinds of its conflict and personal relationships,
    // in the workspace's order, and how many forbids of the policy name it.
    std::unordered_map<std::pair<std::string, std::string>, std::vector<RelationshipKind>,
                       verify_detail::IdPairHash>
        m_relationsOf;
    std::unordered_map<std::pair<std::string, std::string>, int, verify_detail::IdPairHash>
        m_forbidCount;
    VerifyReport m_report;
    std::map<int, int> m_ownerOf;  // client index to employee index
    std::map<int, std::string> m_unassigned;
    std::vector<std::vector<double>> m_received;  // values per receiver, from checkCertificates
    std::map<int, int>
        m_bookCount;  // clients per employee after the allocation, from checkCapacity
    std::vector<double> m_weights, m_entitlements, m_targets, m_shares, m_burdens;
    // Per receiver: whether it takes a share (verify_book's computeShares), and whether the
    // fairness tests cover it, because it takes a share or owns a client in the result.
    std::vector<char> m_takesShare, m_tested;
    verify_detail::Bundles m_bundles;  // from checkCertificates
};

void Checker::checkPair(std::size_t a, int j, int e) {
    const Client& c = m_ws.clients[std::size_t(j)];
    const Employee& emp = m_ws.employees[std::size_t(e)];
    std::string pair = c.id + " → " + emp.id;
    if (emp.status != EmployeeStatus::Active)
        breach(pair + ": the employee is " + toString(emp.status));
    if (emp.kind != EmployeeKind::Person) breach(pair + ": the employee is a system user");
    std::set<std::string> skills(emp.skills.begin(), emp.skills.end());
    for (const std::string& need : c.needs) {
        if (!skills.count(need)) breach(pair + ": the employee lacks the need " + need);
    }
    if (c.keyAccount && !skills.count("team:key_accounts"))
        breach(pair + ": a key account needs team:key_accounts");
    auto relations = m_relationsOf.find({c.id, emp.id});
    if (relations != m_relationsOf.end()) {
        for (RelationshipKind kind : relations->second)
            breach(pair + ": the pair has a " + toString(kind) + " relationship");
    }
    auto forbids = m_forbidCount.find({c.id, emp.id});
    for (int k = 0; forbids != m_forbidCount.end() && k < forbids->second; ++k)
        breach(pair + ": the policy forbids the pair");
    if (m_r.policy.constraints.teamBoundary && c.owner) {
        auto owner = m_book.employeeIndex.find(*c.owner);
        if (owner != m_book.employeeIndex.end() &&
            m_ws.employees[std::size_t(owner->second)].team != emp.team) {
            breach(pair + ": the employee is outside the previous owner's team");
        }
    }
    auto stated = [&](const std::vector<std::optional<double>>& list, double recomputed,
                      const char* name) {
        if (a >= list.size() || !list[a] || closeToRounded(*list[a], recomputed)) return;
        breach(pair + ": reported " + name + " " + distinctNumber(*list[a], recomputed) +
               ", recomputed " + distinctNumber(recomputed, *list[a]));
    };
    stated(m_r.assignmentValues, m_ev.clients[std::size_t(j)].value, "value");
    stated(m_r.assignmentDifficulties, m_ev.clients[std::size_t(j)].difficulty, "difficulty");
    if (a < m_r.assignmentFits.size()) {
        double fit = fitOf(m_ws, m_r.policy, m_served, j, e);
        if (std::fabs(fit - m_r.assignmentFits[a]) > kFigureSlack) {
            double reported = m_r.assignmentFits[a];
            breach(pair + ": reported fit " + distinctNumber(reported, fit) + ", recomputed " +
                   distinctNumber(fit, reported));
        }
    }
}

void Checker::checkCoverage() {
    for (const auto& [clientId, reason] : m_r.unassigned) {
        auto it = m_book.clientIndex.find(clientId);
        if (it == m_book.clientIndex.end()) {
            breach("unassigned " + clientId + ": no client has this id");
            continue;
        }
        if (m_ownerOf.count(it->second) || m_unassigned.count(it->second)) {
            breach("unassigned " + clientId + ": the client is listed twice");
        }
        m_unassigned[it->second] = reason;
    }
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        bool listed = m_ownerOf.count(int(j)) || m_unassigned.count(int(j));
        if (m_book.released[j] && !listed)
            breach(m_ws.clients[j].id + ": released but neither assigned nor listed");
        if (!m_book.released[j] && listed)
            breach(m_ws.clients[j].id + ": not in the released book");
    }
    for (const PairOverride& pin : m_r.policy.pins) {
        auto it = m_book.clientIndex.find(pin.client);
        if (it == m_book.clientIndex.end() || !m_book.released[std::size_t(it->second)]) continue;
        auto owner = m_ownerOf.find(it->second);
        bool honoured = owner != m_ownerOf.end() &&
                        m_ws.employees[std::size_t(owner->second)].id == pin.employee;
        auto un = m_unassigned.find(it->second);
        bool reported = un != m_unassigned.end() && un->second == "pin_conflict";
        bool otherPin =
            std::any_of(m_r.policy.pins.begin(), m_r.policy.pins.end(), [&](const PairOverride& p) {
                return p.client == pin.client && owner != m_ownerOf.end() &&
                       m_ws.employees[std::size_t(owner->second)].id == p.employee;
            });
        if (!honoured && !reported && !otherPin)
            breach("pin " + pin.client + " → " + pin.employee + " is not honoured");
    }
}

void Checker::checkCapacity() {
    std::map<int, int>& count = m_bookCount;
    std::map<int, double> workload;
    std::map<int, double> value;
    double releasedValue = 0.0;
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        const Client& c = m_ws.clients[j];
        double w = c.workload ? std::max(0.0, *c.workload) : 0.0;
        if (m_book.released[j]) releasedValue += m_ev.clients[j].value;
        auto owner = m_ownerOf.find(int(j));
        int e = -1;
        if (owner != m_ownerOf.end())
            e = owner->second;
        else if (!m_book.released[j] && c.owner && m_book.employeeIndex.count(*c.owner))
            e = m_book.employeeIndex[*c.owner];
        if (e < 0) continue;
        count[e] += 1;
        workload[e] += w;
        if (owner != m_ownerOf.end()) value[e] += m_ev.clients[j].value;
    }
    for (const auto& [e, n] : count) {
        const Employee& emp = m_ws.employees[std::size_t(e)];
        if (emp.status != EmployeeStatus::Active) continue;  // keeps its own book; receives nothing
        int maxClients =
            emp.maxClients ? *emp.maxClients : m_r.policy.constraints.defaultMaxClients;
        bool receives = value.count(e) > 0;
        if (receives && n > maxClients) {
            breach(emp.id + ": " + std::to_string(n) +
                   (n == 1 ? " client exceeds max_clients " : " clients exceed max_clients ") +
                   std::to_string(maxClients));
        }
        auto maxWorkload =
            emp.maxWorkload ? emp.maxWorkload : m_r.policy.constraints.defaultMaxWorkload;
        if (receives && maxWorkload && workload[e] > *maxWorkload + kSlack) {
            breach(emp.id + ": workload " + number(workload[e]) + " exceeds max_workload " +
                   number(*maxWorkload));
        }
        const auto& share = m_r.policy.constraints.maxValueShare;
        if (share && value[e] > *share * releasedValue + kSlack) {
            breach(emp.id + ": received value " + number(value[e]) + " exceeds max_value_share " +
                   number(*share) + " of the released value " + number(releasedValue) + " (" +
                   number(*share * releasedValue) + ")");
        }
    }
}

std::vector<double> Checker::weights() const {
    const EntitlementPolicy& p = m_r.policy.entitlement;
    double mean = 0.0;
    for (int e : m_book.receivers) mean += m_ev.employees[std::size_t(e)].performance;
    if (!m_book.receivers.empty()) mean /= double(m_book.receivers.size());
    std::vector<double> w;
    for (int e : m_book.receivers) {
        double perf = m_ev.employees[std::size_t(e)].performance;
        double x = 1.0;
        if (p.mode == EntitlementMode::Performance) x = std::max(perf, p.performanceFloor);
        if (p.mode == EntitlementMode::Blend)
            x = p.alpha + (1.0 - p.alpha) * (mean > 0.0 ? perf / mean : 1.0);
        w.push_back(std::max(std::round(x * 1e6) / 1e6, 1e-6));
    }
    return w;
}

Checker::ReceivedItems Checker::collectReceived() {
    std::size_t m = m_book.receivers.size();
    std::map<int, std::size_t> position;
    for (std::size_t i = 0; i < m; ++i) position[m_book.receivers[i]] = i;
    ReceivedItems items;
    std::vector<std::vector<double>>& values = items.values;
    std::vector<std::vector<double>>& difficulties = items.difficulties;
    values.resize(m);
    difficulties.resize(m);
    m_bundles.clients.assign(m, {});
    for (const auto& [j, e] : m_ownerOf) {
        auto it = position.find(e);
        if (it == position.end()) continue;
        m_bundles.clients[it->second].push_back(j);
        values[it->second].push_back(m_ev.clients[std::size_t(j)].value);
        difficulties[it->second].push_back(m_ev.clients[std::size_t(j)].difficulty);
    }
    return items;
}

std::vector<int> Checker::releasedByValue() const {
    std::vector<int> releasedList;
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        if (m_book.released[j]) releasedList.push_back(int(j));
    }
    std::stable_sort(releasedList.begin(), releasedList.end(), [&](int a, int b) {
        return m_ev.clients[std::size_t(a)].value > m_ev.clients[std::size_t(b)].value;
    });
    return releasedList;
}

Checker::OneItemCertificates Checker::recomputeOneItem(const ReceivedItems& items,
                                                       const std::vector<double>& w,
                                                       const std::vector<double>& t) const {
    const std::vector<std::vector<double>>& values = items.values;
    const std::vector<std::vector<double>>& difficulties = items.difficulties;
    std::size_t m = m_book.receivers.size();
    // A receiver's most valuable client outside its bundle is the first one in this order
    // that it does not own.
    std::vector<int> releasedList = releasedByValue();
    OneItemCertificates result;
    for (std::size_t i = 0; i < m; ++i) {
        if (!m_tested[i]) continue;
        double outside = 0.0;
        for (int j : releasedList) {
            auto owner = m_ownerOf.find(j);
            bool mine = owner != m_ownerOf.end() && owner->second == m_book.receivers[i];
            if (!mine) {
                outside = std::max(0.0, m_ev.clients[std::size_t(j)].value);
                break;
            }
        }
        if (total(values[i]) + outside + kSlack < t[i]) result.wprop1Value = false;
        if (total(difficulties[i]) - largest(difficulties[i]) > m_shares[i] + kSlack)
            result.wprop1Difficulty = false;
        for (std::size_t k = 0; k < m; ++k) {
            if (k == i || !m_tested[k]) continue;
            if (total(values[i]) / w[i] + kSlack < (total(values[k]) - largest(values[k])) / w[k])
                result.wef1Value = false;
            if ((total(difficulties[i]) - largest(difficulties[i])) / w[i] >
                total(difficulties[k]) / w[k] + kSlack) {
                result.wef1Difficulty = false;
            }
        }
    }
    return result;
}

void Checker::compareCertificates(const OneItemCertificates& oneItem, int c) {
    const Certificates& r = m_r.certificates;
    auto compare = [&](const char* name, bool reported, bool recomputed) {
        if (reported != recomputed) {
            breach(std::string("certificate ") + name + ": reported " +
                   (reported ? "true" : "false") + ", recomputed " +
                   (recomputed ? "true" : "false"));
        }
    };
    compare("wprop1_value", r.wprop1Value, oneItem.wprop1Value);
    compare("wprop1_difficulty", r.wprop1Difficulty, oneItem.wprop1Difficulty);
    compare("wef1_value", r.wef1Value, oneItem.wef1Value);
    compare("wef1_difficulty", r.wef1Difficulty, oneItem.wef1Difficulty);
    if (r.efCBoth != c) {
        breach("certificate ef_c_both: reported " + std::to_string(r.efCBoth) + ", recomputed " +
               std::to_string(c));
    }
}

void Checker::checkCertificates() {
    std::size_t m = m_book.receivers.size();
    ReceivedItems items = collectReceived();
    std::vector<double> w = weights();
    verify_detail::Shares shares = verify_detail::computeShares(m_ws, m_r.policy, m_ev, m_book, w);
    m_takesShare = shares.takesShare;
    m_entitlements = shares.entitlements;
    m_shares = shares.difficulty;
    const std::vector<double>& t = shares.targets;
    m_tested.assign(m, 0);
    for (std::size_t i = 0; i < m; ++i) m_tested[i] = m_takesShare[i] || !items.values[i].empty();

    OneItemCertificates oneItem = recomputeOneItem(items, w, t);
    int c = smallestEfC(items.values, items.difficulties, m_tested, w);
    compareCertificates(oneItem, c);

    m_received = items.values;
    m_weights = w;
    m_targets = t;
    m_bundles.weights = w;
    m_bundles.targets = t;
    m_bundles.shares = m_shares;
    m_bundles.tested = m_tested;
    m_burdens.clear();
    for (std::size_t i = 0; i < m; ++i) m_burdens.push_back(total(items.difficulties[i]));
}

void Checker::checkFigures() {
    double fit = 0.0;
    int served = 0;
    for (const auto& [j, e] : m_ownerOf) {
        fit += fitOf(m_ws, m_r.policy, m_served, j, e);
        served +=
            m_served.count({m_ws.clients[std::size_t(j)].id, m_ws.employees[std::size_t(e)].id})
                ? 1
                : 0;
    }
    std::size_t m = m_received.size();
    double deviation = 0.0, spread = 0.0;
    std::vector<double> perWeight;
    for (std::size_t i = 0; i < m; ++i) {
        double u = 0.0;
        for (double v : m_received[i]) u += v;
        if (m_targets[i] > 0.0)
            deviation = std::max(deviation, std::fabs(u - m_targets[i]) / m_targets[i]);
        if (m_shares[i] > 0.0)
            spread = std::max(spread, std::fabs(m_burdens[i] - m_shares[i]) / m_shares[i]);
        if (m_tested[i]) perWeight.push_back(u / m_weights[i]);
    }
    double sum = 0.0, pairs = 0.0;
    for (double x : perWeight) sum += x;
    for (double x : perWeight) {
        for (double y : perWeight) pairs += std::fabs(x - y);
    }
    double gini = sum > 0.0 ? pairs / (2.0 * double(perWeight.size()) * sum) : 0.0;
    double rate = m_ownerOf.empty() ? 0.0 : double(served) / double(m_ownerOf.size());
    const Figures& f = m_r.figures;
    auto compare = [&](const char* name, double reported, double recomputed) {
        if (std::fabs(reported - recomputed) >
            kFigureSlack * std::max(1.0, std::fabs(recomputed))) {
            breach(std::string("figure ") + name + ": " + reportedAgainst(reported, recomputed));
        }
    };
    compare("total_fit", f.totalFit, fit);
    compare("max_relative_deviation", f.maxRelativeDeviation, deviation);
    compare("gini", f.gini, gini);
    compare("difficulty_spread", f.difficultySpread, spread);
    compare("continuity_rate", f.continuityRate, rate);
    compare("unassigned", double(f.unassigned), double(m_unassigned.size()));
    // NOTE: price_of_fairness needs the best allocation without fairness constraints, which
    // only a solver can produce. The fair method places the most clients, so its fit cannot
    // exceed that best fit. A baseline may place fewer clients, and then its fit can.
    if (placesMost() && f.priceOfFairness < -kFigureSlack && f.totalFit > 0.0)
        breach("figure price_of_fairness is negative");
}

// Checks each receiver's statement: its entitlement, targets, what it received and its book.
void Checker::checkStatements() {
    if (!m_r.employees) return;
    std::map<std::string, std::size_t> rowOf;
    for (std::size_t k = 0; k < m_r.employees->size(); ++k) {
        const std::string& id = (*m_r.employees)[k].employee;
        if (!rowOf.emplace(id, k).second) breach("employees: " + id + " is listed twice");
    }
    for (std::size_t i = 0; i < m_book.receivers.size(); ++i) {
        int e = m_book.receivers[i];
        const std::string& id = m_ws.employees[std::size_t(e)].id;
        auto row = rowOf.find(id);
        if (row == rowOf.end()) {
            breach("employees: " + id + " can receive clients but has no statement");
            continue;
        }
        const EmployeeOutcome& r = (*m_r.employees)[row->second];
        rowOf.erase(row);
        auto compare = [&](const char* name, double reported, double recomputed) {
            if (closeToRounded(reported, recomputed)) return;
            breach("employees: " + id + " " + name + ": " + reportedAgainst(reported, recomputed));
        };
        double value = 0.0;
        for (double v : m_received[i]) value += v;
        compare("entitlement", r.entitlement, m_entitlements[i]);
        compare("target_value", r.targetValue, m_targets[i]);
        compare("target_difficulty", r.targetDifficulty, m_shares[i]);
        compare("received_value", r.receivedValue, value);
        compare("received_difficulty", r.receivedDifficulty, m_burdens[i]);
        auto book = m_bookCount.find(e);
        compare("clients", r.clients, double(m_received[i].size()));
        compare("book_after", r.bookAfter, book == m_bookCount.end() ? 0.0 : book->second);
    }
    for (const auto& [id, k] : rowOf) {
        breach("employees: " + id + " has a statement but cannot receive clients");
    }
}

// Checks that the optimality claim is one of the two kinds and fits the figures (an optimal
// fit has no gap, and the upper bound is at least the fit placed), then recomputes the bound
// from the claim's dual prices.
void Checker::checkOptimality() {
    if (!m_r.optimality) return;
    const Optimality& o = *m_r.optimality;
    if (o.status != "optimal" && o.status != "bound") {
        breach("optimality status \"" + o.status + "\": expected \"optimal\" or \"bound\"");
        return;
    }
    if (o.gap < -kFigureSlack) breach("optimality gap " + number(o.gap) + " is negative");
    if (o.status == "optimal" && o.gap > kFigureSlack) {
        breach("optimality status \"optimal\" with a gap of " + number(o.gap));
    }
    // The gap is (upper_bound - total_fit) / upper_bound, each rounded to 6 decimals.
    double fit = m_r.figures.totalFit;
    double expected = o.upperBound > 0.0 ? std::max(0.0, (o.upperBound - fit) / o.upperBound) : 0.0;
    if (std::fabs(o.gap - expected) > 2e-6) {
        breach("optimality gap: " + reportedAgainst(o.gap, expected) + " from upper_bound " +
               number(o.upperBound) + " and total_fit " + number(fit));
    }
    if (o.status == "optimal" && o.upperBound - fit > 1e-6 * std::max(1.0, o.upperBound)) {
        breach("optimality status \"optimal\" with upper_bound " + number(o.upperBound) +
               " above total_fit " + number(fit) + "; an optimal fit reaches its bound");
    }
    if (o.status == "optimal" && m_r.figures.priceOfFairness > kFigureSlack) {
        breach("optimality status \"optimal\" with a price_of_fairness of " +
               number(m_r.figures.priceOfFairness) + "; an optimal fit gives up nothing");
    }
    // The bound covers the placements with the most clients. A baseline with fewer clients
    // can fit better.
    if (placesMost() && o.upperBound + 1e-6 * std::max(1.0, o.upperBound) < m_r.figures.totalFit) {
        breach("optimality upper_bound " + number(o.upperBound) + " is below total_fit " +
               number(m_r.figures.totalFit));
    }
    checkDualBound(o);
}

// Recomputes the dual bound from the claim's prices (verify_bound.h).
void Checker::checkDualBound(const Optimality& o) {
    std::vector<int> fixed = fixedClients();
    int placed = 0;
    for (const auto& [j, e] : m_ownerOf)
        placed += m_book.released[std::size_t(j)] && fixed[std::size_t(j)] == verify_detail::kFree;
    verify_detail::ClaimedFit claim{o, m_r.figures.totalFit, placed};
    verify_detail::checkDualBound(m_ws, m_r.policy, m_ev, m_book, fixed, claim, m_report.breaches);
}

std::vector<int> Checker::fixedClients() const {
    std::vector<int> fixed(m_ws.clients.size(), verify_detail::kFree);
    for (const PairOverride& pin : m_r.policy.pins) {
        auto it = m_book.clientIndex.find(pin.client);
        if (it == m_book.clientIndex.end() || !m_book.released[std::size_t(it->second)]) continue;
        std::size_t j = std::size_t(it->second);
        auto owner = m_ownerOf.find(it->second);
        auto un = m_unassigned.find(it->second);
        if (owner != m_ownerOf.end() &&
            m_ws.employees[std::size_t(owner->second)].id == pin.employee)
            fixed[j] = owner->second;
        else if (un != m_unassigned.end() && un->second == "pin_conflict" &&
                 fixed[j] == verify_detail::kFree)
            fixed[j] = verify_detail::kOut;
    }
    return fixed;
}

VerifyReport Checker::run() {
    for (std::size_t a = 0; a < m_r.assignments.size(); ++a) {
        const ProposedPair& pair = m_r.assignments[a];
        auto c = m_book.clientIndex.find(pair.client);
        auto e = m_book.employeeIndex.find(pair.employee);
        if (c == m_book.clientIndex.end()) {
            breach("assignment " + pair.client + ": no client has this id");
            continue;
        }
        if (e == m_book.employeeIndex.end()) {
            breach("assignment " + pair.client + " → " + pair.employee +
                   ": no employee has this id");
            continue;
        }
        if (m_ownerOf.count(c->second))
            breach("assignment " + pair.client + ": the client is assigned twice");
        m_ownerOf[c->second] = e->second;
        checkPair(a, c->second, e->second);
    }
    checkCoverage();
    checkCapacity();
    checkCertificates();
    checkFigures();
    checkStatements();
    checkOptimality();
    verify_detail::checkWitnesses(m_ws, m_r, m_ev, m_book, m_bundles, m_report.breaches);
    verify_detail::checkBreakdowns(m_ws, m_r, m_book, m_served, m_report.breaches);
    verify_detail::checkExplanationCodes(m_ws, m_r, m_ev, m_book, m_served, m_report.breaches);
    verify_detail::checkResultFields(m_r, m_report.breaches);
    verify_detail::checkRequiredParts(m_r, m_report.breaches);
    verify_detail::checkBaselines(m_r, m_book, m_report.breaches);
    verify_detail::putHardConstraintsFirst(m_report.breaches);
    return m_report;
}

}  // namespace

VerifyReport verifyAllocation(const Workspace& workspace, const ReportedAllocation& reported,
                              const Evaluation& evaluation) {
    return Checker(workspace, reported, evaluation).run();
}

}  // namespace baton
