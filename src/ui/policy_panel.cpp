#include "ui/policy_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>
#include <utility>

#include "io/rules_doc.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// Rows of the preview tables for clients and for employees.
constexpr std::size_t kPreviewRows = 5;
// Score changes below this are rounding noise of the 4-decimal scores.
constexpr double kMinChange = 0.00005;

struct WeightField {
    const char* name;  // the weight's name in the policy file and the breakdown
    double* weight;
};

// Draws a 0-1 slider per weight, recorded as "policy.<block>.<name>". Returns true when
// one moved.
bool weightSliders(const char* block, std::initializer_list<WeightField> fields) {
    bool changed = false;
    for (const WeightField& field : fields) {
        std::string id = std::string(block) + "." + field.name;
        constexpr double kMin = 0.0;
        constexpr double kMax = 1.0;
        // NOTE: a weight above 1 from a policy file shows at the slider's end and keeps its
        // value until the slider is moved.
        changed |= ImGui::SliderScalar(labelWithId(componentText(field.name), id.c_str()).c_str(),
                                       ImGuiDataType_Double, field.weight, &kMin, &kMax, "%.3f",
                                       ImGuiSliderFlags_AlwaysClamp);
        recordWidget("policy." + id);
    }
    return changed;
}

template <typename Enum, std::size_t N>
bool enumCombo(const char* label, const char* id, Enum& value,
               const std::pair<Enum, Str> (&options)[N]) {
    const char* current = "";
    for (const auto& [option, text] : options) {
        if (option == value) current = tr(text);
    }
    bool changed = false;
    bool open = ImGui::BeginCombo(labelWithId(label, id).c_str(), current);
    recordWidget(std::string("policy.") + id);
    if (!open) return false;
    for (const auto& [option, text] : options) {
        if (ImGui::Selectable(tr(text), option == value) && option != value) {
            value = option;
            changed = true;
        }
    }
    ImGui::EndCombo();
    return changed;
}

constexpr std::pair<Normalisation, Str> kNormalisations[] = {
    {Normalisation::Percentile, Str::PolicyNormPercentile},
    {Normalisation::WinsorisedMinMax, Str::PolicyNormWinsorised}};
constexpr std::pair<PerformanceGroup, Str> kGroups[] = {
    {PerformanceGroup::Firm, Str::PolicyGroupFirm},
    {PerformanceGroup::Team, Str::PolicyGroupTeam},
    {PerformanceGroup::Role, Str::PolicyGroupRole}};
constexpr std::pair<EntitlementMode, Str> kModes[] = {
    {EntitlementMode::Equal, Str::PolicyEntitlementEqual},
    {EntitlementMode::Performance, Str::PolicyEntitlementPerformance},
    {EntitlementMode::Blend, Str::PolicyEntitlementBlend}};

// Draws an integer field clamped to [low, high]. Returns true when the value changed.
bool boundedInt(const char* label, const char* id, int& value, int low, int high) {
    int edited = value;
    ImGui::InputInt(labelWithId(label, id).c_str(), &edited);
    recordWidget(std::string("policy.") + id);
    edited = std::clamp(edited, low, high);
    if (edited == value) return false;
    value = edited;
    return true;
}

void heading(Str text) {
    ImGui::Spacing();
    textColoured(kColourAccent, tr(text));
}

// Keeps the `kPreviewRows` largest changes, largest first, ties in workspace order.
void keepLargest(std::vector<ScoreMover>& movers) {
    std::sort(movers.begin(), movers.end(), [](const ScoreMover& a, const ScoreMover& b) {
        if (a.change != b.change) return a.change > b.change;
        return a.index < b.index;
    });
    if (movers.size() > kPreviewRows) movers.resize(kPreviewRows);
}

void cellChange(double before, double after) {
    double delta = after - before;
    ImU32 colour = delta > 0.0 ? kColourGood : (delta < 0.0 ? kColourBad : kColourMuted);
    char text[48];
    std::snprintf(text, sizeof text, "%.2f → %.2f (%+.2f)", before, after, delta);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    textRight(text);
    ImGui::PopStyleColor();
}

}  // namespace

