// The texts a cycle publishes: provisional and final statements, the cycle report, the
// notice of an appeal's decision and the introduction letter of a moved client. English
// or Simplified Chinese from one table of phrases; Markdown or HTML through the block
// model of the rules document. The output depends only on the arguments.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/model.h"

namespace baton {

// A cycle may be null (a bare result, as `baton report` gets without a cycle); then the
// statements have no appeal dates and the report has no appeals section. `lang` is "en"
// or "zh-CN" and `format` "md" or "html"; others throw std::invalid_argument. With
// `breaches` (of a result that fails verification), the report and each statement open
// with a warning that gives their number and the first one.
std::string cycleReport(const Workspace& workspace, const Cycle* cycle,
                        const AllocationResult& result, const std::string& lang,
                        const std::string& format, const std::vector<std::string>& breaches = {});

// One statement per affected employee (leavers and receivers of `result`), keyed by
// employee id: final statements when the cycle is final (only receivers), else
// provisional ones with how and until when to appeal.
std::map<std::string, std::string> cycleStatements(const Workspace& workspace, const Cycle* cycle,
                                                   const AllocationResult& result,
                                                   const std::string& lang,
                                                   const std::string& format,
                                                   const std::vector<std::string>& breaches = {});

// The notice to the appellant of a decided appeal, as plain text.
std::string appealNotice(const Workspace& workspace, const Cycle& cycle, const Appeal& appeal,
                         const std::string& lang);

// The letter from a moved client's new owner introducing themselves, as plain text: a
// subject line, a blank line, then the body.
std::string introductionLetter(const Workspace& workspace, const Cycle& cycle,
                               const Handover& handover, const std::string& lang);

}  // namespace baton
