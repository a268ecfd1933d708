// Reads a whole allocation result back from its JSON form (allocationToJson), as cycles
// keep their proposal and re-run in the workspace.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/allocation_result.h"
#include "io/workspace_json.h"

namespace baton {

// Returns the result, or nothing with one error at `pointer` naming the field that is
// missing or has the wrong type.
std::optional<AllocationResult> allocationFromJson(const nlohmann::json& value,
                                                   const std::string& pointer,
                                                   std::vector<JsonError>& errors);

}  // namespace baton
