// A read-only map from string ids to positions, for the hot loops that resolve a million
// transaction ids against 100,000 clients. It uses open addressing with linear probing
// over a power-of-two table of (hash, position) slots. The ids are copied into one
// contiguous arena, so a lookup touches the table and the arena but never the records
// the ids came from. The first position added with an id wins, as Workspace::findClient does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

class IdIndex {
public:
    explicit IdIndex(std::size_t expected = 0) { reserve(expected); }

    // Adds `id` at `position` unless the id is already present.
    void add(std::string_view id, int position);
    // The position of `id`, or -1.
    int find(std::string_view id) const;
    std::size_t size() const { return m_count; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        int position = -1;
        std::uint32_t key = 0;  // index into m_offsets
    };
    static std::uint64_t hashOf(std::string_view id);
    void reserve(std::size_t expected);
    void grow();
    std::string_view keyAt(std::uint32_t k) const {
        return std::string_view(m_arena).substr(m_offsets[k], m_offsets[k + 1] - m_offsets[k]);
    }

    std::vector<Slot> m_slots;
    std::string m_arena;
    std::vector<std::uint32_t> m_offsets{0};
    std::size_t m_count = 0;
    std::size_t m_mask = 0;
};

}  // namespace baton
