#include "core/share_notes.h"

#include <algorithm>

#include "core/certificates.h"

namespace baton {

namespace {

std::optional<NoClientNote> noClientNote(const AllocationResult& result) {
    NoClientNote note;
    note.placed = static_cast<int>(result.assignments.size());
    // A receiver without a share (entitlement 0) has no room for any released client, and
    // the result's notes say so apart; the sentence counts the receivers with a share.
    for (const EmployeeOutcome& e : result.employees) {
        if (e.entitlement <= 0.0) continue;
        note.receivers += 1;
        if (e.clients > 0) continue;
        note.withoutClient += 1;
        note.largestTarget = std::max(note.largestTarget, e.targetValue);
    }
    for (const Assignment& a : result.assignments) {
        note.largestValue = std::max(note.largestValue, a.value);
        note.byContinuity += a.wonBecause == "continuity" ? 1 : 0;
        note.byBestFit += a.wonBecause == "best_fit" ? 1 : 0;
        note.byOnlyEligible += a.wonBecause == "only_eligible" ? 1 : 0;
        note.byPin += a.wonBecause == "pinned" ? 1 : 0;
        note.byFairness += a.wonBecause == "fairness_balance" ? 1 : 0;
    }
    if (note.withoutClient == 0 || note.placed == 0) return std::nullopt;
    // With as many clients as receivers the count alone does not explain a receiver without
    // one, so the sentence names a placed client worth a whole target. The result does not
    // carry the values of unassigned clients, which WPROP1 also counts.
    if (!note.fewerClientsThanReceivers() && note.largestValue + kTolerance < note.largestTarget) {
        return std::nullopt;
    }
    return note;
}

std::optional<OverTargetNote> overTargetNote(const AllocationResult& result) {
    std::optional<OverTargetNote> furthest;
    for (const EmployeeOutcome& e : result.employees) {
        if (e.targetValue <= 0.0) continue;
        double deviation = (e.receivedValue - e.targetValue) / e.targetValue;
        // Of equal deviations, the first in the result's order is named.
        if (deviation <= 1.0 + kTolerance) continue;
        if (furthest && deviation <= furthest->deviation) continue;
        furthest = OverTargetNote{e.employee, e.clients, e.receivedValue, e.targetValue, deviation};
    }
    return furthest;
}

}  // namespace

ShareNotes shareNotes(const AllocationResult& result) {
    ShareNotes notes;
    if (!result.certificates.wprop1Value) return notes;
    notes.noClient = noClientNote(result);
    notes.overTarget = overTargetNote(result);
    return notes;
}

}  // namespace baton
