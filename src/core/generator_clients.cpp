// Generated clients: owners weighted by book size, heavy-tailed sizes, tiers by size,
// workloads, given difficulties, satisfaction, complaints, late payments, key accounts,
// needs (mostly none) and preferences.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>
#include <set>

#include "core/dates.h"
#include "core/generator_parts.h"

namespace baton::generator {

namespace {

const std::vector<double> kIndustryWeights = {3.0, 3.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.5, 2.0};

// Picks an index with probability proportional to its weight through cumulative sums.
class WeightedPick {
public:
    explicit WeightedPick(const std::vector<double>& weights) : m_cumulative(weights.size()) {
        std::partial_sum(weights.begin(), weights.end(), m_cumulative.begin());
    }

    std::size_t draw(SplitMix64& rng) const {
        double target = unit(rng) * m_cumulative.back();
        auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), target);
        return std::min(static_cast<std::size_t>(it - m_cumulative.begin()),
                        m_cumulative.size() - 1);
    }

private:
    std::vector<double> m_cumulative;
};

// The number of thresholds at or below `u`: draws a category from cumulative shares.
int bucketOf(double u, std::initializer_list<double> thresholds) {
    int bucket = 0;
    for (double t : thresholds) bucket += u >= t ? 1 : 0;
    return bucket;
}

// The client's size in revenue: Pareto-like tails from 1/sqrt(u) (mixed) or 1/u
// (heavy_tailed), three fixed levels for the clustered family.
double drawSize(SplitMix64& rng, const std::string& family, bool keyAccount) {
    double size = 0.0;
    if (family == "clustered") {
        const double kLevels[3] = {50000.0, 120000.0, 300000.0};
        size = kLevels[rng.below(3)];
    } else if (family == "heavy_tailed") {
        size = 8000.0 / std::max(unit(rng), 0.0005);
    } else {
        size = 20000.0 / std::sqrt(std::max(unit(rng), 0.0004));
    }
    if (keyAccount) size *= 5.0;
    return roundToStep(size, 100.0);
}

std::string drawLanguage(SplitMix64& rng, const std::string& family) {
    if (family == "clustered") return "zh";
    double u = unit(rng);
    return u < 0.85 ? "zh" : (u < 0.98 ? "en" : "ja");
}

std::string drawIndustry(SplitMix64& rng, const WeightedPick& pick, const Employee* owner) {
    if (owner && chance(rng, 0.5)) {
        std::string own = skillValue(owner->skills, "industry");
        if (!own.empty()) return own;
    }
    return industries()[pick.draw(rng)];
}

void drawBurden(SplitMix64& rng, Client& c, const std::string& family) {
    if (family == "clustered") {
        c.workload = 2;
        c.difficulty = 40;
        c.satisfaction = 4;
        c.complaints = 0;
        c.latePayments = 0;
        return;
    }
    double size = c.revenue12m.value_or(0.0);
    c.workload = between(rng, 1, 4) + (size >= 200000.0 ? 2 : 0) + (c.keyAccount ? 2 : 0);
    if (chance(rng, 0.7)) c.difficulty = roundToStep(100.0 * (unit(rng) + unit(rng)) / 2.0, 1.0);
    if (chance(rng, 0.8)) c.satisfaction = 1 + bucketOf(unit(rng), {0.03, 0.1, 0.35, 0.75});
    int complaints = bucketOf(unit(rng), {0.7, 0.9, 0.97});
    if (complaints == 3) complaints = between(rng, 3, 6);
    if (c.satisfaction && *c.satisfaction <= 2) complaints += 1;
    c.complaints = complaints;
    int late = bucketOf(unit(rng), {0.8, 0.95});
    if (late == 2) late = between(rng, 2, 4);
    c.latePayments = late;
}

void drawWishes(SplitMix64& rng, Client& c, const std::string& family) {
    bool plain = family == "clustered" || family == "sparse_eligibility";
    if (!plain) {
        if (c.language == "en" && chance(rng, 0.3)) c.needs.push_back("lang:en");
        if (c.language == "ja" && chance(rng, 0.8)) c.needs.push_back("lang:ja");
        if (chance(rng, 0.05)) c.needs.push_back("product:" + pickOne(rng, products()));
    }
    if (chance(rng, family == "clustered" ? 0.5 : 0.35)) c.prefers.push_back("region:" + c.region);
    if (plain) return;
    if (chance(rng, 0.2)) c.prefers.push_back("industry:" + c.industry);
    if (chance(rng, 0.1)) c.prefers.push_back("lang:" + c.language);
}

