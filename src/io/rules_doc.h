// The published rules document: every weight and formula of V, D, P and fit, the
// eligibility rules, the entitlement, the fairness guarantees, pins and forbids, in
// words a sales team reads, in English or Simplified Chinese, as Markdown or HTML.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"

namespace baton {

// Returns "en" or "zh-CN" for the accepted tags en, zh-CN and zh; nothing otherwise.
std::optional<std::string> canonicalRulesLanguage(const std::string& lang);

// True for the formats "md" and "html".
bool isRulesFormat(const std::string& format);

// Builds the rules document of `policy` for `workspace` (its company name, the as-of date
// and the names of pinned and forbidden clients and employees come from there). The
// output depends only on its arguments, never on the current date. Throws
// std::invalid_argument for a language or format the two functions above reject.
std::string rulesDocument(const Policy& policy, const Workspace& workspace, const std::string& lang,
                          const std::string& format);

}  // namespace baton