void PolicyPanel::draw(Session& session) {
    syncWithSession(session);
    if (m_previewDirty) updatePreview(session);
    ImGui::Text(tr(Str::PolicyHeading), session.workspace().policy.version);
    drawActions(session);
    // The preview stays above the editor, so that it is in view while a slider moves.
    drawPreview(session);
    ImGui::Separator();
    ImGui::BeginChild("policy_editor", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    bool changed = drawScoreWeights();
    changed |= drawFitAndSettings();
    ImGui::PopItemWidth();
    ImGui::EndChild();
    if (changed) {
        m_edited = true;
        m_previewDirty = true;
    }
}

// Loads the policy in force as the draft when another workspace opens or that policy
// changes. Any change of the data marks the preview stale.
void PolicyPanel::syncWithSession(Session& session) {
    const Workspace& workspace = session.workspace();
    bool otherWorkspace = session.workspaceId() != m_seenWorkspaceId;
    if (otherWorkspace || workspace.policy.version != m_seenVersion) {
        m_draft = workspace.policy;
        loadLimitFields();
        m_edited = false;
        m_seenVersion = workspace.policy.version;
        m_seenWorkspaceId = session.workspaceId();
        m_previewDirty = true;
    }
    if (session.revision() != m_seenRevision) {
        m_seenRevision = session.revision();
        m_previewDirty = true;
    }
}

bool PolicyPanel::drawScoreWeights() {
    bool changed = false;
    ValuePolicy& v = m_draft.value;
    heading(Str::PolicyValueWeights);
    changed |= weightSliders("value", {{"monetary", &v.monetary},
                                       {"frequency", &v.frequency},
                                       {"recency", &v.recency},
                                       {"potential", &v.potential},
                                       {"tier", &v.tier}});
    changed |= enumCombo(tr(Str::PolicyNormalisation), "value.normalisation", v.normalisation,
                         kNormalisations);
    changed |= boundedInt(tr(Str::PolicyWindowDays), "value.window_days", v.windowDays, 1, 36500);

    DifficultyPolicy& d = m_draft.difficulty;
    heading(Str::PolicyDifficultyWeights);
    changed |= weightSliders("difficulty", {{"given", &d.given},
                                            {"workload", &d.workload},
                                            {"satisfaction", &d.satisfaction},
                                            {"complaints", &d.complaints},
                                            {"late_payments", &d.latePayments}});
    changed |= enumCombo(tr(Str::PolicyNormalisation), "difficulty.normalisation", d.normalisation,
                         kNormalisations);

    PerformancePolicy& p = m_draft.performance;
    heading(Str::PolicyPerformanceWeights);
    changed |= weightSliders("performance", {{"sales_12m", &p.sales12m},
                                             {"quota_attainment", &p.quotaAttainment},
                                             {"csat", &p.csat},
                                             {"retention", &p.retention},
                                             {"review", &p.review},
                                             {"tenure", &p.tenure}});
    changed |= enumCombo(tr(Str::PolicyNormalisation), "performance.normalisation", p.normalisation,
                         kNormalisations);
    changed |= enumCombo(tr(Str::PolicyGroup), "performance.group", p.group, kGroups);
    changed |=
        boundedInt(tr(Str::PolicyRampMonths), "performance.ramp_months", p.rampMonths, 0, 1200);
    return changed;
}

bool PolicyPanel::drawFitAndSettings() {
    bool changed = false;
    FitPolicy& f = m_draft.fit;
    heading(Str::PolicyFitWeights);
    changed |= weightSliders("fit", {{"prefers", &f.prefers},
                                     {"industry", &f.industry},
                                     {"region", &f.region},
                                     {"language", &f.language},
                                     {"continuity", &f.continuity}});

    EntitlementPolicy& e = m_draft.entitlement;
    heading(Str::PolicyEntitlement);
    changed |= enumCombo(tr(Str::PolicyEntitlement), "entitlement.mode", e.mode, kModes);
    ImGui::BeginDisabled(e.mode != EntitlementMode::Blend);
    constexpr double kMin = 0.0;
    constexpr double kMax = 1.0;
    changed |= ImGui::SliderScalar(labelWithId(tr(Str::PolicyAlpha), "alpha").c_str(),
                                   ImGuiDataType_Double, &e.alpha, &kMin, &kMax, "%.2f",
                                   ImGuiSliderFlags_AlwaysClamp);
    recordWidget("policy.entitlement.alpha");
    ImGui::EndDisabled();

    changed |= drawLimits();
    return changed;
}

void PolicyPanel::loadLimitFields() {
    m_workloadField.load(m_draft.constraints.defaultMaxWorkload);
    m_shareField.load(m_draft.constraints.maxValueShare);
}

// The constraints block. An empty workload or value cap field is the format's null: no limit.
bool PolicyPanel::drawLimits() {
    bool changed = false;
    ConstraintPolicy& c = m_draft.constraints;
    heading(Str::PolicyLimits);
    changed |= boundedInt(tr(Str::PolicyMaxClients), "constraints.default_max_clients",
                          c.defaultMaxClients, 0, 1000000000);
    if (m_workloadField.draw(tr(Str::PolicyMaxWorkload), tr(Str::NoLimit),
                             "policy.constraints.default_max_workload")) {
        c.defaultMaxWorkload = m_workloadField.value();
        changed = true;
    }
    if (m_workloadField.invalid()) textWrappedColoured(kColourBad, tr(Str::PolicyWorkloadInvalid));
    if (m_shareField.draw(tr(Str::PolicyMaxValueShare), tr(Str::PolicyNoCap),
                          "policy.constraints.max_value_share")) {
        c.maxValueShare = m_shareField.value();
        changed = true;
    }
    if (m_shareField.invalid()) textWrappedColoured(kColourBad, tr(Str::PolicyShareInvalid));
    changed |= ImGui::Checkbox(labelWithId(tr(Str::PolicyTeamBoundary), "team_boundary").c_str(),
                               &c.teamBoundary);
    recordWidget("policy.constraints.team_boundary");
    return changed;
}

void PolicyPanel::drawActions(Session& session) {
    const Workspace& workspace = session.workspace();
    bool invalid = m_workloadField.invalid() || m_shareField.invalid();
    ImGui::BeginDisabled(!m_edited || invalid);
    if (primaryButton(labelWithId(tr(Str::PolicyApply), "policy_apply").c_str())) {
        Policy applied = m_draft;
        applied.version = workspace.policy.version + 1;
        session.setPolicy(applied);
    }
    ImGui::EndDisabled();
    recordWidget("policy.apply");
    if (invalid) tooltipForLastItem(tr(Str::PolicyApplyInvalid), true);

    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::PolicyReset), "policy_reset").c_str())) {
        Policy defaults;
        defaults.pins = m_draft.pins;
        defaults.forbids = m_draft.forbids;
        m_draft = std::move(defaults);
        loadLimitFields();
        m_edited = true;
        m_previewDirty = true;
    }
    tooltipForLastItem(tr(Str::PolicyResetHint));
    recordWidget("policy.reset");

    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(Str::PolicyExportRules), "policy_rules").c_str())) {
        exportRules(session);
    }
    recordWidget("policy.export_rules");
    if (!m_edited) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", tr(Str::PolicyUnchanged));
    }
    if (!m_rulesError.empty()) {
        char text[512];
        std::snprintf(text, sizeof text, tr(Str::PolicyRulesFailed), m_rulesError.c_str());
        textColoured(kColourBad, text);
    }
}

