// Synthetic workspaces for the demo and for benchmarks: teams, skills, languages,
// regions, seasonal transaction histories, heavy-tailed client values, new hires with
// missing metrics, conflicts of interest, departed employees and one leaving employee.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model.h"

namespace baton {

struct GenerateOptions {
    std::uint64_t seed = 1;
    int employees = 12;
    int clients = 200;
    std::optional<long long> transactions;  // total; default 10 per client
    int leavers = 1;                        // departed; one more is always "leaving"
    std::string family = "mixed";  // mixed|clustered|heavy_tailed|tight|sparse_eligibility|skewed
    std::optional<double> spare;   // spare capacity as a fraction of the released clients
    std::string asOf = "2026-11-30";
};

// The largest values of the options that validateGenerateOptions accepts.
inline constexpr int kMaxGeneratedEmployees = 100000;
inline constexpr int kMaxGeneratedClients = 5000000;
inline constexpr long long kMaxGeneratedTransactions = 50000000;
inline constexpr double kMaxGeneratedSpare = 100.0;

// Returns an error message for an invalid option, or an empty string.
std::string validateGenerateOptions(const GenerateOptions& options);

Workspace generateWorkspace(const GenerateOptions& options);

}  // namespace baton
