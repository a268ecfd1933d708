#include "core/baselines.h"

#include <algorithm>

namespace baton {

namespace {

// An empty placement of the released clients.
Placement emptyPlacement(const AllocationContext& c) {
    Placement p;
    p.owner.assign(c.released.size(), -1);
    return p;
}

// Running totals of a placement, so that every baseline applies the same limits.
class Loads {
public:
    explicit Loads(const AllocationContext& c) : m_c(c), m_totals(c, emptyPlacement(c)) {}

    bool admits(int pos, int r) const { return hasRoom(pos, r) && m_c.isOpen(pos, r); }
    // For a pair known to be open, such as an arc of the candidate graph.
    bool hasRoom(int pos, int r) const { return m_totals.fits(m_c, r, pos, -1, -1); }
    void add(int pos, int r) { m_totals.add(m_c, pos, r, 1); }
    bool full(int r) const { return m_totals.count[std::size_t(r)] >= m_c.room[std::size_t(r)]; }

private:
    const AllocationContext& m_c;
    ReceiverLoads m_totals;
};

Placement pinnedStart(const AllocationContext& c, Loads& loads) {
    Placement p = emptyPlacement(c);
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = c.pinned[std::size_t(pos)];
        if (r < 0) continue;
        p.owner[std::size_t(pos)] = r;
        loads.add(pos, r);
    }
    return p;
}

bool isFree(const AllocationContext& c, const Placement& p, int pos) {
    return p.owner[std::size_t(pos)] < 0 && c.pinConflict[std::size_t(pos)].empty();
}

// Receivers by fit for the client, best first: its candidates, then every other receiver.
int bestAdmitting(const AllocationContext& c, const std::vector<TransportArc>* arcs, int pos,
                  Loads& loads) {
    if (arcs) {
        for (const TransportArc& a : *arcs) {
            if (loads.hasRoom(pos, a.employee)) return a.employee;
        }
    }
    int best = -1;
    std::int64_t bestFit = -1;
    for (int r = 0; r < c.receiverCount(); ++r) {
        if (!loads.admits(pos, r)) continue;
        std::int64_t f = c.fitMicroOf(pos, r);
        if (f > bestFit) {
            best = r;
            bestFit = f;
        }
    }
    return best;
}

std::vector<const std::vector<TransportArc>*> arcsByPosition(const AllocationContext& c,
                                                             const CandidateGraph& g) {
    std::vector<const std::vector<TransportArc>*> out(c.released.size(), nullptr);
    for (std::size_t s = 0; s < g.clients.size(); ++s) out[std::size_t(g.clients[s])] = &g.arcs[s];
    return out;
}

// A receiver's open pair with a free client. The client's value is copied in, so the sort
// reads no other array.
struct PickChoice {
    std::int64_t fit;
    double value;
    int pos;
};

// Each receiver's open pairs with the clients that `p` leaves free, best first. NOTE: on
// large books (more than 200,000 pairs) a receiver considers only the clients that list it
// as a candidate.
std::vector<std::vector<PickChoice>> pickLists(const AllocationContext& c,
                                               const CandidateGraph& graph, const Placement& p) {
    std::size_t m = c.receivers.size();
    std::vector<std::vector<PickChoice>> lists(m);
    bool dense = double(m) * double(c.releasedCount()) <= 2e5;
    auto arcs = arcsByPosition(c, graph);
    if (!dense) {
        std::vector<std::size_t> count(m, 0);
        for (const auto& list : graph.arcs) {
            for (const TransportArc& a : list) count[std::size_t(a.employee)] += 1;
        }
        for (std::size_t r = 0; r < m; ++r) lists[r].reserve(count[r]);
    }
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (!isFree(c, p, pos)) continue;
        double value = c.valueOf(pos);
        if (dense) {
            for (int r = 0; r < int(m); ++r) {
                if (c.isOpen(pos, r))
                    lists[std::size_t(r)].push_back({c.fitMicroOf(pos, r), value, pos});
            }
        } else if (arcs[std::size_t(pos)]) {
            for (const TransportArc& a : *arcs[std::size_t(pos)]) {
                lists[std::size_t(a.employee)].push_back({a.fit, value, pos});
            }
        }
    }
    for (auto& list : lists) {
        std::sort(list.begin(), list.end(), [](const PickChoice& a, const PickChoice& b) {
            if (a.fit != b.fit) return a.fit > b.fit;
            if (a.value != b.value) return a.value > b.value;
            return a.pos < b.pos;
        });
    }
    return lists;
}

}  // namespace

Placement roundRobin(const AllocationContext& c) {
    Loads loads(c);
    Placement p = pinnedStart(c, loads);
    int next = 0;
    int m = c.receiverCount();
    for (int pos = 0; pos < c.releasedCount() && m > 0; ++pos) {
        if (!isFree(c, p, pos)) continue;
        for (int step = 0; step < m; ++step) {
            int r = (next + step) % m;
            if (!loads.admits(pos, r)) continue;
            p.owner[std::size_t(pos)] = r;
            loads.add(pos, r);
            next = (r + 1) % m;
            break;
        }
    }
    c.explainUnassigned(p);
    return p;
}

Placement greedyFit(const AllocationContext& c, const CandidateGraph& graph) {
    Loads loads(c);
    Placement p = pinnedStart(c, loads);
    std::vector<int> order;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (isFree(c, p, pos)) order.push_back(pos);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return c.valueOf(a) > c.valueOf(b); });
    auto arcs = arcsByPosition(c, graph);
    for (int pos : order) {
        int r = bestAdmitting(c, arcs[std::size_t(pos)], pos, loads);
        if (r < 0) continue;
        p.owner[std::size_t(pos)] = r;
        loads.add(pos, r);
    }
    c.explainUnassigned(p);
    return p;
}

