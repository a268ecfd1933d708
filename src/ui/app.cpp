#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/log_text.h"
#include "ui/progress.h"
#include "ui/strings.h"
#include "ui/table_view.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// Below this width (CSS pixels) the panels are tabs; above it, Allocation sits beside them.
constexpr float kWideLayoutWidth = 1100.0f;

ImU32 saveStateColour(SaveState state) {
    switch (state) {
        case SaveState::Saved: return kColourGood;
        case SaveState::Saving: return kColourAccent;
        case SaveState::Unsaved: return kColourWarning;
        case SaveState::MemoryOnly: return kColourBad;
        case SaveState::Stale: return kColourBad;
    }
    return kColourMuted;
}

const char* saveStateText(SaveState state) {
    switch (state) {
        case SaveState::Saved: return tr(Str::SavedState);
        case SaveState::Saving: return tr(Str::SavingState);
        case SaveState::Unsaved: return tr(Str::UnsavedState);
        case SaveState::MemoryOnly: return tr(Str::MemoryOnlyState);
        case SaveState::Stale: return tr(Str::StaleState);
    }
    return "";
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

// Continues the toolbar on the current line when a group `width` wide fits after the last
// item with `gap` before it, and on the next line otherwise, so that a large font or a
// narrow window wraps the toolbar instead of cutting it off.
void continueToolbar(float width, float gap) {
    float end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (end + gap + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0.0f, gap);
}

// Draws a language button, highlighted when it is the current language.
bool languageButton(const char* label, const char* id, bool current) {
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_Header));
    bool pressed = ImGui::Button(labelWithId(label, id).c_str());
    if (current) ImGui::PopStyleColor();
    return pressed;
}

}  // namespace

App::App() : m_allocation(m_fonts) {}

void App::init(const std::string& fontFolder, Log& log) {
    applyLightTheme();
    std::string error;
    if (!m_fonts.load(fontFolder + "/latin.ttf", fontFolder + "/cjk.ttf", error)) {
        log.error("Fonts: " + error);
    }
}

bool App::prepareFrame(Session& session, float pixelRatio) {
    if (session.workspaceId() != m_seenWorkspaceId || session.revision() != m_seenRevision) {
        m_seenWorkspaceId = session.workspaceId();
        m_seenRevision = session.revision();
        m_releasedCount = session.releasedCount();
    }
    m_fonts.requireSession(session);
    m_fonts.requireActiveInput();
    m_fonts.require(m_clients.filterText());
    m_fonts.require(m_employees.filterText());
    m_review.requireFonts(m_fonts, session);
    m_fonts.requireAll(m_workspaces.names());
    m_fonts.require(session.workspaceName());
    if (!m_fonts.rebuildIfNeeded(pixelRatio)) return false;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    session.log().add(LogLevel::Debug,
                      "Font atlas rebuilt: " + std::to_string(m_fonts.glyphCount()) + " glyphs, " +
                          std::to_string(atlas->TexWidth) + "x" + std::to_string(atlas->TexHeight) +
                          " pixels");
    return true;
}

AppRequests App::draw(Session& session, bool ready) {
    setLocale(session.locale());
    AppRequests requests;
    progressOverlay().update();
    if (ready) handleEditShortcuts(session);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("###baton", nullptr, flags);
    drawToolbar(session, requests);

    if (ready) m_storage.drawBanner(session);
    float statusHeight = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("body", ImVec2(0.0f, -statusHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    if (ready) {
        drawBody(session);
    } else {
        ImVec2 size = ImGui::GetContentRegionAvail();
        ImVec2 text = ImGui::CalcTextSize(tr(Str::Loading));
        ImGui::SetCursorPos(ImVec2((size.x - text.x) * 0.5f, (size.y - text.y) * 0.4f));
        ImGui::TextDisabled("%s", tr(Str::Loading));
    }
    ImGui::EndChild();

    drawStatusLine(session);
    ImGui::End();
    drawOverlays(session, requests, ready);
    progressOverlay().draw();
    return requests;
}

// Ctrl+Z undoes and Ctrl+Y or Ctrl+Shift+Z redoes (Cmd on macOS), except in a text field,
// where the same keys edit the field's own text.
void App::handleEditShortcuts(Session& session) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !shortcutModifier() || progressOverlay().busy()) return;
    bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
    bool y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false);
    if (z && !io.KeyShift) {
        session.undo();
    } else if (y || (z && io.KeyShift)) {
        session.redo();
    }
}

