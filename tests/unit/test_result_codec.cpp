#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "io/allocation_json.h"
#include "store/result_codec.h"

namespace {

// A real result of a generated workspace, with a reviewed proposal (so a fourth baseline
// with breaches) and a few entries the run did not happen to produce.
baton::AllocationResult sampleResult() {
    baton::GenerateOptions generate;
    generate.seed = 21;
    generate.employees = 25;
    generate.clients = 700;
    generate.leavers = 3;
    baton::Workspace ws = baton::generateWorkspace(generate);
    baton::Evaluation ev = baton::evaluate(ws, ws.policy);
    baton::AllocateOptions options;
    options.proposal = std::vector<baton::ProposedPair>{{ws.clients[0].id, "nobody"},
                                                        {ws.clients[1].id, ws.employees[0].id}};
    baton::AllocationResult result = baton::allocate(ws, ws.policy, ev, options);
    result.unassigned.push_back({"C-extra", "capacity_exhausted", "every employee is full"});
    result.certificates.witnesses.push_back({"wprop1_value", {"E1", "E2"}, "C1", "capacity"});
    result.certificates.witnesses.push_back({"wef1_value", {"E3"}, "", std::nullopt});
    result.notes.push_back("名单中的说明");  // non-ASCII text survives
    return result;
}

}  // namespace

TEST_SUITE("result codec") {
    TEST_CASE("round trip writes the same result JSON") {
        baton::AllocationResult result = sampleResult();
        REQUIRE(!result.assignments.empty());
        REQUIRE(result.baselines.count("proposal") == 1);
        CHECK(!result.baselines["proposal"].breaches.empty());
        std::string encoded = baton::encodeResult(result);
        baton::AllocationResult decoded = baton::decodeResult(encoded);
        CHECK(baton::writeAllocation(decoded) == baton::writeAllocation(result));
        CHECK(decoded.certificates.witnesses.back().constraint == std::nullopt);
        CHECK(*decoded.certificates.witnesses[decoded.certificates.witnesses.size() - 2]
                   .constraint == "capacity");
        // Repeated ids are stored once, so the binary form is well below the JSON.
        CHECK(encoded.size() < baton::writeAllocation(result).size() / 2);
    }

    TEST_CASE("an empty result round-trips") {
        baton::AllocationResult empty;
        CHECK(baton::writeAllocation(baton::decodeResult(baton::encodeResult(empty))) ==
              baton::writeAllocation(empty));
    }

    TEST_CASE("damaged bytes are rejected") {
        std::string encoded = baton::encodeResult(sampleResult());
        CHECK_THROWS_AS(baton::decodeResult(""), std::runtime_error);
        CHECK_THROWS_AS(baton::decodeResult("{\"format\": 1}"), std::runtime_error);
        for (std::size_t cut : {std::size_t(9), std::size_t(40), encoded.size() / 2,
                                encoded.size() - 1}) {
            CAPTURE(cut);
            CHECK_THROWS_AS(baton::decodeResult(encoded.substr(0, cut)), std::runtime_error);
        }
        CHECK_THROWS_AS(baton::decodeResult(encoded + "x"), std::runtime_error);
        std::string otherVersion = encoded;
        otherVersion[8] = 9;
        CHECK_THROWS_AS(baton::decodeResult(otherVersion), std::runtime_error);
    }
}
