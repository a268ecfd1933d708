// Transparent scores: client value V and difficulty D, employee performance P, each
// 0-100 with the breakdown that explains it. See the README's "Evaluation" section.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace baton {

// One weighted term of a score. `raw` is absent when the input had no value for it.
struct ScoreComponent {
    std::string name;          // "monetary", "frequency", ..., as the policy names the weight
    std::optional<double> raw;
    double normalised = 0.0;   // 0-100
    double weight = 0.0;       // the weight actually applied (after missing terms drop out)
    double contribution = 0.0; // normalised * weight
};

struct ClientScore {
    double value = 0.0;       // V, 0-100, rounded to 4 decimals
    double difficulty = 0.0;  // D, 0-100, rounded to 4 decimals
    std::vector<ScoreComponent> valueBreakdown;
    std::vector<ScoreComponent> difficultyBreakdown;
    std::vector<std::string> flags;  // e.g. "negative_amount", "outlier"
};

struct EmployeeScore {
    double performance = 0.0;  // P, 0-100, rounded to 4 decimals
    bool provisional = false;
    std::string provisionalReason;  // English text, empty unless provisional
    std::vector<ScoreComponent> breakdown;
};

struct Evaluation {
    std::string asOf;                     // the effective as-of date
    std::vector<ClientScore> clients;     // parallel to Workspace::clients
    std::vector<EmployeeScore> employees; // parallel to Workspace::employees
    std::vector<std::string> notes;
};

// Scores every client and employee of the workspace under the policy. Never returns
// NaN or infinity in any field.
Evaluation evaluate(const Workspace& workspace, const Policy& policy);

// Rounds to a fixed number of decimals, so that scores compare exactly everywhere.
double roundTo(double x, int decimals);

}  // namespace baton
