#include "core/limit_repair.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace baton {

namespace {

using Loads = ReceiverLoads;

// The released clients of each receiver.
std::vector<std::vector<int>> booksOf(const AllocationContext& c, const Placement& p) {
    std::vector<std::vector<int>> books(c.receivers.size());
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        int r = p.owner[std::size_t(pos)];
        if (r >= 0) books[std::size_t(r)].push_back(pos);
    }
    return books;
}

// The receiver other than `skip` with room for the client and the best fit, or -1.
int bestWithRoom(const AllocationContext& c, const Loads& loads, int pos, int skip) {
    int best = -1;
    std::int64_t bestFit = -1;
    // The limits and the fit cost less to test than the pair, so they come first.
    for (int k = 0; k < c.receiverCount(); ++k) {
        if (k == skip || !loads.fits(c, k, pos, -1, -1)) continue;
        std::int64_t f = c.fitMicroOf(pos, k);
        if (f > bestFit && c.isOpen(pos, k)) {
            best = k;
            bestFit = f;
        }
    }
    return best;
}

// A placement of an unplaced client on `to`. First `moved` goes from `to` to `movedTo`, and
// then `back` from `movedTo` to `to`; -1 marks a step not taken.
struct Refill {
    int to = -1;
    int moved = -1;
    int movedTo = -1;
    int back = -1;
    std::int64_t gain = 0;
};

// The best refill of `pos` on receiver k that moves its client v to k2, directly or in
// exchange for a client of k2. The limits are checked before the pair tests, which cost
// more. Spends budget on every pair it weighs.
void weighMove(const AllocationContext& c, const Loads& loads,
               const std::vector<std::vector<int>>& book, int pos, int k, int v, Refill& best,
               long long& budget) {
    std::int64_t base = c.fitMicroOf(pos, k) - c.fitMicroOf(v, k);
    for (int k2 = 0; k2 < c.receiverCount() && budget > 0; ++k2) {
        budget -= 1;
        if (k2 == k) continue;
        if (loads.fits(c, k2, v, -1, -1)) {
            std::int64_t gain = base + c.fitMicroOf(v, k2);
            if ((best.to < 0 || gain > best.gain) && c.isOpen(v, k2))
                best = Refill{k, v, k2, -1, gain};
            continue;
        }
        int open = -1;  // whether v may go to k2, once known
        for (int w : book[std::size_t(k2)]) {
            budget -= 1;
            if (c.pinned[std::size_t(w)] == k2 || !loads.fits(c, k2, v, -1, w) ||
                !loads.fits(c, k, pos, w, v)) {
                continue;
            }
            std::int64_t total =
                base + c.fitMicroOf(v, k2) + c.fitMicroOf(w, k) - c.fitMicroOf(w, k2);
            if (best.to >= 0 && total <= best.gain) continue;
            if (open < 0) open = c.isOpen(v, k2) ? 1 : 0;
            if (open == 0) break;
            if (c.isOpen(w, k)) best = Refill{k, v, k2, w, total};
        }
    }
}

// The best refill of `pos` that moves one or two clients between receivers without room.
Refill bestEjection(const AllocationContext& c, const Loads& loads,
                    const std::vector<std::vector<int>>& book, int pos, long long& budget) {
    Refill best;
    for (int k = 0; k < c.receiverCount() && budget > 0; ++k) {
        if (!c.isOpen(pos, k)) continue;
        for (int v : book[std::size_t(k)]) {
            // A client coming back to k only adds to it, so k must fit once v has left.
            if (c.pinned[std::size_t(v)] == k || !loads.fits(c, k, pos, -1, v)) continue;
            weighMove(c, loads, book, pos, k, v, best, budget);
        }
    }
    return best;
}

void moveTo(const AllocationContext& c, Placement& p, Loads& loads,
            std::vector<std::vector<int>>& book, int pos, int to) {
    int from = p.owner[std::size_t(pos)];
    if (from >= 0) {
        loads.add(c, pos, from, -1);
        std::vector<int>& list = book[std::size_t(from)];
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i] == pos) {
                list.erase(list.begin() + std::ptrdiff_t(i));
                break;
            }
        }
    }
    p.owner[std::size_t(pos)] = to;
    loads.add(c, pos, to, 1);
    book[std::size_t(to)].push_back(pos);
}

