#include "io/json_fields.h"

#include <cmath>

#include "core/dates.h"

namespace baton::json_fields {

using nlohmann::json;

namespace {

using Kind = RecordValue::Kind;

// Type checks and conversions with the same meaning for nlohmann::json and RecordValue,
// so that BasicFieldReader reads both alike.
bool isNull(const json& v) {
    return v.is_null();
}
bool isString(const json& v) {
    return v.is_string();
}
bool isNumber(const json& v) {
    return v.is_number();
}
bool isUnsigned(const json& v) {
    return v.is_number_unsigned();
}
// nlohmann's is_number_integer() is also true for unsigned numbers.
bool isInteger(const json& v) {
    return v.is_number_integer();
}
bool isBoolean(const json& v) {
    return v.is_boolean();
}
bool isArray(const json& v) {
    return v.is_array();
}
bool isObject(const json& v) {
    return v.is_object();
}
std::string stringOf(const json& v) {
    return v.get<std::string>();
}
double doubleOf(const json& v) {
    return v.get<double>();
}
std::uint64_t unsignedOf(const json& v) {
    return v.get<std::uint64_t>();
}
long long integerOf(const json& v) {
    return v.get<long long>();
}
bool booleanOf(const json& v) {
    return v.get<bool>();
}
std::size_t sizeOf(const json& v) {
    return v.size();
}
const json& itemOf(const json& v, std::size_t i) {
    return v[i];
}
std::string dumpOf(const json& v) {
    return v.dump();
}
const json* memberOf(const json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

bool isNull(const RecordValue& v) {
    return v.kind == Kind::Null;
}
bool isString(const RecordValue& v) {
    return v.kind == Kind::String;
}
bool isNumber(const RecordValue& v) {
    return v.kind == Kind::Integer || v.kind == Kind::Unsigned || v.kind == Kind::Float;
}
bool isUnsigned(const RecordValue& v) {
    return v.kind == Kind::Unsigned;
}
bool isInteger(const RecordValue& v) {
    return v.kind == Kind::Integer || v.kind == Kind::Unsigned;
}
bool isBoolean(const RecordValue& v) {
    return v.kind == Kind::Boolean;
}
bool isArray(const RecordValue& v) {
    return v.kind == Kind::Array;
}
bool isObject(const RecordValue& v) {
    return v.kind == Kind::Object;
}
const std::string& stringOf(const RecordValue& v) {
    return v.text;
}
double doubleOf(const RecordValue& v) {
    if (v.kind == Kind::Integer) return static_cast<double>(v.integer);
    if (v.kind == Kind::Unsigned) return static_cast<double>(v.unsignedInteger);
    return v.number;
}
std::uint64_t unsignedOf(const RecordValue& v) {
    if (v.kind == Kind::Integer) return static_cast<std::uint64_t>(v.integer);
    return v.unsignedInteger;
}
long long integerOf(const RecordValue& v) {
    if (v.kind == Kind::Unsigned) return static_cast<long long>(v.unsignedInteger);
    return v.integer;
}
bool booleanOf(const RecordValue& v) {
    return v.boolean;
}
std::size_t sizeOf(const RecordValue& v) {
    return v.items.size();
}
const RecordValue& itemOf(const RecordValue& v, std::size_t i) {
    return v.items[i];
}
std::string dumpOf(const RecordValue& v) {
    return toJson(v).dump();
}
const RecordValue* memberOf(const RecordValue& object, const char* key) {
    for (std::size_t i = 0; i < object.keys.size(); ++i) {
        if (object.keys[i] == key) return &object.items[i];
    }
    return nullptr;
}

bool isKnownKey(std::string_view key, std::initializer_list<std::string_view> known) {
    for (std::string_view k : known) {
        if (key == k) return true;
    }
    return false;
}

json extrasOf(const json& object, std::initializer_list<std::string_view> known) {
    json out = json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownKey(it.key(), known)) out[it.key()] = it.value();
    }
    return out;
}

json extrasOf(const RecordValue& object, std::initializer_list<std::string_view> known) {
    json out = json::object();
    for (std::size_t i = 0; i < object.keys.size(); ++i) {
        if (!isKnownKey(object.keys[i], known)) out[object.keys[i]] = toJson(object.items[i]);
    }
    return out;
}

bool hasExtras(const json& object, std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownKey(it.key(), known)) return true;
    }
    return false;
}

bool hasExtras(const RecordValue& object, std::initializer_list<std::string_view> known) {
    for (const std::string& key : object.keys) {
        if (!isKnownKey(key, known)) return true;
    }
    return false;
}

}  // namespace

json toJson(const RecordValue& value) {
    switch (value.kind) {
        case Kind::Null: return json(nullptr);
        case Kind::Boolean: return json(value.boolean);
        case Kind::Integer: return json(value.integer);
        case Kind::Unsigned: return json(value.unsignedInteger);
        case Kind::Float: return json(value.number);
        case Kind::String: return json(value.text);
        case Kind::Array: {
            json out = json::array();
            for (const RecordValue& item : value.items) out.push_back(toJson(item));
            return out;
        }
        case Kind::Object: {
            json out = json::object();
            for (std::size_t i = 0; i < value.keys.size(); ++i) {
                out[value.keys[i]] = toJson(value.items[i]);
            }
            return out;
        }
    }
    return json(nullptr);
}