void App::drawUndoButtons(Session& session) {
    ImGui::BeginDisabled(!session.canUndo());
    if (ImGui::Button(labelWithId(tr(Str::UndoButton), "undo").c_str())) session.undo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr(Str::UndoTooltip));
    }
    recordWidget("undo");
    ImGui::SameLine(0.0f, 2.0f);
    ImGui::BeginDisabled(!session.canRedo());
    if (ImGui::Button(labelWithId(tr(Str::RedoButton), "redo").c_str())) session.redo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr(Str::RedoTooltip));
    }
    recordWidget("redo");
}

void App::drawToolbar(Session& session, AppRequests& requests) {
    ImGui::PushFont(m_fonts.heading());
    textColoured(kColourAccent, tr(Str::AppTitle));
    ImGui::PopFont();
    // The body-size subtitle and company name sit on the heading's baseline.
    float baselineShift = (m_fonts.headingSize() - m_fonts.bodySize()) * 0.75f;
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + baselineShift);
    ImGui::TextDisabled("%s", tr(Str::AppSubtitle));
    const auto& company = session.workspace().company;
    auto name = company.find("name");
    if (name != company.end() && name->is_string()) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + baselineShift);
        ImGui::TextUnformatted(name->get_ref<const std::string&>().c_str());
    }

    const ImGuiStyle& style = ImGui::GetStyle();
    const char* english = tr(Str::LanguageEnglish);
    const char* chinese = tr(Str::LanguageChinese);
    const char* save = tr(Str::SaveNow);
    const char* open = tr(Str::OpenFile);
    const char* exportJson = tr(Str::ExportWorkspace);
    float gap = style.ItemSpacing.x * 2.0f;
    float undoWidth = buttonWidth(tr(Str::UndoButton)) + buttonWidth(tr(Str::RedoButton)) + 2.0f;
    float fileWidth = buttonWidth(open) + buttonWidth(exportJson) + ImGui::GetFrameHeight() +
                      style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr(Str::ImportMergeInto)).x +
                      style.ItemSpacing.x * 2.0f;
    float languageWidth = buttonWidth(english) + buttonWidth(chinese) + 2.0f;
    float width =
        undoWidth + fileWidth + languageWidth + buttonWidth(save) + viewButtonsWidth() + gap * 4.0f;
    // On one line with the title the groups sit at the right edge; otherwise they start a
    // line of their own and wrap where a group does not fit.
    float right = ImGui::GetWindowContentRegionMax().x;
    float titleEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (titleEnd + gap + width <= right) ImGui::SameLine(right - width);
    drawUndoButtons(session);
    continueToolbar(fileWidth, gap);
    drawFileButtons(session, open, exportJson);
    continueToolbar(languageWidth, gap);
    bool isChinese = session.locale() == "zh-CN";
    if (languageButton(english, "lang_en", !isChinese)) session.setLocale("en");
    recordWidget("locale.en");
    ImGui::SameLine(0.0f, 2.0f);
    if (languageButton(chinese, "lang_zh", isChinese)) session.setLocale("zh-CN");
    recordWidget("locale.zh-CN");
    continueToolbar(buttonWidth(save), gap);
    if (ImGui::Button(labelWithId(save, "save").c_str())) requests.save = true;
    recordWidget("save");
    continueToolbar(viewButtonsWidth(), gap);
    drawViewButtons();
    ImGui::Separator();
}

