#include "io/cycle_phrases.h"

#include <array>

#include "core/allocation_result.h"
#include "core/explanation_codes.h"
#include "io/reason_phrases.h"

namespace baton::cycle_text {

namespace {

struct Entry {
    Phrase id;
    const char* en;
    const char* zh;
};

// One row per phrase; {0}, {1}, ... are filled in by phrase(). Text in `backticks` is
// code in the rendered document.
constexpr Entry kEntries[] = {
    {Phrase::ReportTitle, "Reassignment cycle report: {0}", "客户交接周期报告：{0}"},
    // The first sentence of a report's introduction, left out when the company has no name.
    {Phrase::CompanyIntro, "Company: {0}. ", "公司：{0}。"},
    {Phrase::ReportIntro, "Cycle `{0}` is at the stage {1}.", "周期 `{0}` 当前处于{1}阶段。"},
    {Phrase::ResultTitle, "Allocation report", "分配报告"},
    {Phrase::ResultIntro,
     "The workspace records no reassignment cycle, so this report covers the result alone.",
     "本工作区没有交接周期记录，因此本报告只说明分配结果。"},
    {Phrase::RulesOfResult, "The result was made under policy version {0}. The rules follow.",
     "该结果按第 {0} 版规则生成，规则全文如下。"},
    {Phrase::Timeline, "Timeline", "时间线"},
    {Phrase::Stage, "Stage", "阶段"},
    {Phrase::Date, "Date", "日期"},
    {Phrase::Planned, "{0} (planned)", "{0}（计划）"},
    {Phrase::Leavers, "Leavers", "离职员工"},
    {Phrase::LeaverLine, "{0}: {1}, last day {2}", "{0}：{1}，最后工作日 {2}"},
    {Phrase::Kept, "Clients kept with the firm's key-account team: {0}.",
     "留在公司重点客户团队的客户：{0}。"},
    {Phrase::NoKept, "No client is kept with the key-account team.", "没有客户留给重点客户团队。"},
    {Phrase::Rules, "Rules", "规则"},
    {Phrase::RulesFrozen, "Policy version {0} was frozen for this cycle on {1}. The rules follow.",
     "本周期于 {1} 冻结了第 {0} 版规则，全文如下。"},
    {Phrase::Result, "Result", "分配结果"},
    {Phrase::ResultLine, "Method: {0}, seed {1}, input SHA-256 `{2}`.",
     "方法：{0}，随机种子 {1}，输入 SHA-256 `{2}`。"},
    {Phrase::Figures, "Fairness figures", "公平性指标"},
    {Phrase::Figure, "Figure", "指标"},
    {Phrase::Value, "Value", "数值"},
    {Phrase::Certificates, "Certificates", "公平性证明"},
    {Phrase::Certificate, "Certificate", "证明"},
    {Phrase::Passes, "passes", "通过"},
    {Phrase::Fails, "fails", "未通过"},
    {Phrase::Witness, "{0} fails for {1} (client {2}; constraint: {3}).",
     "{0}未通过：{1}（客户 {2}；约束：{3}）。"},
    // A witness without a constraint: the page's words for that case.
    {Phrase::WitnessNoConstraint,
     "{0} fails for {1} (client {2}); no single constraint is to blame.",
     "{0}未通过：{1}（客户 {2}）；并非某一项约束单独导致。"},
    {Phrase::Baselines, "Baselines", "对照方法"},
    {Phrase::Method, "Method", "方法"},
    {Phrase::Assignments, "Assignments", "分配明细"},
    {Phrase::Client, "Client", "客户"},
    {Phrase::From, "From", "原负责人"},
    {Phrase::To, "To", "新负责人"},
    {Phrase::ValueCol, "Value", "价值"},
    {Phrase::DifficultyCol, "Difficulty", "难度"},
    {Phrase::Why, "Why", "原因"},
    {Phrase::Unassigned, "Unassigned clients", "未分配的客户"},
    {Phrase::Reason, "Reason", "原因"},
    {Phrase::ReasonDetail, "Detail", "详情"},
    {Phrase::NoUnassigned, "Every released client is placed.", "所有交接客户都已分配。"},
    {Phrase::Appeals, "Appeals and decisions", "申诉与决定"},
    {Phrase::NoAppeals, "No appeal was filed.", "没有人提出申诉。"},
    {Phrase::AppealId, "Appeal", "申诉"},
    {Phrase::Employee, "Employee", "员工"},
    {Phrase::Clients, "Clients", "客户"},
    {Phrase::Asks, "Asks", "请求"},
    {Phrase::Filed, "Filed", "提出日期"},
    {Phrase::Status, "Status", "状态"},
    {Phrase::Decision, "Decision reason", "决定理由"},
    {Phrase::Decided, "Decided", "决定日期"},
    {Phrase::Rerun, "Re-run with the appeals' overrides", "按申诉结果重新分配"},
    {Phrase::NoRerun, "There is no re-run: the proposal stands.", "没有重新分配：维持原方案。"},
    {Phrase::MovedLine, "{0} client(s) are placed differently from the proposal.",
     "与原方案相比，{0} 个客户的去向不同。"},
    {Phrase::Before, "Proposal", "原方案"},
    {Phrase::After, "Re-run", "重新分配"},
    {Phrase::FinalMoves,
     "Final: {0} client(s) changed owner on {1}; open deals and notes moved "
     "with them.",
     "定案：{1} 共有 {0} 个客户更换了负责人，未结商机和交接备注随客户一并转移。"},
    // {0}: the count, {1}: the client ids, each with the owner it stays with.
    {Phrase::FinalLeftUnassigned,
     "The final left {0} released client(s) unassigned: {1}. Each keeps its owner until "
     "someone assigns it by hand.",
     "定案时有 {0} 个待交接客户未能分配：{1}。在有人手动分配之前，这些客户仍归原负责人。"},
    {Phrase::NotFinal, "The cycle is not final yet: no owner has changed.",
     "本周期尚未定案：负责人没有变化。"},
    {Phrase::FinalHeading, "Final", "定案"},
    {Phrase::ProvisionalTitle, "Provisional statement for {0}", "{0} 的暂定分配说明"},
    {Phrase::FinalTitle, "Final statement for {0}", "{0} 的最终分配说明"},
    {Phrase::ProvisionalIntro,
     "Cycle `{0}`, proposal of {1}. This is a proposal: nothing changes until the final.",
     "周期 `{0}`，{1} 的分配方案。这只是方案：定案之前不会有任何变化。"},
    {Phrase::FinalIntro, "Cycle `{0}`, final of {1}. These clients are now yours.",
     "周期 `{0}`，{1} 定案。以下客户现已由你负责。"},
    {Phrase::ProvisionalIntroUndated,
     "Cycle `{0}` has no proposal date yet. This is a proposal: nothing changes until the "
     "final.",
     "周期 `{0}` 尚无方案日期。这只是方案：定案之前不会有任何变化。"},
    {Phrase::FinalIntroUndated, "Cycle `{0}` is final. These clients are now yours.",
     "周期 `{0}` 已定案。以下客户现已由你负责。"},
    {Phrase::UnverifiedResult,
     "Warning: this result fails verification with {0} breaches; the first: {1}. Do not act "
     "on it until `baton verify` passes on it.",
     "警告：本结果未通过验证，共 {0} 处违反规则，第一处：{1}。在 `baton verify` "
     "验证通过之前，请勿据此执行。"},
    {Phrase::NoCycleIntro,
     "No reassignment cycle has been started, so this statement covers the allocation result "
     "alone. It is a proposal: nothing changes until a cycle reaches its final.",
     "尚未开始交接周期，因此本说明只列出分配结果。这只是方案：交接周期定案之前不会有任何变化。"},
    {Phrase::YouReceive, "What you receive", "你接收的客户"},
    {Phrase::YouReceiveNothing, "You receive no client in this cycle.", "本周期你不接收客户。"},
    {Phrase::YouTakeNoShare,
     "You take no share of the released clients: your own limits (max_clients, max_workload or "
     "the cap on the share of value) leave no room for any of them, or none of them is "
     "eligible for you. So your targets are 0 and the fairness tests leave you out.",
     "你不参与本次客户分配：你自身的上限（客户数上限、工作量上限或价值份额上限）已没有余量，"
     "或没有任何待分配客户符合你的条件。因此你的目标为 0，公平性检验也不包括你。"},
    {Phrase::YourBook, "Your clients and who takes them over", "你的客户及其接手人"},
    {Phrase::YourFigures, "Your figures", "你的指标"},
    {Phrase::Entitlement, "Entitlement (share of the released value)",
     "应得份额（占交接价值的比例）"},
    {Phrase::TargetValue, "Target value", "目标价值"},
    {Phrase::ReceivedValue, "Received value", "实际接收价值"},
    {Phrase::TargetDifficulty, "Target difficulty", "目标难度"},
    {Phrase::ReceivedDifficulty, "Received difficulty", "实际接收难度"},
    {Phrase::ClientCount, "Clients received", "接收客户数"},
    {Phrase::BookAfter, "Whole book after the handover", "交接后负责的客户总数"},
    {Phrase::HowToAppeal, "How to appeal", "如何申诉"},
    {Phrase::AppealRule,
     "Until {0} inclusive you may appeal to the manager. Name the clients, say whether you ask "
     "to receive them (a pin) or not to receive them (a forbid), and give your reason. Each "
     "appeal is accepted or rejected with a written reason; an accepted one is applied on top "
     "of the frozen rules and the allocation is run again.",
     "你可以在 {0}（含当天）之前向经理提出申诉：写明涉及的客户，说明你希望接收（固定分配）"
     "还是不接收（排除分配），并说明理由。每项申诉都会被接受或驳回，并附书面理由；被接受的"
     "申诉会在冻结的规则之上生效，并重新运行分配。"},
    {Phrase::HandoverDue,
     "Handover due by {0}. Your tasks per client:", "交接截止日期：{0}。每个客户的任务："},
    {Phrase::NoticeSubject, "Decision on your appeal {0} ({1})", "关于你的申诉 {0} 的决定（{1}）"},
    {Phrase::NoticeAccepted,
     "Your appeal {0} of {1} about {2} is accepted. It becomes a {3} in cycle {4}. Reason: {5}",
     "你于 {1} 提出的关于 {2} 的申诉 {0} 已被接受，将在周期 {4} 中作为{3}生效。理由：{5}"},
    {Phrase::NoticeRejected,
     "Your appeal {0} of {1} about {2} is rejected. The proposal stands for these clients. "
     "Reason: {5}",
     "你于 {1} 提出的关于 {2} 的申诉 {0} 已被驳回，这些客户维持原方案。理由：{5}"},
    {Phrase::NoticeClosing, "Decided on {0}.", "决定日期：{0}。"},
    {Phrase::LetterSubject, "{0}: your new contact at {1}", "{0}：您在{1}的新联系人"},
    {Phrase::LetterBody,
     "Dear {0},\n\nI am {1}, and from {2} I am your contact at {3}, taking over from {4}. "
     "{4} has handed your notes and open matters over to me, so nothing you have agreed is "
     "lost.\n\nI would like to call you in the coming days to introduce myself. Please reply "
     "to this message with a time that suits you.\n\nKind regards,\n{1}\n",
     "{0}，您好：\n\n我是{1}。自 {2} 起，我将接替{4}，担任您在{3}的联系人。{4}已将您的资料和"
     "未完成的事项交接给我，您已商定的事项都会继续有效。\n\n近日我想致电向您作自我介绍，请回复"
     "本邮件告知方便的时间。\n\n此致\n敬礼\n{1}\n"},
    {Phrase::Yes, "yes", "是"},
    {Phrase::No, "no", "否"},
    {Phrase::Nobody, "nobody", "无"},
    {Phrase::RunnersUp, "Next candidates", "其他候选人"},
    {Phrase::YourAppeals, "Your appeals", "你的申诉"},
    {Phrase::TaskIntroduce, "Introduce the new owner to the client", "向客户介绍新负责人"},
    {Phrase::TaskTransferNotes, "Transfer the handover notes", "移交交接备注"},
    {Phrase::TaskFirstContact, "First contact by the new owner", "新负责人首次联系客户"},
    {Phrase::TaskLine, "{0}: {1}, due {2} ({3})", "{0}：{1}，截止 {2}（{3}）"},
    {Phrase::Company, "the firm", "本公司"},
    {Phrase::WonBestFit, "best fit the allocation as a whole allows", "在整体分配中匹配度最佳"},
    {Phrase::WonOnlyEligible, "the only eligible employee with room", "唯一符合条件且有余量的员工"},
    {Phrase::WonPinned, "pinned by the policy or an appeal", "由规则或申诉固定分配"},
    {Phrase::WonContinuity, "served this client before", "曾经服务过该客户"},
    {Phrase::WonFairness, "balances the fairness targets", "用于平衡公平目标"},
    {Phrase::WonTie, "a tie: every fit weight is 0, so the fit chose nobody",
     "并列：所有匹配度权重均为 0，匹配度不决定人选"},
    {Phrase::WonFitsZero,
     "a tie: every candidate's fit for this client is 0, so the fit chose nobody",
     "并列：该客户所有候选人的匹配度均为 0，匹配度不决定人选"},
    {Phrase::Pin, "pin (receive)", "固定分配（接收）"},
    {Phrase::Forbid, "forbid (not receive)", "排除分配（不接收）"},
    {Phrase::Open, "open", "待决定"},
    {Phrase::Accepted, "accepted", "已接受"},
    {Phrase::Rejected, "rejected", "已驳回"},
    {Phrase::WonWithFit, "{0} (fit {1})", "{0}（匹配度 {1}）"},
    {Phrase::RunnerUpLine, "{0} ({1})", "{0}（{1}）"},
    {Phrase::ShareNoteFewClients,
     "No client goes to {0} of the {1} receivers, because {2} cannot be split evenly among {1} "
     "receivers. Each receiver is still within one client of its target value, as "
     "the Value share test (`wprop1_value`) requires.",
     "{0} 名接收人没有分到客户（共 {1} 名），因为 {2}无法在 {1} 名接收人之间平均分配。"
     "按价值份额检验（`wprop1_value`）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Phrase::ShareNoteLargeClient,
     "No client goes to {0} of the {1} receivers, because one client is worth up to {2}, at "
     "least the whole target value of each of them (at most {3}). Each receiver is still within "
     "one client of its target value, as the Value share test (`wprop1_value`) requires.",
     "{0} 名接收人没有分到客户（共 {1} 名），因为单个客户的价值最高达 {2}，"
     "不低于其中任何一人的目标价值（最高 {3}）。"
     "按价值份额检验（`wprop1_value`）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Phrase::ShareNoteOverTarget,
     "The max deviation, {0}, is that of {1}: {2} worth {3} against a target value of {4}. "
     "The Value share test (`wprop1_value`) limits how far a receiver falls below its target, "
     "not how far above it goes.",
     "最大偏差 {0} 来自 {1}：{2}，价值 {3}，目标价值为 {4}。"
     "价值份额检验（`wprop1_value`）只限制接收人低于目标的幅度，不限制高出目标的幅度。"},
    {Phrase::ZeroPriceWithGap,
     "The price of fairness is 0 because the fair allocation fits as well as the best "
     "allocation found. The optimality gap of {0} compares that fit with an upper bound of {1} "
     "that the solver could not tighten, so it shows that the bound is loose, not that a better "
     "allocation is known.",
     "公平的代价为 0，因为公平分配的匹配度与找到的最佳分配相同。{0} "
     "的最优性差距是把该匹配度与求解器未能收紧的上界 {1} "
     "相比得出的，说明的是上界较松，并不表示已知有更好的分配。"},
    {Phrase::OneClient, "1 client", "1 个客户"},
    {Phrase::ClientsCounted, "{0} clients", "{0} 个客户"},
    {Phrase::ShareNoteConcentrated,
     "No client goes to {0} of the {1} receivers. {2} among {1} receivers leave {3} without "
     "one; the other {4} get none because the placed clients went to {5}: {6}. "
     "Each receiver is still within one client of its target value, as the Value share test "
     "(`wprop1_value`) requires.",
     "{0} 名接收人没有分到客户（共 {1} 名）。{2}分给 {1} 名接收人，按数量只会有 {3} 名分不到；"
     "其余 {4} 名分不到，是因为已分配的客户集中给了 {5}：{6}。"
     "按价值份额检验（`wprop1_value`）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Phrase::WonByContinuity, "{0} to a colleague who served the client before",
     "{0} 个交给曾服务过该客户的同事"},
    {Phrase::WonByBestFit, "{0} to the receiver with the best fit", "{0} 个交给匹配度最高的接收人"},
    {Phrase::WonByOnlyEligible, "{0} to the only eligible receiver with room",
     "{0} 个交给唯一符合条件且有容量的接收人"},
    {Phrase::WonByPin, "{0} by a pin of the policy", "{0} 个按策略的指定分配"},
    {Phrase::WonByFairness, "{0} to keep the shares of value and difficulty near the targets",
     "{0} 个为使价值和难度份额接近目标而分配"},
    {Phrase::OneReceiver, "1 receiver", "1 名接收人"},
    {Phrase::ReceiversCounted, "{0} receivers", "{0} 名接收人"},
    {Phrase::UnverifiedResultOne,
     "Warning: this result fails verification with {0} breach: {1}. Do not act on it until "
     "`baton verify` passes on it.",
     "警告：本结果未通过验证，有 {0} 处违反规则：{1}。在 `baton verify` "
     "验证通过之前，请勿据此执行。"},
    {Phrase::NoDifficultyInputs,
     "No client has a difficulty input (the clients' `difficulty`, `workload`, `satisfaction`, "
     "`complaints` or `late_payments`), so every difficulty is 0. The Difficulty spread is "
     "therefore 0, and Difficulty share and No envy on difficulty pass without testing how the "
     "work is shared. To test it, import a clients table with at least one of these columns "
     "and allocate again.",
     "没有任何客户有难度数据（客户的 `difficulty`、`workload`、`satisfaction`、`complaints` "
     "或 `late_payments`），因此每个客户的难度都是 0。难度离散度因此为 0，难度份额和难度无嫉妒"
     "两项检验虽然通过，却没有检验工作量分得是否公平。要检验这一点，请导入至少含其中一列的客户表"
     "（中文表头可用难度、工作量、满意度、投诉或逾期次数），然后重新分配。"},
    {Phrase::HandoverHeading, "Handover", "交接"},
    // {4} is the date the overdue tasks are counted at and {5} the planned handover end.
    {Phrase::HandoverSummary,
     "{0} handover task(s): {1} done, {2} open, {3} overdue as of {4}, the latest date in the "
     "cycle record. The handover is due by {5}.",
     "交接任务共 {0} 项：已完成 {1} 项，未完成 {2} 项；截至 {4}（周期记录中的最新日期）已逾期 "
     "{3} 项。交接截止日期：{5}。"},
    {Phrase::TaskColumn, "Task", "任务"},
    {Phrase::TaskDone, "done", "已完成"},
    {Phrase::TaskDoneOn, "done on {0}", "已于 {0} 完成"},
    {Phrase::TaskOpen, "open", "未完成"},
    {Phrase::TaskOverdue, "overdue", "已逾期"},
    {Phrase::OverdueTasks, "Overdue tasks:", "逾期任务："},
    {Phrase::OverdueLine, "{0}: {1}, due {2}, new owner {3}", "{0}：{1}，截止 {2}，新负责人 {3}"},
    {Phrase::FollowUpHeading, "Follow-up", "回访"},
    {Phrase::FollowUpSummary,
     "{0} of {1} moved client(s) have an outcome: {2} retained, {3} lost, a retention rate of "
     "{4}. Mean satisfaction (1 to 5): {5}.",
     "{1} 个转移的客户中，{0} 个已记录回访结果：留住 {2} 个，流失 {3} 个，留存率 {4}。"
     "平均满意度（1 到 5 分）：{5}。"},
    {Phrase::FollowUpRevenue,
     "Revenue since the final: {0}; in the same stretch of time one year earlier: {1}; revenue "
     "kept: {2}.",
     "定案以来的收入：{0}；一年前同期的收入：{1}；收入保持率：{2}。"},
    {Phrase::MovedClients, "Moved clients", "转移的客户"},
    {Phrase::WithOutcome, "With an outcome", "已记录结果"},
    {Phrase::OutcomeRetained, "Retained", "留住"},
    {Phrase::OutcomeLost, "Lost", "流失"},
    {Phrase::RetentionRate, "Retention rate", "留存率"},
    {Phrase::MeanSatisfaction, "Mean satisfaction", "平均满意度"},
    {Phrase::RevenueKept, "Revenue kept", "收入保持率"},
};

static_assert(std::size(kEntries) == std::size_t(Phrase::Count),
              "every phrase needs one row in kEntries");

const Entry& entry(Phrase id) {
    static const std::array<const Entry*, std::size_t(Phrase::Count)> index = [] {
        std::array<const Entry*, std::size_t(Phrase::Count)> out{};
        for (const Entry& e : kEntries) out[std::size_t(e.id)] = &e;
        return out;
    }();
    return *index[std::size_t(id)];
}

}  // namespace

std::string phrase(const std::string& lang, Phrase id, std::initializer_list<std::string> args) {
    const Entry& e = entry(id);
    std::string text = lang == "zh-CN" ? e.zh : e.en;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            std::size_t n = std::size_t(text[i + 1] - '0');
            if (n < args.size()) out += *(args.begin() + n);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string taskTitle(const std::string& lang, const std::string& task, const std::string& title) {
    if (!title.empty()) return title;
    if (task == "introduce") return phrase(lang, Phrase::TaskIntroduce);
    if (task == "transfer_notes") return phrase(lang, Phrase::TaskTransferNotes);
    if (task == "first_contact") return phrase(lang, Phrase::TaskFirstContact);
    return task;
}

std::string wonBecause(const std::string& lang, const Assignment& a, bool fitWeightsZero) {
    if (fitTieOf(a, fitWeightsZero) == FitTie::FitsZero) return phrase(lang, Phrase::WonFitsZero);
    return wonBecause(lang, a.wonBecause, fitWeightsZero);
}

std::string wonBecause(const std::string& lang, const std::string& code, bool fitChoseNobody) {
    if (code == "best_fit" && fitChoseNobody) return phrase(lang, Phrase::WonTie);
    if (code == "best_fit") return phrase(lang, Phrase::WonBestFit);
    if (code == "only_eligible") return phrase(lang, Phrase::WonOnlyEligible);
    if (code == "pinned") return phrase(lang, Phrase::WonPinned);
    if (code == "continuity") return phrase(lang, Phrase::WonContinuity);
    if (code == "fairness_balance") return phrase(lang, Phrase::WonFairness);
    return code;
}

std::string lostBecause(const std::string& lang, const std::string& code, double runnerUpFit,
                        double chosenFit) {
    std::string phraseCode = code;
    if (code == "lower_fit" && runnerUpFit == chosenFit) phraseCode = "equal_fit";
    if (code == "lower_fit" && runnerUpFit > chosenFit) phraseCode = "higher_fit_overall";
    const char* text = reasonPhrase("lost", phraseCode, lang == "zh-CN");
    return text != nullptr ? text : "`" + code + "`";
}

std::string unassignedReason(const std::string& lang, const std::string& code) {
    const char* text = reasonPhrase("unassigned", code, lang == "zh-CN");
    return text != nullptr ? text : "`" + code + "`";
}

}  // namespace baton::cycle_text
