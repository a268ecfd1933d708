// Writing the workspace JSON format version 1, canonical JSON and the input hash. The
// large arrays are written one entity at a time, so that a workspace of a million
// transactions never exists twice as a JSON tree.
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <type_traits>
#include <utility>

#include "core/sha256.h"
#include "io/cycle_json.h"
#include "io/json_fields.h"
#include "io/workspace_json.h"

namespace baton {

using json_fields::appendPlainString;
using json_fields::numberJson;
using nlohmann::json;

namespace {

void putText(json& out, const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
}

void putNumber(json& out, const char* key, const std::optional<double>& value) {
    if (value) out[key] = numberJson(*value);
}

void putList(json& out, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) out[key] = values;
}

std::string dumpText(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

json employeeToJson(const Employee& e) {
    json out = e.extra;
    out["id"] = e.id;
    out["name"] = e.name;
    putText(out, "team", e.team);
    putText(out, "role", e.role);
    putText(out, "hired", e.hired);
    out["status"] = toString(e.status);
    putText(out, "last_day", e.lastDay);
    if (e.hasCapacity || e.maxClients || e.maxWorkload) {
        json capacity = e.capacityExtra;
        if (e.maxClients) capacity["max_clients"] = *e.maxClients;
        putNumber(capacity, "max_workload", e.maxWorkload);
        out["capacity"] = std::move(capacity);
    }
    putList(out, "skills", e.skills);
    const Metrics& m = e.metrics;
    if (e.hasMetrics || m.sales12m || m.quotaAttainment || m.csat || m.retention || m.review) {
        json metrics = m.extra;
        putNumber(metrics, "sales_12m", m.sales12m);
        putNumber(metrics, "quota_attainment", m.quotaAttainment);
        putNumber(metrics, "csat", m.csat);
        putNumber(metrics, "retention", m.retention);
        putNumber(metrics, "review", m.review);
        out["metrics"] = std::move(metrics);
    }
    // NOTE: an explicit "kind": "person" is not kept; it is the default and means the same.
    if (e.kind == EmployeeKind::System) out["kind"] = "system";
    return out;
}

json clientToJson(const Client& c) {
    json out = c.extra;
    out["id"] = c.id;
    out["name"] = c.name;
    out["owner"] = c.owner ? json(*c.owner) : json(nullptr);
    putText(out, "industry", c.industry);
    putText(out, "region", c.region);
    putText(out, "language", c.language);
    putText(out, "tier", c.tier);
    putNumber(out, "revenue_12m", c.revenue12m);
    putNumber(out, "potential", c.potential);
    putNumber(out, "workload", c.workload);
    putNumber(out, "difficulty", c.difficulty);
    putNumber(out, "satisfaction", c.satisfaction);
    putNumber(out, "complaints", c.complaints);
    putNumber(out, "late_payments", c.latePayments);
    if (c.hasKeyAccount || c.keyAccount) out["key_account"] = c.keyAccount;
    putList(out, "needs", c.needs);
    putList(out, "prefers", c.prefers);
    if (c.notes) out["notes"] = *c.notes;
    return out;
}

json transactionToJson(const Transaction& t) {
    json out = t.extra;
    out["client"] = t.client;
    out["date"] = t.date;
    out["amount"] = numberJson(t.amount);
    if (t.employee) out["employee"] = *t.employee;
    return out;
}

json relationshipToJson(const Relationship& r) {
    json out = r.extra;
    out["employee"] = r.employee;
    out["client"] = r.client;
    out["kind"] = toString(r.kind);
    return out;
}

json dealToJson(const Deal& d) {
    json out = d.extra;
    out["id"] = d.id;
    out["client"] = d.client;
    out["employee"] = d.employee;
    out["stage"] = toString(d.stage);
    out["amount"] = numberJson(d.amount);
    if (d.expectedClose) out["expected_close"] = *d.expectedClose;
    return out;
}

namespace {

template <typename T>
json arrayJson(const std::vector<T>& items, json (*toJson)(const T&)) {
    json out = json::array();
    for (const T& item : items) out.push_back(toJson(item));
    return out;
}

// Every top-level member but the five entity arrays.
json headJson(const Workspace& ws) {
    json out = ws.extra;
    out["format"] = "baton-workspace";
    out["version"] = 1;
    if (!ws.company.empty()) out["company"] = ws.company;
    out["policy"] = policyToJson(ws.policy);
    if (!ws.cycles.empty()) out["cycles"] = cyclesToJson(ws.cycles);
    if (!ws.audit.empty()) out["audit"] = ws.audit;
    return out;
}

// Appends a whole number as nlohmann's dump writes numberJson(x) for it; returns false for
// a fraction or a magnitude that numberJson keeps as a double.
bool appendWholeNumber(std::string& out, double x) {
    if (!(std::floor(x) == x && std::fabs(x) < 9007199254740992.0)) return false;
    char buffer[24];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(x)).ptr;
    out.append(buffer, end);
    return true;
}

// Appends the compact dump of transactionToJson(t) without building the JSON object, for
// the common transaction with no unknown fields, plain ids and dates and a whole amount.
// Returns false, having appended nothing, for any other transaction. A million of these
// are written for the input hash of an L workspace.
bool appendCompactTransaction(std::string& out, const Transaction& t) {
    std::size_t mark = out.size();
    bool plain = t.extra.empty();
    if (plain) {
        out += "{\"amount\":";
        plain = appendWholeNumber(out, t.amount);
    }
    if (plain) {
        out += ",\"client\":";
        plain = appendPlainString(out, t.client);
    }
    if (plain) {
        out += ",\"date\":";
        plain = appendPlainString(out, t.date);
    }
    if (plain && t.employee) {
        out += ",\"employee\":";
        plain = appendPlainString(out, *t.employee);
    }
    if (!plain) {
        out.resize(mark);
        return false;
    }
    out.push_back('}');
    return true;
}

// Writes JSON text the way nlohmann's dump does (same separators and indentation), but
// one member or array element at a time. `indent` < 0 is the compact form.
class StreamWriter {
public:
    StreamWriter(std::string& out, int indent, bool compactItems = false)
        : m_out(out), m_indent(indent), m_compactItems(compactItems) {}

    // Appends `value` as it would appear nested `depth` levels deep.
    void value(const json& v, int depth) {
        std::string text = dumpText(v, m_indent);
        if (m_indent < 0 || text.find('\n') == std::string::npos) {
            m_out += text;
            return;
        }
        // JSON strings never hold a raw newline, so every newline starts a new line.
        std::string pad(static_cast<std::size_t>(m_indent * depth), ' ');
        for (char c : text) {
            m_out.push_back(c);
            if (c == '\n') m_out += pad;
        }
    }

    template <typename T>
    void array(const std::vector<T>& items, json (*toJson)(const T&), int depth) {
        if (items.empty()) {
            m_out += "[]";
            return;
        }
        m_out.push_back('[');
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) m_out.push_back(',');
            newline(depth + 1);
            if (m_indent < 0 || m_compactItems) {
                if constexpr (std::is_same_v<T, Transaction>) {
                    if (appendCompactTransaction(m_out, items[i])) continue;
                }
                m_out += dumpText(toJson(items[i]), -1);
            } else {
                value(toJson(items[i]), depth + 1);
            }
        }
        newline(depth);
        m_out.push_back(']');
    }

