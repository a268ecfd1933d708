#include "ui/help_panel.h"

#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

std::string readGuide(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + " is missing";
        return "";
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::string HelpPanel::load(const std::string& folder) {
    std::string english = readGuide(guidePath(folder, "en"), m_english.error);
    std::string chinese = readGuide(guidePath(folder, "zh-CN"), m_chinese.error);
    m_english.blocks = parseGuide(english);
    m_chinese.blocks = parseGuide(chinese);
    return english + chinese;
}

void HelpPanel::drawButton() {
    if (ImGui::Button(labelWithId(tr(Str::HelpButton), "help").c_str())) toggle();
    recordWidget("help");
}

bool HelpPanel::draw(const char* locale) {
    if (!m_open) return false;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float em = ImGui::GetFontSize();
    ImVec2 size(std::min(viewport->WorkSize.x * 0.9f, em * 44.0f), viewport->WorkSize.y * 0.8f);
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::string title = labelWithId(tr(Str::HelpTitle), "help_window");
    bool tourRequested = false;
    if (ImGui::Begin(title.c_str(), &m_open, ImGuiWindowFlags_NoSavedSettings)) {
        recordWindow("help.window");
        if (primaryButton(labelWithId(tr(Str::HelpStartTour), "start_tour").c_str())) {
            tourRequested = true;
        }
        recordWidget("help.start_tour");
        ImGui::SameLine();
        if (ImGui::Button(labelWithId(tr(Str::CloseWindow), "help_close").c_str())) {
            m_open = false;
        }
        recordWidget("help.close");
        ImGui::Separator();
        ImGui::BeginChild("guide", ImVec2(0.0f, 0.0f), false);
        drawGuide(std::string_view(locale) == "zh-CN" ? m_chinese : m_english);
        ImGui::EndChild();
    }
    ImGui::End();
    return tourRequested;
}

void HelpPanel::drawGuide(const Guide& guide) {
    if (!guide.error.empty()) {
        ImGui::TextWrapped(tr(Str::HelpUnavailable), guide.error.c_str());
        return;
    }
    float bulletIndent = ImGui::GetFontSize() * 1.2f;
    for (std::size_t i = 0; i < guide.blocks.size(); ++i) {
        const GuideBlock& block = guide.blocks[i];
        switch (block.kind) {
            case GuideBlock::Kind::Title:
            case GuideBlock::Kind::Heading:
                if (i > 0) ImGui::Spacing();
                textColoured(kColourAccent, block.text.c_str());
                break;
            case GuideBlock::Kind::Paragraph:
                textWrappedMixed(block.text.c_str());
                break;
            case GuideBlock::Kind::Bullet: {
                ImVec2 at = ImGui::GetCursorScreenPos();
                ImVec2 centre(at.x + bulletIndent * 0.4f, at.y + ImGui::GetTextLineHeight() * 0.5f);
                ImGui::GetWindowDrawList()->AddCircleFilled(centre, ImGui::GetFontSize() * 0.15f,
                                                            ImGui::GetColorU32(ImGuiCol_Text));
                ImGui::Indent(bulletIndent);
                textWrappedMixed(block.text.c_str());
                ImGui::Unindent(bulletIndent);
                break;
            }
            case GuideBlock::Kind::TableRow:
                drawTable(guide.blocks, i);
                break;
        }
    }
}

// Draws the run of table rows that starts at `index` and leaves `index` on its last row.
void HelpPanel::drawTable(const std::vector<GuideBlock>& blocks, std::size_t& index) {
    int columns = static_cast<int>(blocks[index].cells.size());
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
    std::string id = "guide_table_" + std::to_string(index);
    bool open = columns > 0 && ImGui::BeginTable(id.c_str(), columns, flags);
    bool header = true;
    for (; index < blocks.size() && blocks[index].kind == GuideBlock::Kind::TableRow; ++index) {
        if (!open) continue;
        ImGui::TableNextRow(header ? ImGuiTableRowFlags_Headers : 0);
        for (int c = 0; c < columns && c < static_cast<int>(blocks[index].cells.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TextUnformatted(blocks[index].cells[c].c_str());
        }
        header = false;
    }
    if (open) ImGui::EndTable();
    --index;
}

}  // namespace baton::ui
