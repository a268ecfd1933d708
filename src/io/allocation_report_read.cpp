// Reads what `baton verify` rechecks from an allocation result (readReportedAllocation).
// Unlike allocationFromJson, it keeps reading past a field of the wrong type, so that one
// read lists every such field.
#include <algorithm>
#include <cstdint>

#include "io/allocation_json.h"

namespace baton {

using nlohmann::json;

namespace {

class ReportReader {
public:
    explicit ReportReader(std::vector<JsonError>& errors) : m_errors(errors) {}

    const json* member(const json& object, const std::string& at, const char* key,
                       json::value_t type) {
        const json* value = object.is_object() && object.contains(key) ? &object[key] : nullptr;
        bool numeric = type == json::value_t::number_float;
        if (value && (value->type() == type || (numeric && value->is_number()))) return value;
        invalid(at, key);
        return nullptr;
    }
    void invalid(const std::string& at, const std::string& key) {
        m_errors.push_back({at + "/" + key, std::nullopt, std::nullopt,
                            "missing or of the wrong type: " + key +
                                "; give an allocation result written by baton allocate"});
    }
    std::string text(const json& o, const std::string& at, const char* key) {
        const json* v = member(o, at, key, json::value_t::string);
        return v ? v->get<std::string>() : "";
    }
    double number(const json& o, const std::string& at, const char* key) {
        const json* v = member(o, at, key, json::value_t::number_float);
        return v ? v->get<double>() : 0.0;
    }
    // A whole number of at least 0, exact up to 2^63.
    std::int64_t count(const json& o, const std::string& at, const char* key) {
        const json* v = o.is_object() && o.contains(key) ? &o[key] : nullptr;
        if (v && v->is_number_unsigned() && v->get<std::uint64_t>() <= std::uint64_t(INT64_MAX))
            return v->get<std::int64_t>();
        if (v && v->is_number_integer() && v->get<std::int64_t>() >= 0)
            return v->get<std::int64_t>();
        m_errors.push_back({at + "/" + key, std::nullopt, std::nullopt,
                            "must be a whole number of at least 0: " + std::string(key) +
                                "; give an allocation result written by baton allocate"});
        return 0;
    }
    bool flag(const json& o, const std::string& at, const char* key) {
        const json* v = member(o, at, key, json::value_t::boolean);
        return v && v->get<bool>();
    }

private:
    std::vector<JsonError>& m_errors;
};

// A number the result may leave out; one that is present must be a number.
std::optional<double> optionalNumber(ReportReader& in, const json& object, const std::string& at,
                                     const char* key) {
    if (!object.is_object() || !object.contains(key)) return std::nullopt;
    return in.number(object, at, key);
}

// The dual prices of an optimality claim; a price of the wrong type reads as 0.
std::optional<DualPrices> readDual(ReportReader& in, const json& optimality) {
    const std::string at = "/optimality/dual";
    const json* d = in.member(optimality, "/optimality", "dual", json::value_t::object);
    if (!d) return std::nullopt;
    DualPrices dual;
    dual.scale = in.count(*d, at, "scale");
    dual.placement = in.count(*d, at, "placement");
    dual.placed = int(std::min<std::int64_t>(in.count(*d, at, "placed"), INT32_MAX));
    if (const json* prices = in.member(*d, at, "prices", json::value_t::object)) {
        for (const auto& [id, price] : prices->items())
            dual.prices[id] = in.count(*prices, at + "/prices", id.c_str());
    }
    return dual;
}

// A code the result may leave out, read as ""; one that is present must be a string.
std::string optionalCode(ReportReader& in, const json& object, const std::string& at,
                         const char* key) {
    if (!object.is_object() || !object.contains(key)) return {};
    return in.text(object, at, key);
}

// A whole number the result may leave out; one that is present must be a whole number.
std::optional<std::int64_t> optionalInteger(ReportReader& in, const json& object, const char* key) {
    if (!object.contains(key)) return std::nullopt;
    const json& value = object[key];
    bool fits = value.is_number_integer() &&
                (!value.is_number_unsigned() || value.get<std::uint64_t>() <= INT64_MAX);
    if (fits) return value.get<std::int64_t>();
    in.invalid("", key);
    return std::nullopt;
}

// The assignment's breakdown.fit terms in the result's order, or nothing when the
// assignment has no "breakdown".
std::optional<std::vector<FitTerm>> readBreakdown(ReportReader& in, const json& assignment,
                                                  const std::string& at) {
    if (!assignment.is_object() || !assignment.contains("breakdown")) return std::nullopt;
    std::vector<FitTerm> terms;
    const json* breakdown = in.member(assignment, at, "breakdown", json::value_t::object);
    const json* fit = breakdown
                          ? in.member(*breakdown, at + "/breakdown", "fit", json::value_t::object)
                          : nullptr;
    if (!fit) return terms;
    for (const auto& [name, contribution] : fit->items()) {
        terms.push_back({name, in.number(*fit, at + "/breakdown/fit", name.c_str())});
    }
    return terms;
}

std::vector<RunnerUp> readRunnersUp(ReportReader& in, const json& assignment,
                                    const std::string& at) {
    std::vector<RunnerUp> out;
    if (!assignment.is_object() || !assignment.contains("runners_up")) return out;
    const json* list = in.member(assignment, at, "runners_up", json::value_t::array);
    for (std::size_t k = 0; list && k < list->size(); ++k) {
        const json& u = (*list)[k];
        std::string place = at + "/runners_up/" + std::to_string(k);
        out.push_back({in.text(u, place, "employee"), in.number(u, place, "fit"),
                       optionalCode(in, u, place, "lost_because")});
    }
    return out;
}

void readPairs(const json& doc, ReportReader& in, ReportedAllocation& out) {
    const json* list = in.member(doc, "", "assignments", json::value_t::array);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        std::string at = "/assignments/" + std::to_string(i);
        out.assignments.push_back(
            {in.text((*list)[i], at, "client"), in.text((*list)[i], at, "employee")});
        out.assignmentFits.push_back(in.number((*list)[i], at, "fit"));
        out.assignmentValues.push_back(optionalNumber(in, (*list)[i], at, "value"));
        out.assignmentDifficulties.push_back(optionalNumber(in, (*list)[i], at, "difficulty"));
        out.wonBecause.push_back(optionalCode(in, (*list)[i], at, "won_because"));
        out.runnersUp.push_back(readRunnersUp(in, (*list)[i], at));
        if ((*list)[i].is_object() && !(*list)[i].contains("runners_up"))
            out.missingParts.push_back(at + "/runners_up");
        out.breakdowns.push_back(readBreakdown(in, (*list)[i], at));
    }
    list = in.member(doc, "", "unassigned", json::value_t::array);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        std::string at = "/unassigned/" + std::to_string(i);
        out.unassigned.push_back(
            {in.text((*list)[i], at, "client"), in.text((*list)[i], at, "reason")});
    }
}

