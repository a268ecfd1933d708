// The reassignment cycle's methods of Session; the rules of each step are in
// core/cycle_ops.cpp, the texts in io/cycle_report.cpp.
#include "app/session.h"

#include "io/cycle_json.h"
#include "io/cycle_report.h"
#include "io/outcomes_csv.h"
#include "io/rules_doc.h"

namespace baton {

namespace {

CycleResult noCycle() {
    return {false, "No cycle is open: start a cycle first."};
}

// The stages whose date records something done (owners changed, a handover or follow-up
// started, the cycle closed), so that date may not be after today. The earlier stages may be
// entered with a planned date.
bool recordsDoneStep(CycleStage stage) {
    return stage >= CycleStage::Final;
}

}  // namespace

Cycle* Session::openCycle() {
    int index = openCycleIndex(m_workspace);
    return index < 0 ? nullptr : &m_workspace.cycles[std::size_t(index)];
}

const Cycle* Session::cycle() const {
    int index = openCycleIndex(m_workspace);
    if (index >= 0) return &m_workspace.cycles[std::size_t(index)];
    return m_workspace.cycles.empty() ? nullptr : &m_workspace.cycles.back();
}

CycleRunner Session::cycleRunner() const {
    return [](const Workspace& input, const Policy& policy) {
        AllocateOptions options;
        options.inputSha256 = inputSha256(input, policy);
        Evaluation evaluation = evaluate(input, policy);
        return baton::allocate(input, policy, evaluation, options);
    };
}

nlohmann::json Session::cycleJson() const {
    const Cycle* c = cycle();
    if (!c) return nullptr;
    nlohmann::json out = cycleToJson(*c);
    out["open"] = c->stage != CycleStage::Closed;
    out["window_open"] = c->stage == CycleStage::Proposal;
    out["next_stage"] = c->stage == CycleStage::Closed
                            ? nlohmann::json(nullptr)
                            : nlohmann::json(toString(CycleStage(int(c->stage) + 1)));
    int overdue = 0;
    for (const Handover& h : c->handovers) {
        for (const HandoverTask& t : h.tasks) overdue += isOverdue(t, m_today) ? 1 : 0;
    }
    out["overdue_tasks"] = overdue;
    out["today"] = m_today.empty() ? nlohmann::json(nullptr) : nlohmann::json(m_today);
    return out;
}

// Reports a step's result: a change is recorded (and the revision bumped), a rejection
// is logged as a warning.
void Session::finishStep(const CycleResult& result, const std::string& kind,
                         nlohmann::json detail) {
    if (!result.ok) {
        m_log.warning(result.message);
        return;
    }
    touch();
    m_log.info(result.message);
    detail["message"] = result.message;
    recordChange(kind, std::move(detail));
}

CycleResult Session::startCycle(const CycleStart& requested) {
    CycleStart start = requested;
    if (start.date.empty()) start.date = m_today;
    CycleResult result = baton::startCycle(m_workspace, start);
    nlohmann::json leavers = nlohmann::json::array();
    const std::vector<CycleLeaver>& listed =
        result.ok ? m_workspace.cycles.back().leavers : start.leavers;
    for (const CycleLeaver& l : listed) leavers.push_back(l.employee);
    finishStep(result, "cycle.start",
               (nlohmann::json{{"cycle", result.ok ? m_workspace.cycles.back().id : ""},
                               {"leavers", leavers},
                               {"keep", start.keep}}));
    return result;
}

CycleResult Session::addCycleLeaver(const CycleLeaver& leaver) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    CycleResult result = addLeaver(m_workspace, *c, leaver);
    finishStep(result, "cycle.leaver",
               (nlohmann::json{{"cycle", c->id},
                               {"employee", leaver.employee},
                               {"status", leaver.status},
                               {"last_day", leaver.lastDay}}));
    return result;
}

CycleResult Session::keepWithFirm(const std::string& client, bool keep) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    CycleResult result = setKept(m_workspace, *c, client, keep);
    finishStep(result, "cycle.keep",
               (nlohmann::json{{"cycle", c->id}, {"client", client}, {"keep", keep}}));
    return result;
}

CycleResult Session::setCycleSettings(const CycleSettings& settings) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    CycleResult result = setSettings(*c, settings);
    finishStep(result, "cycle.settings",
               (nlohmann::json{{"cycle", c->id}, {"settings", cycleSettingsToJson(settings)}}));
    return result;
}

