#include "core/verify_explanations.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/explanation_codes.h"

namespace baton::verify_detail {

namespace {

constexpr double kFitSlack = 2e-6;

// A limit counts as clearly kept when the amount stays below it by more than this share of
// it, so that sums taken in another order than the solver's never decide a breach.
double margin(double limit) {
    return 1e-6 * std::max(1.0, std::fabs(limit));
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// Each employee's clients, workload and received value once the result's assignments are
// added to the clients it keeps.
struct Load {
    int keptClients = 0;
    double keptWorkload = 0.0;
    int clients = 0;
    double workload = 0.0;
    double value = 0.0;
};

class CodeChecker {
public:
    CodeChecker(const Workspace& ws, const ReportedAllocation& r, const Evaluation& ev,
                const Book& book, const ServedPairs& served, std::vector<std::string>& breaches)
        : m_ws(ws),
          m_r(r),
          m_ev(ev),
          m_book(book),
          m_served(served),
          m_breaches(breaches),
          m_rules(ws, r.policy, book) {}

    void run();

private:
    void computeLoads();
    void checkWinner(std::size_t a, int j, int e);
    void checkRunnersUp(std::size_t a, int j, int winner);
    void checkRunnerUp(const std::string& at, int j, int e, const std::string& code);
    void checkUnassigned(std::size_t i);
    std::optional<std::string> contradiction(int j, int e, const std::string& code) const;
    std::optional<std::string> limitContradiction(int j, int e, const std::string& code) const;
    std::optional<std::string> reasonContradiction(int j, const std::string& code) const;

    bool meetsNeeds(int j, int e) const { return m_rules.meetsNeeds(j, e); }
    bool related(int j, int e) const { return m_rules.related(j, e); }
    bool forbidden(int j, int e) const { return m_rules.forbidden(j, e); }
    bool outsideTeam(int j, int e) const { return m_rules.outsideTeam(j, e); }
    bool pairAllowed(int j, int e) const { return m_rules.allowed(j, e); }
    bool hadRoom(int j, int e) const;
    bool pinHolds(int j, int e) const;
    bool hasRoomLeft(int j, int e) const;
    int maxClients(int e) const;
    std::optional<double> maxWorkload(int e) const;
    std::optional<double> valueCap() const;
    double workloadOf(int j) const;
    const std::string& clientId(int j) const { return m_ws.clients[std::size_t(j)].id; }
    const std::string& employeeId(int e) const { return m_ws.employees[std::size_t(e)].id; }
    int employeeIndex(const std::string& id) const;

    const Workspace& m_ws;
    const ReportedAllocation& m_r;
    const Evaluation& m_ev;
    const Book& m_book;
    const ServedPairs& m_served;
    std::vector<std::string>& m_breaches;
    PairRules m_rules;
    std::vector<Load> m_loads;  // per employee index
    double m_releasedValue = 0.0;
};

int CodeChecker::employeeIndex(const std::string& id) const {
    auto it = m_book.employeeIndex.find(id);
    return it == m_book.employeeIndex.end() ? -1 : it->second;
}

double CodeChecker::workloadOf(int j) const {
    const std::optional<double>& w = m_ws.clients[std::size_t(j)].workload;
    return w ? std::max(0.0, *w) : 0.0;
}

void CodeChecker::computeLoads() {
    m_loads.assign(m_ws.employees.size(), Load{});
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        if (m_book.released[j]) {
            m_releasedValue += m_ev.clients[j].value;
            continue;
        }
        const std::optional<std::string>& owner = m_ws.clients[j].owner;
        int e = owner ? employeeIndex(*owner) : -1;
        if (e < 0) continue;
        m_loads[std::size_t(e)].keptClients += 1;
        m_loads[std::size_t(e)].keptWorkload += workloadOf(int(j));
    }
    for (Load& load : m_loads) {
        load.clients = load.keptClients;
        load.workload = load.keptWorkload;
    }
    for (const ProposedPair& pair : m_r.assignments) {
        auto c = m_book.clientIndex.find(pair.client);
        int e = employeeIndex(pair.employee);
        if (c == m_book.clientIndex.end() || e < 0) continue;
        Load& load = m_loads[std::size_t(e)];
        load.clients += 1;
        load.workload += workloadOf(c->second);
        load.value += m_ev.clients[std::size_t(c->second)].value;
    }
}

int CodeChecker::maxClients(int e) const {
    const std::optional<int>& own = m_ws.employees[std::size_t(e)].maxClients;
    return own ? *own : m_r.policy.constraints.defaultMaxClients;
}

std::optional<double> CodeChecker::maxWorkload(int e) const {
    const std::optional<double>& own = m_ws.employees[std::size_t(e)].maxWorkload;
    return own ? own : m_r.policy.constraints.defaultMaxWorkload;
}

std::optional<double> CodeChecker::valueCap() const {
    const std::optional<double>& share = m_r.policy.constraints.maxValueShare;
    if (!share) return std::nullopt;
    return *share * m_releasedValue;
}

// True when the employee could clearly take the client before any other was placed: it
// keeps fewer clients than its max_clients, and the client's workload and value fit
// within its max_workload and the max_value_share cap.
bool CodeChecker::hadRoom(int j, int e) const {
    const Load& load = m_loads[std::size_t(e)];
    if (load.keptClients >= maxClients(e)) return false;
    std::optional<double> workloadLimit = maxWorkload(e);
    if (workloadLimit &&
        load.keptWorkload + workloadOf(j) > *workloadLimit - margin(*workloadLimit))
        return false;
    std::optional<double> cap = valueCap();
    double value = m_ev.clients[std::size_t(j)].value;
    return !cap || value <= *cap - margin(*cap);
}

// True when the employee can still take the client once the result's assignments are made:
// one more client, its workload and its value fit within the limits.
bool CodeChecker::hasRoomLeft(int j, int e) const {
    const Load& load = m_loads[std::size_t(e)];
    if (load.clients >= maxClients(e)) return false;
    std::optional<double> workloadLimit = maxWorkload(e);
    if (workloadLimit && load.workload + workloadOf(j) > *workloadLimit - margin(*workloadLimit))
        return false;
    std::optional<double> cap = valueCap();
    return !cap || load.value + m_ev.clients[std::size_t(j)].value <= *cap - margin(*cap);
}

// True when a pin of the pair can hold: the employee can receive clients and the pair is
// eligible. A manual proposal is the manager's choice, so its pairs are not judged by pins.
bool CodeChecker::pinHolds(int j, int e) const {
    if (m_r.method == "proposal") return false;
    bool receives =
        std::find(m_book.receivers.begin(), m_book.receivers.end(), e) != m_book.receivers.end();
    return receives && pairAllowed(j, e);
}

void CodeChecker::checkWinner(std::size_t a, int j, int e) {
    const std::string at = "/assignments/" + std::to_string(a) + "/won_because";
    const std::string pair = clientId(j) + " → " + employeeId(e) + ": " + at;
    const std::string code = a < m_r.wonBecause.size() ? m_r.wonBecause[a] : std::string();
    if (!containsCode(wonBecauseCodes(), code)) {
        m_breaches.push_back(
            unknownCode(pair, code, "a won_because code", joinCodes(wonBecauseCodes())));
        return;
    }
    // The pinned employees of the client, distinct.
    std::set<std::string> pins;
    for (const PairOverride& pin : m_r.policy.pins) {
        if (pin.client == clientId(j)) pins.insert(pin.employee);
    }
    const std::string claim = pair + " is " + quoted(code) + ", but ";
    bool pinnedHere = pins.count(employeeId(e)) > 0;
    if (code == "pinned" && !pinnedHere) {
        m_breaches.push_back(claim + "the policy has no pin of " + clientId(j) + " to " +
                             employeeId(e));
    } else if (code != "pinned" && pinnedHere && pins.size() == 1 && pinHolds(j, e)) {
        // A single pin that can hold places the pair, so no other code can be the reason.
        m_breaches.push_back(claim + "the policy pins " + clientId(j) + " to " + employeeId(e) +
                             "; a pinned pair must say \"pinned\"");
    } else if (code == "only_eligible") {
        for (int other : m_book.receivers) {
            if (other == e || !pairAllowed(j, other) || !hadRoom(j, other)) continue;
            m_breaches.push_back(claim + employeeId(other) + " is eligible for " + clientId(j) +
                                 " too and had room for it");
            break;
        }
    } else if (code == "continuity" && !m_served.count({clientId(j), employeeId(e)})) {
        m_breaches.push_back(claim + employeeId(e) +
                             " has no served_before relationship or transaction with " +
                             clientId(j));
    }
}

void CodeChecker::checkRunnersUp(std::size_t a, int j, int winner) {
    if (a >= m_r.runnersUp.size()) return;
    const std::vector<RunnerUp>& list = m_r.runnersUp[a];
    const std::string base = "/assignments/" + std::to_string(a) + "/runners_up";
    if (list.size() > 2) {
        m_breaches.push_back(clientId(j) + ": " + base + " lists " + std::to_string(list.size()) +
                             " candidates; the format allows at most 2");
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
        const RunnerUp& u = list[k];
        const std::string at = base + "/" + std::to_string(k);
        int e = employeeIndex(u.employee);
        if (e < 0) {
            m_breaches.push_back(clientId(j) + ": " + at + "/employee " + quoted(u.employee) +
                                 " is not the id of any employee");
            continue;
        }
        if (e == winner) {
            m_breaches.push_back(clientId(j) + ": " + at + "/employee is " + u.employee +
                                 ", the employee who won the client");
        }
        double fit = fitOf(m_ws, m_r.policy, m_served, j, e);
        if (std::fabs(fit - u.fit) > kFitSlack) {
            m_breaches.push_back(clientId(j) + ": " + at + "/fit: reported " +
                                 distinctNumber(u.fit, fit) + " for " + u.employee +
                                 ", recomputed " + distinctNumber(fit, u.fit));
        }
        checkRunnerUp(at, j, e, u.lostBecause);
    }
}

void CodeChecker::checkRunnerUp(const std::string& at, int j, int e, const std::string& code) {
    const std::string field = clientId(j) + ": " + at + "/lost_because";
    if (!containsCode(lostBecauseCodes(), code)) {
        m_breaches.push_back(
            unknownCode(field, code, "a lost_because code", joinCodes(lostBecauseCodes())));
        return;
    }
    if (std::optional<std::string> why = contradiction(j, e, code)) {
        m_breaches.push_back(field + " is " + quoted(code) + ", but " + *why);
    }
}

// Returns why a runner-up's lost_because is false for the pair, or nothing when it may hold.
std::optional<std::string> CodeChecker::contradiction(int j, int e, const std::string& code) const {
    const Employee& emp = m_ws.employees[std::size_t(e)];
    const std::string& c = clientId(j);
    if (code == "ineligible_status" && emp.status == EmployeeStatus::Active &&
        emp.kind == EmployeeKind::Person) {
        return emp.id + " is active and can receive clients";
    }
    if (code == "ineligible_need" && meetsNeeds(j, e)) {
        return emp.id + " has every need of " + c +
               (m_ws.clients[std::size_t(j)].keyAccount ? " and team:key_accounts" : "");
    }
    if (code == "conflict" && !related(j, e))
        return emp.id + " has no conflict or personal relationship with " + c;
    if (code == "forbidden" && !forbidden(j, e))
        return "the policy does not forbid " + c + " → " + emp.id;
    if (code == "team_boundary" && !m_r.policy.constraints.teamBoundary)
        return std::string("the policy's team_boundary is off");
    if (code == "team_boundary" && !outsideTeam(j, e))
        return emp.id + " is in the team of " + c + "'s previous owner";
    return limitContradiction(j, e, code);
}

// The part of contradiction() for the limits: max_clients, max_workload, max_value_share.
std::optional<std::string> CodeChecker::limitContradiction(int j, int e,
                                                           const std::string& code) const {
    const Load& load = m_loads[std::size_t(e)];
    const std::string& id = employeeId(e);
    if (code == "capacity_full" && load.clients < maxClients(e)) {
        return id + " ends with " + std::to_string(load.clients) +
               (load.clients == 1 ? " client" : " clients") + ", under its max_clients " +
               std::to_string(maxClients(e));
    }
    if (code == "workload_full") {
        std::optional<double> limit = maxWorkload(e);
        if (!limit) return id + " has no max_workload";
        double total = load.workload + workloadOf(j);
        if (total <= *limit - margin(*limit)) {
            return id + "'s workload " + number(load.workload) + " plus the client's " +
                   number(workloadOf(j)) + " stays within its max_workload " + number(*limit);
        }
    }
    if (code == "share_cap") {
        std::optional<double> cap = valueCap();
        if (!cap) return std::string("the policy sets no max_value_share");
        double total = load.value + m_ev.clients[std::size_t(j)].value;
        if (total <= *cap - margin(*cap)) {
            return id + "'s received value " + number(load.value) + " plus the client's " +
                   number(m_ev.clients[std::size_t(j)].value) + " stays within the cap " +
                   number(*cap);
        }
    }
    return std::nullopt;
}

void CodeChecker::checkUnassigned(std::size_t i) {
    const auto& [id, code] = m_r.unassigned[i];
    auto c = m_book.clientIndex.find(id);
    if (c == m_book.clientIndex.end()) return;  // checkCoverage names the unknown id
    const std::string field = "unassigned " + id + ": /unassigned/" + std::to_string(i) + "/reason";
    bool proposal = m_r.method == "proposal";
    if (!containsCode(unassignedReasonCodes(), code) && !(proposal && code == kNotInProposal)) {
        std::string allowed = joinCodes(unassignedReasonCodes());
        if (proposal) allowed += ", " + std::string(kNotInProposal);
        m_breaches.push_back(unknownCode(field, code, "an unassigned reason code", allowed));
        return;
    }
    if (std::optional<std::string> why = reasonContradiction(c->second, code)) {
        m_breaches.push_back(field + " is " + quoted(code) + ", but " + *why);
    }
}

// Returns why an unassigned reason is false for the client, or nothing when it may hold.
std::optional<std::string> CodeChecker::reasonContradiction(int j, const std::string& code) const {
    const std::string& id = clientId(j);
    const ConstraintPolicy& limits = m_r.policy.constraints;
    if (code == "pin_conflict" &&
        std::none_of(m_r.policy.pins.begin(), m_r.policy.pins.end(),
                     [&](const PairOverride& pin) { return pin.client == id; })) {
        return "the policy has no pin of " + id;
    }
    if (code == "team_boundary" && !limits.teamBoundary)
        return std::string("the policy's team_boundary is off");
    if (code == "share_cap" && !limits.maxValueShare)
        return std::string("the policy sets no max_value_share");
    if (code == "workload_exhausted" &&
        std::none_of(m_book.receivers.begin(), m_book.receivers.end(),
                     [&](int e) { return maxWorkload(e).has_value(); })) {
        return std::string("no employee who can receive clients has a max_workload");
    }
    auto eligible = std::find_if(m_book.receivers.begin(), m_book.receivers.end(),
                                 [&](int e) { return pairAllowed(j, e); });
    if (code == "no_eligible_employee" && eligible != m_book.receivers.end())
        return employeeId(*eligible) + " is eligible for " + id;
    if (code == "team_boundary" && eligible != m_book.receivers.end()) {
        return employeeId(*eligible) + " is eligible for " + id +
               " within the team boundary, so the boundary is not the reason";
    }
    if (code == "capacity_exhausted" && eligible == m_book.receivers.end()) {
        return "no employee who can receive clients is eligible for " + id +
               " (needs, relationships, forbids and team), so capacity is not the reason";
    }
    bool noRoom =
        code == "capacity_exhausted" || code == "workload_exhausted" || code == "share_cap";
    if (noRoom && m_r.method != "proposal") {
        auto roomy = std::find_if(m_book.receivers.begin(), m_book.receivers.end(),
                                  [&](int e) { return pairAllowed(j, e) && hasRoomLeft(j, e); });
        if (roomy != m_book.receivers.end()) {
            const Load& load = m_loads[std::size_t(*roomy)];
            return employeeId(*roomy) + " is eligible for " + id + " and still has room for it (" +
                   std::to_string(load.clients) + " of " + std::to_string(maxClients(*roomy)) +
                   " clients after the result's assignments)";
        }
    }
    return std::nullopt;
}

void CodeChecker::run() {
    computeLoads();
    for (std::size_t a = 0; a < m_r.assignments.size(); ++a) {
        auto c = m_book.clientIndex.find(m_r.assignments[a].client);
        int e = employeeIndex(m_r.assignments[a].employee);
        // An unknown id is a breach of its own, named by the assignment checks.
        if (c == m_book.clientIndex.end() || e < 0) continue;
        checkWinner(a, c->second, e);
        checkRunnersUp(a, c->second, e);
    }
    for (std::size_t i = 0; i < m_r.unassigned.size(); ++i) checkUnassigned(i);
}

}  // namespace

void checkExplanationCodes(const Workspace& ws, const ReportedAllocation& reported,
                           const Evaluation& evaluation, const Book& book,
                           const ServedPairs& served, std::vector<std::string>& breaches) {
    CodeChecker(ws, reported, evaluation, book, served, breaches).run();
}

}  // namespace baton::verify_detail
