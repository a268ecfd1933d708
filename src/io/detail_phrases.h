// The English free text of an allocation result that a report shows, in the report's
// language: an unassigned client's detail and a failed certificate's constraint. The
// engine writes them in English, and a result file keeps them so, so a Chinese report
// rewrites each one it recognises. Ids, numbers and reason codes stay as written.
#pragma once

#include <string>

namespace baton::cycle_text {

// Returns an unassigned[].detail in `lang` ("en" or "zh-CN"): unchanged in English and for
// a text the engine does not write, which a Chinese report then shows in English.
std::string unassignedDetail(const std::string& lang, const std::string& detail);

// Returns a certificates witness's constraint in `lang`, under the same rules.
std::string witnessConstraint(const std::string& lang, const std::string& constraint);

}  // namespace baton::cycle_text
