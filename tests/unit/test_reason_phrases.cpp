// The phrases of the allocation result's reason codes: every code of the result format has
// an English and a Chinese phrase, and the Chinese report and statements show the phrases,
// never the codes.
#include <doctest/doctest.h>

#include <string>

#include "core/allocation.h"
#include "core/generator.h"
#include "io/cycle_report.h"
#include "io/reason_phrases.h"
#include "ui/strings.h"

using namespace baton;

namespace {

// The runners_up[].lost_because and unassigned[].reason codes of the allocation result
// format version 1, with not_in_proposal, which proposal results add.
constexpr const char* kLostCodes[] = {
    "capacity_full", "workload_full", "ineligible_status", "ineligible_need",     "conflict",
    "forbidden",     "team_boundary", "share_cap",         "fairness_target_met", "lower_fit"};
constexpr const char* kUnassignedCodes[] = {
    "no_eligible_employee", "capacity_exhausted", "workload_exhausted",
    "team_boundary",        "share_cap",          "pin_conflict",
    "not_in_proposal"};

bool hasNonAscii(const std::string& text) {
    for (unsigned char c : text) {
        if (c >= 0x80) return true;
    }
    return false;
}

void checkPhrases(const char* group, const char* code) {
    INFO(group << "." << code);
    const char* chinese = reasonPhrase(group, code, true);
    const char* english = reasonPhrase(group, code, false);
    REQUIRE(chinese != nullptr);
    REQUIRE(english != nullptr);
    CHECK(std::string(chinese) != code);
    CHECK(hasNonAscii(chinese));
    CHECK(std::string(english) != code);
    CHECK_FALSE(std::string(english).empty());
}

// A generated firm of 12 employees and 200 clients (seed 7), whose allocation has runners-up
// that lost for several reasons and unassigned clients.
struct Allocated {
    Workspace ws;
    AllocationResult result;
};

Allocated allocatedFirm() {
    GenerateOptions options;
    options.seed = 7;
    options.employees = 12;
    options.clients = 200;
    Allocated out{generateWorkspace(options), {}};
    AllocateOptions allocate;
    allocate.seed = 7;
    out.result = baton::allocate(out.ws, out.ws.policy, evaluate(out.ws, out.ws.policy), allocate);
    return out;
}

void checkNoCodes(const std::string& name, const std::string& text) {
    for (const char* code : kLostCodes) {
        INFO(name << " shows " << code);
        CHECK(text.find(std::string("(`") + code + "`)") == std::string::npos);
        CHECK(text.find(std::string("（") + code + "）") == std::string::npos);
    }
    for (const char* code : kUnassignedCodes) {
        INFO(name << " shows " << code);
        CHECK(text.find(std::string("| `") + code + "` |") == std::string::npos);
    }
}

// True when the text shows the phrase of any runner-up reason in brackets.
bool showsLostPhrase(const std::string& text, bool chinese) {
    for (const char* code : kLostCodes) {
        const char* phrase = reasonPhrase("lost", code, chinese);
        if (phrase == nullptr) continue;
        std::string shown = chinese ? std::string("（") + phrase : std::string("(") + phrase + ")";
        if (text.find(shown) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("reason phrases") {
    TEST_CASE("every reason code has phrases") {
        for (const char* code : kLostCodes) checkPhrases("lost", code);
        for (const char* code : kUnassignedCodes) checkPhrases("unassigned", code);
        CHECK(reasonPhrase("lost", "no_such_code", true) == nullptr);
        CHECK(reasonPhrase("unassigned", "capacity_full", true) == nullptr);
    }

    TEST_CASE("ui shows the shared phrases") {
        REQUIRE(ui::setLocale("zh-CN"));
        CHECK(std::string(ui::lostBecauseText("capacity_full")) == "已达客户上限");
        CHECK(std::string(ui::unassignedReasonText("pin_conflict")) == "指定相互冲突");
        REQUIRE(ui::setLocale("en"));
        CHECK(std::string(ui::lostBecauseText("capacity_full")) == "client limit reached");
        CHECK(std::string(ui::lostBecauseText("new_code")) == "new_code");
    }

    TEST_CASE("chinese report shows no codes") {
        Allocated firm = allocatedFirm();
        bool runnersUp = false;
        for (const Assignment& a : firm.result.assignments) runnersUp |= !a.runnersUp.empty();
        REQUIRE(runnersUp);
        REQUIRE_FALSE(firm.result.unassigned.empty());

        std::string report = cycleReport(firm.ws, nullptr, firm.result, "zh-CN", "md");
        checkNoCodes("report", report);
        CHECK(report.find(reasonPhrase("unassigned", firm.result.unassigned[0].reason, true)) !=
              std::string::npos);
        std::map<std::string, std::string> statements =
            cycleStatements(firm.ws, nullptr, firm.result, "zh-CN", "md");
        REQUIRE_FALSE(statements.empty());
        bool phraseShown = false;
        for (const auto& [employee, text] : statements) {
            checkNoCodes("statement " + employee, text);
            phraseShown |= showsLostPhrase(text, true);
        }
        CHECK(phraseShown);
    }

    TEST_CASE("english statements show phrases") {
        Allocated firm = allocatedFirm();
        std::map<std::string, std::string> statements =
            cycleStatements(firm.ws, nullptr, firm.result, "en", "md");
        bool phraseShown = false;
        for (const auto& [employee, text] : statements) {
            checkNoCodes("statement " + employee, text);
            phraseShown |= showsLostPhrase(text, false);
        }
        CHECK(phraseShown);
    }
}
