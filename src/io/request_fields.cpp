#include "io/request_fields.h"

#include <cmath>
#include <stdexcept>

#include "io/json_fields.h"

namespace baton::request {

namespace {

using nlohmann::json;

// The member `key`, or null when it is absent or null.
const json* member(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

[[noreturn]] void wrongType(const char* key, const char* expected, const json& found) {
    throw std::invalid_argument(std::string(key) + " must be " + expected + ", found " +
                                json_fields::describeType(found));
}

}  // namespace

std::string text(const json& object, const char* key) {
    const json* value = member(object, key);
    if (!value) return "";
    if (!value->is_string()) wrongType(key, "a string", *value);
    return value->get<std::string>();
}

std::optional<double> number(const json& object, const char* key) {
    const json* value = member(object, key);
    if (!value) return std::nullopt;
    if (!value->is_number()) wrongType(key, "a number", *value);
    double x = value->get<double>();
    if (!std::isfinite(x)) throw std::invalid_argument(std::string(key) + " must be finite");
    return x;
}

std::vector<std::string> textList(const json& object, const char* key) {
    const json* value = member(object, key);
    if (!value) return {};
    if (!value->is_array()) wrongType(key, "an array of strings", *value);
    std::vector<std::string> list;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string()) {
            throw std::invalid_argument(std::string(key) + "[" + std::to_string(i) +
                                        "] must be a string, found " +
                                        json_fields::describeType(item));
        }
        list.push_back(item.get<std::string>());
    }
    return list;
}

std::vector<json> objectList(const json& object, const char* key) {
    const json* value = member(object, key);
    if (!value) return {};
    if (!value->is_array()) wrongType(key, "an array of objects", *value);
    std::vector<json> list;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_object()) {
            throw std::invalid_argument(std::string(key) + "[" + std::to_string(i) +
                                        "] must be an object, found " +
                                        json_fields::describeType(item));
        }
        list.push_back(item);
    }
    return list;
}

}  // namespace baton::request
