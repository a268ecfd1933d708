#include "ui/import_review.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/import_text.h"
#include "ui/log_text.h"
#include "ui/message_text.h"
#include "ui/progress.h"
#include "ui/strings.h"
#include "ui/text_wrap.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

constexpr const char* kPopupId = "###import_review";
// Issue groups and examples shown per kind (errors, warnings); the report has them all.
constexpr std::size_t kGroupsShown = 4;
constexpr std::size_t kExamplesShown = 3;
constexpr std::size_t kJsonErrorsShown = 10;

// "729 rows (2, 5, 9, …)" for a warning repeated on several rows, in the current language.
std::string repeatText(const ImportIssue& issue) {
    char part[320];
    if (issue.row <= 0) {
        std::snprintf(part, sizeof part, tr(Str::ReviewRepeatedTimes), issue.occurrences);
        return part;
    }
    std::string rows;
    for (long row : issue.rows) rows += (rows.empty() ? "" : ", ") + std::to_string(row);
    bool all = issue.occurrences == static_cast<long>(issue.rows.size());
    std::snprintf(part, sizeof part, tr(all ? Str::ReviewAtRowsAll : Str::ReviewAtRowsFirst),
                  issue.occurrences, rows.c_str());
    return part;
}

// "sales.csv, row 3, column 金额: message", with the words of the current language. A
// warning repeated on several rows names its row count and first rows after the column.
std::string issueText(const ImportIssue& issue) {
    std::string where = issue.file;
    char part[320];
    std::string message = importMessageText(issue.message, issue.messageKey);
    if (issue.occurrences > 1) {
        if (!issue.column.empty()) {
            std::snprintf(part, sizeof part, tr(Str::ReviewAtColumn), issue.column.c_str());
            where += (where.empty() ? "" : ", ") + std::string(part);
        }
        where += (where.empty() ? "" : ", ") + repeatText(issue);
        return where + ": " + message;
    }
    if (issue.row > 0) {
        std::snprintf(part, sizeof part, tr(Str::ReviewAtRow), issue.row);
        where += (where.empty() ? "" : ", ") + std::string(part);
    }
    if (!issue.column.empty()) {
        std::snprintf(part, sizeof part, tr(Str::ReviewAtColumn), issue.column.c_str());
        where += (where.empty() ? "" : ", ") + std::string(part);
    }
    return where.empty() ? message : where + ": " + message;
}

std::string jsonErrorText(const JsonError& error) {
    std::string where = error.path;
    if (error.line && error.column) {
        char part[96];
        std::snprintf(part, sizeof part, tr(Str::ReviewAtLine), *error.line, *error.column);
        where += (where.empty() ? "" : ", ") + std::string(part);
    }
    return where.empty() ? error.message : where + ": " + error.message;
}

void bulletText(const std::string& text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::BeginGroup();
    textWrappedMixed(text.c_str());
    ImGui::EndGroup();
}

void drawGroups(const std::vector<IssueGroup>& groups, const char* heading, ImU32 colour) {
    if (groups.empty()) return;
    textColoured(colour, heading);
    for (std::size_t g = 0; g < std::min(groups.size(), kGroupsShown); ++g) {
        const IssueGroup& group = groups[g];
        ImGui::TextDisabled("%s (%ld)", importCodeTitle(group.code), group.count);
        std::size_t shown = std::min(group.examples.size(), kExamplesShown);
        for (std::size_t i = 0; i < shown; ++i) bulletText(issueText(group.examples[i]));
        long notShown = occurrencesNotShown(group, shown);
        if (notShown > 0) {
            char more[128];
            std::snprintf(more, sizeof more, tr(Str::ReviewMoreInGroup), notShown);
            ImGui::TextDisabled("%s", more);
        }
    }
}

// The report's suggestions, such as filling down the empty cells of merged cells, wrapped
// to the window and in the UI language where they have a template.
void drawSuggestions(const ImportReport& report) {
    const std::vector<std::string>& sentences = report.suggestions();
    if (sentences.empty()) return;
    ImGui::Spacing();
    textColoured(kColourAccent, tr(Str::ReviewSuggestionsHeading));
    const std::vector<MessageKey>& keys = report.suggestionKeys();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        bulletText(importMessageText(sentences[i], i < keys.size() ? keys[i] : MessageKey{}));
    }
}

