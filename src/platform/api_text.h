// Text that the page API receives from web/api.js as bytes with a length. A C string would
// end at the first NUL character, so a document that contains one would reach its reader cut.
#pragma once

#include <cstddef>
#include <string_view>

namespace baton::platform {

// Returns the `size` bytes at `bytes` as text. A null pointer or a size below 1 is empty text.
inline std::string_view bytesText(const unsigned char* bytes, int size) {
    if (bytes == nullptr || size <= 0) return {};
    return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

}  // namespace baton::platform
