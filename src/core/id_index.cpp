#include "core/id_index.h"

namespace baton {

// FNV-1a over the bytes, then a final mix so that the low bits, which pick the slot,
// depend on every byte of ids that differ only at the end ("C000017", "C000018").
std::uint64_t IdIndex::hashOf(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : id) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

void IdIndex::reserve(std::size_t expected) {
    std::size_t size = 16;
    while (size < expected * 2) size *= 2;
    if (size <= m_slots.size()) return;
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(size, Slot{});
    m_mask = size - 1;
    for (const Slot& s : old) {
        if (s.position < 0) continue;
        std::size_t at = std::size_t(s.hash) & m_mask;
        while (m_slots[at].position >= 0) at = (at + 1) & m_mask;
        m_slots[at] = s;
    }
}

void IdIndex::grow() { reserve(m_slots.size()); }

void IdIndex::add(std::string_view id, int position) {
    if ((m_count + 1) * 2 > m_slots.size()) grow();
    std::uint64_t h = hashOf(id);
    std::size_t at = std::size_t(h) & m_mask;
    for (; m_slots[at].position >= 0; at = (at + 1) & m_mask) {
        if (m_slots[at].hash == h && keyAt(m_slots[at].key) == id) return;
    }
    std::uint32_t key = std::uint32_t(m_offsets.size() - 1);
    m_arena.append(id);
    m_offsets.push_back(std::uint32_t(m_arena.size()));
    m_slots[at] = Slot{h, position, key};
    ++m_count;
}

int IdIndex::find(std::string_view id) const {
    if (m_slots.empty()) return -1;
    std::uint64_t h = hashOf(id);
    for (std::size_t at = std::size_t(h) & m_mask; m_slots[at].position >= 0;
         at = (at + 1) & m_mask) {
        if (m_slots[at].hash == h && keyAt(m_slots[at].key) == id) return m_slots[at].position;
    }
    return -1;
}

}  // namespace baton
