// Typed members of the request objects that the page API's calls take (startCycle,
// fileAppeal, setOutcome, ...). A member of the wrong type throws std::invalid_argument
// whose message names the member and the type found, so that a caller never sees the JSON
// library's own exception text.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace baton::request {

// The member `key` as text; "" when it is absent or null.
std::string text(const nlohmann::json& object, const char* key);
// The member `key` as a finite number; nullopt when it is absent or null.
std::optional<double> number(const nlohmann::json& object, const char* key);
// The member `key` as a list of strings; empty when it is absent or null.
std::vector<std::string> textList(const nlohmann::json& object, const char* key);
// The member `key` as a list of objects; empty when it is absent or null.
std::vector<nlohmann::json> objectList(const nlohmann::json& object, const char* key);

}  // namespace baton::request
