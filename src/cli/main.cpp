// The `baton` command-line tool: parses the arguments with CLI11 and runs one subcommand.
// Exit status: 0 success, 1 invalid or unreadable input or a failed check, 2 usage error.
#include <CLI/CLI.hpp>

#include <cctype>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/import_args.h"
#include "cli/usage_errors.h"
#include "core/generator.h"

namespace {

using namespace baton::cli;

constexpr int kUsageError = 2;

struct Arguments {
    ValidateArgs validate;
    EvaluateArgs evaluate;
    AllocateArgs allocate;
    VerifyArgs verify;
    RulesArgs rules;
    ReportArgs report;
    GenerateArgs generate;
    ImportArgs import;
    ExportArgs exportArgs;
    AuditArgs audit;
    StatusArgs status;
    std::string allocateSeed;
    std::string generateSeed;
    long long transactions = 0;
    double spare = 0.0;
};

// Lower-cases an --encoding value and reads the names "gbk" and "gb2312" as "gb18030", a
// superset of both, as a mapping file's "encoding" does.
std::string encodingAlias(std::string name) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "gbk" || name == "gb2312") return "gb18030";
    if (name == "utf8") return "utf-8";
    if (name == "utf16") return "utf-16";
    return name;
}

void addValidate(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("validate", "Check a workspace file and summarise it");
    cmd->add_option("FILE", a.validate.file, "Workspace JSON file")->required();
}

void addEvaluate(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("evaluate", "Score every client and employee");
    cmd->add_option("FILE", a.evaluate.file, "Workspace JSON file")->required();
    cmd->add_option("--policy", a.evaluate.policy,
                    "Policy file: a bare policy object or a whole workspace");
    cmd->add_option("--out", a.evaluate.out, "Write the JSON to this file, not standard output");
}

void addAllocate(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("allocate", "Allocate the released clients");
    cmd->add_option("FILE", a.allocate.file, "Workspace JSON file")->required();
    cmd->add_option("--policy", a.allocate.policy,
                    "Policy file: a bare policy object or a whole workspace");
    cmd->add_option("--seed", a.allocateSeed, "Lottery seed for ties; overrides the policy's");
    cmd->add_option("--baseline", a.allocate.baseline,
                    "Return this baseline's allocation instead of the fair one")
        ->check(CLI::IsMember({"round_robin", "greedy_fit", "weighted_picking", "proposal"}));
    cmd->add_option("--proposal", a.allocate.proposal,
                    "Manual proposal to review: an allocation result, JSON with assignments, "
                    "or CSV with the header client,employee");
    cmd->add_option("--out", a.allocate.out, "Write the JSON to this file, not standard output");
    cmd->add_flag("--timings", a.allocate.timings,
                  "Print the CPU and wall time of each step to standard error");
}

void addVerify(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand(
        "verify", "Recheck every constraint and certificate of a result with its own policy");
    cmd->add_option("FILE", a.verify.file, "Workspace JSON file")->required();
    cmd->add_option("RESULT", a.verify.result, "Allocation result JSON file")->required();
}

void addRules(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("rules", "Write the published rules of the policy");
    cmd->add_option("FILE", a.rules.file, "Workspace JSON file")->required();
    cmd->add_option("--lang", a.rules.lang, "Language: en or zh-CN (zh is accepted)")
        ->check(CLI::IsMember({"en", "zh-CN", "zh"}));
    cmd->add_option("--format", a.rules.format, "Document format: md or html")
        ->check(CLI::IsMember({"md", "html"}));
    cmd->add_option("--out", a.rules.out, "Write the document to this file");
}

void addReport(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand(
        "report", "Write the cycle report of a result, and with --out one statement per employee");
    cmd->add_option("FILE", a.report.file, "Workspace JSON file (its latest cycle is reported)")
        ->required();
    cmd->add_option("RESULT", a.report.result, "Allocation result JSON file")->required();
    cmd->add_option("--lang", a.report.lang, "Language: en or zh-CN (zh is accepted)")
        ->check(CLI::IsMember({"en", "zh-CN", "zh"}));
    cmd->add_option("--format", a.report.format, "Document format: md or html")
        ->check(CLI::IsMember({"md", "html"}));
    cmd->add_option("--out", a.report.out,
                    "Directory for report.md (or .html) and statements/<employee id>.md");
}

