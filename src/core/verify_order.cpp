#include "core/verify_order.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace baton::verify_detail {

namespace {

// The start of a hard-constraint breach after its subject, "C0042 → E03: " or "E03: ".
constexpr std::array<std::string_view, 11> kHardStarts = {
    "the employee is ",  // not active, a system user, or outside the owner's team
    "the employee lacks the need ",
    "a key account needs ",
    "the pair has a ",  // a conflict or personal relationship
    "the policy forbids the pair",
    "released but neither assigned nor listed",
    "not in the released book",
    "the client is assigned twice",
    "the client is listed twice",
    "no client has this id",
    "no employee has this id"};

// Phrases of the limit breaches, "E03: 40 clients exceed max_clients 39".
constexpr std::array<std::string_view, 4> kLimitPhrases = {
    " exceed max_clients ", " exceeds max_clients ", " exceeds max_workload ",
    " exceeds max_value_share "};

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool isHardConstraintBreach(const std::string& breach) {
    std::string_view text = breach;
    if (startsWith(text, "pin ") && text.find(" is not honoured") != std::string_view::npos)
        return true;
    std::size_t colon = text.find(": ");
    if (colon == std::string_view::npos) return false;
    std::string_view rest = text.substr(colon + 2);
    for (std::string_view start : kHardStarts) {
        if (startsWith(rest, start)) return true;
    }
    // The subject of a limit breach is an employee id, so the sentence has no JSON pointer.
    if (rest.find('/') != std::string_view::npos) return false;
    return std::any_of(kLimitPhrases.begin(), kLimitPhrases.end(), [&](std::string_view phrase) {
        return rest.find(phrase) != std::string_view::npos;
    });
}

void putHardConstraintsFirst(std::vector<std::string>& breaches) {
    std::stable_partition(breaches.begin(), breaches.end(), isHardConstraintBreach);
}

}  // namespace baton::verify_detail
