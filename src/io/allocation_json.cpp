#include "io/allocation_json.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/allocation.h"
#include "io/cells.h"
#include "io/csv.h"
#include "io/encoding.h"
#include "io/json_fields.h"

namespace baton {

using nlohmann::json;

namespace {

// Rounds for output, so that the text is the same on every platform.
double r6(double x) {
    double r = std::round(x * 1e6) / 1e6;
    return r == 0.0 ? 0.0 : r;
}

double r4(double x) {
    double r = std::round(x * 1e4) / 1e4;
    return r == 0.0 ? 0.0 : r;
}

json certificatesToJson(const Certificates& c) {
    json witnesses = json::array();
    for (const Witness& w : c.witnesses) {
        witnesses.push_back({{"certificate", w.certificate},
                             {"employees", w.employees},
                             {"client", w.client.empty() ? json(nullptr) : json(w.client)},
                             {"constraint", w.constraint ? json(*w.constraint) : json(nullptr)}});
    }
    return {{"wprop1_value", c.wprop1Value}, {"wprop1_difficulty", c.wprop1Difficulty},
            {"wef1_value", c.wef1Value},     {"wef1_difficulty", c.wef1Difficulty},
            {"ef_c_both", c.efCBoth},        {"witnesses", witnesses}};
}

json optimalityToJson(const Optimality& o) {
    json out = {{"status", o.status},
                {"check", o.check},
                {"upper_bound", r6(o.upperBound)},
                {"gap", r6(o.gap)}};
    if (o.dual) {
        json prices = json::object();
        for (const auto& [id, price] : o.dual->prices) prices[id] = price;
        out["dual"] = {{"scale", o.dual->scale},
                       {"placement", o.dual->placement},
                       {"placed", o.dual->placed},
                       {"prices", prices}};
    }
    return out;
}

json figuresToJson(const Figures& f) {
    return {{"total_fit", r6(f.totalFit)},
            {"price_of_fairness", r6(f.priceOfFairness)},
            {"max_relative_deviation", r6(f.maxRelativeDeviation)},
            {"gini", r6(f.gini)},
            {"difficulty_spread", r6(f.difficultySpread)},
            {"continuity_rate", r6(f.continuityRate)},
            {"unassigned", f.unassigned}};
}

json assignmentToJson(const Assignment& a) {
    json fit = json::object();
    for (const FitTerm& t : a.breakdown) fit[t.name] = r6(t.contribution);
    json runners = json::array();
    for (const RunnerUp& u : a.runnersUp) {
        runners.push_back(
            {{"employee", u.employee}, {"fit", r6(u.fit)}, {"lost_because", u.lostBecause}});
    }
    return {{"client", a.client},
            {"employee", a.employee},
            {"fit", r6(a.fit)},
            {"value", r4(a.value)},
            {"difficulty", r4(a.difficulty)},
            {"won_because", a.wonBecause},
            {"breakdown", {{"fit", fit}}},
            {"reasons", a.reasons},
            {"runners_up", runners}};
}

json employeeToJson(const EmployeeOutcome& e) {
    return {{"employee", e.employee},
            {"entitlement", r6(e.entitlement)},
            {"target_value", r4(e.targetValue)},
            {"target_difficulty", r4(e.targetDifficulty)},
            {"received_value", r4(e.receivedValue)},
            {"received_difficulty", r4(e.receivedDifficulty)},
            {"clients", e.clients},
            {"book_after", e.bookAfter}};
}

}  // namespace

namespace {

// The result as JSON; with `withAssignments` false its "assignments" array is empty.
json resultToJson(const AllocationResult& result, bool withAssignments) {
    json out;
    out["format"] = "baton-allocation";
    out["version"] = kAllocationFormatVersion;
    out["method"] = result.method;
    out["seed"] = result.seed;
    out["policy_version"] = result.policyVersion;
    out["input_sha256"] = result.inputSha256;
    out["policy"] = policyToJson(result.policy);
    out["assignments"] = json::array();
    if (withAssignments) {
        for (const Assignment& a : result.assignments) {
            out["assignments"].push_back(assignmentToJson(a));
        }
    }
    out["unassigned"] = json::array();
    for (const Unassigned& u : result.unassigned) {
        out["unassigned"].push_back(
            {{"client", u.client}, {"reason", u.reason}, {"detail", u.detail}});
    }
    out["employees"] = json::array();
    for (const EmployeeOutcome& e : result.employees) out["employees"].push_back(employeeToJson(e));
    out["certificates"] = certificatesToJson(result.certificates);
    out["optimality"] = optimalityToJson(result.optimality);
    out["figures"] = figuresToJson(result.figures);
    out["notes"] = result.notes;
    json baselines = json::object();
    for (const auto& [name, summary] : result.baselines) {
        json b = {{"figures", figuresToJson(summary.figures)},
                  {"certificates", certificatesToJson(summary.certificates)}};
        if (name == "proposal") b["breaches"] = summary.breaches;
        baselines[name] = b;
    }
    out["baselines"] = baselines;
    return out;
}

}  // namespace

json allocationToJson(const AllocationResult& result) {
    return resultToJson(result, true);
}

namespace {

// Appends `text` as nlohmann's dump writes a string.
void appendString(std::string& out, const std::string& text) {
    if (!json_fields::appendPlainString(out, text)) out += json(text).dump();
}

// Appends a double as nlohmann's dump writes it (its own shortest round-trip digits).
void appendNumber(std::string& out, double x) {
    out += json(x).dump();
}

// Appends the value of "fit" inside an assignment's "breakdown", keys sorted.
void appendFitTerms(std::string& out, const Assignment& a) {
    std::vector<const FitTerm*> sorted;
    for (const FitTerm& t : a.breakdown) sorted.push_back(&t);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const FitTerm* x, const FitTerm* y) { return x->name < y->name; });
    // A repeated name keeps its last contribution, as json's operator[] does.
    std::vector<const FitTerm*> terms;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i + 1 < sorted.size() && sorted[i + 1]->name == sorted[i]->name) continue;
        terms.push_back(sorted[i]);
    }
    if (terms.empty()) {
        out += "{}";
        return;
    }
    out += "{\n";
    for (std::size_t i = 0; i < terms.size(); ++i) {
        out += "          ";
        appendString(out, terms[i]->name);
        out += ": ";
        appendNumber(out, r6(terms[i]->contribution));
        out += i + 1 < terms.size() ? ",\n" : "\n";
    }
    out += "        }";
}

