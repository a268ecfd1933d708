#include "io/reason_phrases.h"

#include <iterator>

namespace baton {
namespace {

constexpr ReasonPhrase kPhrases[] = {
    {"lost.capacity_full", "client limit reached", "已达客户上限"},
    {"lost.workload_full", "workload limit reached", "已达工作量上限"},
    {"lost.ineligible_status", "not active", "不在职"},
    {"lost.ineligible_need", "lacks a required skill", "缺少所需技能"},
    {"lost.conflict", "conflict or personal tie", "利益冲突或私人关系"},
    {"lost.forbidden", "pair forbidden", "该配对被禁止"},
    {"lost.team_boundary", "other team", "不同团队"},
    {"lost.share_cap", "value share cap reached", "已达价值份额上限"},
    {"lost.fairness_target_met", "fair share already reached", "已达到公平份额"},
    {"lost.lower_fit", "lower fit", "匹配度较低"},
    // Not a result code: lower_fit where the fits are equal and the flow or the lottery chose.
    {"lost.equal_fit", "same fit, tie went the other way", "匹配度相同，未被选中"},
    // Not a result code either: lower_fit where the runner-up's own fit is higher.
    {"lost.higher_fit_overall", "higher fit alone; the whole allocation chose otherwise",
     "单看匹配度更高，但整体分配另有安排"},
    {"unassigned.no_eligible_employee", "nobody is eligible", "没有符合条件的员工"},
    {"unassigned.capacity_exhausted", "every client limit is reached", "所有人均已达客户上限"},
    {"unassigned.workload_exhausted", "every workload limit is reached", "所有人均已达工作量上限"},
    {"unassigned.team_boundary", "nobody eligible in the team", "团队内没有符合条件的员工"},
    {"unassigned.share_cap", "value share caps reached", "价值份额上限均已达到"},
    {"unassigned.pin_conflict", "conflicting pins", "指定相互冲突"},
    {"unassigned.not_in_proposal", "left out of the proposal", "方案未分配该客户"},
};

}  // namespace

std::span<const ReasonPhrase> reasonPhrases() {
    return {std::begin(kPhrases), std::end(kPhrases)};
}

const char* reasonPhrase(std::string_view group, std::string_view code, bool chinese) {
    return findCodePhrase(kPhrases, group, code, chinese);
}

}  // namespace baton
