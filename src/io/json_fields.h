// Field readers shared by the workspace and policy readers. Each checks the type of one
// member of a JSON object, records an error that names its JSON pointer when the value is
// wrong, and returns what it could read, so that a reader collects many errors in one pass.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/workspace_json.h"

namespace baton::json_fields {

// Errors kept in one read; the rest are summarised by one final error.
constexpr std::size_t kMaxErrors = 100;

class ErrorSink {
public:
    // With `summarise` false the sink keeps kMaxErrors + 1 errors and adds no summary, so
    // that the errors of one part of a document can be merged into a summarising sink later.
    explicit ErrorSink(std::vector<JsonError>& errors, bool summarise = true)
        : m_errors(errors), m_summarise(summarise) {}

    void add(const std::string& path, std::string message);
    // True once more than kMaxErrors errors were found: readers stop early then.
    bool full() const { return m_errors.size() > kMaxErrors; }
    std::size_t count() const { return m_errors.size(); }

private:
    std::vector<JsonError>& m_errors;
    bool m_summarise;
};

// Appends one reference token to a JSON pointer, escaping "~" and "/" (RFC 6901).
std::string pointerJoin(const std::string& base, std::string_view token);
std::string pointerJoin(const std::string& base, std::size_t index);

// A number as JSON: a whole number within 2^53 becomes a JSON integer, so that 12000 is
// written as 12000 and not 12000.0.
nlohmann::json numberJson(double x);

// Appends `text` as a JSON string, as nlohmann's dump writes it, when every byte is
// printable ASCII other than '"' and '\\', so no byte needs an escape or a UTF-8 check.
// Returns false, having appended nothing, for any other text.
bool appendPlainString(std::string& out, std::string_view text);

// The text with each byte that is not part of a well-formed UTF-8 sequence replaced by
// U+FFFD, so that a message quoting bad input can itself be written as JSON.
std::string validUtf8(std::string_view text);

// A number for a message: "12000", "0.5".
std::string formatNumber(double x);

// "a string", "a number", "an object", ... for messages.
std::string describeType(const nlohmann::json& value);

// A JSON value of one entity read by the streaming workspace reader: the same types
// and numbers as nlohmann::json gives, held in vectors instead of a tree of maps. An object's
// member keys are unique (a repeated key replaces the earlier value, as nlohmann::json does).
struct RecordValue {
    enum class Kind { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

    Kind kind = Kind::Null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsignedInteger = 0;
    double number = 0.0;
    std::string text;
    std::vector<std::string> keys;   // member keys of an object, parallel to `items`
    std::vector<RecordValue> items;  // elements of an array or member values of an object
};

// The same value as a nlohmann::json, for kept unknown fields and messages.
nlohmann::json toJson(const RecordValue& value);
std::string describeType(const RecordValue& value);

// Reads the members of one JSON object; every error path starts with `path`. `Value` is
// nlohmann::json or RecordValue.
template <typename Value>
class BasicFieldReader {
public:
    BasicFieldReader(ErrorSink& sink, const Value& object, std::string path)
        : m_sink(sink), m_object(object), m_path(std::move(path)) {}
    // Reads item `index` of the top-level array `listKey` (a string that outlives the
    // reader). Its pointer "/listKey/index" is built only when an error or a nested reader
    // needs it, because building one per entity cost more than reading the entity.
    BasicFieldReader(ErrorSink& sink, const Value& object, std::string_view listKey,
                     std::size_t index)
        : m_sink(sink), m_object(object), m_listKey(listKey), m_index(index), m_deferred(true) {}

    const std::string& path() const;
    std::string pathOf(std::string_view key) const { return pointerJoin(path(), key); }
    ErrorSink& sink() { return m_sink; }

    // The member, or nullptr when it is absent.
    const Value* find(const char* key) const;
    bool has(const char* key) const { return find(key) != nullptr; }

    // Records "missing required field" when the member is absent.
    bool require(const char* key, const char* hint = nullptr);

    // A string member; absent or null gives nothing (required ones report the absence).
    std::optional<std::string> text(const char* key, bool required = false);
    // An id: a string. A number gets an error stating that ids are text.
    std::optional<std::string> id(const char* key, bool required = false);
    // An ISO date "YYYY-MM-DD" that exists in the calendar.
    std::optional<std::string> date(const char* key, bool required = false);
    // A number; absent or null gives nothing.
    std::optional<double> number(const char* key, bool required = false);
    // A number within [low, high]; out of range is an error.
    std::optional<double> numberIn(const char* key, double low, double high, bool required = false);
    // A number no smaller than `low`.
    std::optional<double> numberAtLeast(const char* key, double low, bool required = false);
    // The largest whole number integer() accepts when given no upper bound.
    static constexpr long long kMaxWhole = 9000000000000000000LL;
    // A whole number no smaller than `low` (and no larger than kMaxWhole).
    std::optional<long long> integer(const char* key, long long low, bool required = false);
    // A whole number within [low, high]; a larger one (1e30 too) is "too large" with the
    // range.
    std::optional<long long> integerIn(const char* key, long long low, long long high,
                                       bool required = false);
    std::optional<bool> boolean(const char* key);
    // An array of strings; absent or null gives an empty list.
    std::vector<std::string> textList(const char* key);
    // An object member, or nullptr with an error when it is present but no object.
    const Value* object(const char* key);
    // The same, with the error "must be an object such as SHAPE, found ...; ADVICE", for an
    // object whose keys a reader cannot guess from a bare value.
    const Value* object(const char* key, std::string_view shape, std::string_view advice);

    // A string member that must be one of `allowed`; returns the matched text.
    std::optional<std::string> choice(const char* key, std::initializer_list<const char*> allowed,
                                      bool required = false);

    // The members whose keys are not in `known`, kept for a round trip.
    nlohmann::json extras(std::initializer_list<std::string_view> known) const;
    // Stores extras(known) in `target` when there are any and else leaves `target` as it is,
    // so that the empty object a model record starts with is not allocated twice.
    void keepExtras(nlohmann::json& target, std::initializer_list<std::string_view> known) const;

    void error(std::string_view key, std::string message);

private:
    const Value* typed(const char* key, bool required, bool (*check)(const Value&),
                       const char* expected);

    ErrorSink& m_sink;
    const Value& m_object;
    mutable std::string m_path;
    std::string_view m_listKey;  // with m_index, the pointer path() builds when m_deferred
    std::size_t m_index = 0;
    mutable bool m_deferred = false;
};

extern template class BasicFieldReader<nlohmann::json>;
extern template class BasicFieldReader<RecordValue>;

using FieldReader = BasicFieldReader<nlohmann::json>;
using RecordReader = BasicFieldReader<RecordValue>;

}  // namespace baton::json_fields
