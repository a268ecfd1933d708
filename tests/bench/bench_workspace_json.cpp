// Times the workspace generator and the workspace JSON reader and writer on the size
// classes S, M and L (or one size given as EMPLOYEES CLIENTS TRANSACTIONS LEAVERS).
// Prints wall and CPU seconds per step and the text sizes; not a test. The read is timed
// twice: through a whole nlohmann::json document and with the streaming readWorkspace().
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/generator.h"
#include "io/workspace_json.h"

namespace {

struct Timer {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();

    void report(const char* step, const std::string& detail = "") {
        double wallSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        double cpuSeconds = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
        std::printf("  %-34s wall %6.2f s  cpu %6.2f s  %s\n", step, wallSeconds, cpuSeconds,
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

std::string errorCount(const baton::WorkspaceReadResult& result) {
    if (result.errors.empty()) return "no errors";
    return std::to_string(result.errors.size()) + " errors";
}

void runSize(const char* name, baton::GenerateOptions options) {
    std::printf("%s: %d employees, %d clients, %lld transactions, %d departed\n", name,
                options.employees, options.clients, options.transactions.value_or(0),
                options.leavers);
    Timer timer;
    baton::Workspace ws = baton::generateWorkspace(options);
    timer.report("generate");
    std::string lines = baton::writeWorkspaceLines(ws);
    timer.report("write, one entity per line", megabytes(lines.size()));
    std::string indented = baton::writeWorkspace(ws, 2);
    timer.report("write, indented by 2", megabytes(indented.size()));
    std::string hash = baton::inputSha256(ws, ws.policy);
    timer.report("input SHA-256");
    {
        // The document reader: a nlohmann::json tree of the whole text, then the checks.
        baton::WorkspaceReadResult dom = baton::workspaceFromJson(nlohmann::json::parse(lines));
        timer.report("read via document tree", errorCount(dom));
    }
    timer.report("free the document read");
    baton::WorkspaceReadResult back = baton::readWorkspace(lines);
    timer.report("read (streaming parse and check)", errorCount(back));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5) {
        baton::GenerateOptions options;
        options.employees = std::atoi(argv[1]);
        options.clients = std::atoi(argv[2]);
        options.transactions = std::atoll(argv[3]);
        options.leavers = std::atoi(argv[4]);
        runSize("custom", options);
        return 0;
    }
    runSize("S", {1, 5, 200, 2000LL, 1, "mixed", std::nullopt, "2026-11-30"});
    runSize("M", {1, 100, 10000, 100000LL, 29, "mixed", std::nullopt, "2026-11-30"});
    runSize("L", {1, 1000, 100000, 1000000LL, 299, "mixed", std::nullopt, "2026-11-30"});
    return 0;
}
