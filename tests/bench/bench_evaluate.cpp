// Times evaluate() and the evaluation JSON on a generated workspace of size class L
// (1,000 employees, 100,000 clients, 1,000,000 transactions) unless sizes are given:
//   bench_evaluate [EMPLOYEES CLIENTS TRANSACTIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/evaluation.h"
#include "core/generator.h"
#include "io/evaluation_json.h"

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    baton::GenerateOptions options;
    options.seed = 1;
    options.employees = 1000;
    options.clients = 100000;
    options.transactions = 1000000;
    if (argc == 4) {
        options.employees = std::atoi(argv[1]);
        options.clients = std::atoi(argv[2]);
        options.transactions = std::atoll(argv[3]);
    }
    if (std::string error = baton::validateGenerateOptions(options); !error.empty()) {
        std::fprintf(stderr, "bench_evaluate: %s\n", error.c_str());
        return 2;
    }

    auto start = std::chrono::steady_clock::now();
    baton::Workspace workspace = baton::generateWorkspace(options);
    const double generateSeconds = secondsSince(start);

    // CPU time is reported next to wall time because wall time on a shared machine
    // includes the time other processes hold the cores.
    const int runs = 3;
    double best = 0.0;
    double bestCpu = 0.0;
    baton::Evaluation evaluation;
    for (int run = 0; run < runs; ++run) {
        const std::clock_t cpuStart = std::clock();
        start = std::chrono::steady_clock::now();
        evaluation = baton::evaluate(workspace, workspace.policy);
        const double seconds = secondsSince(start);
        const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        if (run == 0 || seconds < best) best = seconds;
        if (run == 0 || cpu < bestCpu) bestCpu = cpu;
    }

    start = std::chrono::steady_clock::now();
    const std::string text = baton::evaluationToJson(workspace, evaluation).dump();
    const double jsonSeconds = secondsSince(start);

    std::printf("workspace: %zu employees, %zu clients, %zu transactions (generated in %.2f s)\n",
                workspace.employees.size(), workspace.clients.size(), workspace.transactions.size(),
                generateSeconds);
    std::printf("evaluate: best of %d runs %.3f s wall, %.3f s CPU\n", runs, best, bestCpu);
    std::printf("evaluation JSON: %.3f s, %.1f MB\n", jsonSeconds,
                static_cast<double>(text.size()) / 1e6);
    std::printf("as_of %s, %zu notes\n", evaluation.asOf.c_str(), evaluation.notes.size());
    return 0;
}
