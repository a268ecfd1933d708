// Text that contains a NUL character reaches the readers whole, so they report the NUL's
// position instead of an empty file. The page API passes its documents with their length.
#include <doctest/doctest.h>

#include <string>

#include "app/session.h"
#include "store/backup.h"

using namespace baton;

namespace {

// U+0000 then U+FFFF, as a script passes '\u0000\uffff'.
const std::string kNulText("\0\xEF\xBF\xBF", 4);

}  // namespace

TEST_SUITE("session nul text") {
    TEST_CASE("verify reports the nul position") {
        Session session;
        session.loadDemo();
        VerifyOutcome outcome = session.verifyResultText(kNulText);
        CHECK_FALSE(outcome.readable);
        REQUIRE(outcome.breaches.size() == 1);
        INFO(outcome.breaches[0]);
        CHECK(outcome.breaches[0].find("line 1, column 1") != std::string::npos);
        CHECK(outcome.breaches[0].find("empty") == std::string::npos);
    }

    TEST_CASE("workspace import reports the nul position") {
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(kNulText);
        CHECK_FALSE(outcome.ok);
        REQUIRE(outcome.errors.size() == 1);
        INFO(outcome.errors[0].message);
        CHECK(outcome.errors[0].line == 1);
        CHECK(outcome.errors[0].column == 1);
        CHECK(outcome.errors[0].message.find("empty") == std::string::npos);
    }

    TEST_CASE("nul after json is an error") {
        // nlohmann::json ends its input at a NUL, so the reader checks for one first.
        Session session;
        ImportOutcome outcome = session.importWorkspaceText(std::string("{}\0", 3));
        CHECK_FALSE(outcome.ok);
        REQUIRE_FALSE(outcome.errors.empty());
        INFO(outcome.errors[0].message);
        CHECK(outcome.errors[0].line == 1);
        CHECK(outcome.errors[0].column == 3);
        CHECK(outcome.errors[0].message.find("NUL character (U+0000)") != std::string::npos);
    }

    TEST_CASE("nul in a backup is an error") {
        BackupReadResult read = readBackup(std::string("{\"format\": \"baton-backup\"}\0x", 28));
        CHECK_FALSE(read.workspace);
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].line == 1);
        CHECK(read.errors[0].column == 27);
    }
}
