// The page API calls of the reassignment cycle (window.baton.cycle, advanceCycle,
// fileAppeal, decideAppeal, ...; web/api.js documents each). Arguments are UTF-8 text,
// objects as JSON text; each call returns JSON text valid until the next call here.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "io/cycle_json.h"
#include "io/cycle_views.h"
#include "io/request_fields.h"
#include "io/rules_doc.h"
#include "io/workspace_json.h"
#include "platform/api_text.h"
#include "platform/json_reply.h"
#include "platform/services.h"
#include "platform/web_state.h"

namespace {

using nlohmann::json;

std::string g_cycleReply;

template <typename Body>
const char* cycleReply(const char* call, Body&& body) {
    return baton::platform::jsonReply(g_cycleReply, call, std::forward<Body>(body));
}

std::string text(const char* value) {
    return value ? value : "";
}

// Parses an argument that must be a JSON object; throws with the argument's name.
json objectArgument(const char* value, const char* name) {
    json parsed = json::parse(text(value), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        throw std::invalid_argument(std::string(name) + " must be an object");
    }
    return parsed;
}

json outcome(const baton::CycleResult& result) {
    return {{"ok", result.ok}, {"message", result.message}};
}

baton::CycleLeaver leaverFrom(const json& item) {
    if (!item.is_object()) throw std::invalid_argument("each leaver must be an object");
    baton::CycleLeaver leaver;
    leaver.employee = baton::request::text(item, "employee");
    leaver.lastDay = baton::request::text(item, "last_day");
    std::string status = baton::request::text(item, "status");
    // Without a status, a leaver with a last day is leaving and one without has departed.
    leaver.status = status;
    if (status.empty()) leaver.status = leaver.lastDay.empty() ? "departed" : "leaving";
    return leaver;
}

std::string langOf(const std::string& tag) {
    std::optional<std::string> lang = baton::canonicalRulesLanguage(tag.empty() ? "en" : tag);
    if (!lang) throw std::invalid_argument("unknown language \"" + tag + "\"; use en or zh-CN");
    return *lang;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* baton_api_cycle() {
    return cycleReply("cycle", [](baton::Session& s) { return s.cycleJson(); });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_today(const char* date) {
    return cycleReply("setToday", [&](baton::Session& s) {
        s.setToday(text(date));
        return json{{"ok", true}, {"today", s.today()}};
    });
}

// options: {date?, id?, leavers: [{employee, status?, last_day?}], keep?: [client ids],
// settings?: {...}}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_start_cycle(const char* options) {
    return cycleReply("startCycle", [&](baton::Session& s) {
        json o = objectArgument(options, "startCycle options");
        baton::CycleStart start;
        start.date = baton::request::text(o, "date");
        start.id = baton::request::text(o, "id");
        for (const json& item : baton::request::objectList(o, "leavers"))
            start.leavers.push_back(leaverFrom(item));
        start.keep = baton::request::textList(o, "keep");
        if (o.contains("settings")) {
            std::vector<baton::JsonError> errors;
            start.settings = baton::cycleSettingsFromJson(o["settings"], baton::CycleSettings{},
                                                          "/settings", errors);
            if (!errors.empty())
                return json{{"ok", false}, {"message", errors[0].path + ": " + errors[0].message}};
        }
        return outcome(s.startCycle(start));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_add_leaver(const char* leaver) {
    return cycleReply("addLeaver", [&](baton::Session& s) {
        return outcome(s.addCycleLeaver(leaverFrom(objectArgument(leaver, "leaver"))));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_keep_with_firm(const char* client, const char* keep) {
    return cycleReply("keepWithFirm", [&](baton::Session& s) {
        return outcome(s.keepWithFirm(text(client), text(keep) != "false"));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_cycle_settings(const char* settings) {
    return cycleReply("setCycleSettings", [&](baton::Session& s) {
        const baton::Cycle* c = s.cycle();
        std::vector<baton::JsonError> errors;
        baton::CycleSettings parsed = baton::cycleSettingsFromJson(
            objectArgument(settings, "settings"), c ? c->settings : baton::CycleSettings{},
            "/settings", errors);
        if (!errors.empty())
            return json{{"ok", false}, {"message", errors[0].path + ": " + errors[0].message}};
        return outcome(s.setCycleSettings(parsed));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_advance_cycle(const char* stage, const char* date) {
    return cycleReply("advanceCycle", [&](baton::Session& s) {
        json reply = outcome(s.advanceCycle(text(stage), text(date)));
        reply["stage"] = s.cycle() ? json(baton::toString(s.cycle()->stage)) : json(nullptr);
        return reply;
    });
}

// appeal: {employee, clients: [...], kind: "pin"|"forbid" (or asks: "receive"|"not_receive"),
// reason, date?}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_file_appeal(const char* appealText) {
    return cycleReply("fileAppeal", [&](baton::Session& s) {
        json o = objectArgument(appealText, "appeal");
        baton::Appeal appeal;
        appeal.employee = baton::request::text(o, "employee");
        appeal.clients = baton::request::textList(o, "clients");
        std::string kind = baton::request::text(o, "kind");
        if (kind.empty()) kind = baton::request::text(o, "asks");
        std::optional<baton::AppealKind> parsed =
            baton::parseAppealKind(kind.empty() ? "pin" : kind);
        if (!parsed) {
            return json{{"ok", false},
                        {"id", nullptr},
                        {"message", "invalid kind \"" + kind +
                                        "\": use pin (receive) or forbid (not_receive)"}};
        }
        appeal.kind = *parsed;
        appeal.reason = baton::request::text(o, "reason");
        appeal.filed = baton::request::text(o, "date");
        std::string id;
        baton::CycleResult result = s.fileAppeal(appeal, id);
        json reply = outcome(result);
        reply["id"] = result.ok ? json(id) : json(nullptr);
        return reply;
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_decide_appeal(const char* id, const char* decision,
                                                         const char* reason, const char* date) {
    return cycleReply("decideAppeal", [&](baton::Session& s) {
        return outcome(s.decideAppeal(text(id), text(decision), text(reason), text(date)));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_rerun_cycle() {
    return cycleReply("rerunCycle", [&](baton::Session& s) {
        json reply = outcome(s.rerunCycle());
        reply["diff"] = baton::cycleDiffJson(s.cycleDiff());
        return reply;
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_cycle_diff() {
    return cycleReply("cycleDiff",
                      [&](baton::Session& s) { return baton::cycleDiffJson(s.cycleDiff()); });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_statements(const char* lang, const char* format) {
    return cycleReply("statements", [&](baton::Session& s) {
        std::string f = text(format).empty() ? "md" : text(format);
        return json(s.cycleStatements(langOf(text(lang)), f));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_cycle_report(const char* lang, const char* format) {
    return cycleReply("cycleReport", [&](baton::Session& s) {
        std::string f = text(format).empty() ? "md" : text(format);
        std::string report = s.cycleReportText(langOf(text(lang)), f);
        if (report.empty())
            return json{{"ok", false}, {"error", "there is no cycle with a proposal to report"}};
        return json{{"ok", true}, {"text", report}};
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_appeal_notice(const char* id, const char* lang) {
    return cycleReply("appealNotice", [&](baton::Session& s) {
        std::string notice = s.appealNoticeText(text(id), langOf(text(lang)));
        if (notice.empty())
            return json{{"ok", false},
                        {"error", "appeal \"" + text(id) + "\" is unknown or not decided"}};
        return json{{"ok", true}, {"text", notice}};
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_handover_tasks(const char* today) {
    return cycleReply("handoverTasks", [&](baton::Session& s) {
        const baton::Cycle* c = s.cycle();
        std::string day = text(today).empty() ? s.today() : text(today);
        return c ? baton::handoverTasksJson(*c, day) : json::array();
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_set_handover_task(const char* client, const char* task,
                                                             const char* status, const char* date) {
    return cycleReply("setHandoverTask", [&](baton::Session& s) {
        std::string value = text(status);
        if (value != "done" && value != "open") {
            return json{{"ok", false},
                        {"message", "invalid status \"" + value + "\": use done or open"}};
        }
        return outcome(s.setHandoverTask(text(client), text(task), value == "done", text(date)));
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_introduction_letter(const char* client,
                                                               const char* lang) {
    return cycleReply("introductionLetter", [&](baton::Session& s) {
        std::string letter = s.introductionLetterText(text(client), langOf(text(lang)));
        if (letter.empty())
            return json{{"ok", false},
                        {"error", "client \"" + text(client) + "\" was not moved in the cycle"}};
        std::size_t split = letter.find("\n\n");
        return json{
            {"ok", true}, {"subject", letter.substr(0, split)}, {"body", letter.substr(split + 2)}};
    });
}

// outcome: {client, outcome: "retained"|"lost", satisfaction?, revenue_since?, date?}.
EMSCRIPTEN_KEEPALIVE const char* baton_api_set_outcome(const char* outcomeText) {
    return cycleReply("setOutcome", [&](baton::Session& s) {
        json o = objectArgument(outcomeText, "outcome");
        baton::ClientOutcome value;
        value.client = baton::request::text(o, "client");
        std::string kind = baton::request::text(o, "outcome");
        std::optional<baton::OutcomeKind> parsed = baton::parseOutcomeKind(kind);
        if (!parsed)
            return json{{"ok", false},
                        {"message", "invalid outcome \"" + kind + "\": use retained or lost"}};
        value.outcome = *parsed;
        value.satisfaction = baton::request::number(o, "satisfaction");
        value.revenueSince = baton::request::number(o, "revenue_since");
        value.date = baton::request::text(o, "date");
        return outcome(s.setClientOutcome(value));
    });
}

// Imports follow-up outcomes given as `size` bytes of UTF-8 CSV.
EMSCRIPTEN_KEEPALIVE const char* baton_api_import_outcomes(const unsigned char* bytes, int size) {
    return cycleReply("importOutcomes", [&](baton::Session& s) {
        baton::ImportOutcome result = s.importOutcomesCsv(baton::platform::bytesText(bytes, size));
        json errors = json::array();
        for (const baton::JsonError& e : result.errors) {
            errors.push_back({{"path", e.path},
                              {"line", e.line ? json(*e.line) : json(nullptr)},
                              {"column", e.column ? json(*e.column) : json(nullptr)},
                              {"message", e.message}});
        }
        return json{{"ok", result.ok}, {"errors", errors}};
    });
}

EMSCRIPTEN_KEEPALIVE const char* baton_api_follow_up() {
    return cycleReply(
        "dashboard", [&](baton::Session& s) { return baton::followUpJson(s.followUpDashboard()); });
}

// policy: a bare policy object or a whole workspace whose policy is used.
EMSCRIPTEN_KEEPALIVE const char* baton_api_policy_review(const unsigned char* bytes, int size) {
    return cycleReply("policyReview", [&](baton::Session& s) {
        baton::PolicyReadResult read =
            baton::readPolicyFile(baton::platform::bytesText(bytes, size));
        if (!read.policy) {
            std::string first = read.errors.empty()
                                    ? "invalid policy"
                                    : read.errors[0].path + ": " + read.errors[0].message;
            return json{{"ok", false}, {"error", first}};
        }
        std::string error;
        std::optional<baton::PolicyReview> review = s.policyReview(*read.policy, error);
        if (!review) return json{{"ok", false}, {"error", error}};
        json reply = baton::policyReviewJson(*review);
        reply["ok"] = true;
        json warnings = json::array();
        for (const baton::JsonError& w : read.warnings) {
            warnings.push_back(w.path + ": " + w.message);
        }
        reply["warnings"] = std::move(warnings);
        return reply;
    });
}

}  // extern "C"
