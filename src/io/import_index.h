// An open-addressing hash map from text to an int, for the id and name indexes of an
// import. The keys live in the slots, next to their hash, so a lookup by a cell's view
// compares a few bytes in one cache line and builds no string. Internal to the importer.
#pragma once

#include <cstddef>
#include <cstdint>
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

    // FNV-1a over the bytes, then MurmurHash3's final mix so that the low bits, which pick
    // the slot, depend on every byte. The same on every platform.
    static std::uint32_t hashOf(std::string_view key) {
        std::uint32_t hash = 2166136261u;
        for (char c : key) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 16777619u;
        }
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
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
