// Seasonal transaction histories for generated clients: two years up to the as-of date,
// more sales before Chinese New Year, mid-year and around Singles' Day, more transactions
// for larger clients, some dormant clients and some new ones.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/dates.h"
#include "core/generator_parts.h"

namespace baton::generator {

namespace {

constexpr int kHistoryDays = 730;

// Relative sales by calendar month, January first.
constexpr double kSeasonal[12] = {1.3, 0.6, 0.9, 1.0, 1.0, 1.2, 0.9, 0.9, 1.0, 1.1, 1.4, 1.5};

// Cumulative day weights over the history: cumulative[d] is the weight of days before d.
std::vector<double> dayWeights(long long firstDay) {
    std::vector<double> cumulative(kHistoryDays + 1, 0.0);
    for (int d = 0; d < kHistoryDays; ++d) {
        int year = 0, month = 0, day = 0;
        civilFromDays(firstDay + d, year, month, day);
        // Sales grow by about 30% over the two years.
        double growth = 0.85 + 0.3 * d / kHistoryDays;
        cumulative[d + 1] = cumulative[d] + kSeasonal[month - 1] * growth;
    }
    return cumulative;
}

// The active part of a client's history, as day offsets [start, end] into it.
struct ActiveRange {
    int start = 0;
    int end = kHistoryDays - 1;
};

ActiveRange drawRange(SplitMix64& rng) {
    ActiveRange range;
    double u = unit(rng);
    if (u < 0.06) {
        // Dormant: no purchase in the last 8 to 20 months.
        range.end = kHistoryDays - 1 - between(rng, 240, 600);
        range.start = std::max(0, range.end - between(rng, 60, 400));
    } else if (u < 0.18) {
        // New: the first purchase in the last 13 months.
        range.start = kHistoryDays - between(rng, 20, 400);
    }
    return range;
}

}  // namespace

std::vector<long long> splitTotal(long long total, const std::vector<double>& weights) {
    std::vector<long long> counts(weights.size(), 0);
    double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (total <= 0 || sum <= 0.0) return counts;
    std::vector<double> remainder(weights.size(), 0.0);
    long long assigned = 0;
    for (std::size_t j = 0; j < weights.size(); ++j) {
        double quota = static_cast<double>(total) * (weights[j] / sum);
        counts[j] = static_cast<long long>(std::floor(quota));
        remainder[j] = quota - static_cast<double>(counts[j]);
        assigned += counts[j];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
        return a < b;
    });
    for (std::size_t k = 0; assigned < total; k = (k + 1) % order.size()) {
        ++counts[order[k]];
        ++assigned;
    }
    return counts;
}

namespace {

int drawDay(SplitMix64& rng, const std::vector<double>& cumulative, const ActiveRange& range) {
    double low = cumulative[range.start];
    double high = cumulative[range.end + 1];
    double target = low + unit(rng) * (high - low);
    auto it = std::upper_bound(cumulative.begin() + range.start + 1,
                               cumulative.begin() + range.end + 1, target);
    return static_cast<int>(it - cumulative.begin()) - 1;
}

struct DraftTransaction {
    int day;
    int client;
    int employee;  // index into Workspace::employees, or -1 for none
    double amount;
    std::size_t sequence;  // draw order, the final tie-break of the sort
};

// Who booked a sale: mostly the owner, sometimes a colleague (which later counts as
// continuity), the system user for a few imports, nobody after a leaver's last day.
int drawSeller(SplitMix64& rng, int owner, long long day, const PeopleFacts& people) {
    double u = unit(rng);
    if (people.systemUser >= 0 && u < 0.01) return people.systemUser;
    bool colleague = u < 0.05 || owner < 0 || day < people.hiredDay[owner];
    if (colleague) {
        return people.receivers.empty() ? -1 : pickOne(rng, people.receivers);
    }
    if (day > people.lastDayNum[owner]) return -1;
    return owner;
}

}  // namespace

void addTransactions(Workspace& ws, const GenerateOptions& options, const PeopleFacts& people,
                     long long total) {
    SplitMix64 rng = streamFor(options.seed, Phase::Transactions);
    long long asOf = *parseIsoDate(options.asOf);
    long long firstDay = asOf - kHistoryDays + 1;
    std::vector<double> cumulative = dayWeights(firstDay);
    std::vector<std::string> dayText(kHistoryDays);
    for (int d = 0; d < kHistoryDays; ++d) dayText[d] = formatIsoDate(firstDay + d);

    std::size_t n = ws.clients.size();
    std::vector<ActiveRange> ranges(n);
    std::vector<double> weights(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        ranges[j] = drawRange(rng);
        double size = ws.clients[j].revenue12m.value_or(10000.0);
        double span = static_cast<double>(ranges[j].end - ranges[j].start + 1) / kHistoryDays;
        weights[j] = std::sqrt(std::max(size, 1.0)) * span;
    }
    std::vector<long long> counts = splitTotal(total, weights);

    std::vector<DraftTransaction> drafts;
    drafts.reserve(static_cast<std::size_t>(std::max(0LL, total)));
    for (std::size_t j = 0; j < n; ++j) {
        if (counts[j] == 0) continue;
        const Client& client = ws.clients[j];
        int owner = people.ownerOf[j];
        double days = ranges[j].end - ranges[j].start + 1;
        double perYear = static_cast<double>(counts[j]) * 365.0 / days;
        double mean = client.revenue12m.value_or(10000.0) / std::max(perYear, 1.0);
        double step = mean >= 1000.0 ? 10.0 : 1.0;
        for (long long k = 0; k < counts[j]; ++k) {
            int day = drawDay(rng, cumulative, ranges[j]);
            double amount = std::max(step, roundToStep(mean * (0.4 + 1.2 * unit(rng)), step));
            int seller = drawSeller(rng, owner, firstDay + day, people);
            drafts.push_back({day, static_cast<int>(j), seller, amount, drafts.size()});
        }
    }
    std::sort(drafts.begin(), drafts.end(),
              [](const DraftTransaction& a, const DraftTransaction& b) {
                  if (a.day != b.day) return a.day < b.day;
                  if (a.client != b.client) return a.client < b.client;
                  return a.sequence < b.sequence;
              });

    std::vector<double> lastYear(n, 0.0);
    std::vector<bool> hasAny(n, false);
    ws.transactions.reserve(drafts.size());
    for (const DraftTransaction& d : drafts) {
        Transaction t;
        t.client = ws.clients[d.client].id;
        t.date = dayText[d.day];
        t.amount = d.amount;
        if (d.employee >= 0) t.employee = ws.employees[d.employee].id;
        ws.transactions.push_back(std::move(t));
        hasAny[d.client] = true;
        // The value window: the 365 days up to and including the as-of date.
        if (d.day >= kHistoryDays - 365) lastYear[d.client] += d.amount;
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (hasAny[j]) ws.clients[j].revenue12m = lastYear[j];
    }
}

}  // namespace baton::generator