// The employees' statements and the optimality claim, each read when the result has it,
// so that verify can check the figures that a report prints.
void readStatements(const json& doc, ReportReader& in, ReportedAllocation& out) {
    if (doc.contains("employees")) {
        const json* list = in.member(doc, "", "employees", json::value_t::array);
        std::vector<EmployeeOutcome> rows;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const json& row = (*list)[i];
            std::string at = "/employees/" + std::to_string(i);
            EmployeeOutcome e;
            e.employee = in.text(row, at, "employee");
            e.entitlement = in.number(row, at, "entitlement");
            e.targetValue = in.number(row, at, "target_value");
            e.targetDifficulty = in.number(row, at, "target_difficulty");
            e.receivedValue = in.number(row, at, "received_value");
            e.receivedDifficulty = in.number(row, at, "received_difficulty");
            e.clients = int(in.number(row, at, "clients"));
            e.bookAfter = int(in.number(row, at, "book_after"));
            rows.push_back(std::move(e));
        }
        out.employees = std::move(rows);
    }
    if (doc.contains("optimality")) {
        if (const json* o = in.member(doc, "", "optimality", json::value_t::object)) {
            Optimality claim;
            claim.status = in.text(*o, "/optimality", "status");
            claim.gap = in.number(*o, "/optimality", "gap");
            claim.upperBound = in.number(*o, "/optimality", "upper_bound");
            if (o->contains("dual")) claim.dual = readDual(in, *o);
            out.optimality = claim;
        }
    }
}

// A string or null: null and an absent key read as "".
std::string optionalText(ReportReader& in, const json& object, const std::string& at,
                         const char* key) {
    if (!object.is_object() || !object.contains(key) || object[key].is_null()) return {};
    return in.text(object, at, key);
}

std::vector<Witness> readWitnesses(ReportReader& in, const json& certificates,
                                   const std::string& at) {
    std::vector<Witness> out;
    if (!certificates.contains("witnesses")) return out;
    const json* list = in.member(certificates, at, "witnesses", json::value_t::array);
    for (std::size_t k = 0; list && k < list->size(); ++k) {
        const json& w = (*list)[k];
        std::string place = at + "/witnesses/" + std::to_string(k);
        Witness witness;
        witness.certificate = in.text(w, place, "certificate");
        const json* names = in.member(w, place, "employees", json::value_t::array);
        for (std::size_t p = 0; names && p < names->size(); ++p) {
            const json& name = (*names)[p];
            if (name.is_string()) {
                witness.employees.push_back(name.get<std::string>());
                continue;
            }
            in.invalid(place + "/employees", std::to_string(p));
        }
        witness.client = optionalText(in, w, place, "client");
        std::string constraint = optionalText(in, w, place, "constraint");
        if (!constraint.empty()) witness.constraint = constraint;
        out.push_back(std::move(witness));
    }
    return out;
}

