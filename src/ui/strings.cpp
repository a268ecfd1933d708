#include "ui/strings.h"

#include <cstddef>
#include <cstring>

#include "core/allocation_result.h"
#include "core/explanation_codes.h"
#include "io/reason_phrases.h"

namespace baton::ui {
namespace {

enum class Language { English, Chinese };

// One UI text: its id, a stable key for translation files, and a text per language.
// A null translation falls back to English.
struct TextEntry {
    Str id;
    const char* key;
    const char* english;
    const char* chinese;
};

constexpr TextEntry kTexts[] = {
    {Str::AppTitle, "app.title", "Baton", "Baton 接力"},
    {Str::AppSubtitle, "app.subtitle", "fair client handover", "公平的客户交接"},
    {Str::Loading, "app.loading", "Loading the stored workspace…", "正在加载已保存的工作区…"},
    {Str::TabEmployees, "tab.employees", "Employees", "员工"},
    {Str::TabClients, "tab.clients", "Clients", "客户"},
    {Str::TabAllocation, "tab.allocation", "Allocation", "分配"},
    {Str::TabLog, "tab.log", "Log", "日志"},
    {Str::ToolbarCounts, "toolbar.counts",
     "%d {employee|employees} · %d {client|clients} · %d released",
     "%d 名员工 · %d 个客户 · %d 个待交接"},
    {Str::SaveNow, "toolbar.save", "Save now", "立即保存"},
    {Str::OpenFile, "toolbar.open", "Open file…", "打开文件…"},
    {Str::ExportWorkspace, "toolbar.export", "Export JSON", "导出 JSON"},
    {Str::LanguageEnglish, "language.en", "English", "English"},
    {Str::LanguageChinese, "language.zh", "中文", "中文"},
    {Str::SavedState, "save.saved", "Saved in this browser", "已保存在此浏览器中"},
    {Str::SavingState, "save.saving", "Saving…", "正在保存…"},
    {Str::UnsavedState, "save.unsaved", "Unsaved changes", "有未保存的更改"},
    {Str::MemoryOnlyState, "save.memory_only",
     "Not stored: this browser keeps nothing after the tab closes",
     "未存储：关闭此标签页后，浏览器不会保留任何数据"},
    {Str::StaleState, "save.stale",
     "Not saving: another tab saved newer data. Export your changes, then reload.",
     "已停止保存：另一个标签页保存了更新的数据。请先导出您的更改，再重新加载。"},
    {Str::StatusWorkspace, "status.workspace", "Workspace: %s", "工作区：%s"},
    {Str::ColumnId, "column.id", "ID", "编号"},
    {Str::ColumnName, "column.name", "Name", "名称"},
    {Str::ColumnTeam, "column.team", "Team", "团队"},
    {Str::ColumnRole, "column.role", "Role", "岗位"},
    {Str::ColumnStatus, "column.status", "Status", "状态"},
    {Str::ColumnPerformance, "column.performance", "Performance P", "绩效 P"},
    {Str::ColumnBook, "column.book", "Clients", "客户数"},
    {Str::ColumnOwner, "column.owner", "Owner", "负责人"},
    {Str::ColumnValue, "column.value", "Value V", "价值 V"},
    {Str::ColumnDifficulty, "column.difficulty", "Difficulty D", "难度 D"},
    {Str::ColumnTier, "column.tier", "Tier", "等级"},
    {Str::ColumnReleased, "column.released", "Released", "待交接"},
    {Str::ColumnClient, "column.client", "Client", "客户"},
    {Str::ColumnFrom, "column.from", "From", "原负责人"},
    {Str::ColumnTo, "column.to", "To", "新负责人"},
    {Str::ColumnFit, "column.fit", "Fit", "匹配度"},
    {Str::ColumnWhy, "column.why", "Why", "分配理由"},
    {Str::ColumnReason, "column.reason", "Reason", "原因"},
    {Str::ColumnDetail, "column.detail", "Detail", "详情"},
    {Str::ColumnEmployee, "column.employee", "Employee", "员工"},
    {Str::ColumnClients, "column.clients", "Clients", "客户数"},
    {Str::ColumnValueVsTarget, "column.value_vs_target", "Value vs target", "价值 / 目标"},
    {Str::ColumnDifficultyVsShare, "column.difficulty_vs_share", "Difficulty vs share",
     "难度 / 份额"},
    {Str::ColumnBookAfter, "column.book_after", "Book after", "分配后客户数"},
    {Str::ColumnSequence, "column.sequence", "#", "#"},
    {Str::ColumnLevel, "column.level", "Level", "级别"},
    {Str::ColumnMessage, "column.message", "Message", "消息"},
    {Str::ProvisionalMark, "employees.provisional", "*", "*"},
    {Str::ProvisionalTooltip, "employees.provisional_tooltip",
     "Provisional score, shrunk toward the group median: %s",
     "暂定评分，已向所在组的中位数收缩：%s"},
    {Str::EmployeesFilterHint, "employees.filter", "Filter by id, name, team or role",
     "按编号、姓名、团队或岗位筛选"},
    {Str::EmployeesShown, "employees.shown", "%d of %d {employee|employees}",
     "显示 %d / %d 名员工"},
    {Str::ClientsFilterHint, "clients.filter", "Filter by id, name, owner, industry or region",
     "按编号、名称、负责人、行业或地区筛选"},
    {Str::ClientsShown, "clients.shown", "%d of %d {client|clients}", "显示 %d / %d 个客户"},
    {Str::ReleasedOnly, "clients.released_only", "Released only", "仅显示待交接"},
    {Str::ReleasedMark, "clients.released_mark", "✓ released", "✓ 待交接"},
    {Str::NoOwner, "clients.no_owner", "(nobody)", "（无）"},
    {Str::KeyAccount, "clients.key_account",
     "Key account: when its owner leaves, it goes only to the key-account team.",
     "重点客户：负责人离职时，只交给重点客户团队。"},
    {Str::LastDayTitle, "last_day.title", "Last day", "最后工作日"},
    {Str::LastDayPrompt, "last_day.prompt",
     "Last working day of %s (YYYY-MM-DD):", "%s 的最后工作日（YYYY-MM-DD）："},
    {Str::LastDayInvalid, "last_day.invalid",
     "Enter a calendar date as YYYY-MM-DD, for example 2026-12-31.",
     "请按 YYYY-MM-DD 格式输入日期，例如 2026-12-31。"},
    {Str::LastDayConfirm, "last_day.confirm", "Mark as leaving", "标记为离职"},
    {Str::CapacityTitle, "capacity.title", "Capacity", "容量"},
    {Str::CapacityPrompt, "capacity.prompt",
     "Limits of %s. Leave a field empty to use the policy's default.",
     "%s 的上限。留空则使用策略的默认值。"},
    {Str::CapacityClients, "capacity.clients", "Client limit", "客户上限"},
    {Str::CapacityWorkload, "capacity.workload", "Workload limit", "工作量上限"},
    {Str::CapacityDefaultHint, "capacity.default_hint", "policy default: %s", "策略默认值：%s"},
    {Str::CapacityClientsInvalid, "capacity.clients_invalid",
     "Client limit: enter a whole number from 0 to 1000000000, or leave the field empty for "
     "the policy's default.",
     "客户上限：请输入 0 到 1000000000 之间的整数，或留空以使用策略的默认值。"},
    {Str::CapacityWorkloadInvalid, "capacity.workload_invalid",
     "Workload limit: enter a number of 0 or more, or leave the field empty for the policy's "
     "default.",
     "工作量上限：请输入不小于 0 的数，或留空以使用策略的默认值。"},
    {Str::CapacitySave, "capacity.save", "Save limits", "保存上限"},
    {Str::CapacityCellHint, "capacity.cell_hint",
     "Clients or workload the employee has now against their limit; — is no limit. Click to "
     "edit the limits.",
     "该员工当前的客户数或工作量及其上限；— 表示不设上限。点击可编辑上限。"},
    {Str::CapacityFromPolicy, "capacity.from_policy",
     "The limit is the policy's default, because the employee has no limit of their own.",
     "该员工没有自己的上限，因此使用策略的默认值。"},
    {Str::CapacityOver, "capacity.over",
     "The employee holds more than their limit now, so the next allocation gives them no "
     "client.",
     "该员工当前已超出上限，因此下一次分配不会再给其分配客户。"},
    {Str::NoLimit, "common.no_limit", "no limit", "不设上限"},
    {Str::ColumnClientLimit, "column.client_limit", "Clients", "客户数"},
    {Str::ColumnWorkloadLimit, "column.workload_limit", "Workload", "工作量"},
    {Str::ColumnPerformanceShort, "column.performance_short", "P", "绩效"},
    {Str::ColumnClientLimitHint, "column.client_limit_hint",
     "Clients: the clients the employee owns / their client limit (— is no limit)",
     "客户数：该员工拥有的客户数 / 客户数上限（— 表示无上限）"},
    {Str::ColumnWorkloadLimitHint, "column.workload_limit_hint",
     "Workload: the sum of the owned clients' workloads / the workload limit (— is no limit)",
     "工作量：所拥有客户的工作量之和 / 工作量上限（— 表示无上限）"},
    {Str::Cancel, "common.cancel", "Cancel", "取消"},
    {Str::Allocate, "allocation.allocate", "Allocate", "分配"},
    {Str::Allocating, "allocation.allocating", "Allocating %d released {client|clients}…",
     "正在分配 %d 个待交接客户…"},
    {Str::Apply, "allocation.apply", "Apply", "应用"},
    {Str::AllocateHint, "allocation.hint",
     "Allocate proposes a new owner for {the|each of the} %d released {client|clients}. "
     "It changes no owner until you apply it.",
     "“分配”为 %d 个待交接客户各提出一位新负责人。在您应用之前，不会更改任何负责人。"},
    {Str::NothingReleased, "allocation.nothing_released",
     "No client is released. Mark an employee as leaving or departed on the Employees tab.",
     "没有待交接的客户。请在“员工”标签页中将员工标记为即将离职或已离职。"},
    {Str::ResultHeadline, "allocation.headline", "%d placed · %d unassigned",
     "已分配 %d 个 · 未分配 %d 个"},
    {Str::ResultMethod, "allocation.method", "Method %s · seed %llu · %s",
     "方法 %s · 随机种子 %llu · %s"},
    {Str::ResultOptimal, "allocation.optimal", "fit proven optimal", "匹配度已证明最优"},
    {Str::ResultBound, "allocation.bound", "fit within %.2f%% of the bound",
     "匹配度与上界相差不超过 %.2f%%"},
    {Str::ResultZeroPriceWithGap, "allocation.zero_price_with_gap",
     "The price of fairness is 0 because the fair allocation fits as well as the best "
     "allocation found. The gap of %.2f%% compares that fit with an upper bound that the solver "
     "could not tighten, so it shows that the bound is loose, not that a better allocation is "
     "known.",
     "公平的代价为 0，因为公平分配的匹配度与找到的最佳分配相同。%.2f%% "
     "的差距是把该匹配度与求解器未能收紧的上界相比得出的，说明的是上界较松，并不表示已知有更好的分"
     "配。"},
    {Str::ResultNothingPlaced, "allocation.nothing_placed", "nothing placed, so no fit to optimise",
     "未分配任何客户，匹配度无从优化"},
    {Str::NothingPlacedNoReceivers, "allocation.nothing_placed_no_receivers",
     "Nothing placed: no active employee can receive clients, so %d released "
     "{client stays|clients stay} unassigned. Set at least one employee's status to active on "
     "the Employees tab, then allocate again.",
     "未分配任何客户：没有在职员工可以接收客户，%d 个待交接客户全部未分配。请在“员工”标签页中"
     "至少将一位员工的状态设为在职，然后重新分配。"},
    {Str::NothingPlacedUnassigned, "allocation.nothing_placed_unassigned",
     "Nothing placed: %d released {client|clients} could not be placed. The Unassigned tab "
     "gives each client's reason.",
     "未分配任何客户：%d 个待交接客户都无法分配。“未分配”标签页列出了每位客户的原因。"},
    {Str::FigureTotalFit, "figure.total_fit", "Total fit", "总匹配度"},
    {Str::FigurePriceOfFairness, "figure.price_of_fairness", "Price of fairness", "公平的代价"},
    {Str::FigureMaxDeviation, "figure.max_deviation", "Max deviation from target",
     "与目标的最大偏差"},
    {Str::FigureGini, "figure.gini", "Gini of value per weight", "单位权重价值的基尼系数"},
    {Str::FigureDifficultySpread, "figure.difficulty_spread", "Difficulty spread", "难度离散度"},
    {Str::FigureContinuity, "figure.continuity", "Continuity", "服务连续性"},
    {Str::FigureMaxDeviationHelp, "figure.max_deviation_help",
     "The largest gap between the value an employee receives and their target, as a share "
     "of the target. The target is the employee's part of the released value by entitlement "
     "weight, not an equal count of clients.",
     "各员工所得价值与其目标之差占目标比例的最大值。目标是按权益权重分得的待交接价值，"
     "而不是相同的客户数量。"},
    {Str::FigureGiniHelp, "figure.gini_help",
     "How unevenly value per entitlement weight is spread over the employees: 0 when each "
     "receives value in proportion to their weight, nearer 1 when a few receive most of it. "
     "Client counts do not enter it.",
     "单位权益权重所得价值在员工之间的不均程度：每人都按权重比例获得价值时为 0，少数人拿到大部分"
     "价值时接近 1。客户数量不计入此指标。"},
    {Str::FigureEvennessNote, "figure.evenness_note",
     "The fair solver maximises fit under the two WPROP1 guarantees: everyone reaches their "
     "value target with at most one more client, and nobody's difficulty exceeds their share "
     "once their hardest client is left out. WPROP1 limits shortfalls, not surpluses, and "
     "the solver does not minimise this figure, so it can be higher than for a baseline that "
     "ignores fit, such as round robin. The Value share and Difficulty share rows show "
     "whether a method meets WPROP1.",
     "公平求解器在两项 WPROP1 保证下使匹配度最大：每个人至多再多一个客户即可达到价值目标；"
     "去掉各自最难的一个客户后，没有人的难度超过其份额。WPROP1 限制的是不足而不是超出，"
     "求解器也不以此指标为优化目标，因此它可能高于不考虑匹配度的基准（例如轮流分配）。"
     "“价值份额”和“难度份额”两行显示各方法是否满足 WPROP1。"},
    {Str::CertificateWprop1Value, "certificate.wprop1_value", "Value share", "价值份额"},
    {Str::CertificateWprop1Difficulty, "certificate.wprop1_difficulty", "Difficulty share",
     "难度份额"},
    {Str::CertificateWef1Value, "certificate.wef1_value", "No envy on value", "价值无嫉妒"},
    {Str::CertificateWef1Difficulty, "certificate.wef1_difficulty", "No envy on difficulty",
     "难度无嫉妒"},
    {Str::CertificateEfBoth, "certificate.ef_both", "Envy-free up to %d", "去掉至多 %d 个后无嫉妒"},
    {Str::CertificateWprop1ValueHelp, "certificate.wprop1_value_help",
     "WPROP1 on value: everyone reaches their value target with at most one more client.",
     "价值 WPROP1：每个人至多再多一个客户，即可达到其价值目标。"},
    {Str::CertificateWprop1DifficultyHelp, "certificate.wprop1_difficulty_help",
     "WPROP1 on difficulty: nobody's difficulty exceeds their share once their hardest "
     "client is left out.",
     "难度 WPROP1：去掉各自最难的一个客户后，没有人的难度超过其份额。"},
    {Str::CertificateWef1ValueHelp, "certificate.wef1_value_help",
     "WEF1 on value: nobody envies a colleague's value, per entitlement, once the "
     "colleague's most valuable client is left out.",
     "价值 WEF1：去掉同事最有价值的一个客户后，按权益折算，没有人羡慕同事的价值。"},
    {Str::CertificateWef1DifficultyHelp, "certificate.wef1_difficulty_help",
     "WEF1 on difficulty: nobody carries more difficulty per entitlement than a colleague "
     "once their own hardest client is left out.",
     "难度 WEF1：去掉自己最难的一个客户后，按权益折算，没有人承担的难度多于同事。"},
    {Str::CertificateEfBothHelp, "certificate.ef_both_help",
     "Every pair passes the envy test on value and on difficulty after removing at most "
     "this many clients.",
     "每两位员工之间，至多去掉这么多个客户后，在价值和难度上都通过无嫉妒检验。"},
    {Str::SectionProposed, "allocation.proposed", "Proposed", "建议负责人"},
    {Str::SectionUnassigned, "allocation.unassigned", "Unassigned", "未分配"},
    {Str::SectionPerEmployee, "allocation.per_employee", "Per employee", "按员工"},
    {Str::SectionWitnesses, "allocation.witnesses", "Why a test failed", "检验未通过的原因"},
    {Str::WitnessNoConstraint, "allocation.witness_none", "No single constraint is to blame.",
     "并非某一项约束单独导致。"},
    {Str::WitnessForcedBy, "allocation.witness_forced_by", "Forced by: %s.", "由此约束导致：%s。"},
    {Str::WitnessWprop1Value, "allocation.witness_wprop1_value",
     "%s stays below their value target even with %s added.",
     "%s：即使再加上 %s，仍未达到价值目标。"},
    {Str::WitnessWprop1Difficulty, "allocation.witness_wprop1_difficulty",
     "%s carries more than their difficulty share even without %s.",
     "%s：即使去掉 %s，承担的难度仍超过其份额。"},
    {Str::WitnessWef1Value, "allocation.witness_wef1_value",
     "%s would value %s's clients above their own, per entitlement, even without %s.",
     "%s：按权益折算，即使不计 %s 名下的 %s，对方的客户价值仍高于自己。"},
    {Str::WitnessWef1Difficulty, "allocation.witness_wef1_difficulty",
     "%s carries more difficulty per entitlement than %s, even without their own hardest "
     "client %s.",
     "%s：按权益折算，承担的难度多于 %s，即使去掉自己最难的客户 %s。"},
    {Str::WitnessEnvyMeasured, "allocation.witness_envy_measured",
     "No constraint forces this. Baton guarantees the two share tests and reports envy "
     "without enforcing it, so that fit stays high; moving or pinning a client closes it.",
     "并非约束所致。Baton 保证两项份额检验，无嫉妒只报告而不强制，以保持匹配度；"
     "改派或固定某个客户即可消除。"},
    {Str::WitnessLine, "allocation.witness_line", "%s: %s %s", "%s：%s%s"},
    {Str::CertificateMeasuredHelp, "certificate.measured_help",
     "Measured, not guaranteed: an amber badge is a figure to review, not a broken rule.",
     "只测量、不保证：琥珀色标记是需要查看的数字，而不是违反规则。"},
    {Str::CertificateNotApplicable, "certificate.not_applicable", "%s: n/a", "%s：不适用"},
    {Str::CertificateEfBothName, "certificate.ef_both_name", "Envy-free up to c",
     "去掉至多 c 个后无嫉妒"},
    {Str::CertificateNotApplicableHelp, "certificate.not_applicable_help",
     "Not applicable: no client was placed, so there is no share to test.",
     "不适用：没有分配任何客户，因此没有可检验的份额。"},
    {Str::FitBreakdown, "allocation.fit_breakdown", "Fit breakdown", "匹配度明细"},
    {Str::RunnersUp, "allocation.runners_up", "Next candidates", "其他候选人"},
    {Str::RunnerUpLine, "allocation.runner_up", "%s: fit %.3f, %s", "%s：匹配度 %.3f，%s"},
    {Str::ReceivedOfTarget, "allocation.received_of_target", "Received %.1f of %.1f",
     "已获得 %.1f，目标 %.1f"},
    {Str::NoShare, "allocation.no_share", "no share", "不参与分配"},
    {Str::NoShareHelp, "allocation.no_share_help",
     "This employee cannot take any released client: its own limits leave no room, or it is "
     "eligible for none of them. So it takes no share, its targets are 0, and the fairness "
     "tests leave it out. The result's notes name the cause.",
     "此员工无法接收任何待分配客户：自身上限已无余量，或不符合任何客户的条件。因此不参与分配，"
     "目标为 0，公平性检验也不包括此员工。结果的备注写明了原因。"},
    {Str::ApplyHint, "allocation.apply_hint",
     "Apply makes the proposed owners the owners of record.",
     "“应用”会把建议负责人设为正式负责人。"},
    {Str::ApplyOffNoReceivers, "allocation.apply_off_no_receivers",
     "Apply is off because this proposal changes no owner: no active employee can receive "
     "clients. Set at least one employee's status to active, then allocate again.",
     "“应用”不可用，因为本方案不会更改任何负责人：没有在职员工可以接收客户。请至少将一位员工的"
     "状态设为在职，然后重新分配。"},
    {Str::ApplyOffNothingPlaced, "allocation.apply_off_nothing_placed",
     "Apply is off because this proposal changes no owner: no released client could be "
     "placed. The Unassigned tab gives each client's reason.",
     "“应用”不可用，因为本方案不会更改任何负责人：没有一个待交接客户能被分配。“未分配”标签页"
     "列出了每位客户的原因。"},
    {Str::ApplyOffNothingReleased, "allocation.apply_off_nothing_released",
     "Apply is off because this proposal changes no owner: no client is released. Mark an "
     "employee as leaving or departed on the Employees tab, then allocate again.",
     "“应用”不可用，因为本方案不会更改任何负责人：没有待交接的客户。请在“员工”标签页中将员工"
     "标记为即将离职或已离职，然后重新分配。"},
    {Str::ApplyOffSameOwners, "allocation.apply_off_same_owners",
     "Apply is off because this proposal changes no owner: each client already has its "
     "proposed owner.",
     "“应用”不可用，因为本方案不会更改任何负责人：每位客户的负责人已经是建议的负责人。"},
    {Str::ResultApplied, "allocation.result_applied",
     "Applied: the proposed owners below are the owners of record. Allocate makes a new "
     "proposal.",
     "已应用：下列建议负责人已是正式负责人。点击“分配”可生成新方案。"},
    {Str::LogClear, "log.clear", "Clear", "清空"},
    {Str::LogFollow, "log.follow", "Follow new entries", "跟随新条目"},
    {Str::LogShowDebug, "log.show_debug", "Show debug entries", "显示调试条目"},
    {Str::LogEmpty, "log.empty", "Nothing logged yet.", "暂无日志。"},
    {Str::TabScores, "tab.scores", "Scores", "评分"},
    {Str::TabPolicy, "tab.policy", "Policy", "策略"},
    {Str::BreakdownNone, "breakdown.none",
     "Click a row in the Employees or Clients table to see how its score is made up.",
     "点击“员工”或“客户”表中的一行，查看其评分的构成。"},
    {Str::BreakdownGone, "breakdown.gone", "The selected row is no longer in the workspace.",
     "所选的行已不在工作区中。"},
    {Str::BreakdownClientTitle, "breakdown.client_title", "Client %s · %s", "客户 %s · %s"},
    {Str::BreakdownEmployeeTitle, "breakdown.employee_title", "Employee %s · %s", "员工 %s · %s"},
    {Str::BreakdownValueSection, "breakdown.value", "Value V", "价值 V"},
    {Str::BreakdownDifficultySection, "breakdown.difficulty", "Difficulty D", "难度 D"},
    {Str::BreakdownPerformanceSection, "breakdown.performance", "Performance P", "绩效 P"},
    {Str::BreakdownTotal, "breakdown.total", "Total", "合计"},
    {Str::BreakdownMissing, "breakdown.missing", "missing", "缺失"},
    {Str::BreakdownProvisional, "breakdown.provisional", "Provisional: %s", "暂定：%s"},
    {Str::BreakdownNotProvisional, "breakdown.not_provisional", "Not provisional", "非暂定"},
    {Str::BreakdownSystemUser, "breakdown.system", "System user: no performance score",
     "系统用户：没有绩效评分"},
    {Str::BreakdownFlags, "breakdown.flags", "Flags: %s", "标记：%s"},
    {Str::BreakdownGroup, "breakdown.group", "Comparison group %s", "比较组 %s"},
    {Str::ColumnComponent, "column.component", "Component", "分项"},
    {Str::ColumnRaw, "column.raw", "Raw", "原始值"},
    {Str::ColumnNormalised, "column.normalised", "Normalised", "归一化值"},
    {Str::ColumnWeight, "column.weight", "Weight", "权重"},
    {Str::ColumnContribution, "column.contribution", "Contribution", "贡献"},
    {Str::PolicyHeading, "policy.heading", "Draft policy (in force: version %d)",
     "策略草稿（现行版本 %d）"},
    {Str::PolicyValueWeights, "policy.value_weights", "Value V weights", "价值 V 权重"},
    {Str::PolicyDifficultyWeights, "policy.difficulty_weights", "Difficulty D weights",
     "难度 D 权重"},
    {Str::PolicyPerformanceWeights, "policy.performance_weights", "Performance P weights",
     "绩效 P 权重"},
    {Str::PolicyFitWeights, "policy.fit_weights", "Fit weights", "匹配度权重"},
    {Str::PolicyNormalisation, "policy.normalisation", "Normalisation", "归一化方法"},
    {Str::PolicyNormPercentile, "policy.norm_percentile", "percentile", "百分位"},
    {Str::PolicyNormWinsorised, "policy.norm_winsorised", "winsorised min-max", "缩尾后最小-最大"},
    {Str::PolicyGroup, "policy.group", "Performance group", "绩效比较组"},
    {Str::PolicyGroupFirm, "policy.group_firm", "firm", "全公司"},
    {Str::PolicyGroupTeam, "policy.group_team", "team", "团队"},
    {Str::PolicyGroupRole, "policy.group_role", "role", "岗位"},
    {Str::PolicyRampMonths, "policy.ramp_months", "Ramp months", "新人爬坡月数"},
    {Str::PolicyWindowDays, "policy.window_days", "Window days", "统计窗口天数"},
    {Str::PolicyEntitlement, "policy.entitlement", "Entitlement", "应得份额"},
    {Str::PolicyEntitlementEqual, "policy.entitlement_equal", "equal", "平均"},
    {Str::PolicyEntitlementPerformance, "policy.entitlement_performance", "by performance",
     "按绩效"},
    {Str::PolicyEntitlementBlend, "policy.entitlement_blend", "blend", "混合"},
    {Str::PolicyAlpha, "policy.alpha", "Blend alpha", "混合系数 alpha"},
    {Str::PolicyMaxClients, "policy.max_clients", "Default client limit", "默认客户上限"},
    {Str::PolicyMaxWorkload, "policy.max_workload", "Default workload limit", "默认工作量上限"},
    {Str::PolicyMaxValueShare, "policy.max_value_share", "Value cap per employee, percent",
     "每人价值上限（百分比）"},
    {Str::PolicyNoCap, "policy.no_cap", "no cap", "不设上限"},
    {Str::PolicyWorkloadInvalid, "policy.workload_invalid",
     "Default workload limit: enter a number of 0 or more, or leave the field empty for no "
     "limit.",
     "默认工作量上限：请输入不小于 0 的数，或留空表示不设上限。"},
    {Str::PolicyShareInvalid, "policy.share_invalid",
     "Value cap per employee: enter a percentage above 0 and at most 100, or leave the field "
     "empty for no cap.",
     "每人价值上限：请输入大于 0 且不超过 100 的百分比，或留空表示不设上限。"},
    {Str::PolicyApplyInvalid, "policy.apply_invalid",
     "Apply is off until the limit marked in red below is a valid number or empty.",
     "下方标红的上限须为有效数字或留空，之后才能应用。"},
    {Str::PolicyLimits, "policy.limits", "Limits", "上限"},
    {Str::PolicyTeamBoundary, "policy.team_boundary", "Hand over within the team only",
     "仅在团队内交接"},
    {Str::PolicyApply, "policy.apply", "Apply policy", "应用策略"},
    {Str::PolicyReset, "policy.reset", "Reset to defaults", "恢复默认值"},
    {Str::PolicyExportRules, "policy.export_rules", "Export rules", "导出规则"},
    {Str::PolicyResetHint, "policy.reset_hint", "Reset keeps the pins and forbids.",
     "恢复默认值时保留指定与禁止的配对。"},
    {Str::PolicyUnchanged, "policy.unchanged", "The draft equals the policy in force.",
     "草稿与现行策略相同。"},
    {Str::PolicyPreview, "policy.preview", "Preview: largest score changes under the draft",
     "预览：草稿下变化最大的评分"},
    {Str::PolicyPreviewClients, "policy.preview_clients", "Clients (value V and difficulty D)",
     "客户（价值 V 和难度 D）"},
    {Str::PolicyPreviewEmployees, "policy.preview_employees", "Employees (performance P)",
     "员工（绩效 P）"},
    {Str::PolicyPreviewNone, "policy.preview_none", "No score changes.", "评分没有变化。"},
    {Str::PolicyRulesFailed, "policy.rules_failed", "Could not build the rules document: %s",
     "无法生成规则文档：%s"},
    // View settings, help and the guided tour.
    {Str::ViewMenu, "view.menu", "View", "视图"},
    {Str::ThemeHeading, "view.theme", "Theme", "主题"},
    {Str::ThemeLight, "view.theme_light", "Light", "浅色"},
    {Str::ThemeDark, "view.theme_dark", "Dark", "深色"},
    {Str::ThemeHighContrast, "view.theme_high_contrast", "High contrast", "高对比度"},
    {Str::FontSizeHeading, "view.font_size", "Font size: %d%%", "字号：%d%%"},
    {Str::FontSizeSmaller, "view.font_smaller", "Smaller", "缩小"},
    {Str::FontSizeLarger, "view.font_larger", "Larger", "放大"},
    {Str::FontSizeReset, "view.font_reset", "Reset", "还原"},
    {Str::FontSizeCapped, "view.font_capped",
     "Capped at %d%%: at a larger size the characters of this workspace would not fit "
     "in a %d x %d font texture.",
     "已限制为 %d%%：字号再大，本工作区用到的字符将无法放入 %d x %d 的字体纹理。"},
    {Str::HelpButton, "help.button", "Help", "帮助"},
    {Str::HelpTitle, "help.title", "User guide", "用户指南"},
    {Str::HelpUnavailable, "help.unavailable", "The user guide could not be read: %s",
     "无法读取用户指南：%s"},
    {Str::HelpStartTour, "help.start_tour", "Start the guided tour", "开始引导教程"},
    {Str::CloseWindow, "common.close", "Close", "关闭"},
    {Str::TourProgress, "tour.progress", "Step %d of %d", "第 %d 步，共 %d 步"},
    {Str::TourBack, "tour.back", "Back", "上一步"},
    {Str::TourNext, "tour.next", "Next", "下一步"},
    {Str::TourFinish, "tour.finish", "Finish", "完成"},
    {Str::TourEnd, "tour.end", "End tour", "结束教程"},
    {Str::TourTargetHidden, "tour.target_hidden",
     "The highlighted control is not on screen; widen the window or open its tab.",
     "高亮的控件不在屏幕上，请加宽窗口或打开对应的标签页。"},
    {Str::TourLeaverTitle, "tour.leaver_title", "1. Mark a leaver", "1. 标记离职员工"},
    {Str::TourLeaverBody, "tour.leaver_body",
     "On the Employees tab, set an employee's status to leaving (with the last working "
     "day) or departed. That employee's clients are released for handover.",
     "在“员工”标签页中，把某位员工的状态设为“即将离职”（并填写最后工作日）或“已离职”。"
     "该员工名下的客户随即进入待交接状态。"},
    {Str::TourEvaluateTitle, "tour.evaluate_title", "2. Evaluate", "2. 评估"},
    {Str::TourEvaluateBody, "tour.evaluate_body",
     "The Scores tab shows how each client's value V and difficulty D and each employee's "
     "performance P are made up. Click a row in the Employees or Clients table to see it.",
     "“评分”标签页展示每个客户的价值 V、难度 D 以及每位员工的绩效 P 是如何构成的。"
     "在“员工”或“客户”表中点击一行即可查看。"},
    {Str::TourAllocateTitle, "tour.allocate_title", "3. Allocate", "3. 分配"},
    {Str::TourAllocateBody, "tour.allocate_body",
     "Allocate proposes a new owner for every released client, with the reason for each "
     "choice. No owner changes until the proposal is applied.",
     "“分配”为每个待交接客户提出一位新负责人，并说明每项选择的理由。"
     "在应用方案之前，不会更改任何负责人。"},
    {Str::TourFairnessTitle, "tour.fairness_title", "4. Read the fairness report",
     "4. 阅读公平性报告"},
    {Str::TourFairnessBody, "tour.fairness_body",
     "The badges say whether each fairness guarantee holds. Per employee compares the value "
     "and difficulty everyone received against their target.",
     "徽章显示每项公平保证是否成立。“按员工”页把每个人获得的价值和难度与其目标进行对比。"},
    {Str::TourAppealTitle, "tour.appeal_title", "5. Take an appeal", "5. 处理申诉"},
    {Str::TourAppealBody, "tour.appeal_body",
     "While the objection window is open, an employee who disputes the proposal files an "
     "appeal under Cycle, Appeals. Accept or reject it with a written reason, then re-run "
     "the allocation to see what the accepted appeals change.",
     "异议期内，对方案有异议的员工可以在“周期”的“申诉”页提出申诉。写明理由后接受或驳回申诉，"
     "再重新运行分配，查看接受的申诉带来的变化。"},
    {Str::TourFinaliseTitle, "tour.finalise_title", "6. Finalise", "6. 确认生效"},
    {Str::TourFinaliseBody, "tour.finalise_body",
     "When the objection window has closed, advance the cycle to Final: the proposed "
     "owners become the owners of record, and open deals move with their client. Without a "
     "cycle, Apply in the Allocation panel does the same.",
     "异议期结束后，把周期推进到“定案”阶段：建议负责人成为正式负责人，进行中的商机随客户一同转移。"
     "没有周期时，“分配”面板中的“应用”起同样的作用。"},
    {Str::TourFairnessWaiting, "tour.fairness_waiting",
     "Press Allocate first: the report appears with the proposal.",
     "请先点击“分配”：报告会随方案一同显示。"},
    {Str::TourCycleWaiting, "tour.cycle_waiting",
     "No cycle is open yet: the Timeline tab starts one with the marked leavers.",
     "当前还没有进行中的周期：可在“时间线”页用已标记的离职员工开始一个周期。"},
    // Text entry, tables, undo and progress.
    {Str::CopyRows, "table.copy", "Copy", "复制"},
    {Str::CopyRowsTooltip, "table.copy_tooltip",
     "Copies the selected rows, or every shown row when none is selected, as tab-separated "
     "text that pastes into Excel (Ctrl+C in the table does the same). Ctrl+click adds a "
     "row to the selection and Shift+click a range; right-click a header to choose columns.",
     "把选中的行（未选中任何行时为全部显示的行）复制为制表符分隔的文本，可直接粘贴到 Excel"
     "（在表格中按 Ctrl+C 效果相同）。Ctrl+单击可加选一行，Shift+单击可选择一段；"
     "右键单击表头可选择显示哪些列。"},
    {Str::UndoButton, "edit.undo", "Undo", "撤销"},
    {Str::RedoButton, "edit.redo", "Redo", "重做"},
    {Str::UndoTooltip, "edit.undo_tooltip", "Undo the last edit (Ctrl+Z)",
     "撤销上一次修改（Ctrl+Z）"},
    {Str::RedoTooltip, "edit.redo_tooltip", "Redo the edit undone last (Ctrl+Y)",
     "重做刚撤销的修改（Ctrl+Y）"},
    {Str::BusyImporting, "busy.importing", "Importing %s…", "正在导入 %s…"},
    {Str::BusyAllocating, "busy.allocating", "Allocating the released clients…",
     "正在分配待交接的客户…"},
    {Str::BusySaving, "busy.saving", "Saving the workspace…", "正在保存工作区…"},
    {Str::BusyCancelling, "busy.cancelling", "Cancelling…", "正在取消…"},
    // Workspaces, storage, backups, encryption and exports.
    {Str::TabWorkspaces, "tab.workspaces", "Workspaces", "工作区"},
    {Str::TabStorage, "tab.storage", "Storage", "存储"},
    {Str::WorkspacesIntro, "workspaces.intro",
     "Keep one workspace per firm. Each is stored separately in this browser; the open one is "
     "marked.",
     "每家公司可以各用一个工作区，各自独立保存在此浏览器中；当前打开的工作区带有标记。"},
    {Str::WorkspacesMemoryOnly, "workspaces.memory_only",
     "Storage is not available, so only the open workspace exists, in memory.",
     "存储不可用，因此只有当前打开的工作区，且仅在内存中。"},
    {Str::WorkspaceNameHint, "workspaces.name_hint", "New workspace name", "新工作区名称"},
    {Str::WorkspaceCreate, "workspaces.create", "Create", "新建"},
    {Str::WorkingEllipsis, "common.working", "Working…", "处理中…"},
    {Str::ColumnCreated, "column.created", "Created", "创建时间"},
    {Str::ColumnLastBackup, "column.last_backup", "Last backup", "上次备份"},
    {Str::ColumnEncrypted, "column.encrypted", "Encrypted", "已加密"},
    {Str::WorkspaceOpenMark, "workspaces.open_mark", "(open)", "（已打开）"},
    {Str::Never, "common.never", "never", "从未"},
    {Str::Yes, "common.yes", "yes", "是"},
    {Str::No, "common.no", "no", "否"},
    {Str::WorkspaceOpen, "workspaces.open", "Open", "打开"},
    {Str::WorkspaceRename, "workspaces.rename", "Rename", "重命名"},
    {Str::WorkspaceDuplicate, "workspaces.duplicate", "Duplicate", "复制"},
    {Str::WorkspaceDelete, "workspaces.delete", "Delete", "删除"},
    {Str::WorkspaceRenameTitle, "workspaces.rename_title", "Rename workspace", "重命名工作区"},
    {Str::WorkspaceRenameSave, "workspaces.rename_save", "Save", "保存"},
    {Str::WorkspaceDeleteTitle, "workspaces.delete_title", "Delete workspace", "删除工作区"},
    {Str::WorkspaceDeleteQuestion, "workspaces.delete_question",
     "Delete workspace \"%s\"? Its data is removed from this browser and cannot be recovered "
     "without a backup file.",
     "确定删除工作区“%s”吗？其数据将从此浏览器中移除，没有备份文件便无法恢复。"},
    {Str::EncryptionHeading, "encryption.heading", "Encryption at rest", "静态加密"},
    {Str::EncryptionNeedsSecure, "encryption.needs_secure",
     "Encryption is unavailable: the browser offers WebCrypto only in a secure context (https, "
     "localhost, 127.0.0.1 or a local file), and this page is served over plain http.",
     "无法加密：浏览器仅在安全上下文（https、localhost、127.0.0.1 或本地文件）中提供 WebCrypto，而"
     "此页面通过普通 http 提供。"},
    {Str::EncryptionNeedsStorage, "encryption.needs_storage",
     "Encryption applies to stored data, and storage is not available.",
     "加密针对已存储的数据，而当前存储不可用。"},
    {Str::EncryptionOn, "encryption.on",
     "This workspace is encrypted: every stored file is sealed with AES-GCM under a key derived "
     "from its passphrase (PBKDF2-SHA-256).",
     "此工作区已加密：每个存储文件都用由密码短语派生（PBKDF2-SHA-256）的密钥以 AES-GCM 加密。"},
    {Str::EncryptionOff, "encryption.off",
     "This workspace is stored unencrypted. Set a passphrase to encrypt it; without the "
     "passphrase its data cannot be read again.",
     "此工作区以未加密形式存储。设置密码短语即可加密；忘记密码短语后数据将无法再读取。"},
    {Str::EncryptionLockNow, "encryption.lock_now", "Lock now", "立即锁定"},
    {Str::EncryptionRemove, "encryption.remove", "Remove encryption", "取消加密"},
    {Str::PassphraseHint, "encryption.passphrase_hint", "Passphrase (8+ characters)",
     "密码短语（至少 8 个字符）"},
    {Str::PassphraseRepeatHint, "encryption.repeat_hint", "Repeat the passphrase",
     "再次输入密码短语"},
    {Str::EncryptionChange, "encryption.change", "Change passphrase", "更改密码短语"},
    {Str::EncryptionSet, "encryption.set", "Encrypt with passphrase", "用密码短语加密"},
    {Str::PassphraseTooShort, "encryption.too_short",
     "The passphrase must have at least 8 characters.", "密码短语至少需要 8 个字符。"},
    {Str::PassphraseMismatch, "encryption.mismatch",
     "The two passphrases differ: type the same one twice.",
     "两次输入的密码短语不一致，请输入相同的内容。"},
    {Str::EncryptionSetDone, "encryption.set_done",
     "Encrypted. Every later save is encrypted before it is stored.",
     "已加密。之后的每次保存都会先加密再存储。"},
    {Str::EncryptionRemoved, "encryption.removed",
     "Encryption removed: the workspace is stored unencrypted again.",
     "已取消加密：工作区重新以未加密形式存储。"},
    {Str::EncryptionLockedDone, "encryption.locked_done",
     "Locked: the data and the key are no longer in memory.", "已锁定：数据和密钥已从内存中清除。"},
    {Str::IdleLockLabel, "encryption.idle_label",
     "Lock after minutes without input:", "无操作多少分钟后锁定："},
    {Str::IdleLockHint, "encryption.idle_hint",
     "0 never locks; applies to encrypted workspaces in this tab.",
     "0 表示从不锁定；仅对此标签页中的加密工作区有效。"},
    {Str::IdleLockDone, "encryption.idle_done", "Idle lock updated.", "空闲锁定时间已更新。"},
    {Str::ApplySetting, "common.apply_setting", "Set", "设置"},
    {Str::EncryptionRemoveTitle, "encryption.remove_title", "Remove encryption", "取消加密"},
    {Str::EncryptionRemoveQuestion, "encryption.remove_question",
     "Store this workspace unencrypted? Anyone with access to this browser profile can then read "
     "its data.",
     "确定以未加密形式存储此工作区吗？之后任何能访问此浏览器配置文件的人都可以读取其数据。"},
    {Str::UnlockTitle, "unlock.title", "Workspace \"%s\" is locked", "工作区“%s”已锁定"},
    {Str::UnlockPrompt, "unlock.prompt",
     "Its data is encrypted. Enter the passphrase to open it, or open another workspace below.",
     "其数据已加密。请输入密码短语以打开，或在下方打开其他工作区。"},
    {Str::UnlockButton, "unlock.button", "Unlock", "解锁"},
    {Str::StorageHealthHeading, "storage.health_heading", "Storage", "存储状态"},
    {Str::StorageKept, "storage.kept",
     "Stored in this browser (IndexedDB); nothing is sent anywhere.",
     "保存在此浏览器中（IndexedDB），不会发送到任何地方。"},
    {Str::StorageNotKept, "storage.not_kept", "Not stored: nothing is kept after this tab closes.",
     "未存储：关闭此标签页后不会保留任何数据。"},
    {Str::PersistenceGranted, "storage.persist_granted",
     "Persistent storage granted: the browser will not evict this data when space runs short.",
     "已获得持久存储：空间不足时浏览器不会清除这些数据。"},
    {Str::PersistenceDenied, "storage.persist_denied",
     "Persistent storage denied: the browser may evict this data when space runs short. Keep "
     "backups.",
     "持久存储被拒绝：空间不足时浏览器可能清除这些数据。请保留备份。"},
    {Str::PersistenceUnavailable, "storage.persist_unavailable",
     "Persistent storage cannot be requested in this page.", "此页面无法申请持久存储。"},
    {Str::PersistenceUnknown, "storage.persist_unknown",
     "Persistent storage: the browser has not answered yet.", "持久存储：浏览器尚未答复。"},
    {Str::StorageUsage, "storage.usage", "Usage: %.1f MB of %.1f MB (%.1f%%)",
     "已用：%.1f MB / %.1f MB（%.1f%%）"},
    {Str::StorageUsageUnknown, "storage.usage_unknown", "Usage and quota: unknown",
     "已用空间与配额：未知"},
    {Str::StorageQuotaFull, "storage.quota_full",
     "Storage is full (quota exceeded): the latest changes are not saved, and the last complete "
     "save is kept. Export a backup, then delete a workspace or free space for this site.",
     "存储已满（超出配额）：最新的更改未保存，上一次完整保存的数据仍然保留。请先导出备份，再删除工"
     "作区或为此网站释放空间。"},
    {Str::StorageStale, "storage.stale",
     "Another tab saved newer data, so this tab stopped saving. Export what you changed here, "
     "then reload.",
     "另一个标签页保存了更新的数据，因此此标签页已停止保存。请先导出在此处所做的更改，然后重新加载"
     "。"},
    {Str::StorageLastError, "storage.last_error", "Last storage error:", "上一个存储错误："},
    {Str::ReloadPage, "storage.reload", "Reload", "重新加载"},
    {Str::BackupHeading, "backup.heading", "Backups", "备份"},
    {Str::BackupNever, "backup.never", "This workspace has never been backed up.",
     "此工作区从未备份。"},
    {Str::BackupLast, "backup.last", "Last backup: %s UTC (%d {day|days} ago)",
     "上次备份：%s UTC（%d 天前）"},
    {Str::BackupPassphraseHint, "backup.passphrase_hint", "Passphrase (optional)",
     "密码短语（可选）"},
    {Str::BackupExport, "backup.export", "Export backup", "导出备份"},
    {Str::BackupRestore, "backup.restore", "Restore from file…", "从文件恢复…"},
    {Str::BackupDone, "backup.done", "Backup exported: keep the file somewhere safe.",
     "备份已导出：请妥善保存该文件。"},
    {Str::BackupReminderLabel, "backup.reminder_label",
     "Remind me when the last backup is older than (days):", "上次备份超过多少天时提醒我："},
    {Str::BackupDue, "backup.due",
     "No backup for %d {day|days}. Safari deletes a site's data after 7 days without a visit: "
     "keep a backup file.",
     "已有 %d 天没有备份。Safari 会在 7 天未访问后删除网站数据，请保留备份文件。"},
    {Str::BackupNow, "backup.now", "Back up now", "立即备份"},
    {Str::BackupSnooze, "backup.snooze", "Remind me tomorrow", "明天再提醒"},
    {Str::RestoreTitle, "restore.title", "Restore backup", "恢复备份"},
    {Str::RestoreQuestion, "restore.question",
     "Restore \"%s\" into a new workspace and open it? The open workspace stays stored as it is.",
     "将“%s”恢复为一个新工作区并打开吗？当前打开的工作区会原样保留。"},
    {Str::RestoreEncrypted, "restore.encrypted", "This backup is encrypted: enter its passphrase.",
     "此备份已加密：请输入其密码短语。"},
    {Str::RestorePassphraseHint, "restore.passphrase_hint", "Passphrase of an encrypted backup",
     "加密备份的密码短语"},
    {Str::RestoreConfirm, "restore.confirm", "Restore", "恢复"},
    {Str::RestoreDone, "restore.done", "Restored into a new workspace, which is now open.",
     "已恢复为一个新工作区，并已打开。"},
    {Str::ErrorLineColumn, "error.line_column", "(line %.0f, column %.0f)",
     "（第 %.0f 行，第 %.0f 列）"},
    {Str::ExportHeading, "export.heading", "Export", "导出"},
    {Str::ExportAssignmentsCsv, "export.assignments_csv", "Assignments CSV", "分配结果 CSV"},
    {Str::ExportAssignmentsGb18030, "export.assignments_gb18030", "Assignments CSV (GB18030)",
     "分配结果 CSV（GB18030）"},
    {Str::ExportAssignmentsXlsx, "export.assignments_xlsx", "Assignments XLSX", "分配结果 XLSX"},
    {Str::ExportNeedsResult, "export.needs_result",
     "Run an allocation first to export its assignments.", "请先运行分配，才能导出分配结果。"},
    {Str::ExportWorkspaceXlsx, "export.workspace_xlsx", "Workspace XLSX", "工作区 XLSX"},
    {Str::ExportPseudonymised, "export.pseudonymised", "Pseudonymised JSON", "匿名化 JSON"},
    {Str::ExportPseudonymisedHint, "export.pseudonymised_hint",
     "Names become \"Employee 001\" or \"Client 0001\", and ids that are not short codes "
     "such as C0042 are replaced in every table. Client notes, override reasons, the company "
     "name, unknown fields, cycles and the audit log are left out. Teams, roles, hire dates, "
     "skills, regions, amounts and every performance metric stay, and in a small firm they "
     "can still identify a person.",
     "姓名改为“Employee 001”或“Client 0001”；不是 C0042 这类短编码的编号在所有表中一并替换。"
     "客户备注、调整理由、公司名称、未知字段、流程记录和审计日志不导出。团队、岗位、入职日期、"
     "技能、地区、金额和全部业绩指标保留，在小公司中仍可能据此认出个人。"},
    {Str::UnlockHint, "unlock.hint", "Passphrase", "密码短语"},
    // Cycle panels, what-if, charts and the audit log.
    {Str::TabAudit, "tab.audit", "Audit", "审计"},
    {Str::AuditVerify, "audit.verify", "Verify chain", "校验哈希链"},
    {Str::AuditNewestFirst, "audit.newest_first", "Newest first", "最新在前"},
    {Str::AuditEntryCount, "audit.entry_count", "%d {entry|entries} in the audit log.",
     "审计日志共 %d 条记录。"},
    {Str::AuditChainOk, "audit.chain_ok", "Chain verified: %d {entry|entries}, last hash %s…",
     "哈希链校验通过：%d 条记录，最新哈希 %s…"},
    {Str::AuditChainBroken, "audit.chain_broken", "Chain broken at entry %d (seq %s), field %s",
     "哈希链在第 %d 条记录处断开（序号 %s），字段 %s"},
    {Str::AuditEmpty, "audit.empty", "The audit log is empty.", "审计日志为空。"},
    {Str::AuditColumnTime, "audit.column_time", "Time (UTC)", "时间（UTC）"},
    {Str::AuditColumnKind, "audit.column_kind", "Kind", "类型"},
    {Str::AuditColumnHash, "audit.column_hash", "Hash", "哈希"},
    {Str::TabWhatIf, "tab.whatif", "What-if", "假设分析"},
    {Str::WhatIfIntro, "whatif.intro",
     "Preview how an employee's book would be split if they left. Nothing is changed or saved.",
     "预览某位员工离职后其客户将如何分配。不会修改或保存任何数据。"},
    {Str::WhatIfPick, "whatif.pick", "Pick an employee", "选择员工"},
    {Str::WhatIfPreview, "whatif.preview", "Preview departure", "预览离职"},
    {Str::WhatIfSummary, "whatif.summary",
     "If %s left, their %d {client|clients} (value %.0f) would go to %d {colleague|colleagues}:",
     "如果 %s 离职，其 %d 位客户（价值 %.0f）将分给 %d 位同事："},
    {Str::WhatIfUnassigned, "whatif.unassigned",
     "%d {client|clients} of the book could not be placed with anyone.",
     "其中 %d 位客户无人可接。"},
    {Str::WhatIfOthers, "whatif.others",
     "The same run also places %d {client|clients} of other leavers.",
     "同一次分配还包括其他离职员工的 %d 位客户。"},
    {Str::WhatIfBookClients, "whatif.book_clients", "Where each client would go", "每位客户的去向"},
    {Str::RiskHeading, "risk.heading", "Key-person risk", "关键人员风险"},
    {Str::RiskRefresh, "risk.refresh", "Find", "查找"},
    {Str::RiskHint, "risk.hint",
     "Lists the clients that no colleague could take over if their owner left.",
     "列出负责人离职后没有同事能够接手的客户。"},
    {Str::RiskSummary, "risk.summary",
     "%d of %d {client|clients} of staying employees {has|have} no colleague who could take "
     "{it|them}.",
     "在职员工的客户中，有 %d 位（共 %d 位）没有同事能够接手。"},
    {Str::RiskNoColleague, "risk.no_colleague", "no eligible colleague", "无符合条件的同事"},
    {Str::RiskNoRoom, "risk.no_room", "colleagues are full", "同事已满额"},
    {Str::RiskOneColleague, "risk.one_colleague", "one colleague only", "仅一位同事可接"},
    {Str::RiskColumnAtRisk, "risk.column_at_risk", "At risk", "有风险"},
    {Str::RiskColumnShare, "risk.column_share", "Share of book value", "占客户价值比例"},
    {Str::RiskColumnRisk, "risk.column_risk", "Risk", "风险"},
    {Str::TabCharts, "tab.charts", "Charts", "图表"},
    {Str::ChartTarget, "chart.target", "target", "目标"},
    {Str::ChartHistogramRange, "chart.histogram_range",
     "value %.0f to %.0f in %d {bin|bins}; the tallest bin has %d {client|clients}",
     "价值 %.0f 至 %.0f，分 %d 组；最高一组 %d 位客户"},
    {Str::ChartValueReceived, "chart.value_received", "value received", "接收价值"},
    {Str::ChartDifficultyReceived, "chart.difficulty_received", "difficulty received", "接收难度"},
    {Str::ChartBookBefore, "chart.book_before", "book before", "分配前"},
    {Str::ChartBookAfter, "chart.book_after", "book after", "分配后"},
    {Str::ChartReceivedHeading, "chart.received_heading",
     "Value and difficulty received against target, per employee",
     "每位员工接收的价值和难度与目标对比"},
    {Str::ChartBooksHeading, "chart.books_heading", "Book value before and after, per employee",
     "每位员工分配前后的客户价值"},
    {Str::ChartValueHeading, "chart.value_heading", "Distribution of client value V",
     "客户价值 V 的分布"},
    {Str::ChartNeedsResult, "chart.needs_result", "Run Allocate to see this chart.",
     "运行“分配”后显示此图。"},
    {Str::TabCycle, "tab.cycle", "Cycle", "周期"},
    {Str::TabTimeline, "tab.timeline", "Timeline", "时间线"},
    {Str::TabAppeals, "tab.appeals", "Appeals", "申诉"},
    {Str::TabHandover, "tab.handover", "Handover", "交接"},
    {Str::TabFollowUp, "tab.followup", "Follow-up", "回访"},
    {Str::StageDeparture, "stage.departure", "Departure", "离职"},
    {Str::StageRulesPublished, "stage.rules_published", "Rules published", "规则公布"},
    {Str::StageProposal, "stage.proposal", "Proposal", "方案"},
    {Str::StageObjectionsClosed, "stage.objections_closed", "Objections closed", "申诉截止"},
    {Str::StageFinal, "stage.final", "Final", "定案"},
    {Str::StageHandover, "stage.handover", "Handover", "交接"},
    {Str::StageFollowUp, "stage.follow_up", "Follow-up", "回访"},
    {Str::StageClosed, "stage.closed", "Closed", "结束"},
    {Str::CycleNone, "cycle.none",
     "No reassignment cycle yet. Mark the leavers in Employees, then start a cycle.",
     "尚无交接周期。请先在“员工”中标记离职人员，再开始周期。"},
    {Str::CycleStart, "cycle.start", "Start a cycle", "开始周期"},
    {Str::CycleStartHint, "cycle.start_hint",
     "The cycle takes every employee marked leaving or departed as a leaver, dated today (%s).",
     "周期会把所有标记为即将离职或已离职的员工列为离职人员，日期为今天（%s）。"},
    {Str::CycleHeading, "cycle.heading", "Cycle %s — now: %s", "周期 %s — 当前阶段：%s"},
    {Str::CyclePlanned, "cycle.planned", "Dates in orange are planned.", "橙色日期为计划日期。"},
    {Str::CycleAdvance, "cycle.advance", "Advance to %s", "进入“%s”"},
    {Str::CycleLeavers, "cycle.leavers", "Leavers: %s", "离职人员：%s"},
    {Str::CycleLeftUnassigned, "cycle.left_unassigned",
     "Left unassigned by the final, so each keeps its owner until assigned by hand: %s",
     "定案时未能分配，在手动分配之前仍归原负责人：%s"},
    {Str::CycleCounts, "cycle.counts", "%d {appeal|appeals} (%d open) · %d {client|clients} moved",
     "%d 项申诉（%d 项待处理）· %d 位客户已移交"},
    {Str::CycleChangeDeparture, "cycle.change_departure",
     "Leavers and the clients kept with the firm can still change; the policy can still be edited.",
     "仍可调整离职人员和留给公司的客户；政策仍可修改。"},
    {Str::CycleChangeRules, "cycle.change_rules",
     "The policy is frozen for this cycle. Next: the proposal.",
     "本周期的政策已冻结。下一步：生成方案。"},
    {Str::CycleChangeProposal, "cycle.change_proposal",
     "The objection window is open until %s: employees may appeal, and accepted appeals change the "
     "re-run.",
     "申诉窗口开放至 %s：员工可以申诉，被接受的申诉会改变重新分配的结果。"},
    {Str::CycleChangeClosed, "cycle.change_objections_closed",
     "The window is closed and every appeal is decided. Next: the final locks the allocation and "
     "changes owners.",
     "申诉窗口已关闭，所有申诉均已裁决。下一步：定案将锁定分配并变更负责人。"},
    {Str::CycleChangeFinal, "cycle.change_final",
     "Owners have changed and the allocation is locked. Handover tasks are open.",
     "负责人已变更，分配已锁定。交接任务进行中。"},
    {Str::CycleChangeHandover, "cycle.change_handover",
     "Handover tasks are being done; outcomes can be recorded.",
     "交接任务进行中；可以记录回访结果。"},
    {Str::CycleChangeFollowUp, "cycle.change_follow_up",
     "Outcomes of moved clients can be recorded until the cycle closes.",
     "周期结束前均可记录移交客户的回访结果。"},
    {Str::CycleChangeEnded, "cycle.change_closed", "The cycle is closed; nothing can change.",
     "周期已结束，不能再做任何修改。"},
    {Str::AppealsClosed, "appeals.closed",
     "Appeals can be filed only while the objection window is open (Proposal stage).",
     "只有在申诉窗口开放期间（方案阶段）才能提交申诉。"},
    {Str::AppealFileHeading, "appeals.file_heading", "File an appeal", "提交申诉"},
    {Str::AppealKindPin, "appeals.kind_pin", "Receive this client", "希望接手该客户"},
    {Str::AppealKindForbid, "appeals.kind_forbid", "Not receive this client", "不希望接手该客户"},
    {Str::AppealReasonHint, "appeals.reason_hint", "Why (required)", "原因（必填）"},
    {Str::AppealFile, "appeals.file", "File appeal", "提交申诉"},
    {Str::AppealNone, "appeals.none", "No appeal filed.", "尚无申诉。"},
    {Str::AppealStatusOpen, "appeals.status_open", "open", "待处理"},
    {Str::AppealStatusAccepted, "appeals.status_accepted", "accepted", "已接受"},
    {Str::AppealStatusRejected, "appeals.status_rejected", "rejected", "已驳回"},
    {Str::AppealDecisionHint, "appeals.decision_hint", "Decision reason (required)",
     "裁决理由（必填）"},
    {Str::AppealAccept, "appeals.accept", "Accept", "接受"},
    {Str::AppealReject, "appeals.reject", "Reject", "驳回"},
    {Str::AppealRerun, "appeals.rerun", "Re-run with the decisions", "按裁决重新分配"},
    {Str::AppealDiffHeading, "appeals.diff_heading",
     "Re-run against the proposal: %d {client|clients} placed differently",
     "重新分配与原方案相比：%d 位客户的去向不同"},
    {Str::AppealDiffNone, "appeals.diff_none", "No re-run yet.", "尚未重新分配。"},
    {Str::AppealFigures, "appeals.figures",
     "Gini %.3f → %.3f · max deviation %.3f → %.3f · total fit %.2f → %.2f",
     "基尼系数 %.3f → %.3f · 最大偏差 %.3f → %.3f · 总匹配度 %.2f → %.2f"},
    {Str::AppealCopyNotice, "appeals.copy_notice", "Copy notice", "复制通知"},
    {Str::ColumnBefore, "column.before", "Proposal", "原方案"},
    {Str::ColumnAfter, "column.after", "Re-run", "重新分配"},
    {Str::ColumnKind, "column.kind", "Kind", "类型"},
    {Str::Unassigned, "common.unassigned", "unassigned", "未分配"},
    {Str::CopiedToClipboard, "common.copied", "Copied to the clipboard.", "已复制到剪贴板。"},
    {Str::HandoverNone, "handover.none",
     "No handover yet: the task lists appear once the cycle is final.",
     "尚无交接：定案后才会生成任务清单。"},
    {Str::HandoverSummary, "handover.summary",
     "%d {client|clients} moved · %d of %d {task|tasks} done · %d overdue",
     "%d 位客户已移交 · 已完成 %d/%d 项任务 · %d 项逾期"},
    {Str::HandoverOverdue, "handover.overdue", "overdue", "已逾期"},
    {Str::HandoverDue, "handover.due", "due %s", "截止 %s"},
    {Str::HandoverLetterCopy, "handover.letter_copy", "Copy introduction letter", "复制介绍信"},
    {Str::TaskIntroduce, "task.introduce", "Introduce the new owner", "介绍新负责人"},
    {Str::TaskTransferNotes, "task.transfer_notes", "Transfer the notes", "移交备注"},
    {Str::TaskFirstContact, "task.first_contact", "First contact by the new owner",
     "新负责人首次联系"},
    {Str::FollowUpNone, "followup.none",
     "No follow-up yet: outcomes can be recorded from the final on.",
     "尚无回访：定案后才能记录结果。"},
    {Str::FollowUpRetained, "followup.retained", "Retained", "保留"},
    {Str::FollowUpLost, "followup.lost", "Lost", "流失"},
    {Str::FollowUpNotRecorded, "followup.not_recorded", "not recorded", "未记录"},
    {Str::FollowUpRecordHeading, "followup.record_heading", "Outcome per moved client",
     "每位移交客户的结果"},
    {Str::FollowUpDashboardHeading, "followup.dashboard_heading",
     "Retention and revenue kept, by receiving employee", "按接收员工统计的保留率和收入保持率"},
    {Str::FollowUpByCycle, "followup.by_cycle", "By cycle", "按周期"},
    {Str::FollowUpTotal, "followup.total", "All", "合计"},
    {Str::FollowUpDetailsHeading, "followup.details_heading",
     "Satisfaction (1 to 5) and revenue since the final, per moved client",
     "每位移交客户的满意度（1 到 5）和定案以来的收入"},
    {Str::FollowUpPickClient, "followup.pick_client", "Client…", "客户…"},
    {Str::FollowUpSatisfactionHint, "followup.satisfaction", "Satisfaction 1-5", "满意度 1-5"},
    {Str::FollowUpRevenueHint, "followup.revenue_since", "Revenue since the final", "定案以来收入"},
    {Str::FollowUpSaveDetails, "followup.save_details", "Save", "保存"},
    {Str::FollowUpDetailsNeedOutcome, "followup.details_need_outcome",
     "Record Retained or Lost for this client first.", "请先为该客户记录“保留”或“流失”。"},
    {Str::FollowUpNotANumber, "followup.not_a_number",
     "%s of %s: \"%s\" is not a number. Enter a number, or leave the field empty to clear it.",
     "%s（客户 %s）：“%s”不是数字。请输入数字，或留空以清除该值。"},
    {Str::ColumnCycle, "column.cycle", "Cycle", "周期"},
    {Str::ColumnRecorded, "column.recorded", "Recorded", "已记录"},
    {Str::ColumnRetention, "column.retention", "Retention", "保留率"},
    {Str::ColumnRevenueSince, "column.revenue_since", "Revenue since", "此后收入"},
    {Str::ColumnYearBefore, "column.year_before", "Year before", "上年同期"},
    {Str::ColumnRevenueKept, "column.revenue_kept", "Revenue kept", "收入保持率"},
    {Str::ChartRetention, "chart.retention", "retention %", "保留率 %"},
    {Str::ChartRevenueKept, "chart.revenue_kept", "revenue kept %", "收入保持率 %"},
    {Str::ChartRetentionAxis, "chart.retention_axis",
     "Client retention: retained clients as a percentage of those recorded",
     "客户保留率：保留客户占已记录客户的百分比"},
    {Str::ChartRevenueKeptAxis, "chart.revenue_kept_axis",
     "Revenue kept: revenue since the final as a percentage of the same days a year before",
     "收入保持率：定案以来收入占上年同期收入的百分比"},
    {Str::FollowUpNoBaseline, "followup.no_baseline", "no earlier revenue", "无上年收入"},
    {Str::FollowUpNoBaselineHint, "followup.no_baseline_hint",
     "These clients had no revenue in the same days a year before, so there is nothing to "
     "compare the revenue since the final with.",
     "这些客户在上年同期没有收入，因此无法与定案以来的收入比较。"},
    // Allocation panel: baselines, overrides, verification and proposal import.
    {Str::SectionBaselines, "allocation.baselines", "Baselines", "基准对比"},
    {Str::SectionOverrides, "allocation.overrides", "Overrides", "人工调整"},
    {Str::BaselineThisResult, "baselines.this_result", "%s (this result)", "%s（本结果）"},
    {Str::BaselineFigure, "baselines.figure", "Figure", "指标"},
    {Str::BaselineEfBoth, "baselines.ef_both", "Smallest c for both (EF-c)",
     "两项同时满足的最小 c（EF-c）"},
    {Str::BaselineBreaches, "baselines.breaches", "Hard-constraint breaches", "违反硬约束数"},
    {Str::BaselineNoProposal, "baselines.no_proposal",
     "No manager's proposal imported: use Import proposal to score one here with the same figures.",
     "尚未导入经理的方案：点击“导入方案”后，即可在此用相同指标为其评分。"},
    {Str::BaselineProposalBreaches, "baselines.proposal_breaches",
     "The manager's proposal breaks %d hard {constraint|constraints}:",
     "经理的方案违反了 %d 项硬约束："},
    {Str::PriceOfFairnessDefinition, "baselines.price_definition",
     "Price of fairness: the fit lost against the best allocation under the same hard "
     "constraints without the fairness constraints, as a share of that best fit.",
     "公平的代价：与满足相同硬约束、但不加公平约束的最佳分配相比损失的匹配度，占该最佳匹配度的比例"
     "。"},
    {Str::FigurePlaced, "figure.placed", "Placed", "已分配"},
    {Str::MethodFair, "method.fair", "Fair solver", "公平求解器"},
    {Str::MethodRoundRobin, "method.round_robin", "Round robin", "轮流分配"},
    {Str::MethodGreedyFit, "method.greedy_fit", "Greedy best fit", "贪心最佳匹配"},
    {Str::MethodWeightedPicking, "method.weighted_picking", "Weighted picking", "加权轮选"},
    {Str::MethodProposal, "method.proposal", "Manager's proposal", "经理的方案"},
    {Str::OverrideTitle, "override.title", "Override the allocation", "人工调整分配"},
    {Str::OverrideProposedFor, "override.proposed_for", "Proposed for %s", "拟分配给 %s"},
    {Str::OverridePinTo, "override.pin_to", "Pin to %s", "固定分配给 %s"},
    {Str::OverrideForbidPair, "override.forbid_pair", "Forbid the pair with %s", "禁止分配给 %s"},
    {Str::OverrideMove, "override.move", "Move to another eligible employee",
     "改派给其他符合条件的员工"},
    {Str::OverrideTargetRoom, "override.target_room", "%s  %s  (room for %d)",
     "%s  %s（还可接 %d 位）"},
    {Str::OverrideNoTargets, "override.no_targets", "No other employee may take this client.",
     "没有其他员工可以接手该客户。"},
    {Str::OverrideReasonHint, "override.reason_hint", "Reason (required)", "原因（必填）"},
    {Str::OverrideApply, "override.apply", "Apply and re-run", "应用并重新分配"},
    {Str::OverrideRowHint, "override.row_hint", "Click the row to pin, forbid or move this client.",
     "点击该行可固定、禁止或改派此客户。"},
    {Str::OverridesNone, "override.none",
     "No overrides: click a row of the proposal to pin, forbid or move a client.",
     "暂无人工调整：点击分配结果中的一行，即可固定、禁止或改派客户。"},
    {Str::OverrideColumnKind, "override.column_kind", "Kind", "类型"},
    {Str::OverrideKindPin, "override.kind_pin", "pin", "固定"},
    {Str::OverrideKindForbid, "override.kind_forbid", "forbid", "禁止"},
    {Str::OverrideRemove, "override.remove", "Remove", "移除"},
    {Str::VerifyResult, "verify.button", "Verify", "验证"},
    {Str::VerifyResultHint, "verify.hint",
     "Recheck every hard constraint and certificate of this result from the workspace alone, "
     "with code separate from the solver's.",
     "仅依据工作区数据，用独立于求解器的代码重新核查本结果的每项硬约束和公平证书。"},
    {Str::VerifyPasses, "verify.passes",
     "✓ Verify: the result passes every check. Its free-text reasons are not checked.",
     "✓ 验证：结果通过全部检查。其中的自由文本说明（reasons）不在检查之列。"},
    {Str::VerifyBreaches, "verify.breaches",
     "✗ Verify: %d {breach|breaches} found:", "✗ 验证：发现 %d 处违规："},
    {Str::VerifyUnreadable, "verify.unreadable",
     "✗ Verify: the text is not an allocation result (%d {error|errors}):",
     "✗ 验证：该文本不是分配结果（%d 处错误）："},
    {Str::VerifyMore, "verify.more",
     "%d {breach|breaches} in all: scroll the list, or press Save breaches for a text file.",
     "共 %d 处违规：可滚动上方列表查看，或点击“保存违规清单”保存为文本文件。"},
    {Str::VerifyPassesBeforeApply, "verify.passes_before_apply",
     "✓ Verify: the applied result passes every check against the workspace as it was before "
     "Apply. Its free-text reasons are not checked.",
     "✓ 验证：已应用的结果按应用前的工作区核查，通过全部检查。其中的自由文本说明（reasons）"
     "不在检查之列。"},
    {Str::VerifyCheckedBeforeApply, "verify.checked_before_apply",
     "The applied result was checked against the workspace as it was before Apply.",
     "已应用的结果按应用前的工作区核查。"},
    {Str::VerifyEditedAfterApply, "verify.edited_after_apply",
     "Verify: this result was applied, and the workspace was edited after Apply, so the result "
     "no longer matches the open workspace and nothing was checked. Run Allocate for a new "
     "result, then press Verify.",
     "验证：该结果已应用，且应用后工作区又有修改，结果与当前工作区不再对应，因此未做检查。"
     "请重新分配，再对新结果点击“验证”。"},
    {Str::VerifyBreachesLead, "verify.breaches_lead",
     "Each line names the client or employee id and the check it fails:",
     "每行列出未通过检查的客户或员工编号及检查项（细节为英文技术说明）："},
    {Str::VerifySaveBreaches, "verify.save", "Save breaches", "保存违规清单"},
    {Str::VerifySaveBreachesHint, "verify.save_hint",
     "Save every line of the list as a text file, baton-verify-breaches.txt.",
     "将列表中的每一行保存为文本文件 baton-verify-breaches.txt。"},
    {Str::ImportProposal, "proposal.import", "Import proposal…", "导入方案…"},
    {Str::ImportProposalHint, "proposal.import_hint",
     "Pick a manager's proposal file (JSON, or CSV with the columns client,employee) to score "
     "it beside the baselines.",
     "选择经理的方案文件（JSON，或含“客户,负责人”两列的 CSV），与各基准方法并列评分。"},
    // Allocation in the page's Web Worker.
    {Str::BusyAllocatingPhase, "busy.allocating_phase",
     "Allocating %d released {client|clients} in the background: %s…",
     "正在后台分配 %d 位释放的客户：%s…"},
    {Str::AllocationPhaseSending, "allocation_phase.sending", "sending the workspace",
     "发送工作区数据"},
    {Str::AllocationPhaseEvaluation, "allocation_phase.evaluation", "evaluating the clients",
     "评估客户"},
    {Str::AllocationPhaseContext, "allocation_phase.context", "preparing the constraints",
     "准备约束条件"},
    {Str::AllocationPhaseCandidates, "allocation_phase.candidates", "finding candidate employees",
     "查找候选员工"},
    {Str::AllocationPhaseAuction, "allocation_phase.auction", "solving the assignment",
     "求解最优分配"},
    {Str::AllocationPhaseFairness, "allocation_phase.fairness", "repairing fairness", "修复公平性"},
    {Str::AllocationPhaseBaselines, "allocation_phase.baselines", "scoring the baselines",
     "为基准方法评分"},
    {Str::AllocationPhaseExplanations, "allocation_phase.explanations", "writing the explanations",
     "生成分配说明"},
    {Str::AllocationPhaseCertificates, "allocation_phase.certificates", "checking the certificates",
     "核验公平证书"},
    {Str::AllocationPhaseLoading, "allocation_phase.loading", "loading the result", "载入结果"},
    // File import: merging into the open workspace.
    {Str::ImportMergeInto, "toolbar.import_into", "Merge into open", "合并到当前工作区"},
    {Str::ImportMergeIntoHint, "toolbar.import_into_hint",
     "CSV and XLSX files opened or dropped are merged into the open workspace: records with "
     "a known id are updated, the others added. A file with errors changes nothing.",
     "打开或拖入的 CSV 和 XLSX 文件将合并到当前工作区：已有编号的记录会被更新，其余记录会被"
     "添加。文件有错误时，工作区保持不变。"},
    // Log tab: text search.
    {Str::LogFilterHint, "log.filter", "Search the log", "搜索日志"},
    {Str::LogNoMatch, "log.no_match", "No log entry contains the search text.",
     "没有包含该搜索文字的日志。"},
    // The Review import window.
    {Str::ReviewTitle, "review.title", "Review import", "检查导入"},
    {Str::ReviewReplaceIntro, "review.replace_intro",
     "Applying this import replaces the open workspace, with its statuses, allocation and audit "
     "log, and clears undo. Nothing has changed yet.",
     "应用此导入将替换当前工作区及其状态、分配方案和审计日志，并清空撤销记录。目前尚未做任何更改"
     "。"},
    {Str::ReviewMergeIntro, "review.merge_intro",
     "Applying this import merges the files into the open workspace: records with a known id "
     "are updated, the others added. Nothing has changed yet.",
     "应用此导入会把文件合并到当前工作区：已有编号的记录会被更新，其余记录会被添加。目前尚未做任何"
     "更改。"},
    {Str::ReviewFailed, "review.failed",
     "This import has %ld {error|errors} and cannot be applied. Nothing changed: the open "
     "workspace is as it was.",
     "此导入有 %ld 个错误，无法应用。没有做任何更改：当前工作区保持原样。"},
    {Str::ReviewColumnFile, "review.column_file", "File", "文件"},
    {Str::ReviewColumnTable, "review.column_table", "Becomes", "导入为"},
    {Str::ReviewColumnRows, "review.column_rows", "Rows read", "读取行数"},
    {Str::ReviewColumnRecords, "review.column_records", "Records", "记录"},
    {Str::ReviewColumnNow, "review.column_now", "Now", "当前"},
    {Str::ReviewColumnAfter, "review.column_after", "After", "导入后"},
    {Str::ReviewTableWorkspace, "review.table_workspace", "workspace", "工作区"},
    {Str::ReviewTableProducts, "review.table_products", "product list", "产品列表"},
    {Str::ReviewTransactions, "review.transactions", "Transactions", "交易"},
    {Str::ReviewDeals, "review.deals", "Deals", "商机"},
    {Str::ReviewRelationships, "review.relationships", "Relationships", "关系"},
    {Str::ReviewIssueCounts, "review.issue_counts", "Errors: %ld · Warnings: %ld",
     "%ld 个错误 · %ld 个警告"},
    {Str::ReviewErrorsHeading, "review.errors", "Errors", "错误"},
    {Str::ReviewWarningsHeading, "review.warnings", "Warnings", "警告"},
    {Str::ReviewMoreInGroup, "review.more_in_group", "… and %ld more of this kind",
     "… 同类还有 %ld 条"},
    {Str::ReviewAtRow, "review.at_row", "row %ld", "第 %ld 行"},
    {Str::ReviewAtColumn, "review.at_column", "column %s", "列 %s"},
    {Str::ReviewAtLine, "review.at_line", "line %d, column %d", "第 %d 行第 %d 列"},
    {Str::ReviewDerivedHeading, "review.derived", "Derived fields and assumptions",
     "推导的字段与假设"},
    {Str::ReviewSuggestionsHeading, "review.suggestions", "Suggestions", "建议"},
    {Str::ReviewReportHeading, "review.report", "Full report", "完整报告"},
    {Str::ReviewReplace, "review.replace", "Replace workspace", "替换工作区"},
    {Str::ReviewSaveReport, "review.save_report", "Save report", "保存报告"},
    {Str::ReviewUseMapping, "review.use_mapping", "Use mapping file…", "使用映射文件…"},
    {Str::ReviewSaveMapping, "review.save_mapping", "Save mapping", "保存映射"},
    {Str::ReviewClose, "review.close", "Close", "关闭"},
    {Str::ShareNoteFewClients, "allocation.share_note.few_clients",
     "No client goes to %d of the %d receivers, because %d {client cannot|clients cannot} be "
     "split evenly among %d receivers. Each receiver is still within one client of its target "
     "value, as the Value share test (WPROP1) requires.",
     "%d 名接收人没有分到客户（共 %d 名），因为 %d 个客户无法在 %d 名接收人之间平均分配。"
     "按价值份额检验（WPROP1）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Str::ShareNoteLargeClient, "allocation.share_note.large_client",
     "No client goes to %d of the %d receivers, because one client is worth up to %.1f, at "
     "least the whole target value of each of them (at most %.1f). Each receiver is still "
     "within one client of its target value, as the Value share test (WPROP1) requires.",
     "%d 名接收人没有分到客户（共 %d 名），因为单个客户的价值最高达 %.1f，"
     "不低于其中任何一人的目标价值（最高 %.1f）。"
     "按价值份额检验（WPROP1）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Str::ShareNoteConcentrated, "allocation.share_note.concentrated",
     "No client goes to %d of the %d receivers. %d {client|clients} among %d receivers leave "
     "%d without one; the other %d get none because the placed clients went to %d "
     "{receiver|receivers}: %d by continuity (a colleague who served the client before), %d "
     "by best fit and %d for other reasons (only eligible, pin or fairness). Each receiver is "
     "still within one client of its target value, as the Value share test (WPROP1) requires.",
     "%d 名接收人没有分到客户（共 %d 名）。%d 个客户分给 %d 名接收人，按数量只会有 %d 名分不到；"
     "其余 %d 名分不到，是因为已分配的客户集中给了 %d 名接收人：%d 个交给曾服务过该客户的同事，"
     "%d 个交给匹配度最高的接收人，%d 个出于其他原因（唯一符合条件、指定分配或公平调整）。"
     "按价值份额检验（WPROP1）的要求，每名接收人与其目标价值的差距仍不超过一个客户。"},
    {Str::ShareNoteOverTarget, "allocation.share_note.over_target",
     "The max deviation, %.1f%%, is that of %s: %d {client|clients} worth %.1f against a "
     "target value of %.1f. The Value share test (WPROP1) limits how far a receiver falls "
     "below its target, not how far above it goes.",
     "最大偏差 %.1f%% 来自 %s：%d 个客户，价值 %.1f，目标价值为 %.1f。"
     "价值份额检验（WPROP1）只限制接收人低于目标的幅度，不限制高出目标的幅度。"},
    {Str::ReviewAtRowsFirst, "review.at_rows_first", "%ld rows (%s, …)", "共 %ld 行（第 %s 行等）"},
    {Str::ReviewAtRowsAll, "review.at_rows_all", "%ld rows (%s)", "共 %ld 行（第 %s 行）"},
    {Str::ReviewRepeatedTimes, "review.repeated_times", "%ld times", "共 %ld 次"},
};

constexpr bool textsMatchIds() {
    if (std::size(kTexts) != static_cast<std::size_t>(Str::Count)) return false;
    for (std::size_t i = 0; i < std::size(kTexts); ++i) {
        if (static_cast<std::size_t>(kTexts[i].id) != i) return false;
    }
    return true;
}
static_assert(textsMatchIds(), "kTexts must list every Str id once, in enum order");

// Words for the codes of the result formats, keyed "group.code".
struct CodeEntry {
    const char* key;
    const char* english;
    const char* chinese;
};

constexpr CodeEntry kCodes[] = {
    {"status.active", "active", "在职"},
    {"status.leaving", "leaving", "即将离职"},
    {"status.departed", "departed", "已离职"},
    {"status.on_leave", "on leave", "休假中"},
    {"won.best_fit", "best fit", "匹配度最高"},
    {"won.only_eligible", "only eligible colleague", "唯一符合条件的同事"},
    {"won.pinned", "pinned by the manager", "由经理指定"},
    {"won.continuity", "served before", "曾服务过该客户"},
    {"won.fairness_balance", "evens out the fair shares", "平衡公平份额"},
    // Not a result code: best_fit where every fit weight is 0, so that every fit ties at 0.
    {"won.best_fit_tie", "tie: every fit weight is 0", "并列：匹配度权重均为 0"},
    // Not a result code: best_fit where every candidate of the client has fit 0.
    {"won.best_fit_zero", "tie: every candidate's fit is 0", "并列：所有候选人的匹配度均为 0"},
    {"fit.prefers", "client preferences", "客户偏好"},
    {"fit.industry", "industry", "行业"},
    {"fit.region", "region", "地区"},
    {"fit.language", "language", "语言"},
    {"fit.continuity", "continuity", "服务连续性"},
    {"component.monetary", "monetary value", "金额价值"},
    {"component.frequency", "frequency", "交易频次"},
    {"component.recency", "recency", "最近交易"},
    {"component.potential", "potential", "潜力"},
    {"component.tier", "tier", "等级"},
    {"component.given", "given difficulty", "给定难度"},
    {"component.workload", "workload", "工作量"},
    {"component.satisfaction", "satisfaction", "满意度"},
    {"component.complaints", "complaints", "投诉"},
    {"component.late_payments", "late payments", "逾期付款"},
    {"component.sales_12m", "sales, 12 months", "近 12 个月销售额"},
    {"component.quota_attainment", "quota attainment", "指标完成率"},
    {"component.csat", "CSAT", "客户满意度 CSAT"},
    {"component.retention", "retention", "客户留存"},
    {"component.review", "review", "绩效评估"},
    {"component.tenure", "tenure", "司龄"},
    {"level.debug", "debug", "调试"},
    {"level.info", "info", "信息"},
    {"level.warning", "warning", "警告"},
    {"level.error", "error", "错误"},
};

Language g_language = Language::English;

const char* pick(const char* english, const char* chinese) {
    if (g_language == Language::Chinese && chinese != nullptr) return chinese;
    return english;
}

// Returns the words for `code` in `group`, or `fallback` when the table has none. The
// reason codes of a result ("lost", "unassigned") come from io/reason_phrases, which the
// cycle report shares.
const char* codeText(std::string_view group, std::string_view code, const char* fallback) {
    if (group == "lost" || group == "unassigned") {
        const char* phrase = reasonPhrase(group, code, g_language == Language::Chinese);
        return phrase != nullptr ? phrase : fallback;
    }
    for (const CodeEntry& entry : kCodes) {
        std::string_view key = entry.key;
        if (key.size() == group.size() + 1 + code.size() && key.substr(0, group.size()) == group &&
            key[group.size()] == '.' && key.substr(group.size() + 1) == code) {
            return pick(entry.english, entry.chinese);
        }
    }
    return fallback;
}

// The English texts with every plural choice in its plural form, indexed like kTexts, and
// empty where a text has no choice. tr() returns pointers into it, so it is built once, on
// first use, and never changes.
const std::vector<std::string>& englishPluralForms() {
    static const std::vector<std::string> forms = [] {
        std::vector<std::string> out;
        out.reserve(std::size(kTexts));
        for (const TextEntry& entry : kTexts) {
            std::string plural = choosePlurals(entry.english, {});
            out.push_back(plural == entry.english ? std::string() : std::move(plural));
        }
        return out;
    }();
    return forms;
}

}  // namespace

const char* tr(Str id) {
    auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kTexts)) return "";
    const char* text = pick(kTexts[index].english, kTexts[index].chinese);
    const std::string& plural = englishPluralForms()[index];
    return text == kTexts[index].english && !plural.empty() ? plural.c_str() : text;
}

