#include "store/pseudonymise.h"

#include <map>
#include <set>

#include "core/sha256.h"

namespace baton {

using nlohmann::json;

std::string pseudonym(const std::string& prefix, const std::string& id) {
    std::size_t digits = id.size();
    while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') --digits;
    bool lettersThenDigits = digits < id.size() && id.size() - digits <= 12;
    for (std::size_t i = 0; i < digits && lettersThenDigits; ++i) {
        char c = id[i];
        lettersThenDigits =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
    }
    if (lettersThenDigits) return prefix + " " + id.substr(digits);
    return prefix + " " + sha256Hex(id).substr(0, 8);
}

bool isOpaqueCode(const std::string& id) {
    std::size_t i = 0;
    while (i < id.size() && i < 3 &&
           ((id[i] >= 'A' && id[i] <= 'Z') || (id[i] >= 'a' && id[i] <= 'z')))
        ++i;
    if (i > 0 && i < id.size() && (id[i] == '-' || id[i] == '_')) ++i;
    std::size_t digits = 0;
    while (i < id.size() && id[i] >= '0' && id[i] <= '9') {
        ++i;
        ++digits;
    }
    return i == id.size() && digits >= 1 && digits <= kOpaqueCodeDigits;
}

namespace {

// Returns the new ids of one table. When all of them are opaque codes, each id stays.
// Otherwise each becomes prefix plus a zero-padded number, given in the byte order of the
// old ids so that the new ids sort as the old ones did.
std::map<std::string, std::string> replacementIds(const std::set<std::string>& ids,
                                                  const std::string& prefix, std::size_t width) {
    std::map<std::string, std::string> replaced;
    bool allOpaque = true;
    for (const std::string& id : ids) allOpaque = allOpaque && isOpaqueCode(id);
    std::size_t needed = std::to_string(ids.size()).size();
    if (needed > width) width = needed;
    std::size_t number = 0;
    for (const std::string& id : ids) {
        if (allOpaque) {
            replaced[id] = id;
            continue;
        }
        std::string digits = std::to_string(++number);
        replaced[id] = prefix + std::string(width - digits.size(), '0') + digits;
    }
    return replaced;
}

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

// The old-to-new id maps of the employee, client and deal tables, covering every id that
// a row has or a reference names, including references to rows that do not exist.
struct IdMaps {
    std::map<std::string, std::string> employees;
    std::map<std::string, std::string> clients;
    std::map<std::string, std::string> deals;
};

IdMaps idMaps(const Workspace& w) {
    std::set<std::string> employees, clients, deals;
    for (const Employee& e : w.employees) employees.insert(e.id);
    for (const Client& c : w.clients) {
        clients.insert(c.id);
        if (c.owner) employees.insert(*c.owner);
    }
    for (const Transaction& t : w.transactions) {
        clients.insert(t.client);
        if (t.employee) employees.insert(*t.employee);
    }
    for (const Relationship& r : w.relationships) {
        employees.insert(r.employee);
        clients.insert(r.client);
    }
    for (const Deal& d : w.deals) {
        deals.insert(d.id);
        clients.insert(d.client);
        employees.insert(d.employee);
    }
    for (const std::vector<PairOverride>* list : {&w.policy.pins, &w.policy.forbids}) {
        for (const PairOverride& pair : *list) {
            employees.insert(pair.employee);
            clients.insert(pair.client);
        }
    }
    for (std::set<std::string>* table : {&employees, &clients, &deals}) table->erase("");
    return IdMaps{replacementIds(employees, "E", 3), replacementIds(clients, "C", 4),
                  replacementIds(deals, "D", 4)};
}

// Replaces every employee, client and deal id and every reference to one by its new id.
void replaceIds(Workspace& w, IdMaps& ids) {
    for (Employee& e : w.employees) e.id = ids.employees[e.id];
    for (Client& c : w.clients) {
        c.id = ids.clients[c.id];
        if (c.owner) c.owner = ids.employees[*c.owner];
    }
    for (Transaction& t : w.transactions) {
        t.client = ids.clients[t.client];
        if (t.employee) t.employee = ids.employees[*t.employee];
    }
    for (Relationship& r : w.relationships) {
        r.employee = ids.employees[r.employee];
        r.client = ids.clients[r.client];
    }
    for (Deal& d : w.deals) {
        d.id = ids.deals[d.id];
        d.client = ids.clients[d.client];
        d.employee = ids.employees[d.employee];
    }
    for (std::vector<PairOverride>* list : {&w.policy.pins, &w.policy.forbids}) {
        for (PairOverride& pair : *list) {
            pair.employee = ids.employees[pair.employee];
            pair.client = ids.clients[pair.client];
            pair.reason.clear();
            pair.extra = json::object();
        }
    }
}

}  // namespace

Workspace pseudonymise(const Workspace& workspace) {
    Workspace copy = workspace;
    IdMaps ids = idMaps(copy);
    replaceIds(copy, ids);
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
    copy.policy.extra.clear();
    copy.cycles.clear();
    copy.audit = json::array();
    copy.extra = json{{"pseudonymised", true}};
    return copy;
}

}  // namespace baton
