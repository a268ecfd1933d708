// The cycle's texts against golden files: a cycle on a generated workspace (seed 7) with
// one accepted and one rejected appeal, its report, statements, notices and letters.
// Run with BATON_UPDATE_GOLDEN=1 natively to rewrite the files after a deliberate change.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/allocation.h"
#include "core/cycle_ops.h"
#include "core/generator.h"
#include "io/cycle_report.h"
#include "io/workspace_json.h"

using namespace baton;

namespace {

std::string goldenPath(const std::string& name) {
    return std::string(BATON_SOURCE_DIR) + "/tests/golden/cycle/" + name;
}

void checkGolden(const std::string& name, const std::string& text) {
    const char* update = std::getenv("BATON_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(goldenPath(name), std::ios::binary) << text;
        return;
    }
    std::ifstream in(goldenPath(name), std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing golden file " << goldenPath(name));
    std::ostringstream golden;
    golden << in.rdbuf();
    CHECK_MESSAGE(golden.str() == text, "output differs from " << goldenPath(name));
}

CycleRunner hashedRunner() {
    return [](const Workspace& input, const Policy& policy) {
        AllocateOptions options;
        options.inputSha256 = inputSha256(input, policy);
        return allocate(input, policy, evaluate(input, policy), options);
    };
}

// The workspace every test here starts from: generated with seed 7, 6 employees and 24
// clients.
Workspace generatedWorkspace() {
    GenerateOptions options;
    options.seed = 7;
    options.employees = 6;
    options.clients = 24;
    return generateWorkspace(options);
}

struct GoldenCycle {
    Workspace ws;
    std::map<std::string, std::string> provisionalEn;
    std::map<std::string, std::string> provisionalZh;
};

std::string firstReceiver(const AllocationResult& r) {
    for (const EmployeeOutcome& e : r.employees) {
        if (e.clients > 0) return e.employee;
    }
    return "";
}

// The generated workspace taken through a whole cycle to the final; the provisional
// statements are kept from before the final.
GoldenCycle runGoldenCycle() {
    GoldenCycle g;
    g.ws = generatedWorkspace();
    CycleStart start;
    start.date = "2026-12-01";
    for (const Employee& e : g.ws.employees) {
        if (isLeaver(e.status)) {
            start.leavers.push_back({e.id,
                                     e.status == EmployeeStatus::Leaving ? "leaving" : "departed",
                                     e.lastDay,
                                     {}});
        }
    }
    REQUIRE(startCycle(g.ws, start).ok);
    Cycle& c = g.ws.cycles.back();
    REQUIRE(advanceCycle(g.ws, c, CycleStage::RulesPublished, "2026-12-02", hashedRunner()).ok);
    REQUIRE(advanceCycle(g.ws, c, CycleStage::Proposal, "2026-12-03", hashedRunner()).ok);
    std::string receiver = firstReceiver(*c.proposal);
    std::string client;
    for (const Assignment& a : c.proposal->assignments) {
        if (a.employee == receiver) client = a.client;
    }
    Appeal forbid;
    forbid.employee = receiver;
    forbid.clients = {client};
    forbid.kind = AppealKind::Forbid;
    forbid.reason = "a relative works there";
    forbid.filed = "2026-12-05";
    REQUIRE(fileAppeal(g.ws, c, forbid).ok);
    Appeal pin = forbid;
    pin.kind = AppealKind::Pin;
    pin.clients = {c.proposal->assignments.front().client};
    pin.reason = "I know the buyer";
    REQUIRE(fileAppeal(g.ws, c, pin).ok);
    REQUIRE(
        decideAppeal(g.ws, c, "A1", true, "a conflict of interest is a valid reason", "2026-12-08")
            .ok);
    REQUIRE(decideAppeal(g.ws, c, "A2", false, "the fit is lower than the proposal's", "2026-12-08")
                .ok);
    REQUIRE(rerunCycle(g.ws, c, hashedRunner()).ok);
    g.provisionalEn = cycleStatements(g.ws, &c, *c.currentResult(), "en", "md");
    g.provisionalZh = cycleStatements(g.ws, &c, *c.currentResult(), "zh-CN", "md");
    REQUIRE(advanceCycle(g.ws, c, CycleStage::ObjectionsClosed, "2026-12-18", hashedRunner()).ok);
    REQUIRE(advanceCycle(g.ws, c, CycleStage::Final, "2026-12-21", hashedRunner()).ok);
    return g;
}

}  // namespace

TEST_SUITE("cycle report") {
    TEST_CASE("texts match golden files") {
        GoldenCycle g = runGoldenCycle();
        const Cycle& c = g.ws.cycles.back();
        REQUIRE(!g.provisionalEn.empty());
        const std::string& receiver = c.appeals[0].employee;
        REQUIRE(g.provisionalEn.count(receiver));
        checkGolden("provisional." + receiver + ".en.md", g.provisionalEn[receiver]);
        checkGolden("provisional." + receiver + ".zh-CN.md", g.provisionalZh[receiver]);
        const std::string& leaver = c.leavers.front().employee;
        REQUIRE(g.provisionalEn.count(leaver));
        checkGolden("provisional." + leaver + ".en.md", g.provisionalEn[leaver]);
        checkGolden("report.en.md", cycleReport(g.ws, &c, *c.currentResult(), "en", "md"));
        checkGolden("report.zh-CN.html",
                    cycleReport(g.ws, &c, *c.currentResult(), "zh-CN", "html"));
        std::map<std::string, std::string> finals =
            cycleStatements(g.ws, &c, *c.currentResult(), "en", "md");
        CHECK_FALSE(finals.count(leaver));
        REQUIRE(finals.count(receiver));
        checkGolden("final." + receiver + ".en.md", finals[receiver]);
        checkGolden("notice.A1.en.txt", appealNotice(g.ws, c, c.appeals[0], "en"));
        checkGolden("notice.A2.zh-CN.txt", appealNotice(g.ws, c, c.appeals[1], "zh-CN"));
        checkGolden("letter.en.txt", introductionLetter(g.ws, c, c.handovers.front(), "en"));
        checkGolden("letter.zh-CN.txt", introductionLetter(g.ws, c, c.handovers.front(), "zh-CN"));
    }

    TEST_CASE("report shows handover and follow-up") {
        GoldenCycle g = runGoldenCycle();
        Cycle& c = g.ws.cycles.back();
        std::string atFinal = cycleReport(g.ws, &c, *c.currentResult(), "en", "md");
        CHECK(atFinal.find("## Handover") == std::string::npos);
        REQUIRE(advanceCycle(g.ws, c, CycleStage::Handover, "2026-12-22", hashedRunner()).ok);
        REQUIRE(c.handovers.size() >= 2);
        std::string client = c.handovers[0].client;
        std::string receiver = c.handovers[0].to;
        REQUIRE(setTaskDone(c, client, "introduce", true, "2026-12-23").ok);
        std::string handover = cycleReport(g.ws, &c, *c.currentResult(), "en", "md");
        CHECK(handover.find("## Handover") != std::string::npos);
        CHECK(handover.find("## Follow-up") == std::string::npos);
        CHECK(handover.find("1 done") != std::string::npos);

        REQUIRE(advanceCycle(g.ws, c, CycleStage::FollowUp, "2027-01-20", hashedRunner()).ok);
        ClientOutcome kept;
        kept.client = client;
        kept.satisfaction = 4.0;
        kept.revenueSince = 500.0;
        kept.date = "2027-01-20";
        REQUIRE(setOutcome(c, kept).ok);
        ClientOutcome lost = kept;
        lost.client = c.handovers[1].client;
        lost.outcome = OutcomeKind::Lost;
        lost.satisfaction = 2.0;
        REQUIRE(setOutcome(c, lost).ok);
        std::string report = cycleReport(g.ws, &c, *c.currentResult(), "en", "md");
        // Every task is due by 2027-01-04, so as of 2027-01-20 every open task is overdue.
        std::size_t tasks = c.handovers.size() * c.handovers[0].tasks.size();
        CHECK(report.find(std::to_string(tasks) + " handover task(s): 1 done, " +
                          std::to_string(tasks - 1) + " open, " + std::to_string(tasks - 1) +
                          " overdue as of 2027-01-20") != std::string::npos);
        CHECK(report.find("Overdue tasks:") != std::string::npos);
        CHECK(report.find("## Follow-up") != std::string::npos);
        CHECK(report.find("2 of " + std::to_string(c.moves.size()) +
                          " moved client(s) have an outcome: 1 retained, 1 lost, a retention "
                          "rate of 50.0%. Mean satisfaction (1 to 5): 3.00.") != std::string::npos);
        std::string zh = cycleReport(g.ws, &c, *c.currentResult(), "zh-CN", "md");
        CHECK(zh.find("## 交接") != std::string::npos);
        CHECK(zh.find("## 回访") != std::string::npos);
        CHECK(zh.find("留存率 50.0%") != std::string::npos);
        std::map<std::string, std::string> finals =
            cycleStatements(g.ws, &c, *c.currentResult(), "en", "md");
        REQUIRE(finals.count(receiver));
        CHECK(finals[receiver].find("(done on 2026-12-23)") != std::string::npos);
        CHECK(finals[receiver].find("(overdue)") != std::string::npos);
    }

    TEST_CASE("report rejects unknown language") {
        GoldenCycle g = runGoldenCycle();
        const Cycle& c = g.ws.cycles.back();
        CHECK_THROWS_AS(cycleReport(g.ws, &c, *c.currentResult(), "fr", "md"),
                        std::invalid_argument);
        CHECK_THROWS_AS(cycleReport(g.ws, &c, *c.currentResult(), "en", "pdf"),
                        std::invalid_argument);
    }

    TEST_CASE("statements without cycle") {
        Workspace ws = generatedWorkspace();
        AllocationResult r = hashedRunner()(ws, ws.policy);
        std::map<std::string, std::string> statements = cycleStatements(ws, nullptr, r, "en", "md");
        CHECK(statements.size() >= r.employees.size());
        for (const auto& entry : statements) {
            // Named references, because clang before 16 cannot capture a structured binding.
            const std::string& employee = entry.first;
            const std::string& text = entry.second;
            CAPTURE(employee);
            CHECK(text.find("No reassignment cycle has been started, so this statement covers "
                            "the allocation result alone.") != std::string::npos);
            CHECK(text.find("Cycle `-`") == std::string::npos);
            CHECK(text.find("proposal of -") == std::string::npos);
        }
        std::map<std::string, std::string> zh = cycleStatements(ws, nullptr, r, "zh-CN", "md");
        REQUIRE_FALSE(zh.empty());
        CHECK(zh.begin()->second.find("尚未开始交接周期") != std::string::npos);
        CHECK(zh.begin()->second.find("周期 `-`") == std::string::npos);
        std::string report = cycleReport(ws, nullptr, r, "en", "md");
        CHECK(report.find("## Appeals") == std::string::npos);
        CHECK(report.find("## Assignments") != std::string::npos);
    }

    TEST_CASE("report without a company name") {
        Workspace ws = generatedWorkspace();
        ws.company = nlohmann::json::object();
        AllocationResult r = hashedRunner()(ws, ws.policy);
        std::string zh = cycleReport(ws, nullptr, r, "zh-CN", "md");
        CHECK(zh.find("公司：") == std::string::npos);
        CHECK(zh.find("本工作区没有交接周期记录，因此本报告只说明分配结果。") != std::string::npos);
        std::string en = cycleReport(ws, nullptr, r, "en", "md");
        CHECK(en.find("Company:") == std::string::npos);
        CHECK(en.find("The workspace records no reassignment cycle") != std::string::npos);
        Cycle cycle;
        cycle.id = "cycle-1";
        cycle.stage = CycleStage::RulesPublished;
        std::string withCycle = cycleReport(ws, &cycle, r, "zh-CN", "md");
        CHECK(withCycle.find("公司：") == std::string::npos);
        CHECK(withCycle.find("周期 `cycle-1` 当前处于规则公布（`rules_published`）阶段。") !=
              std::string::npos);
        ws.company = {{"name", "  "}};
        CHECK(cycleReport(ws, nullptr, r, "zh-CN", "md").find("公司：") == std::string::npos);
        ws.company = {{"name", "Acme"}};
        CHECK(cycleReport(ws, nullptr, r, "zh-CN", "md").find("公司：Acme。") != std::string::npos);
    }

    TEST_CASE("statements of a cycle without dates") {
        Workspace ws = generatedWorkspace();
        AllocationResult r = hashedRunner()(ws, ws.policy);
        Cycle cycle;
        cycle.id = "cycle-1";
        cycle.stage = CycleStage::RulesPublished;
        std::map<std::string, std::string> en = cycleStatements(ws, &cycle, r, "en", "md");
        REQUIRE_FALSE(en.empty());
        CHECK(en.begin()->second.find("Cycle `cycle-1` has no proposal date yet. This is a "
                                      "proposal: nothing changes until the final.") !=
              std::string::npos);
        std::map<std::string, std::string> zh = cycleStatements(ws, &cycle, r, "zh-CN", "md");
        REQUIRE_FALSE(zh.empty());
        CHECK(zh.begin()->second.find("周期 `cycle-1` 尚无方案日期。") != std::string::npos);
        cycle.stage = CycleStage::Final;
        std::map<std::string, std::string> finals = cycleStatements(ws, &cycle, r, "en", "md");
        REQUIRE_FALSE(finals.empty());
        CHECK(finals.begin()->second.find("Cycle `cycle-1` is final. These clients are now "
                                          "yours.") != std::string::npos);
        CHECK(finals.begin()->second.find("final of -") == std::string::npos);
    }
}
