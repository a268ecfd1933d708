// The workspace's audit log: an append-only JSON array of entries chained by SHA-256.
//
// An entry is {"seq", "time", "kind", "actor"?, "detail", "prev", "hash"}: seq counts from 1,
// time is the ISO 8601 UTC time the caller passes in, kind names the change (import, edit,
// status, policy, run, proposal, apply, appeal, decision, final, ...), prev is the hash of
// the entry before (64 zeros for the first), and hash is the lowercase hex SHA-256 of prev's
// text followed by the canonical JSON of the entry without its "hash" key. Canonical JSON
// is nlohmann's compact dump: object keys sorted, no white space, UTF-8.
// The core takes the time as an argument, so appending is deterministic.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace baton {

// The `prev` of the first entry.
inline const std::string kAuditGenesisHash(64, '0');

// One change to record; `actor` is left out of the entry when empty.
struct AuditEvent {
    std::string kind;
    std::string time;
    std::string actor;
    nlohmann::json detail = nlohmann::json::object();
};

// The first entry that fails verification: its index in the array, its seq when it has a
// readable one, the field at fault ("" for the entry as a whole) and why.
struct AuditBreak {
    std::size_t index = 0;
    std::optional<long long> seq;
    std::string field;
    std::string reason;
};

struct AuditCheck {
    std::size_t entries = 0;
    std::string lastHash = kAuditGenesisHash;  // the hash of the last valid entry
    std::optional<AuditBreak> broken;
    bool ok() const { return !broken.has_value(); }
};

// Returns the canonical JSON text that the entry's hash covers: the entry without "hash".
std::string auditHashedText(const nlohmann::json& entry);
// Returns the hash an entry must carry after an entry whose hash is `previousHash`.
std::string auditEntryHash(const std::string& previousHash, const nlohmann::json& entry);

// Appends an entry for `event` to `audit` (made an array when it is null) and returns it.
// The entry chains to the last entry's stored hash and seq, even when an earlier entry is
// broken, so appending never repairs or hides tampering.
// Throws std::invalid_argument when `audit` is neither null nor an array, or `event.kind`
// is empty.
const nlohmann::json& appendAuditEntry(nlohmann::json& audit, const AuditEvent& event);

// Checks every entry's shape, its seq (1, 2, 3, ...), its prev against the entry before
// and its hash against its content. Stops at the first entry that fails.
AuditCheck verifyAudit(const nlohmann::json& audit);

// Describes a break in one English sentence: "entry 3 (seq 3), field hash: ...".
std::string describeAuditBreak(const AuditBreak& broken);

}  // namespace baton
