// Transparent scores: client value V and difficulty D, employee performance P, each
// 0-100 with the breakdown that explains it. See the README's "Evaluation" section.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/served_before.h"

namespace baton {

// One weighted term of a score. `raw` is absent when the input had no value for it.
struct ScoreComponent {
    std::string name;  // "monetary", "frequency", ..., as the policy names the weight
    std::optional<double> raw;
    double normalised = 0.0;    // 0-100
    double weight = 0.0;        // the weight actually applied (after missing terms drop out)
    double contribution = 0.0;  // normalised * weight
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
    // System (automation) users get P = 0, no breakdown, and take no part in any group.
    bool system = false;
    // Share of the score that comes from the employee's own figures: the present share of
    // the metric weight times min(1, tenure months / ramp months). 1 unless provisional.
    double evidence = 1.0;
    std::string group;                  // the comparison group, e.g. "firm", "team:East"
    std::optional<double> groupMedian;  // median raw score of the group, rounded
    std::vector<std::string> flags;     // e.g. "negative_metric:sales_12m"
};

struct Evaluation {
    std::string asOf;                      // the effective as-of date
    std::vector<ClientScore> clients;      // parallel to Workspace::clients
    std::vector<EmployeeScore> employees;  // parallel to Workspace::employees
    std::vector<std::string> notes;
    // The index of who served each client before, built from the same transactions in the
    // same pass, so an allocation on this evaluation reuses it. Null in an evaluation made
    // otherwise.
    std::shared_ptr<const ServedBefore> servedBefore;
};

// Scores every client and employee of the workspace under the policy. Never returns
// NaN or infinity in any field.
Evaluation evaluate(const Workspace& workspace, const Policy& policy);

// True when some client has a difficulty input: a value for difficulty, workload,
// satisfaction, complaints or late_payments. Without one, every difficulty D is 0.
bool hasDifficultyInputs(const Workspace& workspace);

// The note for a workspace without difficulty inputs, in English: which inputs D reads, why
// the difficulty figure and certificates then test nothing, and what to import.
std::string noDifficultyInputsNote();

// Amounts of this magnitude or more cannot be stored to the cent in a double, so an
// amount, revenue or potential that large is treated as absurd and not trusted. A lower
// bound applies to money amounts far above the others of their kind (core/absurd_amounts.h).
inline constexpr double kAbsurdAmount = 1e15;

// True for a finite, non-negative amount below `bound`.
bool isTrustedAmount(double amount, double bound = kAbsurdAmount);

// The as-of date of an evaluation as a day number: the policy's as_of when it is a valid
// date, else the date of the latest trusted transaction of a known client; absent when
// there is neither.
std::optional<long long> effectiveAsOfDay(const Workspace& workspace, const Policy& policy);

// Rounds to a fixed number of decimals, so that scores compare exactly everywhere.
double roundTo(double x, int decimals);

}  // namespace baton
