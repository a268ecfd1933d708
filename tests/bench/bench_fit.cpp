// Fit evaluation speed: nanoseconds per client-employee pair on a generated workspace,
// by a naive scan of every pair and by a scan over the distinct skill signatures (the
// employees that share a skill set get the same fit, continuity apart).
// Usage: bench_fit [EMPLOYEES CLIENTS]   (default 1000 100000)
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

#include "core/fit.h"
#include "core/generator.h"

namespace {

// CPU time of the process, steadier than wall time on a shared machine.
double cpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
    baton::GenerateOptions options;
    options.seed = 1;
    options.employees = argc > 2 ? std::atoi(argv[1]) : 1000;
    options.clients = argc > 2 ? std::atoi(argv[2]) : 100000;
    options.transactions = options.clients;  // one a client: the fit reads no amounts
    options.leavers = options.employees * 3 / 10;
    baton::Workspace workspace = baton::generateWorkspace(options);
    double start = cpuSeconds();
    baton::FitModel model(workspace, workspace.policy);
    double encode = cpuSeconds() - start;
    int m = int(workspace.employees.size());
    int n = int(workspace.clients.size());

    // Naive: every pair, needs test and fit.
    start = cpuSeconds();
    std::int64_t checksum = 0;
    for (int j = 0; j < n; ++j) {
        for (int e = 0; e < m; ++e) {
            const baton::TagBits& bits = model.skills(e);
            if (!model.meetsNeeds(j, bits)) continue;
            checksum += model.micro(j, bits, model.servedBefore(j, e));
        }
    }
    double naive = cpuSeconds() - start;

    // Signatures: one fit per distinct skill set, continuity added per served pair.
    std::map<baton::TagBits, int> signatureOf;
    for (int e = 0; e < m; ++e) signatureOf.emplace(model.skills(e), int(signatureOf.size()));
    std::vector<const baton::TagBits*> signatures(signatureOf.size());
    for (const auto& entry : signatureOf) signatures[std::size_t(entry.second)] = &entry.first;
    start = cpuSeconds();
    std::int64_t grouped = 0;
    for (int j = 0; j < n; ++j) {
        for (const baton::TagBits* bits : signatures) {
            if (model.meetsNeeds(j, *bits)) grouped += model.micro(j, *bits, false);
        }
    }
    double bySignature = cpuSeconds() - start;

    double pairs = double(n) * double(m);
    std::printf("employees %d, clients %d, distinct skill signatures %zu, tags %d\n", m, n,
                signatures.size(), model.tagCount());
    std::printf("CPU time. encode (intern tags, bit sets): %.3f s\n", encode);
    std::printf("naive scan: %.3f s for %.0f pairs = %.2f ns per pair (checksum %lld)\n", naive,
                pairs, naive * 1e9 / pairs, static_cast<long long>(checksum));
    std::printf("signature scan: %.3f s for %.0f client-signature pairs = %.2f ns per "
                "client-employee pair (checksum %lld)\n",
                bySignature, double(n) * double(signatures.size()), bySignature * 1e9 / pairs,
                static_cast<long long>(grouped));
    return 0;
}
