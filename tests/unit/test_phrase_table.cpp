// The shared lookup of the code tables: a code is found only under its own group, and the
// language flag picks the text.
#include <doctest/doctest.h>

#include <string>

#include "io/phrase_table.h"

using namespace baton;

namespace {

constexpr CodePhrase kRows[] = {
    {"stage.final", "Final", "定案"},
    {"status.active", "active", "在职"},
    {"status.inactive", "inactive", "不在职"},
};

}  // namespace

TEST_SUITE("phrase table") {
    TEST_CASE("code is found in its group") {
        const char* english = findCodePhrase(kRows, "status", "active", false);
        const char* chinese = findCodePhrase(kRows, "status", "active", true);
        REQUIRE(english != nullptr);
        REQUIRE(chinese != nullptr);
        CHECK(std::string(english) == "active");
        CHECK(std::string(chinese) == "在职");
    }

    TEST_CASE("code of another group is missing") {
        CHECK(findCodePhrase(kRows, "stage", "active", false) == nullptr);
        CHECK(findCodePhrase(kRows, "status", "final", false) == nullptr);
    }

    TEST_CASE("partial key is missing") {
        CHECK(findCodePhrase(kRows, "status", "activ", false) == nullptr);
        CHECK(findCodePhrase(kRows, "status", "ctive", false) == nullptr);
        CHECK(findCodePhrase(kRows, "stat", "us.active", false) == nullptr);
        CHECK(findCodePhrase(kRows, "status.active", "", false) == nullptr);
    }
}
