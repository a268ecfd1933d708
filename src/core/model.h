// The workspace model: employees, clients, transactions, relationships, deals and
// the policy they are evaluated and allocated under. Plain data; no I/O.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/policy.h"

namespace baton {

enum class EmployeeStatus { Active, Leaving, Departed, OnLeave };
enum class EmployeeKind { Person, System };
enum class RelationshipKind { ServedBefore, Conflict, Personal };
enum class DealStage { Open, Won, Lost };

// Performance metrics of an employee. An absent value is missing, never zero.
struct Metrics {
    std::optional<double> sales12m;
    std::optional<double> quotaAttainment;
    std::optional<double> csat;
    std::optional<double> retention;
    std::optional<double> review;
    nlohmann::json extra = nlohmann::json::object();
};

struct Employee {
    std::string id;
    std::string name;
    std::string team;
    std::string role;
    std::string hired;    // ISO date or empty
    std::string lastDay;  // ISO date or empty
    EmployeeStatus status = EmployeeStatus::Active;
    std::optional<int> maxClients;       // absent: policy default
    std::optional<double> maxWorkload;   // absent: policy default
    std::vector<std::string> skills;     // "industry:retail", "lang:zh", ...
    Metrics metrics;
    EmployeeKind kind = EmployeeKind::Person;
    bool hasCapacity = false;  // whether the source had a "capacity" object
    bool hasMetrics = false;   // whether the source had a "metrics" object
    nlohmann::json capacityExtra = nlohmann::json::object();
    nlohmann::json extra = nlohmann::json::object();  // unknown fields, kept on a round trip
};

struct Client {
    std::string id;
    std::string name;
    std::optional<std::string> owner;  // employee id; absent or null: nobody owns it
    std::string industry;
    std::string region;
    std::string language;
    std::string tier;
    std::optional<double> revenue12m;
    std::optional<double> potential;
    std::optional<double> workload;
    std::optional<double> difficulty;    // 0-100 where given
    std::optional<double> satisfaction;  // 1-5 where given
    std::optional<double> complaints;
    std::optional<double> latePayments;
    bool keyAccount = false;
    bool hasKeyAccount = false;  // whether the source had the key
    std::vector<std::string> needs;
    std::vector<std::string> prefers;
    std::optional<std::string> notes;
    nlohmann::json extra = nlohmann::json::object();
};

struct Transaction {
    std::string client;
    std::string date;  // ISO date
    double amount = 0.0;
    std::optional<std::string> employee;
    nlohmann::json extra = nlohmann::json::object();
};

struct Relationship {
    std::string employee;
    std::string client;
    RelationshipKind kind = RelationshipKind::ServedBefore;
    nlohmann::json extra = nlohmann::json::object();
};

struct Deal {
    std::string id;
    std::string client;
    std::string employee;
    DealStage stage = DealStage::Open;
    double amount = 0.0;
    std::optional<std::string> expectedClose;
    nlohmann::json extra = nlohmann::json::object();
};

struct Workspace {
    nlohmann::json company = nlohmann::json::object();
    std::vector<Employee> employees;
    std::vector<Client> clients;
    std::vector<Transaction> transactions;
    std::vector<Relationship> relationships;
    std::vector<Deal> deals;
    Policy policy;
    std::vector<Cycle> cycles;  // reassignment cycles, oldest first
    nlohmann::json audit = nlohmann::json::array();
    nlohmann::json extra = nlohmann::json::object();  // unknown top-level keys

    // Returns the index of the employee or client with that id, or -1.
    int findEmployee(const std::string& id) const;
    int findClient(const std::string& id) const;
};

const char* toString(EmployeeStatus status);
const char* toString(EmployeeKind kind);
const char* toString(RelationshipKind kind);
const char* toString(DealStage stage);
std::optional<EmployeeStatus> parseEmployeeStatus(const std::string& text);
std::optional<EmployeeKind> parseEmployeeKind(const std::string& text);
std::optional<RelationshipKind> parseRelationshipKind(const std::string& text);
std::optional<DealStage> parseDealStage(const std::string& text);

// The employee's status as a message names it: its code ("departed"), or "a system user".
const char* statusInMessage(const Employee& e);

// True for the statuses whose book is released under scope "leavers".
bool isLeaver(EmployeeStatus status);

}  // namespace baton
