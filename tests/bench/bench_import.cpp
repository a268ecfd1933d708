// Import throughput: a generated CSV transaction table of 1,000,000 rows (or the row count
// given as the first argument) is decoded, parsed and imported; each stage is timed in
// wall and CPU seconds.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

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

// Wall and CPU seconds of one stage.
struct StageTime {
    double wall = 0.0;
    double cpu = 0.0;
};

class Stopwatch {
public:
    StageTime lap() {
        StageTime t{secondsSince(m_wall), cpuSecondsSince(m_cpu)};
        m_wall = std::chrono::steady_clock::now();
        m_cpu = std::clock();
        return t;
    }

private:
    std::chrono::steady_clock::time_point m_wall = std::chrono::steady_clock::now();
    std::clock_t m_cpu = std::clock();
};

void printStage(const char* name, StageTime t) {
    std::printf("%-8s wall %.3f s, CPU %.3f s\n", name, t.wall, t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
    long rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    std::string bytes = generate(rows);
    std::printf("rows %ld, %.1f MB\n", rows, bytes.size() / 1e6);

    // The stages of loadTable and importTables, timed apart.
    Stopwatch watch;
    std::string converted;
    DecodeViewResult decoded = decodeTextView(bytes, Encoding::Auto, converted);
    StageTime decode = watch.lap();
    if (!decoded.text) {
        std::printf("decode failed: %s\n", decoded.error.c_str());
        return 1;
    }
    CsvReadResult csv = readCsv(*decoded.text);
    StageTime parse = watch.lap();
    if (!csv.table) {
        std::printf("parse failed: %s\n", csv.error.c_str());
        return 1;
    }
    std::vector<SourceTable> tables(1);
    tables[0].entity = Entity::Transactions;
    tables[0].file = "generated.csv";
    tables[0].table = std::move(*csv.table);
    ImportResult result = importTables(tables, Mapping{}, nullptr, ImportOptions{});
    StageTime import = watch.lap();
    if (!result.workspace) {
        std::printf("import failed:\n%s", result.report.toText().c_str());
        return 1;
    }
    printStage("decode", decode);
    printStage("parse", parse);
    printStage("import", import);
    double wall = decode.wall + parse.wall + import.wall;
    double cpu = decode.cpu + parse.cpu + import.cpu;
    std::printf("total wall %.3f s (%.1f MB/s), CPU %.3f s (%.1f MB/s, %.0f rows/s)\n", wall,
                bytes.size() / 1e6 / wall, cpu, bytes.size() / 1e6 / cpu, rows / cpu);
    std::printf("clients %zu, employees %zu, transactions %zu\n",
                result.workspace->clients.size(), result.workspace->employees.size(),
                result.workspace->transactions.size());
    return 0;
}
