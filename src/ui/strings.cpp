#include "ui/strings.h"

#include <cstddef>
#include <cstring>

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
    {Str::ToolbarCounts, "toolbar.counts", "%d employees · %d clients · %d released",
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
     "Not stored: this browser keeps nothing after the tab closes", "未存储：关闭此标签页后，浏览器不会保留任何数据"},
    {Str::StaleState, "save.stale",
     "Not saving: another tab saved newer data. Export your changes, then reload.",
     "已停止保存：另一个标签页保存了更新的数据。请先导出您的更改，再重新加载。"},
    {Str::StatusWorkspace, "status.workspace", "Workspace %s", "工作区 %s"},
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
    {Str::ProvisionalMark, "employees.provisional", "provisional", "暂定"},
    {Str::ProvisionalTooltip, "employees.provisional_tooltip",
     "Provisional score, shrunk toward the group median: %s", "暂定评分，已向所在组的中位数收缩：%s"},
    {Str::EmployeesFilterHint, "employees.filter", "Filter by id, name, team or role",
     "按编号、姓名、团队或岗位筛选"},
    {Str::EmployeesShown, "employees.shown", "%d of %d employees", "显示 %d / %d 名员工"},
    {Str::ClientsFilterHint, "clients.filter",
     "Filter by id, name, owner, industry or region", "按编号、名称、负责人、行业或地区筛选"},
    {Str::ClientsShown, "clients.shown", "%d of %d clients", "显示 %d / %d 个客户"},
    {Str::ReleasedOnly, "clients.released_only", "Released only", "仅显示待交接"},
    {Str::ReleasedMark, "clients.released_mark", "✓ released", "✓ 待交接"},
    {Str::NoOwner, "clients.no_owner", "(nobody)", "（无）"},
    {Str::KeyAccount, "clients.key_account",
     "Key account: when its owner leaves, it goes only to the key-account team.",
     "重点客户：负责人离职时，只交给重点客户团队。"},
    {Str::LastDayTitle, "last_day.title", "Last day", "最后工作日"},
    {Str::LastDayPrompt, "last_day.prompt", "Last working day of %s (YYYY-MM-DD):",
     "%s 的最后工作日（YYYY-MM-DD）："},
    {Str::LastDayInvalid, "last_day.invalid",
     "Enter a calendar date as YYYY-MM-DD, for example 2026-12-31.",
     "请按 YYYY-MM-DD 格式输入日期，例如 2026-12-31。"},
    {Str::LastDayConfirm, "last_day.confirm", "Mark as leaving", "标记为离职"},
    {Str::Cancel, "common.cancel", "Cancel", "取消"},
    {Str::Allocate, "allocation.allocate", "Allocate", "分配"},
    {Str::Allocating, "allocation.allocating", "Allocating %d released clients…",
     "正在分配 %d 个待交接客户…"},
    {Str::Apply, "allocation.apply", "Apply", "应用"},
    {Str::AllocateHint, "allocation.hint",
     "Allocate proposes a new owner for each of the %d released clients. "
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
    {Str::ResultBound, "allocation.bound", "fit within %.2f%% of the bound", "匹配度与上界相差不超过 %.2f%%"},
    {Str::FigureTotalFit, "figure.total_fit", "Total fit", "总匹配度"},
    {Str::FigurePriceOfFairness, "figure.price_of_fairness", "Price of fairness", "公平的代价"},
    {Str::FigureMaxDeviation, "figure.max_deviation", "Max deviation from target", "与目标的最大偏差"},
    {Str::FigureGini, "figure.gini", "Gini of value per weight", "单位权重价值的基尼系数"},
    {Str::FigureDifficultySpread, "figure.difficulty_spread", "Difficulty spread", "难度离散度"},
    {Str::FigureContinuity, "figure.continuity", "Continuity", "服务连续性"},
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
    {Str::SectionProposed, "allocation.proposed", "Proposed owners", "建议负责人"},
    {Str::SectionUnassigned, "allocation.unassigned", "Unassigned clients", "未分配的客户"},
    {Str::SectionPerEmployee, "allocation.per_employee", "Per employee", "按员工"},
    {Str::SectionWitnesses, "allocation.witnesses", "Why a guarantee failed", "公平保证未满足的原因"},
    {Str::WitnessNoConstraint, "allocation.witness_none", "no single constraint is to blame",
     "并非某一项约束单独导致"},
    {Str::FitBreakdown, "allocation.fit_breakdown", "Fit breakdown", "匹配度明细"},
    {Str::RunnersUp, "allocation.runners_up", "Next candidates", "其他候选人"},
    {Str::RunnerUpLine, "allocation.runner_up", "%s: fit %.3f, %s", "%s：匹配度 %.3f，%s"},
    {Str::ReceivedOfTarget, "allocation.received_of_target", "Received %.1f of %.1f",
     "已获得 %.1f，目标 %.1f"},
    {Str::ApplyHint, "allocation.apply_hint",
     "Apply makes the proposed owners the owners of record.", "“应用”会把建议负责人设为正式负责人。"},
    {Str::LogClear, "log.clear", "Clear", "清空"},
    {Str::LogFollow, "log.follow", "Follow new entries", "跟随新条目"},
    {Str::LogShowDebug, "log.show_debug", "Show debug entries", "显示调试条目"},
    {Str::LogEmpty, "log.empty", "Nothing logged yet.", "暂无日志。"},
    {Str::TabScores, "tab.scores", "Scores", "评分"},
    {Str::TabPolicy, "tab.policy", "Policy", "策略"},
    {Str::BreakdownNone, "breakdown.none", "Click a row in the Employees or Clients table to see how its score is made up.",
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
    {Str::PolicyHeading, "policy.heading", "Draft policy (in force: version %d)", "策略草稿（现行版本 %d）"},
    {Str::PolicyValueWeights, "policy.value_weights", "Value V weights", "价值 V 权重"},
    {Str::PolicyDifficultyWeights, "policy.difficulty_weights", "Difficulty D weights", "难度 D 权重"},
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
    {Str::PolicyEntitlementPerformance, "policy.entitlement_performance", "by performance", "按绩效"},
    {Str::PolicyEntitlementBlend, "policy.entitlement_blend", "blend", "混合"},
    {Str::PolicyAlpha, "policy.alpha", "Blend alpha", "混合系数 alpha"},
    {Str::PolicyMaxClients, "policy.max_clients", "Default client limit", "默认客户上限"},
    {Str::PolicyTeamBoundary, "policy.team_boundary", "Hand over within the team only", "仅在团队内交接"},
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
     "An employee who disputes a proposed owner files an appeal. Change the policy's pins "
     "or forbids and allocate again to answer it before the proposal is applied.",
     "员工对建议负责人有异议时可以提出申诉。在应用方案之前，调整策略中的指定或禁止配对并重新分配，"
     "即可回应申诉。"},
    {Str::TourFinaliseTitle, "tour.finalise_title", "6. Finalise", "6. 确认生效"},
    {Str::TourFinaliseBody, "tour.finalise_body",
     "Apply makes the proposed owners the owners of record; open deals move with their "
     "client. The change is saved in this browser.",
     "“应用”会把建议负责人设为正式负责人，进行中的商机随客户一同转移。更改保存在此浏览器中。"},
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
     "The passphrase must have at least 8 characters.",
     "密码短语至少需要 8 个字符。"},
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
     "Locked: the data and the key are no longer in memory.",
     "已锁定：数据和密钥已从内存中清除。"},
    {Str::IdleLockLabel, "encryption.idle_label", "Lock after minutes without input:",
     "无操作多少分钟后锁定："},
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
     "Persistent storage cannot be requested in this page.",
     "此页面无法申请持久存储。"},
    {Str::PersistenceUnknown, "storage.persist_unknown",
     "Persistent storage: the browser has not answered yet.",
     "持久存储：浏览器尚未答复。"},
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
    {Str::BackupLast, "backup.last", "Last backup: %s UTC (%d days ago)",
     "上次备份：%s UTC（%d 天前）"},
    {Str::BackupPassphraseHint, "backup.passphrase_hint", "Passphrase (optional)",
     "密码短语（可选）"},
    {Str::BackupExport, "backup.export", "Export backup", "导出备份"},
    {Str::BackupRestore, "backup.restore", "Restore from file…", "从文件恢复…"},
    {Str::BackupDone, "backup.done", "Backup exported: keep the file somewhere safe.",
     "备份已导出：请妥善保存该文件。"},
    {Str::BackupReminderLabel, "backup.reminder_label",
     "Remind me when the last backup is older than (days):",
     "上次备份超过多少天时提醒我："},
    {Str::BackupDue, "backup.due",
     "No backup for %d days. Safari deletes a site's data after 7 days without a visit: keep a "
     "backup file.",
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
     "Run an allocation first to export its assignments.",
     "请先运行分配，才能导出分配结果。"},
    {Str::ExportWorkspaceXlsx, "export.workspace_xlsx", "Workspace XLSX", "工作区 XLSX"},
    {Str::ExportPseudonymised, "export.pseudonymised", "Pseudonymised JSON", "匿名化 JSON"},
    {Str::UnlockHint, "unlock.hint", "Passphrase", "密码短语"},
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
    {"unassigned.no_eligible_employee", "nobody is eligible", "没有符合条件的员工"},
    {"unassigned.capacity_exhausted", "every client limit is reached", "所有人均已达客户上限"},
    {"unassigned.workload_exhausted", "every workload limit is reached", "所有人均已达工作量上限"},
    {"unassigned.team_boundary", "nobody eligible in the team", "团队内没有符合条件的员工"},
    {"unassigned.share_cap", "value share caps reached", "价值份额上限均已达到"},
    {"unassigned.pin_conflict", "conflicting pins", "指定相互冲突"},
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

