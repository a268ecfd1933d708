// Reads the real data sets that some tests import. They live beside the source tree, outside
// the repository, so a test that needs one skips its checks when the file is absent.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace baton::test {

inline const std::string kDataDir = std::string(BATON_SOURCE_DIR) + "/../shared/data";

// Returns the bytes of the file at `relative` under kDataDir, or nullopt when it cannot be
// opened.
inline std::optional<std::string> readShared(const std::string& relative) {
    std::ifstream in(kDataDir + "/" + relative, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace baton::test
