// Who may receive which released client, and why not.
//
// Released book: under scope "leavers", the clients whose owner is leaving or departed,
// whose owner is null or names no employee. Under scope "all", every client except a key
// account whose owner stays (an orphaned key account, or one whose owner leaves, is still
// released so that it is never dropped silently).
// A receiver is an active employee of kind person. A pair is eligible when the receiver
// has every need of the client, has no conflict or personal relationship with it, is not
// forbidden with it by the policy, has the skill "team:key_accounts" for a key account,
// and, with the team boundary on, is in the previous owner's team. Capacity (max_clients
// and max_workload, counting the clients the employee keeps) is checked by the solver.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fit.h"
#include "core/model.h"

namespace baton {

// Receivers with the same skill set (and team, under the team boundary) are
// interchangeable for every fit and need test; candidate generation scans groups.
struct ReceiverGroup {
    TagBits skills;
    std::string team;
    std::vector<int> employees;  // employee indices, sorted by id
};

class EligibilityModel {
public:
    EligibilityModel(const Workspace& workspace, const Policy& policy, const FitModel& fit);

    const std::vector<int>& released() const { return m_released; }
    bool isReleased(int client) const { return m_releasedFlag[std::size_t(client)] != 0; }
    const std::vector<int>& receivers() const { return m_receivers; }
    const std::vector<ReceiverGroup>& groups() const { return m_groups; }
    int groupOf(int employee) const { return m_groupOf[std::size_t(employee)]; }

    // Clients the employee keeps (owned and not released) and their workload.
    int keptClients(int employee) const { return m_kept[std::size_t(employee)]; }
    double keptWorkload(int employee) const { return m_keptWorkload[std::size_t(employee)]; }
    int maxClients(int employee) const;
    std::optional<double> maxWorkload(int employee) const;
    // New clients the employee can take: max_clients minus kept, at least 0.
    int clientRoom(int employee) const;
    // Workload the employee can take on, or nullopt when it is unlimited.
    std::optional<double> workloadRoom(int employee) const;
    double workloadOf(int client) const;

    // The reason code that makes the pair ineligible ("" when eligible): ineligible_status,
    // ineligible_need, conflict, forbidden, team_boundary. Capacity is not tested here.
    std::string pairReason(int client, int employee) const;
    // pairReason for a receiver whose status and skills are already known to pass.
    bool pairBlocked(int client, int employee) const;
    bool groupAdmits(int client, const ReceiverGroup& group) const;
    int previousOwner(int client) const { return m_previousOwner[std::size_t(client)]; }
    bool isReceiver(int employee) const { return m_isReceiver[std::size_t(employee)] != 0; }
    int keyAccountTag() const { return m_keyAccountTag; }

private:
    void groupReceivers();
    void readBlockedPairs();
    static std::uint64_t pairKey(int client, int employee) {
        return (std::uint64_t(std::uint32_t(client)) << 32) | std::uint32_t(employee);
    }

    const Workspace& m_workspace;
    const Policy& m_policy;
    const FitModel& m_fit;
    std::vector<int> m_released;
    std::vector<char> m_releasedFlag;
    std::vector<int> m_receivers;
    std::vector<char> m_isReceiver;
    std::vector<ReceiverGroup> m_groups;
    std::vector<int> m_groupOf;
    std::vector<int> m_kept;
    std::vector<double> m_keptWorkload;
    std::vector<int> m_previousOwner;
    std::vector<std::uint64_t> m_blocked;    // conflict and personal pairs, sorted
    std::vector<std::uint64_t> m_forbidden;  // policy forbids, sorted
    int m_keyAccountTag = -1;
};

}  // namespace baton
