// The values an import derives once every table is read: each client's owner from its
// transactions, revenue_12m from the transactions in the value window, and the status of
// employees marked departed whose last day is still ahead.
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/evaluation.h"
#include "io/import_state.h"

namespace baton::import_detail {

namespace {

struct OwnerTally {
    double value = 0.0;
    long count = 0;
};

// True when `a` is a better owner than `b` under the rule; equal tallies are neither.
bool betterTally(const OwnerTally& a, const OwnerTally& b, bool byValue) {
    if (byValue) return a.value > b.value || (a.value == b.value && a.count > b.count);
    return a.count > b.count || (a.count == b.count && a.value > b.value);
}

// The employee and amount of each transaction whose client's owner is derived and that
// names an employee, grouped by client in workspace order: those of client c are entries
// start[c] to start[c + 1] - 1. Copied out of the transactions, so that the tally reads
// them in sequence instead of one cache miss per transaction.
void groupByClient(const ImportState& state, std::vector<int>& start, std::vector<int>& employees,
                   std::vector<double>& amounts) {
    const std::vector<int>& clientOf = state.transactionClient;
    auto counted = [&](std::size_t k) {
        return clientOf[k] >= 0 && state.ownerToDerive[clientOf[k]] &&
               state.transactionEmployee[k] >= 0;
    };
    start.assign(state.ws.clients.size() + 1, 0);
    for (std::size_t k = 0; k < clientOf.size(); ++k) {
        if (counted(k)) ++start[clientOf[k] + 1];
    }
    for (std::size_t c = 0; c < state.ws.clients.size(); ++c) start[c + 1] += start[c];
    std::vector<int> next(start.begin(), start.end() - 1);
    employees.assign(start.back(), 0);
    amounts.assign(start.back(), 0.0);
    for (std::size_t k = 0; k < clientOf.size(); ++k) {
        if (!counted(k)) continue;
        int at = next[clientOf[k]]++;
        employees[at] = state.transactionEmployee[k];
        amounts[at] = state.ws.transactions[k].amount;
    }
}

// The as-of date that a departed employee's last day is compared with, and where it comes
// from, in words for the report.
struct ImportAsOf {
    std::string date;  // ISO; empty when there is none
    std::string source;
};

// The workspace's as-of date as evaluation takes it: the policy's as_of, else the date of the
// latest transaction. Without either, the import's today, since the workspace has no date
// of its own to compare with.
ImportAsOf importAsOf(const ImportState& state) {
    const Policy& policy = state.ws.policy;
    if (std::optional<long long> day = effectiveAsOfDay(state.ws, policy)) {
        bool fromPolicy = policy.asOf && parseIsoDate(*policy.asOf);
        return {formatIsoDate(*day),
                fromPolicy ? "the policy's as_of" : "the date of the latest transaction"};
    }
    if (parseIsoDate(state.options.today)) {
        return {state.options.today, "today, since the workspace has no as_of and no transactions"};
    }
    return {};
}

}  // namespace

void deriveOwners(ImportState& state) {
    const std::string& rule = state.mapping.deriveOwner;
    if (rule == "none") return;
    std::vector<int> start, employees;
    std::vector<double> amounts;
    groupByClient(state, start, employees, amounts);
    std::vector<OwnerTally> tallies(state.ws.employees.size());
    // The employees with a tally on the current client; written by index, not pushed, so
    // that the loop makes no call that can throw.
    std::vector<int> touched(state.ws.employees.size());
    long derived = 0, unowned = 0;
    bool byValue = rule == "largest_won_value";
    for (std::size_t i = 0; i < state.ws.clients.size(); ++i) {
        if (!state.ownerToDerive[i]) continue;
        std::size_t touchedCount = 0;
        for (int at = start[i]; at < start[i + 1]; ++at) {
            int employee = employees[at];
            if (tallies[employee].count == 0) touched[touchedCount++] = employee;
            tallies[employee].value += amounts[at];
            ++tallies[employee].count;
        }
        int best = -1;
        for (std::size_t t = 0; t < touchedCount; ++t) {
            int employee = touched[t];
            const OwnerTally& tally = tallies[employee];
            bool better = best < 0 || betterTally(tally, tallies[best], byValue) ||
                          (!betterTally(tallies[best], tally, byValue) &&
                           state.ws.employees[employee].id < state.ws.employees[best].id);
            if (better) best = employee;
        }
        if (best >= 0) {
            state.ws.clients[i].owner = state.ws.employees[best].id;
            ++derived;
        } else {
            ++unowned;
        }
        for (std::size_t t = 0; t < touchedCount; ++t) tallies[touched[t]] = OwnerTally{};
    }
    std::string how = byValue ? "the employee with the largest won value (sum of transaction "
                                "amounts) on the client, ties going to more transactions, "
                                "then to the smaller id"
                              : "the employee with the most transactions on the client, ties "
                                "going to the larger value, then to the smaller id";
    std::string unownedText = countedNoun(unowned, "client has", "clients have") +
                              " no transaction with an employee and no owner";
    // With no owner derived there is nothing to state but the clients left without one.
    if (derived == 0) {
        if (unowned > 0) {
            state.report.addDerived(unownedText, {"owners.unowned", {std::to_string(unowned)}});
        }
        return;
    }
    std::string sentence = "owner of " + countedNoun(derived, "client", "clients") + ": " + how;
    MessageKey key{byValue ? "owners.largest_value" : "owners.most_transactions",
                   {std::to_string(derived)}};
    if (unowned > 0) {
        sentence += "; " + unownedText;
        key.key += "_and_unowned";
        key.args.push_back(std::to_string(unowned));
    }
    state.report.addDerived(sentence, std::move(key));
}

void deriveRevenue(ImportState& state) {
    if (state.mapping.deriveRevenue == "none" || state.ws.transactions.empty()) return;
    std::string asOf = state.ws.policy.asOf.value_or("");
    if (asOf.empty()) {
        const std::string* latest = &asOf;
        for (const Transaction& t : state.ws.transactions) {
            if (t.date > *latest) latest = &t.date;
        }
        asOf = *latest;
    }
    std::optional<long long> end = parseIsoDate(asOf);
    if (!end) return;
    std::string from = formatIsoDate(*end - state.ws.policy.value.windowDays + 1);
    std::vector<std::optional<double>> sums(state.ws.clients.size());
    for (std::size_t k = 0; k < state.ws.transactions.size(); ++k) {
        const Transaction& t = state.ws.transactions[k];
        int client = state.transactionClient[k];
        if (t.date < from || t.date > asOf || client < 0 || state.revenueGiven[client]) continue;
        sums[client] = sums[client].value_or(0.0) + t.amount;
    }
    long set = 0;
    for (std::size_t i = 0; i < sums.size(); ++i) {
        if (!sums[i]) continue;
        state.ws.clients[i].revenue12m = *sums[i];
        ++set;
    }
    if (set == 0) return;
    state.report.addDerived(
        "revenue_12m of " +
            countedNoun(set, "client: the sum of its", "clients: the sum of their") +
            " transactions from " + from + " to " + asOf +
            " (the value window up to the latest transaction)",
        {"revenue_12m", {std::to_string(set), from, asOf}});
}

namespace {

// The departed_read_as_leaving warning of `row`. A last day that is not after today is
// likely right, so its advice is to move the as-of date, not to correct the last day. It
// names command-line options because only the command line passes a today.
ImportIssue leavingIssue(const DepartedRow& row, const Employee& e, const ImportAsOf& asOf,
                         const std::string& today) {
    std::string message = "status \"" + row.status + "\" reads as departed, but the last day, " +
                          e.lastDay + ", is after the as-of date, " + asOf.date + ", " +
                          asOf.source +
                          ", so the employee is imported as leaving: at work until the last "
                          "day, with their clients released as a leaver's; ";
    MessageKey key{"departed_read_as_leaving", {row.status, e.lastDay, asOf.date}};
    if (!today.empty() && e.lastDay <= today) {
        message += "the last day is not after today, " + today +
                   " (--today, else the system date), so it is likely right: to have them "
                   "imported as departed, set the workspace policy's as_of to " +
                   today + " or later and import this table again with --into that workspace";
        key.key += ".past";
        key.args.push_back(today);
    } else {
        message += "if they have already left, correct the last day";
    }
    return ImportIssue{row.file, row.row, row.column, std::move(message), std::move(key)};
}

}  // namespace

void readLeavingStatus(ImportState& state) {
    if (state.departedRows.empty()) return;
    ImportAsOf asOf = importAsOf(state);
    if (asOf.date.empty()) return;
    for (const DepartedRow& row : state.departedRows) {
        Employee& e = state.ws.employees[static_cast<std::size_t>(row.employee)];
        if (e.status != EmployeeStatus::Departed || e.lastDay <= asOf.date) continue;
        e.status = EmployeeStatus::Leaving;
        state.report.addWarning("departed_read_as_leaving",
                                leavingIssue(row, e, asOf, state.options.today));
    }
}

void reportStatusChanges(ImportState& state) {
    for (const MergedEmployee& merged : state.mergedEmployees) {
        const Employee& e = state.ws.employees[static_cast<std::size_t>(merged.employee)];
        if (e.status == merged.before) continue;
        state.report.addStatusChange(StatusChange{e.id, toString(merged.before), toString(e.status),
                                                  merged.file, merged.row, merged.column});
    }
}

}  // namespace baton::import_detail
