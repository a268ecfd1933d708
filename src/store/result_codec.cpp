#include "store/result_codec.h"

#include <cstring>
#include <stdexcept>
#include <vector>

#include "io/workspace_json.h"
#include "store/snapshot_codec.h"

namespace baton {

using snapshot::kAbsent;
using snapshot::Reader;
using snapshot::StringTable;
using snapshot::Writer;

namespace {

constexpr char kMagic[8] = {'B', 'A', 'T', 'O', 'N', 'R', 'E', 'S'};
constexpr std::uint32_t kVersion = 2;

// The writing side: strings go to the table, everything else to the body.
struct Out {
    StringTable table;
    Writer body;

    void str(const std::string& text) { body.u32(table.intern(text)); }
    void optionalStr(const std::optional<std::string>& text) {
        body.u32(text ? table.intern(*text) : kAbsent);
    }
    void count(std::size_t n) { body.u32(static_cast<std::uint32_t>(n)); }
    void list(const std::vector<std::string>& items) {
        count(items.size());
        for (const std::string& item : items) str(item);
    }
    void flag(bool value) { body.u8(value ? 1 : 0); }
    void number(double value) { body.f64(value); }
    void integer(long long value) { body.u64(static_cast<std::uint64_t>(value)); }
};

// The reading side of Out.
struct In {
    Reader& in;
    std::vector<std::string> strings;

