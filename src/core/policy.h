// The allocation policy: scoring weights, eligibility settings, fairness mode and the
// manager's pins and forbids. Defaults are the values documented in the README.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace baton {

enum class Normalisation { Percentile, WinsorisedMinMax };
enum class PerformanceGroup { Firm, Team, Role };
enum class EntitlementMode { Equal, Performance, Blend };
enum class Scope { Leavers, All };

struct ValuePolicy {
    int windowDays = 365;
    std::map<std::string, double> tierPoints = {{"A", 100.0}, {"B", 60.0}, {"C", 20.0}};
    Normalisation normalisation = Normalisation::Percentile;
    double monetary = 0.4;
    double frequency = 0.15;
    double recency = 0.15;
    double potential = 0.2;
    double tier = 0.1;
};

struct DifficultyPolicy {
    Normalisation normalisation = Normalisation::Percentile;
    double given = 0.4;
    double workload = 0.2;
    double satisfaction = 0.2;
    double complaints = 0.1;
    double latePayments = 0.1;
};

struct PerformancePolicy {
    Normalisation normalisation = Normalisation::Percentile;
    PerformanceGroup group = PerformanceGroup::Firm;
    int rampMonths = 6;
    double sales12m = 0.3;
    double quotaAttainment = 0.25;
    double csat = 0.2;
    double retention = 0.15;
    double review = 0.1;
    double tenure = 0.0;
};

struct FitPolicy {
    double prefers = 0.3;
    double industry = 0.2;
    double region = 0.15;
    double language = 0.1;
    double continuity = 0.25;
};

struct EntitlementPolicy {
    EntitlementMode mode = EntitlementMode::Equal;
    double alpha = 0.5;
    double performanceFloor = 10.0;
    bool bookTopUp = false;
};

struct ConstraintPolicy {
    int defaultMaxClients = 50;
    std::optional<double> defaultMaxWorkload;
    bool teamBoundary = false;
    std::optional<double> maxValueShare;  // fraction of the released value, 0-1
};

// A manager's or an appeal's override: force (pin) or exclude (forbid) a pair.
struct PairOverride {
    std::string client;
    std::string employee;
    std::string reason;
    nlohmann::json extra = nlohmann::json::object();
};

struct Policy {
    int version = 1;
    std::optional<std::string> asOf;  // ISO date; absent: the latest transaction date
    std::uint64_t seed = 1;
    Scope scope = Scope::Leavers;
    ValuePolicy value;
    DifficultyPolicy difficulty;
    PerformancePolicy performance;
    FitPolicy fit;
    EntitlementPolicy entitlement;
    ConstraintPolicy constraints;
    std::vector<PairOverride> pins;
    std::vector<PairOverride> forbids;
    // Unknown keys at each level, kept on a round trip, keyed by the block name
    // ("" for the top level, "value", "value.weights", ...).
    std::map<std::string, nlohmann::json> extra;
};

const char* toString(Normalisation n);
const char* toString(PerformanceGroup g);
const char* toString(EntitlementMode m);
const char* toString(Scope s);
std::optional<Normalisation> parseNormalisation(const std::string& text);
std::optional<PerformanceGroup> parsePerformanceGroup(const std::string& text);
std::optional<EntitlementMode> parseEntitlementMode(const std::string& text);
std::optional<Scope> parseScope(const std::string& text);

}  // namespace baton
