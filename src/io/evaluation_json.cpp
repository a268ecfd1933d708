#include "io/evaluation_json.h"

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

// Every number goes through here, so no NaN or infinity can reach the output.
double finiteOrZero(double x) {
    return std::isfinite(x) ? x : 0.0;
}

nlohmann::json breakdownToJson(const std::vector<ScoreComponent>& components) {
    nlohmann::json object = nlohmann::json::object();
    for (const ScoreComponent& c : components) {
        nlohmann::json raw = nullptr;
        if (c.raw && std::isfinite(*c.raw)) raw = *c.raw;
        object[c.name] = {{"raw", raw},
                          {"normalised", finiteOrZero(c.normalised)},
                          {"weight", finiteOrZero(c.weight)},
                          {"contribution", finiteOrZero(c.contribution)}};
    }
    return object;
}

nlohmann::json clientToEvaluationJson(const Client& client, const ClientScore& score) {
    return {{"client", client.id},
            {"value", finiteOrZero(score.value)},
            {"difficulty", finiteOrZero(score.difficulty)},
            {"breakdown",
             {{"value", breakdownToJson(score.valueBreakdown)},
              {"difficulty", breakdownToJson(score.difficultyBreakdown)}}},
            {"flags", score.flags}};
}

nlohmann::json employeeToEvaluationJson(const Employee& employee, const EmployeeScore& score) {
    nlohmann::json object = {{"employee", employee.id},
                             {"performance", finiteOrZero(score.performance)},
                             {"provisional", score.provisional},
                             {"breakdown", breakdownToJson(score.breakdown)},
                             {"evidence", finiteOrZero(score.evidence)},
                             {"flags", score.flags}};
    if (score.provisional) object["provisional_reason"] = score.provisionalReason;
    if (score.system) {
        object["system"] = true;
    } else {
        object["group"] = score.group;
        object["group_median"] = finiteOrZero(score.groupMedian.value_or(0.0));
    }
    return object;
}

}  // namespace

nlohmann::json evaluationToJson(const Workspace& workspace, const Evaluation& evaluation) {
    nlohmann::json document = {{"format", "baton-evaluation"}, {"version", 1}};
    document["as_of"] =
        evaluation.asOf.empty() ? nlohmann::json(nullptr) : nlohmann::json(evaluation.asOf);
    nlohmann::json clients = nlohmann::json::array();
    const std::size_t clientCount = std::min(workspace.clients.size(), evaluation.clients.size());
    for (std::size_t i = 0; i < clientCount; ++i) {
        clients.push_back(clientToEvaluationJson(workspace.clients[i], evaluation.clients[i]));
    }
    nlohmann::json employees = nlohmann::json::array();
    const std::size_t employeeCount =
        std::min(workspace.employees.size(), evaluation.employees.size());
    for (std::size_t i = 0; i < employeeCount; ++i) {
        employees.push_back(
            employeeToEvaluationJson(workspace.employees[i], evaluation.employees[i]));
    }
    document["clients"] = std::move(clients);
    document["employees"] = std::move(employees);
    document["notes"] = evaluation.notes;
    return document;
}

}  // namespace baton
