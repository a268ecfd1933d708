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

// NOTE: the zh-CN column is still empty, so zh-CN shows English UI texts for now.
constexpr TextEntry kTexts[] = {
    {Str::AppTitle, "app.title", "Baton", nullptr},
    {Str::AppSubtitle, "app.subtitle", "fair client handover", nullptr},
    {Str::Loading, "app.loading", "Loading the stored workspace…", nullptr},
    {Str::TabEmployees, "tab.employees", "Employees", nullptr},
    {Str::TabClients, "tab.clients", "Clients", nullptr},
    {Str::TabAllocation, "tab.allocation", "Allocation", nullptr},
    {Str::TabLog, "tab.log", "Log", nullptr},
    {Str::ToolbarCounts, "toolbar.counts", "%d employees · %d clients · %d released", nullptr},
    {Str::SaveNow, "toolbar.save", "Save now", nullptr},
    {Str::OpenFile, "toolbar.open", "Open file…", nullptr},
    {Str::ExportWorkspace, "toolbar.export", "Export JSON", nullptr},
    {Str::LanguageEnglish, "language.en", "English", "English"},
    {Str::LanguageChinese, "language.zh", "中文", "中文"},
    {Str::SavedState, "save.saved", "Saved in this browser", nullptr},
    {Str::SavingState, "save.saving", "Saving…", nullptr},
    {Str::UnsavedState, "save.unsaved", "Unsaved changes", nullptr},
    {Str::MemoryOnlyState, "save.memory_only",
     "Not stored: this browser keeps nothing after the tab closes", nullptr},
    {Str::StaleState, "save.stale",
     "Not saving: another tab saved newer data. Export your changes, then reload.", nullptr},
    {Str::StatusWorkspace, "status.workspace", "Workspace %s", nullptr},
    {Str::ColumnId, "column.id", "ID", nullptr},
    {Str::ColumnName, "column.name", "Name", nullptr},
    {Str::ColumnTeam, "column.team", "Team", nullptr},
    {Str::ColumnRole, "column.role", "Role", nullptr},
    {Str::ColumnStatus, "column.status", "Status", nullptr},
    {Str::ColumnPerformance, "column.performance", "Performance P", nullptr},
    {Str::ColumnBook, "column.book", "Clients", nullptr},
    {Str::ColumnOwner, "column.owner", "Owner", nullptr},
    {Str::ColumnValue, "column.value", "Value V", nullptr},
    {Str::ColumnDifficulty, "column.difficulty", "Difficulty D", nullptr},
    {Str::ColumnTier, "column.tier", "Tier", nullptr},
    {Str::ColumnReleased, "column.released", "Released", nullptr},
    {Str::ColumnClient, "column.client", "Client", nullptr},
    {Str::ColumnFrom, "column.from", "From", nullptr},
    {Str::ColumnTo, "column.to", "To", nullptr},
    {Str::ColumnFit, "column.fit", "Fit", nullptr},
    {Str::ColumnWhy, "column.why", "Why", nullptr},
    {Str::ColumnReason, "column.reason", "Reason", nullptr},
    {Str::ColumnDetail, "column.detail", "Detail", nullptr},
    {Str::ColumnEmployee, "column.employee", "Employee", nullptr},
    {Str::ColumnClients, "column.clients", "Clients", nullptr},
    {Str::ColumnValueVsTarget, "column.value_vs_target", "Value vs target", nullptr},
    {Str::ColumnDifficultyVsShare, "column.difficulty_vs_share", "Difficulty vs share",
     nullptr},
    {Str::ColumnBookAfter, "column.book_after", "Book after", nullptr},
    {Str::ColumnSequence, "column.sequence", "#", nullptr},
    {Str::ColumnLevel, "column.level", "Level", nullptr},
    {Str::ColumnMessage, "column.message", "Message", nullptr},
    {Str::ProvisionalMark, "employees.provisional", "provisional", nullptr},
    {Str::ProvisionalTooltip, "employees.provisional_tooltip",
     "Provisional score, shrunk toward the group median: %s", nullptr},
    {Str::EmployeesFilterHint, "employees.filter", "Filter by id, name, team or role", nullptr},
    {Str::EmployeesShown, "employees.shown", "%d of %d employees", nullptr},
    {Str::ClientsFilterHint, "clients.filter",
     "Filter by id, name, owner, industry or region", nullptr},
    {Str::ClientsShown, "clients.shown", "%d of %d clients", nullptr},
    {Str::ReleasedOnly, "clients.released_only", "Released only", nullptr},
    {Str::ReleasedMark, "clients.released_mark", "✓ released", nullptr},
    {Str::NoOwner, "clients.no_owner", "(nobody)", nullptr},
    {Str::KeyAccount, "clients.key_account",
     "Key account: when its owner leaves, it goes only to the key-account team.", nullptr},
    {Str::LastDayTitle, "last_day.title", "Last day", nullptr},
    {Str::LastDayPrompt, "last_day.prompt", "Last working day of %s (YYYY-MM-DD):", nullptr},
    {Str::LastDayInvalid, "last_day.invalid",
     "Enter a calendar date as YYYY-MM-DD, for example 2026-12-31.", nullptr},
    {Str::LastDayConfirm, "last_day.confirm", "Mark as leaving", nullptr},
    {Str::Cancel, "common.cancel", "Cancel", nullptr},
    {Str::Allocate, "allocation.allocate", "Allocate", nullptr},
    {Str::Allocating, "allocation.allocating", "Allocating %d released clients…", nullptr},
    {Str::Apply, "allocation.apply", "Apply", nullptr},
    {Str::AllocateHint, "allocation.hint",
     "Allocate proposes a new owner for each of the %d released clients. "
     "It changes no owner until you apply it.",
     nullptr},
    {Str::NothingReleased, "allocation.nothing_released",
     "No client is released. Mark an employee as leaving or departed on the Employees tab.",
     nullptr},
    {Str::ResultHeadline, "allocation.headline", "%d placed · %d unassigned", nullptr},
    {Str::ResultMethod, "allocation.method", "Method %s · seed %llu · %s", nullptr},
    {Str::ResultOptimal, "allocation.optimal", "fit proven optimal", nullptr},
    {Str::ResultBound, "allocation.bound", "fit within %.2f%% of the bound", nullptr},
    {Str::FigureTotalFit, "figure.total_fit", "Total fit", nullptr},
    {Str::FigurePriceOfFairness, "figure.price_of_fairness", "Price of fairness", nullptr},
    {Str::FigureMaxDeviation, "figure.max_deviation", "Max deviation from target", nullptr},
    {Str::FigureGini, "figure.gini", "Gini of value per weight", nullptr},
    {Str::FigureDifficultySpread, "figure.difficulty_spread", "Difficulty spread", nullptr},
    {Str::FigureContinuity, "figure.continuity", "Continuity", nullptr},
    {Str::CertificateWprop1Value, "certificate.wprop1_value", "Value share", nullptr},
    {Str::CertificateWprop1Difficulty, "certificate.wprop1_difficulty", "Difficulty share",
     nullptr},
    {Str::CertificateWef1Value, "certificate.wef1_value", "No envy on value", nullptr},
    {Str::CertificateWef1Difficulty, "certificate.wef1_difficulty", "No envy on difficulty",
     nullptr},
    {Str::CertificateEfBoth, "certificate.ef_both", "Envy-free up to %d", nullptr},
    {Str::CertificateWprop1ValueHelp, "certificate.wprop1_value_help",
     "WPROP1 on value: everyone reaches their value target with at most one more client.",
     nullptr},
    {Str::CertificateWprop1DifficultyHelp, "certificate.wprop1_difficulty_help",
     "WPROP1 on difficulty: nobody's difficulty exceeds their share once their hardest "
     "client is left out.",
     nullptr},
    {Str::CertificateWef1ValueHelp, "certificate.wef1_value_help",
     "WEF1 on value: nobody envies a colleague's value, per entitlement, once the "
     "colleague's most valuable client is left out.",
     nullptr},
    {Str::CertificateWef1DifficultyHelp, "certificate.wef1_difficulty_help",
     "WEF1 on difficulty: nobody carries more difficulty per entitlement than a colleague "
     "once their own hardest client is left out.",
     nullptr},
    {Str::CertificateEfBothHelp, "certificate.ef_both_help",
     "Every pair passes the envy test on value and on difficulty after removing at most "
     "this many clients.",
     nullptr},
    {Str::SectionProposed, "allocation.proposed", "Proposed owners", nullptr},
    {Str::SectionUnassigned, "allocation.unassigned", "Unassigned clients", nullptr},
    {Str::SectionPerEmployee, "allocation.per_employee", "Per employee", nullptr},
    {Str::SectionWitnesses, "allocation.witnesses", "Why a guarantee failed", nullptr},
    {Str::WitnessNoConstraint, "allocation.witness_none", "no single constraint is to blame",
     nullptr},
    {Str::FitBreakdown, "allocation.fit_breakdown", "Fit breakdown", nullptr},
    {Str::RunnersUp, "allocation.runners_up", "Next candidates", nullptr},
    {Str::RunnerUpLine, "allocation.runner_up", "%s: fit %.3f, %s", nullptr},
    {Str::ReceivedOfTarget, "allocation.received_of_target", "Received %.1f of %.1f", nullptr},
    {Str::ApplyHint, "allocation.apply_hint",
     "Apply makes the proposed owners the owners of record.", nullptr},
    {Str::LogClear, "log.clear", "Clear", nullptr},
    {Str::LogFollow, "log.follow", "Follow new entries", nullptr},
    {Str::LogShowDebug, "log.show_debug", "Show debug entries", nullptr},
    {Str::LogEmpty, "log.empty", "Nothing logged yet.", nullptr},
    {Str::TabScores, "tab.scores", "Scores", nullptr},
    {Str::TabPolicy, "tab.policy", "Policy", nullptr},
    {Str::BreakdownNone, "breakdown.none", "Click a row in the Employees or Clients table to see how its score is made up.", nullptr},
    {Str::BreakdownGone, "breakdown.gone", "The selected row is no longer in the workspace.", nullptr},
    {Str::BreakdownClientTitle, "breakdown.client_title", "Client %s · %s", nullptr},
    {Str::BreakdownEmployeeTitle, "breakdown.employee_title", "Employee %s · %s", nullptr},
    {Str::BreakdownValueSection, "breakdown.value", "Value V", nullptr},
    {Str::BreakdownDifficultySection, "breakdown.difficulty", "Difficulty D", nullptr},
    {Str::BreakdownPerformanceSection, "breakdown.performance", "Performance P", nullptr},
    {Str::BreakdownTotal, "breakdown.total", "Total", nullptr},
    {Str::BreakdownMissing, "breakdown.missing", "missing", nullptr},
    {Str::BreakdownProvisional, "breakdown.provisional", "Provisional: %s", nullptr},
    {Str::BreakdownNotProvisional, "breakdown.not_provisional", "Not provisional", nullptr},
    {Str::BreakdownSystemUser, "breakdown.system", "System user: no performance score", nullptr},
    {Str::BreakdownFlags, "breakdown.flags", "Flags: %s", nullptr},
    {Str::BreakdownGroup, "breakdown.group", "Comparison group %s", nullptr},
    {Str::ColumnComponent, "column.component", "Component", nullptr},
    {Str::ColumnRaw, "column.raw", "Raw", nullptr},
    {Str::ColumnNormalised, "column.normalised", "Normalised", nullptr},
    {Str::ColumnWeight, "column.weight", "Weight", nullptr},
    {Str::ColumnContribution, "column.contribution", "Contribution", nullptr},
    {Str::PolicyHeading, "policy.heading", "Draft policy (in force: version %d)", nullptr},
    {Str::PolicyValueWeights, "policy.value_weights", "Value V weights", nullptr},
    {Str::PolicyDifficultyWeights, "policy.difficulty_weights", "Difficulty D weights", nullptr},
    {Str::PolicyPerformanceWeights, "policy.performance_weights", "Performance P weights", nullptr},
    {Str::PolicyFitWeights, "policy.fit_weights", "Fit weights", nullptr},
    {Str::PolicyNormalisation, "policy.normalisation", "Normalisation", nullptr},
    {Str::PolicyNormPercentile, "policy.norm_percentile", "percentile", nullptr},
    {Str::PolicyNormWinsorised, "policy.norm_winsorised", "winsorised min-max", nullptr},
    {Str::PolicyGroup, "policy.group", "Performance group", nullptr},
    {Str::PolicyGroupFirm, "policy.group_firm", "firm", nullptr},
    {Str::PolicyGroupTeam, "policy.group_team", "team", nullptr},
    {Str::PolicyGroupRole, "policy.group_role", "role", nullptr},
    {Str::PolicyRampMonths, "policy.ramp_months", "Ramp months", nullptr},
    {Str::PolicyWindowDays, "policy.window_days", "Window days", nullptr},
    {Str::PolicyEntitlement, "policy.entitlement", "Entitlement", nullptr},
    {Str::PolicyEntitlementEqual, "policy.entitlement_equal", "equal", nullptr},
    {Str::PolicyEntitlementPerformance, "policy.entitlement_performance", "by performance", nullptr},
    {Str::PolicyEntitlementBlend, "policy.entitlement_blend", "blend", nullptr},
    {Str::PolicyAlpha, "policy.alpha", "Blend alpha", nullptr},
    {Str::PolicyMaxClients, "policy.max_clients", "Default client limit", nullptr},
    {Str::PolicyTeamBoundary, "policy.team_boundary", "Hand over within the team only", nullptr},
    {Str::PolicyApply, "policy.apply", "Apply policy", nullptr},
    {Str::PolicyReset, "policy.reset", "Reset to defaults", nullptr},
    {Str::PolicyExportRules, "policy.export_rules", "Export rules", nullptr},
    {Str::PolicyResetHint, "policy.reset_hint", "Reset keeps the pins and forbids.", nullptr},
    {Str::PolicyUnchanged, "policy.unchanged", "The draft equals the policy in force.", nullptr},
    {Str::PolicyPreview, "policy.preview", "Preview: largest score changes under the draft", nullptr},
    {Str::PolicyPreviewClients, "policy.preview_clients", "Clients (value V and difficulty D)", nullptr},
    {Str::PolicyPreviewEmployees, "policy.preview_employees", "Employees (performance P)", nullptr},
    {Str::PolicyPreviewNone, "policy.preview_none", "No score changes.", nullptr},
    {Str::PolicyRulesFailed, "policy.rules_failed", "Could not build the rules document: %s", nullptr},
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
    {"status.active", "active", nullptr},
    {"status.leaving", "leaving", nullptr},
    {"status.departed", "departed", nullptr},
    {"status.on_leave", "on leave", nullptr},
    {"won.best_fit", "best fit", nullptr},
    {"won.only_eligible", "only eligible colleague", nullptr},
    {"won.pinned", "pinned by the manager", nullptr},
    {"won.continuity", "served before", nullptr},
    {"won.fairness_balance", "evens out the fair shares", nullptr},
    {"lost.capacity_full", "client limit reached", nullptr},
    {"lost.workload_full", "workload limit reached", nullptr},
    {"lost.ineligible_status", "not active", nullptr},
    {"lost.ineligible_need", "lacks a required skill", nullptr},
    {"lost.conflict", "conflict or personal tie", nullptr},
    {"lost.forbidden", "pair forbidden", nullptr},
    {"lost.team_boundary", "other team", nullptr},
    {"lost.share_cap", "value share cap reached", nullptr},
    {"lost.fairness_target_met", "fair share already reached", nullptr},
    {"lost.lower_fit", "lower fit", nullptr},
    {"unassigned.no_eligible_employee", "nobody is eligible", nullptr},
    {"unassigned.capacity_exhausted", "every client limit is reached", nullptr},
    {"unassigned.workload_exhausted", "every workload limit is reached", nullptr},
    {"unassigned.team_boundary", "nobody eligible in the team", nullptr},
    {"unassigned.share_cap", "value share caps reached", nullptr},
    {"unassigned.pin_conflict", "conflicting pins", nullptr},
    {"fit.prefers", "client preferences", nullptr},
    {"fit.industry", "industry", nullptr},
    {"fit.region", "region", nullptr},
    {"fit.language", "language", nullptr},
    {"fit.continuity", "continuity", nullptr},
    {"component.monetary", "monetary value", nullptr},
    {"component.frequency", "frequency", nullptr},
    {"component.recency", "recency", nullptr},
    {"component.potential", "potential", nullptr},
    {"component.tier", "tier", nullptr},
    {"component.given", "given difficulty", nullptr},
    {"component.workload", "workload", nullptr},
    {"component.satisfaction", "satisfaction", nullptr},
    {"component.complaints", "complaints", nullptr},
    {"component.late_payments", "late payments", nullptr},
    {"component.sales_12m", "sales, 12 months", nullptr},
    {"component.quota_attainment", "quota attainment", nullptr},
    {"component.csat", "CSAT", nullptr},
    {"component.retention", "retention", nullptr},
    {"component.review", "review", nullptr},
    {"component.tenure", "tenure", nullptr},
    {"level.debug", "debug", nullptr},
    {"level.info", "info", nullptr},
    {"level.warning", "warning", nullptr},
    {"level.error", "error", nullptr},
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

}  // namespace baton::ui
