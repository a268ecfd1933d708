// The cycle report: timeline, leavers, the frozen rules, the result with its figures,
// certificates and baselines, the assignments, appeals with their decisions, the re-run's
// diff, the final, and from those stages on the handover and the follow-up. See
// io/cycle_report.h.
#include "io/cycle_report.h"

#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/cycle_ops.h"
#include "core/dates.h"
#include "core/evaluation.h"
#include "core/share_notes.h"
#include "core/workspace_warnings.h"
#include "io/cells.h"
#include "io/cycle_phrases.h"
#include "io/cycle_report_parts.h"
#include "io/detail_phrases.h"
#include "io/result_terms.h"
#include "io/rules_doc.h"

namespace baton {

using cycle_text::Phrase;
using cycle_text::phrase;
using rules::Document;

namespace cycle_report {

void checkArguments(const std::string& lang, const std::string& format) {
    if (lang != "en" && lang != "zh-CN") {
        throw std::invalid_argument("invalid language \"" + lang + "\": use en or zh-CN");
    }
    if (!isRulesFormat(format)) {
        throw std::invalid_argument("invalid format \"" + format + "\": use md or html");
    }
}

void warnUnverified(Document& d, const std::vector<std::string>& breaches,
                    const std::string& lang) {
    if (breaches.empty()) return;
    Phrase warning = breaches.size() == 1 ? Phrase::UnverifiedResultOne : Phrase::UnverifiedResult;
    d.paragraph(
        phrase(lang, warning, {std::to_string(breaches.size()), rules::literal(breaches.front())}));
}

std::string companyName(const Workspace& ws) {
    if (ws.company.is_object() && ws.company.contains("name") && ws.company["name"].is_string()) {
        return std::string(trimCell(ws.company["name"].get<std::string>()));
    }
    return "";
}

std::string render(const Document& document, const std::string& format) {
    return format == "html" ? rules::renderHtml(document) : rules::renderMarkdown(document);
}

std::string yesNo(const std::string& lang, bool value) {
    return phrase(lang, value ? Phrase::Passes : Phrase::Fails);
}

std::string ownerLabel(const Workspace& ws, const std::optional<std::string>& id,
                       const std::string& lang) {
    return id ? rules::employeeLabel(ws, *id) : phrase(lang, Phrase::Nobody);
}

void figuresTable(Document& d, const std::string& lang, const std::vector<std::string>& names,
                  const std::vector<const Figures*>& columns) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {phrase(lang, Phrase::Figure)};
    header.insert(header.end(), names.begin(), names.end());
    rows.push_back(header);
    auto add = [&](const char* name, auto get) {
        std::vector<std::string> row = {namedCode("figure", name, lang)};
        for (const Figures* f : columns) row.push_back(rules::number(get(*f)));
        rows.push_back(row);
    };
    add("total_fit", [](const Figures& f) { return f.totalFit; });
    add("price_of_fairness", [](const Figures& f) { return f.priceOfFairness; });
    add("max_relative_deviation", [](const Figures& f) { return f.maxRelativeDeviation; });
    add("gini", [](const Figures& f) { return f.gini; });
    add("difficulty_spread", [](const Figures& f) { return f.difficultySpread; });
    add("continuity_rate", [](const Figures& f) { return f.continuityRate; });
    add("unassigned", [](const Figures& f) { return double(f.unassigned); });
    d.table(std::move(rows));
}

void certificatesTable(Document& d, const std::string& lang, const std::vector<std::string>& names,
                       const std::vector<const Certificates*>& columns) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {phrase(lang, Phrase::Certificate)};
    header.insert(header.end(), names.begin(), names.end());
    rows.push_back(header);
    auto add = [&](const char* name, bool Certificates::*passed) {
        std::vector<std::string> row = {namedCode("certificate", name, lang)};
        for (const Certificates* c : columns) row.push_back(yesNo(lang, c->*passed));
        rows.push_back(row);
    };
    add("wprop1_value", &Certificates::wprop1Value);
    add("wprop1_difficulty", &Certificates::wprop1Difficulty);
    add("wef1_value", &Certificates::wef1Value);
    add("wef1_difficulty", &Certificates::wef1Difficulty);
    std::vector<std::string> efC = {namedCode("certificate", "ef_c_both", lang)};
    for (const Certificates* c : columns) efC.push_back(std::to_string(c->efCBoth));
    rows.push_back(efC);
    d.table(std::move(rows));
}

