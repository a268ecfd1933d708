// Follow-up outcomes from CSV with the header client,outcome,satisfaction,revenue_since and an
// optional date column, in any order. Satisfaction, revenue_since and date may be empty. The
// Chinese headers 客户, 结果, 满意度, 回访后收入 (or 收入) and 日期 are read too, as are the
// other client and date headers that the main import reads.
#pragma once

#include <map>
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
    // The 0-based index of each column found: client, outcome, satisfaction, revenue_since
    // and date.
    std::map<std::string, int> columns;
};

// Reads the rows. An outcome's date is its row's date cell, or `today` when the file has no
// date column or the cell is empty. Each outcome's extra stores its CSV "line".
OutcomesReadResult readOutcomesCsv(std::string_view text, const std::string& today);

// Returns the error for a row that setOutcome rejected with `message`, at the column it
// concerns. A date before the final goes to the date column. Without a date column, the
// message says that today's date is before the final. Any other rejection goes to the client
// column.
JsonError outcomeRowError(const OutcomesReadResult& read, const ClientOutcome& outcome,
                          const std::string& finalDate, const std::string& message);

}  // namespace baton
