// Compares the transport auction with LEMON's CostScaling on the same sparse candidate
// graph, with the fairness repair and the dense check off: both maximise placements, then
// total fit, over the candidate arcs only. Prints the CPU time of each solve (graph
// construction included for both), the ratio and whether the two optima agree.
// Usage: bench_lemon [L|L-rebalance|M ...]   (default: L and L-rebalance)
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include <lemon/cost_scaling.h>
#include <lemon/smart_graph.h>

#include "core/allocation_context.h"
#include "core/candidates.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "core/solver.h"

using namespace baton;

namespace {


double cpuSince(std::clock_t start) { return double(std::clock() - start) / CLOCKS_PER_SEC; }

// Max-weight flow as a min-cost flow: source -> client (1) -> employee -> sink (capacity),
// plus a source -> sink bypass at cost 0 for clients left unplaced.
long long solveWithLemon(const CandidateGraph& graph, const std::vector<int>& capacity,
                         long long big) {
    lemon::SmartDigraph g;
    lemon::SmartDigraph::ArcMap<int> upper(g);
    lemon::SmartDigraph::ArcMap<long long> cost(g);
    auto source = g.addNode();
    auto sink = g.addNode();
    std::vector<lemon::SmartDigraph::Node> employees;
    for (int cap : capacity) {
        employees.push_back(g.addNode());
        auto a = g.addArc(employees.back(), sink);
        upper[a] = cap;
        cost[a] = 0;
    }
    int n = int(graph.arcs.size());
    for (int j = 0; j < n; ++j) {
        auto client = g.addNode();
        auto in = g.addArc(source, client);
        upper[in] = 1;
        cost[in] = 0;
        for (const TransportArc& arc : graph.arcs[std::size_t(j)]) {
            auto a = g.addArc(client, employees[std::size_t(arc.employee)]);
            upper[a] = 1;
            cost[a] = -(big + arc.fit);
        }
    }
    auto bypass = g.addArc(source, sink);
    upper[bypass] = n;
    cost[bypass] = 0;
    lemon::CostScaling<lemon::SmartDigraph, int, long long> solver(g);
    solver.upperMap(upper).costMap(cost).stSupply(source, sink, n);
    if (solver.run() != decltype(solver)::OPTIMAL) return 0;
    return -solver.totalCost<long long>();
}

void runSize(const std::string& name, int employees, int clients, int leavers, bool rebalance) {
    GenerateOptions options;
    options.seed = 11;
    options.employees = employees;
    options.clients = clients;
    options.leavers = leavers;
    Workspace ws = generateWorkspace(options);
    Policy policy = ws.policy;
    if (rebalance) {
        // The same room as bench_allocate: an even share plus 20%.
        policy.scope = Scope::All;
        policy.constraints.defaultMaxClients = clients * 12 / 10 / employees + 1;
        for (Employee& e : ws.employees) e.maxClients.reset();
    }
    Evaluation ev = evaluate(ws, policy);
    AllocationContext context(ws, policy, ev, policy.seed);
    CandidateBuilder builder(context, kCandidatesPerClient);
    CandidateGraph graph = builder.build();
    std::vector<int> capacity = graph.capacity;
    for (int& x : capacity) x = std::max(0, x);
    long long arcs = 0;
    for (const auto& list : graph.arcs) arcs += (long long)list.size();

    std::clock_t start = std::clock();
    TransportAuction auction(capacity, graph.arcs);
    AuctionStats stats = auction.solve();
    double auctionSeconds = cpuSince(start);
    long long auctionObjective = 0;
    for (int j = 0; j < auction.clientCount(); ++j) {
        int k = auction.assignedEmployee(j);
        if (k < 0) continue;
        for (const TransportArc& arc : auction.arcs(j)) {
            if (arc.employee == k) auctionObjective += auction.big() + arc.fit;
        }
    }
    start = std::clock();
    long long lemonObjective = solveWithLemon(graph, capacity, auction.big());
    double lemonSeconds = cpuSince(start);
    std::printf("%-12s clients %6zu arcs %7lld  auction %.3f s (%d phases, converged %d)  "
                "CostScaling %.3f s  ratio %.1f  optima %s\n",
                name.c_str(), graph.clients.size(), arcs, auctionSeconds, stats.phases,
                stats.converged ? 1 : 0, lemonSeconds, lemonSeconds / auctionSeconds,
                auctionObjective == lemonObjective ? "agree" : "DIFFER");
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> wanted;
    for (int a = 1; a < argc; ++a) wanted.push_back(argv[a]);
    if (wanted.empty()) wanted = {"L", "L-rebalance"};
    for (const std::string& name : wanted) {
        if (name == "M") runSize(name, 100, 10000, 30, false);
        else if (name == "L") runSize(name, 1000, 100000, 300, false);
        else if (name == "L-rebalance") runSize(name, 1000, 100000, 0, true);
        else std::fprintf(stderr, "unknown size %s (expected M, L or L-rebalance)\n", name.c_str());
    }
    return 0;
}