void certificatesBlock(Document& d, const std::string& lang, const Certificates& c) {
    d.table({{phrase(lang, Phrase::Certificate), phrase(lang, Phrase::Value)},
             {namedCode("certificate", "wprop1_value", lang), yesNo(lang, c.wprop1Value)},
             {namedCode("certificate", "wprop1_difficulty", lang), yesNo(lang, c.wprop1Difficulty)},
             {namedCode("certificate", "wef1_value", lang), yesNo(lang, c.wef1Value)},
             {namedCode("certificate", "wef1_difficulty", lang), yesNo(lang, c.wef1Difficulty)},
             {namedCode("certificate", "ef_c_both", lang), std::to_string(c.efCBoth)}});
    std::vector<std::string> items;
    for (const Witness& w : c.witnesses) {
        std::string employees;
        for (const std::string& e : w.employees) employees += (employees.empty() ? "" : ", ") + e;
        std::string certificate = namedCode("certificate", w.certificate, lang);
        std::string client = w.client.empty() ? "-" : w.client;
        if (w.constraint) {
            items.push_back(
                phrase(lang, Phrase::Witness,
                       {certificate, employees, client,
                        rules::literal(cycle_text::witnessConstraint(lang, *w.constraint))}));
        } else {
            items.push_back(
                phrase(lang, Phrase::WitnessNoConstraint, {certificate, employees, client}));
        }
    }
    if (!items.empty()) d.list(std::move(items));
}

}  // namespace cycle_report

namespace {

using namespace cycle_report;

void timelineSection(Document& d, const Cycle& c, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::Timeline));
    const CycleDates& t = c.dates;
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::Stage), phrase(lang, Phrase::Date)}};
    auto row = [&](const char* stage, const std::string& date) {
        if (date.empty()) return;
        rows.push_back({namedCode("stage", stage, lang), date});
    };
    // The planned dates are no stages, so they have names of their own.
    auto planned = [&](const char* name, const std::string& date) {
        if (date.empty()) return;
        rows.push_back({namedCode("timeline", name, lang), phrase(lang, Phrase::Planned, {date})});
    };
    row("departure", t.departure);
    row("rules_published", t.rulesPublished);
    row("proposal", t.proposal);
    planned("objection_end", t.objectionEnd);
    row("objections_closed", t.objectionsClosed);
    row("final", t.finalDate);
    planned("handover_due", t.handoverDue);
    row("handover", t.handover);
    for (const std::string& date : t.followUps) planned("follow_up_due", date);
    row("follow_up", t.followUp);
    row("closed", t.closed);
    d.table(std::move(rows));
}

void leaversSection(Document& d, const Workspace& ws, const Cycle& c, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::Leavers));
    std::vector<std::string> items;
    for (const CycleLeaver& l : c.leavers) {
        items.push_back(
            phrase(lang, Phrase::LeaverLine,
                   {rules::employeeLabel(ws, l.employee), namedCode("status", l.status, lang),
                    l.lastDay.empty() ? "-" : l.lastDay}));
    }
    if (!items.empty()) d.list(std::move(items));
    if (c.keep.empty()) {
        d.paragraph(phrase(lang, Phrase::NoKept));
    } else {
        std::string list;
        for (const std::string& id : c.keep)
            list += (list.empty() ? "" : ", ") + rules::clientLabel(ws, id);
        d.paragraph(phrase(lang, Phrase::Kept, {list}));
    }
}

// The rules document of the frozen policy, one heading level down, without its title.
void rulesSection(Document& d, const Workspace& ws, const Policy& policy, const std::string& lang,
                  const std::string& frozenOn) {
    d.heading(2, phrase(lang, Phrase::Rules));
    if (frozenOn.empty()) {
        d.paragraph(phrase(lang, Phrase::RulesOfResult, {std::to_string(policy.version)}));
    } else {
        d.paragraph(phrase(lang, Phrase::RulesFrozen, {std::to_string(policy.version), frozenOn}));
    }
    rules::Context context{policy, ws, rules::literal(companyName(ws)), "", false};
    if (std::optional<long long> day = effectiveAsOfDay(ws, policy)) {
        context.asOf = formatIsoDate(*day);
        context.asOfFromData = !policy.asOf || !parseIsoDate(*policy.asOf);
    }
    Document rulesDoc;
    rulesDoc.lang = lang;
    if (lang == "zh-CN") {
        rules::buildChinese(context, rulesDoc);
    } else {
        rules::buildEnglish(context, rulesDoc);
    }
    for (std::size_t i = 1; i < rulesDoc.blocks.size(); ++i) {
        rules::Block block = rulesDoc.blocks[i];
        if (block.kind == rules::BlockKind::Heading) block.level += 1;
        d.blocks.push_back(std::move(block));
    }
}

