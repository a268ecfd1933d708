#include "store/snapshot.h"

#include <zlib.h>

#include <cstring>
#include <stdexcept>

#include "io/cycle_json.h"
#include "io/workspace_json.h"
#include "store/snapshot_codec.h"

namespace baton {

using nlohmann::json;
using snapshot::kAbsent;
using snapshot::Reader;
using snapshot::StringTable;
using snapshot::Writer;

namespace {

constexpr char kMagic[8] = {'B', 'A', 'T', 'O', 'N', 'S', 'N', 'P'};

std::uint32_t crc32Of(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    // zlib takes a uInt length: feed it in chunks below 4 GiB.
    const std::size_t chunk = 1u << 30;
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
        std::size_t size = std::min(chunk, bytes.size() - at);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at),
                    static_cast<uInt>(size));
    }
    return static_cast<std::uint32_t>(crc);
}

// The columns of one snapshot under construction: strings go to the table, non-empty
// unknown-field objects to the extras list, everything else to the body.
struct Encoder {
    StringTable table;
    json extras = json::array();
    Writer body;

    void str(const std::string& text) { body.u32(table.intern(text)); }
    void optionalStr(const std::optional<std::string>& text) {
        body.u32(text ? table.intern(*text) : kAbsent);
    }
    void extra(const json& value) {
        if (value.is_null() || (value.is_object() && value.empty())) {
            body.u32(kAbsent);
            return;
        }
        body.u32(static_cast<std::uint32_t>(extras.size()));
        extras.push_back(value);
    }
    void list(const std::vector<std::string>& items) {
        body.u32(static_cast<std::uint32_t>(items.size()));
        for (const std::string& item : items) str(item);
    }
};

// The reading side of Encoder.
struct Decoder {
    Reader& in;
    std::vector<std::string> strings;
    json extras;

    const std::string& str() {
        std::uint32_t index = in.u32();
        if (index >= strings.size()) throw std::runtime_error("snapshot has a bad string index");
        return strings[index];
    }
    std::optional<std::string> optionalStr() {
        std::uint32_t index = in.u32();
        if (index == kAbsent) return std::nullopt;
        if (index >= strings.size()) throw std::runtime_error("snapshot has a bad string index");
        return strings[index];
    }
    json extra() {
        std::uint32_t index = in.u32();
        if (index == kAbsent) return json::object();
        if (index >= extras.size()) throw std::runtime_error("snapshot has a bad extra index");
        return extras[index];
    }
    std::vector<std::string> list() {
        std::uint32_t n = in.count(4);
        std::vector<std::string> items;
        items.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) items.push_back(str());
        return items;
    }
    template <typename E>
    E enumValue(int last) {
        std::uint8_t value = in.u8();
        if (value > last) throw std::runtime_error("snapshot has a bad enumeration value");
        return static_cast<E>(value);
    }
};

void writeEmployees(Encoder& e, const std::vector<Employee>& rows) {
    Writer& w = e.body;
    w.u32(static_cast<std::uint32_t>(rows.size()));
    for (const Employee& r : rows) e.str(r.id);
    for (const Employee& r : rows) e.str(r.name);
    for (const Employee& r : rows) e.str(r.team);
    for (const Employee& r : rows) e.str(r.role);
    for (const Employee& r : rows) e.str(r.hired);
    for (const Employee& r : rows) e.str(r.lastDay);
    for (const Employee& r : rows) w.u8(static_cast<std::uint8_t>(r.status));
    for (const Employee& r : rows) w.u8(static_cast<std::uint8_t>(r.kind));
    for (const Employee& r : rows) w.u8((r.hasCapacity ? 1 : 0) | (r.hasMetrics ? 2 : 0));
    for (const Employee& r : rows) {
        w.optionalF64(r.maxClients ? std::optional<double>(*r.maxClients) : std::nullopt);
    }
    for (const Employee& r : rows) w.optionalF64(r.maxWorkload);
    for (const Employee& r : rows) e.list(r.skills);
    for (const Employee& r : rows) w.optionalF64(r.metrics.sales12m);
    for (const Employee& r : rows) w.optionalF64(r.metrics.quotaAttainment);
    for (const Employee& r : rows) w.optionalF64(r.metrics.csat);
    for (const Employee& r : rows) w.optionalF64(r.metrics.retention);
    for (const Employee& r : rows) w.optionalF64(r.metrics.review);
    for (const Employee& r : rows) e.extra(r.metrics.extra);
    for (const Employee& r : rows) e.extra(r.capacityExtra);
    for (const Employee& r : rows) e.extra(r.extra);
}

