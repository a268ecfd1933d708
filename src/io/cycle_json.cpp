#include "io/cycle_json.h"

#include "io/allocation_json.h"
#include "io/allocation_read.h"
#include "io/json_fields.h"

namespace baton {

using json_fields::ErrorSink;
using json_fields::FieldReader;
using json_fields::numberJson;
using json_fields::pointerJoin;
using nlohmann::json;

namespace {

json textOrNull(const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
}

json optionalText(const std::optional<std::string>& text) {
    return text ? json(*text) : json(nullptr);
}

json overridesToJson(const std::vector<PairOverride>& list) {
    json out = json::array();
    for (const PairOverride& o : list) {
        json item = o.extra;
        item["client"] = o.client;
        item["employee"] = o.employee;
        item["reason"] = o.reason;
        out.push_back(item);
    }
    return out;
}

json datesToJson(const CycleDates& d) {
    return {{"departure", textOrNull(d.departure)},
            {"rules_published", textOrNull(d.rulesPublished)},
            {"proposal", textOrNull(d.proposal)},
            {"objection_end", textOrNull(d.objectionEnd)},
            {"objections_closed", textOrNull(d.objectionsClosed)},
            {"final", textOrNull(d.finalDate)},
            {"handover_due", textOrNull(d.handoverDue)},
            {"handover", textOrNull(d.handover)},
            {"follow_ups", d.followUps},
            {"follow_up", textOrNull(d.followUp)},
            {"closed", textOrNull(d.closed)}};
}

json appealToJson(const Appeal& a) {
    json out = a.extra;
    out["id"] = a.id;
    out["employee"] = a.employee;
    out["clients"] = a.clients;
    out["kind"] = toString(a.kind);
    out["reason"] = a.reason;
    out["filed"] = a.filed;
    out["status"] = toString(a.status);
    out["decision_reason"] = textOrNull(a.decisionReason);
    out["decided"] = textOrNull(a.decided);
    return out;
}

json handoverToJson(const Handover& h) {
    json out = h.extra;
    out["client"] = h.client;
    out["from"] = optionalText(h.from);
    out["to"] = h.to;
    out["tasks"] = json::array();
    for (const HandoverTask& t : h.tasks) {
        json task = {{"task", t.task},
                     {"due", t.due},
                     {"status", t.done ? "done" : "open"},
                     {"done_on", textOrNull(t.doneOn)}};
        if (!t.title.empty()) task["title"] = t.title;
        out["tasks"].push_back(task);
    }
    return out;
}

json outcomeToJson(const ClientOutcome& o) {
    json out = o.extra;
    out["client"] = o.client;
    out["outcome"] = toString(o.outcome);
    out["satisfaction"] = o.satisfaction ? numberJson(*o.satisfaction) : json(nullptr);
    out["revenue_since"] = o.revenueSince ? numberJson(*o.revenueSince) : json(nullptr);
    out["date"] = textOrNull(o.date);
    return out;
}

}  // namespace

json cycleSettingsToJson(const CycleSettings& s) {
    json out = s.extra;
    out["objection_days"] = s.objectionDays;
    out["handover_days"] = s.handoverDays;
    out["follow_up_days"] = s.followUpDays;
    out["handover_template"] = json::array();
    for (const HandoverTemplateStep& step : s.handoverTemplate) {
        json item = {{"task", step.task}, {"due_days", step.dueDays}};
        if (!step.title.empty()) item["title"] = step.title;
        out["handover_template"].push_back(item);
    }
    return out;
}

json cycleToJson(const Cycle& c) {
    json out = c.extra;
    out["id"] = c.id;
    out["stage"] = toString(c.stage);
    out["dates"] = datesToJson(c.dates);
    out["settings"] = cycleSettingsToJson(c.settings);
    out["leavers"] = json::array();
    for (const CycleLeaver& l : c.leavers) {
        json item = l.extra;
        item["employee"] = l.employee;
        item["status"] = l.status;
        item["last_day"] = textOrNull(l.lastDay);
        out["leavers"].push_back(item);
    }
    out["keep"] = c.keep;
    out["policy"] = c.policy ? policyToJson(*c.policy) : json(nullptr);
    out["overrides"] = {{"pins", overridesToJson(c.pins)}, {"forbids", overridesToJson(c.forbids)}};
    out["proposal"] = c.proposal ? allocationToJson(*c.proposal) : json(nullptr);
    out["rerun"] = c.rerun ? allocationToJson(*c.rerun) : json(nullptr);
    out["final_source"] = textOrNull(c.finalSource);
    out["appeals"] = json::array();
    for (const Appeal& a : c.appeals) out["appeals"].push_back(appealToJson(a));
    out["moves"] = json::array();
    for (const ClientMove& m : c.moves) {
        out["moves"].push_back(
            {{"client", m.client}, {"from", optionalText(m.from)}, {"to", m.to}});
    }
    // Written only when there are such clients, so that older cycles round-trip unchanged.
    if (!c.leftUnassigned.empty()) out["left_unassigned"] = c.leftUnassigned;
    // Written only when there is one, because most finals move every deal with its client.
    for (const DealMove& m : c.dealMoves) {
        out["deal_moves"].push_back(
            {{"deal", m.deal}, {"client", m.client}, {"from", m.from}, {"to", m.to}});
    }
    out["handovers"] = json::array();
    for (const Handover& h : c.handovers) out["handovers"].push_back(handoverToJson(h));
    out["outcomes"] = json::array();
    for (const ClientOutcome& o : c.outcomes) out["outcomes"].push_back(outcomeToJson(o));
    return out;
}

json cyclesToJson(const std::vector<Cycle>& cycles) {
    json out = json::array();
    for (const Cycle& c : cycles) out.push_back(cycleToJson(c));
    return out;
}

}  // namespace baton
