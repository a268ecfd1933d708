// Policy JSON: missing keys take the defaults of core/policy.h, wrong types and values
// out of range are errors that name the key, unknown keys are kept per block. An unknown
// key in a weights object (a closed list), or one near a known key, is also a warning.
#include <algorithm>
#include <utility>

#include "io/json_fields.h"
#include "io/name_suggest.h"
#include "io/workspace_json.h"

namespace baton {

using json_fields::ErrorSink;
using json_fields::FieldReader;
using json_fields::numberJson;
using nlohmann::json;

namespace {

using WeightList = std::initializer_list<std::pair<const char*, double*>>;

void keepExtras(Policy& policy, const std::string& block, json extra) {
    if (!extra.empty()) policy.extra[block] = std::move(extra);
}

using Warnings = std::vector<JsonError>;

// Keeps the members of a policy object (the policy itself or one of its blocks) that are
// not in `known`, so that nothing a user had is lost (a later version's settings, notes).
// Unknown keys are kept and warned about rather than refused, as the workspace reader
// keeps unknown fields, so that a workspace stored with one still opens. A key that is a
// near miss of a known one ("valeu" for "value") is warned about with the suggestion.
void keepUnknownKeys(FieldReader& reader, Warnings& warnings, Policy& policy,
                     const std::string& block, std::initializer_list<std::string_view> known) {
    json extra = reader.extras(known);
    NameSuggester suggester(std::vector<std::string>(known.begin(), known.end()));
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        std::optional<std::string> near = suggester.suggest(it.key());
        if (!near) continue;
        warnings.push_back({reader.pathOf(it.key()), std::nullopt, std::nullopt,
                            "unknown key \"" + json_fields::validUtf8(it.key()) +
                                "\"; did you mean \"" + *near +
                                "\"? It is kept but not used: correct the key, or its setting "
                                "does not apply"});
    }
    keepExtras(policy, block, std::move(extra));
}

// Reads the "weights" object of a block: every weight a number of 0 or more. Its keys are
// a closed list, so every other key, most likely a misspelt weight that leaves the intended
// one at its default, is warned about (with a suggestion when a weight's name is near) and
// kept.
void readWeights(FieldReader& block, Warnings& warnings, Policy& policy,
                 const std::string& blockName, WeightList weights) {
    const json* object = block.object("weights");
    if (!object) return;
    FieldReader reader(block.sink(), *object, block.pathOf("weights"));
    std::vector<std::string> known;
    std::string list;
    for (const auto& [key, target] : weights) {
        known.emplace_back(key);
        list += (list.empty() ? "" : ", ") + std::string(key);
        std::optional<double> w = reader.number(key);
        if (!w) continue;
        if (*w < 0.0) {
            reader.error(key, "weights must be 0 or more, found " + json_fields::formatNumber(*w));
            continue;
        }
        *target = *w;
    }
    NameSuggester suggester(known);
    json extra = json::object();
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        extra[it.key()] = it.value();
        std::string message = "unknown weight \"" + json_fields::validUtf8(it.key()) + "\"";
        if (std::optional<std::string> near = suggester.suggest(it.key())) {
            message += "; did you mean \"" + *near + "\"?";
        } else {
            message += ".";
        }
        warnings.push_back({reader.pathOf(it.key()), std::nullopt, std::nullopt,
                            message + " It is kept but not used: the " + blockName +
                                " weights are " + list + "; correct the key or remove it"});
    }
    keepExtras(policy, blockName + ".weights", std::move(extra));
}

template <typename Enum>
void readEnum(FieldReader& reader, const char* key, std::initializer_list<const char*> allowed,
              std::optional<Enum> (*parse)(const std::string&), Enum& target) {
    std::optional<std::string> text = reader.choice(key, allowed);
    if (!text) return;
    if (std::optional<Enum> value = parse(*text)) target = *value;
}

void readNormalisation(FieldReader& reader, Normalisation& target) {
    readEnum(reader, "normalisation", {"percentile", "winsorised_minmax"}, parseNormalisation,
             target);
}

