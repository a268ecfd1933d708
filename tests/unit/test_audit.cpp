#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/audit.h"
#include "core/sha256.h"

using baton::AuditEvent;
using nlohmann::json;

namespace {

// A chain of four entries with text in two scripts, numbers and a nested detail.
json smallChain() {
    json audit = json::array();
    baton::appendAuditEntry(audit, AuditEvent{"import", "2026-12-01T09:00:00Z", "",
                                              {{"source", "demo"}, {"clients", 200}}});
    baton::appendAuditEntry(audit, AuditEvent{"status", "2026-12-01T09:05:00Z", "王芳",
                                              {{"employee", "E07"},
                                               {"from", "active"},
                                               {"to", "leaving"},
                                               {"last_day", "2026-12-31"}}});
    baton::appendAuditEntry(audit, AuditEvent{"policy", "2026-12-01T09:06:30Z", "",
                                              {{"from_version", 1}, {"to_version", 2},
                                               {"weights", {0.5, 0.25, -1.5}}}});
    baton::appendAuditEntry(audit, AuditEvent{"run", "2026-12-01T09:07:00Z", "",
                                              {{"method", "fair"}, {"seed", 7}}});
    return audit;
}

}  // namespace

TEST_SUITE("audit") {
    TEST_CASE("first entry chains to zeros") {
        json audit = json::array();
        const json& entry = baton::appendAuditEntry(
            audit, AuditEvent{"import", "2026-12-01T09:00:00Z", "", {{"source", "demo"}}});
        CHECK(entry["seq"] == 1);
        CHECK(entry["prev"] == baton::kAuditGenesisHash);
        CHECK_FALSE(entry.contains("actor"));
        // The hash covers the zeros followed by the entry's canonical JSON without "hash".
        std::string text =
            R"({"detail":{"source":"demo"},"kind":"import","prev":")" + baton::kAuditGenesisHash +
            R"(","seq":1,"time":"2026-12-01T09:00:00Z"})";
        CHECK(baton::auditHashedText(entry) == text);
        CHECK(entry["hash"] == baton::sha256Hex(baton::kAuditGenesisHash + text));
    }

    TEST_CASE("entries chain by prev and seq") {
        json audit = smallChain();
        REQUIRE(audit.size() == 4);
        for (std::size_t i = 1; i < audit.size(); ++i) {
            CHECK(audit[i]["seq"] == static_cast<long long>(i) + 1);
            CHECK(audit[i]["prev"] == audit[i - 1]["hash"]);
        }
        CHECK(audit[1]["actor"] == "王芳");
        baton::AuditCheck check = baton::verifyAudit(audit);
        CHECK(check.ok());
        CHECK(check.entries == 4);
        CHECK(check.lastHash == audit[3]["hash"]);
    }

    TEST_CASE("empty and null logs verify") {
        CHECK(baton::verifyAudit(json::array()).ok());
        CHECK(baton::verifyAudit(json()).ok());
        CHECK(baton::verifyAudit(json::array()).lastHash == baton::kAuditGenesisHash);
    }

    TEST_CASE("append rejects a bad log or kind") {
        json object = json::object();
        CHECK_THROWS_AS(baton::appendAuditEntry(object, AuditEvent{"run", "t", "", {}}),
                        std::invalid_argument);
        json audit = json::array();
        CHECK_THROWS_AS(baton::appendAuditEntry(audit, AuditEvent{"", "t", "", {}}),
                        std::invalid_argument);
        CHECK(audit.empty());
    }

    TEST_CASE("invalid UTF-8 is stored as hashed") {
        json audit = json::array();
        baton::appendAuditEntry(audit, AuditEvent{"edit", "t", "", {{"name", "bad \xff byte"}}});
        CHECK(baton::verifyAudit(audit).ok());
        // A round trip through text keeps the chain valid.
        CHECK(baton::verifyAudit(json::parse(audit.dump())).ok());
    }

    TEST_CASE("every changed character is detected") {
        const json chain = smallChain();
        int positions = 0;
        int parseFailures = 0;
        for (std::size_t index = 0; index < chain.size(); ++index) {
            // The entry's whole canonical text, hash included, so a changed hash counts too.
            const std::string text = chain[index].dump();
            for (std::size_t at = 0; at < text.size(); ++at) {
                for (char replacement : {'x', '7'}) {
                    if (text[at] == replacement) continue;
                    std::string tampered = text;
                    tampered[at] = replacement;
                    ++positions;
                    json entry = json::parse(tampered, nullptr, false);
                    if (entry.is_discarded()) {
                        ++parseFailures;  // a reader rejects the file before verifying
                        continue;
                    }
                    json audit = chain;
                    audit[index] = entry;
                    baton::AuditCheck check = baton::verifyAudit(audit);
                    INFO("entry ", index, " position ", at, ": ", tampered);
                    REQUIRE_FALSE(check.ok());
                    CHECK(check.broken->index == index);
                }
            }
        }
        CHECK(positions > 1000);
        CHECK(parseFailures < positions);
    }

    TEST_CASE("break names the field") {
        json audit = smallChain();
        SUBCASE("content") {
            audit[2]["detail"]["to_version"] = 3;
            baton::AuditCheck check = baton::verifyAudit(audit);
            REQUIRE(check.broken);
            CHECK(check.broken->index == 2);
            CHECK(check.broken->seq == 3);
            CHECK(check.broken->field == "hash");
            CHECK(check.entries == 2);
        }
        SUBCASE("rehashed entry breaks the next prev") {
            audit[1]["detail"]["to"] = "departed";
            audit[1]["hash"] = baton::auditEntryHash(audit[0]["hash"], audit[1]);
            baton::AuditCheck check = baton::verifyAudit(audit);
            REQUIRE(check.broken);
            CHECK(check.broken->index == 2);
            CHECK(check.broken->field == "prev");
        }
        SUBCASE("removed entry") {
            audit.erase(1);
            baton::AuditCheck check = baton::verifyAudit(audit);
            REQUIRE(check.broken);
            CHECK(check.broken->index == 1);
            CHECK(check.broken->field == "seq");
        }
        SUBCASE("missing hash") {
            audit[3].erase("hash");
            baton::AuditCheck check = baton::verifyAudit(audit);
            REQUIRE(check.broken);
            CHECK(check.broken->field == "hash");
            CHECK(baton::describeAuditBreak(*check.broken).rfind("entry 4 (seq 4), field hash", 0) ==
                  0);
        }
        SUBCASE("entry not an object") {
            audit[0] = "import";
            baton::AuditCheck check = baton::verifyAudit(audit);
            REQUIRE(check.broken);
            CHECK(check.broken->index == 0);
            CHECK(check.broken->field.empty());
        }
    }

    TEST_CASE("append after a break keeps the break") {
        json audit = smallChain();
        audit[1]["time"] = "2026-12-02T00:00:00Z";
        baton::appendAuditEntry(audit, AuditEvent{"run", "t", "", {}});
        CHECK(audit.back()["seq"] == 5);
        baton::AuditCheck check = baton::verifyAudit(audit);
        REQUIRE(check.broken);
        CHECK(check.broken->index == 1);
    }
}
