// Follow-up outcomes from CSV with the header client,outcome,satisfaction,revenue_since
// (columns in any order; satisfaction and revenue_since may be empty).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/cycle.h"
#include "io/workspace_json.h"

namespace baton {

struct OutcomesReadResult {
    std::vector<ClientOutcome> outcomes;  // every row, when errors is empty
    // path: the column name ("" for the file); line: the CSV line; column: 1-based.
    std::vector<JsonError> errors;
};

// Reads the rows; each outcome gets `date` as its date.
OutcomesReadResult readOutcomesCsv(std::string_view text, const std::string& date);

}  // namespace baton