void readTierPoints(FieldReader& block, ValuePolicy& value) {
    const json* object = block.object("tier_points");
    if (!object) return;
    std::map<std::string, double> points;
    for (auto it = object->begin(); it != object->end(); ++it) {
        std::string path = json_fields::pointerJoin(block.pathOf("tier_points"), it.key());
        if (!it.value().is_number()) {
            block.sink().add(path, "tier points must be a number, found " +
                                       json_fields::describeType(it.value()));
            continue;
        }
        double p = it.value().get<double>();
        if (p < 0.0) {
            block.sink().add(path, "tier points must be 0 or more, found " + it.value().dump());
            continue;
        }
        points[it.key()] = p;
    }
    value.tierPoints = std::move(points);
}

void readValue(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("value");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("value"));
    ValuePolicy& v = policy.value;
    if (auto days = block.integerIn("window_days", 1, 2147483647))
        v.windowDays = static_cast<int>(*days);
    readTierPoints(block, v);
    readNormalisation(block, v.normalisation);
    readWeights(block, warnings, policy, "value",
                {{"monetary", &v.monetary},
                 {"frequency", &v.frequency},
                 {"recency", &v.recency},
                 {"potential", &v.potential},
                 {"tier", &v.tier}});
    keepUnknownKeys(block, warnings, policy, "value",
                    {"window_days", "tier_points", "normalisation", "weights"});
}

void readDifficulty(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("difficulty");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("difficulty"));
    DifficultyPolicy& d = policy.difficulty;
    readNormalisation(block, d.normalisation);
    readWeights(block, warnings, policy, "difficulty",
                {{"given", &d.given},
                 {"workload", &d.workload},
                 {"satisfaction", &d.satisfaction},
                 {"complaints", &d.complaints},
                 {"late_payments", &d.latePayments}});
    keepUnknownKeys(block, warnings, policy, "difficulty", {"normalisation", "weights"});
}

void readPerformance(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("performance");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("performance"));
    PerformancePolicy& p = policy.performance;
    readNormalisation(block, p.normalisation);
    readEnum(block, "group", {"firm", "team", "role"}, parsePerformanceGroup, p.group);
    if (auto months = block.integerIn("ramp_months", 0, 2147483647))
        p.rampMonths = static_cast<int>(*months);
    readWeights(block, warnings, policy, "performance",
                {{"sales_12m", &p.sales12m},
                 {"quota_attainment", &p.quotaAttainment},
                 {"csat", &p.csat},
                 {"retention", &p.retention},
                 {"review", &p.review},
                 {"tenure", &p.tenure}});
    keepUnknownKeys(block, warnings, policy, "performance",
                    {"normalisation", "group", "ramp_months", "weights"});
}

void readFit(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("fit");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("fit"));
    FitPolicy& f = policy.fit;
    readWeights(block, warnings, policy, "fit",
                {{"prefers", &f.prefers},
                 {"industry", &f.industry},
                 {"region", &f.region},
                 {"language", &f.language},
                 {"continuity", &f.continuity}});
    keepUnknownKeys(block, warnings, policy, "fit", {"weights"});
}

void readEntitlement(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("entitlement");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("entitlement"));
    EntitlementPolicy& e = policy.entitlement;
    readEnum(block, "mode", {"equal", "performance", "blend"}, parseEntitlementMode, e.mode);
    if (auto alpha = block.numberIn("alpha", 0.0, 1.0)) e.alpha = *alpha;
    if (auto floor = block.numberIn("performance_floor", 0.0, 100.0)) e.performanceFloor = *floor;
    if (auto topUp = block.boolean("book_top_up")) e.bookTopUp = *topUp;
    keepUnknownKeys(block, warnings, policy, "entitlement",
                    {"mode", "alpha", "performance_floor", "book_top_up"});
}

