#include "core/model.h"

namespace baton {

namespace {

template <typename Vec>
int findById(const Vec& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

int Workspace::findEmployee(const std::string& id) const { return findById(employees, id); }
int Workspace::findClient(const std::string& id) const { return findById(clients, id); }

const char* toString(EmployeeStatus status) {
    switch (status) {
        case EmployeeStatus::Active: return "active";
        case EmployeeStatus::Leaving: return "leaving";
        case EmployeeStatus::Departed: return "departed";
        case EmployeeStatus::OnLeave: return "on_leave";
    }
    return "active";
}

const char* statusInMessage(const Employee& e) {
    return e.kind == EmployeeKind::Person ? toString(e.status) : "a system user";
}

const char* toString(EmployeeKind kind) {
    return kind == EmployeeKind::System ? "system" : "person";
}

const char* toString(RelationshipKind kind) {
    switch (kind) {
        case RelationshipKind::ServedBefore: return "served_before";
        case RelationshipKind::Conflict: return "conflict";
        case RelationshipKind::Personal: return "personal";
    }
    return "served_before";
}

const char* toString(DealStage stage) {
    switch (stage) {
        case DealStage::Open: return "open";
        case DealStage::Won: return "won";
        case DealStage::Lost: return "lost";
    }
    return "open";
}

std::optional<EmployeeStatus> parseEmployeeStatus(const std::string& text) {
    if (text == "active") return EmployeeStatus::Active;
    if (text == "leaving") return EmployeeStatus::Leaving;
    if (text == "departed") return EmployeeStatus::Departed;
    if (text == "on_leave") return EmployeeStatus::OnLeave;
    return std::nullopt;
}

std::optional<EmployeeKind> parseEmployeeKind(const std::string& text) {
    if (text == "person") return EmployeeKind::Person;
    if (text == "system") return EmployeeKind::System;
    return std::nullopt;
}

std::optional<RelationshipKind> parseRelationshipKind(const std::string& text) {
    if (text == "served_before") return RelationshipKind::ServedBefore;
    if (text == "conflict") return RelationshipKind::Conflict;
    if (text == "personal") return RelationshipKind::Personal;
    return std::nullopt;
}

std::optional<DealStage> parseDealStage(const std::string& text) {
    if (text == "open") return DealStage::Open;
    if (text == "won") return DealStage::Won;
    if (text == "lost") return DealStage::Lost;
    return std::nullopt;
}

bool isLeaver(EmployeeStatus status) {
    return status == EmployeeStatus::Leaving || status == EmployeeStatus::Departed;
}

}  // namespace baton