    void key(const std::string& name, bool first, int depth) {
        if (!first) m_out.push_back(',');
        newline(depth);
        m_out += dumpText(json(name), -1);
        m_out += m_indent < 0 ? ":" : ": ";
    }

    void newline(int depth) {
        if (m_indent < 0) return;
        m_out.push_back('\n');
        m_out.append(static_cast<std::size_t>(m_indent * depth), ' ');
    }

private:
    std::string& m_out;
    int m_indent;
    bool m_compactItems;  // each element of an entity array on one line
};

using MemberWriter = std::function<void(StreamWriter&)>;

// Writes an object whose members are produced by writers, in sorted key order as
// nlohmann orders object keys.
void writeObject(std::string& out, StreamWriter& writer,
                 const std::map<std::string, MemberWriter>& members) {
    out.push_back('{');
    bool first = true;
    for (const auto& [name, write] : members) {
        writer.key(name, first, 1);
        write(writer);
        first = false;
    }
    if (!first) writer.newline(0);
    out.push_back('}');
}

std::map<std::string, MemberWriter> entityArrays(const Workspace& ws) {
    std::map<std::string, MemberWriter> members;
    members["employees"] = [&ws](StreamWriter& w) { w.array(ws.employees, employeeToJson, 1); };
    members["clients"] = [&ws](StreamWriter& w) { w.array(ws.clients, clientToJson, 1); };
    members["transactions"] = [&ws](StreamWriter& w) {
        w.array(ws.transactions, transactionToJson, 1);
    };
    members["relationships"] = [&ws](StreamWriter& w) {
        w.array(ws.relationships, relationshipToJson, 1);
    };
    members["deals"] = [&ws](StreamWriter& w) { w.array(ws.deals, dealToJson, 1); };
    return members;
}

}  // namespace