    std::uint32_t index() {
        std::uint32_t at = in.u32();
        if (at >= strings.size()) throw std::runtime_error("result has a bad string index");
        return at;
    }
    std::string str() { return strings[index()]; }
    std::optional<std::string> optionalStr() {
        std::uint32_t at = in.u32();
        if (at == kAbsent) return std::nullopt;
        if (at >= strings.size()) throw std::runtime_error("result has a bad string index");
        return strings[at];
    }
    // Every item takes at least `minBytes`, so damaged bytes cannot ask for a huge list.
    std::uint32_t count(std::size_t minBytes) { return in.count(minBytes); }
    std::vector<std::string> list() {
        std::vector<std::string> items(count(4));
        for (std::string& item : items) item = str();
        return items;
    }
    bool flag() { return in.u8() != 0; }
    double number() { return in.f64(); }
    long long integer() { return static_cast<long long>(in.u64()); }
};

void writeAssignment(Out& o, const Assignment& a) {
    o.str(a.client);
    o.str(a.employee);
    o.number(a.fit);
    o.number(a.value);
    o.number(a.difficulty);
    o.str(a.wonBecause);
    o.count(a.breakdown.size());
    for (const FitTerm& t : a.breakdown) {
        o.str(t.name);
        o.number(t.contribution);
    }
    o.list(a.reasons);
    o.count(a.runnersUp.size());
    for (const RunnerUp& u : a.runnersUp) {
        o.str(u.employee);
        o.number(u.fit);
        o.str(u.lostBecause);
    }
}

Assignment readAssignment(In& i) {
    Assignment a;
    a.client = i.str();
    a.employee = i.str();
    a.fit = i.number();
    a.value = i.number();
    a.difficulty = i.number();
    a.wonBecause = i.str();
    a.breakdown.resize(i.count(12));
    for (FitTerm& t : a.breakdown) {
        t.name = i.str();
        t.contribution = i.number();
    }
    a.reasons = i.list();
    a.runnersUp.resize(i.count(16));
    for (RunnerUp& u : a.runnersUp) {
        u.employee = i.str();
        u.fit = i.number();
        u.lostBecause = i.str();
    }
    return a;
}

void writeEmployee(Out& o, const EmployeeOutcome& e) {
    o.str(e.employee);
    for (double x : {e.entitlement, e.targetValue, e.targetDifficulty, e.receivedValue,
                     e.receivedDifficulty}) {
        o.number(x);
    }
    o.integer(e.clients);
    o.integer(e.bookAfter);
}

EmployeeOutcome readEmployee(In& i) {
    EmployeeOutcome e;
    e.employee = i.str();
    for (double* x : {&e.entitlement, &e.targetValue, &e.targetDifficulty, &e.receivedValue,
                      &e.receivedDifficulty}) {
        *x = i.number();
    }
    e.clients = static_cast<int>(i.integer());
    e.bookAfter = static_cast<int>(i.integer());
    return e;
}

void writeCertificates(Out& o, const Certificates& c) {
    for (bool x : {c.wprop1Value, c.wprop1Difficulty, c.wef1Value, c.wef1Difficulty}) o.flag(x);
    o.integer(c.efCBoth);
    o.count(c.witnesses.size());
    for (const Witness& w : c.witnesses) {
        o.str(w.certificate);
        o.list(w.employees);
        o.str(w.client);
        o.optionalStr(w.constraint);
    }
}

Certificates readCertificates(In& i) {
    Certificates c;
    for (bool* x : {&c.wprop1Value, &c.wprop1Difficulty, &c.wef1Value, &c.wef1Difficulty}) {
        *x = i.flag();
    }
    c.efCBoth = static_cast<int>(i.integer());
    c.witnesses.resize(i.count(16));
    for (Witness& w : c.witnesses) {
        w.certificate = i.str();
        w.employees = i.list();
        w.client = i.str();
        w.constraint = i.optionalStr();
    }
    return c;
}

void writeFigures(Out& o, const Figures& f) {
    for (double x : {f.totalFit, f.priceOfFairness, f.maxRelativeDeviation, f.gini,
                     f.difficultySpread, f.continuityRate}) {
        o.number(x);
    }
    o.integer(f.unassigned);
}

Figures readFigures(In& i) {
    Figures f;
    for (double* x : {&f.totalFit, &f.priceOfFairness, &f.maxRelativeDeviation, &f.gini,
                      &f.difficultySpread, &f.continuityRate}) {
        *x = i.number();
    }
    f.unassigned = static_cast<int>(i.integer());
    return f;
}

void writeDual(Out& o, const std::optional<DualPrices>& dual) {
    o.flag(dual.has_value());
    if (!dual) return;
    o.integer(dual->scale);
    o.integer(dual->placement);
    o.integer(dual->placed);
    o.count(dual->prices.size());
    for (const auto& [id, price] : dual->prices) {
        o.str(id);
        o.integer(price);
    }
}

std::optional<DualPrices> readDual(In& i) {
    if (!i.flag()) return std::nullopt;
    DualPrices dual;
    dual.scale = i.integer();
    dual.placement = i.integer();
    dual.placed = static_cast<int>(i.integer());
    std::uint32_t prices = i.count(12);
    for (std::uint32_t k = 0; k < prices; ++k) {
        std::string id = i.str();
        dual.prices[id] = i.integer();
    }
    return dual;
}

void writeBody(Out& o, const AllocationResult& r) {
    o.str(r.method);
    o.integer(static_cast<long long>(r.seed));
    o.integer(r.policyVersion);
    o.str(r.inputSha256);
    o.body.cbor(policyToJson(r.policy));
    o.count(r.assignments.size());
    for (const Assignment& a : r.assignments) writeAssignment(o, a);
    o.count(r.unassigned.size());
    for (const Unassigned& u : r.unassigned) {
        o.str(u.client);
        o.str(u.reason);
        o.str(u.detail);
    }
    o.count(r.employees.size());
    for (const EmployeeOutcome& e : r.employees) writeEmployee(o, e);
    writeCertificates(o, r.certificates);
    o.str(r.optimality.status);
    o.str(r.optimality.check);
    o.number(r.optimality.upperBound);
    o.number(r.optimality.gap);
    writeDual(o, r.optimality.dual);
    writeFigures(o, r.figures);
    o.list(r.notes);
    o.count(r.baselines.size());
    for (const auto& [name, summary] : r.baselines) {
        o.str(name);
        writeFigures(o, summary.figures);
        writeCertificates(o, summary.certificates);
        o.list(summary.breaches);
    }
}

Policy readPolicy(In& i) {
    PolicyReadResult read = policyFromJson(i.in.cbor(), "/policy");
    if (!read.policy) throw std::runtime_error("result has an invalid policy");
    return std::move(*read.policy);
}

AllocationResult readBody(In& i) {
    AllocationResult r;
    r.method = i.str();
    r.seed = static_cast<std::uint64_t>(i.integer());
    r.policyVersion = static_cast<int>(i.integer());
    r.inputSha256 = i.str();
    r.policy = readPolicy(i);
    std::uint32_t assignments = i.count(40);
    r.assignments.reserve(assignments);
    for (std::uint32_t a = 0; a < assignments; ++a) r.assignments.push_back(readAssignment(i));
    r.unassigned.resize(i.count(12));
    for (Unassigned& u : r.unassigned) {
        u.client = i.str();
        u.reason = i.str();
        u.detail = i.str();
    }
    r.employees.resize(i.count(60));
    for (EmployeeOutcome& e : r.employees) e = readEmployee(i);
    r.certificates = readCertificates(i);
    r.optimality.status = i.str();
    r.optimality.check = i.str();
    r.optimality.upperBound = i.number();
    r.optimality.gap = i.number();
    r.optimality.dual = readDual(i);
    r.figures = readFigures(i);
    r.notes = i.list();
    std::uint32_t baselines = i.count(4);
    for (std::uint32_t b = 0; b < baselines; ++b) {
        std::string name = i.str();
        BaselineSummary& summary = r.baselines[name];
        summary.figures = readFigures(i);
        summary.certificates = readCertificates(i);
        summary.breaches = i.list();
    }
    return r;
}

}  // namespace

std::string encodeResult(const AllocationResult& result) {
    Out o;
    writeBody(o, result);
    Writer out;
    out.buffer().append(kMagic, sizeof kMagic);
    out.u32(kVersion);
    const auto& strings = o.table.strings();
    out.u32(static_cast<std::uint32_t>(strings.size()));
    for (std::string_view s : strings) out.bytes(s);
    out.buffer() += o.body.buffer();
    return std::move(out.buffer());
}

AllocationResult decodeResult(std::string_view bytes) {
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        throw std::runtime_error("not a Baton result (wrong magic)");
    }
    Reader reader(bytes.substr(sizeof kMagic));
    if (reader.u32() != kVersion) throw std::runtime_error("result of another version");
    In in{reader, {}};
    in.strings.resize(reader.count(4));
    for (std::string& s : in.strings) s = std::string(reader.bytes());
    AllocationResult result = readBody(in);
    if (!reader.atEnd()) throw std::runtime_error("result has trailing bytes");
    return result;
}

}  // namespace baton