void readConstraints(FieldReader& top, Policy& policy, Warnings& warnings) {
    const json* object = top.object("constraints");
    if (!object) return;
    FieldReader block(top.sink(), *object, top.pathOf("constraints"));
    ConstraintPolicy& c = policy.constraints;
    if (auto n = block.integerIn("default_max_clients", 0, 1000000000)) {
        c.defaultMaxClients = static_cast<int>(*n);
    }
    if (auto w = block.number("default_max_workload")) {
        if (*w < 0.0) {
            block.error("default_max_workload", "must be 0 or more (or null for no limit), found " +
                                                    json_fields::formatNumber(*w));
        } else {
            c.defaultMaxWorkload = *w;
        }
    }
    if (auto team = block.boolean("team_boundary")) c.teamBoundary = *team;
    if (auto share = block.number("max_value_share")) {
        if (*share <= 0.0 || *share > 1.0) {
            block.error("max_value_share",
                        "must be more than 0 and at most 1 (or null for no cap), found " +
                            json_fields::formatNumber(*share));
        } else {
            c.maxValueShare = *share;
        }
    }
    keepUnknownKeys(
        block, warnings, policy, "constraints",
        {"default_max_clients", "default_max_workload", "team_boundary", "max_value_share"});
}

std::vector<PairOverride> readOverrides(FieldReader& top, const char* key) {
    std::vector<PairOverride> out;
    const json* list = top.find(key);
    if (!list || list->is_null()) return out;
    if (!list->is_array()) {
        top.error(key, "must be an array of {client, employee, reason}, found " +
                           json_fields::describeType(*list));
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        std::string path = json_fields::pointerJoin(top.pathOf(key), i);
        if (!item.is_object()) {
            top.sink().add(path, "must be an object {client, employee, reason}, found " +
                                     json_fields::describeType(item));
            continue;
        }
        FieldReader reader(top.sink(), item, path);
        PairOverride pair;
        std::optional<std::string> client = reader.id("client", true);
        std::optional<std::string> employee = reader.id("employee", true);
        pair.reason = reader.text("reason").value_or("");
        pair.extra = reader.extras({"client", "employee", "reason"});
        if (!client || !employee) continue;
        pair.client = *client;
        pair.employee = *employee;
        out.push_back(std::move(pair));
    }
    return out;
}

void readPolicyTop(FieldReader& top, Policy& policy) {
    if (auto version = top.integerIn("version", 1, 2147483647)) {
        policy.version = static_cast<int>(*version);
    }
    if (auto asOf = top.date("as_of")) policy.asOf = *asOf;
    if (const json* seed = top.find("seed"); seed && !seed->is_null()) {
        if (seed->is_number_unsigned() ||
            (seed->is_number_integer() && seed->get<long long>() >= 0)) {
            policy.seed = seed->get<std::uint64_t>();
        } else {
            top.error("seed",
                      "must be a whole number of 0 or more, found " +
                          (seed->is_number() ? seed->dump() : json_fields::describeType(*seed)));
        }
    }
    readEnum(top, "scope", {"leavers", "all"}, parseScope, policy.scope);
}

}  // namespace

PolicyReadResult policyFromJson(const json& object, const std::string& pointer) {
    PolicyReadResult result;
    ErrorSink sink(result.errors);
    if (!object.is_object()) {
        sink.add(pointer,
                 "a policy must be a JSON object, found " + json_fields::describeType(object));
        return result;
    }
    Policy policy;
    FieldReader top(sink, object, pointer);
    readPolicyTop(top, policy);
    readValue(top, policy, result.warnings);
    readDifficulty(top, policy, result.warnings);
    readPerformance(top, policy, result.warnings);
    readFit(top, policy, result.warnings);
    readEntitlement(top, policy, result.warnings);
    readConstraints(top, policy, result.warnings);
    policy.pins = readOverrides(top, "pins");
    policy.forbids = readOverrides(top, "forbids");
    keepUnknownKeys(top, result.warnings, policy, "",
                    {"version", "as_of", "seed", "scope", "value", "difficulty", "performance",
                     "fit", "entitlement", "constraints", "pins", "forbids"});
    if (result.errors.empty()) result.policy = std::move(policy);
    return result;
}

