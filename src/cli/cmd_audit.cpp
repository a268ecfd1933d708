// `baton audit verify FILE`: checks the hash chain of a workspace's audit log. The rest
// of the workspace need not be valid, so that a log can be checked on its own.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/audit.h"
#include "io/workspace_json.h"

namespace baton::cli {
namespace {

using json = nlohmann::json;

// Parses the file as JSON; on failure prints the reason with its line and column.
std::optional<json> parseFile(const std::string& path, const std::string& text) {
    if (std::optional<JsonError> deep = checkJsonDepth(text)) {
        std::cerr << formatErrors({*deep}, path);
        return std::nullopt;
    }
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        // The workspace reader words the syntax error and finds its line and column.
        std::cerr << formatErrors(readWorkspace(text).errors, path);
        return std::nullopt;
    }
    return doc;
}

json kindCounts(const json& audit, std::size_t entries) {
    json counts = json::object();
    for (std::size_t i = 0; i < entries; ++i) {
        const std::string& kind = audit[i]["kind"].get_ref<const std::string&>();
        counts[kind] = counts.value(kind, 0) + 1;
    }
    return counts;
}

}  // namespace

int runAuditVerify(const AuditArgs& args) {
    std::optional<std::string> text = readInputFile(args.file);
    if (!text) return 1;
    std::optional<json> doc = parseFile(args.file, *text);
    if (!doc) return 1;
    // A workspace carries the log under "audit"; a bare array is taken as the log itself.
    json audit = json::array();
    if (doc->is_array()) {
        audit = std::move(*doc);
    } else if (doc->is_object()) {
        auto found = doc->find("audit");
        if (found != doc->end()) audit = *found;
    } else {
        printError(args.file + ": expected a workspace object or an audit array");
        return 1;
    }

    AuditCheck check = verifyAudit(audit);
    json report = {{"ok", check.ok()},
                   {"entries", audit.is_array() ? audit.size() : 0},
                   {"verified", check.entries},
                   {"last_hash", check.lastHash},
                   {"kinds", kindCounts(audit, check.entries)}};
    if (check.broken) {
        const AuditBreak& b = *check.broken;
        report["broken"] = {{"index", b.index},
                            {"seq", b.seq ? json(*b.seq) : json(nullptr)},
                            {"field", b.field},
                            {"reason", b.reason}};
    }
    std::cout << report.dump(2) << "\n";
    if (check.broken) {
        printError("the audit log of " + args.file + " is broken at " +
                   describeAuditBreak(*check.broken));
        return 1;
    }
    std::cerr << "baton: the audit log of " << args.file << " verifies: " << check.entries
              << (check.entries == 1 ? " entry" : " entries") << ", last hash "
              << check.lastHash << "\n";
    return 0;
}

}  // namespace baton::cli