json workspaceToJson(const Workspace& ws) {
    json out = headJson(ws);
    out["employees"] = arrayJson(ws.employees, employeeToJson);
    out["clients"] = arrayJson(ws.clients, clientToJson);
    out["transactions"] = arrayJson(ws.transactions, transactionToJson);
    out["relationships"] = arrayJson(ws.relationships, relationshipToJson);
    out["deals"] = arrayJson(ws.deals, dealToJson);
    return out;
}

namespace {

std::string writeWith(const Workspace& ws, int indent, bool compactItems) {
    json head = headJson(ws);
    std::map<std::string, MemberWriter> members = entityArrays(ws);
    for (auto it = head.begin(); it != head.end(); ++it) {
        const json* value = &it.value();
        members[it.key()] = [value](StreamWriter& w) { w.value(*value, 1); };
    }
    std::string out;
    StreamWriter writer(out, indent, compactItems);
    writeObject(out, writer, members);
    if (indent >= 0) out.push_back('\n');
    return out;
}

}  // namespace

std::string writeWorkspace(const Workspace& ws, int indent) {
    return writeWith(ws, indent, false);
}

std::string writeWorkspaceLines(const Workspace& ws) {
    return writeWith(ws, 2, true);
}

std::string canonicalJson(const json& value) {
    return dumpText(value, -1);
}

std::string inputSha256(const Workspace& ws, const Policy& effectivePolicy) {
    std::map<std::string, MemberWriter> members = entityArrays(ws);
    json policy = policyToJson(effectivePolicy);
    members["policy"] = [&policy](StreamWriter& w) { w.value(policy, 1); };
    std::string text;
    StreamWriter writer(text, -1);
    writeObject(text, writer, members);
    return sha256Hex(text);
}

std::string formatError(const JsonError& error) {
    std::string where = error.path;
    if (error.line) {
        std::string position = "line " + std::to_string(*error.line);
        if (error.column) position += ", column " + std::to_string(*error.column);
        if (error.offset) position += ", byte offset " + std::to_string(*error.offset);
        where = where.empty() ? position : where + " (" + position + ")";
    }
    return where.empty() ? error.message : where + ": " + error.message;
}

std::string formatErrors(const std::vector<JsonError>& errors, const std::string& source) {
    std::string out;
    for (const JsonError& e : errors) {
        if (!source.empty()) out += source + ": ";
        out += formatError(e);
        out.push_back('\n');
    }
    return out;
}

}  // namespace baton