void readEmployees(Decoder& d, std::vector<Employee>& rows) {
    Reader& in = d.in;
    rows.resize(in.count(4));
    for (Employee& r : rows) r.id = d.str();
    for (Employee& r : rows) r.name = d.str();
    for (Employee& r : rows) r.team = d.str();
    for (Employee& r : rows) r.role = d.str();
    for (Employee& r : rows) r.hired = d.str();
    for (Employee& r : rows) r.lastDay = d.str();
    for (Employee& r : rows) r.status = d.enumValue<EmployeeStatus>(3);
    for (Employee& r : rows) r.kind = d.enumValue<EmployeeKind>(1);
    for (Employee& r : rows) {
        std::uint8_t flags = in.u8();
        r.hasCapacity = (flags & 1) != 0;
        r.hasMetrics = (flags & 2) != 0;
    }
    for (Employee& r : rows) {
        std::optional<double> value = in.optionalF64();
        if (value) r.maxClients = static_cast<int>(*value);
    }
    for (Employee& r : rows) r.maxWorkload = in.optionalF64();
    for (Employee& r : rows) r.skills = d.list();
    for (Employee& r : rows) r.metrics.sales12m = in.optionalF64();
    for (Employee& r : rows) r.metrics.quotaAttainment = in.optionalF64();
    for (Employee& r : rows) r.metrics.csat = in.optionalF64();
    for (Employee& r : rows) r.metrics.retention = in.optionalF64();
    for (Employee& r : rows) r.metrics.review = in.optionalF64();
    for (Employee& r : rows) r.metrics.extra = d.extra();
    for (Employee& r : rows) r.capacityExtra = d.extra();
    for (Employee& r : rows) r.extra = d.extra();
}

void writeClients(Encoder& e, const std::vector<Client>& rows) {
    Writer& w = e.body;
    w.u32(static_cast<std::uint32_t>(rows.size()));
    for (const Client& r : rows) e.str(r.id);
    for (const Client& r : rows) e.str(r.name);
    for (const Client& r : rows) e.optionalStr(r.owner);
    for (const Client& r : rows) e.str(r.industry);
    for (const Client& r : rows) e.str(r.region);
    for (const Client& r : rows) e.str(r.language);
    for (const Client& r : rows) e.str(r.tier);
    for (const Client& r : rows) w.optionalF64(r.revenue12m);
    for (const Client& r : rows) w.optionalF64(r.potential);
    for (const Client& r : rows) w.optionalF64(r.workload);
    for (const Client& r : rows) w.optionalF64(r.difficulty);
    for (const Client& r : rows) w.optionalF64(r.satisfaction);
    for (const Client& r : rows) w.optionalF64(r.complaints);
    for (const Client& r : rows) w.optionalF64(r.latePayments);
    for (const Client& r : rows) w.u8((r.keyAccount ? 1 : 0) | (r.hasKeyAccount ? 2 : 0));
    for (const Client& r : rows) e.list(r.needs);
    for (const Client& r : rows) e.list(r.prefers);
    for (const Client& r : rows) e.optionalStr(r.notes);
    for (const Client& r : rows) e.extra(r.extra);
}

