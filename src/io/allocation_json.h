// The allocation result format ("baton-allocation", version 1), and manual proposals.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/allocation.h"
#include "core/verify.h"
#include "io/workspace_json.h"

namespace baton {

// The version of the allocation result format that this build writes and reads.
inline constexpr int kAllocationFormatVersion = 1;

nlohmann::json allocationToJson(const AllocationResult& result);
// Writes the result as text: 2-space indent, a final newline, byte-identical on every
// platform for the same result.
std::string writeAllocation(const AllocationResult& result);

// The origin of a proposal entry: its JSON pointer, or its line in a CSV file.
struct ProposalPlace {
    std::string path;  // "/assignments/3"; empty for CSV
    long line = 0;     // 1-based CSV line; 0 for JSON

    std::string text() const { return path.empty() ? "line " + std::to_string(line) : path; }
};

struct ProposalReadResult {
    std::optional<std::vector<ProposedPair>> pairs;
    std::vector<ProposalPlace> places;  // parallel to *pairs
    std::vector<JsonError> errors;
    // Problems that leave the proposal usable, such as a client listed twice.
    std::vector<JsonError> warnings;
};

// Reads a manual proposal: an allocation result, any JSON with
// "assignments": [{client, employee}], or CSV with a client and an employee column. The
// bytes may be UTF-8, UTF-16 or GB18030 (GBK), as the imports read them. The CSV may be
// separated by commas, semicolons or tabs. Its headers may be "client" and "employee" in
// any case, or the usual Chinese names (客户, 负责人).
// A client listed more than once is a warning naming both entries (the JSON pointers or
// the CSV lines): the first entry counts, and the later ones are ignored.
ProposalReadResult readProposal(std::string_view bytes);

// Checks a proposal's ids against the workspace. An entry that names a client or an
// employee the workspace lacks is an error at the entry's place, and then the pairs are
// dropped: such an entry is a typo or comes from another workspace, so it is no choice to
// review. An entry that gives a client to an employee who is not active, or that names a
// client the policy does not release, is a warning: the review counts the first as a breach
// and leaves the second out.
void checkProposalIds(const Workspace& workspace, const Policy& policy, ProposalReadResult& read);

struct ReportedReadResult {
    std::optional<ReportedAllocation> allocation;
    std::vector<JsonError> errors;
};

// Reads what `baton verify` rechecks from an allocation result: its policy, assignments
// with their fit breakdowns, unassigned clients, certificates with their witnesses,
// figures, baselines, policy_version and seed. A format version other than
// kAllocationFormatVersion is an error at /version.
ReportedReadResult readReportedAllocation(std::string_view text);

// Returns a breach when the result's input_sha256 is not the hash of this workspace under
// the result's own policy, or nothing when they match.
std::optional<std::string> inputHashBreach(const Workspace& workspace,
                                           const ReportedAllocation& reported);

}  // namespace baton
