// An open-addressing hash map from text to an int, for the id and name indexes of an
// import. The keys live in the slots, next to their hash, so a lookup by a cell's view
// compares a few bytes in one cache line and builds no string. Internal to the importer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton::import_detail {

class TextIndex {
public:
    // The value stored for `key`, or nullptr.
    const int* find(std::string_view key) const {
        if (m_slots.empty()) return nullptr;
        std::uint32_t hash = hashOf(key);
        for (std::size_t at = hash & mask();; at = (at + 1) & mask()) {
            const Slot& slot = m_slots[at];
            if (!slot.used) return nullptr;
            if (slot.hash == hash && slot.key == key) return &slot.value;
        }
    }
    int* find(std::string_view key) {
        return const_cast<int*>(static_cast<const TextIndex&>(*this).find(key));
    }

    // Inserts `key` with `value` unless the key is present. Returns the stored value, valid
    // until the next insertion, and whether it was inserted.
    std::pair<int*, bool> emplace(std::string_view key, int value) {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        std::uint32_t hash = hashOf(key);
        std::size_t at = hash & mask();
        for (; m_slots[at].used; at = (at + 1) & mask()) {
            if (m_slots[at].hash == hash && m_slots[at].key == key) {
                return {&m_slots[at].value, false};
            }
        }
        m_slots[at] = Slot{std::string(key), hash, value, true};
        ++m_size;
        return {&m_slots[at].value, true};
    }

    // Stores `value` for `key`, replacing a value already stored.
    void set(std::string_view key, int value) { *emplace(key, value).first = value; }

    // Makes room for `count` keys without growing.
    void reserve(std::size_t count) {
        while (count * 4 > m_slots.size() * 3) grow();
    }

    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::string key;
        std::uint32_t hash = 0;
        int value = 0;
        bool used = false;
    };

    // Mixes the key eight bytes at a time (a short key as up to two overlapping loads) and
    // ends with MurmurHash3's 64-bit finaliser, so that the low bits, which pick the slot,
    // depend on every byte. Slots are never iterated, so the hash decides no output.
    static std::uint32_t hashOf(std::string_view key) {
        const char* bytes = key.data();
        std::size_t size = key.size();
        std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ size;
        if (size >= 8) {
            std::size_t at = 0;
            for (; at + 8 <= size; at += 8) hash = mix(hash, load64(bytes + at));
            if (at < size) hash = mix(hash, load64(bytes + size - 8));
        } else if (size >= 4) {
            hash = mix(hash, load32(bytes) | load32(bytes + size - 4) << 32);
        } else if (size > 0) {
            auto byte = [&](std::size_t i) { return std::uint64_t(std::uint8_t(bytes[i])); };
            hash = mix(hash, byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16);
        }
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDULL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53ULL;
        hash ^= hash >> 33;
        return static_cast<std::uint32_t>(hash);
    }

    static std::uint64_t load64(const char* at) {
        std::uint64_t word;
        std::memcpy(&word, at, sizeof word);
        return word;
    }

    static std::uint64_t load32(const char* at) {
        std::uint32_t word;
        std::memcpy(&word, at, sizeof word);
        return word;
    }

    static std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
        hash = (hash ^ word) * 0x9FB21C651E98DF25ULL;
        return hash ^ (hash >> 29);
    }

    std::size_t mask() const { return m_slots.size() - 1; }

    // Doubles the slots (16 at first) and inserts every key again.
    void grow() {
        std::vector<Slot> old(m_slots.empty() ? 16 : m_slots.size() * 2);
        old.swap(m_slots);
        for (Slot& slot : old) {
            if (!slot.used) continue;
            std::size_t at = slot.hash & mask();
            while (m_slots[at].used) at = (at + 1) & mask();
            m_slots[at] = std::move(slot);
        }
    }

    std::vector<Slot> m_slots;  // a power of two in size, at most three quarters used
    std::size_t m_size = 0;
};

}  // namespace baton::import_detail
