// libFuzzer target: arbitrary bytes as a workspace JSON document; a document that reads
// must write and read back without errors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/workspace_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    baton::WorkspaceReadResult read = baton::readWorkspace(text);
    if (!read.workspace) return 0;
    baton::WorkspaceReadResult again = baton::readWorkspace(baton::writeWorkspace(*read.workspace));
    if (!again.workspace) std::abort();
    return 0;
}