// A file name for something saved from the review: "<first file's stem>-<suffix>".
std::string savedFileName(const PendingImport& pending, const std::string& suffix) {
    if (pending.files.empty()) return "import-" + suffix;
    std::string stem = pending.files.front();
    std::size_t dot = stem.find_last_of('.');
    if (dot != std::string::npos && dot > 0) stem.resize(dot);
    return stem + "-" + suffix;
}

// Begins a table of three columns that share the window's width, the first twice as wide
// as the others, headed by the texts `first`, `second` and `third`.
bool beginTable(const char* id, Str first, Str second, Str third) {
    ImGui::Spacing();
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable(id, 3, flags)) return false;
    ImGui::TableSetupColumn(tr(first), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(second), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(third), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    return true;
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

// Keeps the next button, labelled `label`, on the line of the last one when it fits there.
void sameLineIfFits(const char* label) {
    float end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (end + spacing + buttonWidth(label) <= ImGui::GetWindowContentRegionMax().x) {
        ImGui::SameLine();
    }
}

// The lines the footer's buttons take when each goes on the line before if it fits.
int buttonLines(const std::vector<Str>& labels, float available) {
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    int lines = 1;
    float used = 0.0f;
    for (Str label : labels) {
        float width = buttonWidth(tr(label));
        if (used > 0.0f && used + spacing + width > available) {
            lines += 1;
            used = 0.0f;
        }
        used += (used > 0.0f ? spacing : 0.0f) + width;
    }
    return lines;
}

}  // namespace

void ImportReview::requireFonts(FontManager& fonts, const Session& session) {
    const PendingImport* pending = session.pendingImport();
    if (pending == nullptr || session.pendingSerial() == m_fontSerial) return;
    m_fontSerial = session.pendingSerial();
    for (const std::string& file : pending->files) fonts.require(file);
    fonts.require(pending->reportText);
}

void ImportReview::draw(Session& session) {
    pollMapping(session);
    const PendingImport* pending = session.pendingImport();
    // The progress overlay is a modal too; opening this one over it would close it.
    if (pending == nullptr || progressOverlay().busy()) return;
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(kPopupId);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float font = ImGui::GetFontSize();
    ImVec2 size(std::min(font * 46.0f, viewport->WorkSize.x - font),
                std::min(font * 42.0f, viewport->WorkSize.y - font));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    std::string title = std::string(tr(Str::ReviewTitle)) + kPopupId;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, flags)) return;
    recordWindow("import_review");

    // The buttons wrap to a second line when the window is too narrow for them.
    const ImGuiStyle& style = ImGui::GetStyle();
    std::vector<Str> labels = {Str::ReviewReplace, Str::Cancel, Str::ReviewSaveReport};
    if (pending->source != PendingImport::Source::Workspace) {
        labels.push_back(Str::ReviewUseMapping);
        labels.push_back(Str::ReviewSaveMapping);
    }
    int lines = buttonLines(labels, ImGui::GetContentRegionAvail().x);
    float footer =
        ImGui::GetFrameHeightWithSpacing() * static_cast<float>(lines) + style.ItemSpacing.y * 2.0f;
    ImGui::BeginChild("review_body", ImVec2(0.0f, -footer), false);
    if (m_shownSerial != session.pendingSerial()) {
        m_shownSerial = session.pendingSerial();
        ImGui::SetScrollY(0.0f);
    }
    if (pending->ok()) {
        textWrappedMixed(tr(pending->into ? Str::ReviewMergeIntro : Str::ReviewReplaceIntro));
    } else {
        char failed[256];
        long errors = pending->errorCount();
        std::snprintf(failed, sizeof failed, trPlural(Str::ReviewFailed, {errors}).c_str(), errors);
        ImGui::PushStyleColor(ImGuiCol_Text, kColourBad);
        textWrappedMixed(failed);
        ImGui::PopStyleColor();
    }
    drawFiles(*pending);
    drawCounts(*pending);
    drawIssues(*pending);
    drawReport(*pending);
    ImGui::EndChild();

    ImGui::Separator();
    drawButtons(session, *pending);
    ImGui::EndPopup();
}