// The file picker imports a workspace JSON, CSV or XLSX file. Export offers the open
// workspace as a JSON download.
void App::drawFileButtons(Session& session, const char* open, const char* exportJson) {
    if (ImGui::Button(labelWithId(open, "open").c_str())) {
        session.request(PlatformRequest{PlatformRequest::Kind::PickFile, "", "", ""});
    }
    recordWidget("open");
    ImGui::SameLine();
    bool into = session.importInto();
    if (ImGui::Checkbox(labelWithId(tr(Str::ImportMergeInto), "import_into").c_str(), &into)) {
        session.setImportInto(into);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ImportMergeIntoHint));
    recordWidget("import_into");
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(exportJson, "export").c_str())) {
        session.request(PlatformRequest{PlatformRequest::Kind::Download, "baton-workspace.json",
                                        session.exportWorkspaceText(), "application/json"});
    }
    recordWidget("export");
}

void App::drawBody(Session& session) {
    // A locked workspace has no data in memory: ask for its passphrase, or open another.
    if (session.locked()) {
        m_storage.drawUnlock(session);
        ImGui::Spacing();
        m_workspaces.draw(session);
        return;
    }
    if (ImGui::GetContentRegionAvail().x >= kWideLayoutWidth) {
        drawWideBody(session);
    } else {
        drawNarrowBody(session);
    }
}

void App::drawWideBody(Session& session) {
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    float leftWidth = (ImGui::GetContentRegionAvail().x - spacing) * 0.54f;
    ImGui::BeginChild("tables", ImVec2(leftWidth, 0.0f), false, ImGuiWindowFlags_NoBackground);
    if (beginTabRow("tables_tabs")) {
        if (beginRecordedTab(tr(Str::TabEmployees), "employees")) {
            m_employees.draw(session);
            ImGui::EndTabItem();
        }
        if (beginRecordedTab(tr(Str::TabClients), "clients")) {
            m_clients.draw(session);
            ImGui::EndTabItem();
        }
        drawScoreTabs(session);
        drawStorageTabs(session);
        if (beginRecordedTab(tr(Str::TabLog), "log")) {
            m_log.draw(session);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f, 12.0f));
    ImGui::BeginChild("allocation", ImVec2(0.0f, 0.0f), true);
    ImGui::PushFont(m_fonts.heading());
    ImGui::TextUnformatted(tr(Str::TabAllocation));
    ImGui::PopFont();
    m_allocation.draw(session);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void App::drawNarrowBody(Session& session) {
    if (!beginTabRow("all_tabs")) return;
    if (beginRecordedTab(tr(Str::TabEmployees), "employees")) {
        m_employees.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabClients), "clients")) {
        m_clients.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabAllocation), "allocation")) {
        m_allocation.draw(session);
        ImGui::EndTabItem();
    }
    drawScoreTabs(session);
    drawStorageTabs(session);
    if (beginRecordedTab(tr(Str::TabLog), "log")) {
        m_log.draw(session);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void App::drawScoreTabs(Session& session) {
    forwardSelection();
    if (beginRecordedTab(tr(Str::TabScores), "scores")) {
        m_breakdown.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabPolicy), "policy")) {
        m_policy.draw(session);
        ImGui::EndTabItem();
    }
    m_cycleTabs.draw(session);
}

void App::drawStorageTabs(Session& session) {
    if (beginRecordedTab(tr(Str::TabWorkspaces), "workspaces")) {
        m_workspaces.draw(session);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::TabStorage), "storage")) {
        ImGui::BeginChild("storage_scroll", ImVec2(0.0f, 0.0f), false,
                          ImGuiWindowFlags_NoBackground);
        m_storage.draw(session);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
}

void App::forwardSelection() {
    if (auto id = m_employees.takeClickedId()) m_breakdown.selectEmployee(*id);
    if (auto id = m_clients.takeClickedId()) m_breakdown.selectClient(*id);
}

