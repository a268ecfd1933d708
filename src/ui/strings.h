// Every text the UI shows, in one table keyed by id, with a column per language.
// Panels never hold literal UI text: they call tr() (or the code helpers below), so a
// translation is added here without touching a panel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/log.h"
#include "core/model.h"

namespace baton::ui {

// Ids of the UI texts. Texts with printf directives keep the same directives in every
// language.
enum class Str {
    AppTitle,
    AppSubtitle,
    Loading,
    TabEmployees,
    TabClients,
    TabAllocation,
    TabLog,
    ToolbarCounts,
    SaveNow,
    OpenFile,
    ExportWorkspace,
    LanguageEnglish,
    LanguageChinese,
    SavedState,
    SavingState,
    UnsavedState,
    MemoryOnlyState,
    StaleState,
    StatusWorkspace,
    ColumnId,
    ColumnName,
    ColumnTeam,
    ColumnRole,
    ColumnStatus,
    ColumnPerformance,
    ColumnBook,
    ColumnOwner,
    ColumnValue,
    ColumnDifficulty,
    ColumnTier,
    ColumnReleased,
    ColumnClient,
    ColumnFrom,
    ColumnTo,
    ColumnFit,
    ColumnWhy,
    ColumnReason,
    ColumnDetail,
    ColumnEmployee,
    ColumnClients,
    ColumnValueVsTarget,
    ColumnDifficultyVsShare,
    ColumnBookAfter,
    ColumnSequence,
    ColumnLevel,
    ColumnMessage,
    ProvisionalMark,
    ProvisionalTooltip,
    EmployeesFilterHint,
    EmployeesShown,
    ClientsFilterHint,
    ClientsShown,
    ReleasedOnly,
    ReleasedMark,
    NoOwner,
    KeyAccount,
    LastDayTitle,
    LastDayPrompt,
    LastDayInvalid,
    LastDayConfirm,
    Cancel,
    Allocate,
    Allocating,
    Apply,
    AllocateHint,
    NothingReleased,
    ResultHeadline,
    ResultMethod,
    ResultOptimal,
    ResultBound,
    FigureTotalFit,
    FigurePriceOfFairness,
    FigureMaxDeviation,
    FigureGini,
    FigureDifficultySpread,
    FigureContinuity,
    CertificateWprop1Value,
    CertificateWprop1Difficulty,
    CertificateWef1Value,
    CertificateWef1Difficulty,
    CertificateEfBoth,
    CertificateWprop1ValueHelp,
    CertificateWprop1DifficultyHelp,
    CertificateWef1ValueHelp,
    CertificateWef1DifficultyHelp,
    CertificateEfBothHelp,
    SectionProposed,
    SectionUnassigned,
    SectionPerEmployee,
    SectionWitnesses,
    WitnessNoConstraint,
    FitBreakdown,
    RunnersUp,
    RunnerUpLine,
    ReceivedOfTarget,
    ApplyHint,
    LogClear,
    LogFollow,
    LogShowDebug,
    LogEmpty,
    TabScores,
    TabPolicy,
    BreakdownNone,
    BreakdownGone,
    BreakdownClientTitle,
    BreakdownEmployeeTitle,
    BreakdownValueSection,
    BreakdownDifficultySection,
    BreakdownPerformanceSection,
    BreakdownTotal,
    BreakdownMissing,
    BreakdownProvisional,
    BreakdownNotProvisional,
    BreakdownSystemUser,
    BreakdownFlags,
    BreakdownGroup,
    ColumnComponent,
    ColumnRaw,
    ColumnNormalised,
    ColumnWeight,
    ColumnContribution,
    PolicyHeading,
    PolicyValueWeights,
    PolicyDifficultyWeights,
    PolicyPerformanceWeights,
    PolicyFitWeights,
    PolicyNormalisation,
    PolicyNormPercentile,
    PolicyNormWinsorised,
    PolicyGroup,
    PolicyGroupFirm,
    PolicyGroupTeam,
    PolicyGroupRole,
    PolicyRampMonths,
    PolicyWindowDays,
    PolicyEntitlement,
    PolicyEntitlementEqual,
    PolicyEntitlementPerformance,
    PolicyEntitlementBlend,
    PolicyAlpha,
    PolicyMaxClients,
    PolicyTeamBoundary,
    PolicyApply,
    PolicyReset,
    PolicyExportRules,
    PolicyResetHint,
    PolicyUnchanged,
    PolicyPreview,
    PolicyPreviewClients,
    PolicyPreviewEmployees,
    PolicyPreviewNone,
    PolicyRulesFailed,
    // View settings, help and the guided tour.
    ViewMenu,
    ThemeHeading,
    ThemeLight,
    ThemeDark,
    ThemeHighContrast,
    FontSizeHeading,
    FontSizeSmaller,
    FontSizeLarger,
    FontSizeReset,
    FontSizeCapped,
    HelpButton,
    HelpTitle,
    HelpUnavailable,
    HelpStartTour,
    CloseWindow,
    TourProgress,
    TourBack,
    TourNext,
    TourFinish,
    TourEnd,
    TourTargetHidden,
    TourLeaverTitle,
    TourLeaverBody,
    TourEvaluateTitle,
    TourEvaluateBody,
    TourAllocateTitle,
    TourAllocateBody,
    TourFairnessTitle,
    TourFairnessBody,
    TourAppealTitle,
    TourAppealBody,
    TourFinaliseTitle,
    TourFinaliseBody,
    // Text entry, tables, undo and progress.
    CopyRows,
    CopyRowsTooltip,
    UndoButton,
    RedoButton,
    UndoTooltip,
    RedoTooltip,
    BusyImporting,
    BusyAllocating,
    BusySaving,
    BusyCancelling,
    Count
};

// Returns the text of `id` in the current language, or the English text where the
// current language has none.
const char* tr(Str id);

// Sets the UI language from a tag: "en" or "zh-CN" ("zh" is accepted for "zh-CN").
// Returns false, and keeps the current language, for any other tag.
bool setLocale(std::string_view tag);
const char* locale();

// Words for the codes of the result formats, in the current language. Each falls back
// to the code itself when the table has no entry for it.
const char* statusText(EmployeeStatus status);
const char* wonBecauseText(const std::string& code);
const char* lostBecauseText(const std::string& code);
const char* unassignedReasonText(const std::string& code);
const char* fitTermText(const std::string& code);
const char* logLevelText(LogLevel level);
// A score component's name ("monetary", "sales_12m", ...) or a fit weight's name.
const char* componentText(const std::string& code);

// Appends every text of every language, so that the font atlas can hold their glyphs.
void appendAllTexts(std::string& out);

// One row of the translation tables (UI texts and result codes), for checks and tools.
struct TranslationRow {
    const char* key;
    const char* english;
    const char* chinese;  // nullptr where the row has no zh-CN text
};
std::vector<TranslationRow> translationRows();

}  // namespace baton::ui