CycleResult Session::advanceCycle(const std::string& stage, const std::string& date) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    std::optional<CycleStage> target = parseCycleStage(stage);
    if (!target) {
        CycleResult result{false, "unknown stage \"" + stage +
                                      "\"; use rules_published, "
                                      "proposal, objections_closed, final, handover, follow_up "
                                      "or closed"};
        m_log.warning(result.message);
        return result;
    }
    std::string when = date.empty() ? m_today : date;
    // A skipped or past stage gets the core's message about the order of stages instead.
    if (recordsDoneStep(*target) && int(*target) == int(c->stage) + 1) {
        CycleResult early = checkDoneDate(stage + " date", when, m_today);
        if (!early.ok) {
            m_log.warning(early.message);
            return early;
        }
    }
    std::string id = c->id;
    // Final makes the proposal the owners of record, so verify needs the workspace before it.
    std::optional<Workspace> before;
    if (*target == CycleStage::Final) before = m_workspace;
    CycleResult result = baton::advanceCycle(m_workspace, *c, *target, when, cycleRunner());
    bool applied = result.ok && *target == CycleStage::Final;
    if (applied) m_lastResultApplied = true;
    finishStep(result, "cycle.advance",
               (nlohmann::json{{"cycle", id}, {"stage", stage}, {"date", when}}));
    if (applied) rememberBeforeApply(std::move(*before));
    return result;
}

CycleResult Session::fileAppeal(Appeal appeal, std::string& appealId) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    if (appeal.filed.empty()) appeal.filed = m_today;
    CycleResult result = checkDoneDate("filing date", appeal.filed, m_today);
    if (result.ok) result = baton::fileAppeal(m_workspace, *c, appeal);
    if (result.ok) appealId = appeal.id;
    finishStep(result, "appeal.file",
               (nlohmann::json{{"cycle", c->id},
                               {"appeal", appeal.id},
                               {"employee", appeal.employee},
                               {"clients", appeal.clients},
                               {"kind", toString(appeal.kind)},
                               {"reason", appeal.reason},
                               {"filed", appeal.filed}}));
    return result;
}

CycleResult Session::decideAppeal(const std::string& appealId, const std::string& decision,
                                  const std::string& reason, const std::string& date) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    if (decision != "accept" && decision != "reject") {
        CycleResult result{false, "invalid decision \"" + decision + "\": use accept or reject"};
        m_log.warning(result.message);
        return result;
    }
    std::string when = date.empty() ? m_today : date;
    CycleResult result = checkDoneDate("decision date", when, m_today);
    if (result.ok)
        result = baton::decideAppeal(m_workspace, *c, appealId, decision == "accept", reason, when);
    finishStep(result, "appeal.decide",
               (nlohmann::json{{"cycle", c->id},
                               {"appeal", appealId},
                               {"decision", decision},
                               {"reason", reason},
                               {"date", when}}));
    return result;
}

CycleResult Session::rerunCycle() {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    CycleResult result = baton::rerunCycle(m_workspace, *c, cycleRunner());
    finishStep(result, "cycle.rerun", (nlohmann::json{{"cycle", c->id}}));
    return result;
}

CycleDiff Session::cycleDiff() const {
    const Cycle* c = cycle();
    return c ? diffCycle(*c) : CycleDiff{};
}

CycleResult Session::setHandoverTask(const std::string& client, const std::string& task,
                                     bool isDone, const std::string& date) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    std::string when = date.empty() ? m_today : date;
    CycleResult result = checkDoneDate("done date", isDone ? when : "", m_today);
    if (result.ok) result = setTaskDone(*c, client, task, isDone, when);
    finishStep(result, "handover.task",
               (nlohmann::json{{"cycle", c->id},
                               {"client", client},
                               {"task", task},
                               {"status", isDone ? "done" : "open"},
                               {"date", when}}));
    return result;
}

CycleResult Session::setClientOutcome(ClientOutcome outcome) {
    Cycle* c = openCycle();
    if (!c) return noCycle();
    if (outcome.date.empty()) outcome.date = m_today;
    CycleResult result = checkDoneDate("outcome date", outcome.date, m_today);
    if (result.ok) result = setOutcome(*c, outcome);
    finishStep(result, "followup.outcome",
               (nlohmann::json{{"cycle", c->id},
                               {"client", outcome.client},
                               {"outcome", toString(outcome.outcome)},
                               {"date", outcome.date}}));
    return result;
}