void PolicyPanel::exportRules(Session& session) {
    const Workspace& workspace = session.workspace();
    // The document describes the policy in force, not the draft, because it is the
    // published rulebook.
    try {
        std::string lang = canonicalRulesLanguage(session.locale()).value_or("en");
        std::string text = rulesDocument(workspace.policy, workspace, lang, "md");
        std::string name =
            "baton-rules-v" + std::to_string(workspace.policy.version) + "-" + lang + ".md";
        session.request(PlatformRequest{PlatformRequest::Kind::Download, name, std::move(text),
                                        "text/markdown"});
        m_rulesError.clear();
    } catch (const std::exception& error) {
        m_rulesError = error.what();
        session.log().error("Export rules failed: " + m_rulesError);
    }
}

void PolicyPanel::updatePreview(Session& session) {
    m_previewDirty = false;
    m_clientMovers.clear();
    m_employeeMovers.clear();
    const Workspace& workspace = session.workspace();
    const Evaluation& current = session.evaluation();
    Evaluation draft = evaluate(workspace, m_draft);
    if (current.clients.size() == draft.clients.size()) {
        for (std::size_t i = 0; i < draft.clients.size(); ++i) {
            ScoreMover mover{i,
                             {current.clients[i].value, current.clients[i].difficulty},
                             {draft.clients[i].value, draft.clients[i].difficulty}};
            mover.change = std::fabs(mover.after[0] - mover.before[0]) +
                           std::fabs(mover.after[1] - mover.before[1]);
            if (mover.change >= kMinChange) m_clientMovers.push_back(mover);
        }
    }
    if (current.employees.size() == draft.employees.size()) {
        for (std::size_t i = 0; i < draft.employees.size(); ++i) {
            ScoreMover mover{
                i, {current.employees[i].performance, 0.0}, {draft.employees[i].performance, 0.0}};
            mover.change = std::fabs(mover.after[0] - mover.before[0]);
            if (mover.change >= kMinChange) m_employeeMovers.push_back(mover);
        }
    }
    keepLargest(m_clientMovers);
    keepLargest(m_employeeMovers);
}