void addGenerate(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("generate", "Write a synthetic workspace");
    GenerateArgs& g = a.generate;
    cmd->add_option("--seed", a.generateSeed, "Seed of the generator (default 1)");
    // The ranges make CLI11 reject a value out of range, and text that is no number of the
    // option's type, with a ValidationError whose message describeValueError rewrites.
    cmd->add_option("--employees", g.employees, "Number of employees (persons)")
        ->required()
        ->check(CLI::Range(1, baton::kMaxGeneratedEmployees));
    cmd->add_option("--clients", g.clients, "Number of clients")
        ->required()
        ->check(CLI::Range(1, baton::kMaxGeneratedClients));
    cmd->add_option("--transactions", a.transactions,
                    "Total number of transactions (default 10 a client)")
        ->check(CLI::Range(0LL, baton::kMaxGeneratedTransactions));
    cmd->add_option("--leavers", g.leavers,
                    "Number of departed employees (default 1); one more is always leaving")
        ->check(CLI::Range(0, baton::kMaxGeneratedEmployees));
    cmd->add_option("--family", g.family,
                    "Instance family: mixed, clustered, heavy_tailed, tight, "
                    "sparse_eligibility or skewed (default mixed)")
        ->check(CLI::IsMember(
            {"mixed", "clustered", "heavy_tailed", "tight", "sparse_eligibility", "skewed"}));
    cmd->add_option("--spare", a.spare,
                    "Spare capacity as a fraction of the released clients (default 0.2; 0.01 "
                    "for tight)")
        ->check(CLI::Range(0.0, baton::kMaxGeneratedSpare));
    cmd->add_option("--out", g.out, "Write the workspace to this file, not standard output");
}

void addImport(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand(
        "import", "Build a workspace from CSV or XLSX exports (any subset of the tables)");
    ImportArgs& i = a.import;
    cmd->add_option("--employees", i.employees, "Employees table (CSV or XLSX)");
    cmd->add_option("--clients", i.clients, "Clients table");
    cmd->add_option("--transactions", i.transactions,
                    "Transactions table; it can also name the clients and employees");
    cmd->add_option("--deals", i.deals,
                    "Deals table: won deals become transactions, but a workbook from "
                    "baton export keeps every deal");
    cmd->add_option("--relationships", i.relationships, "Relationships table");
    cmd->add_option("--products", i.products,
                    "Products table, to warn about product names it does not list");
    cmd->add_option("--map", i.map, "Column mapping file (baton-mapping JSON)");
    cmd->add_option("--encoding", i.encoding,
                    "Text encoding of CSV files (default auto); gbk and gb2312 are read as "
                    "gb18030")
        ->transform(encodingAlias)
        ->check(CLI::IsMember({"auto", "utf-8", "utf-16", "gb18030"}));
    cmd->add_option("--sheet", i.sheet, "XLSX sheet to read (default the first)");
    cmd->add_option("--into", i.into, "Workspace to merge into instead of starting a new one");
    cmd->add_option("--today", i.today,
                    "ISO date used to flag dates in the future (default the system date)");
    cmd->add_flag("--all-warnings", i.allWarnings,
                  "List every error and warning, not the first 5 of each code");
    cmd->add_option("--out", i.out, "Workspace JSON file to write")->required();
}

void addAudit(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand("audit", "Check the workspace's audit log");
    cmd->require_subcommand(1);
    CLI::App* verify = cmd->add_subcommand(
        "verify", "Check the audit log's hash chain; exit 1 naming the first broken entry");
    verify->add_option("FILE", a.audit.file, "Workspace JSON file (or a bare audit array)")
        ->required();
}

void addExport(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand(
        "export", "Write the workspace's tables as XLSX, or a result's assignments as CSV or XLSX");
    ExportArgs& e = a.exportArgs;
    cmd->add_option("FILE", e.file, "Workspace JSON file")->required();
    cmd->add_option("--result", e.result,
                    "Allocation result JSON file: export its assignments, not the tables");
    cmd->add_option("--encoding", e.encoding,
                    "Text encoding of a CSV export: utf-8 (with a byte order mark, the "
                    "default) or gb18030 (gbk and gb2312 are accepted as gb18030)")
        ->transform(encodingAlias)
        ->check(CLI::IsMember({"utf-8", "gb18030"}));
    cmd->add_option("--out", e.out, "File to write; its extension, .xlsx or .csv, sets the format")
        ->required();
}

void addStatus(CLI::App& app, Arguments& a) {
    CLI::App* cmd = app.add_subcommand(
        "status", "Set an employee's status and last day, as the page's Employees tab does");
    StatusArgs& s = a.status;
    cmd->add_option("FILE", s.file, "Workspace JSON file")->required();
    cmd->add_option("EMPLOYEE", s.employee, "Employee id, or the exact name of one employee")
        ->required();
    cmd->add_option("STATUS", s.status, "New status: active, leaving, departed or on_leave")
        ->required()
        ->check(CLI::IsMember({"active", "leaving", "departed", "on_leave"}));
    cmd->add_option("--last-day", s.lastDay,
                    "Last working day as YYYY-MM-DD; leaving only (default the employee's own)");
    cmd->add_option("--out", s.out,
                    "Write the workspace to this file, not standard output; it may be FILE");
}