// The clients in r's book that are still on r and not pinned there, lowest fit first.
std::vector<int> movableOf(const AllocationContext& c, const Placement& p,
                           const std::vector<int>& book, int r) {
    std::vector<std::pair<std::int64_t, int>> keyed;
    for (int pos : book) {
        if (p.owner[std::size_t(pos)] == r && c.pinned[std::size_t(pos)] != r)
            keyed.emplace_back(c.fitMicroOf(pos, r), pos);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<int> out;
    out.reserve(keyed.size());
    for (const auto& [fit, pos] : keyed) out.push_back(pos);
    return out;
}

// Moves client pos off receiver r to the best other receiver with room, and adds it to that
// receiver's book. Returns false, and changes nothing, when no receiver has room.
bool relocate(const AllocationContext& c, Placement& p, Loads& loads,
              std::vector<std::vector<int>>& books, int pos, int r) {
    int to = bestWithRoom(c, loads, pos, r);
    if (to < 0) return false;
    loads.add(c, pos, r, -1);
    loads.add(c, pos, to, 1);
    p.owner[std::size_t(pos)] = to;
    books[std::size_t(to)].push_back(pos);
    return true;
}

void leaveUnplaced(const AllocationContext& c, Placement& p, Loads& loads, int pos, int r,
                   bool overWorkload) {
    loads.add(c, pos, r, -1);
    p.owner[std::size_t(pos)] = -1;
    p.reason[std::size_t(pos)] = overWorkload ? "workload_exhausted" : "share_cap";
    p.detail[std::size_t(pos)] =
        overWorkload ? "every eligible employee with room would exceed max_workload"
                     : "every eligible employee with room would exceed max_value_share";
}

// Takes clients off receiver r until it keeps its limits. Each time, the lowest-fit client
// that another receiver has room for moves to the best such receiver. When no client can
// move, the one that weighs most in the broken limit goes unplaced, so that few clients go
// unplaced. Other receivers only fill up meanwhile, so a client that could not move once is
// not tried again. Returns whether any client left r.
bool shedReceiver(const AllocationContext& c, Placement& p, Loads& loads,
                  std::vector<std::vector<int>>& books, int r, long long& budget) {
    if (loads.fits(c, r, -1, -1, -1)) return false;
    std::vector<int> mine = movableOf(c, p, books[std::size_t(r)], r);
    std::vector<char> gone(mine.size(), 0);
    std::size_t next = 0;  // mine[next..] have not been tried
    bool changed = false;
    while (!loads.fits(c, r, -1, -1, -1)) {
        bool moved = false;
        while (!moved && next < mine.size() && budget > 0) {
            budget -= c.receiverCount();
            moved = relocate(c, p, loads, books, mine[next], r);
            gone[next++] = moved ? 1 : 0;
        }
        if (moved) {
            changed = true;
            continue;
        }

        // Once the budget is spent, only the lowest-fit client left is tried.
        std::size_t k = std::size_t(r);
        bool overWorkload = !c.fitsLimits(r, loads.count[k], loads.workload[k], 0.0);
        auto weight = [&](int pos) { return overWorkload ? c.workloadOf(pos) : c.valueOf(pos); };
        std::size_t victim = mine.size();
        for (std::size_t i = 0; i < mine.size(); ++i) {
            if (gone[i]) continue;
            if (victim == mine.size() ||
                (next == mine.size() && weight(mine[i]) > weight(mine[victim])))
                victim = i;
        }
        if (victim == mine.size()) break;  // only pinned clients are left
        gone[victim] = 1;
        changed = true;
        if (next < mine.size() && relocate(c, p, loads, books, mine[victim], r)) continue;
        leaveUnplaced(c, p, loads, mine[victim], r, overWorkload);
    }
    return changed;
}

// A depth-first search for the placement with the most clients under the limits, over the
// clients that are neither pinned nor in a pin conflict. Clients with the fewest open
// receivers come first, and each tries its receivers best fit first, so the first placement
// found at a count tends to fit well.
class ExactPacking {
public:
    ExactPacking(const AllocationContext& c, const Placement& p, long long nodes)
        : m_c(c), m_loads(c, pinnedOnly(c, p)), m_nodes(nodes), m_owner(p.owner) {
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (c.pinned[std::size_t(pos)] >= 0 || !c.pinConflict[std::size_t(pos)].empty())
                continue;
            std::vector<int> open;
            for (int r = 0; r < c.receiverCount(); ++r) {
                if (c.isOpen(pos, r)) open.push_back(r);
            }
            std::stable_sort(open.begin(), open.end(), [&](int a, int b) {
                return c.fitMicroOf(pos, a) > c.fitMicroOf(pos, b);
            });
            m_free.push_back({pos, std::move(open)});
        }
        std::stable_sort(m_free.begin(), m_free.end(), [](const Free& a, const Free& b) {
            return a.open.size() < b.open.size();
        });
        for (int pos = 0; pos < c.releasedCount(); ++pos)
            m_pinned += c.pinned[std::size_t(pos)] >= 0;
        m_trial = m_owner;
    }

    // Returns the owners of the best placement found, or nothing when none places more than
    // `placed` clients.
    std::optional<std::vector<int>> search(int placed) {
        m_best = placed;
        visit(0, 0);
        if (!m_found) return std::nullopt;
        return m_owner;
    }

private:
    struct Free {
        int pos;
        std::vector<int> open;  // open receivers, best fit first
    };

    static Placement pinnedOnly(const AllocationContext& c, const Placement& p) {
        Placement pinned = p;
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            if (c.pinned[std::size_t(pos)] < 0) pinned.owner[std::size_t(pos)] = -1;
        }
        return pinned;
    }

    void visit(std::size_t i, int placed) {
        if (--m_nodes < 0) return;
        const int pinned = m_pinned;
        if (i == m_free.size()) {
            if (placed + pinned > m_best) {
                m_best = placed + pinned;
                m_owner = m_trial;
                m_found = true;
            }
            return;
        }
        // Even placing every client left cannot beat the best count.
        if (placed + pinned + int(m_free.size() - i) <= m_best) return;
        const Free& client = m_free[i];
        for (int r : client.open) {
            if (!m_loads.fits(m_c, r, client.pos, -1, -1)) continue;
            m_loads.add(m_c, client.pos, r, 1);
            m_trial[std::size_t(client.pos)] = r;
            visit(i + 1, placed + 1);
            m_loads.add(m_c, client.pos, r, -1);
            if (m_nodes < 0) return;
        }
        m_trial[std::size_t(client.pos)] = -1;
        visit(i + 1, placed);
    }

    const AllocationContext& m_c;
    Loads m_loads;
    long long m_nodes;
    std::vector<int> m_owner;  // the best placement found
    std::vector<int> m_trial;
    std::vector<Free> m_free;
    int m_pinned = 0;  // clients pinned where they are, placed in every trial
    int m_best = 0;
    bool m_found = false;
};

}  // namespace

