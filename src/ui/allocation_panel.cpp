#include "ui/allocation_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>

#include "core/workspace_warnings.h"
#include "ui/baselines_table.h"
#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

// Writes "label (count)" for a tab whose id stays the same in every language.
std::string counted(const char* text, std::size_t count) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%s (%zu)", text, count);
    return buffer;
}

// Returns the name of a certificate as its badge shows it.
const char* certificateName(const std::string& code) {
    if (code == "wprop1_value") return tr(Str::CertificateWprop1Value);
    if (code == "wprop1_difficulty") return tr(Str::CertificateWprop1Difficulty);
    if (code == "wef1_value") return tr(Str::CertificateWef1Value);
    if (code == "wef1_difficulty") return tr(Str::CertificateWef1Difficulty);
    return code.c_str();
}

// Draws a figure's label and value. A `help` text, when given, is the tooltip of both.
void figureCell(const char* label, const char* value, const char* help = nullptr) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    tooltipForLastItem(help);
    ImGui::TableNextColumn();
    textRight(value);
    tooltipForLastItem(help);
}

// Returns the tooltip of a disabled Apply button.
Str applyOffText(NoOwnerChange reason) {
    switch (reason) {
        case NoOwnerChange::NoReceivers: return Str::ApplyOffNoReceivers;
        case NoOwnerChange::NothingPlaced: return Str::ApplyOffNothingPlaced;
        case NoOwnerChange::NothingReleased: return Str::ApplyOffNothingReleased;
        default: return Str::ApplyOffSameOwners;
    }
}

}  // namespace

void AllocationPanel::draw(Session& session) {
    runPendingAllocation(session);
    refresh(session);
    takeProposalReply(session);
    drawActions(session);
    drawVerifyOutcome(session);

    NameLookup names = nameLookup(session);
    const AllocationResult* result = session.lastResult();
    if (result != nullptr) {
        ImGui::Separator();
        drawSummary(*result);
        // Nothing placed: the badges would claim success for an empty allocation, so a
        // banner gives the reason instead.
        if (result->assignments.empty()) {
            drawNothingPlaced(*result);
            drawCertificatesNotApplicable();
        } else {
            drawCertificates(*result, names);
        }
        drawShareNotes(session);
        ImGui::Spacing();
        drawTabs(session, *result, names);
    }
    // A new override changes the policy, so the allocation runs again at once.
    if (m_overrides.draw(session, names)) m_run = RunState::Requested;
}

void AllocationPanel::drawTabs(Session& session, const AllocationResult& result,
                               const NameLookup& names) {
    if (!beginTabRow("result_tabs")) return;
    if (beginRecordedTab(counted(tr(Str::SectionProposed), result.assignments.size()).c_str(),
                         "proposed")) {
        drawAssignments(session, result);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::SectionPerEmployee), "per_employee")) {
        drawEmployees(session, result);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(counted(tr(Str::SectionUnassigned), result.unassigned.size()).c_str(),
                         "unassigned")) {
        drawUnassigned(session, result);
        ImGui::EndTabItem();
    }
    if (beginRecordedTab(tr(Str::SectionBaselines), "baselines")) {
        drawBaselineTable(result, names);
        ImGui::EndTabItem();
    }
    const Policy& policy = session.workspace().policy;
    std::size_t overrides = policy.pins.size() + policy.forbids.size();
    if (beginRecordedTab(counted(tr(Str::SectionOverrides), overrides).c_str(), "overrides")) {
        if (m_overrides.drawList(session, names)) m_run = RunState::Requested;
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void AllocationPanel::refresh(const Session& session) {
    const Workspace& workspace = session.workspace();
    const AllocationResult* result = session.lastResult();
    bool newResult = result != m_seenResult || session.lastResultText().size() != m_seenResultSize;
    if (session.workspaceId() != m_seenWorkspaceId || session.revision() != m_seenRevision) {
        m_noOwnerChange = session.noOwnerChange();
        m_verified = false;
        m_seenWorkspaceId = session.workspaceId();
        m_seenRevision = session.revision();
        m_releasedCount = session.releasedCount();
        m_employeeIndex.clear();
        m_clientIndex.clear();
        for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
            m_employeeIndex.emplace(workspace.employees[i].id, static_cast<int>(i));
        }
        for (std::size_t i = 0; i < workspace.clients.size(); ++i) {
            m_clientIndex.emplace(workspace.clients[i].id, static_cast<int>(i));
        }
    }

    if (!newResult) return;
    m_noOwnerChange = session.noOwnerChange();
    m_seenResult = result;
    m_seenResultSize = session.lastResultText().size();
    m_verified = false;
    m_fromOwners.clear();
    m_witnessNotes.clear();
    m_shareNotes = {};
    m_fitChoseNobody = false;
    if (result == nullptr) return;
    m_fitChoseNobody = fitWeightsAllZero(result->policy.fit);
    if (!result->assignments.empty()) m_shareNotes = shareNotes(*result);
    // "From" of an applied result is read from the workspace before Apply, which the
    // session keeps (also after a reload), because the open workspace has the new owners.
    const Workspace* before =
        session.lastResultApplied() ? session.workspaceBeforeApply() : nullptr;
    const Workspace& owners =
        before && before->clients.size() == workspace.clients.size() ? *before : workspace;
    for (const Assignment& assignment : result->assignments) {
        auto found = m_clientIndex.find(assignment.client);
        const Client* client = found == m_clientIndex.end()
                                   ? nullptr
                                   : &owners.clients[static_cast<std::size_t>(found->second)];
        m_fromOwners.push_back(client && client->owner ? *client->owner : std::string());
    }
    measureResult(session, *result);
    for (const Witness& witness : result->certificates.witnesses) {
        std::string note =
            std::string(certificateName(witness.certificate)) + ": " + witness.client + ", " +
            (witness.constraint ? *witness.constraint : std::string(tr(Str::WitnessNoConstraint)));
        for (const std::string& employee : witness.employees) {
            std::string& notes = m_witnessNotes[employee];
            if (!notes.empty()) notes += "\n";
            notes += note;
        }
    }
}

