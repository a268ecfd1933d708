// Names for the codes that the cycle report shows: the figures, certificates and methods of an
// allocation result, the cycle's stages and dates, employee statuses, the policy's scope and
// entitlement modes. English and Simplified Chinese. Where the page shows the same code, the
// name is the page's own (src/ui/strings.cpp), and tests/unit/test_result_terms.cpp checks
// that the two agree.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "io/phrase_table.h"

namespace baton {

// One code with its names. `key` is "GROUP.CODE", for example "figure.total_fit".
using ResultTerm = CodePhrase;

// Every term, grouped by the part of the key before the dot.
std::span<const ResultTerm> resultTerms();

// Returns the name of `code` in `group` ("figure", "certificate", "method", "stage",
// "timeline", "status", "scope" or "entitlement"), in Chinese when `chinese` is set. Returns
// nullptr when the table has no such code.
const char* resultTerm(std::string_view group, std::string_view code, bool chinese);

// The name of the code in `lang` ("en" or "zh-CN") followed by the code in backticks, so that
// a reader can find it in the JSON: "Total fit (`total_fit`)", "总匹配度（`total_fit`）".
// A code the table lacks, or whose name is the code itself, is given in backticks alone.
std::string namedCode(std::string_view group, std::string_view code, const std::string& lang);

}  // namespace baton
