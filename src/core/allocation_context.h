// The shared state of one allocation run: the released book, the receivers, their room,
// entitlements and targets, the pins, and the tests every method (the fair solver and
// the baselines) applies in the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/certificates.h"
#include "core/eligibility.h"
#include "core/fit.h"
#include "core/id_index.h"

namespace baton {

// An allocation of the released book: per released position, the receiver position or -1.
struct Placement {
    std::vector<int> owner;
    std::vector<std::string> reason;  // unassigned reason code where owner is -1, else ""
    std::vector<std::string> detail;
};

class AllocationContext {
public:
    AllocationContext(const Workspace& workspace, const Policy& policy,
                      const Evaluation& evaluation, std::uint64_t seed);

    const Workspace& workspace;
    const Policy& policy;
    const Evaluation& evaluation;
    std::uint64_t seed;
    FitModel fit;
    EligibilityModel eligibility;
    std::vector<int> released;                        // client indices in id order
    std::vector<int> receivers;                       // employee indices in id order
    std::vector<int> receiverPos;                     // employee index to receiver position, or -1
    std::vector<int> room;                            // per receiver: new clients it can take
    std::vector<std::optional<double>> workloadRoom;  // per receiver; nullopt: unlimited
    std::optional<double> valueCap;                   // max value a receiver may take
    std::vector<int> pinned;               // per released position: receiver position or -1
    std::vector<std::string> pinConflict;  // per released position: why its pin failed
    std::vector<double> weights;           // entitlement weight w_i per receiver
    // Whether a receiver may take at least one released client on its own. One that may take
    // none (its limits leave no room, or every released client is outside its skills, team
    // or relationships) has no share: its target and difficulty share are 0.
    std::vector<char> takesShare;
    std::vector<double> shares;  // w_i / sum of w over the receivers that take a share, or 0
    // Target value T_i and difficulty share S_i per receiver. With the team boundary on, the
    // clients of a team's leavers are shared among that team's members only.
    std::vector<double> targets;
    std::vector<double> difficultyShares;
    std::vector<std::string> notes;

    int releasedCount() const { return int(released.size()); }
    int receiverCount() const { return int(receivers.size()); }
    // The released position of a client id, or -1.
    int positionOf(std::string_view clientId) const { return m_positions.find(clientId); }
    const Client& client(int pos) const {
        return workspace.clients[std::size_t(released[std::size_t(pos)])];
    }
    const Employee& receiver(int pos) const {
        return workspace.employees[std::size_t(receivers[std::size_t(pos)])];
    }
    double valueOf(int pos) const { return m_values[std::size_t(pos)]; }
    double difficultyOf(int pos) const { return m_difficulties[std::size_t(pos)]; }
    double workloadOf(int pos) const { return m_workloads[std::size_t(pos)]; }

    // A draw of the seeded lottery for a pair, the same natively and in WebAssembly.
    std::uint64_t lottery(int pos, int receiver) const;
    FitBreakdown fitOf(int pos, int receiver) const;
    std::int64_t fitMicroOf(int pos, int receiver) const {
        return fit.micro(released[std::size_t(pos)], receivers[std::size_t(receiver)]);
    }
    // "" when the receiver may take the client on its own (skills, status, relationships,
    // forbids, team, and the client's workload and value against the receiver's room);
    // otherwise the lost_because code.
    std::string staticReason(int pos, int receiver) const;
    // True when staticReason(pos, receiver) is "", without building the string.
    bool isOpen(int pos, int receiver) const;

    // Fills reason and detail for every unplaced client of a placement that has none yet.
    void explainUnassigned(Placement& placement) const;
    // Checks the running totals of a placement against a receiver's limits.
    bool fitsLimits(int receiver, int clients, double workload, double value) const;
    FairnessInput fairnessInput(const std::vector<int>& owner) const;
    BlameFunction blame(const std::vector<int>& owner) const;
    // The constraint that keeps receiver r below its value target whatever it receives:
    // eligibility, or a limit on its room. Nothing when the clients it may take reach it.
    std::optional<std::string> shortOfTarget(int r) const;

private:
    IdIndex m_positions;                 // client id to released position
    std::vector<double> m_values;        // V per released position
    std::vector<double> m_difficulties;  // D per released position
    std::vector<double> m_workloads;     // EligibilityModel::workloadOf per released position
    void applyPins();
    void computeWeights();
    void computeEntitlements();  // in entitlements.cpp, with computeWeights
    void noteWithoutShare();
    std::string noEligibleDetail(int pos) const;
    // The constraint that keeps every client of r's bundle in this placement from moving to
    // another receiver, so that r's difficulty cannot go down. Nothing when one could move.
    std::optional<std::string> stuckBundle(int r, const std::vector<int>& owner) const;
    // The limit that keeps released clients unplaced although employees are eligible for
    // them, so that value a receiver could reach its target with is left out. Nothing when
    // every unplaced client has no eligible employee.
    std::optional<std::string> limitsRanOut(const std::vector<int>& owner) const;
};

// Running totals of a placement per receiver: clients, workload and value.
struct ReceiverLoads {
    std::vector<int> count;
    std::vector<double> workload;
    std::vector<double> value;

    ReceiverLoads(const AllocationContext& c, const Placement& p)
        : count(c.receivers.size(), 0),
          workload(c.receivers.size(), 0.0),
          value(c.receivers.size(), 0.0) {
        for (int pos = 0; pos < c.releasedCount(); ++pos) {
            int r = p.owner[std::size_t(pos)];
            if (r >= 0) add(c, pos, r, 1);
        }
    }

    // Adds (sign 1) or removes (sign -1) client pos on receiver r.
    void add(const AllocationContext& c, int pos, int r, int sign) {
        count[std::size_t(r)] += sign;
        workload[std::size_t(r)] += sign * c.workloadOf(pos);
        value[std::size_t(r)] += sign * c.valueOf(pos);
    }

    // Whether receiver r stays within its limits after taking clients `in1` and `in2` and
    // giving up `out` (any may be -1).
    bool fits(const AllocationContext& c, int r, int in1, int in2, int out) const {
        std::size_t k = std::size_t(r);
        int n = count[k];
        double w = workload[k];
        double v = value[k];
        for (int pos : {in1, in2, out}) {
            if (pos < 0) continue;
            int sign = pos == out ? -1 : 1;
            n += sign;
            w += sign * c.workloadOf(pos);
            v += sign * c.valueOf(pos);
        }
        return c.fitsLimits(r, n, w, v);
    }
};

}  // namespace baton