Certificates readCertificates(ReportReader& in, const json& c, const std::string& at) {
    Certificates out;
    out.wprop1Value = in.flag(c, at, "wprop1_value");
    out.wprop1Difficulty = in.flag(c, at, "wprop1_difficulty");
    out.wef1Value = in.flag(c, at, "wef1_value");
    out.wef1Difficulty = in.flag(c, at, "wef1_difficulty");
    out.efCBoth = int(in.number(c, at, "ef_c_both"));
    out.witnesses = readWitnesses(in, c, at);
    return out;
}

Figures readFigures(ReportReader& in, const json& f, const std::string& at) {
    Figures out;
    out.totalFit = in.number(f, at, "total_fit");
    out.priceOfFairness = in.number(f, at, "price_of_fairness");
    out.maxRelativeDeviation = in.number(f, at, "max_relative_deviation");
    out.gini = in.number(f, at, "gini");
    out.difficultySpread = in.number(f, at, "difficulty_spread");
    out.continuityRate = in.number(f, at, "continuity_rate");
    out.unassigned = int(in.number(f, at, "unassigned"));
    return out;
}

void readScores(const json& doc, ReportReader& in, ReportedAllocation& out) {
    if (const json* c = in.member(doc, "", "certificates", json::value_t::object))
        out.certificates = readCertificates(in, *c, "/certificates");
    if (const json* f = in.member(doc, "", "figures", json::value_t::object))
        out.figures = readFigures(in, *f, "/figures");
}

// Each baseline that has figures; an entry without them, as the design's example allows, is
// left out.
void readBaselines(const json& doc, ReportReader& in, ReportedAllocation& out) {
    if (!doc.contains("baselines")) {
        out.missingParts.push_back("/baselines");
        return;
    }
    const json* baselines = in.member(doc, "", "baselines", json::value_t::object);
    if (!baselines) return;
    for (const auto& [name, entry] : baselines->items()) {
        std::string at = "/baselines/" + name;
        if (!entry.is_object() || !entry.contains("figures")) continue;
        BaselineSummary summary;
        if (const json* f = in.member(entry, at, "figures", json::value_t::object))
            summary.figures = readFigures(in, *f, at + "/figures");
        if (const json* c = in.member(entry, at, "certificates", json::value_t::object))
            summary.certificates = readCertificates(in, *c, at + "/certificates");
        out.baselines[name] = std::move(summary);
    }
}

// Rejects a format version other than the one this build reads, before the fields whose
// meaning another version may change are read.
bool readFormatVersion(const json& doc, std::vector<JsonError>& errors) {
    const json* version = doc.contains("version") ? &doc["version"] : nullptr;
    if (version && version->is_number_integer() &&
        version->get<long long>() == kAllocationFormatVersion)
        return true;
    std::string given = version ? version->dump() : "missing";
    errors.push_back({"/version", std::nullopt, std::nullopt,
                      "format version " + given + " is not one this build reads (it reads " +
                          std::to_string(kAllocationFormatVersion) +
                          "); check the result with the Baton release that wrote it, or re-run "
                          "baton allocate"});
    return false;
}

}  // namespace

ReportedReadResult readReportedAllocation(std::string_view text) {
    ReportedReadResult result;
    std::optional<json> parsed = parseJsonDocument(text, result.errors);
    if (!parsed) return result;
    json doc = std::move(*parsed);
    if (!doc.is_object()) {
        result.errors.push_back(
            {"", std::nullopt, std::nullopt, "the result is not a JSON object"});
        return result;
    }
    if (!doc.contains("format") || doc["format"] != "baton-allocation") {
        result.errors.push_back(
            {"/format", std::nullopt, std::nullopt,
             "expected \"baton-allocation\"; give a result written by baton allocate"});
        return result;
    }
    if (!readFormatVersion(doc, result.errors)) return result;
    ReportedAllocation out;
    ReportReader in(result.errors);
    if (const json* p = in.member(doc, "", "policy", json::value_t::object)) {
        PolicyReadResult policy = policyFromJson(*p, "/policy");
        for (JsonError& e : policy.errors) result.errors.push_back(std::move(e));
        if (policy.policy) out.policy = *policy.policy;
    }
    readPairs(doc, in, out);
    readStatements(doc, in, out);
    readScores(doc, in, out);
    readBaselines(doc, in, out);
    out.policyVersion = optionalInteger(in, doc, "policy_version");
    if (doc.contains("seed") && doc["seed"].is_number_unsigned()) {
        out.seed = doc["seed"].get<std::uint64_t>();
    } else if (doc.contains("seed")) {
        in.invalid("", "seed");
    }
    out.method = optionalCode(in, doc, "", "method");
    auto hash = doc.find("input_sha256");
    if (hash != doc.end() && hash->is_string()) out.inputSha256 = hash->get<std::string>();
    if (result.errors.empty()) result.allocation = std::move(out);
    return result;
}

}  // namespace baton