void PolicyPanel::drawPreview(const Session& session) {
    const Workspace& workspace = session.workspace();
    textColoured(kColourAccent, tr(Str::PolicyPreview));
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;

    ImGui::TextUnformatted(tr(Str::PolicyPreviewClients));
    if (m_clientMovers.empty()) {
        ImGui::TextDisabled("%s", tr(Str::PolicyPreviewNone));
    } else if (ImGui::BeginTable("preview_clients", 4, flags)) {
        ImGui::TableSetupColumn(tr(Str::ColumnId), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr(Str::ColumnValue), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr(Str::ColumnDifficulty), ImGuiTableColumnFlags_WidthStretch,
                                1.6f);
        ImGui::TableHeadersRow();
        for (const ScoreMover& mover : m_clientMovers) {
            if (mover.index >= workspace.clients.size()) continue;
            const Client& client = workspace.clients[mover.index];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(client.id.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(client.name.c_str());
            ImGui::TableSetColumnIndex(2);
            cellChange(mover.before[0], mover.after[0]);
            ImGui::TableSetColumnIndex(3);
            cellChange(mover.before[1], mover.after[1]);
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::PolicyPreviewEmployees));
    if (m_employeeMovers.empty()) {
        ImGui::TextDisabled("%s", tr(Str::PolicyPreviewNone));
    } else if (ImGui::BeginTable("preview_employees", 3, flags)) {
        ImGui::TableSetupColumn(tr(Str::ColumnId), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr(Str::ColumnPerformance), ImGuiTableColumnFlags_WidthStretch,
                                1.6f);
        ImGui::TableHeadersRow();
        for (const ScoreMover& mover : m_employeeMovers) {
            if (mover.index >= workspace.employees.size()) continue;
            const Employee& employee = workspace.employees[mover.index];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(employee.id.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(employee.name.c_str());
            ImGui::TableSetColumnIndex(2);
            cellChange(mover.before[0], mover.after[0]);
        }
        ImGui::EndTable();
    }
}

}  // namespace baton::ui