std::string describeType(const RecordValue& value) {
    switch (value.kind) {
        case Kind::Null: return "null";
        case Kind::Object: return "an object";
        case Kind::Array: return "an array";
        case Kind::String: return "a string";
        case Kind::Boolean: return "a boolean";
        case Kind::Integer:
        case Kind::Unsigned:
        case Kind::Float: return "a number";
    }
    return "an unsupported value";
}

void ErrorSink::add(const std::string& path, std::string message) {
    if (m_errors.size() < kMaxErrors || (!m_summarise && m_errors.size() == kMaxErrors)) {
        m_errors.push_back(
            JsonError{validUtf8(path), std::nullopt, std::nullopt, validUtf8(message)});
    } else if (m_errors.size() == kMaxErrors) {
        m_errors.push_back(JsonError{"", std::nullopt, std::nullopt,
                                     "too many errors: only the first 100 are listed; fix "
                                     "them and read the file again to see the rest"});
    }
}

namespace {

// The length of the well-formed UTF-8 sequence at `at`, or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t sequenceLength(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) return 0;
    unsigned char second = byte(at + 1);
    unsigned char low = 0x80, high = 0xBF;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
    if (second < low || second > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
    }
    return length;
}

}  // namespace

std::string validUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = sequenceLength(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

std::string pointerJoin(const std::string& base, std::string_view token) {
    std::string out = base;
    out.reserve(base.size() + token.size() + 1);
    out.push_back('/');
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string pointerJoin(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

std::string formatNumber(double x) {
    return numberJson(x).dump();
}

bool appendPlainString(std::string& out, std::string_view text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return false;
    }
    out.push_back('"');
    out += text;
    out.push_back('"');
    return true;
}

json numberJson(double x) {
    if (std::floor(x) == x && std::fabs(x) < 9007199254740992.0) {
        return json(static_cast<std::int64_t>(x));
    }
    return json(x);
}

std::string describeType(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        default: return "an unsupported value";
    }
}

template <typename Value>
const Value* BasicFieldReader<Value>::find(const char* key) const {
    return memberOf(m_object, key);
}

template <typename Value>
const std::string& BasicFieldReader<Value>::path() const {
    if (m_deferred) {
        m_path = pointerJoin(pointerJoin("", m_listKey), m_index);
        m_deferred = false;
    }
    return m_path;
}

template <typename Value>
void BasicFieldReader<Value>::error(std::string_view key, std::string message) {
    m_sink.add(key.empty() ? path() : pathOf(key), std::move(message));
}

template <typename Value>
bool BasicFieldReader<Value>::require(const char* key, const char* hint) {
    if (has(key)) return true;
    std::string message = std::string("missing required field \"") + key + "\"";
    message += hint ? std::string("; ") + hint : std::string("; add it");
    m_sink.add(path(), std::move(message));
    return false;
}

template <typename Value>
const Value* BasicFieldReader<Value>::typed(const char* key, bool required,
                                            bool (*check)(const Value&), const char* expected) {
    const Value* value = find(key);
    if (!value) {
        if (required) require(key);
        return nullptr;
    }
    if (isNull(*value)) {
        if (required) error(key, std::string("must be ") + expected + ", not null");
        return nullptr;
    }
    if (!check(*value)) {
        error(key, std::string("must be ") + expected + ", found " + describeType(*value));
        return nullptr;
    }
    return value;
}

template <typename Value>
std::optional<std::string> BasicFieldReader<Value>::text(const char* key, bool required) {
    const Value* value = typed(key, required, isString, "a string");
    if (!value) return std::nullopt;
    return stringOf(*value);
}

template <typename Value>
std::optional<std::string> BasicFieldReader<Value>::id(const char* key, bool required) {
    const Value* value = find(key);
    if (value && isNumber(*value)) {
        error(key, "ids are text: write this id in quotes, as \"" + dumpOf(*value) +
                       "\", so that long ids and leading zeros are kept");
        return std::nullopt;
    }
    std::optional<std::string> out = text(key, required);
    if (out && out->empty()) {
        error(key, "an id must not be empty");
        return std::nullopt;
    }
    return out;
}

template <typename Value>
std::optional<std::string> BasicFieldReader<Value>::date(const char* key, bool required) {
    std::optional<std::string> value = text(key, required);
    if (!value) return std::nullopt;
    if (!parseIsoDate(*value)) {
        error(key,
              "invalid date \"" + *value + "\"; use an ISO date YYYY-MM-DD, such as 2026-11-30");
        return std::nullopt;
    }
    return value;
}

template <typename Value>
std::optional<double> BasicFieldReader<Value>::number(const char* key, bool required) {
    const Value* value = typed(key, required, isNumber, "a number");
    if (!value) return std::nullopt;
    return doubleOf(*value);
}

template <typename Value>
std::optional<double> BasicFieldReader<Value>::numberIn(const char* key, double low, double high,
                                                        bool required) {
    std::optional<double> value = number(key, required);
    if (!value) return std::nullopt;
    if (*value < low || *value > high) {
        error(key, "must be between " + formatNumber(low) + " and " + formatNumber(high) +
                       ", found " + formatNumber(*value));
        return std::nullopt;
    }
    return value;
}

template <typename Value>
std::optional<double> BasicFieldReader<Value>::numberAtLeast(const char* key, double low,
                                                             bool required) {
    std::optional<double> value = number(key, required);
    if (!value) return std::nullopt;
    if (*value < low) {
        error(key, "must be " + formatNumber(low) + " or more, found " + formatNumber(*value));
        return std::nullopt;
    }
    return value;
}

template <typename Value>
std::optional<long long> BasicFieldReader<Value>::integer(const char* key, long long low,
                                                          bool required) {
    return integerIn(key, low, kMaxWhole, required);
}

template <typename Value>
std::optional<long long> BasicFieldReader<Value>::integerIn(const char* key, long long low,
                                                            long long high, bool required) {
    std::optional<double> value = number(key, required);
    if (!value) return std::nullopt;
    const Value& raw = *find(key);
    auto tooLarge = [&](const std::string& found) {
        error(key, "is too large: it must be a whole number from " + std::to_string(low) + " to " +
                       std::to_string(high) + ", found " + found);
        return std::nullopt;
    };
    if (isUnsigned(raw) && unsignedOf(raw) > static_cast<unsigned long long>(high)) {
        return tooLarge(dumpOf(raw));
    }
    // A float beyond 9e15 (1e30) is whole, but past where doubles hold every whole number.
    if (!isInteger(raw) && std::floor(*value) == *value && std::fabs(*value) >= 9.0e15) {
        if (*value > 0) return tooLarge(formatNumber(*value));
        error(key, "must be " + std::to_string(low) + " or more, found " + formatNumber(*value));
        return std::nullopt;
    }
    bool whole = isInteger(raw) || std::floor(*value) == *value;
    if (!whole) {
        error(key, "must be a whole number, found " + formatNumber(*value));
        return std::nullopt;
    }
    long long n = isInteger(raw) ? integerOf(raw) : static_cast<long long>(*value);
    if (n < low) {
        error(key, "must be " + std::to_string(low) + " or more, found " + std::to_string(n));
        return std::nullopt;
    }
    if (n > high) return tooLarge(std::to_string(n));
    return n;
}

template <typename Value>
std::optional<bool> BasicFieldReader<Value>::boolean(const char* key) {
    const Value* value = typed(key, false, isBoolean, "true or false");
    if (!value) return std::nullopt;
    return booleanOf(*value);
}

template <typename Value>
std::vector<std::string> BasicFieldReader<Value>::textList(const char* key) {
    std::vector<std::string> out;
    const Value* value = typed(key, false, isArray, "an array of strings");
    if (!value) return out;
    out.reserve(sizeOf(*value));
    for (std::size_t i = 0; i < sizeOf(*value); ++i) {
        const Value& item = itemOf(*value, i);
        if (!isString(item)) {
            m_sink.add(pointerJoin(pathOf(key), i),
                       "must be a string, found " + describeType(item));
            continue;
        }
        out.push_back(stringOf(item));
    }
    return out;
}

template <typename Value>
const Value* BasicFieldReader<Value>::object(const char* key) {
    return typed(key, false, isObject, "an object");
}

template <typename Value>
const Value* BasicFieldReader<Value>::object(const char* key, std::string_view shape,
                                             std::string_view advice) {
    const Value* value = find(key);
    if (!value || isNull(*value)) return nullptr;
    if (!isObject(*value)) {
        error(key, "must be an object such as " + std::string(shape) + ", found " +
                       describeType(*value) + "; " + std::string(advice));
        return nullptr;
    }
    return value;
}

template <typename Value>
std::optional<std::string> BasicFieldReader<Value>::choice(
    const char* key, std::initializer_list<const char*> allowed, bool required) {
    std::optional<std::string> value = text(key, required);
    if (!value) return std::nullopt;
    for (const char* option : allowed) {
        if (*value == option) return value;
    }
    std::string list;
    for (const char* option : allowed) {
        if (!list.empty()) list += ", ";
        list += option;
    }
    error(key, "invalid " + std::string(key) + " \"" + *value + "\"; use one of: " + list);
    return std::nullopt;
}

template <typename Value>
json BasicFieldReader<Value>::extras(std::initializer_list<std::string_view> known) const {
    return extrasOf(m_object, known);
}

template <typename Value>
void BasicFieldReader<Value>::keepExtras(json& target,
                                         std::initializer_list<std::string_view> known) const {
    if (hasExtras(m_object, known)) target = extrasOf(m_object, known);
}

template class BasicFieldReader<json>;
template class BasicFieldReader<RecordValue>;

}  // namespace baton::json_fields
