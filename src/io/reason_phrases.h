// Short phrases for the reason codes of an allocation result, in English and Simplified
// Chinese: why a runner-up lost a client (lost_because) and why a client stayed unassigned.
// The cycle report, the statements and the UI show these phrases instead of the codes.
#pragma once

#include <span>
#include <string_view>

#include "io/phrase_table.h"

namespace baton {

// One reason code with its phrases. `key` is "lost.CODE" for a runners_up[].lost_because
// code and "unassigned.CODE" for an unassigned[].reason code.
using ReasonPhrase = CodePhrase;

// Every reason phrase, lost_because codes first.
std::span<const ReasonPhrase> reasonPhrases();

// Returns the phrase of `code` in `group` ("lost" or "unassigned"), in Chinese when `chinese`
// is set and in English otherwise. Returns nullptr when the table has no such code.
const char* reasonPhrase(std::string_view group, std::string_view code, bool chinese);

}  // namespace baton
