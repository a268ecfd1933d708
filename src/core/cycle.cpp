#include "core/cycle.h"

namespace baton {

namespace {

struct StageName {
    CycleStage stage;
    const char* name;
};

constexpr StageName kStages[] = {
    {CycleStage::Departure, "departure"},
    {CycleStage::RulesPublished, "rules_published"},
    {CycleStage::Proposal, "proposal"},
    {CycleStage::ObjectionsClosed, "objections_closed"},
    {CycleStage::Final, "final"},
    {CycleStage::Handover, "handover"},
    {CycleStage::FollowUp, "follow_up"},
    {CycleStage::Closed, "closed"},
};

}  // namespace

const char* toString(CycleStage stage) {
    for (const StageName& s : kStages) {
        if (s.stage == stage) return s.name;
    }
    return "departure";
}

std::optional<CycleStage> parseCycleStage(const std::string& text) {
    for (const StageName& s : kStages) {
        if (text == s.name) return s.stage;
    }
    return std::nullopt;
}

const std::vector<CycleStage>& allCycleStages() {
    static const std::vector<CycleStage> stages = [] {
        std::vector<CycleStage> list;
        for (const StageName& s : kStages) list.push_back(s.stage);
        return list;
    }();
    return stages;
}

std::vector<HandoverTemplateStep> defaultHandoverTemplate() {
    return {{"introduce", 7, ""}, {"transfer_notes", 3, ""}, {"first_contact", 14, ""}};
}

const char* toString(AppealKind kind) { return kind == AppealKind::Pin ? "pin" : "forbid"; }

const char* toString(AppealStatus status) {
    switch (status) {
        case AppealStatus::Open: return "open";
        case AppealStatus::Accepted: return "accepted";
        case AppealStatus::Rejected: return "rejected";
    }
    return "open";
}

std::optional<AppealKind> parseAppealKind(const std::string& text) {
    if (text == "pin" || text == "receive" || text == "keep") return AppealKind::Pin;
    if (text == "forbid" || text == "not_receive" || text == "decline") return AppealKind::Forbid;
    return std::nullopt;
}

std::optional<AppealStatus> parseAppealStatus(const std::string& text) {
    if (text == "open") return AppealStatus::Open;
    if (text == "accepted") return AppealStatus::Accepted;
    if (text == "rejected") return AppealStatus::Rejected;
    return std::nullopt;
}

const char* toString(OutcomeKind kind) {
    return kind == OutcomeKind::Retained ? "retained" : "lost";
}

std::optional<OutcomeKind> parseOutcomeKind(const std::string& text) {
    if (text == "retained") return OutcomeKind::Retained;
    if (text == "lost") return OutcomeKind::Lost;
    return std::nullopt;
}

const AllocationResult* Cycle::currentResult() const {
    if (rerun) return &*rerun;
    if (proposal) return &*proposal;
    return nullptr;
}

const Appeal* Cycle::findAppeal(const std::string& appealId) const {
    for (const Appeal& a : appeals) {
        if (a.id == appealId) return &a;
    }
    return nullptr;
}

}  // namespace baton
