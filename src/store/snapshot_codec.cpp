#include "store/snapshot_codec.h"

#include <memory>

namespace baton::snapshot {

std::uint32_t StringTable::intern(std::string_view text) {
    if (m_hasLast && text == m_last) return m_lastIndex;
    auto [it, added] = m_index.try_emplace(text, static_cast<std::uint32_t>(m_order.size()));
    if (added) m_order.push_back(text);
    m_last = text;
    m_lastIndex = it->second;
    m_hasLast = true;
    return it->second;
}

void Writer::optionalF64(const std::optional<double>& value) {
    if (value) {
        f64(*value);
    } else {
        u64(kAbsentBits);
    }
}

void Writer::bytes(std::string_view data) {
    u32(static_cast<std::uint32_t>(data.size()));
    m_bytes.append(data.data(), data.size());
}

void Writer::cbor(const nlohmann::json& value) {
    std::vector<std::uint8_t> encoded = nlohmann::json::to_cbor(value);
    u32(static_cast<std::uint32_t>(encoded.size()));
    m_bytes.append(reinterpret_cast<const char*>(encoded.data()), encoded.size());
}

std::optional<double> Reader::optionalF64() {
    std::uint64_t bits = u64();
    if (bits == kAbsentBits) return std::nullopt;
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

std::string_view Reader::bytes() {
    std::uint32_t size = u32();
    return std::string_view(take(size), size);
}

nlohmann::json Reader::cbor() {
    std::string_view data = bytes();
    nlohmann::json value = nlohmann::json::from_cbor(data.begin(), data.end(), true, false);
    if (value.is_discarded()) throw std::runtime_error("snapshot has a damaged CBOR block");
    return value;
}

std::uint32_t Reader::count(std::size_t minBytes) {
    std::uint32_t n = u32();
    if (minBytes > 0 && (m_bytes.size() - m_offset) / minBytes < n) {
        throw std::runtime_error("snapshot is truncated");
    }
    return n;
}

}  // namespace baton::snapshot
