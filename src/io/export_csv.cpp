#include "io/export_csv.h"

#include <cstdio>
#include <string_view>

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

// A cell of the export: text, which appendRow passes through escapeFormulaText, or a number
// from number(), which is written as it is so that a spreadsheet reads it as a number.
struct CsvCell {
    CsvCell(std::string text) : value(std::move(text)) {}
    CsvCell(const char* text) : value(text) {}

    std::string value;
    bool isNumber = false;
};

CsvCell number(double x, int places) {
    CsvCell cell(decimal(x, places));
    cell.isNumber = true;
    return cell;
}

void appendRow(std::string& out, const std::vector<CsvCell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out.push_back(',');
        const CsvCell& cell = cells[i];
        out += csvField(cell.isNumber ? cell.value : escapeFormulaText(cell.value));
    }
    out += "\r\n";
}

}  // namespace

bool startsLikeFormula(std::string_view text) {
    constexpr std::string_view kFormulaStarts = "=+-@\t\r";
    return !text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos;
}

std::string escapeFormulaText(const std::string& text) {
    return startsLikeFormula(text) ? "'" + text : text;
}

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
                         number(a.fit, 6), number(a.value, 4), number(a.difficulty, 4),
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