std::string trPlural(Str id, std::initializer_list<long> counts) {
    auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kTexts)) return "";
    const char* text = pick(kTexts[index].english, kTexts[index].chinese);
    return choosePlurals(text, std::span<const long>(counts.begin(), counts.size()));
}

std::string choosePlurals(std::string_view text, std::span<const long> counts) {
    std::string out;
    out.reserve(text.size());
    std::size_t choice = 0;
    std::size_t position = 0;
    for (;;) {
        std::size_t open = text.find('{', position);
        std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) break;
        std::size_t bar = text.find('|', open);
        if (bar > close) {
            out.append(text.substr(position, close + 1 - position));
        } else {
            out.append(text.substr(position, open - position));
            bool singular = choice < counts.size() && counts[choice] == 1;
            out.append(singular ? text.substr(open + 1, bar - open - 1)
                                : text.substr(bar + 1, close - bar - 1));
            ++choice;
        }
        position = close + 1;
    }
    out.append(text.substr(position));
    return out;
}

bool setLocale(std::string_view tag) {
    if (tag == "en") {
        g_language = Language::English;
        return true;
    }
    if (tag == "zh-CN" || tag == "zh") {
        g_language = Language::Chinese;
        return true;
    }
    return false;
}

const char* locale() {
    return g_language == Language::Chinese ? "zh-CN" : "en";
}

