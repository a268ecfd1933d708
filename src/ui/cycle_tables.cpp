#include "ui/cycle_tables.h"

namespace baton::ui {
namespace {

std::string withName(const std::string& id, const std::string* name) {
    if (name == nullptr || name->empty() || *name == id) return id;
    return id + "  " + *name;
}

}  // namespace

std::string employeeWithName(const Workspace& workspace, const std::string& id) {
    int index = workspace.findEmployee(id);
    return withName(id, index >= 0 ? &workspace.employees[std::size_t(index)].name : nullptr);
}

std::string clientWithName(const Workspace& workspace, const std::string& id) {
    int index = workspace.findClient(id);
    return withName(id, index >= 0 ? &workspace.clients[std::size_t(index)].name : nullptr);
}

}  // namespace baton::ui
