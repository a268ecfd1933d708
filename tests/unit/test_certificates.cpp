#include <doctest/doctest.h>

#include "core/certificates.h"

using namespace baton;

namespace {

// Two equal employees; clients of value 10, 10, 1 and difficulty 0, 0, 9.
FairnessInput twoEmployees(std::vector<int> owner) {
    FairnessInput in;
    in.employeeIds = {"A", "B"};
    in.weights = {1.0, 1.0};
    in.targets = {10.5, 10.5};
    in.difficultyShares = {4.5, 4.5};
    in.clientIds = {"C1", "C2", "C3"};
    in.values = {10.0, 10.0, 1.0};
    in.difficulties = {0.0, 0.0, 9.0};
    in.fits = {0.5, 0.5, 0.5};
    in.continuity = {0, 1, 0};
    in.owner = std::move(owner);
    return in;
}

}  // namespace

TEST_SUITE("certificates") {
    TEST_CASE("balanced split passes every test") {
        Certificates c = computeCertificates(twoEmployees({0, 1, 1}), nullptr);
        CHECK(c.wprop1Value);
        CHECK(c.wprop1Difficulty);
        CHECK(c.wef1Value);
        CHECK(c.wef1Difficulty);
        CHECK(c.efCBoth == 1);
        CHECK(c.witnesses.empty());
    }

    TEST_CASE("one bundle with everything fails with witnesses") {
        Certificates c = computeCertificates(twoEmployees({0, 0, 0}), [](const Witness&) {
            return std::optional<std::string>("pin C1 → A");
        });
        CHECK_FALSE(c.wprop1Value);
        CHECK_FALSE(c.wef1Value);
        CHECK(c.wprop1Difficulty);
        // B envies A until all three clients leave A's bundle (21, 11, 1, then 0).
        CHECK(c.efCBoth == 3);
        REQUIRE(c.witnesses.size() == 2);
        CHECK(c.witnesses[0].certificate == "wprop1_value");
        CHECK(c.witnesses[0].employees == std::vector<std::string>{"B"});
        CHECK(c.witnesses[1].certificate == "wef1_value");
        CHECK(c.witnesses[1].employees == std::vector<std::string>{"B", "A"});
        CHECK(c.witnesses[1].client == "C1");
        CHECK(*c.witnesses[1].constraint == "pin C1 → A");
    }

    TEST_CASE("wprop1 value skips the holder's top two") {
        // A owns the two most valuable clients and still misses its target: the best
        // client outside A's bundle is the third, worth 5, not the second, worth 9.
        FairnessInput in;
        in.employeeIds = {"A", "B"};
        in.weights = {1.0, 1.0};
        in.targets = {26.0, 3.0};
        in.difficultyShares = {0.0, 0.0};
        in.clientIds = {"C1", "C2", "C3", "C4"};
        in.values = {10.0, 9.0, 5.0, 5.0};
        in.difficulties = {0.0, 0.0, 0.0, 0.0};
        in.fits = {0.5, 0.5, 0.5, 0.5};
        in.continuity = {0, 0, 0, 0};
        in.owner = {0, 0, 1, 1};
        Certificates c = computeCertificates(in, nullptr);
        // 10 + 9 + 5 = 24 < 26, whereas adding the second most valuable client gives 28.
        CHECK_FALSE(c.wprop1Value);
        REQUIRE_FALSE(c.witnesses.empty());
        CHECK(c.witnesses[0].certificate == "wprop1_value");
        CHECK(c.witnesses[0].employees == std::vector<std::string>{"A"});
        CHECK(c.witnesses[0].client == "C3");
    }

    TEST_CASE("figures of a split") {
        std::vector<std::string> notes;
        Figures f = computeFigures(twoEmployees({0, 1, 1}), 1.5, notes);
        CHECK(f.totalFit == doctest::Approx(1.5));
        CHECK(f.priceOfFairness == 0.0);
        CHECK(f.maxRelativeDeviation == doctest::Approx(0.5 / 10.5).epsilon(1e-5));
        CHECK(f.continuityRate == doctest::Approx(1.0 / 3.0).epsilon(1e-5));
        CHECK(f.difficultySpread == doctest::Approx(1.0));
        CHECK(f.gini == doctest::Approx(0.5 / 21.0).epsilon(1e-5));
        CHECK(notes.empty());
    }

    TEST_CASE("zero denominators give 0 with a note") {
        std::vector<std::string> notes;
        Figures f = computeFigures(twoEmployees({-1, -1, -1}), 0.0, notes);
        CHECK(f.unassigned == 3);
        CHECK(f.priceOfFairness == 0.0);
        CHECK(f.continuityRate == 0.0);
        CHECK(notes == std::vector<std::string>{
                           "price_of_fairness is 0: the best allocation has total fit 0",
                           "gini is 0: no employee received any value",
                           "continuity_rate is 0: no client was placed"});
    }
}
