// Provisional and final statements, appeal notices and introduction letters; see
// io/cycle_report.h.
#include <map>
#include <set>

#include "core/workspace_warnings.h"
#include "io/cycle_phrases.h"
#include "io/cycle_report.h"
#include "io/cycle_report_parts.h"

namespace baton {

using cycle_text::Phrase;
using cycle_text::phrase;
using rules::Document;

namespace {

std::string nameOf(const Workspace& ws, const std::string& employee) {
    int index = ws.findEmployee(employee);
    return index < 0 ? employee : ws.employees[std::size_t(index)].name;
}

std::string runnersUp(const Assignment& a, const std::string& lang) {
    std::string out;
    for (const RunnerUp& u : a.runnersUp) {
        std::string reason = cycle_text::lostBecause(lang, u.lostBecause, u.fit, a.fit);
        if (!out.empty()) out += lang == "zh-CN" ? "、" : ", ";
        out += phrase(lang, Phrase::RunnerUpLine, {u.employee, reason});
    }
    return out.empty() ? "-" : out;
}

void receivedTable(Document& d, const Workspace& ws, const std::vector<const Assignment*>& list,
                   bool fitChoseNobody, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::YouReceive));
    if (list.empty()) {
        d.paragraph(phrase(lang, Phrase::YouReceiveNothing));
        return;
    }
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::Client), phrase(lang, Phrase::ValueCol),
         phrase(lang, Phrase::DifficultyCol), phrase(lang, Phrase::Why),
         phrase(lang, Phrase::RunnersUp)}};
    for (const Assignment* a : list) {
        rows.push_back(
            {rules::clientLabel(ws, a->client), rules::number(a->value),
             rules::number(a->difficulty),
             phrase(lang, Phrase::WonWithFit,
                    {cycle_text::wonBecause(lang, *a, fitChoseNobody), rules::number(a->fit)}),
             runnersUp(*a, lang)});
    }
    d.table(std::move(rows));
}

void figuresSection(Document& d, const EmployeeOutcome& e, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::YourFigures));
    if (e.entitlement <= 0.0 && e.clients == 0) d.paragraph(phrase(lang, Phrase::YouTakeNoShare));
    d.table({{phrase(lang, Phrase::Figure), phrase(lang, Phrase::Value)},
             {phrase(lang, Phrase::Entitlement), rules::number(e.entitlement)},
             {phrase(lang, Phrase::TargetValue), rules::number(e.targetValue)},
             {phrase(lang, Phrase::ReceivedValue), rules::number(e.receivedValue)},
             {phrase(lang, Phrase::TargetDifficulty), rules::number(e.targetDifficulty)},
             {phrase(lang, Phrase::ReceivedDifficulty), rules::number(e.receivedDifficulty)},
             {phrase(lang, Phrase::ClientCount), std::to_string(e.clients)},
             {phrase(lang, Phrase::BookAfter), std::to_string(e.bookAfter)}});
}

void bookSection(Document& d, const Workspace& ws, const AllocationResult& r,
                 const std::vector<std::string>& clients, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::YourBook));
    std::map<std::string, std::string> to;
    for (const Assignment& a : r.assignments) to[a.client] = a.employee;
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::Client), phrase(lang, Phrase::To)}};
    for (const std::string& c : clients) {
        auto it = to.find(c);
        rows.push_back({rules::clientLabel(ws, c), it == to.end()
                                                       ? phrase(lang, Phrase::Nobody)
                                                       : rules::employeeLabel(ws, it->second)});
    }
    d.table(std::move(rows));
}

void appealSection(Document& d, const Workspace& ws, const Cycle& c, const std::string& employee,
                   const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::HowToAppeal));
    d.paragraph(phrase(lang, Phrase::AppealRule,
                       {c.dates.objectionEnd.empty() ? "-" : c.dates.objectionEnd}));
    std::vector<std::vector<std::string>> rows;
    for (const Appeal& a : c.appeals) {
        if (a.employee == employee) rows.push_back(cycle_report::appealRow(ws, a, lang));
    }
    if (rows.empty()) return;
    rows.insert(rows.begin(), {phrase(lang, Phrase::AppealId), phrase(lang, Phrase::Employee),
                               phrase(lang, Phrase::Clients), phrase(lang, Phrase::Asks),
                               phrase(lang, Phrase::Filed), phrase(lang, Phrase::Reason),
                               phrase(lang, Phrase::Status), phrase(lang, Phrase::Decision),
                               phrase(lang, Phrase::Decided)});
    d.heading(3, phrase(lang, Phrase::YourAppeals));
    d.table(std::move(rows));
}

void handoverSection(Document& d, const Workspace& ws, const Cycle& c, const std::string& employee,
                     const std::string& lang) {
    std::vector<std::string> items;
    std::string asOf = cycle_report::cycleAsOf(c);
    for (const Handover& h : c.handovers) {
        if (h.to != employee) continue;
        for (const HandoverTask& t : h.tasks) {
            items.push_back(phrase(
                lang, Phrase::TaskLine,
                {rules::clientLabel(ws, h.client), cycle_text::taskTitle(lang, t.task, t.title),
                 t.due, cycle_report::taskStatus(t, asOf, lang)}));
        }
    }
    if (items.empty()) return;
    d.paragraph(phrase(lang, Phrase::HandoverDue, {c.dates.handoverDue}));
    d.list(std::move(items));
}

