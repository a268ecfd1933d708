// Reading the workspace JSON format version 1: types, required fields, dates and enums
// per entity, then the references between entities, checked through hash maps built once.
// readWorkspace() (in io/workspace_parse.cpp) parses with the streaming reader of
// io/workspace_sax.h, and workspaceFromJson() reads a parsed document with the same entity
// readers.
#include "io/workspace_json.h"

#include <unordered_map>
#include <utility>

#include "io/cycle_json.h"
#include "io/json_fields.h"
#include "io/workspace_sax.h"

namespace baton {

using json_fields::ErrorSink;
using json_fields::FieldReader;
using json_fields::pointerJoin;
using json_fields::RecordReader;
using nlohmann::json;
using workspace_sax::List;
using workspace_sax::SourceIndex;
using workspace_sax::StreamedLists;

namespace {

constexpr int kFormatVersion = 1;

// The entity readers are templates over FieldReader (a parsed document) and RecordReader
// (the streaming reader), so that both give the same entities and the same errors.
template <typename Reader>
void readCapacity(Reader& r, Employee& e) {
    const auto* capacity =
        r.object("capacity", R"({"max_clients": 40, "max_workload": 120})",
                 "give each limit by its name, and leave out a limit that does not apply");
    if (!capacity) return;
    e.hasCapacity = true;
    Reader c(r.sink(), *capacity, r.pathOf("capacity"));
    if (auto n = c.integerIn("max_clients", 0, 1000000000)) e.maxClients = static_cast<int>(*n);
    e.maxWorkload = c.numberAtLeast("max_workload", 0.0);
    c.keepExtras(e.capacityExtra, {"max_clients", "max_workload"});
}

template <typename Reader>
void readMetrics(Reader& r, Employee& e) {
    const auto* metrics = r.object("metrics",
                                   R"({"sales_12m": 1250000, "quota_attainment": 0.96, )"
                                   R"("csat": 4.4, "retention": 0.91, "review": 4.0})",
                                   "give each metric by its name, and leave out a metric that is "
                                   "unknown");
    if (!metrics) return;
    e.hasMetrics = true;
    Reader m(r.sink(), *metrics, r.pathOf("metrics"));
    e.metrics.sales12m = m.number("sales_12m");
    e.metrics.quotaAttainment = m.numberAtLeast("quota_attainment", 0.0);
    e.metrics.csat = m.numberAtLeast("csat", 0.0);
    e.metrics.retention = m.numberIn("retention", 0.0, 1.0);
    e.metrics.review = m.numberAtLeast("review", 0.0);
    m.keepExtras(e.metrics.extra, {"sales_12m", "quota_attainment", "csat", "retention", "review"});
}

template <typename Reader>
void readEmployee(Reader& r, Employee& e) {
    e.id = r.id("id", true).value_or("");
    e.name = r.text("name", true).value_or("");
    e.team = r.text("team").value_or("");
    e.role = r.text("role").value_or("");
    e.hired = r.date("hired").value_or("");
    if (auto status = r.choice("status", {"active", "leaving", "departed", "on_leave"}, true)) {
        e.status = *parseEmployeeStatus(*status);
    }
    e.lastDay = r.date("last_day").value_or("");
    readCapacity(r, e);
    e.skills = r.textList("skills");
    readMetrics(r, e);
    if (auto kind = r.choice("kind", {"person", "system"})) e.kind = *parseEmployeeKind(*kind);
    r.keepExtras(e.extra, {"id", "name", "team", "role", "hired", "status", "last_day", "capacity",
                           "skills", "metrics", "kind"});
}

template <typename Reader>
void readClient(Reader& r, Client& c) {
    c.id = r.id("id", true).value_or("");
    c.name = r.text("name", true).value_or("");
    if (r.require("owner", "give the owner's employee id, or null for a client nobody owns")) {
        c.owner = r.id("owner");
    }
    c.industry = r.text("industry").value_or("");
    c.region = r.text("region").value_or("");
    c.language = r.text("language").value_or("");
    c.tier = r.text("tier").value_or("");
    c.revenue12m = r.number("revenue_12m");
    c.potential = r.numberAtLeast("potential", 0.0);
    c.workload = r.numberAtLeast("workload", 0.0);
    c.difficulty = r.numberIn("difficulty", 0.0, 100.0);
    c.satisfaction = r.numberIn("satisfaction", 1.0, 5.0);
    c.complaints = r.numberAtLeast("complaints", 0.0);
    c.latePayments = r.numberAtLeast("late_payments", 0.0);
    if (auto key = r.boolean("key_account")) {
        c.keyAccount = *key;
        c.hasKeyAccount = true;
    }
    c.needs = r.textList("needs");
    c.prefers = r.textList("prefers");
    c.notes = r.text("notes");
    r.keepExtras(c.extra,
                 {"id", "name", "owner", "industry", "region", "language", "tier", "revenue_12m",
                  "potential", "workload", "difficulty", "satisfaction", "needs", "prefers",
                  "complaints", "late_payments", "key_account", "notes"});
}

template <typename Reader>
void readTransaction(Reader& r, Transaction& t) {
    t.client = r.id("client", true).value_or("");
    t.date = r.date("date", true).value_or("");
    t.amount = r.number("amount", true).value_or(0.0);
    t.employee = r.id("employee");
    r.keepExtras(t.extra, {"client", "date", "amount", "employee"});
}

template <typename Reader>
void readRelationship(Reader& r, Relationship& rel) {
    rel.employee = r.id("employee", true).value_or("");
    rel.client = r.id("client", true).value_or("");
    if (auto kind = r.choice("kind", {"served_before", "conflict", "personal"}, true)) {
        rel.kind = *parseRelationshipKind(*kind);
    }
    r.keepExtras(rel.extra, {"employee", "client", "kind"});
}

template <typename Reader>
void readDeal(Reader& r, Deal& d) {
    d.id = r.id("id", true).value_or("");
    d.client = r.id("client", true).value_or("");
    d.employee = r.id("employee", true).value_or("");
    if (auto stage = r.choice("stage", {"open", "won", "lost"}, true)) {
        d.stage = *parseDealStage(*stage);
    }
    d.amount = r.number("amount", true).value_or(0.0);
    d.expectedClose = r.date("expected_close");
    r.keepExtras(d.extra, {"id", "client", "employee", "stage", "amount", "expected_close"});
}

// Reads one top-level array; `sources` receives the array index of each entity read, so
// that later checks can name the right JSON pointer.
template <typename T, typename ReadOne>
void readList(ErrorSink& sink, const json& doc, const char* key, const char* noun,
              std::vector<T>& out, std::vector<std::size_t>& sources, ReadOne readOne) {
    auto it = doc.find(key);
    if (it == doc.end()) return;
    std::string base = pointerJoin("", key);
    if (!it->is_array()) {
        // null is rejected too: it is no list, and a writer that meant "none" writes [].
        sink.add(base, std::string("must be an array of ") + noun + " objects, found " +
                           json_fields::describeType(*it) + "; write [] for none");
        return;
    }
    out.reserve(it->size());
    sources.reserve(it->size());
    for (std::size_t i = 0; i < it->size() && !sink.full(); ++i) {
        const json& item = (*it)[i];
        std::string path = pointerJoin(base, i);
        if (!item.is_object()) {
            sink.add(path, std::string("each ") + noun + " must be an object, found " +
                               json_fields::describeType(item));
            continue;
        }
        FieldReader reader(sink, item, std::move(path));
        T entity;
        readOne(reader, entity);
        out.push_back(std::move(entity));
        sources.push_back(i);
    }
}

using IdMap = std::unordered_map<std::string, std::size_t>;

// Maps each id to its array index and reports every repeated id with its first use.
template <typename T>
IdMap indexIds(ErrorSink& sink, const std::vector<T>& items,
               const std::vector<std::size_t>& sources, const char* array, const char* noun) {
    IdMap ids;
    ids.reserve(items.size() * 2);
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].id.empty()) continue;
        auto [it, inserted] = ids.emplace(items[k].id, sources[k]);
        if (inserted) continue;
        std::string path = pointerJoin(pointerJoin(pointerJoin("", array), sources[k]), "id");
        sink.add(path, std::string("duplicate ") + noun + " id \"" + items[k].id + "\": /" + array +
                           "/" + std::to_string(it->second) + " has it already; give each " + noun +
                           " its own id");
    }
    return ids;
}

