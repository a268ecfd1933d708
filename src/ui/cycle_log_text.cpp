#include "ui/cycle_log_text.h"

namespace baton::ui {
namespace {

// Ordered from specific to general: "Closed {}." comes after "Closed the objection window of
// {}.", which it would match too.
constexpr LogPattern kCyclePatterns[] = {
    // The results of the steps. A result with an added sentence comes before the same result
    // without it.
    {"Started {} on {} with {} leaver(s). Also listed {} as leaver(s): the policy releases the "
     "clients of every leaving or departed employee, so this cycle moves their clients too. To "
     "keep an employee's clients, set that employee's status back to active before the "
     "proposal.",
     "已启动 {}，日期 {}，共 {} 名离职人员。另将 {} 列为离职人员：策略会释放所有即将离职或"
     "已离职员工的客户，因此本周期也会转移他们的客户。若要保留某位员工的客户，请在生成方案前"
     "将其状态改回 active。"},
    {"Published the rules of {}: policy version {} is frozen for this cycle. Also listed {} as "
     "leaver(s): the policy releases the clients of every leaving or departed employee, so this "
     "cycle moves their clients too. To keep an employee's clients, set that employee's status "
     "back to active before the proposal.",
     "已公布 {} 的规则：本周期冻结策略版本 {}。另将 {} 列为离职人员：策略会释放所有即将离职"
     "或已离职员工的客户，因此本周期也会转移他们的客户。若要保留某位员工的客户，请在生成方案"
     "前将其状态改回 active。"},
    {"Final of {}: {} client(s) have a new owner; their open deals and notes moved with them. "
     "{} released client(s) are left unassigned: {}. They keep their owner until you assign "
     "them by hand; the cycle's result gives the reason of each.",
     "{} 已定案：{} 个客户有了新负责人，其未结商机和备注已随之转移。{} 个释放的客户未分配："
     "{}。在你手动分配之前，这些客户保留原负责人；周期结果列出了每个客户的原因。"},
    {"Started {} on {} with {} leaver(s).", "已启动 {}，日期 {}，共 {} 名离职人员。",
     "Started {} on {} with {} {leaver|leavers}."},
    {"Employee {} is {status}, last day {}.", "员工 {} 的状态为“{status}”，最后工作日 {}。"},
    {"Employee {} is {status}.", "员工 {} 的状态为“{status}”。"},
    {"Client {} stays with the key-account team.", "客户 {} 留在大客户团队。"},
    {"Client {} is released as usual.", "客户 {} 照常释放。"},
    {"Updated the settings of {}.", "已更新 {} 的设置。"},
    {"Re-ran {} with {} pin(s) and {} forbid(s): {} client(s) placed differently from the "
     "proposal.",
     "已重新运行 {}，含 {} 条指定和 {} 条禁止：{} 个客户的分配与方案不同。",
     "Re-ran {} with {} {pin|pins} and {} {forbid|forbids}: {} {client|clients} placed "
     "differently from the proposal."},
    {"Published the rules of {}: policy version {} is frozen for this cycle.",
     "已公布 {} 的规则：本周期冻结策略版本 {}。"},
    {"Proposal of {}: {} placed, {} unassigned; appeals are open until {}.",
     "{} 的方案：已分配 {} 个客户，未分配 {} 个；申诉开放至 {}。"},
    {"Closed the objection window of {}.", "已关闭 {} 的申诉窗口。"},
    {"Final of {}: {} client(s) have a new owner; their open deals and notes moved with them.",
     "{} 已定案：{} 个客户有了新负责人，其未结商机和备注已随之转移。",
     "Final of {}: {} {client has|clients have} a new owner; their open deals and notes moved "
     "with them."},
    {"Closed {}.", "已结束 {}。"},
    {"Handover of {} started; it is due by {}.", "{} 的交接已开始，须在 {} 前完成。"},
    {"Handover of {}: task {} done.", "客户 {} 的交接任务 {} 已完成。"},
    {"Handover of {}: task {} reopened.", "客户 {} 的交接任务 {} 已重新打开。"},
    {"Follow-up of {} started.", "{} 的回访已开始。"},
    {"Filed appeal {} by {} ({kind}, {} client(s)).",
     "已登记申诉 {}，申诉人 {}（{kind}，{} 个客户）。",
     "Filed appeal {} by {} ({kind}, {} {client|clients})."},
    {"Appeal {} accepted: {}", "申诉 {} 已接受：{}"},
    {"Appeal {} rejected: {}", "申诉 {} 已驳回：{}"},
    {"Outcome of {}: {outcome}.", "客户 {} 的回访结果：{outcome}。"},

    // Rejections of the steps, each with the fix.
    {"No cycle is open: start a cycle first.", "没有进行中的周期：请先启动一个周期。"},
    {"the appeal's reason is blank: write why the employee requests it",
     "申诉理由为空：请写明员工提出申诉的原因"},
    {"a decision needs a written reason; the reason is blank", "处理决定需要书面理由；理由为空"},
    {"{} is after today ({}): record a step on or after the day it happens, with a date on or "
     "before {}",
     "{} 晚于今天（{}）：请在事情发生当天或之后记录，日期不得晚于 {}"},
    {"appeal {} by {} asks the same ({}) and is still open: decide {} instead of filing it again",
     "申诉 {}（申诉人 {}）提出了相同的请求（{}）且尚未处理：请处理 {}，不要重复提出"},
    {"open appeal {} by {} asks to {} client {}, the opposite of this {}: decide {} first, "
     "because only one of the two can apply",
     "未处理的申诉 {}（申诉人 {}）请求 {} 客户 {}，与本申诉（{}）相反：请先处理 {}，"
     "因为两者只能有一个生效"},
    {"employee {} is {} and cannot receive clients, so a pin appeal by {} can never hold: file "
     "the pin for an active employee, or file a forbid appeal instead",
     "员工 {} 的状态为 {}，不能接收客户，因此 {} 的指定申诉无法成立：请为在职员工提出指定申诉，"
     "或改为提出禁止申诉"},
    {"decision date {} of appeal {} is before its filing date {}: use a date on or after {}",
     "处理日期 {}（申诉 {}）早于其提出日期 {}：请使用 {} 当天或之后的日期"},
    {"appeal {} pins client(s) to {}, who is {} and cannot receive clients: reject the appeal, "
     "or set {}'s status to active before accepting it",
     "申诉 {} 将客户指定给 {}，其状态为 {}，不能接收客户：请驳回该申诉，"
     "或在接受前将 {} 的状态设为 active"},
    {"done date {} of task {} of {} is before the final date {}: use a date on or after {}",
     "完成日期 {}（任务 {}，客户 {}）早于定案日期 {}：请使用 {} 当天或之后的日期"},
    {"revenue_since of {} is {}, at or above {}, the bound from which an amount is absurd: give "
     "the revenue since the final in the company currency",
     "客户 {} 的 revenue_since 为 {}，达到或超过明显不合理金额的界限 {}："
     "请填写定案以来以公司币种计的收入"},
    {"employee {} is {} and owns clients that the proposal would release, but is not a leaver "
     "of {}: set {}'s status back to active, or close this cycle and list {} in the next one",
     "员工 {} 的状态为 {}，名下有方案会释放的客户，但不是 {} 的离职人员："
     "请将 {} 的状态改回 active，或结束本周期并在下一周期列出 {}"},
    {"invalid departure date \"{}\": use an ISO date YYYY-MM-DD",
     "离职日期“{}”无效：请使用 ISO 日期 YYYY-MM-DD"},
    {"invalid filing date \"{}\": use an ISO date YYYY-MM-DD",
     "申诉日期“{}”无效：请使用 ISO 日期 YYYY-MM-DD"},
    {"invalid date \"{}\": use an ISO date YYYY-MM-DD", "日期“{}”无效：请使用 ISO 日期 YYYY-MM-DD"},
    {"invalid date \"{}\": use YYYY-MM-DD", "日期“{}”无效：请使用 YYYY-MM-DD"},
    {"invalid last day \"{}\" of {}: use an ISO date YYYY-MM-DD",
     "最后工作日“{}”（{}）无效：请使用 ISO 日期 YYYY-MM-DD"},
    {"invalid leaver status \"{}\": use leaving or departed",
     "离职状态“{}”无效：请使用 leaving 或 departed"},
    {"invalid decision \"{}\": use accept or reject", "决定“{}”无效：请使用 accept 或 reject"},
    {"unknown stage \"{}\"; use rules_published, proposal, objections_closed, final, handover, "
     "follow_up or closed",
     "未知阶段“{}”；请使用 rules_published、proposal、objections_closed、final、handover、"
     "follow_up 或 closed"},
    {"unknown employee \"{}\"", "未知员工“{}”"},
    {"unknown client \"{}\"", "未知客户“{}”"},
    {"unknown appeal \"{}\"", "未知申诉“{}”"},
    {"employee {} is leaving: give the last day", "员工 {} 即将离职：请填写最后工作日"},
    {"employee {} is a system user and owns no book to release",
     "员工 {} 是系统用户，没有可释放的客户"},
    {"employee {} is no longer marked leaving or departed", "员工 {} 已不再标记为即将离职或已离职"},
    {"a cycle with the id \"{}\" exists", "ID 为“{}”的周期已存在"},
    {"leavers can be added only at the departure stage; cycle {} is at {stage}",
     "只能在离职阶段添加离职人员；周期 {} 处于“{stage}”阶段"},
    {"the kept clients are fixed once the proposal is made; cycle {} is at {stage}",
     "方案生成后保留客户不可更改；周期 {} 处于“{stage}”阶段"},
    {"the settings are fixed once the cycle is final; cycle {} is at {stage}",
     "定案后设置不可更改；周期 {} 处于“{stage}”阶段"},
    {"objection_days and handover_days must be 0 or more",
     "objection_days 和 handover_days 必须大于或等于 0"},
    {"each follow-up offset must be 1 day or more", "每个回访间隔必须至少 1 天"},
    {"each handover step needs a task name", "每个交接步骤都需要任务名称"},
    {"handover step {}: due_days must be >= 0", "交接步骤 {}：due_days 必须大于或等于 0"},
    {"a re-run is possible between the proposal and the final; cycle {} is at {stage}",
     "只能在方案与定案之间重新运行；周期 {} 处于“{stage}”阶段"},
    {"cycle {} has no proposal to compare with", "周期 {} 没有可比较的方案"},
    {"cycle {} has no leaver: add one first", "周期 {} 没有离职人员：请先添加一名"},
    {"leaver {} is no longer in the workspace", "离职人员 {} 已不在工作区中"},
    {"cycle {} has no frozen policy: publish the rules first",
     "周期 {} 没有冻结的策略：请先公布规则"},
    {"no client is released in cycle {}: the leavers own no client that the policy's scope "
     "releases",
     "周期 {} 没有释放任何客户：离职人员名下没有策略范围内可释放的客户"},
    {"the objection window of {} is open until {} inclusive: close it on a later date",
     "{} 的申诉窗口开放至 {}（含当天）：请在之后的日期关闭"},
    {"appeal {} is not decided yet: accept or reject it first", "申诉 {} 尚未处理：请先接受或驳回"},
    {"cycle {} has no proposal to make final", "周期 {} 没有可定案的方案"},
    {"client {} has no follow-up outcome yet", "客户 {} 尚无回访结果"},
    {"the first follow-up of {} is due on {}: advance on or after that date",
     "{} 的首次回访日期为 {}：请在该日期当天或之后推进"},
    {"a cycle starts at departure and never returns to it",
     "周期从离职阶段开始，之后不能返回该阶段"},
    {"appeals can be filed only while the objection window is open; cycle {} is at {stage}",
     "只能在申诉窗口开放期间提出申诉；周期 {} 处于“{stage}”阶段"},
    {"appeals of {} are open from {} to {}; {} is outside the window",
     "{} 的申诉开放期为 {} 至 {}；{} 不在此期间"},
    {"an appeal names at least one client", "申诉至少要指明一个客户"},
    {"an appeal needs a reason", "申诉需要填写理由"},
    {"an appeal names each client once", "申诉中每个客户只能出现一次"},
    {"client {} is not in the released book of {}", "客户 {} 不在 {} 释放的客户中"},
    {"appeals are decided before the final; cycle {} is at {stage}",
     "申诉须在定案前处理；周期 {} 处于“{stage}”阶段"},
    {"a decision needs a written reason", "处理决定需要书面理由"},
    {"client {} is already pinned to {} ({}): reject this appeal or that one",
     "客户 {} 已指定给 {}（{}）：请驳回本申诉或那条申诉"},
    {"handover tasks exist from the final until the cycle closes; cycle {} is at {stage}",
     "交接任务只在定案后到周期结束前存在；周期 {} 处于“{stage}”阶段"},
    {"client {} has no handover task \"{}\"", "客户 {} 没有交接任务“{}”"},
    {"client {} was not moved in cycle {}", "客户 {} 在周期 {} 中未被转移"},
    {"outcomes are recorded from the final until the cycle closes; cycle {} is at {stage}",
     "回访结果只能在定案后到周期结束前记录；周期 {} 处于“{stage}”阶段"},
    {"satisfaction of {} must be from 1 to 5", "客户 {} 的满意度必须在 1 到 5 之间"},
    {"revenue_since of {} must be 0 or more", "客户 {} 的 revenue_since 必须大于或等于 0"},
    {"the outcome date of {} must be an ISO date on or after the final date {}",
     "客户 {} 的回访日期必须是定案日期 {} 当天或之后的 ISO 日期"},
    {"The objection window of {} is open until {}: advance the cycle to objections_closed after "
     "that date, then apply.",
     "{} 的申诉窗口开放至 {}：请在该日期之后将周期推进到 objections_closed，再应用。"},
    {"Cycle {} is at {stage}: publish the rules and make the proposal before the final.",
     "周期 {} 处于“{stage}”阶段：请先公布规则并生成方案，再定案。"},
    {"Cycle {} is already final: its owners are set.", "周期 {} 已定案：负责人已确定。"},
};

struct CycleTerm {
    const char* code;
    const char* chinese;
};

constexpr CycleTerm kStages[] = {
    {"departure", "离职"}, {"rules_published", "规则公布"},
    {"proposal", "方案"},  {"objections_closed", "申诉截止"},
    {"final", "定案"},     {"handover", "交接"},
    {"follow_up", "回访"}, {"closed", "结束"},
};

constexpr CycleTerm kAppealKinds[] = {{"pin", "希望接手"}, {"forbid", "不希望接手"}};

constexpr CycleTerm kOutcomes[] = {{"retained", "保留"}, {"lost", "流失"}};

std::optional<std::string> lookUp(std::span<const CycleTerm> terms, const std::string& code) {
    for (const CycleTerm& term : terms) {
        if (code == term.code) return std::string(term.chinese);
    }
    return std::nullopt;
}

}  // namespace

std::span<const LogPattern> cycleLogPatterns() {
    return kCyclePatterns;
}

std::optional<std::string> cycleTermText(std::string_view placeholder, const std::string& capture) {
    if (placeholder == "{stage}") return lookUp(kStages, capture);
    if (placeholder == "{kind}") return lookUp(kAppealKinds, capture);
    if (placeholder == "{outcome}") return lookUp(kOutcomes, capture);
    return std::nullopt;
}

}  // namespace baton::ui
