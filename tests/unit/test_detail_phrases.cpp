// The Chinese report's forms of the engine's English texts, and the sentence beside a price
// of fairness of 0 and an optimality gap above 0.
#include <doctest/doctest.h>

#include <string>

#include "allocation_fixtures.h"
#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/share_notes.h"
#include "io/cycle_report.h"
#include "io/detail_phrases.h"

using namespace baton;
using namespace baton::test;
using baton::cycle_text::unassignedDetail;
using baton::cycle_text::witnessConstraint;

namespace {

std::string zh(const std::string& detail) {
    return unassignedDetail("zh-CN", detail);
}

// A and B can receive; L has left, so C1 and C2 are released. C2 needs a skill nobody has.
Workspace twoReleased() {
    Workspace ws;
    ws.employees = {makeEmployee("A", EmployeeStatus::Active, {}),
                    makeEmployee("B", EmployeeStatus::Active, {}),
                    makeEmployee("L", EmployeeStatus::Departed, {})};
    ws.clients = {makeClient("C1", "L"), makeClient("C2", "L", {"lang:ja"})};
    ws.policy.asOf = "2026-11-30";
    return ws;
}

}  // namespace

TEST_SUITE("detail phrases") {
    TEST_CASE("unassigned details in Chinese") {
        CHECK(zh("needs lang:ja; nobody active has it") == "需要 lang:ja；没有在职员工具备该技能");
        CHECK(zh("needs lang:ja, lang:ko; nobody active has them") ==
              "需要 lang:ja, lang:ko；没有在职员工具备这些技能");
        CHECK(zh("all 4 eligible employees are at max_clients") ==
              "全部 4 名符合条件的员工均已达客户上限（max_clients）");
        CHECK(zh("workload 12.50 exceeds the room of every eligible employee") ==
              "工作量 12.50 超出了每位符合条件员工的剩余工作量");
        CHECK(zh("pin to E03 failed: E03 is not eligible (capacity_full)") ==
              "指定给 E03 失败：E03 不符合条件（已达客户上限）");
        CHECK(zh("pin to E9 failed: no employee has the id E9") ==
              "指定给 E9 失败：没有编号为 E9 的员工");
        CHECK(zh("eligible employees: 4, 3 at max_clients, 1 with room") ==
              "符合条件的员工：4 名，3 名已达客户上限（max_clients），1 名尚有余量");
        CHECK(zh("the proposal does not place this client; nobody eligible is in the previous "
                 "owner's team") == "方案没有分配该客户；原负责人的团队中没有符合条件的员工");
        CHECK(zh("the proposal does not place this client, although 2 eligible employees have "
                 "room for it") == "方案没有分配该客户，尽管有 2 名符合条件的员工还有余量");
        CHECK(zh("the proposal gives this client to E03, who is departed and may not receive "
                 "clients (ineligible_status), while 6 eligible employees have room for it") ==
              "方案将该客户分配给 E03，但其状态为 departed，不能接收客户（不在职）；有 6 "
              "名符合条件的员工还有余量");
    }

    TEST_CASE("unknown detail stays as written") {
        CHECK(zh("a text from another tool") == "a text from another tool");
        CHECK(zh("eligible employees: 4, 3 at lunch") == "eligible employees: 4, 3 at lunch");
        CHECK(zh("") == "");
        CHECK(unassignedDetail("en", "needs lang:ja; nobody active has it") ==
              "needs lang:ja; nobody active has it");
    }

    TEST_CASE("witness constraints in Chinese") {
        CHECK(witnessConstraint("zh-CN", "pin C7 → E2") == "指定 C7 → E2");
        CHECK(witnessConstraint("zh-CN", "capacity E2 (room for 3 clients)") ==
              "客户上限 E2（还能接收 3 个客户）");
        CHECK(witnessConstraint("zh-CN",
                                "max_workload E2 (room for 1 of the 4 released clients it is "
                                "eligible for, worth 10.00, target 25.00)") ==
              "工作量上限 E2（在其符合条件的 4 个待交接客户中只能接收 1 个，价值 10.00，目标 "
              "25.00）");
        CHECK(witnessConstraint("en", "pin C7 → E2") == "pin C7 → E2");
    }

    TEST_CASE("limit constraints in Chinese") {
        CHECK(witnessConstraint("zh-CN",
                                "capacity E5 (room for 1 client, worth at most 69.48, "
                                "target 124.14)") ==
              "客户上限 E5（还能接收 1 个客户，价值最多 69.48，目标 124.14）");
        CHECK(witnessConstraint("zh-CN",
                                "max_workload E2 (workload room 1.50, clients worth at "
                                "most 20.00, target 50.00)") ==
              "工作量上限 E2（剩余工作量 1.50，可接收客户的价值最多 20.00，目标 50.00）");
        CHECK(witnessConstraint("zh-CN",
                                "capacity (every other employee eligible for any of "
                                "the 13 clients of E06 is at its limits)") ==
              "客户上限（能接收 E06 的 13 个客户中任何一个的其他员工均已达上限）");
        CHECK(witnessConstraint("zh-CN", "pins (all 2 clients of E1 are pinned)") ==
              "指定（E1 的全部 2 个客户均已指定）");
    }

    TEST_CASE("Chinese report has no English detail") {
        Workspace ws = twoReleased();
        AllocationResult r = allocateOwnPolicy(ws);
        REQUIRE(r.unassigned.size() == 1);
        std::string en = cycleReport(ws, nullptr, r, "en", "md", {});
        CHECK(en.find("needs lang:ja; nobody active has it") != std::string::npos);
        std::string report = cycleReport(ws, nullptr, r, "zh-CN", "md", {});
        CHECK(report.find("需要 lang:ja；没有在职员工具备该技能") != std::string::npos);
        CHECK(report.find("nobody active") == std::string::npos);
    }

    TEST_CASE("zero price beside a gap is explained") {
        Workspace ws = twoReleased();
        AllocationResult r = allocateOwnPolicy(ws);
        r.figures.priceOfFairness = 0.0;
        r.optimality.status = "bound";
        r.optimality.gap = 0.5;
        r.optimality.upperBound = 1.6;
        CHECK(zeroPriceWithGap(r));
        std::string en = cycleReport(ws, nullptr, r, "en", "md", {});
        CHECK(en.find("The price of fairness is 0 because the fair allocation fits as well as the "
                      "best allocation found. The optimality gap of 50.0% compares that fit with "
                      "an upper bound of 1.6 that the solver could not tighten") !=
              std::string::npos);
        std::string zhReport = cycleReport(ws, nullptr, r, "zh-CN", "md", {});
        CHECK(zhReport.find("公平的代价为 0，因为公平分配的匹配度与找到的最佳分配相同。50.0% "
                            "的最优性差距") != std::string::npos);

        r.optimality.gap = 0.0;
        CHECK_FALSE(zeroPriceWithGap(r));
        CHECK(cycleReport(ws, nullptr, r, "en", "md", {}).find("The price of fairness is 0") ==
              std::string::npos);
        r.optimality.gap = 0.5;
        r.figures.priceOfFairness = 0.02;
        CHECK_FALSE(zeroPriceWithGap(r));
    }
}
