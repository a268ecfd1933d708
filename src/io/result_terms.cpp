#include "io/result_terms.h"

#include <iterator>

namespace baton {

namespace {

constexpr ResultTerm kTerms[] = {
    {"figure.total_fit", "Total fit", "总匹配度"},
    {"figure.price_of_fairness", "Price of fairness", "公平的代价"},
    {"figure.max_relative_deviation", "Max deviation from target", "与目标的最大偏差"},
    {"figure.gini", "Gini of value per weight", "单位权重价值的基尼系数"},
    {"figure.difficulty_spread", "Difficulty spread", "难度离散度"},
    {"figure.continuity_rate", "Continuity", "服务连续性"},
    {"figure.unassigned", "Unassigned", "未分配"},
    {"certificate.wprop1_value", "Value share", "价值份额"},
    {"certificate.wprop1_difficulty", "Difficulty share", "难度份额"},
    {"certificate.wef1_value", "No envy on value", "价值无嫉妒"},
    {"certificate.wef1_difficulty", "No envy on difficulty", "难度无嫉妒"},
    {"certificate.ef_c_both", "Envy-free up to c", "去掉至多 c 个后无嫉妒"},
    {"method.fair", "Fair solver", "公平求解器"},
    {"method.round_robin", "Round robin", "轮流分配"},
    {"method.greedy_fit", "Greedy best fit", "贪心最佳匹配"},
    {"method.weighted_picking", "Weighted picking", "加权轮选"},
    {"method.proposal", "Manager's proposal", "经理的方案"},
    {"stage.departure", "Departure", "离职"},
    {"stage.rules_published", "Rules published", "规则公布"},
    {"stage.proposal", "Proposal", "方案"},
    {"stage.objections_closed", "Objections closed", "申诉截止"},
    {"stage.final", "Final", "定案"},
    {"stage.handover", "Handover", "交接"},
    {"stage.follow_up", "Follow-up", "回访"},
    {"stage.closed", "Closed", "结束"},
    // The planned dates of the timeline, which are no stages of their own.
    {"timeline.objection_end", "Objection window ends", "异议期结束"},
    {"timeline.handover_due", "Handover due", "交接截止"},
    {"timeline.follow_up_due", "Follow-up due", "回访截止"},
    {"status.active", "active", "在职"},
    {"status.leaving", "leaving", "即将离职"},
    {"status.departed", "departed", "已离职"},
    {"status.on_leave", "on leave", "休假中"},
    {"scope.leavers", "the leavers' clients", "离职员工的客户"},
    {"scope.all", "every client", "全部客户"},
    {"entitlement.equal", "equal", "平均"},
    {"entitlement.performance", "by performance", "按绩效"},
    {"entitlement.blend", "blend", "混合"},
};

}  // namespace

std::span<const ResultTerm> resultTerms() {
    return {std::begin(kTerms), std::end(kTerms)};
}

const char* resultTerm(std::string_view group, std::string_view code, bool chinese) {
    return findCodePhrase(kTerms, group, code, chinese);
}

std::string namedCode(std::string_view group, std::string_view code, const std::string& lang) {
    std::string quoted = "`" + std::string(code) + "`";
    bool chinese = lang == "zh-CN";
    const char* name = resultTerm(group, code, chinese);
    // An English name that is the code itself ("leaving", "equal") needs no repeat.
    if (name == nullptr || std::string_view(name) == code) return quoted;
    return chinese ? std::string(name) + "（" + quoted + "）"
                   : std::string(name) + " (" + quoted + ")";
}

}  // namespace baton