// Tiers by size: the largest 15% A, the next 35% B, the rest C; key accounts are A.
void setTiers(Workspace& ws) {
    std::vector<std::size_t> order(ws.clients.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        double va = ws.clients[a].revenue12m.value_or(0.0);
        double vb = ws.clients[b].revenue12m.value_or(0.0);
        if (va != vb) return va > vb;
        return a < b;
    });
    std::size_t n = order.size();
    for (std::size_t rank = 0; rank < n; ++rank) {
        Client& c = ws.clients[order[rank]];
        c.tier = rank * 100 < n * 15 ? "A" : (rank * 100 < n * 50 ? "B" : "C");
        if (c.keyAccount) c.tier = "A";
    }
}

int drawOwner(SplitMix64& rng, const WeightedPick& pick, const PeopleFacts& people,
              bool keyAccount) {
    if (keyAccount) return pickOne(rng, people.keyTeam);
    if (chance(rng, 0.01)) return -1;
    return static_cast<int>(pick.draw(rng));
}

std::vector<double> bookWeights(SplitMix64& rng, const Workspace& ws, const PeopleFacts& people,
                                long long asOf) {
    std::vector<double> weights;
    for (std::size_t i = 0; i < ws.employees.size(); ++i) {
        const Employee& e = ws.employees[i];
        double w = 0.6 + 0.8 * unit(rng);
        if (e.kind == EmployeeKind::System) w = 0.0;
        if (e.team == kKeyTeam) w *= 0.5;
        if (people.hiredDay[i] > asOf - 183) w *= 0.3;
        weights.push_back(w);
    }
    return weights;
}

}  // namespace

void addClients(Workspace& ws, const GenerateOptions& o, PeopleFacts& people) {
    SplitMix64 rng = streamFor(o.seed, Phase::Clients);
    SplitMix64 names = streamFor(o.seed, Phase::Names);
    long long asOf = *parseIsoDate(o.asOf);
    bool keyAccounts =
        o.family != "clustered" && o.family != "sparse_eligibility" && !people.keyTeam.empty();
    WeightedPick ownerPick(bookWeights(rng, ws, people, asOf));
    WeightedPick industryPick(kIndustryWeights);
    std::set<std::string> usedNames;
    int width = idWidth(o.clients, 4);
    ws.clients.reserve(static_cast<std::size_t>(o.clients));
    for (int j = 0; j < o.clients; ++j) {
        Client c;
        c.id = paddedId('C', j + 1, width);
        c.keyAccount = keyAccounts && chance(rng, 0.03);
        c.hasKeyAccount = true;
        int owner = drawOwner(rng, ownerPick, people, c.keyAccount);
        const Employee* ownerRecord = owner >= 0 ? &ws.employees[owner] : nullptr;
        if (ownerRecord) c.owner = ownerRecord->id;
        people.ownerOf.push_back(owner);
        std::string ownRegion = ownerRecord ? skillValue(ownerRecord->skills, "region") : "";
        c.region = (!ownRegion.empty() && chance(rng, 0.8)) ? ownRegion : pickOne(rng, regions());
        c.language = drawLanguage(rng, o.family);
        c.industry = o.family == "clustered" && ownerRecord
                         ? skillValue(ownerRecord->skills, "industry")
                         : drawIndustry(rng, industryPick, ownerRecord);
        double size = drawSize(rng, o.family, c.keyAccount);
        c.revenue12m = size;
        c.potential = o.family == "clustered" ? size * 2.0
                                              : roundToStep(size * (0.8 + 1.7 * unit(rng)), 1000.0);
        drawBurden(rng, c, o.family);
        drawWishes(rng, c, o.family);
        for (int attempt = 0; attempt < 4; ++attempt) {
            c.name = clientName(names, c.language, c.industry);
            if (usedNames.insert(c.name).second) break;
        }
        std::string note = clientNote(names, c.language);
        if (!note.empty()) c.notes = note;
        ws.clients.push_back(std::move(c));
    }
    setTiers(ws);
}

}  // namespace baton::generator
