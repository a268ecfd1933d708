#include "io/allocation_read.h"

namespace baton {

using nlohmann::json;

namespace {

Certificates readCertificates(const json& c) {
    Certificates out;
    out.wprop1Value = c.at("wprop1_value").get<bool>();
    out.wprop1Difficulty = c.at("wprop1_difficulty").get<bool>();
    out.wef1Value = c.at("wef1_value").get<bool>();
    out.wef1Difficulty = c.at("wef1_difficulty").get<bool>();
    out.efCBoth = c.at("ef_c_both").get<int>();
    for (const json& w : c.value("witnesses", json::array())) {
        Witness witness;
        witness.certificate = w.at("certificate").get<std::string>();
        witness.employees = w.at("employees").get<std::vector<std::string>>();
        if (w.contains("client") && w["client"].is_string()) witness.client = w["client"];
        if (w.contains("constraint") && w["constraint"].is_string()) {
            witness.constraint = w["constraint"].get<std::string>();
        }
        out.witnesses.push_back(std::move(witness));
    }
    return out;
}

Figures readFigures(const json& f) {
    Figures out;
    out.totalFit = f.at("total_fit").get<double>();
    out.priceOfFairness = f.at("price_of_fairness").get<double>();
    out.maxRelativeDeviation = f.at("max_relative_deviation").get<double>();
    out.gini = f.at("gini").get<double>();
    out.difficultySpread = f.at("difficulty_spread").get<double>();
    out.continuityRate = f.at("continuity_rate").get<double>();
    out.unassigned = f.at("unassigned").get<int>();
    return out;
}

Assignment readAssignment(const json& a) {
    Assignment out;
    out.client = a.at("client").get<std::string>();
    out.employee = a.at("employee").get<std::string>();
    out.fit = a.at("fit").get<double>();
    out.value = a.at("value").get<double>();
    out.difficulty = a.at("difficulty").get<double>();
    out.wonBecause = a.at("won_because").get<std::string>();
    if (a.contains("breakdown") && a["breakdown"].contains("fit")) {
        for (const auto& [name, contribution] : a["breakdown"]["fit"].items()) {
            out.breakdown.push_back({name, contribution.get<double>()});
        }
    }
    out.reasons = a.value("reasons", std::vector<std::string>{});
    for (const json& u : a.value("runners_up", json::array())) {
        out.runnersUp.push_back({u.at("employee").get<std::string>(), u.at("fit").get<double>(),
                                 u.at("lost_because").get<std::string>()});
    }
    return out;
}

EmployeeOutcome readEmployee(const json& e) {
    EmployeeOutcome out;
    out.employee = e.at("employee").get<std::string>();
    out.entitlement = e.at("entitlement").get<double>();
    out.targetValue = e.at("target_value").get<double>();
    out.targetDifficulty = e.value("target_difficulty", 0.0);
    out.receivedValue = e.at("received_value").get<double>();
    out.receivedDifficulty = e.at("received_difficulty").get<double>();
    out.clients = e.at("clients").get<int>();
    out.bookAfter = e.at("book_after").get<int>();
    return out;
}

void readLists(const json& v, AllocationResult& out) {
    for (const json& a : v.at("assignments")) out.assignments.push_back(readAssignment(a));
    for (const json& u : v.at("unassigned")) {
        out.unassigned.push_back({u.at("client").get<std::string>(),
                                  u.at("reason").get<std::string>(),
                                  u.value("detail", std::string())});
    }
    for (const json& e : v.at("employees")) out.employees.push_back(readEmployee(e));
    out.notes = v.value("notes", std::vector<std::string>{});
    const json baselines = v.value("baselines", json::object());
    for (const auto& [name, b] : baselines.items()) {
        if (!b.contains("figures")) continue;
        BaselineSummary summary;
        summary.figures = readFigures(b["figures"]);
        summary.certificates = readCertificates(b.at("certificates"));
        summary.breaches = b.value("breaches", std::vector<std::string>{});
        out.baselines[name] = std::move(summary);
    }
}

// The optional dual prices of the optimality claim.
std::optional<DualPrices> readDual(const json& optimality) {
    if (!optimality.contains("dual")) return std::nullopt;
    const json& d = optimality.at("dual");
    DualPrices dual;
    dual.scale = d.at("scale").get<std::int64_t>();
    dual.placement = d.at("placement").get<std::int64_t>();
    dual.placed = d.at("placed").get<int>();
    for (const auto& [id, price] : d.at("prices").items())
        dual.prices[id] = price.get<std::int64_t>();
    return dual;
}

}  // namespace

std::optional<AllocationResult> allocationFromJson(const json& value, const std::string& pointer,
                                                   std::vector<JsonError>& errors) {
    if (!value.is_object() || value.value("format", std::string()) != "baton-allocation") {
        errors.push_back({pointer, std::nullopt, std::nullopt,
                          "must be an allocation result object with format \"baton-allocation\""});
        return std::nullopt;
    }
    PolicyReadResult policy =
        policyFromJson(value.value("policy", json::object()), pointer + "/policy");
    if (!policy.policy) {
        errors.insert(errors.end(), policy.errors.begin(), policy.errors.end());
        return std::nullopt;
    }
    AllocationResult out;
    out.policy = std::move(*policy.policy);
    try {
        out.method = value.at("method").get<std::string>();
        out.seed = value.at("seed").get<std::uint64_t>();
        out.policyVersion = value.at("policy_version").get<int>();
        out.inputSha256 = value.value("input_sha256", std::string());
        readLists(value, out);
        out.certificates = readCertificates(value.at("certificates"));
        out.figures = readFigures(value.at("figures"));
        const json& o = value.at("optimality");
        out.optimality = {o.at("status").get<std::string>(), o.at("check").get<std::string>(),
                          o.at("upper_bound").get<double>(), o.at("gap").get<double>(),
                          readDual(o)};
    } catch (const json::exception& e) {
        errors.push_back({pointer, std::nullopt, std::nullopt,
                          std::string("invalid allocation result: ") + e.what()});
        return std::nullopt;
    }
    return out;
}

}  // namespace baton
