// Errors of the workspace reader and breaches of the verifier in the UI language. Both are
// written in English, because the CLI and scripts read them too. In Chinese the page rewrites
// the messages it has a pattern for (see LogPattern) and keeps ids, paths and numbers as
// they are. A message without a pattern is shown as written.
#pragma once

#include <string>
#include <vector>

#include "ui/log_text.h"

namespace baton::ui {

// Returns a workspace JSON error's message (JsonError::message) in the UI language.
std::string jsonErrorMessageText(const std::string& message);

// Returns a verify breach in the UI language.
std::string breachText(const std::string& breach);

// Appends the Chinese text of every pattern, so that the font atlas can hold its glyphs.
void appendMessageTexts(std::string& out);

// The patterns, for the tests that check both languages keep the same placeholders.
std::vector<LogPattern> jsonErrorPatterns();
std::vector<LogPattern> breachPatterns();

}  // namespace baton::ui
