// "Did you mean" suggestions: folded matches first, then a unique nearest name within the
// edit distance limit.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "io/name_suggest.h"

using namespace baton;

namespace {

const std::vector<std::string> kProducts = {"GTX Basic", "GTX Plus Pro", "GTX Pro",
                                            "MG Advanced", "MG Special", "GTK 500"};

}  // namespace

TEST_SUITE("name suggest") {
    TEST_CASE("folded match ignores case and separators") {
        NameSuggester suggester(kProducts);
        CHECK(suggester.suggest("GTXPro") == std::optional<std::string>("GTX Pro"));
        CHECK(suggester.suggest("gtx-pro") == std::optional<std::string>("GTX Pro"));
        CHECK(suggester.suggest("GTX_PLUS_PRO") == std::optional<std::string>("GTX Plus Pro"));
        CHECK(suggester.suggest("mgspecial") == std::optional<std::string>("MG Special"));
    }

    TEST_CASE("folded match takes the first listed") {
        NameSuggester suggester({"GTX-Pro", "GTX Pro"});
        CHECK(suggester.suggest("gtxpro") == std::optional<std::string>("GTX-Pro"));
    }

    TEST_CASE("near name within distance two") {
        NameSuggester suggester(kProducts);
        CHECK(suggester.suggest("MG Specail") == std::optional<std::string>("MG Special"));
        CHECK(suggester.suggest("MG Advancd") == std::optional<std::string>("MG Advanced"));
        CHECK(suggester.suggest("GTX Basik") == std::optional<std::string>("GTX Basic"));
    }

    TEST_CASE("a swap of two adjacent letters counts as one edit") {
        NameSuggester keys({"value", "difficulty", "performance", "fit"});
        CHECK(keys.suggest("valeu") == std::optional<std::string>("value"));
        CHECK(keys.suggest("perfromance") == std::optional<std::string>("performance"));
        CHECK(keys.suggest("fti") == std::optional<std::string>("fit"));
        NameSuggester weights({"monetary", "frequency", "recency", "potential", "tier"});
        CHECK(weights.suggest("moneatry") == std::optional<std::string>("monetary"));
        CHECK(weights.suggest("potnetial") == std::optional<std::string>("potential"));
        CHECK_FALSE(weights.suggest("valeu"));
    }

    TEST_CASE("distance three gets no suggestion") {
        NameSuggester suggester(kProducts);
        CHECK_FALSE(suggester.suggest("MG Spxxxal"));
        CHECK_FALSE(suggester.suggest("Nothing alike"));
    }

    TEST_CASE("unique nearest name is taken") {
        NameSuggester suggester({"GTX Pro"});
        CHECK(suggester.suggest("GTX Pr") == std::optional<std::string>("GTX Pro"));
    }

    TEST_CASE("tie between nearest names gets none") {
        // "GTX Pra" is one edit from both names.
        NameSuggester suggester({"GTX Pro", "GTX Prb"});
        CHECK_FALSE(suggester.suggest("GTX Pra"));
    }

    TEST_CASE("short names need a closer match") {
        // Up to two folded characters allow no edit, three to five allow one, six or more two.
        CHECK_FALSE(NameSuggester({"AB"}).suggest("AC"));
        CHECK(NameSuggester({"XYZ1"}).suggest("XYZ12") == std::optional<std::string>("XYZ1"));
        CHECK_FALSE(NameSuggester({"XYZ"}).suggest("XYZ12"));
        CHECK_FALSE(NameSuggester({"XYZ123"}).suggest("XYZ1"));
        CHECK(NameSuggester({"ABCD"}).suggest("ABCDEF") == std::optional<std::string>("ABCD"));
    }

    TEST_CASE("chinese names count code points") {
        // 机 and 表 differ in all three of their UTF-8 bytes, so a distance counted in bytes
        // would be 3.
        NameSuggester suggester({"华为手机旗舰", "小米电视"});
        CHECK(suggester.suggest("华为手表旗舰") == std::optional<std::string>("华为手机旗舰"));
        CHECK(suggester.suggest("华为 手机旗舰") == std::optional<std::string>("华为手机旗舰"));
        CHECK_FALSE(suggester.suggest("小米手表"));
    }

    TEST_CASE("empty list and empty name") {
        CHECK_FALSE(NameSuggester().suggest("GTX Pro"));
        CHECK_FALSE(NameSuggester(kProducts).suggest(""));
        CHECK_FALSE(NameSuggester(kProducts).suggest(" - _"));
    }

    TEST_CASE("invalid utf-8 compares byte by byte") {
        NameSuggester suggester({"Pro\xFF Max"});
        CHECK(suggester.suggest("pro\xFFmax") == std::optional<std::string>("Pro\xFF Max"));
        CHECK(suggester.suggest("Pro\xFE Max") == std::optional<std::string>("Pro\xFF Max"));
    }
}