void AllocationPanel::runPendingAllocation(Session& session) {
    if (m_run == RunState::Running) {
        // The page loads the result into the session and logs a failure or a cancel
        // itself, so the reply only ends the wait.
        if (m_allocation.poll(session)) m_run = RunState::Idle;
        return;
    }
    if (m_run != RunState::Requested) return;
    // allocateAsync runs a large book in the page's Web Worker and a small one in the
    // page, each behind the progress overlay.
    m_hasApplyMessage = false;
    nlohmann::json options = {{"text", false}};
    m_allocation.start(session, "allocateAsync", nlohmann::json::array({options}));
    m_run = RunState::Running;
}

void AllocationPanel::drawActions(Session& session) {
    bool busy = m_run != RunState::Idle;

    ImGui::BeginDisabled(busy);
    if (primaryButton(labelWithId(tr(Str::Allocate), "allocate").c_str())) {
        m_run = RunState::Requested;
    }
    recordWidget("allocate");
    ImGui::EndDisabled();

    ImGui::SameLine();
    bool changesNothing = m_noOwnerChange != NoOwnerChange::None;
    ImGui::BeginDisabled(busy || session.lastResult() == nullptr || changesNothing);
    if (ImGui::Button(labelWithId(tr(Str::Apply), "apply").c_str())) {
        ApplyOutcome outcome = session.applyProposal();
        m_pressedButton = "apply";
        m_hasApplyMessage = true;
        m_applyOk = outcome.ok;
        m_applyMessage = outcome.message;
    }
    recordWidget("apply");
    ImGui::EndDisabled();
    if (changesNothing) {
        recordWidget("apply.off");
        actionTooltip("apply", tr(applyOffText(m_noOwnerChange)), true);
    } else {
        actionTooltip("apply", tr(Str::ApplyHint));
    }
    ImGui::SameLine();
    drawVerifyButton(session);
    ImGui::SameLine();
    drawImportProposalButton(session);
    drawActionStatus(session, busy);
}