std::string clientsCounted(const std::string& lang, int count) {
    if (count == 1) return phrase(lang, Phrase::OneClient);
    return phrase(lang, Phrase::ClientsCounted, {std::to_string(count)});
}

std::string receiversCounted(const std::string& lang, int count) {
    if (count == 1) return phrase(lang, Phrase::OneReceiver);
    return phrase(lang, Phrase::ReceiversCounted, {std::to_string(count)});
}

std::string oneDecimal(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", x);
    return buffer;
}

// The placed clients by won_because, as the list that ends ShareNoteConcentrated.
std::string wonByList(const std::string& lang, const NoClientNote& n) {
    const std::pair<int, Phrase> parts[] = {{n.byContinuity, Phrase::WonByContinuity},
                                            {n.byBestFit, Phrase::WonByBestFit},
                                            {n.byOnlyEligible, Phrase::WonByOnlyEligible},
                                            {n.byPin, Phrase::WonByPin},
                                            {n.byFairness, Phrase::WonByFairness}};
    std::string out;
    for (const auto& [count, id] : parts) {
        if (count == 0) continue;
        if (!out.empty()) out += lang == "zh-CN" ? "，" : ", ";
        out += phrase(lang, id, {std::to_string(count)});
    }
    return out;
}

// The sentences that explain receivers without a client and a max deviation above 100%
// beside a passing `wprop1_value`, each only when it applies (core/share_notes.h).
void shareNotesBlock(Document& d, const Workspace& ws, const AllocationResult& r,
                     const std::string& lang) {
    ShareNotes notes = shareNotes(r);
    if (const std::optional<NoClientNote>& n = notes.noClient) {
        std::string without = std::to_string(n->withoutClient);
        std::string receivers = std::to_string(n->receivers);
        if (n->fewerClientsThanReceivers() && n->withoutClientByChoice() > 0) {
            d.paragraph(phrase(lang, Phrase::ShareNoteConcentrated,
                               {without, receivers, clientsCounted(lang, n->placed),
                                std::to_string(n->withoutClientByCount()),
                                std::to_string(n->withoutClientByChoice()),
                                receiversCounted(lang, n->withClient()), wonByList(lang, *n)}));
        } else if (n->fewerClientsThanReceivers()) {
            d.paragraph(phrase(lang, Phrase::ShareNoteFewClients,
                               {without, receivers, clientsCounted(lang, n->placed)}));
        } else {
            d.paragraph(phrase(
                lang, Phrase::ShareNoteLargeClient,
                {without, receivers, oneDecimal(n->largestValue), oneDecimal(n->largestTarget)}));
        }
    }
    if (const std::optional<OverTargetNote>& o = notes.overTarget) {
        d.paragraph(phrase(
            lang, Phrase::ShareNoteOverTarget,
            {oneDecimal(o->deviation * 100.0) + "%", rules::employeeLabel(ws, o->employee),
             clientsCounted(lang, o->clients), oneDecimal(o->received), oneDecimal(o->target)}));
    }
}

void resultSection(Document& d, const Workspace& ws, const AllocationResult& r,
                   const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::Result));
    d.paragraph(phrase(lang, Phrase::ResultLine,
                       {namedCode("method", r.method, lang), std::to_string(r.seed),
                        r.inputSha256.empty() ? "-" : r.inputSha256}));
    d.heading(3, phrase(lang, Phrase::Figures));
    figuresTable(d, lang, {phrase(lang, Phrase::Value)}, {&r.figures});
    if (zeroPriceWithGap(r)) {
        d.paragraph(phrase(
            lang, Phrase::ZeroPriceWithGap,
            {oneDecimal(r.optimality.gap * 100.0) + "%", rules::number(r.optimality.upperBound)}));
    }
    d.heading(3, phrase(lang, Phrase::Certificates));
    certificatesBlock(d, lang, r.certificates);
    if (!hasDifficultyInputs(ws)) d.paragraph(phrase(lang, Phrase::NoDifficultyInputs));
    shareNotesBlock(d, ws, r, lang);
    if (!r.baselines.empty()) {
        d.heading(3, phrase(lang, Phrase::Baselines));
        std::vector<std::string> names = {namedCode("method", r.method, lang)};
        std::vector<const Figures*> columns = {&r.figures};
        std::vector<const Certificates*> certificates = {&r.certificates};
        for (const auto& [name, summary] : r.baselines) {
            names.push_back(namedCode("method", name, lang));
            columns.push_back(&summary.figures);
            certificates.push_back(&summary.certificates);
        }
        figuresTable(d, lang, names, columns);
        certificatesTable(d, lang, names, certificates);
    }
}