// The clients each leaver had before the cycle: the moves' previous owners after the
// final, the current owners before it.
std::map<std::string, std::vector<std::string>> leaverBooks(const Workspace& ws, const Cycle* c,
                                                            const AllocationResult& r) {
    std::map<std::string, std::optional<std::string>> before;
    if (c) {
        for (const ClientMove& m : c->moves) before[m.client] = m.from;
    }
    std::map<std::string, std::vector<std::string>> books;
    auto add = [&](const std::string& client) {
        std::optional<std::string> owner;
        if (auto it = before.find(client); it != before.end()) {
            owner = it->second;
        } else if (int index = ws.findClient(client); index >= 0) {
            owner = ws.clients[std::size_t(index)].owner;
        }
        if (!owner) return;
        int e = ws.findEmployee(*owner);
        bool leaver = c ? false : (e >= 0 && isLeaver(ws.employees[std::size_t(e)].status));
        if (c) {
            for (const CycleLeaver& l : c->leavers) leaver = leaver || l.employee == *owner;
        }
        if (leaver) books[*owner].push_back(client);
    };
    for (const Assignment& a : r.assignments) add(a.client);
    for (const Unassigned& u : r.unassigned) add(u.client);
    return books;
}

// The opening sentence of a statement: the cycle and the date of its proposal or final. It
// leaves out a date the cycle does not have yet, and the cycle when there is none.
std::string introText(const Cycle* cycle, bool final, const std::string& lang) {
    if (!cycle) return phrase(lang, Phrase::NoCycleIntro);
    const std::string& date = final ? cycle->dates.finalDate : cycle->dates.proposal;
    if (date.empty()) {
        return phrase(lang, final ? Phrase::FinalIntroUndated : Phrase::ProvisionalIntroUndated,
                      {cycle->id});
    }
    return phrase(lang, final ? Phrase::FinalIntro : Phrase::ProvisionalIntro, {cycle->id, date});
}

}  // namespace

std::map<std::string, std::string> cycleStatements(const Workspace& workspace, const Cycle* cycle,
                                                   const AllocationResult& result,
                                                   const std::string& lang,
                                                   const std::string& format,
                                                   const std::vector<std::string>& breaches) {
    cycle_report::checkArguments(lang, format);
    bool final = cycle && cycle->stage >= CycleStage::Final;
    std::map<std::string, std::vector<const Assignment*>> received;
    for (const Assignment& a : result.assignments) received[a.employee].push_back(&a);
    std::map<std::string, std::vector<std::string>> books = leaverBooks(workspace, cycle, result);
    std::set<std::string> affected;
    for (const EmployeeOutcome& e : result.employees) {
        if (!final || e.clients > 0) affected.insert(e.employee);
    }
    if (!final) {
        for (const auto& [leaver, clients] : books) affected.insert(leaver);
    }
    std::map<std::string, std::string> out;
    for (const std::string& id : affected) {
        Document d;
        d.lang = lang;
        std::string label = rules::employeeLabel(workspace, id);
        d.title = phrase(lang, final ? Phrase::FinalTitle : Phrase::ProvisionalTitle, {label});
        d.heading(1, d.title);
        cycle_report::warnUnverified(d, breaches, lang);
        d.paragraph(introText(cycle, final, lang));
        if (books.count(id)) bookSection(d, workspace, result, books[id], lang);
        const EmployeeOutcome* outcome = nullptr;
        for (const EmployeeOutcome& e : result.employees) outcome = e.employee == id ? &e : outcome;
        if (outcome) {
            receivedTable(d, workspace, received[id], fitWeightsAllZero(result.policy.fit), lang);
            figuresSection(d, *outcome, lang);
        }
        if (cycle && !final) appealSection(d, workspace, *cycle, id, lang);
        if (cycle && final) handoverSection(d, workspace, *cycle, id, lang);
        out[id] = cycle_report::render(d, format);
    }
    return out;
}

std::string appealNotice(const Workspace& workspace, const Cycle& cycle, const Appeal& appeal,
                         const std::string& lang) {
    cycle_report::checkArguments(lang, "md");
    std::string clients;
    for (const std::string& id : appeal.clients) {
        clients += (clients.empty() ? "" : ", ") + rules::clientLabel(workspace, id);
    }
    bool accepted = appeal.status == AppealStatus::Accepted;
    std::string status = phrase(lang, accepted ? Phrase::Accepted : Phrase::Rejected);
    std::string kind = phrase(lang, appeal.kind == AppealKind::Pin ? Phrase::Pin : Phrase::Forbid);
    std::string text = phrase(lang, Phrase::NoticeSubject, {appeal.id, status}) + "\n\n";
    text += nameOf(workspace, appeal.employee) + (lang == "zh-CN" ? "：\n\n" : ",\n\n");
    text += phrase(lang, accepted ? Phrase::NoticeAccepted : Phrase::NoticeRejected,
                   {appeal.id, appeal.filed, clients, kind, cycle.id, appeal.decisionReason});
    text += "\n\n" + phrase(lang, Phrase::NoticeClosing, {appeal.decided}) + "\n";
    return text;
}

std::string introductionLetter(const Workspace& workspace, const Cycle& cycle,
                               const Handover& handover, const std::string& lang) {
    cycle_report::checkArguments(lang, "md");
    int client = workspace.findClient(handover.client);
    std::string clientName =
        client < 0 ? handover.client : workspace.clients[std::size_t(client)].name;
    std::string company = cycle_report::companyName(workspace);
    if (company.empty()) company = phrase(lang, Phrase::Company);
    std::string previous =
        handover.from ? nameOf(workspace, *handover.from) : phrase(lang, Phrase::Nobody);
    std::string owner = nameOf(workspace, handover.to);
    return phrase(lang, Phrase::LetterSubject, {clientName, company}) + "\n\n" +
           phrase(lang, Phrase::LetterBody,
                  {clientName, owner, cycle.dates.finalDate, company, previous});
}

}  // namespace baton