void readClients(Decoder& d, std::vector<Client>& rows) {
    Reader& in = d.in;
    rows.resize(in.count(4));
    for (Client& r : rows) r.id = d.str();
    for (Client& r : rows) r.name = d.str();
    for (Client& r : rows) r.owner = d.optionalStr();
    for (Client& r : rows) r.industry = d.str();
    for (Client& r : rows) r.region = d.str();
    for (Client& r : rows) r.language = d.str();
    for (Client& r : rows) r.tier = d.str();
    for (Client& r : rows) r.revenue12m = in.optionalF64();
    for (Client& r : rows) r.potential = in.optionalF64();
    for (Client& r : rows) r.workload = in.optionalF64();
    for (Client& r : rows) r.difficulty = in.optionalF64();
    for (Client& r : rows) r.satisfaction = in.optionalF64();
    for (Client& r : rows) r.complaints = in.optionalF64();
    for (Client& r : rows) r.latePayments = in.optionalF64();
    for (Client& r : rows) {
        std::uint8_t flags = in.u8();
        r.keyAccount = (flags & 1) != 0;
        r.hasKeyAccount = (flags & 2) != 0;
    }
    for (Client& r : rows) r.needs = d.list();
    for (Client& r : rows) r.prefers = d.list();
    for (Client& r : rows) r.notes = d.optionalStr();
    for (Client& r : rows) r.extra = d.extra();
}

void writeTransactions(Encoder& e, const std::vector<Transaction>& rows) {
    e.body.u32(static_cast<std::uint32_t>(rows.size()));
    for (const Transaction& r : rows) e.str(r.client);
    for (const Transaction& r : rows) e.str(r.date);
    for (const Transaction& r : rows) e.body.f64(r.amount);
    for (const Transaction& r : rows) e.optionalStr(r.employee);
    for (const Transaction& r : rows) e.extra(r.extra);
}

void readTransactions(Decoder& d, std::vector<Transaction>& rows) {
    rows.resize(d.in.count(4));
    for (Transaction& r : rows) r.client = d.str();
    for (Transaction& r : rows) r.date = d.str();
    for (Transaction& r : rows) r.amount = d.in.f64();
    for (Transaction& r : rows) r.employee = d.optionalStr();
    for (Transaction& r : rows) r.extra = d.extra();
}

void writeRelationships(Encoder& e, const std::vector<Relationship>& rows) {
    e.body.u32(static_cast<std::uint32_t>(rows.size()));
    for (const Relationship& r : rows) e.str(r.employee);
    for (const Relationship& r : rows) e.str(r.client);
    for (const Relationship& r : rows) e.body.u8(static_cast<std::uint8_t>(r.kind));
    for (const Relationship& r : rows) e.extra(r.extra);
}

void readRelationships(Decoder& d, std::vector<Relationship>& rows) {
    rows.resize(d.in.count(4));
    for (Relationship& r : rows) r.employee = d.str();
    for (Relationship& r : rows) r.client = d.str();
    for (Relationship& r : rows) r.kind = d.enumValue<RelationshipKind>(2);
    for (Relationship& r : rows) r.extra = d.extra();
}

void writeDeals(Encoder& e, const std::vector<Deal>& rows) {
    e.body.u32(static_cast<std::uint32_t>(rows.size()));
    for (const Deal& r : rows) e.str(r.id);
    for (const Deal& r : rows) e.str(r.client);
    for (const Deal& r : rows) e.str(r.employee);
    for (const Deal& r : rows) e.body.u8(static_cast<std::uint8_t>(r.stage));
    for (const Deal& r : rows) e.body.f64(r.amount);
    for (const Deal& r : rows) e.optionalStr(r.expectedClose);
    for (const Deal& r : rows) e.extra(r.extra);
}

void readDeals(Decoder& d, std::vector<Deal>& rows) {
    rows.resize(d.in.count(4));
    for (Deal& r : rows) r.id = d.str();
    for (Deal& r : rows) r.client = d.str();
    for (Deal& r : rows) r.employee = d.str();
    for (Deal& r : rows) r.stage = d.enumValue<DealStage>(2);
    for (Deal& r : rows) r.amount = d.in.f64();
    for (Deal& r : rows) r.expectedClose = d.optionalStr();
    for (Deal& r : rows) r.extra = d.extra();
}