void assignmentsSection(Document& d, const Workspace& ws, const Cycle* c, const AllocationResult& r,
                        const std::string& lang) {
    std::map<std::string, std::optional<std::string>> before;
    if (c) {
        for (const ClientMove& m : c->moves) before[m.client] = m.from;
    }
    d.heading(2, phrase(lang, Phrase::Assignments));
    std::vector<std::vector<std::string>> rows = {
        {phrase(lang, Phrase::Client), phrase(lang, Phrase::From), phrase(lang, Phrase::To),
         phrase(lang, Phrase::ValueCol), phrase(lang, Phrase::DifficultyCol),
         phrase(lang, Phrase::Why)}};
    bool fitChoseNobody = fitWeightsAllZero(r.policy.fit);
    for (const Assignment& a : r.assignments) {
        std::optional<std::string> from;
        auto it = before.find(a.client);
        if (it != before.end()) {
            from = it->second;
        } else if (int index = ws.findClient(a.client); index >= 0) {
            from = ws.clients[std::size_t(index)].owner;
        }
        rows.push_back({rules::clientLabel(ws, a.client), ownerLabel(ws, from, lang),
                        rules::employeeLabel(ws, a.employee), rules::number(a.value),
                        rules::number(a.difficulty),
                        cycle_text::wonBecause(lang, a, fitChoseNobody)});
    }
    d.table(std::move(rows));
    d.heading(3, phrase(lang, Phrase::Unassigned));
    if (r.unassigned.empty()) {
        d.paragraph(phrase(lang, Phrase::NoUnassigned));
        return;
    }
    std::vector<std::vector<std::string>> unplaced = {{phrase(lang, Phrase::Client),
                                                       phrase(lang, Phrase::Reason),
                                                       phrase(lang, Phrase::ReasonDetail)}};
    for (const Unassigned& u : r.unassigned) {
        unplaced.push_back({rules::clientLabel(ws, u.client),
                            cycle_text::unassignedReason(lang, u.reason),
                            cycle_text::unassignedDetail(lang, u.detail)});
    }
    d.table(std::move(unplaced));
}

void appealsSection(Document& d, const Workspace& ws, const Cycle& c, const std::string& lang) {
    d.heading(2, phrase(lang, Phrase::Appeals));
    if (c.appeals.empty()) {
        d.paragraph(phrase(lang, Phrase::NoAppeals));
    } else {
        std::vector<std::vector<std::string>> rows = {
            {phrase(lang, Phrase::AppealId), phrase(lang, Phrase::Employee),
             phrase(lang, Phrase::Clients), phrase(lang, Phrase::Asks), phrase(lang, Phrase::Filed),
             phrase(lang, Phrase::Reason), phrase(lang, Phrase::Status),
             phrase(lang, Phrase::Decision), phrase(lang, Phrase::Decided)}};
        for (const Appeal& a : c.appeals) rows.push_back(appealRow(ws, a, lang));
        d.table(std::move(rows));
    }
    d.heading(3, phrase(lang, Phrase::Rerun));
    CycleDiff diff = diffCycle(c);
    if (!diff.hasRerun) {
        d.paragraph(phrase(lang, Phrase::NoRerun));
        return;
    }
    d.paragraph(phrase(lang, Phrase::MovedLine, {std::to_string(diff.moved.size())}));
    if (!diff.moved.empty()) {
        std::vector<std::vector<std::string>> rows = {{phrase(lang, Phrase::Client),
                                                       phrase(lang, Phrase::Before),
                                                       phrase(lang, Phrase::After)}};
        for (const ClientChange& m : diff.moved) {
            rows.push_back({rules::clientLabel(ws, m.client), ownerLabel(ws, m.before, lang),
                            ownerLabel(ws, m.after, lang)});
        }
        d.table(std::move(rows));
    }
    figuresTable(d, lang, {phrase(lang, Phrase::Before), phrase(lang, Phrase::After)},
                 {&diff.before, &diff.after});
}

