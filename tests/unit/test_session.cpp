#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "app/session.h"
#include "io/workspace_json.h"
#include "store/file_store.h"

using baton::EmployeeStatus;
using baton::Session;

namespace {

// The index of the first active employee who owns at least one client.
int firstActiveOwner(const baton::Workspace& w) {
    for (std::size_t i = 0; i < w.employees.size(); ++i) {
        if (w.employees[i].status != EmployeeStatus::Active) continue;
        for (const auto& c : w.clients) {
            if (c.owner && *c.owner == w.employees[i].id) return static_cast<int>(i);
        }
    }
    return -1;
}

// The id of the first client owned by a departed employee of the demo: a released client.
std::string releasedDemoClient(const baton::Workspace& w) {
    for (const auto& c : w.clients) {
        int owner = c.owner ? w.findEmployee(*c.owner) : -1;
        if (owner >= 0 && w.employees[std::size_t(owner)].status == EmployeeStatus::Departed)
            return c.id;
    }
    return {};
}

// Whether a log entry contains `text`.
bool logHas(const Session& session, const std::string& text) {
    for (const baton::LogEntry& entry : session.log().entries()) {
        if (entry.message.find(text) != std::string::npos) return true;
    }
    return false;
}

// The demo with its fair allocation applied, and the text of that allocation's result.
struct AppliedDemo {
    Session session;
    std::string result;

    AppliedDemo() {
        session.loadDemo();
        result = session.allocate(baton::AllocateOptions{});
        REQUIRE(session.applyProposal().ok);
    }
};

}  // namespace