std::string encodePayload(const Workspace& workspace) {
    Encoder e;
    writeEmployees(e, workspace.employees);
    writeClients(e, workspace.clients);
    writeTransactions(e, workspace.transactions);
    writeRelationships(e, workspace.relationships);
    writeDeals(e, workspace.deals);

    Writer payload;
    const auto& strings = e.table.strings();
    payload.u32(static_cast<std::uint32_t>(strings.size()));
    for (std::string_view s : strings) payload.bytes(s);
    payload.cbor(e.extras);
    payload.cbor({{"company", workspace.company},
                  {"policy", policyToJson(workspace.policy)},
                  {"cycles", cyclesToJson(workspace.cycles)},
                  {"audit", workspace.audit},
                  {"extra", workspace.extra}});
    payload.buffer() += e.body.buffer();
    return std::move(payload.buffer());
}

Workspace decodePayload(std::string_view payload) {
    Reader in(payload);
    Decoder d{in, {}, {}};
    std::uint32_t n = in.count(4);
    d.strings.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) d.strings.emplace_back(in.bytes());
    d.extras = in.cbor();
    json header = in.cbor();
    if (!d.extras.is_array() || !header.is_object()) {
        throw std::runtime_error("snapshot has a damaged header");
    }
    Workspace ws;
    ws.company = header.value("company", json::object());
    std::vector<JsonError> cycleErrors;
    ws.cycles = cyclesFromJson(header.value("cycles", json::array()), "/cycles", cycleErrors);
    if (!cycleErrors.empty()) {
        throw std::runtime_error("snapshot has an invalid cycle: " + cycleErrors.front().path +
                                 ": " + cycleErrors.front().message);
    }
    ws.audit = header.value("audit", json::array());
    ws.extra = header.value("extra", json::object());
    PolicyReadResult policy = policyFromJson(header.value("policy", json::object()), "/policy");
    if (!policy.policy) throw std::runtime_error("snapshot has an invalid policy");
    ws.policy = std::move(*policy.policy);
    readEmployees(d, ws.employees);
    readClients(d, ws.clients);
    readTransactions(d, ws.transactions);
    readRelationships(d, ws.relationships);
    readDeals(d, ws.deals);
    if (!in.atEnd()) throw std::runtime_error("snapshot has trailing bytes");
    return ws;
}

}  // namespace

bool isSnapshot(std::string_view bytes) {
    return bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

std::string writeSnapshot(const Workspace& workspace) {
    std::string payload = encodePayload(workspace);
    Writer out;
    out.buffer().append(kMagic, sizeof kMagic);
    out.u32(kSnapshotVersion);
    out.u64(payload.size());
    out.buffer() += payload;
    out.u32(crc32Of(payload));
    return std::move(out.buffer());
}

std::optional<Workspace> readSnapshot(std::string_view bytes, std::string& error) {
    error.clear();
    if (!isSnapshot(bytes)) {
        error = "not a Baton snapshot (wrong magic)";
        return std::nullopt;
    }
    try {
        Reader in(bytes.substr(sizeof kMagic));
        std::uint32_t version = in.u32();
        if (version > static_cast<std::uint32_t>(kSnapshotVersion)) {
            error = "snapshot version " + std::to_string(version) +
                    " is newer than this Baton reads (" + std::to_string(kSnapshotVersion) + ")";
            return std::nullopt;
        }
        std::uint64_t size = in.u64();
        const std::size_t header = sizeof kMagic + 4 + 8;
        if (bytes.size() < header + 4 || bytes.size() - header - 4 != size) {
            error = "snapshot is truncated or has trailing bytes";
            return std::nullopt;
        }
        std::string_view payload = bytes.substr(header, size);
        std::uint32_t stored;
        std::memcpy(&stored, bytes.data() + header + size, sizeof stored);
        if (stored != crc32Of(payload)) {
            error = "snapshot is damaged (CRC-32 mismatch)";
            return std::nullopt;
        }
        return decodePayload(payload);
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

}  // namespace baton