void AllocationPanel::drawActionStatus(Session& session, bool busy) {
    int released = m_releasedCount;
    bool applied = session.lastResultApplied();
    bool hasText = busy || m_hasApplyMessage || applied || session.lastResult() == nullptr;
    if (!hasText) return;
    // The text follows the buttons while at least 12 em are left for it, else it starts a
    // line of its own, so that a large font never wraps it a word per line.
    float end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    float left = ImGui::GetWindowContentRegionMax().x - end - ImGui::GetStyle().ItemSpacing.x;
    if (left >= ImGui::GetFontSize() * 12.0f) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (busy) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColourAccent);
        ImGui::Text(trPlural(Str::Allocating, {released}).c_str(), released);
        ImGui::PopStyleColor();
    } else if (m_hasApplyMessage) {
        // Wrapped, because a long message or a narrow panel would cut it at the panel's edge.
        std::string message = logMessageText(m_applyMessage);
        textWrappedColoured(m_applyOk ? kColourGood : kColourBad, message.c_str());
        recordWidget("apply_message");
        recordWindow("allocation_actions");
    } else if (applied) {
        // A result restored after a reload has no Apply message, so this line marks it as
        // the applied one.
        textWrappedColoured(kColourGood, tr(Str::ResultApplied));
        recordWidget("result_applied");
    } else if (session.lastResult() == nullptr) {
        // Wrapped by textWrappedMixed, which keeps "52" with "个" and never starts a line
        // with "，", where ImGui's own wrapping breaks Chinese text only where it overflows.
        ImU32 hint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        if (released == 0) {
            textWrappedColoured(hint, tr(Str::NothingReleased));
        } else {
            char text[320];
            std::snprintf(text, sizeof text,
                          trPlural(Str::AllocateHint, {released, released}).c_str(), released);
            textWrappedColoured(hint, text);
        }
        recordWidget("allocate_hint");
    }
}

void AllocationPanel::drawSummary(const AllocationResult& result) {
    ImGui::PushFont(m_fonts.heading());
    ImGui::Text(tr(Str::ResultHeadline), static_cast<int>(result.assignments.size()),
                static_cast<int>(result.unassigned.size()));
    ImGui::PopFont();
    recordWidget("result_headline");

    char optimality[96];
    if (result.assignments.empty()) {
        std::snprintf(optimality, sizeof optimality, "%s", tr(Str::ResultNothingPlaced));
    } else if (result.optimality.status == "optimal") {
        std::snprintf(optimality, sizeof optimality, "%s", tr(Str::ResultOptimal));
    } else {
        std::snprintf(optimality, sizeof optimality, tr(Str::ResultBound),
                      result.optimality.gap * 100.0);
    }
    ImGui::TextDisabled(tr(Str::ResultMethod), methodName(result.method),
                        static_cast<unsigned long long>(result.seed), optimality);

    const Figures& f = result.figures;
    if (!ImGui::BeginTable("figures", 4, ImGuiTableFlags_SizingStretchProp)) return;
    float valueWidth = ImGui::GetFontSize() * 4.0f;
    ImGui::TableSetupColumn("##label1", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("##value1", ImGuiTableColumnFlags_WidthFixed, valueWidth);
    ImGui::TableSetupColumn("##label2", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("##value2", ImGuiTableColumnFlags_WidthFixed, valueWidth);
    char value[48];
    std::snprintf(value, sizeof value, "%.3f", f.totalFit);
    figureCell(tr(Str::FigureTotalFit), value);
    std::snprintf(value, sizeof value, "%.1f%%", f.priceOfFairness * 100.0);
    figureCell(tr(Str::FigurePriceOfFairness), value);
    std::snprintf(value, sizeof value, "%.1f%%", f.maxRelativeDeviation * 100.0);
    figureCell(tr(Str::FigureMaxDeviation), value,
               evennessHelp(Str::FigureMaxDeviationHelp).c_str());
    std::snprintf(value, sizeof value, "%.3f", f.gini);
    figureCell(tr(Str::FigureGini), value, evennessHelp(Str::FigureGiniHelp).c_str());
    std::snprintf(value, sizeof value, "%.1f%%", f.difficultySpread * 100.0);
    figureCell(tr(Str::FigureDifficultySpread), value);
    std::snprintf(value, sizeof value, "%.0f%%", f.continuityRate * 100.0);
    figureCell(tr(Str::FigureContinuity), value);
    ImGui::EndTable();
    if (zeroPriceWithGap(result)) {
        char sentence[512];
        std::snprintf(sentence, sizeof sentence, tr(Str::ResultZeroPriceWithGap),
                      result.optimality.gap * 100.0);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrappedMixed(sentence);
        ImGui::PopStyleColor();
        recordWidget("zero_price_with_gap");
    }
}

// Draws why a result places no client, and what to do about it.
void AllocationPanel::drawNothingPlaced(const AllocationResult& result) {
    int unassigned = static_cast<int>(result.unassigned.size());
    std::string text;
    switch (emptyResultReason(result)) {
        case NoOwnerChange::NoReceivers:
            text = trPlural(Str::NothingPlacedNoReceivers, {unassigned});
            break;
        case NoOwnerChange::NothingPlaced:
            text = trPlural(Str::NothingPlacedUnassigned, {unassigned});
            break;
        default: text = tr(Str::NothingReleased); break;
    }
    char sentence[640];
    std::snprintf(sentence, sizeof sentence, text.c_str(), unassigned);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kColourWarning));
    textWrappedMixed(sentence);
    ImGui::PopStyleColor();
    recordWidget("allocation.nothing_placed");
}