const char* statusText(EmployeeStatus status) {
    const char* code = toString(status);
    return codeText("status", code, code);
}

const char* wonBecauseText(const std::string& code) {
    return codeText("won", code, code.c_str());
}
const char* wonBecauseText(const std::string& code, bool fitChoseNobody) {
    return code == "best_fit" && fitChoseNobody ? wonBecauseText("best_fit_tie")
                                                : wonBecauseText(code);
}
const char* wonBecauseText(const Assignment& a, bool fitWeightsZero) {
    switch (fitTieOf(a, fitWeightsZero)) {
        case FitTie::WeightsZero: return wonBecauseText("best_fit_tie");
        case FitTie::FitsZero: return wonBecauseText("best_fit_zero");
        case FitTie::None: break;
    }
    return wonBecauseText(a.wonBecause);
}
const char* lostBecauseText(const std::string& code) {
    return codeText("lost", code, code.c_str());
}
const char* unassignedReasonText(const std::string& code) {
    return codeText("unassigned", code, code.c_str());
}
const char* fitTermText(const std::string& code) {
    return codeText("fit", code, code.c_str());
}
const char* componentText(const std::string& code) {
    return codeText("component", code, codeText("fit", code, code.c_str()));
}
const char* logLevelText(LogLevel level) {
    const char* code = toString(level);
    return codeText("level", code, code);
}

