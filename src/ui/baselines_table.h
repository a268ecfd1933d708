// The baseline table of the Allocation panel: the last result beside each baseline scored on
// the same input, with the same figures and certificates for every method. The baselines
// are round robin, greedy best fit, weighted picking and an imported manager's proposal.
#pragma once

#include <string>
#include <vector>

#include "core/allocation_result.h"
#include "ui/overrides_popup.h"
#include "ui/strings.h"

namespace baton::ui {

// Returns the tooltip of the max deviation or Gini figure: its `definition` and why the
// fair solver can score higher on it than a baseline while meeting WPROP1.
std::string evennessHelp(Str definition);

// Returns a witness as one line: the certificate, the employees, the client and the
// constraint that forces the failure.
std::string witnessText(const Witness& witness, const NameLookup& names);

// Draws one line per failed certificate: the certificate, the employees, the client and the
// constraint that forces the failure.
void drawWitnessLines(const std::vector<Witness>& witnesses, const NameLookup& names);

// Draws the table, then the definition of the price of fairness and the breaches of an
// imported proposal.
void drawBaselineTable(const AllocationResult& result, const NameLookup& names);

}  // namespace baton::ui