// Returns the words for `code` in `group`, or `fallback` when the table has none.
const char* codeText(std::string_view group, std::string_view code, const char* fallback) {
    for (const CodeEntry& entry : kCodes) {
        std::string_view key = entry.key;
        if (key.size() == group.size() + 1 + code.size() && key.substr(0, group.size()) == group &&
            key[group.size()] == '.' && key.substr(group.size() + 1) == code) {
            return pick(entry.english, entry.chinese);
        }
    }
    return fallback;
}

}  // namespace

const char* tr(Str id) {
    auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kTexts)) return "";
    return pick(kTexts[index].english, kTexts[index].chinese);
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

const char* locale() { return g_language == Language::Chinese ? "zh-CN" : "en"; }

const char* statusText(EmployeeStatus status) {
    const char* code = toString(status);
    return codeText("status", code, code);
}

const char* wonBecauseText(const std::string& code) {
    return codeText("won", code, code.c_str());
}
const char* lostBecauseText(const std::string& code) {
    return codeText("lost", code, code.c_str());
}
const char* unassignedReasonText(const std::string& code) {
    return codeText("unassigned", code, code.c_str());
}
const char* fitTermText(const std::string& code) { return codeText("fit", code, code.c_str()); }
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
}

std::vector<TranslationRow> translationRows() {
    std::vector<TranslationRow> rows;
    for (const TextEntry& entry : kTexts) {
        rows.push_back(TranslationRow{entry.key, entry.english, entry.chinese});
    }
    for (const CodeEntry& entry : kCodes) {
        rows.push_back(TranslationRow{entry.key, entry.english, entry.chinese});
    }
    return rows;
}

}  // namespace baton::ui
