#include "io/export_xlsx.h"

#include <initializer_list>
#include <map>
#include <optional>
#include <string_view>

#include "io/xlsx_writer.h"

namespace baton {

namespace {

// A cell value for XlsxWriter: text, or a number (an absent number is an empty cell). The
// constructors are implicit so that a row reads as a braced list of fields.
struct Cell {
    Cell(std::string_view text) : text(text) {}
    Cell(const std::string& text) : text(text) {}
    Cell(const char* text) : text(text) {}
    Cell(std::optional<double> number) : isNumber(true), number(number) {}
    Cell(double number) : isNumber(true), number(number) {}

    std::string_view text;
    bool isNumber = false;
    std::optional<double> number;
};

bool writeRow(XlsxWriter& writer, std::initializer_list<Cell> cells) {
    if (!writer.beginRow()) return false;
    for (const Cell& cell : cells) {
        bool ok = !cell.isNumber ? writer.text(cell.text)
                  : cell.number  ? writer.number(*cell.number)
                                 : writer.empty();
        if (!ok) return false;
    }
    return writer.endRow();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += "; ";
        out += item;
    }
    return out;
}

std::optional<double> optionalNumber(const std::optional<int>& value) {
    if (!value) return std::nullopt;
    return static_cast<double>(*value);
}

bool writeEmployees(XlsxWriter& w, const Workspace& ws) {
    if (!w.beginSheet("employees")) return false;
    if (!writeRow(w, {"id", "name", "team", "role", "status", "kind", "hired", "last_day",
                      "max_clients", "max_workload", "skills", "sales_12m",
                      "quota_attainment", "csat", "retention", "review"})) {
        return false;
    }
    for (const Employee& e : ws.employees) {
        std::string skills = joined(e.skills);
        const Metrics& m = e.metrics;
        if (!writeRow(w, {e.id, e.name, e.team, e.role, toString(e.status), toString(e.kind),
                          e.hired, e.lastDay, optionalNumber(e.maxClients), e.maxWorkload,
                          skills, m.sales12m, m.quotaAttainment, m.csat, m.retention,
                          m.review})) {
            return false;
        }
    }
    return true;
}

bool writeClients(XlsxWriter& w, const Workspace& ws) {
    if (!w.beginSheet("clients")) return false;
    if (!writeRow(w, {"id", "name", "owner", "industry", "region", "language", "tier",
                      "revenue_12m", "potential", "workload", "difficulty", "satisfaction",
                      "complaints", "late_payments", "key_account", "needs", "prefers",
                      "notes"})) {
        return false;
    }
    for (const Client& c : ws.clients) {
        std::string needs = joined(c.needs);
        std::string prefers = joined(c.prefers);
        const char* key = "";
        if (c.hasKeyAccount) key = c.keyAccount ? "true" : "false";
        if (!writeRow(w, {c.id, c.name, c.owner.value_or(""), c.industry, c.region, c.language,
                          c.tier, c.revenue12m, c.potential, c.workload, c.difficulty,
                          c.satisfaction, c.complaints, c.latePayments, key, needs, prefers,
                          c.notes.value_or("")})) {
            return false;
        }
    }
    return true;
}

bool writeActivity(XlsxWriter& w, const Workspace& ws) {
    if (!w.beginSheet("transactions") ||
        !writeRow(w, {"client", "date", "amount", "employee"})) {
        return false;
    }
    for (const Transaction& t : ws.transactions) {
        if (!writeRow(w, {t.client, t.date, t.amount, t.employee.value_or("")})) return false;
    }
    if (!w.beginSheet("deals") ||
        !writeRow(w, {"id", "client", "employee", "stage", "amount", "expected_close"})) {
        return false;
    }
    for (const Deal& d : ws.deals) {
        if (!writeRow(w, {d.id, d.client, d.employee, toString(d.stage), d.amount,
                          d.expectedClose.value_or("")})) {
            return false;
        }
    }
    if (!w.beginSheet("relationships") || !writeRow(w, {"employee", "client", "kind"})) {
        return false;
    }
    for (const Relationship& r : ws.relationships) {
        if (!writeRow(w, {r.employee, r.client, toString(r.kind)})) return false;
    }
    return true;
}

// Writes the sheet that marks the workbook as a workspace export for the import and lists
// what the workbook leaves out for a reader.
bool writeMarker(XlsxWriter& w) {
    return w.beginSheet(std::string(kWorkspaceMarkerSheet)) &&
           writeRow(w, {"key", "value"}) &&
           writeRow(w, {std::string_view(kWorkspaceMarkerKey),
                        std::string_view(kWorkspaceMarkerFormat)}) &&
           writeRow(w, {"version", 1.0}) &&
           writeRow(w, {"not_included", "policy, company, reassignment cycles, audit log, "
                                        "fields outside these columns"}) &&
           writeRow(w, {"note", "baton import keeps the deals of this workbook as deals. The "
                                "imported workspace has the default policy."});
}

XlsxExportResult finished(XlsxWriter& writer, bool ok) {
    XlsxExportResult out;
    if (ok) out.bytes = writer.finish();
    if (!out.bytes) out.error = "XLSX export failed: " + writer.error();
    return out;
}

}  // namespace

XlsxExportResult exportWorkspaceXlsx(const Workspace& workspace) {
    XlsxWriter writer;
    bool ok = writeEmployees(writer, workspace) && writeClients(writer, workspace) &&
              writeActivity(writer, workspace) && writeMarker(writer);
    return finished(writer, ok);
}

XlsxExportResult exportAssignmentsXlsx(const AllocationResult& result,
                                       const Workspace& workspace) {
    XlsxWriter writer;
    bool ok = writer.beginSheet("assignments") &&
              writeRow(writer, {"client", "client_name", "previous_owner", "employee",
                                "employee_name", "fit", "value", "difficulty", "won_because"});
    // Indexes by id, because Workspace::findClient is a linear search.
    std::map<std::string_view, const Client*> clients;
    for (const Client& c : workspace.clients) clients.emplace(c.id, &c);
    std::map<std::string_view, std::string_view> employeeNames;
    for (const Employee& e : workspace.employees) employeeNames.emplace(e.id, e.name);
    auto client = [&](const std::string& id) -> const Client* {
        auto found = clients.find(id);
        return found == clients.end() ? nullptr : found->second;
    };
    for (std::size_t i = 0; ok && i < result.assignments.size(); ++i) {
        const Assignment& a = result.assignments[i];
        const Client* c = client(a.client);
        auto e = employeeNames.find(a.employee);
        std::string_view employeeName = e == employeeNames.end() ? "" : e->second;
        ok = writeRow(writer, {a.client, c ? c->name : "", c ? c->owner.value_or("") : "",
                               a.employee, employeeName, a.fit,
                               a.value, a.difficulty, a.wonBecause});
    }
    for (std::size_t i = 0; ok && i < result.unassigned.size(); ++i) {
        const Unassigned& u = result.unassigned[i];
        const Client* c = client(u.client);
        std::string reason = "unassigned: " + u.reason;
        ok = writeRow(writer, {u.client, c ? c->name : "", c ? c->owner.value_or("") : "", "",
                               "", std::optional<double>(), std::optional<double>(),
                               std::optional<double>(), reason});
    }
    return finished(writer, ok);
}

}  // namespace baton
