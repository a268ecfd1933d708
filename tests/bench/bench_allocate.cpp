// Times allocate() on generated workspaces of the sizes S, M and L (departure and
// rebalance), and prints the phases, the solver figures and the optimality status.
// Usage: bench_allocate [--repeat N] [--family NAME] [--max-workload W] [S|M|L|L-rebalance ...]
//        bench_allocate [--repeat N] [--family NAME] [--max-workload W] custom EMPLOYEES CLIENTS
//        LEAVERS
// The sizes default to all four and the family to mixed; NAME is any family of
// `baton generate` (clustered, heavy_tailed, tight, sparse_eligibility, skewed).
// With --repeat, allocate() runs N times on each workspace (for a profiler, or to take the
// fastest of several runs); the phases printed are those of the last run. --max-workload sets
// the policy's default_max_workload, so that the limit repair runs.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/evaluation.h"
#include "core/generator.h"
#include "core/side_task.h"
#include "io/allocation_json.h"

using namespace baton;

namespace {

struct Size {
    std::string name;
    int employees;
    int clients;
    int leavers;
    bool rebalance;
};

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int g_repeat = 1;
std::string g_family = "mixed";
double g_maxWorkload = 0.0;  // 0: no workload limit

void runSize(const Size& size) {
    GenerateOptions g;
    g.seed = 11;
    g.employees = size.employees;
    g.clients = size.clients;
    g.leavers = size.leavers;
    g.family = g_family;
    auto t0 = std::chrono::steady_clock::now();
    Workspace ws = generateWorkspace(g);
    double generate = secondsSince(t0);
    Policy policy = ws.policy;
    if (g_maxWorkload > 0.0) policy.constraints.defaultMaxWorkload = g_maxWorkload;
    if (size.rebalance) {
        policy.scope = Scope::All;
        // A rebalance places every client: give everyone room for an even share plus 20%.
        int room = size.clients * 12 / 10 / size.employees + 1;
        policy.constraints.defaultMaxClients = room;
        for (Employee& e : ws.employees) e.maxClients.reset();
    }
    t0 = std::chrono::steady_clock::now();
    Evaluation ev = evaluate(ws, policy);
    double evaluation = secondsSince(t0);
    AllocationResult r;
    double total = 0.0;
    double cpu = 0.0;
    // With threads, the calling thread's CPU time is the critical path: on an idle
    // machine with a core for the work beside it, the wall time comes close to it.
    double mainThread = 0.0;
    for (int run = 0; run < g_repeat; ++run) {
        t0 = std::chrono::steady_clock::now();
        std::clock_t cpuStart = std::clock();
        double threadStart = threadCpuSeconds();
        r = allocate(ws, policy, ev, {});
        total = secondsSince(t0);
        cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        mainThread = threadCpuSeconds() - threadStart;
        if (g_repeat > 1) {
            std::printf("  run %d: allocate CPU %.3f s, calling thread %.3f s\n", run + 1, cpu,
                        mainThread);
        }
    }
    std::printf("%-12s %5d x %6d  released %6zu  unassigned %5d  status %-7s gap %.6f\n", size.name.c_str(),
                size.employees, size.clients, r.assignments.size() + r.unassigned.size(), r.figures.unassigned,
                r.optimality.status.c_str(), r.optimality.gap);
    const Certificates& cert = r.certificates;
    std::printf("  wprop1 value %d  wprop1 difficulty %d  wef1 value %d  wef1 difficulty %d  "
                "ef_c_both %d  price of fairness %.6f\n",
                cert.wprop1Value, cert.wprop1Difficulty, cert.wef1Value, cert.wef1Difficulty,
                cert.efCBoth, r.figures.priceOfFairness);
    for (const Witness& w : cert.witnesses) {
        std::printf("    witness %-18s %s %s  constraint %s\n", w.certificate.c_str(),
                    w.employees.empty() ? "-" : w.employees[0].c_str(), w.client.c_str(),
                    w.constraint ? w.constraint->c_str() : "null");
    }
    // On a shared machine the process CPU time of allocate() is steadier than its wall time.
    std::clock_t writeStart = std::clock();
    std::size_t bytes = writeAllocation(r).size();
    double write = double(std::clock() - writeStart) / CLOCKS_PER_SEC;
    std::printf("  generate %.3f s  evaluate %.3f s  allocate %.3f s (CPU %.3f s, calling "
                "thread %.3f s)  write result %.3f s CPU (%.1f MB)\n",
                generate, evaluation, total, cpu, mainThread, write, double(bytes) / 1e6);
    for (const auto& [phase, seconds] : r.timings) std::printf("    %-24s %.3f s\n", phase.c_str(), seconds);
    for (const auto& [name, count] : r.counters) std::printf("    %-24s %lld\n", name.c_str(), count);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<Size> sizes = {{"S", 5, 200, 1, false},
                               {"M", 100, 10000, 30, false},
                               {"L", 1000, 100000, 300, false},
                               {"L-rebalance", 1000, 100000, 0, true}};
    // Options come before the sizes; each takes one value.
    while (argc >= 3 && (std::string(argv[1]) == "--repeat" || std::string(argv[1]) == "--family" ||
                         std::string(argv[1]) == "--max-workload")) {
        if (std::string(argv[1]) == "--repeat") g_repeat = std::max(1, std::stoi(argv[2]));
        else if (std::string(argv[1]) == "--family") g_family = argv[2];
        else g_maxWorkload = std::stod(argv[2]);
        argv[2] = argv[0];
        argc -= 2;
        argv += 2;
    }
    if (argc == 5 && std::string(argv[1]) == "custom") {
        runSize({"custom", std::stoi(argv[2]), std::stoi(argv[3]), std::stoi(argv[4]), false});
        return 0;
    }
    for (const Size& size : sizes) {
        bool wanted = argc <= 1;
        for (int a = 1; a < argc; ++a) wanted = wanted || size.name == argv[a];
        if (wanted) runSize(size);
    }
    return 0;
}