void ImportReview::drawFiles(const PendingImport& pending) {
    if (pending.tables.empty()) return;
    if (!beginTable("review_files", Str::ReviewColumnFile, Str::ReviewColumnTable,
                    Str::ReviewColumnRows)) {
        return;
    }
    for (const ImportedTable& table : pending.tables) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textWrappedMixed(table.file.c_str());
        ImGui::TableNextColumn();
        const char* name = tableText(table.table);
        ImGui::TextUnformatted(name != nullptr ? name : table.table.c_str());
        ImGui::TableNextColumn();
        if (table.rows >= 0) {
            textRightFormat("%ld", table.rows);
        } else {
            textRight("—");
        }
    }
    ImGui::EndTable();
}

void ImportReview::drawCounts(const PendingImport& pending) {
    if (!beginTable("review_counts", Str::ReviewColumnRecords, Str::ReviewColumnNow,
                    Str::ReviewColumnAfter)) {
        return;
    }
    const RecordCounts& now = pending.before;
    const RecordCounts& after = pending.after;
    const std::pair<const char*, std::pair<long, long>> rows[] = {
        {tr(Str::TabEmployees), {now.employees, after.employees}},
        {tr(Str::TabClients), {now.clients, after.clients}},
        {tr(Str::ReviewTransactions), {now.transactions, after.transactions}},
        {tr(Str::ReviewDeals), {now.deals, after.deals}},
        {tr(Str::ReviewRelationships), {now.relationships, after.relationships}},
    };
    for (const auto& [label, values] : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        ImGui::TableNextColumn();
        textRightFormat("%ld", values.first);
        ImGui::TableNextColumn();
        if (!pending.ok()) {
            textRight("—");
            continue;
        }
        bool changed = values.first != values.second;
        if (changed) ImGui::PushStyleColor(ImGuiCol_Text, kColourAccent);
        textRightFormat("%ld", values.second);
        if (changed) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

void ImportReview::drawIssues(const PendingImport& pending) {
    ImGui::Spacing();
    long errors = pending.errorCount();
    long warnings = pending.report.warningCount() + static_cast<long>(pending.warnings.size());
    char counts[128];
    std::snprintf(counts, sizeof counts, tr(Str::ReviewIssueCounts), errors, warnings);
    ImU32 colour = kColourGood;
    if (errors > 0) {
        colour = kColourBad;
    } else if (warnings > 0) {
        colour = kColourWarning;
    }
    textColoured(colour, counts);
    if (!pending.errors.empty()) {
        textColoured(kColourBad, tr(Str::ReviewErrorsHeading));
        std::size_t shown = std::min(pending.errors.size(), kJsonErrorsShown);
        for (std::size_t i = 0; i < shown; ++i) {
            JsonError error = pending.errors[i];
            error.message = jsonErrorMessageText(error.message);
            bulletText(jsonErrorText(error));
        }
    }
    drawGroups(pending.report.errors(), tr(Str::ReviewErrorsHeading), kColourBad);
    if (!pending.warnings.empty()) {
        // Warnings of workspace JSON, such as a broken audit log. A file import has none.
        textColoured(kColourWarning, tr(Str::ReviewWarningsHeading));
        std::size_t shown = std::min(pending.warnings.size(), kJsonErrorsShown);
        for (std::size_t i = 0; i < shown; ++i) {
            JsonError warning = pending.warnings[i];
            warning.message = logMessageText(warning.message);
            bulletText(jsonErrorText(warning));
        }
    }
    drawGroups(pending.report.warnings(), tr(Str::ReviewWarningsHeading), kColourWarning);
    drawSuggestions(pending.report);
    if (pending.report.derived().empty()) return;
    ImGui::Spacing();
    textColoured(kColourAccent, tr(Str::ReviewDerivedHeading));
    for (const DerivedField& field : pending.report.derived()) {
        bulletText(importMessageText(field.sentence, field.messageKey));
    }
}

void ImportReview::drawReport(const PendingImport& pending) {
    ImGui::Spacing();
    textColoured(kColourAccent, tr(Str::ReviewReportHeading));
    float height = ImGui::GetTextLineHeightWithSpacing() * 10.0f;
    ImGui::BeginChild("review_report", ImVec2(0.0f, height), true);
    // Long lines wrap to the box. The lines are broken again only when the import, the box
    // width or the font size changes, and only the lines in view are drawn, because a
    // report can have thousands of lines.
    float width = ImGui::GetContentRegionAvail().x;
    float fontSize = ImGui::GetFontSize();
    std::uint64_t serial = m_shownSerial;
    if (serial != m_reportSerial || width != m_reportWidth || fontSize != m_reportFontSize) {
        ImFont* font = ImGui::GetFont();
        auto advance = [&](std::string_view character) {
            const char* begin = character.data();
            return font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, begin, begin + character.size()).x;
        };
        m_reportLines = wrapLines(pending.reportText, std::max(width, fontSize), advance);
        m_reportSerial = serial;
        m_reportWidth = width;
        m_reportFontSize = fontSize;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_reportLines.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            std::string_view line = m_reportLines[static_cast<std::size_t>(i)];
            ImGui::TextUnformatted(line.data(), line.data() + line.size());
        }
    }
    ImGui::EndChild();
    recordWidget("import_review.report");
}

