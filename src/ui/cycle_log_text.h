// The messages of the reassignment cycle's steps (core/cycle_ops.cpp, core/cycle_stages.cpp,
// core/cycle_followup.cpp and app/session_cycle.cpp) as log patterns, so that the status
// line, the log and the cycle panels show them in Chinese. logMessageText() tries these after
// the log's own patterns.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ui/log_text.h"

namespace baton::ui {

// The patterns of every cycle step's result, success and rejection alike. Besides the log's
// placeholders, "{stage}" captures a stage code ("proposal"), "{kind}" an appeal kind
// ("pin", "forbid") and "{outcome}" a follow-up outcome ("retained", "lost").
std::span<const LogPattern> cycleLogPatterns();

// Returns the Chinese text of a "{stage}", "{kind}" or "{outcome}" capture, or nothing when
// `placeholder` is another one or `capture` is no known code.
std::optional<std::string> cycleTermText(std::string_view placeholder, const std::string& capture);

}  // namespace baton::ui
