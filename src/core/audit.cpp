#include "core/audit.h"

#include <stdexcept>

#include "core/sha256.h"

namespace baton {
namespace {

using json = nlohmann::json;

std::string canonical(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool isLowerHex64(const std::string& text) {
    if (text.size() != 64) return false;
    for (char c : text) {
        bool digit = c >= '0' && c <= '9';
        bool letter = c >= 'a' && c <= 'f';
        if (!digit && !letter) return false;
    }
    return true;
}

AuditBreak breakAt(std::size_t index, std::optional<long long> seq, std::string field,
                   std::string reason) {
    return AuditBreak{index, seq, std::move(field), std::move(reason)};
}

// Checks the keys every entry must have, before the chain is followed.
std::optional<AuditBreak> checkShape(const json& entry, std::size_t index) {
    if (!entry.is_object()) return breakAt(index, std::nullopt, "", "is not a JSON object");
    auto seq = entry.find("seq");
    if (seq == entry.end() || !seq->is_number_integer()) {
        return breakAt(index, std::nullopt, "seq", "is missing or not a whole number");
    }
    long long number = seq->get<long long>();
    if (number != static_cast<long long>(index) + 1) {
        return breakAt(index, number, "seq",
                       "is " + std::to_string(number) + ", expected " +
                           std::to_string(index + 1));
    }
    auto kind = entry.find("kind");
    if (kind == entry.end() || !kind->is_string() || kind->get_ref<const std::string&>().empty()) {
        return breakAt(index, number, "kind", "is missing or not a non-empty string");
    }
    auto time = entry.find("time");
    if (time == entry.end() || !time->is_string()) {
        return breakAt(index, number, "time", "is missing or not a string");
    }
    auto actor = entry.find("actor");
    if (actor != entry.end() && !actor->is_string()) {
        return breakAt(index, number, "actor", "is not a string");
    }
    auto prev = entry.find("prev");
    if (prev == entry.end() || !prev->is_string() ||
        !isLowerHex64(prev->get_ref<const std::string&>())) {
        return breakAt(index, number, "prev", "is missing or not 64 lowercase hex digits");
    }
    auto hash = entry.find("hash");
    if (hash == entry.end() || !hash->is_string() ||
        !isLowerHex64(hash->get_ref<const std::string&>())) {
        return breakAt(index, number, "hash", "is missing or not 64 lowercase hex digits");
    }
    return std::nullopt;
}

}  // namespace

std::string auditHashedText(const json& entry) {
    if (!entry.is_object() || !entry.contains("hash")) return canonical(entry);
    json copy = entry;
    copy.erase("hash");
    return canonical(copy);
}

std::string auditEntryHash(const std::string& previousHash, const json& entry) {
    return sha256Hex(previousHash + auditHashedText(entry));
}

const json& appendAuditEntry(json& audit, const AuditEvent& event) {
    if (audit.is_null()) audit = json::array();
    if (!audit.is_array()) throw std::invalid_argument("the audit log is not a JSON array");
    if (event.kind.empty()) throw std::invalid_argument("an audit entry needs a kind");
    long long seq = 1;
    std::string previous = kAuditGenesisHash;
    if (!audit.empty()) {
        const json& last = audit.back();
        seq = static_cast<long long>(audit.size()) + 1;
        if (last.is_object()) {
            auto lastSeq = last.find("seq");
            if (lastSeq != last.end() && lastSeq->is_number_integer()) {
                seq = lastSeq->get<long long>() + 1;
            }
            auto lastHash = last.find("hash");
            if (lastHash != last.end() && lastHash->is_string()) previous = *lastHash;
        }
    }
    json entry = {{"seq", seq},
                  {"time", event.time},
                  {"kind", event.kind},
                  {"detail", event.detail},
                  {"prev", previous}};
    if (!event.actor.empty()) entry["actor"] = event.actor;
    // The stored entry is parsed back from the text that is hashed, so text that was not
    // valid UTF-8 is stored as it was hashed (with U+FFFD in place of the bad bytes).
    json stored = json::parse(canonical(entry));
    stored["hash"] = sha256Hex(previous + canonical(stored));
    audit.push_back(std::move(stored));
    return audit.back();
}

AuditCheck verifyAudit(const json& audit) {
    AuditCheck check;
    if (audit.is_null()) return check;
    if (!audit.is_array()) {
        check.broken = breakAt(0, std::nullopt, "", "the audit log is not a JSON array");
        return check;
    }
    std::string previous = kAuditGenesisHash;
    for (std::size_t i = 0; i < audit.size(); ++i) {
        const json& entry = audit[i];
        if (std::optional<AuditBreak> shape = checkShape(entry, i)) {
            check.broken = std::move(shape);
            return check;
        }
        long long seq = entry["seq"].get<long long>();
        const std::string& prev = entry["prev"].get_ref<const std::string&>();
        if (prev != previous) {
            check.broken = breakAt(i, seq, "prev",
                                   "is " + prev + ", but the entry before has hash " + previous);
            return check;
        }
        std::string expected = auditEntryHash(previous, entry);
        const std::string& stored = entry["hash"].get_ref<const std::string&>();
        if (stored != expected) {
            check.broken = breakAt(i, seq, "hash",
                                   "does not match the entry's content: the content or the "
                                   "hash was changed (the content hashes to " + expected + ")");
            return check;
        }
        previous = stored;
        check.entries = i + 1;
        check.lastHash = stored;
    }
    return check;
}

std::string describeAuditBreak(const AuditBreak& broken) {
    std::string where = "entry " + std::to_string(broken.index + 1);
    if (broken.seq) where += " (seq " + std::to_string(*broken.seq) + ")";
    if (!broken.field.empty()) where += ", field " + broken.field;
    return where + ": " + broken.reason;
}

}  // namespace baton