bool repairLimits(const AllocationContext& c, Placement& p, long long budget) {
    Loads loads(c, p);
    std::vector<std::vector<int>> books = booksOf(c, p);
    bool changed = false;
    for (int r = 0; r < c.receiverCount(); ++r)
        changed = shedReceiver(c, p, loads, books, r, budget) || changed;
    return changed;
}

int refillLimits(const AllocationContext& c, Placement& p, long long budget) {
    Loads loads(c, p);
    std::vector<std::vector<int>> book = booksOf(c, p);
    int placed = 0;
    auto place = [&](int pos, int to) {
        moveTo(c, p, loads, book, pos, to);
        p.reason[std::size_t(pos)].clear();
        p.detail[std::size_t(pos)].clear();
        placed += 1;
    };
    // Every client that a receiver has room for goes there first, whatever the budget.
    std::vector<int> left;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        if (p.owner[std::size_t(pos)] >= 0 || !c.pinConflict[std::size_t(pos)].empty()) continue;
        int to = bestWithRoom(c, loads, pos, -1);
        if (to < 0) {
            left.push_back(pos);
            continue;
        }
        place(pos, to);
    }
    for (int pos : left) {
        if (budget <= 0) break;
        Refill refill = bestEjection(c, loads, book, pos, budget);
        if (refill.to < 0) continue;
        if (refill.moved >= 0) moveTo(c, p, loads, book, refill.moved, refill.movedTo);
        if (refill.back >= 0) moveTo(c, p, loads, book, refill.back, refill.to);
        place(pos, refill.to);
    }
    return placed;
}

}  // namespace baton

namespace baton {

bool packExactly(const AllocationContext& c, Placement& p, long long nodes) {
    int placed = 0;
    for (int r : p.owner) placed += r >= 0 ? 1 : 0;
    if (placed == c.releasedCount()) return false;
    std::optional<std::vector<int>> better = ExactPacking(c, p, nodes).search(placed);
    if (!better) return false;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        p.owner[std::size_t(pos)] = (*better)[std::size_t(pos)];
        if (p.owner[std::size_t(pos)] >= 0) {
            p.reason[std::size_t(pos)].clear();
            p.detail[std::size_t(pos)].clear();
        }
    }
    return true;
}

}  // namespace baton