void appendReasons(std::string& out, const Assignment& a) {
    if (a.reasons.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < a.reasons.size(); ++i) {
        out += "        ";
        appendString(out, a.reasons[i]);
        out += i + 1 < a.reasons.size() ? ",\n" : "\n";
    }
    out += "      ]";
}

void appendRunnersUp(std::string& out, const Assignment& a) {
    if (a.runnersUp.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < a.runnersUp.size(); ++i) {
        const RunnerUp& u = a.runnersUp[i];
        out += "        {\n          \"employee\": ";
        appendString(out, u.employee);
        out += ",\n          \"fit\": ";
        appendNumber(out, r6(u.fit));
        out += ",\n          \"lost_because\": ";
        appendString(out, u.lostBecause);
        out += i + 1 < a.runnersUp.size() ? "\n        },\n" : "\n        }\n";
    }
    out += "      ]";
}

// Appends one assignment as dump(2) writes it as an element of the top-level
// "assignments" array: the same keys in the same (sorted) order, indented by 4 to 12.
void appendAssignment(std::string& out, const Assignment& a) {
    out += "    {\n      \"breakdown\": {\n        \"fit\": ";
    appendFitTerms(out, a);
    out += "\n      },\n      \"client\": ";
    appendString(out, a.client);
    out += ",\n      \"difficulty\": ";
    appendNumber(out, r4(a.difficulty));
    out += ",\n      \"employee\": ";
    appendString(out, a.employee);
    out += ",\n      \"fit\": ";
    appendNumber(out, r6(a.fit));
    out += ",\n      \"reasons\": ";
    appendReasons(out, a);
    out += ",\n      \"runners_up\": ";
    appendRunnersUp(out, a);
    out += ",\n      \"value\": ";
    appendNumber(out, r4(a.value));
    out += ",\n      \"won_because\": ";
    appendString(out, a.wonBecause);
    out += "\n    }";
}

}  // namespace

