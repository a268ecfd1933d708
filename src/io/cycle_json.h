// The JSON form of the workspace's "cycles" array (documented in the README's format
// section). Unknown fields of a cycle, a leaver, an appeal, a handover and an outcome
// are kept on a round trip.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/cycle.h"
#include "io/workspace_json.h"

namespace baton {

nlohmann::json cycleToJson(const Cycle& cycle);
nlohmann::json cyclesToJson(const std::vector<Cycle>& cycles);

// Reads the cycles array at `pointer` ("/cycles"); errors name the JSON pointer of the
// field. Returns the cycles read without error.
std::vector<Cycle> cyclesFromJson(const nlohmann::json& value, const std::string& pointer,
                                  std::vector<JsonError>& errors);

nlohmann::json cycleSettingsToJson(const CycleSettings& settings);
// Reads settings given on their own (the page's setCycleSettings); absent keys keep the
// values of `base`.
CycleSettings cycleSettingsFromJson(const nlohmann::json& value, const CycleSettings& base,
                                    const std::string& pointer, std::vector<JsonError>& errors);

}  // namespace baton