ImportOutcome Session::importOutcomesCsv(std::string_view text) {
    ImportOutcome outcome;
    Cycle* c = openCycle();
    if (!c) {
        outcome.errors.push_back({"", std::nullopt, std::nullopt, noCycle().message});
        return outcome;
    }
    OutcomesReadResult read = readOutcomesCsv(text, m_today);
    Cycle changed = *c;
    for (std::size_t i = 0; i < read.outcomes.size() && read.errors.empty(); ++i) {
        CycleResult r = setOutcome(changed, read.outcomes[i]);
        if (!r.ok) {
            read.errors.push_back(
                outcomeRowError(read, read.outcomes[i], changed.dates.finalDate, r.message));
        }
    }
    if (!read.errors.empty()) {
        outcome.errors = std::move(read.errors);
        m_log.warning("Outcomes import rejected: " + std::to_string(outcome.errors.size()) +
                      " error(s); first: " + outcome.errors.front().message);
        return outcome;
    }
    for (ClientOutcome& o : changed.outcomes) o.extra.erase("line");
    *c = std::move(changed);
    touch();
    m_log.info("Imported " + std::to_string(read.outcomes.size()) + " follow-up outcome(s).");
    recordChange("followup.import",
                 {{"cycle", c->id},
                  {"rows", read.outcomes.size()},
                  {"message",
                   "Imported " + std::to_string(read.outcomes.size()) + " follow-up outcome(s)."}});
    outcome.ok = true;
    return outcome;
}

FollowUpDashboard Session::followUpDashboard() const {
    const Cycle* c = cycle();
    return c ? baton::followUpDashboard(m_workspace, *c) : FollowUpDashboard{};
}

std::optional<PolicyReview> Session::policyReview(const Policy& other, std::string& error) {
    const Cycle* c = cycle();
    if (!c) {
        error = "There is no cycle to review.";
        return std::nullopt;
    }
    std::optional<PolicyReview> review = reviewPolicy(m_workspace, *c, other, cycleRunner(), error);
    if (review) {
        m_log.info("Policy review of " + c->id + ": " + std::to_string(review->changes.size()) +
                   " client(s) placed differently under policy version " +
                   std::to_string(other.version) + ".");
    } else {
        m_log.warning(error);
    }
    return review;
}

std::string Session::cycleReportText(const std::string& lang, const std::string& format) const {
    const Cycle* c = cycle();
    if (!c || !c->currentResult()) return "";
    return cycleReport(m_workspace, c, *c->currentResult(), lang, format);
}

std::map<std::string, std::string> Session::cycleStatements(const std::string& lang,
                                                            const std::string& format) const {
    const Cycle* c = cycle();
    if (!c || !c->currentResult()) return {};
    return baton::cycleStatements(m_workspace, c, *c->currentResult(), lang, format);
}

std::string Session::appealNoticeText(const std::string& appealId, const std::string& lang) const {
    const Cycle* c = cycle();
    const Appeal* a = c ? c->findAppeal(appealId) : nullptr;
    if (!a || a->status == AppealStatus::Open) return "";
    return appealNotice(m_workspace, *c, *a, lang);
}

std::string Session::introductionLetterText(const std::string& client,
                                            const std::string& lang) const {
    const Cycle* c = cycle();
    if (!c) return "";
    for (const Handover& h : c->handovers) {
        if (h.client == client) return introductionLetter(m_workspace, *c, h, lang);
    }
    return "";
}

ApplyOutcome Session::applyCycleFinal() {
    ApplyOutcome outcome;
    Cycle* c = openCycle();
    if (c->stage == CycleStage::Proposal) {
        outcome.message = "The objection window of " + c->id + " is open until " +
                          c->dates.objectionEnd +
                          ": advance the cycle to objections_closed "
                          "after that date, then apply.";
    } else if (c->stage < CycleStage::Proposal) {
        outcome.message = "Cycle " + c->id + " is at " + toString(c->stage) +
                          ": publish the rules and make the proposal before the final.";
    } else if (c->stage > CycleStage::ObjectionsClosed) {
        outcome.message = "Cycle " + c->id + " is already final: its owners are set.";
    }
    if (!outcome.message.empty()) {
        m_log.warning(outcome.message);
        return outcome;
    }
    CycleResult result = advanceCycle("final", "");
    outcome.ok = result.ok;
    outcome.message = result.message;
    if (result.ok) outcome.moved = int(cycle()->moves.size());
    return outcome;
}

}  // namespace baton