// The assignments, most of the text at L (33,000 of them, 32 MB), are written one at a
// time without a JSON tree, where the dump of the rest has an empty array.
// The text is the same as allocationToJson(result).dump(2) + "\n" (a test compares them).
std::string writeAllocation(const AllocationResult& result) {
    std::string head = resultToJson(result, false).dump(2) + "\n";
    const std::string placeholder = "{\n  \"assignments\": [],";
    if (result.assignments.empty() || head.compare(0, placeholder.size(), placeholder) != 0) {
        return allocationToJson(result).dump(2) + "\n";
    }
    std::string out = "{\n  \"assignments\": [\n";
    out.reserve(head.size() + result.assignments.size() * 1024);
    for (std::size_t i = 0; i < result.assignments.size(); ++i) {
        appendAssignment(out, result.assignments[i]);
        out += i + 1 < result.assignments.size() ? ",\n" : "\n";
    }
    out += "  ],";
    out.append(head, placeholder.size(), std::string::npos);
    return out;
}

namespace {

// Where one entry of a proposal is: its JSON pointer, or its CSV line.
// Warns about each entry whose client an earlier entry already lists, naming both.
void warnRepeatedClients(const std::vector<ProposedPair>& pairs,
                         const std::vector<ProposalPlace>& places, ProposalReadResult& out) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        auto [at, inserted] = first.emplace(pairs[i].client, i);
        if (inserted) continue;
        const ProposedPair& counted = pairs[at->second];
        std::string earlier = places[at->second].text();
        std::string message = "client \"" + pairs[i].client + "\" is listed twice: " + earlier +
                              " gives it to \"" + counted.employee + "\" and " + places[i].text() +
                              " to \"" + pairs[i].employee + "\"; the first entry (" + earlier +
                              ") counts and this one is ignored, so remove the entry you do "
                              "not mean";
        JsonError warning;
        warning.path = places[i].path;
        if (places[i].line > 0) warning.line = static_cast<int>(places[i].line);
        warning.message = json_fields::validUtf8(message);
        out.warnings.push_back(std::move(warning));
    }
}

void readJsonProposal(const json& doc, ProposalReadResult& out) {
    if (!doc.is_object() || !doc.contains("assignments") || !doc["assignments"].is_array()) {
        out.errors.push_back(
            {"/assignments", std::nullopt, std::nullopt,
             "missing array \"assignments\"; give [{\"client\": ..., \"employee\": ...}]"});
        return;
    }
    std::vector<ProposedPair> pairs;
    std::vector<ProposalPlace> where;
    const json& list = doc["assignments"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = "/assignments/" + std::to_string(i);
        const json& item = list[i];
        if (!item.is_object()) {
            out.errors.push_back(
                {at, std::nullopt, std::nullopt, "expected an object with client and employee"});
            continue;
        }
        bool ok = true;
        for (const char* key : {"client", "employee"}) {
            if (!item.contains(key) || !item[key].is_string()) {
                out.errors.push_back(
                    {at + "/" + key, std::nullopt, std::nullopt,
                     std::string("missing or not a string: ") + key + " (ids are strings)"});
                ok = false;
            }
        }
        if (ok) {
            pairs.push_back(
                {item["client"].get<std::string>(), item["employee"].get<std::string>()});
            where.push_back({at, 0});
        }
    }
    if (!out.errors.empty()) return;
    warnRepeatedClients(pairs, where, out);
    out.pairs = std::move(pairs);
    out.places = std::move(where);
}

// The header names that a proposal CSV may use for its two columns: the format's own names
// and the usual Chinese ones. A header cell matches after trimming and folding ASCII case.
constexpr std::string_view kClientHeaders[] = {"client",   "client_id", "客户",
                                               "客户编号", "客户id",    "客户代码"};
