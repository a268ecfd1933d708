// Import throughput: a generated CSV transaction table of 1,000,000 rows (or the row count
// given as the first argument) is decoded, parsed and imported; each stage is timed.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/csv.h"
#include "io/encoding.h"
#include "io/importer.h"

using namespace baton;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double cpuSecondsSince(std::clock_t start) {
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// Rows of "date,client,employee,amount" over 10,000 clients and 100 employees, with a
// quoted amount with a thousands separator on every tenth row.
std::string generate(long rows) {
    std::string text = "订货日期,客户,负责人,销售额\n";
    text.reserve(static_cast<std::size_t>(rows) * 40);
    std::uint64_t state = 12345;
    for (long i = 0; i < rows; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        unsigned r = static_cast<unsigned>(state >> 33);
        char line[96];
        int month = 1 + static_cast<int>(r % 12), day = 1 + static_cast<int>((r >> 4) % 28);
        unsigned amount = 100 + (r >> 8) % 99900;
        if (i % 10 == 0) {
            std::snprintf(line, sizeof line, "2023-%d-%d,客户%u,员工%u,\"%u,%03u\"\n", month, day,
                          (r >> 12) % 10000, (r >> 20) % 100, amount / 1000, amount % 1000);
        } else {
            std::snprintf(line, sizeof line, "2023-%d-%d,客户%u,员工%u,%u.50\n", month, day,
                          (r >> 12) % 10000, (r >> 20) % 100, amount);
        }
        text += line;
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    long rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    std::string bytes = generate(rows);
    std::printf("rows %ld, %.1f MB\n", rows, bytes.size() / 1e6);

    std::clock_t cpuStart = std::clock();
    auto start = std::chrono::steady_clock::now();
    DecodeResult decoded = decodeText(bytes, Encoding::Auto);
    double decodeSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    CsvReadResult csv = readCsv(*decoded.text);
    double parseSeconds = secondsSince(start);
    if (!csv.table) {
        std::printf("parse failed: %s\n", csv.error.c_str());
        return 1;
    }

    SourceTable source;
    source.entity = Entity::Transactions;
    source.file = "generated.csv";
    source.table = std::move(*csv.table);
    start = std::chrono::steady_clock::now();
    ImportResult result = importTables({source}, Mapping{}, nullptr, ImportOptions{});
    double importSeconds = secondsSince(start);
    if (!result.workspace) {
        std::printf("import failed:\n%s", result.report.toText().c_str());
        return 1;
    }
    double total = decodeSeconds + parseSeconds + importSeconds;
    double cpu = cpuSecondsSince(cpuStart);
    std::printf("decode %.3f s, parse %.3f s, import %.3f s, total %.3f s\n", decodeSeconds,
                parseSeconds, importSeconds, total);
    std::printf("throughput %.0f rows/s, %.1f MB/s (wall); CPU time %.3f s, %.0f rows/s\n",
                rows / total, bytes.size() / 1e6 / total, cpu, rows / cpu);
    std::printf("clients %zu, employees %zu, transactions %zu\n",
                result.workspace->clients.size(), result.workspace->employees.size(),
                result.workspace->transactions.size());
    return 0;
}
