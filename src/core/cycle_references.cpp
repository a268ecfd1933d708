#include "core/cycle_references.h"

#include <set>
#include <string>

#include "core/cycle.h"

namespace baton {

namespace {

class ReferenceCheck {
public:
    ReferenceCheck(const Workspace& workspace, const Cycle& cycle, std::string pointer,
                   std::vector<WorkspaceWarning>& out)
        : m_workspace(workspace), m_cycle(cycle), m_pointer(std::move(pointer)), m_out(out) {
        for (const ClientMove& m : cycle.moves) m_moved.insert(m.client);
        if (const AllocationResult* result = cycle.currentResult()) {
            for (const Assignment& a : result->assignments) {
                m_released.insert(a.client);
                m_placed.insert(a.client + "\n" + a.employee);
            }
            for (const Unassigned& u : result->unassigned) m_released.insert(u.client);
        }
        if (cycle.proposal) {
            for (const Assignment& a : cycle.proposal->assignments) m_released.insert(a.client);
            for (const Unassigned& u : cycle.proposal->unassigned) m_released.insert(u.client);
        }
    }

    void employee(const std::string& field, const std::string& id) {
        if (m_workspace.findEmployee(id) >= 0) return;
        warn(field, "employee " + id + " is not in the workspace: correct the id, or keep the " +
                        "record as history if the employee was deleted after the cycle");
    }

    void client(const std::string& field, const std::string& id) {
        if (m_workspace.findClient(id) >= 0) return;
        warn(field, "client " + id + " is not in the workspace: correct the id, or keep the " +
                        "record as history if the client was deleted after the cycle");
    }

    void appealClient(const std::string& field, const std::string& id) {
        client(field, id);
        if (m_cycle.proposal && !m_released.count(id)) {
            warn(field, "client " + id + " is not in the released book of the proposal, so " +
                            "no appeal could name it: the record was edited by hand; " +
                            "correct the id or remove it");
        }
    }

    void move(const std::string& field, const ClientMove& m) {
        client(field + "/client", m.client);
        if (m.from) employee(field + "/from", *m.from);
        employee(field + "/to", m.to);
        if (m_cycle.currentResult() && !m_placed.count(m.client + "\n" + m.to)) {
            warn(field + "/to", "the locked result does not place client " + m.client + " with " +
                                    m.to + ": the record was edited by hand; " +
                                    "restore the move the final wrote");
        }
    }

    void movedClient(const std::string& field, const std::string& id, const char* record) {
        client(field, id);
        if (!m_moved.count(id)) {
            warn(field, std::string("client ") + id + " has a " + record + " but no move in " +
                            m_cycle.id + ": the record was edited by hand; correct the id");
        }
    }

    std::string at(const char* list, std::size_t i) const {
        return m_pointer + "/" + list + "/" + std::to_string(i);
    }

private:
    void warn(const std::string& field, const std::string& message) {
        m_out.push_back({field, "cycle " + m_cycle.id + ": " + message});
    }

    const Workspace& m_workspace;
    const Cycle& m_cycle;
    std::string m_pointer;
    std::vector<WorkspaceWarning>& m_out;
    std::set<std::string> m_moved;
    std::set<std::string> m_released;
    std::set<std::string> m_placed;  // "client\nemployee" of the locked result
};

void checkOverrides(ReferenceCheck& check, const std::string& at,
                    const std::vector<PairOverride>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string item = at + "/" + std::to_string(i);
        check.client(item + "/client", list[i].client);
        check.employee(item + "/employee", list[i].employee);
    }
}

void checkCycle(ReferenceCheck& check, const Cycle& c, const std::string& pointer) {
    for (std::size_t i = 0; i < c.leavers.size(); ++i) {
        check.employee(check.at("leavers", i) + "/employee", c.leavers[i].employee);
    }
    for (std::size_t i = 0; i < c.keep.size(); ++i) check.client(check.at("keep", i), c.keep[i]);
    checkOverrides(check, pointer + "/overrides/pins", c.pins);
    checkOverrides(check, pointer + "/overrides/forbids", c.forbids);
    for (std::size_t i = 0; i < c.appeals.size(); ++i) {
        const Appeal& a = c.appeals[i];
        check.employee(check.at("appeals", i) + "/employee", a.employee);
        for (std::size_t k = 0; k < a.clients.size(); ++k) {
            check.appealClient(check.at("appeals", i) + "/clients/" + std::to_string(k),
                               a.clients[k]);
        }
    }
    for (std::size_t i = 0; i < c.moves.size(); ++i) check.move(check.at("moves", i), c.moves[i]);
    for (std::size_t i = 0; i < c.handovers.size(); ++i) {
        const Handover& h = c.handovers[i];
        check.movedClient(check.at("handovers", i) + "/client", h.client, "handover");
        if (h.from) check.employee(check.at("handovers", i) + "/from", *h.from);
        check.employee(check.at("handovers", i) + "/to", h.to);
    }
    for (std::size_t i = 0; i < c.outcomes.size(); ++i) {
        check.movedClient(check.at("outcomes", i) + "/client", c.outcomes[i].client,
                          "follow-up outcome");
    }
}

}  // namespace

std::vector<WorkspaceWarning> cycleReferenceWarnings(const Workspace& workspace) {
    std::vector<WorkspaceWarning> out;
    for (std::size_t i = 0; i < workspace.cycles.size(); ++i) {
        std::string pointer = "/cycles/" + std::to_string(i);
        ReferenceCheck check(workspace, workspace.cycles[i], pointer, out);
        checkCycle(check, workspace.cycles[i], pointer);
    }
    return out;
}

}  // namespace baton