// Parses a seed as a whole number from 0 to 2^64 - 1; CLI11 would wrap "-1" around.
std::optional<std::uint64_t> parseSeed(const std::string& text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::uint64_t value = 0;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return std::nullopt;
        std::uint64_t digit = std::uint64_t(ch - '0');
        if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

// True, with a message printed, when `out` names one of `inputs` by any path: writing there
// would destroy the input before anyone could check the output.
bool overwritesInput(const char* command, const std::string& out,
                     std::initializer_list<const std::string*> inputs) {
    if (out.empty()) return false;
    for (const std::string* input : inputs) {
        std::error_code error;  // a missing file is not an error here
        if (input->empty() || !std::filesystem::equivalent(out, *input, error)) continue;
        printUsageError(command, "--out " + out + " is the input file " + *input +
                                     "; write to another file, so that the input is kept");
        return true;
    }
    return false;
}

// True when some subcommand's --out would overwrite one of its inputs. Import may write
// over its --into workspace and status over its FILE, which they have read in full by then.
bool outputClashes(CLI::App& app, const Arguments& a) {
    if (app.got_subcommand("evaluate")) {
        return overwritesInput("evaluate", a.evaluate.out, {&a.evaluate.file, &a.evaluate.policy});
    }
    if (app.got_subcommand("allocate")) {
        const AllocateArgs& x = a.allocate;
        return overwritesInput("allocate", x.out, {&x.file, &x.policy, &x.proposal});
    }
    if (app.got_subcommand("rules")) {
        return overwritesInput("rules", a.rules.out, {&a.rules.file});
    }
    // The report's --out is a directory, so naming an input file there is the same mistake.
    if (app.got_subcommand("report")) {
        return overwritesInput("report", a.report.out, {&a.report.file, &a.report.result});
    }
    if (app.got_subcommand("export")) {
        const ExportArgs& x = a.exportArgs;
        return overwritesInput("export", x.out, {&x.file, &x.result});
    }
    if (app.got_subcommand("import")) {
        const ImportArgs& x = a.import;
        return overwritesInput("import", x.out,
                               {&x.employees, &x.clients, &x.transactions, &x.deals,
                                &x.relationships, &x.products, &x.map});
    }
    return false;
}

// Copies the options that have no "absent" value of their own into the argument structs.
// Returns false, with a message printed, when an option's value is invalid.
bool finish(CLI::App& app, Arguments& a) {
    auto badSeed = [](const char* command, const std::string& text) {
        printUsageError(command,
                        "--seed must be a whole number from 0 to 18446744073709551615, found "
                        "\"" +
                            text + "\"");
        return false;
    };
    CLI::App* allocate = app.get_subcommand("allocate");
    if (allocate->count("--seed") > 0) {
        a.allocate.seed = parseSeed(a.allocateSeed);
        if (!a.allocate.seed) return badSeed("allocate", a.allocateSeed);
    }
    CLI::App* generate = app.get_subcommand("generate");
    if (generate->count("--seed") > 0) {
        std::optional<std::uint64_t> seed = parseSeed(a.generateSeed);
        if (!seed) return badSeed("generate", a.generateSeed);
        a.generate.seed = *seed;
    }
    if (generate->count("--transactions") > 0) a.generate.transactions = a.transactions;
    if (generate->count("--spare") > 0) a.generate.spare = a.spare;
    if (a.rules.lang == "zh") a.rules.lang = "zh-CN";
    if (a.report.lang == "zh") a.report.lang = "zh-CN";
    return true;
}

int dispatch(CLI::App& app, const Arguments& a) {
    if (app.got_subcommand("validate")) return runValidate(a.validate);
    if (app.got_subcommand("evaluate")) return runEvaluate(a.evaluate);
    if (app.got_subcommand("allocate")) return runAllocate(a.allocate);
    if (app.got_subcommand("verify")) return runVerify(a.verify);
    if (app.got_subcommand("rules")) return runRules(a.rules);
    if (app.got_subcommand("report")) return runReport(a.report);
    if (app.got_subcommand("generate")) return runGenerate(a.generate);
    if (app.got_subcommand("import")) return runImport(a.import);
    if (app.got_subcommand("export")) return runExport(a.exportArgs);
    if (app.got_subcommand("audit")) return runAuditVerify(a.audit);
    if (app.got_subcommand("status")) return runStatus(a.status);
    return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"baton: hand over a leaver's clients to the colleagues who stay, fairly"};
    app.set_version_flag("--version", "baton 0.1.0");
    app.require_subcommand(1);
    Arguments arguments;
    addValidate(app, arguments);
    addEvaluate(app, arguments);
    addAllocate(app, arguments);
    addVerify(app, arguments);
    addRules(app, arguments);
    addReport(app, arguments);
    addGenerate(app, arguments);
    addExport(app, arguments);
    addImport(app, arguments);
    addAudit(app, arguments);
    addStatus(app, arguments);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 exits with 0 for --help and --version and with codes of 100 and up for
        // usage errors; this tool's usage errors exit with 2.
        if (e.get_exit_code() == 0) return app.exit(e);
        if (std::optional<std::string> message = describeUsageError(app)) {
            std::cerr << *message << '\n';
            return kUsageError;
        }
        std::cerr << describeValueError(app, e) << '\n';
        return kUsageError;
    }
    if (!finish(app, arguments) || outputClashes(app, arguments)) return kUsageError;
    try {
        return dispatch(app, arguments);
    } catch (const std::exception& e) {
        printError(std::string("internal error: ") + e.what());
        return 1;
    }
}