void checkReference(ErrorSink& sink, const IdMap& ids, const std::string& id,
                    const std::string& path, const char* noun, const char* array) {
    if (id.empty() || ids.count(id) || sink.full()) return;
    sink.add(path, std::string(noun) + " \"" + id + "\" is not the id of any " + noun +
                       "; use an id from /" + array);
}

std::string entityPath(const char* array, std::size_t index, const char* key) {
    return pointerJoin(pointerJoin(pointerJoin("", array), index), key);
}

void checkOverrides(ErrorSink& sink, const json& doc, const char* key, const IdMap& employees,
                    const IdMap& clients) {
    const json* policy = doc.contains("policy") ? &doc["policy"] : nullptr;
    if (!policy || !policy->is_object() || !policy->contains(key)) return;
    const json& list = (*policy)[key];
    if (!list.is_array()) return;
    std::string base = pointerJoin("/policy", key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& item = list[i];
        if (!item.is_object()) continue;
        std::string at = pointerJoin(base, i);
        if (auto c = item.find("client"); c != item.end() && c->is_string()) {
            checkReference(sink, clients, c->get<std::string>(), at + "/client", "client",
                           "clients");
        }
        if (auto e = item.find("employee"); e != item.end() && e->is_string()) {
            checkReference(sink, employees, e->get<std::string>(), at + "/employee", "employee",
                           "employees");
        }
    }
}

