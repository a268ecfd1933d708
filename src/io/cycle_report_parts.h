// Helpers shared by the cycle report and the statements; not part of the public API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/model.h"
#include "io/rules_doc_parts.h"

namespace baton::cycle_report {

// Throws std::invalid_argument for a language other than en and zh-CN or a format other
// than md and html.
void checkArguments(const std::string& lang, const std::string& format);
// Adds the warning of a result that fails verification, when `breaches` is not empty.
void warnUnverified(rules::Document& document, const std::vector<std::string>& breaches,
                    const std::string& lang);
// The company's name without surrounding white space, or "" when the workspace sets none.
std::string companyName(const Workspace& workspace);
std::string render(const rules::Document& document, const std::string& format);
// "E03 (Name)", or the word for nobody when the id is absent.
std::string ownerLabel(const Workspace& workspace, const std::optional<std::string>& id,
                       const std::string& lang);
// A table with one row per figure and one column per entry of `columns`.
void figuresTable(rules::Document& document, const std::string& lang,
                  const std::vector<std::string>& names,
                  const std::vector<const Figures*>& columns);
// A table with one row per certificate (ef_c_both last) and one column per method.
void certificatesTable(rules::Document& document, const std::string& lang,
                       const std::vector<std::string>& names,
                       const std::vector<const Certificates*>& columns);
void certificatesBlock(rules::Document& document, const std::string& lang,
                       const Certificates& certificates);
// The latest date the cycle records: a stage date, a task's done_on or an outcome's date.
// Open tasks count as overdue as of this date, so a report depends only on the workspace.
std::string cycleAsOf(const Cycle& cycle);
// "done on 2027-01-25", "open" or "overdue" in `lang`, with overdue as of `asOf`.
std::string taskStatus(const HandoverTask& task, const std::string& asOf, const std::string& lang);
// The tasks by status with the overdue ones named (io/cycle_report_progress.cpp).
void handoverProgressSection(rules::Document& document, const Workspace& workspace,
                             const Cycle& cycle, const std::string& lang);
// Retained and lost counts, retention rate, satisfaction and revenue kept, in all and per
// receiving employee, as followUpDashboard computes them.
void followUpSection(rules::Document& document, const Workspace& workspace, const Cycle& cycle,
                     const std::string& lang);
std::vector<std::string> appealRow(const Workspace& workspace, const Appeal& appeal,
                                   const std::string& lang);

}  // namespace baton::cycle_report