// Commits or discards the import; `pending` is gone once either is done.
void ImportReview::drawButtons(Session& session, const PendingImport& pending) {
    bool apply = false;
    if (pending.ok()) {
        const char* label = tr(pending.into ? Str::ImportMergeInto : Str::ReviewReplace);
        apply = primaryButton(labelWithId(label, "review_apply").c_str());
        recordWidget("import_review.apply");
        sameLineIfFits(tr(Str::Cancel));
    }
    const char* closeLabel = tr(pending.ok() ? Str::Cancel : Str::ReviewClose);
    bool close = ImGui::Button(labelWithId(closeLabel, "review_close").c_str());
    recordWidget(pending.ok() ? "import_review.cancel" : "import_review.close");
    sameLineIfFits(tr(Str::ReviewSaveReport));
    if (ImGui::Button(labelWithId(tr(Str::ReviewSaveReport), "review_save").c_str())) {
        session.request(PlatformRequest{PlatformRequest::Kind::Download,
                                        savedFileName(pending, "import-report.txt"),
                                        pending.reportText, "text/plain"});
    }
    recordWidget("import_review.save");
    if (pending.source != PendingImport::Source::Workspace) drawMappingButtons(session, pending);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close = true;

    if (apply) {
        session.commitImport();
        ImGui::CloseCurrentPopup();
    } else if (close) {
        session.discardImport();
        ImGui::CloseCurrentPopup();
    }
}

void ImportReview::drawMappingButtons(Session& session, const PendingImport& pending) {
    sameLineIfFits(tr(Str::ReviewUseMapping));
    ImGui::BeginDisabled(m_pickMapping.busy() || m_restage.busy());
    if (ImGui::Button(labelWithId(tr(Str::ReviewUseMapping), "review_use_mapping").c_str())) {
        m_pickMapping.pickText(session);
    }
    ImGui::EndDisabled();
    recordWidget("import_review.use_mapping");
    sameLineIfFits(tr(Str::ReviewSaveMapping));
    if (ImGui::Button(labelWithId(tr(Str::ReviewSaveMapping), "review_save_mapping").c_str())) {
        session.request(PlatformRequest{PlatformRequest::Kind::Download,
                                        savedFileName(pending, "mapping.json"),
                                        pending.mappingText, "application/json"});
    }
    recordWidget("import_review.save_mapping");
}

// Passes a picked mapping file to window.baton.restageWithMapping, which reads the files of
// the import under review again with it. The new staged import replaces this one.
void ImportReview::pollMapping(Session& session) {
    if (std::optional<PlatformReply> picked = m_pickMapping.poll(session)) {
        nlohmann::json file = nlohmann::json::parse(picked->value, nullptr, false);
        if (picked->ok && file.is_object()) {
            m_restage.start(session, "restageWithMapping",
                            nlohmann::json::array({file.value("text", std::string())}));
        }
    }
    if (std::optional<PlatformReply> done = m_restage.poll(session)) {
        if (!done->ok) session.log().error("The mapping was not used: " + done->value);
    }
}

}  // namespace baton::ui
