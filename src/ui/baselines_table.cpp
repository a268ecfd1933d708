#include "ui/baselines_table.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// One method's column: the figures and certificates it was scored with.
struct MethodColumn {
    std::string title;
    const Figures* figures = nullptr;
    const Certificates* certificates = nullptr;
    const std::vector<std::string>* breaches = nullptr;  // set for the proposal only
    int placed = 0;
};

// The certificates in the order of the badges, by their result-format codes.
struct CertificateRow {
    Str label;
    const char* code;
    bool Certificates::*passed;
};
constexpr CertificateRow kCertificateRows[] = {
    {Str::CertificateWprop1Value, "wprop1_value", &Certificates::wprop1Value},
    {Str::CertificateWprop1Difficulty, "wprop1_difficulty", &Certificates::wprop1Difficulty},
    {Str::CertificateWef1Value, "wef1_value", &Certificates::wef1Value},
    {Str::CertificateWef1Difficulty, "wef1_difficulty", &Certificates::wef1Difficulty},
};

// The baselines in the order the result format lists them, then any other name.
constexpr const char* kBaselineOrder[] = {"round_robin", "greedy_fit", "weighted_picking",
                                          "proposal"};

std::vector<MethodColumn> methodColumns(const AllocationResult& result) {
    int released = static_cast<int>(result.assignments.size() + result.unassigned.size());
    std::vector<MethodColumn> columns;
    char title[160];
    std::snprintf(title, sizeof title, tr(Str::BaselineThisResult), methodName(result.method));
    columns.push_back(MethodColumn{title, &result.figures, &result.certificates, nullptr,
                                   static_cast<int>(result.assignments.size())});
    auto add = [&](const std::string& name, const BaselineSummary& summary) {
        columns.push_back(MethodColumn{methodName(name), &summary.figures, &summary.certificates,
                                       name == "proposal" ? &summary.breaches : nullptr,
                                       released - summary.figures.unassigned});
    };
    for (const char* name : kBaselineOrder) {
        auto found = result.baselines.find(name);
        if (found != result.baselines.end()) add(found->first, found->second);
    }
    for (const auto& [name, summary] : result.baselines) {
        if (std::find(std::begin(kBaselineOrder), std::end(kBaselineOrder), name) ==
            std::end(kBaselineOrder)) {
            add(name, summary);
        }
    }
    return columns;
}

void labelCell(Str label) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    textEllipsis(tr(label));
}

// Draws a row's label cell whose label and "(?)" mark show `help` on hover. The label is
// cut before the mark when the column is narrow.
void labelCellWithHelp(Str label, const char* help) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const char* mark = "(?)";
    float markWidth = ImGui::CalcTextSize(mark).x + ImGui::GetStyle().ItemSpacing.x;
    textEllipsis(tr(label), {.reserveRight = markWidth, .tooltip = false});
    tooltipForLastItem(help);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", mark);
    tooltipForLastItem(help);
}

// Draws a row of one figure per method. A `help` text, when given, is the tooltip of the
// label and of every value.
void figureRow(Str label, const std::vector<MethodColumn>& columns, const char* format,
               double (*read)(const Figures&), const char* help = nullptr) {
    if (help == nullptr) {
        labelCell(label);
    } else {
        labelCellWithHelp(label, help);
    }
    for (const MethodColumn& column : columns) {
        ImGui::TableNextColumn();
        textRightFormat(format, read(*column.figures));
        if (help != nullptr) tooltipForLastItem(help);
    }
}