TEST_SUITE("session") {
    TEST_CASE("demo opens with a released book") {
        Session session;
        session.loadDemo();
        CHECK(session.workspace().employees.size() >= 5);
        CHECK(session.workspace().clients.size() >= 50);
        CHECK(session.releasedCount() > 0);
        CHECK(session.summary().assigned == 0);
    }

    TEST_CASE("demo places every client after one more leaver") {
        Session session;
        session.loadDemo();
        // The active employee with the largest book leaves too.
        const baton::Workspace& ws = session.workspace();
        int largest = -1;
        std::size_t largestBook = 0;
        for (std::size_t i = 0; i < ws.employees.size(); ++i) {
            if (ws.employees[i].status != baton::EmployeeStatus::Active) continue;
            std::size_t book = 0;
            for (const baton::Client& c : ws.clients) book += c.owner == ws.employees[i].id ? 1 : 0;
            if (largest < 0 || book > largestBook) {
                largest = int(i);
                largestBook = book;
            }
        }
        REQUIRE(largest >= 0);
        REQUIRE(session.setEmployeeStatus(largest, baton::EmployeeStatus::Leaving, "2026-12-31"));
        session.allocate(baton::AllocateOptions{});
        REQUIRE(session.lastResult() != nullptr);
        CHECK(session.lastResult()->figures.unassigned == 0);
        CHECK(session.lastResult()->certificates.wprop1Value);
        CHECK(session.lastResult()->certificates.wprop1Difficulty);
    }

    TEST_CASE("invalid import keeps the open workspace") {
        Session session;
        session.loadDemo();
        std::string before = session.exportWorkspaceText();
        std::uint64_t revision = session.revision();

        baton::ImportOutcome syntax = session.importWorkspaceText("{\"format\": ");
        CHECK_FALSE(syntax.ok);
        REQUIRE_FALSE(syntax.errors.empty());
        CHECK(syntax.errors.front().line.has_value());

        nlohmann::json document = nlohmann::json::parse(before);
        document["clients"][0]["owner"] = "NOBODY";
        baton::ImportOutcome owner = session.importWorkspaceText(document.dump());
        CHECK_FALSE(owner.ok);
        bool named = false;
        for (const auto& e : owner.errors) named = named || e.path == "/clients/0/owner";
        CHECK(named);

        CHECK(session.exportWorkspaceText() == before);
        CHECK(session.revision() == revision);
    }

    TEST_CASE("deep nesting is rejected with a position") {
        Session session;
        session.loadDemo();
        std::string before = session.exportWorkspaceText();
        std::string deep =
            "{\"format\": \"baton-workspace\", \"version\": 1, \"x\": " + std::string(5000, '[') +
            std::string(5000, ']') + "}";
        baton::ImportOutcome outcome = session.importWorkspaceText(deep);
        CHECK_FALSE(outcome.ok);
        REQUIRE(outcome.errors.size() == 1);
        CHECK(outcome.errors[0].line == 1);
        // The document's "{" is level 1, so the 128th "[" after the 49-character prefix is 129.
        CHECK(outcome.errors[0].column == 177);
        CHECK(outcome.errors[0].message ==
              "invalid JSON: arrays and objects nest deeper than 128 levels; flatten the data "
              "at this position");
        CHECK(session.exportWorkspaceText() == before);
    }

    TEST_CASE("verify of a non-object names no empty path") {
        Session session;
        session.loadDemo();
        baton::VerifyOutcome outcome = session.verifyResultText("[]");
        CHECK_FALSE(outcome.readable);
        REQUIRE_FALSE(outcome.breaches.empty());
        CHECK(outcome.breaches.front().rfind(": ", 0) != 0);
    }

    TEST_CASE("verify of a truncated result gives its position") {
        Session session;
        session.loadDemo();
        // 64 bytes, 63 characters: the "é" takes two bytes, so the byte offset and the
        // character count differ.
        std::string cut =
            "{\"format\": \"baton-allocation\", \"note\": \"n\xC3\xA9\",\n"
            "  \"assignments\": [";
        baton::VerifyOutcome outcome = session.verifyResultText(cut);
        CHECK_FALSE(outcome.readable);
        const std::vector<std::string>& errors = outcome.breaches;
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].rfind("line 2, column 19, byte offset 64: invalid JSON: ", 0) == 0);
        CHECK(errors[0].find("unexpected end of input") != std::string::npos);
        CHECK(errors[0].find("the text ends before the JSON is complete, so it may be cut off: "
                             "save or copy the whole file again") != std::string::npos);
    }

    TEST_CASE("verify flags a result for another input") {
        Session session;
        session.loadDemo();
        std::string result = session.allocate(baton::AllocateOptions{});
        baton::VerifyOutcome clean = session.verifyResultText(result);
        CHECK(clean.ok());
        CHECK(clean.basis == baton::VerifyBasis::OpenWorkspace);
        REQUIRE(session.setEmployeeStatus(firstActiveOwner(session.workspace()),
                                          EmployeeStatus::OnLeave, ""));
        baton::VerifyOutcome stale = session.verifyResultText(result);
        CHECK_FALSE(stale.ok());
        CHECK(stale.basis == baton::VerifyBasis::OpenWorkspace);
        REQUIRE_FALSE(stale.breaches.empty());
        CHECK(stale.breaches.front().find("is not the hash of this workspace") !=
              std::string::npos);
    }

    TEST_CASE_FIXTURE(AppliedDemo, "verify after apply uses workspace before apply") {
        baton::VerifyOutcome outcome = session.verifyResultText(result);
        CHECK(outcome.readable);
        CHECK(outcome.basis == baton::VerifyBasis::BeforeApply);
        CHECK(outcome.breaches.empty());
        CHECK(outcome.ok());
        CHECK(logHas(session, "against the workspace as it was before Apply"));
    }

    TEST_CASE_FIXTURE(AppliedDemo, "verify after apply names a broken result") {
        nlohmann::json broken = nlohmann::json::parse(result);
        REQUIRE_FALSE(broken["assignments"].empty());
        broken["assignments"][0]["client"] = "no-such-client";
        baton::VerifyOutcome outcome = session.verifyResultText(broken.dump());
        CHECK(outcome.basis == baton::VerifyBasis::BeforeApply);
        CHECK_FALSE(outcome.ok());
        CHECK_FALSE(outcome.breaches.empty());
    }

    TEST_CASE_FIXTURE(AppliedDemo, "new result drops the copy before apply") {
        session.allocate(baton::AllocateOptions{});
        baton::VerifyOutcome outcome = session.verifyResultText(result);
        CHECK(outcome.basis == baton::VerifyBasis::OpenWorkspace);
        CHECK_FALSE(outcome.ok());
    }

    TEST_CASE_FIXTURE(AppliedDemo, "verify after an edit past apply checks nothing") {
        REQUIRE(session.setEmployeeStatus(firstActiveOwner(session.workspace()),
                                          EmployeeStatus::OnLeave, ""));
        baton::VerifyOutcome outcome = session.verifyResultText(result);
        CHECK(outcome.readable);
        CHECK(outcome.basis == baton::VerifyBasis::EditedAfterApply);
        CHECK(outcome.breaches.empty());
        CHECK_FALSE(outcome.ok());
        CHECK(logHas(session, "no longer matches the open workspace"));
    }

    TEST_CASE("export and import round trip") {
        Session first;
        first.loadDemo();
        Session second;
        baton::ImportOutcome outcome = second.importWorkspaceText(first.exportWorkspaceText());
        REQUIRE(outcome.ok);
        // The import itself is one more audit entry; everything else is the same.
        nlohmann::json before = nlohmann::json::parse(first.exportWorkspaceText());
        nlohmann::json after = nlohmann::json::parse(second.exportWorkspaceText());
        REQUIRE(after["audit"].size() == before["audit"].size() + 1);
        CHECK(after["audit"].back()["kind"] == "import");
        after["audit"].erase(after["audit"].size() - 1);
        CHECK(after == before);
    }

    TEST_CASE("marking a leaver releases the book") {
        Session session;
        session.loadDemo();
        int released = session.releasedCount();
        int employee = firstActiveOwner(session.workspace());
        REQUIRE(employee >= 0);
        CHECK(session.setEmployeeStatus(employee, EmployeeStatus::Leaving, "2027-01-31"));
        CHECK(session.releasedCount() > released);
        CHECK(session.workspace().employees[employee].lastDay == "2027-01-31");
        CHECK_FALSE(session.setEmployeeStatus(-1, EmployeeStatus::Active, ""));
    }

    TEST_CASE("apply makes the proposal the owners") {
        Session session;
        session.loadDemo();
        CHECK_FALSE(session.applyProposal().ok);

        std::string text = session.allocate(baton::AllocateOptions{});
        nlohmann::json result = nlohmann::json::parse(text);
        CHECK(result["format"] == "baton-allocation");
        REQUIRE(session.lastResult() != nullptr);
        REQUIRE_FALSE(session.lastResult()->assignments.empty());
        CHECK(session.summary().assigned ==
              static_cast<int>(session.lastResult()->assignments.size()));

        baton::ApplyOutcome applied = session.applyProposal();
        CHECK(applied.ok);
        CHECK(applied.moved > 0);
        for (const auto& a : session.lastResult()->assignments) {
            int c = session.workspace().findClient(a.client);
            REQUIRE(c >= 0);
            CHECK(session.workspace().clients[c].owner == a.employee);
        }
        CHECK_FALSE(session.applyProposal().ok);  // applying twice is rejected
    }

    TEST_CASE("allocation is the same for the same input") {
        Session a;
        a.loadDemo();
        Session b;
        REQUIRE(b.importWorkspaceText(a.exportWorkspaceText()).ok);
        CHECK(a.allocate(baton::AllocateOptions{}) == b.allocate(baton::AllocateOptions{}));
    }

    TEST_CASE("input hash follows edits and seeds") {
        Session session;
        session.loadDemo();
        auto hashOf = [&](std::optional<std::uint64_t> seed) {
            baton::AllocateOptions options;
            options.seed = seed;
            return nlohmann::json::parse(session.allocate(options))["input_sha256"];
        };
        auto expected = [&](std::uint64_t seed) {
            baton::Policy policy = session.workspace().policy;
            policy.seed = seed;
            return baton::inputSha256(session.workspace(), policy);
        };
        std::uint64_t seed = session.workspace().policy.seed;
        CHECK(hashOf(std::nullopt) == expected(seed));
        // The run's audit entry leaves the input as it was, so the hash is reused.
        CHECK(hashOf(std::nullopt) == expected(seed));
        CHECK(hashOf(seed + 1) == expected(seed + 1));
        int employee = firstActiveOwner(session.workspace());
        REQUIRE(employee >= 0);
        std::string before = expected(seed);
        REQUIRE(session.setEmployeeStatus(employee, EmployeeStatus::Leaving, "2027-01-31"));
        CHECK(expected(seed) != before);
        CHECK(hashOf(std::nullopt) == expected(seed));
    }

    TEST_CASE("proposal with unknown ids is rejected") {
        Session session;
        session.loadDemo();
        const baton::Workspace& ws = session.workspace();
        std::string client = ws.clients.front().id;
        std::string employee = ws.employees.front().id;
        nlohmann::json good = {{"assignments", {{{"client", client}, {"employee", employee}}}}};
        CHECK(session.importProposalText(good.dump()).ok);

        nlohmann::json bad = {{"assignments",
                               {{{"client", client}, {"employee", employee}},
                                {{"client", "NOPE"}, {"employee", "GHOST"}}}}};
        baton::ImportOutcome outcome = session.importProposalText(bad.dump());
        CHECK_FALSE(outcome.ok);
        REQUIRE(outcome.errors.size() == 2);
        CHECK(outcome.errors[0].path == "/assignments/1/client");
        CHECK(outcome.errors[0].message.find("\"NOPE\"") != std::string::npos);
        CHECK(outcome.errors[1].path == "/assignments/1/employee");

        baton::ImportOutcome csv =
            session.importProposalText("client,employee\n" + client + ",GHOST\n");
        CHECK_FALSE(csv.ok);
        REQUIRE(csv.errors.size() == 1);
        CHECK(csv.errors[0].message.rfind("no employee has the id \"GHOST\"", 0) == 0);
        // The file's line, as the warnings about repeated clients count them.
        CHECK(csv.errors[0].line == 2);
    }

    TEST_CASE("a proposal that lists a client twice imports with a warning") {
        Session session;
        session.loadDemo();
        const baton::Workspace& ws = session.workspace();
        // A released client and two active employees, so that only the repeat warns.
        std::string client = releasedDemoClient(ws);
        std::string first = ws.employees[0].id, second = ws.employees[1].id;
        baton::ImportOutcome csv = session.importProposalText(
            "client,employee\n" + client + "," + first + "\n" + client + "," + second + "\n");
        CHECK(csv.ok);
        REQUIRE(csv.warnings.size() == 1);
        CHECK(csv.warnings[0].line == 3);
        CHECK(csv.warnings[0].message ==
              "client \"" + client + "\" is listed twice: line 2 gives it to \"" + first +
                  "\" and line 3 to \"" + second +
                  "\"; the first entry (line 2) counts and this one is ignored, so remove the "
                  "entry you do not mean");
        nlohmann::json twice = {{"assignments",
                                 {{{"client", client}, {"employee", first}},
                                  {{"client", client}, {"employee", second}}}}};
        baton::ImportOutcome json = session.importProposalText(twice.dump());
        CHECK(json.ok);
        REQUIRE(json.warnings.size() == 1);
        CHECK(json.warnings[0].path == "/assignments/1");
        CHECK(json.warnings[0].message.find("/assignments/0 gives it to") != std::string::npos);
    }

    TEST_CASE("a proposal pair that cannot be placed warns") {
        Session session;
        session.loadDemo();
        const baton::Workspace& ws = session.workspace();
        std::string released = releasedDemoClient(ws);
        int keeper = firstActiveOwner(ws);
        REQUIRE(keeper >= 0);
        const std::string& active = ws.employees[std::size_t(keeper)].id;
        std::string kept;
        for (const auto& c : ws.clients) {
            if (c.owner && *c.owner == active) kept = c.id;
        }
        std::string departed = *ws.clients[std::size_t(ws.findClient(released))].owner;
        baton::ImportOutcome csv = session.importProposalText(
            "client,employee\n" + released + "," + departed + "\n" + kept + "," + active + "\n");
        CHECK(csv.ok);
        REQUIRE(csv.warnings.size() == 2);
        CHECK(csv.warnings[0].line == 2);
        CHECK(csv.warnings[0].message ==
              released + " → " + departed + ": " + departed +
                  " is departed, and only active employees receive clients, so the review "
                  "counts this pair as a breach and leaves " +
                  released + " unassigned; give it to an active employee");
        CHECK(csv.warnings[1].line == 3);
        CHECK(csv.warnings[1].message.rfind(
                  kept + " → " + active + ": " + kept + " is not released under the policy", 0) ==
              0);

        baton::AllocateOptions review;
        review.baseline = "proposal";
        nlohmann::json result = nlohmann::json::parse(session.allocate(review));
        bool explained = false;
        for (const auto& u : result["unassigned"]) {
            if (u["client"] != released) continue;
            explained =
                u["detail"].get<std::string>().rfind(
                    "the proposal gives this client to " + departed + ", who is departed", 0) == 0;
        }
        CHECK(explained);
    }

    TEST_CASE("apply rejects a proposal that breaks a forbid") {
        Session session;
        session.loadDemo();
        std::string client = releasedDemoClient(session.workspace());
        int active = firstActiveOwner(session.workspace());
        REQUIRE(active >= 0);
        std::string employee = session.workspace().employees[std::size_t(active)].id;
        nlohmann::json ws = nlohmann::json::parse(session.exportWorkspaceText());
        ws["policy"]["forbids"].push_back(
            {{"client", client}, {"employee", employee}, {"reason", "complaint"}});
        REQUIRE(session.importWorkspaceText(ws.dump()).ok);
        REQUIRE(
            session.importProposalText("client,employee\n" + client + "," + employee + "\n").ok);
        baton::AllocateOptions review;
        review.baseline = "proposal";
        nlohmann::json result = nlohmann::json::parse(session.allocate(review));
        REQUIRE(result["method"] == "proposal");
        std::string before = session.exportWorkspaceText();
        baton::ApplyOutcome outcome = session.applyProposal();
        CHECK_FALSE(outcome.ok);
        CHECK(outcome.message.rfind("The manager's proposal breaks rules (", 0) == 0);
        CHECK(outcome.message.find(client + " → " + employee) != std::string::npos);
        CHECK(session.exportWorkspaceText() == before);
    }

    TEST_CASE("locale accepts en and zh-CN only") {
        Session session;
        CHECK(session.setLocale("zh-CN"));
        CHECK(session.locale() == "zh-CN");
        CHECK(session.setLocale("zh"));
        CHECK(session.locale() == "zh-CN");
        CHECK_FALSE(session.setLocale("fr"));
        CHECK(session.locale() == "zh-CN");
    }
}

