#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/allocation_run.h"
#include "app/session.h"
#include "core/generator.h"
#include "io/allocation_json.h"
#include "io/workspace_json.h"
#include "store/snapshot.h"

using baton::AllocateOptions;
using baton::AllocationJob;
using baton::Session;

namespace {

// A session on a generated workspace with several leavers, so the run has real work.
void openGenerated(Session& session, std::uint64_t seed) {
    baton::GenerateOptions generate;
    generate.seed = seed;
    generate.employees = 30;
    generate.clients = 900;
    generate.leavers = 4;
    baton::Workspace workspace = baton::generateWorkspace(generate);
    baton::ImportOutcome outcome = session.importWorkspaceText(baton::writeWorkspace(workspace));
    REQUIRE(outcome.ok);
    REQUIRE(session.releasedCount() > 0);
}

}  // namespace

TEST_SUITE("allocation run") {
    TEST_CASE("job result equals Session::allocate") {
        Session session;
        openGenerated(session, 11);
        AllocateOptions options;
        options.seed = 5;
        AllocationJob job = session.allocationJob(options);
        CHECK(job.released == session.releasedCount());
        std::string fromJob = baton::runAllocationJob(*job.snapshot, job.optionsJson);
        std::string inSession = session.allocate(options);
        CHECK(fromJob == inSession);
    }

    TEST_CASE("job reports every phase in order") {
        Session session;
        openGenerated(session, 12);
        AllocationJob job = session.allocationJob(AllocateOptions{});
        std::vector<std::string> phases;
        std::vector<double> fractions;
        baton::runAllocationJob(*job.snapshot, job.optionsJson,
                                [&](const char* phase, double fraction) {
                                    phases.emplace_back(phase);
                                    fractions.push_back(fraction);
                                });
        std::vector<std::string> expected = {"evaluation", "context", "candidates",
                                             "auction", "fairness repair", "baselines",
                                             "explanations", "certificates"};
        CHECK(phases == expected);
        for (std::size_t i = 1; i < fractions.size(); ++i) CHECK(fractions[i] > fractions[i - 1]);
    }

    TEST_CASE("adopted result equals a local run") {
        Session local;
        openGenerated(local, 13);
        Session remote;
        openGenerated(remote, 13);
        AllocationJob job = remote.allocationJob(AllocateOptions{});
        std::string text = baton::runAllocationJob(*job.snapshot, job.optionsJson);
        std::string error;
        REQUIRE(remote.adoptAllocation(text, job.revision, error));
        CHECK(error.empty());
        std::string expected = local.allocate(AllocateOptions{});
        CHECK(remote.lastResultText() == expected);
        REQUIRE(remote.lastResult() != nullptr);
        // The result read back writes the same text, so the panels see what a local run
        // would have given them: explanations, baselines, certificates and figures.
        CHECK(baton::writeAllocation(*remote.lastResult()) == expected);
        CHECK(remote.summary().assigned == local.summary().assigned);
        CHECK(remote.revision() == local.revision());
        baton::ApplyOutcome applied = remote.applyProposal();
        CHECK(applied.ok);
    }

    TEST_CASE("the save and the job share one snapshot per revision") {
        Session session;
        openGenerated(session, 16);
        std::shared_ptr<const std::string> saved = session.snapshot();
        CHECK(*saved == baton::writeSnapshot(session.workspace()));
        CHECK(session.snapshot() == saved);  // the same revision writes nothing new
        AllocationJob job = session.allocationJob(AllocateOptions{});
        CHECK(job.snapshot == saved);

        // A run adds an audit entry: a save needs the new bytes, a job does not.
        session.allocate(AllocateOptions{});
        AllocationJob next = session.allocationJob(AllocateOptions{});
        CHECK(next.snapshot == saved);
        std::shared_ptr<const std::string> resaved = session.snapshot();
        CHECK(resaved != saved);
        CHECK(*resaved == baton::writeSnapshot(session.workspace()));

        // A policy change is an input of the run: the job gets a new snapshot with it.
        baton::Policy policy = session.workspace().policy;
        policy.seed += 1;
        session.setPolicy(policy);
        AllocationJob changed = session.allocationJob(AllocateOptions{});
        CHECK(changed.snapshot != resaved);
        CHECK(*changed.snapshot == baton::writeSnapshot(session.workspace()));
        CHECK(baton::runAllocationJob(*changed.snapshot, changed.optionsJson) ==
              session.allocate(AllocateOptions{}));
    }

    TEST_CASE("adopting the encoded result equals a local run") {
        Session local;
        openGenerated(local, 17);
        Session remote;
        openGenerated(remote, 17);
        AllocationJob job = remote.allocationJob(AllocateOptions{});
        baton::AllocationJobOutput output =
            baton::runAllocationJobOutput(*job.snapshot, job.optionsJson);
        std::string error;
        REQUIRE(remote.adoptAllocation(output.text, output.encoded, job.revision, error));
        std::string expected = local.allocate(AllocateOptions{});
        CHECK(remote.lastResultText() == expected);
        REQUIRE(remote.lastResult() != nullptr);
        CHECK(baton::writeAllocation(*remote.lastResult()) == expected);

        // Damaged encoded bytes fall back to the text, with a warning in the log.
        Session fallback;
        openGenerated(fallback, 17);
        AllocationJob again = fallback.allocationJob(AllocateOptions{});
        std::string damaged = output.encoded.substr(0, output.encoded.size() / 3);
        REQUIRE(fallback.adoptAllocation(output.text, damaged, again.revision, error));
        CHECK(baton::writeAllocation(*fallback.lastResult()) == expected);
    }

    TEST_CASE("a job cache serves the next job on the same snapshot") {
        Session session;
        openGenerated(session, 18);
        baton::AllocationJobCache cache;
        AllocateOptions first;
        first.seed = 3;
        AllocationJob job = session.allocationJob(first);
        std::string one = baton::runAllocationJobOutput(*job.snapshot, job.optionsJson, nullptr,
                                                        &cache, job.inputRevision).text;
        CHECK(one == session.allocate(first));
        REQUIRE(cache.workspace.has_value());
        CHECK(cache.snapshot == *job.snapshot);

        // Another seed on the same snapshot: the cached workspace serves, the result is
        // the one of a fresh run.
        AllocateOptions second;
        second.seed = 4;
        AllocationJob again = session.allocationJob(second);
        REQUIRE(*again.snapshot == *job.snapshot);
        std::string two = baton::runAllocationJobOutput(*again.snapshot, again.optionsJson,
                                                        nullptr, &cache, again.inputRevision).text;
        CHECK(cache.inputHashes.size() == 2);
        CHECK(two == baton::runAllocationJob(*again.snapshot, again.optionsJson));

        // After an audit entry the save writes new bytes, but the input revision is the
        // same, so the cached workspace still serves.
        session.allocate(second);
        std::shared_ptr<const std::string> saved = session.snapshot();
        AllocationJob audited = session.allocationJob(second);
        REQUIRE(*audited.snapshot != *job.snapshot);
        CHECK(audited.inputRevision == job.inputRevision);
        std::string four = baton::runAllocationJobOutput(*audited.snapshot, audited.optionsJson,
                                                         nullptr, &cache,
                                                         audited.inputRevision).text;
        CHECK(cache.snapshot == *job.snapshot);  // not read again
        CHECK(four == two);

        // A changed policy makes a new snapshot, which replaces the cached workspace.
        baton::Policy policy = session.workspace().policy;
        policy.constraints.defaultMaxClients = 500;
        session.setPolicy(policy);
        AllocationJob changed = session.allocationJob(second);
        CHECK(changed.inputRevision != job.inputRevision);
        std::string three = baton::runAllocationJobOutput(*changed.snapshot, changed.optionsJson,
                                                          nullptr, &cache,
                                                          changed.inputRevision).text;
        CHECK(cache.snapshot == *changed.snapshot);
        CHECK(cache.workspace->policy.constraints.defaultMaxClients == 500);
        CHECK(three == session.allocate(second));
    }

    TEST_CASE("adopt rejects a changed workspace") {
        Session session;
        openGenerated(session, 14);
        AllocationJob job = session.allocationJob(AllocateOptions{});
        std::string text = baton::runAllocationJob(*job.snapshot, job.optionsJson);
        session.allocate(AllocateOptions{});  // any change of the workspace bumps the revision
        std::string before = session.lastResultText();
        std::string error;
        CHECK_FALSE(session.adoptAllocation(text, job.revision, error));
        CHECK(error.find("changed") != std::string::npos);
        CHECK(session.lastResultText() == before);
    }

    TEST_CASE("adopt rejects text that is no result") {
        Session session;
        openGenerated(session, 15);
        std::string error;
        CHECK_FALSE(session.adoptAllocation("{\"format\": 3}", session.revision(), error));
        CHECK(error.find("unreadable") != std::string::npos);
        CHECK_FALSE(session.adoptAllocation("not json", session.revision(), error));
        CHECK(session.lastResult() == nullptr);
    }

    TEST_CASE("job carries the proposal and baseline") {
        Session session;
        openGenerated(session, 16);
        std::string fair = session.allocate(AllocateOptions{});
        nlohmann::json result = nlohmann::json::parse(fair);
        nlohmann::json proposal = {{"assignments", nlohmann::json::array()}};
        for (const auto& a : result["assignments"]) {
            proposal["assignments"].push_back({{"client", a["client"]}, {"employee", a["employee"]}});
        }
        REQUIRE(session.importProposalText(proposal.dump()).ok);
        AllocateOptions options;
        options.baseline = "proposal";
        AllocationJob job = session.allocationJob(options);
        std::string fromJob = baton::runAllocationJob(*job.snapshot, job.optionsJson);
        CHECK(fromJob == session.allocate(options));
        CHECK(nlohmann::json::parse(fromJob)["method"] == "proposal");
    }

    TEST_CASE("options JSON round trip") {
        AllocateOptions options;
        options.seed = 42;
        options.baseline = "greedy_fit";
        options.proposal = std::vector<baton::ProposedPair>{{"C2", "E1"}, {"C1", "E9"}};
        AllocateOptions read;
        std::string error;
        REQUIRE(baton::allocationOptionsFromJson(baton::allocationOptionsToJson(options), read,
                                                 error));
        CHECK(read.seed == options.seed);
        CHECK(read.baseline == "greedy_fit");
        REQUIRE(read.proposal.has_value());
        REQUIRE(read.proposal->size() == 2);
        CHECK((*read.proposal)[0].client == "C2");
        CHECK((*read.proposal)[1].employee == "E9");
    }

    TEST_CASE("invalid options name the field") {
        AllocateOptions read;
        std::string error;
        CHECK_FALSE(baton::allocationOptionsFromJson("[1]", read, error));
        CHECK(error.find("object") != std::string::npos);
        CHECK_FALSE(baton::allocationOptionsFromJson("{\"seed\": -3}", read, error));
        CHECK(error.find("seed") != std::string::npos);
        CHECK_FALSE(baton::allocationOptionsFromJson("{\"proposal\": [[\"C1\"]]}", read, error));
        CHECK(error.find("proposal[0]") != std::string::npos);
    }

    TEST_CASE("damaged snapshot is rejected") {
        Session session;
        openGenerated(session, 17);
        AllocationJob job = session.allocationJob(AllocateOptions{});
        std::string damaged = job.snapshot->substr(0, job.snapshot->size() / 2);
        CHECK_THROWS_AS(baton::runAllocationJob(damaged, job.optionsJson), std::invalid_argument);
        CHECK_THROWS_AS(baton::runAllocationJob(*job.snapshot, "{\"baseline\": 7}"),
                        std::invalid_argument);
    }
}