void appendAllTexts(std::string& out) {
    for (const TextEntry& entry : kTexts) {
        out += entry.english;
        if (entry.chinese != nullptr) out += entry.chinese;
    }
    for (const CodeEntry& entry : kCodes) {
        out += entry.english;
        if (entry.chinese != nullptr) out += entry.chinese;
    }
    for (const ReasonPhrase& phrase : reasonPhrases()) {
        out += phrase.english;
        out += phrase.chinese;
    }
}

std::vector<TranslationRow> translationRows() {
    std::vector<TranslationRow> rows;
    for (const TextEntry& entry : kTexts) {
        rows.push_back(TranslationRow{entry.key, entry.english, entry.chinese});
    }
    for (const CodeEntry& entry : kCodes) {
        rows.push_back(TranslationRow{entry.key, entry.english, entry.chinese});
    }
    for (const ReasonPhrase& phrase : reasonPhrases()) {
        rows.push_back(TranslationRow{phrase.key, phrase.english, phrase.chinese});
    }
    return rows;
}

const char* tableText(const std::string& table) {
    if (table == "employees") return tr(Str::TabEmployees);
    if (table == "clients") return tr(Str::TabClients);
    if (table == "transactions") return tr(Str::ReviewTransactions);
    if (table == "deals") return tr(Str::ReviewDeals);
    if (table == "relationships") return tr(Str::ReviewRelationships);
    if (table == "workspace") return tr(Str::ReviewTableWorkspace);
    if (table == "products") return tr(Str::ReviewTableProducts);
    return nullptr;
}

const char* methodName(const std::string& method) {
    if (method == "fair") return tr(Str::MethodFair);
    if (method == "round_robin") return tr(Str::MethodRoundRobin);
    if (method == "greedy_fit") return tr(Str::MethodGreedyFit);
    if (method == "weighted_picking") return tr(Str::MethodWeightedPicking);
    if (method == "proposal") return tr(Str::MethodProposal);
    return method.c_str();
}

}  // namespace baton::ui
