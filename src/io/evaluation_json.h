// The evaluation output format ("baton-evaluation", version 1).
#pragma once

#include <nlohmann/json.hpp>

#include "core/evaluation.h"
#include "core/model.h"

namespace baton {

nlohmann::json evaluationToJson(const Workspace& workspace, const Evaluation& evaluation);

}  // namespace baton