// Each client the final left unassigned, with the owner it stays with.
std::string leftUnassignedList(const Workspace& ws, const Cycle& c, const std::string& lang) {
    std::string list;
    for (const std::string& id : c.leftUnassigned) {
        int index = ws.findClient(id);
        std::optional<std::string> owner;
        if (index >= 0) owner = ws.clients[std::size_t(index)].owner;
        list += (list.empty() ? "" : ", ") + rules::clientLabel(ws, id) + " (" +
                ownerLabel(ws, owner, lang) + ")";
    }
    return list;
}

}  // namespace

namespace cycle_report {

std::vector<std::string> appealRow(const Workspace& ws, const Appeal& a, const std::string& lang) {
    std::string clients;
    for (const std::string& id : a.clients)
        clients += (clients.empty() ? "" : ", ") + rules::clientLabel(ws, id);
    Phrase status = a.status == AppealStatus::Open       ? Phrase::Open
                    : a.status == AppealStatus::Accepted ? Phrase::Accepted
                                                         : Phrase::Rejected;
    return {a.id,
            rules::employeeLabel(ws, a.employee),
            clients,
            phrase(lang, a.kind == AppealKind::Pin ? Phrase::Pin : Phrase::Forbid),
            a.filed,
            rules::literal(a.reason),
            phrase(lang, status),
            a.decisionReason.empty() ? "-" : rules::literal(a.decisionReason),
            a.decided.empty() ? "-" : a.decided};
}

}  // namespace cycle_report

std::string cycleReport(const Workspace& workspace, const Cycle* cycle,
                        const AllocationResult& result, const std::string& lang,
                        const std::string& format, const std::vector<std::string>& breaches) {
    checkArguments(lang, format);
    Document d;
    d.lang = lang;
    std::string company = companyName(workspace);
    // The report of a workspace without a company name, as an import of a CRM export gives,
    // leaves the company out rather than write "Company: -".
    std::string intro =
        company.empty() ? "" : phrase(lang, Phrase::CompanyIntro, {rules::literal(company)});
    if (cycle) {
        d.title = phrase(lang, Phrase::ReportTitle, {cycle->id});
        d.heading(1, d.title);
        warnUnverified(d, breaches, lang);
        d.paragraph(intro + phrase(lang, Phrase::ReportIntro,
                                   {cycle->id, namedCode("stage", toString(cycle->stage), lang)}));
        timelineSection(d, *cycle, lang);
        leaversSection(d, workspace, *cycle, lang);
    } else {
        d.title = phrase(lang, Phrase::ResultTitle);
        d.heading(1, d.title);
        warnUnverified(d, breaches, lang);
        d.paragraph(intro + phrase(lang, Phrase::ResultIntro));
    }
    const Policy& policy = cycle && cycle->policy ? *cycle->policy : result.policy;
    rulesSection(d, workspace, policy, lang, cycle ? cycle->dates.rulesPublished : "");
    resultSection(d, workspace, result, lang);
    assignmentsSection(d, workspace, cycle, result, lang);
    if (cycle) {
        appealsSection(d, workspace, *cycle, lang);
        d.heading(2, phrase(lang, Phrase::FinalHeading));
        if (cycle->stage >= CycleStage::Final) {
            d.paragraph(phrase(lang, Phrase::FinalMoves,
                               {std::to_string(cycle->moves.size()), cycle->dates.finalDate}));
            if (!cycle->leftUnassigned.empty()) {
                d.paragraph(phrase(lang, Phrase::FinalLeftUnassigned,
                                   {std::to_string(cycle->leftUnassigned.size()),
                                    leftUnassignedList(workspace, *cycle, lang)}));
            }
        } else {
            d.paragraph(phrase(lang, Phrase::NotFinal));
        }
        if (cycle->stage >= CycleStage::Handover) {
            handoverProgressSection(d, workspace, *cycle, lang);
        }
        if (cycle->stage >= CycleStage::FollowUp) followUpSection(d, workspace, *cycle, lang);
    }
    return render(d, format);
}

}  // namespace baton
