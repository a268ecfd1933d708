// SHA-256 through LibTomCrypt, the same code natively and in WebAssembly.
#pragma once

#include <string>
#include <string_view>

namespace baton {

// Returns the lowercase hex SHA-256 digest of the bytes.
std::string sha256Hex(std::string_view bytes);

}  // namespace baton
