// Byte-level writer and reader for the workspace snapshot: little-endian integers, raw
// doubles, an interned string table and CBOR blobs. Internal to src/store.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace baton::snapshot {

// The bit pattern that stands for an absent optional number. JSON cannot carry NaN,
// so no stored value has it.
inline constexpr std::uint64_t kAbsentBits = 0x7ff4dead00000001ull;
// The string index that stands for an absent optional string or an empty extra object.
inline constexpr std::uint32_t kAbsent = 0xffffffffu;

// Gives each distinct string one index, in order of first appearance. The table keeps
// views, not copies: every interned string must outlive the table (the snapshot writer
// interns only fields of the workspace it writes).
class StringTable {
public:
    std::uint32_t intern(std::string_view text);
    const std::vector<std::string_view>& strings() const { return m_order; }

private:
    std::unordered_map<std::string_view, std::uint32_t> m_index;
    std::vector<std::string_view> m_order;
    // The last string interned: columns repeat a value over consecutive rows (the
    // transactions of one client, of one day), and a comparison is cheaper than a hash.
    std::string_view m_last;
    std::uint32_t m_lastIndex = 0;
    bool m_hasLast = false;
};

class Writer {
public:
    void u8(std::uint8_t value) { m_bytes.push_back(static_cast<char>(value)); }
    void u32(std::uint32_t value) { raw(&value, sizeof value); }
    void u64(std::uint64_t value) { raw(&value, sizeof value); }
    void f64(double value) { raw(&value, sizeof value); }
    void optionalF64(const std::optional<double>& value);
    void bytes(std::string_view data);
    void cbor(const nlohmann::json& value);
    std::string& buffer() { return m_bytes; }

private:
    // The snapshot is little-endian; every target Baton builds for (x86-64, arm64, wasm32)
    // is little-endian too, so a memcpy writes the right order.
    void raw(const void* data, std::size_t size) {
        m_bytes.append(static_cast<const char*>(data), size);
    }
    std::string m_bytes;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(*take(1)); }
    std::uint32_t u32() { return get<std::uint32_t>(); }
    std::uint64_t u64() { return get<std::uint64_t>(); }
    double f64() { return get<double>(); }
    std::optional<double> optionalF64();
    std::string_view bytes();
    nlohmann::json cbor();
    // Reads a count and checks that at least count * minBytes bytes remain, so damaged
    // data cannot ask for a huge allocation.
    std::uint32_t count(std::size_t minBytes);
    bool atEnd() const { return m_offset == m_bytes.size(); }

private:
    template <typename T>
    T get() {
        T value;
        std::memcpy(&value, take(sizeof value), sizeof value);
        return value;
    }
    const char* take(std::size_t size) {
        if (m_bytes.size() - m_offset < size) throw std::runtime_error("snapshot is truncated");
        const char* at = m_bytes.data() + m_offset;
        m_offset += size;
        return at;
    }
    std::string_view m_bytes;
    std::size_t m_offset = 0;
};

}  // namespace baton::snapshot