Placement weightedPicking(const AllocationContext& c, const CandidateGraph& graph) {
    Loads loads(c);
    Placement p = pinnedStart(c, loads);
    std::size_t m = c.receivers.size();
    std::vector<std::vector<PickChoice>> lists = pickLists(c, graph, p);
    std::vector<std::size_t> cursor(m, 0);
    std::vector<int> picks(m, 0);
    // The next chooser is the active receiver with the smallest picks_r / w_r, compared
    // without division, the lowest position first among equals. A heap keeps them in that
    // order; only the chooser's key changes, so it is popped and pushed back.
    auto later = [&](int a, int b) {
        double left = double(picks[std::size_t(a)]) * c.weights[std::size_t(b)];
        double right = double(picks[std::size_t(b)]) * c.weights[std::size_t(a)];
        return left != right ? left > right : a > b;
    };
    std::vector<int> heap(m);
    for (std::size_t r = 0; r < m; ++r) heap[r] = int(r);
    std::make_heap(heap.begin(), heap.end(), later);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        int chooser = heap.back();
        heap.pop_back();
        auto& list = lists[std::size_t(chooser)];
        std::size_t& at = cursor[std::size_t(chooser)];
        while (at < list.size() &&
               !(isFree(c, p, list[at].pos) && loads.hasRoom(list[at].pos, chooser)))
            ++at;
        if (at >= list.size() || loads.full(chooser)) continue;  // the chooser leaves the heap
        int pos = list[at].pos;
        p.owner[std::size_t(pos)] = chooser;
        loads.add(pos, chooser);
        picks[std::size_t(chooser)] += 1;
        heap.push_back(chooser);
        std::push_heap(heap.begin(), heap.end(), later);
    }
    c.explainUnassigned(p);
    return p;
}

namespace {

// An eligible employee with room left after the proposal's pairs means the proposal, not the
// limits, left the client out: such a client gets not_in_proposal, naming the employee the
// proposal refused it to, if any. Only the other clients need explainUnassigned's scan of
// every receiver's reason.
void explainLeftOut(const AllocationContext& c, const Loads& loads,
                    const std::vector<std::string>& refused, Placement& p) {
    p.reason.assign(c.released.size(), "");
    p.detail.assign(c.released.size(), "");
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (p.owner[std::size_t(pos)] >= 0 || !c.pinConflict[std::size_t(pos)].empty()) continue;
        int withRoom = 0;
        for (int r = 0; r < c.receiverCount(); ++r) withRoom += loads.admits(pos, r) ? 1 : 0;
        if (withRoom == 0) continue;
        std::string room = std::to_string(withRoom) + " eligible employee" +
                           (withRoom == 1 ? " has" : "s have") + " room for it";
        const std::string& to = refused[std::size_t(pos)];
        p.reason[std::size_t(pos)] = "not_in_proposal";
        p.detail[std::size_t(pos)] =
            to.empty() ? "the proposal does not place this client, although " + room
                       : "the proposal gives this client to " + to + ", while " + room;
    }
}

}  // namespace

Placement proposalPlacement(const AllocationContext& c, const std::vector<ProposedPair>& pairs,
                            std::vector<std::string>& breaches) {
    Loads loads(c);
    Placement p;
    p.owner.assign(c.released.size(), -1);
    // The first pair that names a client counts, even when it cannot be applied, so that a
    // repeated client behaves as the proposal reader's warning states.
    std::vector<bool> listed(c.released.size(), false);
    // Per position, the employee of a listed pair that could not be placed, and the reason.
    std::vector<std::string> refused(c.released.size());
    for (const ProposedPair& pair : pairs) {
        std::string name = pair.client + " → " + pair.employee;
        int pos = c.positionOf(pair.client);
        int e = c.workspace.findEmployee(pair.employee);
        if (pos < 0) {
            breaches.push_back(name + ": the client is not in the released book");
            continue;
        }
        if (listed[std::size_t(pos)]) {
            breaches.push_back(name +
                               ": the client is already listed by an earlier pair, "
                               "which counts");
            continue;
        }
        listed[std::size_t(pos)] = true;
        if (e < 0) {
            breaches.push_back(name + ": no employee has this id");
            refused[std::size_t(pos)] = pair.employee + ", whom the workspace lacks";
            continue;
        }
        int r = c.receiverPos[std::size_t(e)];
        if (r < 0) {
            std::string status = statusInMessage(c.workspace.employees[std::size_t(e)]);
            breaches.push_back(name + ": ineligible_status (" + pair.employee + " is " + status +
                               ")");
            refused[std::size_t(pos)] = pair.employee + ", who is " + status +
                                        " and may not receive clients (ineligible_status)";
            continue;
        }
        std::string reason = c.staticReason(pos, r);
        if (reason.empty() && !loads.admits(pos, r))
            reason = loads.full(r) ? "capacity_full" : "workload_full";
        if (!reason.empty()) breaches.push_back(name + ": " + reason);
        p.owner[std::size_t(pos)] = r;
        loads.add(pos, r);
    }
    explainLeftOut(c, loads, refused, p);
    c.explainUnassigned(p);
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        const std::string& reason = p.reason[std::size_t(pos)];
        if (p.owner[std::size_t(pos)] >= 0 || reason == "pin_conflict" ||
            reason == "not_in_proposal")
            continue;
        p.detail[std::size_t(pos)] =
            "the proposal does not place this client; " + p.detail[std::size_t(pos)];
    }
    return p;
}

}  // namespace baton
