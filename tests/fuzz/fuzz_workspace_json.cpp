// libFuzzer target: arbitrary bytes as a workspace JSON document. The streaming reader
// (readWorkspace) must give the same errors and workspace as the document reader
// (workspaceFromJson on a parsed nlohmann::json) whenever the bytes are valid JSON, and
// a document that reads must write and read back without errors. Errors about a repeated
// key are left out of the comparison, since only the streaming reader can see a repeated
// key. A document with one must not read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "io/workspace_json.h"

namespace {

// Removes the errors about repeated keys; returns whether there were any.
bool dropDuplicateKeyErrors(std::vector<baton::JsonError>& errors) {
    std::size_t before = errors.size();
    std::erase_if(errors, [](const baton::JsonError& e) {
        return e.message.rfind("this key appears more than once", 0) == 0;
    });
    return errors.size() != before;
}

bool sameErrors(const std::vector<baton::JsonError>& a, const std::vector<baton::JsonError>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].path != b[i].path || a[i].message != b[i].message) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    baton::WorkspaceReadResult read = baton::readWorkspace(text);
    bool shallow = !baton::checkJsonDepth(text);
    // nlohmann::json stops at a NUL and accepts what precedes it, while the workspace reader
    // rejects any NUL, so the two readers are compared only on text without one.
    bool nul = text.find('\0') != std::string_view::npos;
    if (nul && read.workspace) std::abort();
    if (shallow && !nul && nlohmann::json::accept(text.begin(), text.end())) {
        baton::WorkspaceReadResult parsed =
            baton::workspaceFromJson(nlohmann::json::parse(text.begin(), text.end()));
        std::vector<baton::JsonError> streamedErrors = read.errors;
        bool repeatedKey = dropDuplicateKeyErrors(streamedErrors);
        if (repeatedKey && read.workspace) std::abort();
        if (!sameErrors(streamedErrors, parsed.errors)) std::abort();
        if (!repeatedKey && read.workspace.has_value() != parsed.workspace.has_value()) {
            std::abort();
        }
        if (read.workspace &&
            baton::writeWorkspace(*read.workspace) != baton::writeWorkspace(*parsed.workspace)) {
            std::abort();
        }
    }
    if (!read.workspace) return 0;
    baton::WorkspaceReadResult again = baton::readWorkspace(baton::writeWorkspace(*read.workspace));
    if (!again.workspace) std::abort();
    return 0;
}
