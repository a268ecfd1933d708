// Figures behind two plain sentences that the Allocation panel and the report add beside
// the certificates, for results that look unfair but pass WPROP1 on value.
//
// WPROP1 on value requires only that each receiver reach its target value T_i after adding
// one more released client. So when one client is worth at least T_i, a receiver may get no
// client at all, and nothing limits how far a receiver goes over its target. On a small
// book of large clients (27 clients among 34 receivers, say) both happen while every
// certificate passes. There, the count of clients explains only 7 of the 24 receivers
// without a client. The others get none because continuity and fit send several clients to
// the same receivers, and the won_because codes count those.
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include "core/allocation_result.h"

namespace baton {

// Receivers that get no released client, in a result whose WPROP1 on value passes.
struct NoClientNote {
    int receivers = 0;      // the employees of the result: every eligible receiver
    int withoutClient = 0;  // of them, those that receive no released client
    int placed = 0;         // released clients placed
    // The largest value of a placed client, and the largest target of a receiver without a
    // client. WPROP1 on value makes the first at least the second, unless the largest
    // released client is among the unassigned ones.
    double largestValue = 0.0;
    double largestTarget = 0.0;
    // The placed clients by their won_because code. When the placed clients go to fewer
    // receivers than the count requires, these codes (mostly continuity and fit) are the
    // cause of the other receivers without a client.
    int byContinuity = 0;
    int byBestFit = 0;
    int byOnlyEligible = 0;
    int byPin = 0;
    int byFairness = 0;

    // Whether the clients placed are fewer than the receivers, so that some receivers get
    // none whatever the values.
    bool fewerClientsThanReceivers() const { return placed < receivers; }
    // The receivers that the count alone leaves without a client: those beyond the placed
    // clients, or none when the clients are as many as the receivers.
    int withoutClientByCount() const { return std::max(0, receivers - placed); }
    // The receivers without a client beyond withoutClientByCount(): the placed clients
    // went to fewer receivers than there are clients.
    int withoutClientByChoice() const { return withoutClient - withoutClientByCount(); }
    int withClient() const { return receivers - withoutClient; }
};

// The receiver whose received value is furthest over its target, when that is more than
// twice the target (a deviation above 100%, which no receiver under its target can reach).
struct OverTargetNote {
    std::string employee;
    int clients = 0;
    double received = 0.0;
    double target = 0.0;
    double deviation = 0.0;  // (received - target) / target
};

struct ShareNotes {
    std::optional<NoClientNote> noClient;
    std::optional<OverTargetNote> overTarget;
};

// True when the result's price of fairness is 0 while its optimality gap is above 0. Both
// hold at once: the fair allocation fits as well as the best allocation found, and the gap
// compares that fit with an upper bound that the solver could not tighten.
inline bool zeroPriceWithGap(const AllocationResult& result) {
    return result.figures.priceOfFairness == 0.0 && result.optimality.status == "bound" &&
           result.optimality.gap > 0.0;
}

// Returns the notes that apply to `result`; each is set only when WPROP1 on value passes.
// The no-client note also needs a placed client and, when the clients placed are as many as
// the receivers or more, a placed client worth at least every target of a receiver without
// one. It reads only the result, so a report of a result file gives the same notes.
ShareNotes shareNotes(const AllocationResult& result);

}  // namespace baton
