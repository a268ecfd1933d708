// Generated relationships and deals, the capacities that leave the requested spare, and
// the needs of the sparse_eligibility family.
#include <algorithm>
#include <set>
#include <utility>

#include "core/dates.h"
#include "core/generator_parts.h"

namespace baton::generator {

namespace {

bool isReleased(const Workspace& ws, const PeopleFacts& people, std::size_t client) {
    int owner = people.ownerOf[client];
    return owner < 0 || isLeaver(ws.employees[owner].status);
}

// Draws a receiver other than the owner, or -1 when there is none.
int drawColleague(SplitMix64& rng, const PeopleFacts& people, int owner) {
    for (int attempt = 0; attempt < 8 && !people.receivers.empty(); ++attempt) {
        int pick = pickOne(rng, people.receivers);
        if (pick != owner) return pick;
    }
    return -1;
}

// Conflicts and personal ties fall on released clients 70% of the time, where they
// change who may receive a client.
std::size_t drawTieClient(SplitMix64& rng, const Workspace& ws,
                          const std::vector<std::size_t>& released) {
    if (!released.empty() && chance(rng, 0.7)) return pickOne(rng, released);
    return static_cast<std::size_t>(rng.below(ws.clients.size()));
}

void addRelationships(SplitMix64& rng, Workspace& ws, const PeopleFacts& people) {
    std::size_t n = ws.clients.size();
    std::vector<std::size_t> released;
    for (std::size_t j = 0; j < n; ++j) {
        if (isReleased(ws, people, j)) released.push_back(j);
    }
    std::set<std::pair<int, std::size_t>> used;
    auto add = [&](int employee, std::size_t client, RelationshipKind kind) {
        if (employee < 0 || !used.insert({employee, client}).second) return;
        Relationship r;
        r.employee = ws.employees[employee].id;
        r.client = ws.clients[client].id;
        r.kind = kind;
        ws.relationships.push_back(std::move(r));
    };
    for (std::size_t j = 0; j < n; ++j) {
        if (chance(rng, 0.06)) {
            add(drawColleague(rng, people, people.ownerOf[j]), j, RelationshipKind::ServedBefore);
        }
    }
    // About one in two hundred clients each, and at least one of each kind from 50 clients.
    std::size_t ties = std::max<std::size_t>(n >= 50 ? 1 : 0, n / 200);
    for (RelationshipKind kind : {RelationshipKind::Conflict, RelationshipKind::Personal}) {
        for (std::size_t k = 0; k < ties; ++k) {
            std::size_t client = drawTieClient(rng, ws, released);
            add(drawColleague(rng, people, people.ownerOf[client]), client, kind);
        }
    }
}

void addDeals(SplitMix64& rng, Workspace& ws, const GenerateOptions& o, const PeopleFacts& people) {
    long long asOf = *parseIsoDate(o.asOf);
    std::size_t n = ws.clients.size();
    int width = idWidth(static_cast<long long>(n / 10 + 1), 4);
    for (std::size_t j = 0; j < n; ++j) {
        if (!chance(rng, 0.1)) continue;
        int employee = people.ownerOf[j];
        if (employee < 0) employee = drawColleague(rng, people, -1);
        if (employee < 0) continue;
        const Client& c = ws.clients[j];
        Deal d;
        d.id = paddedId('D', static_cast<long long>(ws.deals.size()) + 1, width);
        d.client = c.id;
        d.employee = ws.employees[employee].id;
        double u = unit(rng);
        d.stage = u < 0.55 ? DealStage::Open : (u < 0.85 ? DealStage::Won : DealStage::Lost);
        d.amount = std::max(
            100.0, roundToStep(c.potential.value_or(50000.0) * (0.05 + 0.25 * unit(rng)), 100.0));
        long long close = d.stage == DealStage::Open ? asOf + between(rng, 10, 150)
                                                     : asOf - between(rng, 10, 300);
        d.expectedClose = formatIsoDate(close);
        ws.deals.push_back(std::move(d));
    }
}

}  // namespace

void addLinks(Workspace& ws, const GenerateOptions& o, const PeopleFacts& people) {
    SplitMix64 relationships = streamFor(o.seed, Phase::Relationships);
    addRelationships(relationships, ws, people);
    SplitMix64 deals = streamFor(o.seed, Phase::Deals);
    addDeals(deals, ws, o, people);
}

void setCapacities(Workspace& ws, const GenerateOptions& o, const PeopleFacts& people) {
    SplitMix64 rng = streamFor(o.seed, Phase::Capacity);
    std::vector<long long> book(ws.employees.size(), 0);
    long long released = 0;
    for (std::size_t j = 0; j < ws.clients.size(); ++j) {
        int owner = people.ownerOf[j];
        if (owner >= 0) ++book[owner];
        if (isReleased(ws, people, j)) ++released;
    }
    double spare = o.spare.value_or(o.family == "tight" ? 0.01 : 0.2);
    // Rounded half up; the spare capacity is a whole number of clients.
    long long extra = released + static_cast<long long>(spare * released + 0.5);
    std::vector<double> weights;
    for (std::size_t k = 0; k < people.receivers.size(); ++k) {
        weights.push_back(o.family == "clustered" ? 1.0 : 0.6 + 0.8 * unit(rng));
    }
    std::vector<long long> shares = splitTotal(extra, weights);
    for (std::size_t k = 0; k < people.receivers.size(); ++k) {
        Employee& e = ws.employees[people.receivers[k]];
        e.hasCapacity = true;
        e.maxClients = static_cast<int>(book[people.receivers[k]] + shares[k]);
    }
}

void setSparseNeeds(Workspace& ws, const GenerateOptions& o, const PeopleFacts& people) {
    SplitMix64 rng = streamFor(o.seed, Phase::Needs);
    std::vector<int> receivers = people.receivers;
    if (receivers.size() < 2) return;
    std::vector<std::string> lines;
    auto lineName = [](std::size_t g) { return "product:line-" + std::to_string(g + 1); };
    if (receivers.size() < 6) {
        // All but one: line g is held by every receiver except the g-th.
        for (std::size_t g = 0; g < receivers.size(); ++g) {
            lines.push_back(lineName(g));
            for (std::size_t k = 0; k < receivers.size(); ++k) {
                if (k != g) ws.employees[receivers[k]].skills.push_back(lines.back());
            }
        }
    } else {
        // Groups of 2 to 5 receivers, each holding its own line.
        shuffle(rng, receivers);
        std::vector<std::vector<int>> groups;
        std::size_t at = 0;
        while (receivers.size() - at > 5) {
            std::size_t size = static_cast<std::size_t>(between(rng, 2, 5));
            if (receivers.size() - at - size == 1) size = size == 5 ? 4 : size + 1;
            groups.emplace_back(receivers.begin() + at, receivers.begin() + at + size);
            at += size;
        }
        if (at < receivers.size()) groups.emplace_back(receivers.begin() + at, receivers.end());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            lines.push_back(lineName(g));
            for (int member : groups[g]) ws.employees[member].skills.push_back(lines.back());
        }
    }
    for (Client& c : ws.clients) c.needs = {pickOne(rng, lines)};
}

}  // namespace baton::generator
