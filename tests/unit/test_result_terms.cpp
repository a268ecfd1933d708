// The names the cycle report gives the result's codes, and their agreement with the page.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/result_terms.h"
#include "ui/strings.h"

using namespace baton;

namespace {

// Restores English after a test that switches the page's language.
struct EnglishAfter {
    ~EnglishAfter() { ui::setLocale("en"); }
};

// The report's figures and certificates with the page's string for the same code.
const std::vector<std::pair<std::string, ui::Str>> kPageTerms = {
    {"figure.total_fit", ui::Str::FigureTotalFit},
    {"figure.price_of_fairness", ui::Str::FigurePriceOfFairness},
    {"figure.max_relative_deviation", ui::Str::FigureMaxDeviation},
    {"figure.gini", ui::Str::FigureGini},
    {"figure.difficulty_spread", ui::Str::FigureDifficultySpread},
    {"figure.continuity_rate", ui::Str::FigureContinuity},
    {"figure.unassigned", ui::Str::SectionUnassigned},
    {"certificate.wprop1_value", ui::Str::CertificateWprop1Value},
    {"certificate.wprop1_difficulty", ui::Str::CertificateWprop1Difficulty},
    {"certificate.wef1_value", ui::Str::CertificateWef1Value},
    {"certificate.wef1_difficulty", ui::Str::CertificateWef1Difficulty},
    {"certificate.ef_c_both", ui::Str::CertificateEfBothName},
    {"stage.departure", ui::Str::StageDeparture},
    {"stage.rules_published", ui::Str::StageRulesPublished},
    {"stage.proposal", ui::Str::StageProposal},
    {"stage.objections_closed", ui::Str::StageObjectionsClosed},
    {"stage.final", ui::Str::StageFinal},
    {"stage.handover", ui::Str::StageHandover},
    {"stage.follow_up", ui::Str::StageFollowUp},
    {"stage.closed", ui::Str::StageClosed},
    {"entitlement.equal", ui::Str::PolicyEntitlementEqual},
    {"entitlement.performance", ui::Str::PolicyEntitlementPerformance},
    {"entitlement.blend", ui::Str::PolicyEntitlementBlend},
};

// Splits "group.code" at its dot.
std::pair<std::string, std::string> splitKey(const std::string& key) {
    std::size_t dot = key.find('.');
    return {key.substr(0, dot), key.substr(dot + 1)};
}

}  // namespace

TEST_SUITE("result terms") {
    TEST_CASE("page and report agree") {
        EnglishAfter restore;
        for (const char* locale : {"en", "zh-CN"}) {
            REQUIRE(ui::setLocale(locale));
            bool chinese = std::string(locale) == "zh-CN";
            for (const auto& entry : kPageTerms) {
                // A named copy, because clang does not let CAPTURE's lambda take a binding.
                const auto& key = entry.first;
                CAPTURE(locale);
                CAPTURE(key);
                auto [group, code] = splitKey(key);
                const char* term = resultTerm(group, code, chinese);
                REQUIRE(term != nullptr);
                CHECK(std::string(term) == ui::tr(entry.second));
            }
            for (const char* method :
                 {"fair", "round_robin", "greedy_fit", "weighted_picking", "proposal"}) {
                CAPTURE(method);
                const char* term = resultTerm("method", method, chinese);
                REQUIRE(term != nullptr);
                CHECK(std::string(term) == ui::methodName(method));
            }
            for (EmployeeStatus status : {EmployeeStatus::Active, EmployeeStatus::Leaving,
                                          EmployeeStatus::Departed, EmployeeStatus::OnLeave}) {
                CAPTURE(toString(status));
                const char* term = resultTerm("status", toString(status), chinese);
                REQUIRE(term != nullptr);
                CHECK(std::string(term) == ui::statusText(status));
            }
        }
    }

    TEST_CASE("every term has both languages") {
        for (const ResultTerm& term : resultTerms()) {
            CAPTURE(term.key);
            CHECK(std::string(term.english).size() > 0);
            CHECK(std::string(term.chinese).size() > 0);
            CHECK(std::string(term.key).find('.') != std::string::npos);
        }
    }

    TEST_CASE("named code puts the words first") {
        CHECK(namedCode("figure", "total_fit", "en") == "Total fit (`total_fit`)");
        CHECK(namedCode("figure", "total_fit", "zh-CN") == "总匹配度（`total_fit`）");
        CHECK(namedCode("method", "fair", "zh-CN") == "公平求解器（`fair`）");
        CHECK(namedCode("status", "leaving", "en") == "`leaving`");
        CHECK(namedCode("status", "leaving", "zh-CN") == "即将离职（`leaving`）");
    }

    TEST_CASE("unknown code stays a code") {
        CHECK(namedCode("figure", "no_such_figure", "zh-CN") == "`no_such_figure`");
        CHECK(resultTerm("figure", "total", false) == nullptr);
        CHECK(resultTerm("figur", "total_fit", false) == nullptr);
    }
}