// Checks the client and employee of every transaction. Consecutive transactions often
// share them, so the last id found is compared before the hash map is searched, and a
// JSON pointer is built only for an error.
void checkTransactionReferences(ErrorSink& sink, const Workspace& ws, const SourceIndex& src,
                                const IdMap& employees, const IdMap& clients) {
    const std::string* lastClient = nullptr;
    const std::string* lastEmployee = nullptr;
    for (std::size_t k = 0; k < ws.transactions.size() && !sink.full(); ++k) {
        const Transaction& t = ws.transactions[k];
        std::size_t i = src.transactions[k];
        bool sameClient = lastClient && t.client == *lastClient;
        if (!sameClient && clients.count(t.client)) {
            lastClient = &t.client;
        } else if (!sameClient) {
            checkReference(sink, clients, t.client, entityPath("transactions", i, "client"),
                           "client", "clients");
        }
        if (!t.employee) continue;
        bool sameEmployee = lastEmployee && *t.employee == *lastEmployee;
        if (!sameEmployee && employees.count(*t.employee)) {
            lastEmployee = &*t.employee;
        } else if (!sameEmployee) {
            checkReference(sink, employees, *t.employee, entityPath("transactions", i, "employee"),
                           "employee", "employees");
        }
    }
}

void checkReferences(ErrorSink& sink, const Workspace& ws, const SourceIndex& src,
                     const json& doc) {
    IdMap employees = indexIds(sink, ws.employees, src.employees, "employees", "employee");
    IdMap clients = indexIds(sink, ws.clients, src.clients, "clients", "client");
    indexIds(sink, ws.deals, src.deals, "deals", "deal");
    for (std::size_t k = 0; k < ws.clients.size() && !sink.full(); ++k) {
        const std::optional<std::string>& owner = ws.clients[k].owner;
        if (!owner || owner->empty() || employees.count(*owner)) continue;
        sink.add(entityPath("clients", src.clients[k], "owner"),
                 "owner \"" + *owner +
                     "\" is not the id of any employee; use an id from "
                     "/employees, or null for a client nobody owns");
    }
    checkTransactionReferences(sink, ws, src, employees, clients);
    for (std::size_t k = 0; k < ws.relationships.size() && !sink.full(); ++k) {
        const Relationship& r = ws.relationships[k];
        std::size_t i = src.relationships[k];
        checkReference(sink, employees, r.employee, entityPath("relationships", i, "employee"),
                       "employee", "employees");
        checkReference(sink, clients, r.client, entityPath("relationships", i, "client"), "client",
                       "clients");
    }
    for (std::size_t k = 0; k < ws.deals.size() && !sink.full(); ++k) {
        const Deal& d = ws.deals[k];
        std::size_t i = src.deals[k];
        checkReference(sink, clients, d.client, entityPath("deals", i, "client"), "client",
                       "clients");
        checkReference(sink, employees, d.employee, entityPath("deals", i, "employee"), "employee",
                       "employees");
    }
    checkOverrides(sink, doc, "pins", employees, clients);
    checkOverrides(sink, doc, "forbids", employees, clients);
}

