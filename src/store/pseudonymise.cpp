#include "store/pseudonymise.h"

#include <map>

#include "core/sha256.h"

namespace baton {

using nlohmann::json;

std::string pseudonym(const std::string& prefix, const std::string& id) {
    std::size_t digits = id.size();
    while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') --digits;
    bool lettersThenDigits = digits < id.size() && id.size() - digits <= 12;
    for (std::size_t i = 0; i < digits && lettersThenDigits; ++i) {
        char c = id[i];
        lettersThenDigits = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                            c == '_';
    }
    if (lettersThenDigits) return prefix + " " + id.substr(digits);
    return prefix + " " + sha256Hex(id).substr(0, 8);
}

namespace {

// Names for a list of ids; where two ids share a pseudonym, both get " (id)" appended
// so that no two people or clients read the same.
template <typename T>
std::map<std::string, std::string> namesFor(const std::vector<T>& rows, const std::string& prefix) {
    std::map<std::string, int> uses;
    for (const T& row : rows) ++uses[pseudonym(prefix, row.id)];
    std::map<std::string, std::string> names;
    for (const T& row : rows) {
        std::string name = pseudonym(prefix, row.id);
        names[row.id] = uses[name] > 1 ? name + " (" + row.id + ")" : name;
    }
    return names;
}

}  // namespace

Workspace pseudonymise(const Workspace& workspace) {
    Workspace copy = workspace;
    std::map<std::string, std::string> employees = namesFor(copy.employees, "Employee");
    std::map<std::string, std::string> clients = namesFor(copy.clients, "Client");
    for (Employee& e : copy.employees) {
        e.name = employees[e.id];
        e.extra = json::object();
        e.capacityExtra = json::object();
        e.metrics.extra = json::object();
    }
    for (Client& c : copy.clients) {
        c.name = clients[c.id];
        c.notes.reset();
        c.extra = json::object();
    }
    for (Transaction& t : copy.transactions) t.extra = json::object();
    for (Relationship& r : copy.relationships) r.extra = json::object();
    for (Deal& d : copy.deals) d.extra = json::object();
    json company = json::object();
    for (const char* key : {"currency", "locale"}) {
        if (workspace.company.is_object() && workspace.company.contains(key)) {
            company[key] = workspace.company[key];
        }
    }
    copy.company = std::move(company);
    copy.cycles.clear();
    copy.audit = json::array();
    copy.extra = json{{"pseudonymised", true}};
    return copy;
}

}  // namespace baton
