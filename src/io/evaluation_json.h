// The evaluation output format ("baton-evaluation", version 1).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

nlohmann::json evaluationToJson(const Workspace& workspace, const Evaluation& evaluation);

// Returns the text of evaluationToJson(...).dump(2) + "\n", written one client and one
// employee at a time. At 100,000 clients the text is about 180 MB, and building the whole
// tree first raised the CLI's peak memory from 0.8 GB to 1.3 GB.
std::string writeEvaluation(const Workspace& workspace, const Evaluation& evaluation);

}  // namespace baton