// Draws the certificate badges grey and without a mark: with no client placed, every test
// passes trivially, which is no success to show.
void AllocationPanel::drawCertificatesNotApplicable() {
    const Str labels[] = {Str::CertificateWprop1Value, Str::CertificateWprop1Difficulty,
                          Str::CertificateWef1Value, Str::CertificateWef1Difficulty};
    const char* codes[] = {"wprop1_value", "wprop1_difficulty", "wef1_value", "wef1_difficulty"};
    char text[160];
    for (std::size_t i = 0; i < std::size(labels); ++i) {
        std::snprintf(text, sizeof text, tr(Str::CertificateNotApplicable), tr(labels[i]));
        neutralBadge(codes[i], text, tr(Str::CertificateNotApplicableHelp));
        recordWidget(std::string("certificate.") + codes[i]);
        ImGui::SameLine();
    }
    std::snprintf(text, sizeof text, tr(Str::CertificateNotApplicable),
                  tr(Str::CertificateEfBothName));
    neutralBadge("ef_c_both", text, tr(Str::CertificateNotApplicableHelp));
    recordWidget("certificate.ef_c_both");
    recordWidget("certificates.not_applicable");
}

// Draws the certificate badges; a failed one lists its witnesses in its tooltip.
void AllocationPanel::drawCertificates(const AllocationResult& result, const NameLookup& names) {
    const Certificates& c = result.certificates;
    struct Badge {
        Str label;
        Str help;
        const char* code;
        bool passed;
        bool guaranteed;  // WPROP1 is a guarantee; the envy tests are measured
    };
    const Badge badges[] = {
        {Str::CertificateWprop1Value, Str::CertificateWprop1ValueHelp, "wprop1_value",
         c.wprop1Value, true},
        {Str::CertificateWprop1Difficulty, Str::CertificateWprop1DifficultyHelp,
         "wprop1_difficulty", c.wprop1Difficulty, true},
        {Str::CertificateWef1Value, Str::CertificateWef1ValueHelp, "wef1_value", c.wef1Value,
         false},
        {Str::CertificateWef1Difficulty, Str::CertificateWef1DifficultyHelp, "wef1_difficulty",
         c.wef1Difficulty, false},
    };
    for (const Badge& b : badges) {
        std::string help = tr(b.help);
        if (!b.guaranteed) help += std::string("\n") + tr(Str::CertificateMeasuredHelp);
        for (const Witness& w : c.witnesses) {
            if (w.certificate == b.code) help += "\n\n" + witnessText(w, names);
        }
        badge(tr(b.label), b.passed, help.c_str(), b.guaranteed);
        recordWidget(std::string("certificate.") + b.code);
        ImGui::SameLine();
    }
    char label[64];
    std::snprintf(label, sizeof label, tr(Str::CertificateEfBoth), c.efCBoth);
    std::string efHelp =
        std::string(tr(Str::CertificateEfBothHelp)) + "\n" + tr(Str::CertificateMeasuredHelp);
    badge(label, c.efCBoth <= 1, efHelp.c_str(), false);
    recordWidget("certificate.ef_c_both");

    if (c.witnesses.empty()) return;
    // The lines start folded, so that the result tables below get the panel's height. Each
    // failed badge's tooltip lists its witnesses too.
    std::string heading =
        labelWithId(counted(tr(Str::SectionWitnesses), c.witnesses.size()).c_str(), "witnesses");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    bool open = ImGui::TreeNodeEx(heading.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
    ImGui::PopStyleColor();
    recordWidget("witnesses");
    if (!open) return;
    drawWitnessLines(c.witnesses, names);
    ImGui::TreePop();
}

// Draws the sentences that explain receivers without a client and a max deviation above
// 100% beside passing WPROP1 badges, each only when it applies (core/share_notes.h).
void AllocationPanel::drawShareNotes(const Session& session) {
    if (!m_shareNotes.noClient && !m_shareNotes.overTarget) return;
    char sentence[1024];
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (const std::optional<NoClientNote>& note = m_shareNotes.noClient) {
        if (note->fewerClientsThanReceivers() && note->withoutClientByChoice() > 0) {
            int others = note->placed - note->byContinuity - note->byBestFit;
            std::snprintf(
                sentence, sizeof sentence,
                trPlural(Str::ShareNoteConcentrated, {note->placed, note->withClient()}).c_str(),
                note->withoutClient, note->receivers, note->placed, note->receivers,
                note->withoutClientByCount(), note->withoutClientByChoice(), note->withClient(),
                note->byContinuity, note->byBestFit, others);
        } else if (note->fewerClientsThanReceivers()) {
            std::snprintf(sentence, sizeof sentence,
                          trPlural(Str::ShareNoteFewClients, {note->placed}).c_str(),
                          note->withoutClient, note->receivers, note->placed, note->receivers);
        } else {
            std::snprintf(sentence, sizeof sentence, tr(Str::ShareNoteLargeClient),
                          note->withoutClient, note->receivers, note->largestValue,
                          note->largestTarget);
        }
        textWrappedMixed(sentence);
    }
    if (const std::optional<OverTargetNote>& note = m_shareNotes.overTarget) {
        std::snprintf(sentence, sizeof sentence,
                      trPlural(Str::ShareNoteOverTarget, {note->clients}).c_str(),
                      note->deviation * 100.0, employeeName(session, note->employee), note->clients,
                      note->received, note->target);
        textWrappedMixed(sentence);
    }
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    recordWidget("share_notes");
}

// Asks the platform for a proposal file; the reply is read by takeProposalReply().
void AllocationPanel::drawImportProposalButton(Session& session) {
    ImGui::BeginDisabled(m_run != RunState::Idle || m_proposalPick.busy());
    if (ImGui::Button(labelWithId(tr(Str::ImportProposal), "import_proposal").c_str())) {
        m_proposalErrors.clear();
        m_proposalPick.pickText(session);
    }
    recordWidget("import_proposal");
    ImGui::EndDisabled();
    tooltipForLastItem(tr(Str::ImportProposalHint));
}

void AllocationPanel::takeProposalReply(Session& session) {
    std::optional<PlatformReply> reply = m_proposalPick.poll(session);
    if (!reply || !reply->ok) return;
    nlohmann::json file = nlohmann::json::parse(reply->value, nullptr, false);
    if (!file.is_object()) return;
    std::string name = file.value("name", std::string());
    ImportOutcome outcome = session.importProposalText(file.value("text", std::string()));
    m_proposalErrors.clear();
    for (const JsonError& error : outcome.errors) {
        m_proposalErrors.push_back(name + " " + error.path + ": " + error.message);
    }
    // Warnings (a client listed twice) leave the proposal imported, but the manager should
    // see which entry counts.
    for (const JsonError& warning : outcome.warnings) {
        m_proposalErrors.push_back(name + " " + warning.path + ": " + warning.message);
    }
    // The proposal is scored by the next run, so it shows in the baseline table at once.
    if (outcome.ok) m_run = RunState::Requested;
}

NameLookup AllocationPanel::nameLookup(const Session& session) const {
    return NameLookup{[this, &session](const std::string& id) { return employeeName(session, id); },
                      [this, &session](const std::string& id) { return clientName(session, id); }};
}

const char* AllocationPanel::employeeName(const Session& session, const std::string& id) const {
    auto found = m_employeeIndex.find(id);
    if (found == m_employeeIndex.end()) return id.c_str();
    return session.workspace().employees[static_cast<std::size_t>(found->second)].name.c_str();
}

// Returns the client's name, or nullptr when the name is empty or repeats the id. CRM
// exports often name accounts by their name, so the id alone is enough.
const char* AllocationPanel::nameBesideId(const Session& session, const std::string& id) const {
    const char* name = clientName(session, id);
    return *name == '\0' || id == name ? nullptr : name;
}

// Draws a client's id, dimmed, then its name cut to the cell, or the id alone when the name
// adds nothing.
void AllocationPanel::clientCell(const Session& session, const std::string& id,
                                 const EllipsisOptions& options) const {
    const char* name = nameBesideId(session, id);
    if (name == nullptr) {
        textEllipsis(id.c_str(), options);
        return;
    }
    ImGui::TextDisabled("%s", id.c_str());
    ImGui::SameLine();
    textEllipsis(name, options);
}

const char* AllocationPanel::clientName(const Session& session, const std::string& id) const {
    auto found = m_clientIndex.find(id);
    if (found == m_clientIndex.end()) return "";
    return session.workspace().clients[static_cast<std::size_t>(found->second)].name.c_str();
}

}  // namespace baton::ui