namespace {

json withExtras(const Policy& policy, const std::string& block) {
    auto it = policy.extra.find(block);
    return it == policy.extra.end() ? json::object() : it->second;
}

json weightsJson(const Policy& policy, const std::string& block,
                 std::initializer_list<std::pair<const char*, double>> weights) {
    json out = withExtras(policy, block + ".weights");
    for (const auto& [key, w] : weights) out[key] = numberJson(w);
    return out;
}

json overridesJson(const std::vector<PairOverride>& pairs) {
    json out = json::array();
    for (const PairOverride& pair : pairs) {
        json item = pair.extra;
        item["client"] = pair.client;
        item["employee"] = pair.employee;
        if (!pair.reason.empty()) item["reason"] = pair.reason;
        out.push_back(std::move(item));
    }
    return out;
}

json valueJson(const Policy& policy) {
    const ValuePolicy& v = policy.value;
    json out = withExtras(policy, "value");
    out["window_days"] = v.windowDays;
    json tiers = json::object();
    for (const auto& [tier, points] : v.tierPoints) tiers[tier] = numberJson(points);
    out["tier_points"] = std::move(tiers);
    out["normalisation"] = toString(v.normalisation);
    out["weights"] = weightsJson(policy, "value",
                                 {{"monetary", v.monetary},
                                  {"frequency", v.frequency},
                                  {"recency", v.recency},
                                  {"potential", v.potential},
                                  {"tier", v.tier}});
    return out;
}

json difficultyJson(const Policy& policy) {
    const DifficultyPolicy& d = policy.difficulty;
    json out = withExtras(policy, "difficulty");
    out["normalisation"] = toString(d.normalisation);
    out["weights"] = weightsJson(policy, "difficulty",
                                 {{"given", d.given},
                                  {"workload", d.workload},
                                  {"satisfaction", d.satisfaction},
                                  {"complaints", d.complaints},
                                  {"late_payments", d.latePayments}});
    return out;
}

json performanceJson(const Policy& policy) {
    const PerformancePolicy& p = policy.performance;
    json out = withExtras(policy, "performance");
    out["normalisation"] = toString(p.normalisation);
    out["group"] = toString(p.group);
    out["ramp_months"] = p.rampMonths;
    out["weights"] = weightsJson(policy, "performance",
                                 {{"sales_12m", p.sales12m},
                                  {"quota_attainment", p.quotaAttainment},
                                  {"csat", p.csat},
                                  {"retention", p.retention},
                                  {"review", p.review},
                                  {"tenure", p.tenure}});
    return out;
}

json constraintsJson(const Policy& policy) {
    const ConstraintPolicy& c = policy.constraints;
    json out = withExtras(policy, "constraints");
    out["default_max_clients"] = c.defaultMaxClients;
    out["default_max_workload"] =
        c.defaultMaxWorkload ? numberJson(*c.defaultMaxWorkload) : json(nullptr);
    out["team_boundary"] = c.teamBoundary;
    out["max_value_share"] = c.maxValueShare ? numberJson(*c.maxValueShare) : json(nullptr);
    return out;
}

}  // namespace

json policyToJson(const Policy& policy) {
    json out = withExtras(policy, "");
    out["version"] = policy.version;
    out["as_of"] = policy.asOf ? json(*policy.asOf) : json(nullptr);
    out["seed"] = policy.seed;
    out["scope"] = toString(policy.scope);
    out["value"] = valueJson(policy);
    out["difficulty"] = difficultyJson(policy);
    out["performance"] = performanceJson(policy);
    const FitPolicy& f = policy.fit;
    json fit = withExtras(policy, "fit");
    fit["weights"] = weightsJson(policy, "fit",
                                 {{"prefers", f.prefers},
                                  {"industry", f.industry},
                                  {"region", f.region},
                                  {"language", f.language},
                                  {"continuity", f.continuity}});
    out["fit"] = std::move(fit);
    const EntitlementPolicy& e = policy.entitlement;
    json entitlement = withExtras(policy, "entitlement");
    entitlement["mode"] = toString(e.mode);
    entitlement["alpha"] = numberJson(e.alpha);
    entitlement["performance_floor"] = numberJson(e.performanceFloor);
    entitlement["book_top_up"] = e.bookTopUp;
    out["entitlement"] = std::move(entitlement);
    out["constraints"] = constraintsJson(policy);
    out["pins"] = overridesJson(policy.pins);
    out["forbids"] = overridesJson(policy.forbids);
    return out;
}

}  // namespace baton
