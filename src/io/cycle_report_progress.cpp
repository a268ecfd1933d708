// The cycle report's Handover and Follow-up sections, and the status of a handover task as
// the statements show it. See io/cycle_report_parts.h.
#include <cstdio>
#include <map>

#include "core/cycle_ops.h"
#include "io/cycle_phrases.h"
#include "io/cycle_report_parts.h"

namespace baton::cycle_report {

using cycle_text::Phrase;
using cycle_text::phrase;
using rules::Document;

namespace {

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100.0);
    return text;
}

std::string satisfactionText(const std::optional<double>& value) {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", *value);
    return text;
}

struct TaskCounts {
    int done = 0;
    int open = 0;
    int overdue = 0;
};

void taskTable(Document& d, const Cycle& c, const std::string& lang, const std::string& asOf) {
    std::map<std::string, TaskCounts> byTitle;
    std::vector<std::string> order;
    for (const Handover& h : c.handovers) {
        for (const HandoverTask& t : h.tasks) {
            std::string title = cycle_text::taskTitle(lang, t.task, t.title);
            if (!byTitle.count(title)) order.push_back(title);
            TaskCounts& counts = byTitle[title];
            ++(t.done ? counts.done : counts.open);
            counts.overdue += isOverdue(t, asOf) ? 1 : 0;
        }
    }
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::TaskColumn), phrase(lang, Phrase::TaskDone),
         phrase(lang, Phrase::TaskOpen), phrase(lang, Phrase::TaskOverdue)}};
    for (const std::string& title : order) {
        const TaskCounts& n = byTitle[title];
        rows.push_back(
            {title, std::to_string(n.done), std::to_string(n.open), std::to_string(n.overdue)});
    }
    d.table(std::move(rows));
}

}  // namespace

std::string cycleAsOf(const Cycle& c) {
    const CycleDates& t = c.dates;
    std::string latest;
    for (const std::string* date :
         {&t.departure, &t.rulesPublished, &t.proposal, &t.objectionsClosed, &t.finalDate,
          &t.handover, &t.followUp, &t.closed}) {
        if (*date > latest) latest = *date;
    }
    for (const Handover& h : c.handovers) {
        for (const HandoverTask& task : h.tasks) {
            if (task.doneOn > latest) latest = task.doneOn;
        }
    }
    for (const ClientOutcome& o : c.outcomes) {
        if (o.date > latest) latest = o.date;
    }
    return latest;
}

std::string taskStatus(const HandoverTask& task, const std::string& asOf, const std::string& lang) {
    if (task.done) {
        return task.doneOn.empty() ? phrase(lang, Phrase::TaskDone)
                                   : phrase(lang, Phrase::TaskDoneOn, {task.doneOn});
    }
    return phrase(lang, isOverdue(task, asOf) ? Phrase::TaskOverdue : Phrase::TaskOpen);
}

void handoverProgressSection(Document& d, const Workspace& ws, const Cycle& c,
                             const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::HandoverHeading));
    std::string asOf = cycleAsOf(c);
    TaskCounts total;
    std::vector<std::string> overdue;
    for (const Handover& h : c.handovers) {
        for (const HandoverTask& t : h.tasks) {
            ++(t.done ? total.done : total.open);
            if (!isOverdue(t, asOf)) continue;
            ++total.overdue;
            overdue.push_back(phrase(
                lang, Phrase::OverdueLine,
                {rules::clientLabel(ws, h.client), cycle_text::taskTitle(lang, t.task, t.title),
                 t.due, rules::employeeLabel(ws, h.to)}));
        }
    }
    d.paragraph(phrase(
        lang, Phrase::HandoverSummary,
        {std::to_string(total.done + total.open), std::to_string(total.done),
         std::to_string(total.open), std::to_string(total.overdue), asOf, c.dates.handoverDue}));
    if (total.done + total.open == 0) return;
    taskTable(d, c, lang, asOf);
    if (overdue.empty()) return;
    d.paragraph(phrase(lang, Phrase::OverdueTasks));
    d.list(std::move(overdue));
}

void followUpSection(Document& d, const Workspace& ws, const Cycle& c, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::FollowUpHeading));
    FollowUpDashboard board = followUpDashboard(ws, c);
    const FollowUpFigures& all = board.total;
    d.paragraph(phrase(lang, Phrase::FollowUpSummary,
                       {std::to_string(all.recorded), std::to_string(all.clients),
                        std::to_string(all.retained), std::to_string(all.lost),
                        percent(all.retentionRate), satisfactionText(all.satisfaction)}));
    d.paragraph(phrase(lang, Phrase::FollowUpRevenue,
                       {rules::number(all.revenueSince), rules::number(all.revenueYearBefore),
                        percent(all.revenueKept)}));
    if (all.recorded == 0) return;
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::Employee), phrase(lang, Phrase::MovedClients),
         phrase(lang, Phrase::WithOutcome), phrase(lang, Phrase::OutcomeRetained),
         phrase(lang, Phrase::OutcomeLost), phrase(lang, Phrase::RetentionRate),
         phrase(lang, Phrase::MeanSatisfaction), phrase(lang, Phrase::RevenueKept)}};
    for (const FollowUpFigures& f : board.employees) {
        rows.push_back({rules::employeeLabel(ws, f.employee), std::to_string(f.clients),
                        std::to_string(f.recorded), std::to_string(f.retained),
                        std::to_string(f.lost), percent(f.retentionRate),
                        satisfactionText(f.satisfaction), percent(f.revenueKept)});
    }
    d.table(std::move(rows));
}

}  // namespace baton::cycle_report