// Checks "format" and "version". Returns false when the document is another format or a
// newer version, whose other fields would only give misleading errors.
bool checkHeader(FieldReader& top) {
    const char* hint = "a workspace starts with \"format\": \"baton-workspace\", \"version\": 1";
    if (top.require("format", hint)) {
        std::optional<std::string> format = top.text("format");
        if (format && *format != "baton-workspace") {
            top.error("format", "must be \"baton-workspace\", found \"" + *format +
                                    "\"; this file is not a Baton workspace");
            return false;
        }
    }
    if (top.require("version", hint)) {
        std::optional<long long> version = top.integer("version", 1);
        if (version && *version > kFormatVersion) {
            top.error("version", "version " + std::to_string(*version) +
                                     " is newer than this build of Baton reads (version 1); "
                                     "open the file with a newer Baton, or export it as "
                                     "version 1");
            return false;
        }
    }
    return true;
}

void readCompany(FieldReader& top, Workspace& ws) {
    const json* company = top.object("company");
    if (!company) return;
    FieldReader c(top.sink(), *company, top.pathOf("company"));
    c.text("name");
    c.text("currency");
    c.text("locale");
    ws.company = *company;
}

void readKeptArray(FieldReader& top, const char* key, json& target) {
    const json* value = top.find(key);
    if (!value || value->is_null()) return;
    if (!value->is_array()) {
        top.error(key, "must be an array, found " + json_fields::describeType(*value));
        return;
    }
    target = *value;
}

void readPolicyInto(ErrorSink& sink, const json& doc, Workspace& ws,
                    std::vector<JsonError>& warnings) {
    auto it = doc.find("policy");
    if (it == doc.end() || it->is_null()) return;
    PolicyReadResult policy = policyFromJson(*it, "/policy");
    for (JsonError& e : policy.errors) sink.add(e.path, std::move(e.message));
    for (JsonError& w : policy.warnings) warnings.push_back(std::move(w));
    if (policy.policy) ws.policy = std::move(*policy.policy);
}

}  // namespace

