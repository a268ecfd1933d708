// The subcommands of the `baton` command-line tool. main.cpp parses the arguments with
// CLI11 and calls one of these; each returns the process exit status: 0 success, 1
// invalid or unreadable input or a failed check, 2 usage error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace baton::cli {

struct ValidateArgs {
    std::string file;
};

struct EvaluateArgs {
    std::string file;
    std::string policy;  // empty: the workspace's own
    std::string out;     // empty: standard output
};

struct AllocateArgs {
    std::string file;
    std::string policy;
    std::optional<std::uint64_t> seed;
    std::string baseline;  // empty: the fair solver
    std::string proposal;
    std::string out;
    bool timings = false;  // print each step's CPU and wall time to standard error
};

struct VerifyArgs {
    std::string file;
    std::string result;
};

struct RulesArgs {
    std::string file;
    std::string lang = "en";    // "en" or "zh-CN" ("zh" accepted)
    std::string format = "md";  // "md" or "html"
    std::string out;
};

struct GenerateArgs {
    std::uint64_t seed = 1;
    int employees = 0;
    int clients = 0;
    std::optional<long long> transactions;
    int leavers = 1;
    std::string family = "mixed";
    std::optional<double> spare;
    std::string out;
};

struct ReportArgs {
    std::string file;
    std::string result;
    std::string lang = "en";    // "en" or "zh-CN" ("zh" accepted)
    std::string format = "md";  // "md" or "html"
    std::string out;            // a directory; empty: the report to standard output
};

struct AuditArgs {
    std::string file;  // a workspace JSON file, or a bare audit array
};

// `baton export`: the workspace's tables as XLSX, or an allocation result's assignments
// as CSV or XLSX (see cmd_export.cpp).
struct ExportArgs {
    std::string file;
    std::string result;              // empty: export the workspace's tables
    std::string encoding = "utf-8";  // CSV only: "utf-8" (with a byte order mark) or "gb18030"
    std::string out;
};

// `baton status`: sets one employee's status and last day (see cmd_status.cpp).
struct StatusArgs {
    std::string file;
    std::string employee;  // an employee id, or the exact name of one employee
    std::string status;    // active, leaving, departed or on_leave
    std::string lastDay;   // empty: the last day the employee has
    std::string out;       // empty: standard output; may be `file` itself
};

int runValidate(const ValidateArgs& args);
int runEvaluate(const EvaluateArgs& args);
int runAllocate(const AllocateArgs& args);
int runVerify(const VerifyArgs& args);
int runRules(const RulesArgs& args);
int runGenerate(const GenerateArgs& args);
int runExport(const ExportArgs& args);
int runAuditVerify(const AuditArgs& args);
int runReport(const ReportArgs& args);
int runStatus(const StatusArgs& args);

}  // namespace baton::cli
