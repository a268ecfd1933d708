#include "ui/handover_panel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {
namespace {

const char* taskTitle(const HandoverTask& task) {
    if (!task.title.empty()) return task.title.c_str();
    if (task.task == "introduce") return tr(Str::TaskIntroduce);
    if (task.task == "transfer_notes") return tr(Str::TaskTransferNotes);
    if (task.task == "first_contact") return tr(Str::TaskFirstContact);
    return task.task.c_str();
}

}  // namespace

void HandoverPanel::draw(Session& session) {
    const Cycle* cycle = session.cycle();
    if (!cycle || cycle->handovers.empty()) {
        textWrappedMixed(tr(cycle ? Str::HandoverNone : Str::CycleNone));
        return;
    }
    int tasks = 0, done = 0, overdue = 0;
    for (const Handover& h : cycle->handovers) {
        for (const HandoverTask& t : h.tasks) {
            ++tasks;
            done += t.done;
            overdue += isOverdue(t, session.today());
        }
    }
    char text[240];
    int moved = static_cast<int>(cycle->handovers.size());
    std::snprintf(text, sizeof text, trPlural(Str::HandoverSummary, {moved, tasks}).c_str(), moved,
                  done, tasks, overdue);
    textColoured(overdue > 0 ? kColourWarning : kColourMuted, text);
    recordWidget("handover.summary");
    if (!m_message.empty()) {
        textColoured(m_messageOk ? kColourGood : kColourBad, logMessageText(m_message).c_str());
    }
    ImGui::BeginChild("handover_list", ImVec2(0.0f, 0.0f), false);
    for (const Handover& handover : cycle->handovers) drawClient(session, handover);
    ImGui::EndChild();
}

void HandoverPanel::drawClient(Session& session, const Handover& handover) {
    const Workspace& workspace = session.workspace();
    int index = workspace.findClient(handover.client);
    std::string name = index >= 0 ? workspace.clients[std::size_t(index)].name : "";
    std::string header = handover.client + "  " + name + "   " +
                         (handover.from ? *handover.from : std::string("—")) + " → " +
                         handover.to + "###" + handover.client;
    ImGui::PushID(handover.client.c_str());
    bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    recordWidget("handover.client." + handover.client);
    if (open) {
        for (const HandoverTask& task : handover.tasks) {
            bool done = task.done;
            std::string label = std::string(taskTitle(task)) + "##" + task.task;
            if (ImGui::Checkbox(label.c_str(), &done)) {
                CycleResult result = session.setHandoverTask(handover.client, task.task, done, "");
                m_message = result.message;
                m_messageOk = result.ok;
            }
            recordWidget("handover.task." + handover.client + "." + task.task);
            ImGui::SameLine();
            char due[64];
            std::snprintf(due, sizeof due, tr(Str::HandoverDue), task.due.c_str());
            ImGui::TextDisabled("%s", due);
            if (isOverdue(task, session.today())) {
                ImGui::SameLine();
                textColoured(kColourBad, tr(Str::HandoverOverdue));
            } else if (task.done && !task.doneOn.empty()) {
                ImGui::SameLine();
                textColoured(kColourGood, ("✓ " + task.doneOn).c_str());
            }
        }
        if (ImGui::SmallButton(labelWithId(tr(Str::HandoverLetterCopy), "letter").c_str())) {
            ImGui::SetClipboardText(
                session.introductionLetterText(handover.client, locale()).c_str());
            m_message = tr(Str::CopiedToClipboard);
            m_messageOk = true;
        }
        recordWidget("handover.letter." + handover.client);
    }
    ImGui::PopID();
}

}  // namespace baton::ui