void certificateRow(const CertificateRow& row, const std::vector<MethodColumn>& columns,
                    const NameLookup& names) {
    labelCell(row.label);
    for (const MethodColumn& column : columns) {
        ImGui::TableNextColumn();
        bool passed = column.certificates->*row.passed;
        textRight(passed ? "✓" : "✗");
        if (passed || !ImGui::IsItemHovered()) continue;
        std::vector<Witness> witnesses;
        for (const Witness& w : column.certificates->witnesses) {
            if (w.certificate == row.code) witnesses.push_back(w);
        }
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        drawWitnessLines(witnesses, names);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void drawRows(const std::vector<MethodColumn>& columns, int released, const NameLookup& names) {
    labelCell(Str::FigurePlaced);
    for (const MethodColumn& column : columns) {
        ImGui::TableNextColumn();
        textRightFormat("%d / %d", column.placed, released);
    }

    figureRow(Str::FigureTotalFit, columns, "%.3f", [](const Figures& f) { return f.totalFit; });
    figureRow(Str::FigurePriceOfFairness, columns, "%.1f%%",
              [](const Figures& f) { return f.priceOfFairness * 100.0; });
    std::string deviationHelp = evennessHelp(Str::FigureMaxDeviationHelp);
    figureRow(
        Str::FigureMaxDeviation, columns, "%.1f%%",
        [](const Figures& f) { return f.maxRelativeDeviation * 100.0; }, deviationHelp.c_str());
    std::string giniHelp = evennessHelp(Str::FigureGiniHelp);
    figureRow(
        Str::FigureGini, columns, "%.3f", [](const Figures& f) { return f.gini; },
        giniHelp.c_str());
    figureRow(Str::FigureDifficultySpread, columns, "%.1f%%",
              [](const Figures& f) { return f.difficultySpread * 100.0; });
    figureRow(Str::FigureContinuity, columns, "%.0f%%",
              [](const Figures& f) { return f.continuityRate * 100.0; });

    for (const CertificateRow& row : kCertificateRows) certificateRow(row, columns, names);
    labelCell(Str::BaselineEfBoth);
    for (const MethodColumn& column : columns) {
        ImGui::TableNextColumn();
        textRightFormat("%d", column.certificates->efCBoth);
    }

    labelCell(Str::BaselineBreaches);
    for (const MethodColumn& column : columns) {
        ImGui::TableNextColumn();
        if (column.breaches == nullptr) {
            textRight("–");
        } else {
            textRightFormat("%zu", column.breaches->size());
        }
    }
}

void drawProposalBreaches(const AllocationResult& result) {
    auto proposal = result.baselines.find("proposal");
    if (proposal == result.baselines.end()) {
        ImGui::TextDisabled("%s", tr(Str::BaselineNoProposal));
        return;
    }
    const std::vector<std::string>& breaches = proposal->second.breaches;
    if (breaches.empty()) return;
    char heading[160];
    int count = static_cast<int>(breaches.size());
    std::snprintf(heading, sizeof heading, trPlural(Str::BaselineProposalBreaches, {count}).c_str(),
                  count);
    textColoured(kColourBad, heading);
    for (const std::string& breach : breaches) {
        ImGui::Bullet();
        textWrappedMixed(breach.c_str());
    }
}

}  // namespace

std::string evennessHelp(Str definition) {
    return std::string(tr(definition)) + "\n\n" + tr(Str::FigureEvennessNote);
}

namespace {

std::string formatted(const char* pattern, const std::string& a, const std::string& b,
                      const std::string& c = {}) {
    char text[512];
    std::snprintf(text, sizeof text, pattern, a.c_str(), b.c_str(), c.c_str());
    return text;
}

// The failure in one sentence: who fails the test, against whom, and which client the
// test leaves out or adds.
std::string witnessSentence(const Witness& w, const NameLookup& names) {
    std::string first = w.employees.empty() ? std::string("?") : names.employee(w.employees[0]);
    std::string second = w.employees.size() > 1 ? names.employee(w.employees[1]) : std::string();
    std::string client =
        w.client.empty() ? std::string("-") : w.client + " " + names.client(w.client);
    if (w.certificate == "wprop1_value") {
        return formatted(tr(Str::WitnessWprop1Value), first, client);
    }
    if (w.certificate == "wprop1_difficulty") {
        return formatted(tr(Str::WitnessWprop1Difficulty), first, client);
    }
    if (w.certificate == "wef1_value") {
        return formatted(tr(Str::WitnessWef1Value), first, second, client);
    }
    if (w.certificate == "wef1_difficulty") {
        return formatted(tr(Str::WitnessWef1Difficulty), first, second, client);
    }
    return first + " · " + client;
}

}  // namespace

std::string witnessText(const Witness& witness, const NameLookup& names) {
    std::string label = witness.certificate;
    for (const CertificateRow& row : kCertificateRows) {
        if (witness.certificate == row.code) label = tr(row.label);
    }
    std::string sentence = witnessSentence(witness, names);
    // A client name such as "Summit Co." already ends the sentence.
    if (sentence.size() >= 2 && sentence.compare(sentence.size() - 2, 2, "..") == 0) {
        sentence.pop_back();
    }
    bool envy = witness.certificate.rfind("wef1_", 0) == 0;
    std::string cause = tr(envy ? Str::WitnessEnvyMeasured : Str::WitnessNoConstraint);
    if (witness.constraint) cause = formatted(tr(Str::WitnessForcedBy), *witness.constraint, "");
    char text[1024];
    std::snprintf(text, sizeof text, tr(Str::WitnessLine), label.c_str(), sentence.c_str(),
                  cause.c_str());
    return text;
}

void drawWitnessLines(const std::vector<Witness>& witnesses, const NameLookup& names) {
    for (const Witness& w : witnesses) {
        ImGui::Bullet();
        textWrappedMixed(witnessText(w, names).c_str());
    }
}

void drawBaselineTable(const AllocationResult& result, const NameLookup& names) {
    std::vector<MethodColumn> columns = methodColumns(result);
    int released = static_cast<int>(result.assignments.size() + result.unassigned.size());
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    int count = static_cast<int>(columns.size()) + 1;
    if (ImGui::BeginTable("baselines", count, flags)) {
        ImGui::TableSetupColumn(tr(Str::BaselineFigure), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        for (const MethodColumn& column : columns) {
            ImGui::TableSetupColumn(column.title.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        ImGui::TableHeadersRow();
        drawRows(columns, released, names);
        ImGui::EndTable();
    }
    recordWidget("baselines.table");
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    textWrappedColoured(ImGui::GetColorU32(ImGuiCol_TextDisabled),
                        tr(Str::PriceOfFairnessDefinition));
    drawProposalBreaches(result);
    ImGui::PopTextWrapPos();
}

}  // namespace baton::ui
