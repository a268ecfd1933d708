#include "io/json_fields.h"

#include <cmath>

#include "core/dates.h"

namespace baton::json_fields {

using nlohmann::json;

namespace {

bool isString(const json& v) {
    return v.is_string();
}
bool isNumber(const json& v) {
    return v.is_number();
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

}  // namespace

void ErrorSink::add(const std::string& path, std::string message) {
    if (m_errors.size() < kMaxErrors) {
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

const json* FieldReader::find(const char* key) const {
    auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

void FieldReader::error(std::string_view key, std::string message) {
    m_sink.add(key.empty() ? m_path : pathOf(key), std::move(message));
}

bool FieldReader::require(const char* key, const char* hint) {
    if (has(key)) return true;
    std::string message = std::string("missing required field \"") + key + "\"";
    message += hint ? std::string("; ") + hint : std::string("; add it");
    m_sink.add(m_path, std::move(message));
    return false;
}

const json* FieldReader::typed(const char* key, bool required, bool (*check)(const json&),
                               const char* expected) {
    const json* value = find(key);
    if (!value) {
        if (required) require(key);
        return nullptr;
    }
    if (value->is_null()) {
        if (required) error(key, std::string("must be ") + expected + ", not null");
        return nullptr;
    }
    if (!check(*value)) {
        error(key, std::string("must be ") + expected + ", found " + describeType(*value));
        return nullptr;
    }
    return value;
}

std::optional<std::string> FieldReader::text(const char* key, bool required) {
    const json* value = typed(key, required, isString, "a string");
    if (!value) return std::nullopt;
    return value->get<std::string>();
}

std::optional<std::string> FieldReader::id(const char* key, bool required) {
    const json* value = find(key);
    if (value && value->is_number()) {
        error(key, "ids are text: write this id in quotes, as \"" + value->dump() +
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

std::optional<std::string> FieldReader::date(const char* key, bool required) {
    std::optional<std::string> value = text(key, required);
    if (!value) return std::nullopt;
    if (!parseIsoDate(*value)) {
        error(key,
              "invalid date \"" + *value + "\"; use an ISO date YYYY-MM-DD, such as 2026-11-30");
        return std::nullopt;
    }
    return value;
}

std::optional<double> FieldReader::number(const char* key, bool required) {
    const json* value = typed(key, required, isNumber, "a number");
    if (!value) return std::nullopt;
    return value->get<double>();
}

std::optional<double> FieldReader::numberIn(const char* key, double low, double high,
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

std::optional<double> FieldReader::numberAtLeast(const char* key, double low, bool required) {
    std::optional<double> value = number(key, required);
    if (!value) return std::nullopt;
    if (*value < low) {
        error(key, "must be " + formatNumber(low) + " or more, found " + formatNumber(*value));
        return std::nullopt;
    }
    return value;
}

std::optional<long long> FieldReader::integer(const char* key, long long low, bool required) {
    std::optional<double> value = number(key, required);
    if (!value) return std::nullopt;
    const json& raw = *find(key);
    // nlohmann's is_number_integer() is also true for unsigned numbers.
    if (raw.is_number_unsigned() && raw.get<std::uint64_t>() > 9000000000000000000ull) {
        error(key, "must be at most 9000000000000000000, found " + raw.dump());
        return std::nullopt;
    }
    bool whole =
        raw.is_number_integer() || (std::floor(*value) == *value && std::fabs(*value) < 9.0e15);
    if (!whole) {
        error(key, "must be a whole number, found " + formatNumber(*value));
        return std::nullopt;
    }
    long long n = raw.is_number_integer() ? raw.get<long long>() : static_cast<long long>(*value);
    if (n < low) {
        error(key, "must be " + std::to_string(low) + " or more, found " + std::to_string(n));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> FieldReader::boolean(const char* key) {
    const json* value = typed(key, false, isBoolean, "true or false");
    if (!value) return std::nullopt;
    return value->get<bool>();
}

std::vector<std::string> FieldReader::textList(const char* key) {
    std::vector<std::string> out;
    const json* value = typed(key, false, isArray, "an array of strings");
    if (!value) return out;
    out.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string()) {
            m_sink.add(pointerJoin(pathOf(key), i),
                       "must be a string, found " + describeType(item));
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

const json* FieldReader::object(const char* key) {
    return typed(key, false, isObject, "an object");
}

std::optional<std::string> FieldReader::choice(const char* key,
                                               std::initializer_list<const char*> allowed,
                                               bool required) {
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

json FieldReader::extras(std::initializer_list<std::string_view> known) const {
    json out = json::object();
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        bool isKnown = false;
        for (std::string_view k : known) {
            if (it.key() == k) {
                isKnown = true;
                break;
            }
        }
        if (!isKnown) out[it.key()] = it.value();
    }
    return out;
}

}  // namespace baton::json_fields
