// The project's one pseudo-random generator: splitmix64 with integer-only draws, so
// that the same seed gives the same sequence natively and in WebAssembly.
#pragma once

#include <cstdint>

namespace baton {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Returns a draw in [0, bound) without modulo bias; bound must be positive.
    std::uint64_t below(std::uint64_t bound) {
        std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            std::uint64_t r = next();
            if (r >= threshold) return r % bound;
        }
    }

    // Returns a draw in [0, 1) with 53 random bits; for data generation only, never
    // for a decision that must match across platforms bit for bit.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

}  // namespace baton
