// `baton generate --employees N --clients M [--seed S] ...`: writes a synthetic workspace.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/generator.h"
#include "io/workspace_json.h"

namespace baton::cli {

int runGenerate(const GenerateArgs& args) {
    GenerateOptions options;
    options.seed = args.seed;
    options.employees = args.employees;
    options.clients = args.clients;
    options.transactions = args.transactions;
    options.leavers = args.leavers;
    options.family = args.family;
    options.spare = args.spare;
    std::string problem = validateGenerateOptions(options);
    if (!problem.empty()) {
        printUsageError("generate", problem);
        return 2;
    }
    Workspace ws = generateWorkspace(options);
    int status = writeOutput(writeWorkspaceLines(ws), args.out);
    if (status == 0) {
        std::cerr << "generated " << ws.employees.size() << " employees, " << ws.clients.size()
                  << " clients, " << ws.transactions.size() << " transactions (family "
                  << options.family << ", seed " << options.seed << ")\n";
    }
    return status;
}

}  // namespace baton::cli