constexpr std::string_view kEmployeeHeaders[] = {"employee", "employee_id", "负责人", "员工",
                                                 "员工编号", "员工id",      "接手人"};

std::string foldedHeader(std::string_view cell) {
    std::string out(trimCell(cell));
    for (char& ch : out) {
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    }
    return out;
}

template <std::size_t N>
bool namesColumn(std::string_view cell, const std::string_view (&names)[N]) {
    std::string folded = foldedHeader(cell);
    return std::find(std::begin(names), std::end(names), folded) != std::end(names);
}

// Finds the client and employee columns of the header line. Returns false, with an error in
// `out`, when either is missing.
bool readProposalHeader(CsvReader& reader, std::size_t& clientCol, std::size_t& employeeCol,
                        ProposalReadResult& out) {
    bool read = reader.next();
    clientCol = employeeCol = std::string_view::npos;
    std::string found;
    for (std::size_t k = 0; read && k < reader.fieldCount(); ++k) {
        std::string_view cell = reader.field(k);
        if (clientCol == std::string_view::npos && namesColumn(cell, kClientHeaders))
            clientCol = k;
        else if (employeeCol == std::string_view::npos && namesColumn(cell, kEmployeeHeaders))
            employeeCol = k;
        found += (k > 0 ? "," : "") + std::string(cell);
    }
    if (clientCol != std::string_view::npos && employeeCol != std::string_view::npos) return true;
    out.errors.push_back(
        {"", 1, 1,
         "the proposal is neither JSON nor CSV with the header client,employee (or 客户,负责人); "
         "found \"" +
             found.substr(0, 80) +
             "\". Put the client ids in a column headed client "
             "and the employee ids in one headed employee"});
    return false;
}

void readCsvProposal(std::string_view text, ProposalReadResult& out) {
    CsvReader reader(text, detectDelimiter(text));
    std::size_t clientCol = 0;
    std::size_t employeeCol = 0;
    if (!readProposalHeader(reader, clientCol, employeeCol, out)) return;
    std::size_t needed = std::max(clientCol, employeeCol) + 1;
    std::vector<ProposedPair> pairs;
    std::vector<ProposalPlace> where;
    while (reader.next()) {
        if (reader.fieldCount() == 1 && reader.field(0).empty()) continue;
        if (reader.fieldCount() < needed || trimCell(reader.field(clientCol)).empty() ||
            trimCell(reader.field(employeeCol)).empty()) {
            out.errors.push_back({"", int(reader.line()), 1,
                                  "expected a client id and an employee id in the columns of "
                                  "the header"});
            continue;
        }
        pairs.push_back({std::string(trimCell(reader.field(clientCol))),
                         std::string(trimCell(reader.field(employeeCol)))});
        where.push_back({"", reader.line()});
    }
    if (!reader.error().empty())
        out.errors.push_back({"", int(reader.line()), std::nullopt, reader.error()});
    if (pairs.empty() && out.errors.empty()) {
        out.warnings.push_back({"", 2, 1,
                                "the proposal has its header but no pairs, so the review places "
                                "no client; add one line client,employee for each released "
                                "client it places"});
    }
    if (!out.errors.empty()) return;
    warnRepeatedClients(pairs, where, out);
    out.pairs = std::move(pairs);
    out.places = std::move(where);
}

}  // namespace

ProposalReadResult readProposal(std::string_view bytes) {
    ProposalReadResult out;
    // Excel saves CSV in the system's code page (GBK on Chinese Windows) or as UTF-16
    // "Unicode text", so the proposal is decoded as the imports are.
    std::string storage;
    DecodeViewResult decoded = decodeTextView(bytes, Encoding::Auto, storage);
    if (!decoded.text) {
        out.errors.push_back({"", std::nullopt, std::nullopt,
                              decoded.error + "; save the proposal as CSV UTF-8 or JSON"});
        return out;
    }
    std::string_view text = *decoded.text;
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        out.errors.push_back({"", std::nullopt, std::nullopt,
                              "the proposal file is empty; it needs the header client,employee "
                              "and one line per client, or a JSON proposal"});
        return out;
    }
    if (text[first] == '{' || text[first] == '[') {
        std::optional<json> doc = parseJsonDocument(text, out.errors);
        if (!doc) return out;
        readJsonProposal(*doc, out);
        return out;
    }
    readCsvProposal(text, out);
    return out;
}