namespace workspace_sax {

void readEntity(RecordReader& reader, Employee& employee) {
    readEmployee(reader, employee);
}
void readEntity(RecordReader& reader, Client& client) {
    readClient(reader, client);
}
void readEntity(RecordReader& reader, Transaction& transaction) {
    readTransaction(reader, transaction);
}
void readEntity(RecordReader& reader, Relationship& relationship) {
    readRelationship(reader, relationship);
}
void readEntity(RecordReader& reader, Deal& deal) {
    readDeal(reader, deal);
}

namespace {

// Reads one top-level list: its streamed entities and errors when the parser streamed it,
// else from the document. Both give the errors in the same order.
template <typename T>
void readListFrom(ErrorSink& sink, const json& doc, StreamedLists* lists, List list,
                  const char* key, const char* noun, std::vector<T>& out,
                  std::vector<std::size_t>& sources, void (*readOne)(FieldReader&, T&)) {
    if (!lists || !lists->streamed[list]) {
        readList(sink, doc, key, noun, out, sources, readOne);
        return;
    }
    for (JsonError& error : lists->errors[list]) sink.add(error.path, std::move(error.message));
}

}  // namespace

WorkspaceReadResult assembleWorkspace(const json& doc, StreamedLists* lists) {
    WorkspaceReadResult result;
    ErrorSink sink(result.errors);
    if (!doc.is_object()) {
        sink.add("", "a workspace must be a JSON object, found " + json_fields::describeType(doc));
        return result;
    }
    FieldReader top(sink, doc, "");
    if (!checkHeader(top)) return result;
    Workspace ws;
    SourceIndex src;
    if (lists) {
        for (JsonError& error : lists->duplicateKeys) sink.add(error.path, error.message);
        ws.employees = std::move(lists->entities.employees);
        ws.clients = std::move(lists->entities.clients);
        ws.transactions = std::move(lists->entities.transactions);
        ws.relationships = std::move(lists->entities.relationships);
        ws.deals = std::move(lists->entities.deals);
        src = std::move(lists->sources);
    }
    readCompany(top, ws);
    readListFrom(sink, doc, lists, kEmployees, "employees", "employee", ws.employees, src.employees,
                 readEmployee<FieldReader>);
    readListFrom(sink, doc, lists, kClients, "clients", "client", ws.clients, src.clients,
                 readClient<FieldReader>);
    readListFrom(sink, doc, lists, kTransactions, "transactions", "transaction", ws.transactions,
                 src.transactions, readTransaction<FieldReader>);
    readListFrom(sink, doc, lists, kRelationships, "relationships", "relationship",
                 ws.relationships, src.relationships, readRelationship<FieldReader>);
    readListFrom(sink, doc, lists, kDeals, "deals", "deal", ws.deals, src.deals,
                 readDeal<FieldReader>);
    readPolicyInto(sink, doc, ws, result.warnings);
    if (const json* cycles = top.find("cycles"); cycles && !cycles->is_null()) {
        ws.cycles = cyclesFromJson(*cycles, "/cycles", result.errors);
    }
    readKeptArray(top, "audit", ws.audit);
    ws.extra = top.extras({"format", "version", "company", "employees", "clients", "transactions",
                           "relationships", "deals", "policy", "cycles", "audit"});
    checkReferences(sink, ws, src, doc);
    if (result.errors.empty()) result.workspace = std::move(ws);
    return result;
}

}  // namespace workspace_sax

WorkspaceReadResult workspaceFromJson(const json& doc) {
    return workspace_sax::assembleWorkspace(doc, nullptr);
}

std::vector<JsonError> checkPolicyReferences(const Workspace& ws, const Policy& policy,
                                             const std::string& pointer) {
    std::vector<JsonError> errors;
    ErrorSink sink(errors);
    IdMap employees, clients;
    for (std::size_t i = 0; i < ws.employees.size(); ++i) employees.emplace(ws.employees[i].id, i);
    for (std::size_t j = 0; j < ws.clients.size(); ++j) clients.emplace(ws.clients[j].id, j);
    const std::pair<const char*, const std::vector<PairOverride>*> lists[] = {
        {"pins", &policy.pins}, {"forbids", &policy.forbids}};
    for (const auto& [key, pairs] : lists) {
        std::string base = pointerJoin(pointer, key);
        for (std::size_t i = 0; i < pairs->size(); ++i) {
            const PairOverride& pair = (*pairs)[i];
            std::string at = pointerJoin(base, i);
            checkReference(sink, clients, pair.client, at + "/client", "client", "clients");
            checkReference(sink, employees, pair.employee, at + "/employee", "employee",
                           "employees");
        }
    }
    return errors;
}

}  // namespace baton