TEST_SUITE("file store") {
    TEST_CASE("save then load returns the text") {
        auto root = std::filesystem::temp_directory_path() / "baton-store-test";
        std::filesystem::remove_all(root);
        baton::FileStore store(root.string());
        std::string error;
        CHECK_FALSE(store.loadWorkspace("default", error).has_value());
        CHECK(error.empty());
        REQUIRE(store.saveWorkspace("default", "{\"a\": 1}", error));
        REQUIRE(store.saveWorkspace("default", "{\"a\": 2}", error));
        auto text = store.loadWorkspace("default", error);
        REQUIRE(text.has_value());
        CHECK(*text == "{\"a\": 2}");
        CHECK_FALSE(std::filesystem::exists(root / "workspaces/default/workspace.json.tmp"));
        CHECK(store.workspaceIds() == std::vector<std::string>{"default"});
        std::filesystem::remove_all(root);
    }

    TEST_CASE("ids that are not folder names are rejected") {
        baton::FileStore store("/tmp");
        std::string error;
        CHECK_FALSE(store.saveWorkspace("../escape", "x", error));
        CHECK(error == "invalid workspace id \"../escape\"");
        CHECK_FALSE(baton::FileStore::validId(""));
        CHECK(baton::FileStore::validId("firm-A_2"));
    }
}