namespace {

// Warns about a known pair that the review cannot place as proposed.
void warnUnplaceable(const Workspace& workspace, const std::vector<char>& released,
                     const ProposedPair& pair, const ProposalPlace* place,
                     std::vector<JsonError>& warnings) {
    int client = workspace.findClient(pair.client);
    int employee = workspace.findEmployee(pair.employee);
    JsonError warning;
    if (place != nullptr && !place->path.empty()) warning.path = place->path;
    if (place != nullptr && place->line > 0) warning.line = static_cast<int>(place->line);
    std::string name = pair.client + " → " + pair.employee;
    if (!released[std::size_t(client)]) {
        warning.message = name + ": " + pair.client +
                          " is not released under the policy, so the review leaves this pair "
                          "out; propose only the released clients (the leavers' clients, or "
                          "every client when the policy's scope is all)";
        warnings.push_back(std::move(warning));
        return;
    }
    const Employee& e = workspace.employees[std::size_t(employee)];
    if (e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person) return;
    std::string status = statusInMessage(e);
    warning.message = name + ": " + pair.employee + " is " + status +
                      ", and only active employees receive clients, so the review counts this "
                      "pair as a breach and leaves " +
                      pair.client + " unassigned; give it to an active employee";
    warnings.push_back(std::move(warning));
}

}  // namespace

void checkProposalIds(const Workspace& workspace, const Policy& policy, ProposalReadResult& read) {
    if (!read.pairs) return;
    for (std::size_t i = 0; i < read.pairs->size(); ++i) {
        const ProposedPair& pair = (*read.pairs)[i];
        const ProposalPlace* place = i < read.places.size() ? &read.places[i] : nullptr;
        auto unknown = [&](const char* key, const std::string& id) {
            JsonError error;
            error.message = std::string("no ") + key + " has the id \"" + id +
                            "\"; use the ids of the open workspace";
            if (place != nullptr && !place->path.empty()) error.path = place->path + "/" + key;
            if (place != nullptr && place->line > 0) error.line = static_cast<int>(place->line);
            read.errors.push_back(std::move(error));
        };
        if (workspace.findClient(pair.client) < 0) unknown("client", pair.client);
        if (workspace.findEmployee(pair.employee) < 0) unknown("employee", pair.employee);
    }
    if (!read.errors.empty()) {
        read.pairs.reset();
        return;
    }
    std::vector<char> released(workspace.clients.size(), 0);
    for (int j : releasedClients(workspace, policy)) released[std::size_t(j)] = 1;
    // Only the first pair of a client counts, and readProposal already warns about the rest.
    std::vector<char> seen(workspace.clients.size(), 0);
    for (std::size_t i = 0; i < read.pairs->size(); ++i) {
        const ProposedPair& pair = (*read.pairs)[i];
        char& first = seen[std::size_t(workspace.findClient(pair.client))];
        if (first) continue;
        first = 1;
        const ProposalPlace* place = i < read.places.size() ? &read.places[i] : nullptr;
        warnUnplaceable(workspace, released, pair, place, read.warnings);
    }
}

std::optional<std::string> inputHashBreach(const Workspace& workspace,
                                           const ReportedAllocation& reported) {
    std::string actual = inputSha256(workspace, reported.policy);
    if (reported.inputSha256.empty()) {
        return "the result states no input_sha256, so it cannot be tied to this workspace";
    }
    if (reported.inputSha256 == actual) return std::nullopt;
    return "input_sha256 " + reported.inputSha256 +
           " is not the hash of this workspace under "
           "the result's policy (" +
           actual +
           "): the result was made for another input, or "
           "the workspace changed since";
}

}  // namespace baton
