// Times the storage snapshot against workspace JSON on a generated workspace: write and
// read of each, and the sizes. Default size L (1,000 employees, 100,000 clients,
// 1,000,000 transactions); give EMPLOYEES CLIENTS TRANSACTIONS for another. Not a test.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/generator.h"
#include "io/workspace_json.h"
#include "store/snapshot.h"

namespace {

struct Timer {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();

    void report(const char* step, const std::string& detail = "") {
        double wallSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        double cpuSeconds = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
        std::printf("  %-24s wall %6.2f s  cpu %6.2f s  %s\n", step, wallSeconds, cpuSeconds,
                    detail.c_str());
        wall = std::chrono::steady_clock::now();
        cpu = std::clock();
    }
};

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    baton::GenerateOptions options;
    options.employees = argc > 1 ? std::atoi(argv[1]) : 1000;
    options.clients = argc > 2 ? std::atoi(argv[2]) : 100000;
    options.transactions = argc > 3 ? std::atoll(argv[3]) : 1000000;
    options.leavers = 300;
    std::printf("workspace: %d employees, %d clients, %lld transactions\n", options.employees,
                options.clients, *options.transactions);
    Timer timer;
    baton::Workspace workspace = baton::generateWorkspace(options);
    timer.report("generate");

    std::string json = baton::writeWorkspace(workspace, -1);
    timer.report("write JSON", megabytes(json.size()));
    baton::WorkspaceReadResult read = baton::readWorkspace(json);
    timer.report("read JSON", read.workspace ? "ok" : "FAILED");

    std::string snapshot = baton::writeSnapshot(workspace);
    timer.report("write snapshot", megabytes(snapshot.size()));
    std::string error;
    auto loaded = baton::readSnapshot(snapshot, error);
    timer.report("read snapshot", loaded ? "ok" : "FAILED: " + error);
    if (!loaded || loaded->clients.size() != workspace.clients.size() ||
        loaded->transactions.size() != workspace.transactions.size()) {
        std::printf("snapshot round trip lost data\n");
        return 1;
    }
    return 0;
}
