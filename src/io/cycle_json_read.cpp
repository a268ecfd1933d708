// Reads the workspace's "cycles" array; see io/cycle_json.h.
#include "core/dates.h"
#include "io/allocation_read.h"
#include "io/cycle_json.h"
#include "io/json_fields.h"

namespace baton {

using json_fields::ErrorSink;
using json_fields::FieldReader;
using json_fields::pointerJoin;
using nlohmann::json;

namespace {

// Calls `read` for each object of the array member `key`; a non-object item is an error.
template <typename Read>
void eachObject(FieldReader& r, const char* key, Read&& read) {
    const json* list = r.find(key);
    if (!list || list->is_null()) return;
    if (!list->is_array()) {
        r.error(key, "must be an array, found " + json_fields::describeType(*list));
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string at = pointerJoin(r.pathOf(key), i);
        if (!(*list)[i].is_object()) {
            r.sink().add(at, "must be an object, found " + json_fields::describeType((*list)[i]));
            continue;
        }
        FieldReader item(r.sink(), (*list)[i], at);
        read(item);
    }
}

void readDates(FieldReader& r, CycleDates& d) {
    const json* object = r.object("dates");
    if (!object) return;
    FieldReader dates(r.sink(), *object, r.pathOf("dates"));
    d.departure = dates.date("departure").value_or("");
    d.rulesPublished = dates.date("rules_published").value_or("");
    d.proposal = dates.date("proposal").value_or("");
    d.objectionEnd = dates.date("objection_end").value_or("");
    d.objectionsClosed = dates.date("objections_closed").value_or("");
    d.finalDate = dates.date("final").value_or("");
    d.handoverDue = dates.date("handover_due").value_or("");
    d.handover = dates.date("handover").value_or("");
    d.followUps = dates.textList("follow_ups");
    d.followUp = dates.date("follow_up").value_or("");
    d.closed = dates.date("closed").value_or("");
}

void readOverrides(FieldReader& r, const char* key, std::vector<PairOverride>& out) {
    eachObject(r, key, [&](FieldReader& item) {
        PairOverride o;
        o.client = item.id("client", true).value_or("");
        o.employee = item.id("employee", true).value_or("");
        o.reason = item.text("reason").value_or("");
        o.extra = item.extras({"client", "employee", "reason"});
        out.push_back(std::move(o));
    });
}

void readAppeal(FieldReader& item, Cycle& c) {
    Appeal a;
    a.id = item.id("id", true).value_or("");
    a.employee = item.id("employee", true).value_or("");
    a.clients = item.textList("clients");
    if (auto kind = item.choice("kind", {"pin", "forbid"}, true)) a.kind = *parseAppealKind(*kind);
    a.reason = item.text("reason").value_or("");
    a.filed = item.date("filed").value_or("");
    if (auto status = item.choice("status", {"open", "accepted", "rejected"}, true)) {
        a.status = *parseAppealStatus(*status);
    }
    a.decisionReason = item.text("decision_reason").value_or("");
    a.decided = item.date("decided").value_or("");
    a.extra = item.extras({"id", "employee", "clients", "kind", "reason", "filed", "status",
                           "decision_reason", "decided"});
    c.appeals.push_back(std::move(a));
}

void readHandover(FieldReader& item, Cycle& c) {
    Handover h;
    h.client = item.id("client", true).value_or("");
    h.from = item.id("from");
    h.to = item.id("to", true).value_or("");
    eachObject(item, "tasks", [&](FieldReader& t) {
        HandoverTask task;
        task.task = t.text("task", true).value_or("");
        task.title = t.text("title").value_or("");
        task.due = t.date("due", true).value_or("");
        task.done = t.choice("status", {"open", "done"}, true).value_or("open") == "done";
        task.doneOn = t.date("done_on").value_or("");
        h.tasks.push_back(std::move(task));
    });
    h.extra = item.extras({"client", "from", "to", "tasks"});
    c.handovers.push_back(std::move(h));
}

void readOutcome(FieldReader& item, Cycle& c) {
    ClientOutcome o;
    o.client = item.id("client", true).value_or("");
    if (auto kind = item.choice("outcome", {"retained", "lost"}, true)) {
        o.outcome = *parseOutcomeKind(*kind);
    }
    o.satisfaction = item.numberIn("satisfaction", 1.0, 5.0);
    o.revenueSince = item.numberAtLeast("revenue_since", 0.0);
    o.date = item.date("date").value_or("");
    o.extra = item.extras({"client", "outcome", "satisfaction", "revenue_since", "date"});
    c.outcomes.push_back(std::move(o));
}

void readResults(FieldReader& r, Cycle& c, std::vector<JsonError>& errors) {
    const char* keys[] = {"policy", "proposal", "rerun"};
    for (const char* key : keys) {
        const json* value = r.find(key);
        if (!value || value->is_null()) continue;
        if (std::string(key) == "policy") {
            PolicyReadResult policy = policyFromJson(*value, r.pathOf(key));
            for (JsonError& e : policy.errors) r.sink().add(e.path, e.message);
            c.policy = std::move(policy.policy);
            continue;
        }
        std::vector<JsonError> found;
        auto result = allocationFromJson(*value, r.pathOf(key), found);
        for (JsonError& e : found) r.sink().add(e.path, e.message);
        (std::string(key) == "proposal" ? c.proposal : c.rerun) = std::move(result);
    }
    (void)errors;
}

Cycle readCycle(FieldReader& r, std::vector<JsonError>& errors) {
    Cycle c;
    c.id = r.id("id", true).value_or("");
    std::string stage = r.text("stage", true).value_or("departure");
    if (auto parsed = parseCycleStage(stage)) {
        c.stage = *parsed;
    } else {
        r.error("stage", "unknown stage \"" + stage +
                             "\"; use departure, rules_published, "
                             "proposal, objections_closed, final, handover, follow_up or closed");
    }
    readDates(r, c.dates);
    if (const json* settings = r.object("settings")) {
        c.settings =
            cycleSettingsFromJson(*settings, CycleSettings{}, r.pathOf("settings"), errors);
    }
    eachObject(r, "leavers", [&](FieldReader& item) {
        CycleLeaver l;
        l.employee = item.id("employee", true).value_or("");
        l.status = item.choice("status", {"leaving", "departed"}).value_or("departed");
        l.lastDay = item.date("last_day").value_or("");
        l.extra = item.extras({"employee", "status", "last_day"});
        c.leavers.push_back(std::move(l));
    });
    c.keep = r.textList("keep");
    readResults(r, c, errors);
    if (const json* overrides = r.object("overrides")) {
        FieldReader o(r.sink(), *overrides, r.pathOf("overrides"));
        readOverrides(o, "pins", c.pins);
        readOverrides(o, "forbids", c.forbids);
    }
    c.finalSource = r.choice("final_source", {"proposal", "rerun"}).value_or("");
    eachObject(r, "appeals", [&](FieldReader& item) { readAppeal(item, c); });
    eachObject(r, "moves", [&](FieldReader& item) {
        c.moves.push_back({item.id("client", true).value_or(""), item.id("from"),
                           item.id("to", true).value_or("")});
    });
    c.leftUnassigned = r.textList("left_unassigned");
    eachObject(r, "deal_moves", [&](FieldReader& item) {
        c.dealMoves.push_back(
            {item.text("deal", true).value_or(""), item.id("client", true).value_or(""),
             item.id("from", true).value_or(""), item.id("to", true).value_or("")});
    });
    eachObject(r, "handovers", [&](FieldReader& item) { readHandover(item, c); });
    eachObject(r, "outcomes", [&](FieldReader& item) { readOutcome(item, c); });
    c.extra = r.extras({"id", "stage", "dates", "settings", "leavers", "keep", "policy",
                        "overrides", "proposal", "rerun", "final_source", "appeals", "moves",
                        "left_unassigned", "deal_moves", "handovers", "outcomes"});
    return c;
}

}  // namespace

CycleSettings cycleSettingsFromJson(const json& value, const CycleSettings& base,
                                    const std::string& pointer, std::vector<JsonError>& errors) {
    CycleSettings s = base;
    ErrorSink sink(errors);
    if (!value.is_object()) {
        sink.add(pointer, "settings must be an object, found " + json_fields::describeType(value));
        return s;
    }
    FieldReader r(sink, value, pointer);
    if (auto days = r.integer("objection_days", 0)) s.objectionDays = int(*days);
    if (auto days = r.integer("handover_days", 0)) s.handoverDays = int(*days);
    if (const json* list = r.find("follow_up_days"); list && !list->is_null()) {
        s.followUpDays.clear();
        bool valid = list->is_array();
        for (const json& d : valid ? *list : json::array()) {
            if (!d.is_number_integer() || d.get<long long>() < 1 || d.get<long long>() > 3650) {
                valid = false;
                break;
            }
            s.followUpDays.push_back(d.get<int>());
        }
        if (!valid) r.error("follow_up_days", "must be an array of whole days from 1 to 3650");
    }
    if (r.has("handover_template")) {
        s.handoverTemplate.clear();
        eachObject(r, "handover_template", [&](FieldReader& item) {
            HandoverTemplateStep step;
            step.task = item.text("task", true).value_or("");
            step.dueDays = int(item.integer("due_days", 0, true).value_or(0));
            step.title = item.text("title").value_or("");
            s.handoverTemplate.push_back(std::move(step));
        });
    }
    s.extra = r.extras({"objection_days", "handover_days", "follow_up_days", "handover_template"});
    return s;
}

std::vector<Cycle> cyclesFromJson(const json& value, const std::string& pointer,
                                  std::vector<JsonError>& errors) {
    std::vector<Cycle> out;
    ErrorSink sink(errors);
    if (!value.is_array()) {
        sink.add(pointer, "must be an array, found " + json_fields::describeType(value));
        return out;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        std::string at = pointerJoin(pointer, i);
        if (!value[i].is_object()) {
            sink.add(at, "a cycle must be an object, found " + json_fields::describeType(value[i]));
            continue;
        }
        FieldReader r(sink, value[i], at);
        out.push_back(readCycle(r, errors));
    }
    return out;
}

}  // namespace baton
