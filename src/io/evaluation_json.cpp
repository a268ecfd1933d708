#include "io/evaluation_json.h"

#include <algorithm>
#include <cmath>
#include <string>

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

// The document without its "clients" and "employees" arrays, which stay empty.
nlohmann::json evaluationHead(const Evaluation& evaluation) {
    nlohmann::json document = {{"format", "baton-evaluation"}, {"version", 1}};
    document["as_of"] =
        evaluation.asOf.empty() ? nlohmann::json(nullptr) : nlohmann::json(evaluation.asOf);
    document["clients"] = nlohmann::json::array();
    document["employees"] = nlohmann::json::array();
    document["notes"] = evaluation.notes;
    return document;
}

std::size_t clientCount(const Workspace& workspace, const Evaluation& evaluation) {
    return std::min(workspace.clients.size(), evaluation.clients.size());
}

std::size_t employeeCount(const Workspace& workspace, const Evaluation& evaluation) {
    return std::min(workspace.employees.size(), evaluation.employees.size());
}

// Appends `element` as dump(2) writes it inside a top-level array: each of its lines
// indented by 4 more spaces. A dumped string escapes its newlines, so every newline in
// the text is a line break of the layout.
void appendElement(std::string& out, const nlohmann::json& element, bool last) {
    std::string text = element.dump(2);
    out += "    ";
    for (char ch : text) {
        out += ch;
        if (ch == '\n') out += "    ";
    }
    out += last ? "\n" : ",\n";
}

// Appends the member `key` of the top-level object with `count` elements, each made by
// `element(i)`, as dump(2) writes it after the member before it.
template <typename MakeElement>
void appendArray(std::string& out, const std::string& key, std::size_t count, MakeElement element) {
    out += "\n  \"" + key + "\": [";
    if (count == 0) {
        out += "],";
        return;
    }
    out += "\n";
    for (std::size_t i = 0; i < count; ++i) appendElement(out, element(i), i + 1 == count);
    out += "  ],";
}

}  // namespace

nlohmann::json evaluationToJson(const Workspace& workspace, const Evaluation& evaluation) {
    nlohmann::json document = evaluationHead(evaluation);
    for (std::size_t i = 0; i < clientCount(workspace, evaluation); ++i) {
        document["clients"].push_back(
            clientToEvaluationJson(workspace.clients[i], evaluation.clients[i]));
    }
    for (std::size_t i = 0; i < employeeCount(workspace, evaluation); ++i) {
        document["employees"].push_back(
            employeeToEvaluationJson(workspace.employees[i], evaluation.employees[i]));
    }
    return document;
}

std::string writeEvaluation(const Workspace& workspace, const Evaluation& evaluation) {
    const std::string head = evaluationHead(evaluation).dump(2) + "\n";
    const std::string clientsMember = "\n  \"clients\": [],";
    const std::string employeesMember = "\n  \"employees\": [],";
    const std::size_t clientsAt = head.find(clientsMember);
    const std::size_t employeesAt = head.find(employeesMember);
    if (clientsAt == std::string::npos || employeesAt == std::string::npos ||
        employeesAt < clientsAt) {
        return evaluationToJson(workspace, evaluation).dump(2) + "\n";
    }
    const std::size_t clients = clientCount(workspace, evaluation);
    const std::size_t employees = employeeCount(workspace, evaluation);
    std::string out;
    out.reserve(head.size() + clients * 1800 + employees * 1200);
    out.append(head, 0, clientsAt);
    appendArray(out, "clients", clients, [&](std::size_t i) {
        return clientToEvaluationJson(workspace.clients[i], evaluation.clients[i]);
    });
    const std::size_t between = clientsAt + clientsMember.size();
    out.append(head, between, employeesAt - between);
    appendArray(out, "employees", employees, [&](std::size_t i) {
        return employeeToEvaluationJson(workspace.employees[i], evaluation.employees[i]);
    });
    out.append(head, employeesAt + employeesMember.size(), std::string::npos);
    return out;
}

}  // namespace baton
