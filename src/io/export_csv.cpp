#include "io/export_csv.h"

#include <cstdio>

#include "io/encoding.h"

namespace baton {

namespace {

std::string decimal(double x, int places) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", places, x);
    return text;
}

std::string employeeName(const Workspace& ws, const std::string& id) {
    int i = ws.findEmployee(id);
    return i < 0 ? std::string() : ws.employees[i].name;
}

void appendRow(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(",;\"\r\n\t") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

CsvExportResult exportAssignmentsCsv(const AllocationResult& result, const Workspace& workspace,
                                     CsvExportEncoding encoding) {
    std::string text;
    appendRow(text, {"client", "client_name", "previous_owner", "employee", "employee_name",
                     "fit", "value", "difficulty", "won_because"});
    auto clientInfo = [&](const std::string& id, std::string& name, std::string& owner) {
        int i = workspace.findClient(id);
        if (i < 0) return;
        name = workspace.clients[i].name;
        owner = workspace.clients[i].owner.value_or("");
    };
    for (const Assignment& a : result.assignments) {
        std::string name, owner;
        clientInfo(a.client, name, owner);
        appendRow(text, {a.client, name, owner, a.employee, employeeName(workspace, a.employee),
                         decimal(a.fit, 6), decimal(a.value, 4), decimal(a.difficulty, 4),
                         a.wonBecause});
    }
    for (const Unassigned& u : result.unassigned) {
        std::string name, owner;
        clientInfo(u.client, name, owner);
        appendRow(text, {u.client, name, owner, "", "", "", "", "", "unassigned: " + u.reason});
    }
    CsvExportResult out;
    if (encoding == CsvExportEncoding::Utf8Bom) {
        out.bytes = "\xEF\xBB\xBF" + text;
        return out;
    }
    out.bytes = encodeGb18030(text, out.error);
    return out;
}

}  // namespace baton
