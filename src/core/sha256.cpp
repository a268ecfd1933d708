#include "core/sha256.h"

#include <tomcrypt.h>

#include <array>
#include <stdexcept>

namespace baton {

std::string sha256Hex(std::string_view bytes) {
    hash_state state;
    std::array<unsigned char, 32> digest{};
    sha256_init(&state);
    // sha256_process takes an unsigned long length; feed large inputs in bounded blocks.
    constexpr std::size_t kBlock = 1u << 20;
    for (std::size_t at = 0; at < bytes.size(); at += kBlock) {
        std::size_t n = std::min(kBlock, bytes.size() - at);
        if (sha256_process(&state, reinterpret_cast<const unsigned char*>(bytes.data() + at),
                           static_cast<unsigned long>(n)) != CRYPT_OK) {
            throw std::runtime_error("sha256_process failed");
        }
    }
    if (sha256_done(&state, digest.data()) != CRYPT_OK) {
        throw std::runtime_error("sha256_done failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char b : digest) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

}  // namespace baton