namespace {

// The parts of the status line after the save state: the workspace, its counts and the
// newest log entry that is not a debug entry, as feedback on the last action.
struct StatusParts {
    std::string workspace;
    std::string counts;
    std::string message;
    ImU32 messageColour = 0;
};

StatusParts statusParts(const Session& session, int releasedCount) {
    StatusParts parts;
    char text[320];
    std::snprintf(text, sizeof text, tr(Str::StatusWorkspace), session.workspaceName().c_str());
    parts.workspace = text;
    const Workspace& workspace = session.workspace();
    int employees = static_cast<int>(workspace.employees.size());
    int clients = static_cast<int>(workspace.clients.size());
    std::snprintf(text, sizeof text, trPlural(Str::ToolbarCounts, {employees, clients}).c_str(),
                  employees, clients, releasedCount);
    parts.counts = text;
    const auto& entries = session.log().entries();
    auto newest = std::find_if(entries.rbegin(), entries.rend(), [](const LogEntry& entry) {
        return entry.level != LogLevel::Debug;
    });
    if (newest != entries.rend()) {
        parts.message = logMessageText(newest->message);
        parts.messageColour = newest->level == LogLevel::Error     ? kColourBad
                              : newest->level == LogLevel::Warning ? kColourWarning
                                                                   : kColourMuted;
    }
    return parts;
}

// Draws the parts on one line cut with "…", for a window too narrow for them side by side.
// A hover shows each part whole, wrapped to the window.
void drawCompactStatus(const StatusParts& parts) {
    std::string line = parts.workspace + " · " + parts.counts;
    if (!parts.message.empty()) line += " · " + parts.message;
    // A warning or an error colours the whole line, so that it is noticed even when cut.
    ImU32 colour =
        parts.message.empty() ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : parts.messageColour;
    textEllipsis(line.c_str(), {.colour = colour, .tooltip = false});
    recordWidget("status_message");
    if (!ImGui::IsItemHovered()) return;
    float width = ImGui::GetMainViewport()->WorkSize.x - 4.0f * ImGui::GetFontSize();
    ImGui::BeginTooltip();
    for (const std::string* part : {&parts.workspace, &parts.counts, &parts.message}) {
        if (!part->empty()) textWrappedMixed(part->c_str(), width);
    }
    ImGui::EndTooltip();
}

}  // namespace

void App::drawStatusLine(const Session& session) {
    SaveState state = session.saveState();
    ImGui::AlignTextToFramePadding();
    textColoured(saveStateColour(state), "●");
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextUnformatted(saveStateText(state));
    recordWidget("save_state");
    if (state == SaveState::Saving) {
        ImGui::SameLine(0.0f, 8.0f);
        inlineBusyBar(ImGui::GetFontSize() * 4.0f);
    }
    ImGui::SameLine(0.0f, 16.0f);
    StatusParts parts = statusParts(session, m_releasedCount);
    // The workspace and the counts are drawn whole when they leave at least 12 font sizes
    // for the message, else everything shares one cut line.
    float fixed = ImGui::CalcTextSize(parts.workspace.c_str()).x +
                  ImGui::CalcTextSize(parts.counts.c_str()).x + 32.0f;
    if (ImGui::GetContentRegionAvail().x < fixed + 12.0f * ImGui::GetFontSize()) {
        drawCompactStatus(parts);
        return;
    }
    ImGui::TextDisabled("%s", parts.workspace.c_str());
    ImGui::SameLine(0.0f, 16.0f);
    ImGui::TextDisabled("%s", parts.counts.c_str());
    if (parts.message.empty()) return;
    ImGui::SameLine(0.0f, 16.0f);
    // A message wider than the line is cut with "…" and shows whole in a tooltip; the Log
    // tab keeps it too.
    textEllipsis(parts.message.c_str(), {.colour = parts.messageColour});
    recordWidget("status_message");
}

}  // namespace baton::ui
