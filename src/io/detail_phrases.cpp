#include "io/detail_phrases.h"

#include <optional>
#include <string_view>
#include <vector>

#include "io/reason_phrases.h"

namespace baton::cycle_text {

namespace {

// An English sentence of the engine with "{}" where it inserts a value, and its Chinese
// form, where "{0}", "{1}", ... take those values in order of the English placeholders.
struct DetailForm {
    const char* english;
    const char* chinese;
};

// The unassigned details that allocation_context.cpp, limit_repair.cpp and baselines.cpp
// write. A form that another form's text could also match comes first.
constexpr DetailForm kDetails[] = {
    {"pin to {} failed: no employee has the id {}", "指定给 {0} 失败：没有编号为 {1} 的员工"},
    {"pin to {} failed: {} cannot receive clients (ineligible_status)",
     "指定给 {0} 失败：{1} 不能接收客户（不在职）"},
    {"the only eligible employee is at max_clients",
     "唯一符合条件的员工已达客户上限（max_clients）"},
    {"all {} eligible employees are at max_clients",
     "全部 {0} 名符合条件的员工均已达客户上限（max_clients）"},
    {"workload {} exceeds the room of every eligible employee",
     "工作量 {0} 超出了每位符合条件员工的剩余工作量"},
    {"value {} exceeds the max_value_share cap",
     "价值 {0} 超出了单人价值份额上限（max_value_share）"},
    {"nobody eligible is in the previous owner's team", "原负责人的团队中没有符合条件的员工"},
    {"no active employee can receive clients", "没有在职员工可以接收客户"},
    {"key account; nobody active has team:key_accounts",
     "重点客户；没有在职员工具备 team:key_accounts 技能"},
    {"needs {}; nobody active has it", "需要 {0}；没有在职员工具备该技能"},
    {"needs {}; nobody active has them", "需要 {0}；没有在职员工具备这些技能"},
    {"every active employee with the needed skills is excluded by a conflict or a forbid",
     "具备所需技能的在职员工均因利益冲突或禁止配对而被排除"},
    {"every eligible employee with room would exceed max_workload",
     "每位尚有名额的符合条件员工都会超出工作量上限（max_workload）"},
    {"every eligible employee with room would exceed max_value_share",
     "每位尚有名额的符合条件员工都会超出价值份额上限（max_value_share）"},
    {"the proposal gives this client to {}, who is {} and may not receive clients "
     "(ineligible_status), while 1 eligible employee has room for it",
     "方案将该客户分配给 {0}，但其状态为 {1}，不能接收客户（不在职）；有 1 "
     "名符合条件的员工还有余量"},
    {"the proposal gives this client to {}, who is {} and may not receive clients "
     "(ineligible_status), while {} eligible employees have room for it",
     "方案将该客户分配给 {0}，但其状态为 {1}，不能接收客户（不在职）；有 {2} "
     "名符合条件的员工还有余量"},
    {"the proposal does not place this client, although 1 eligible employee has room for it",
     "方案没有分配该客户，尽管有 1 名符合条件的员工还有余量"},
    {"the proposal does not place this client, although {} eligible employees have room for it",
     "方案没有分配该客户，尽管有 {0} 名符合条件的员工还有余量"},
};

// The witness constraints that AllocationContext::blame writes.
constexpr DetailForm kConstraints[] = {
    {"pin {} → {}", "指定 {0} → {1}"},
    {"only one employee is eligible for {}", "只有一名员工符合客户 {0} 的条件"},
    {"capacity {} (room for {} clients)", "客户上限 {0}（还能接收 {1} 个客户）"},
    {"capacity {} (room for {} client)", "客户上限 {0}（还能接收 {1} 个客户）"},
    {"capacity {} (room for {} clients, worth at most {}, target {})",
     "客户上限 {0}（还能接收 {1} 个客户，价值最多 {2}，目标 {3}）"},
    {"capacity {} (room for {} client, worth at most {}, target {})",
     "客户上限 {0}（还能接收 {1} 个客户，价值最多 {2}，目标 {3}）"},
    {"max_workload {} (workload room {}, clients worth at most {}, target {})",
     "工作量上限 {0}（剩余工作量 {1}，可接收客户的价值最多 {2}，目标 {3}）"},
    {"max_value_share {} (at most {} of value, target {})",
     "价值份额上限 {0}（价值最多 {1}，目标 {2}）"},
    {"capacity (every other employee eligible for any of the {} clients of {} is at its limits)",
     "客户上限（能接收 {1} 的 {0} 个客户中任何一个的其他员工均已达上限）"},
    {"max_workload (every other employee eligible for any of the {} clients of {} is at its "
     "limits)",
     "工作量上限（能接收 {1} 的 {0} 个客户中任何一个的其他员工均已达上限）"},
    {"max_value_share (every other employee eligible for any of the {} clients of {} is at its "
     "limits)",
     "价值份额上限（能接收 {1} 的 {0} 个客户中任何一个的其他员工均已达上限）"},
    {"eligibility (no other employee is eligible for any of the {} clients of {})",
     "资格（没有其他员工符合 {1} 的 {0} 个客户中任何一个的条件）"},
    {"pins (all {} clients of {} are pinned)", "指定（{1} 的全部 {0} 个客户均已指定）"},
    {"capacity ({} released client stays unassigned because the employees eligible for them "
     "are at their limits)",
     "客户上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"capacity ({} released clients stay unassigned because the employees eligible for them "
     "are at their limits)",
     "客户上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"max_workload ({} released client stays unassigned because the employees eligible for "
     "them are at their limits)",
     "工作量上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"max_workload ({} released clients stay unassigned because the employees eligible for "
     "them are at their limits)",
     "工作量上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"max_value_share ({} released client stays unassigned because the employees eligible for "
     "them are at their limits)",
     "价值份额上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"max_value_share ({} released clients stay unassigned because the employees eligible for "
     "them are at their limits)",
     "价值份额上限（{0} 个待交接客户未分配，因为符合条件的员工均已达上限）"},
    {"eligibility {} (eligible for {} released clients worth {}, target {})",
     "资格 {0}（符合 {1} 个待交接客户的条件，价值 {2}，目标 {3}）"},
    {"capacity {} (room for {} of the {} released clients it is eligible for, worth {}, "
     "target {})",
     "客户上限 {0}（在其符合条件的 {2} 个待交接客户中只能接收 {1} 个，价值 {3}，目标 {4}）"},
    {"max_workload {} (room for {} of the {} released clients it is eligible for, worth {}, "
     "target {})",
     "工作量上限 {0}（在其符合条件的 {2} 个待交接客户中只能接收 {1} 个，价值 {3}，目标 {4}）"},
    {"max_value_share {} (room for {} of the {} released clients it is eligible for, worth {}, "
     "target {})",
     "价值份额上限 {0}（在其符合条件的 {2} 个待交接客户中只能接收 {1} 个，价值 {3}，目标 "
     "{4}）"},
};

// The values in `text` at the "{}" of `english`, or nothing when the text has another form.
// A value is the shortest non-empty text up to the next literal part, and the last literal
// part must end the text.
std::optional<std::vector<std::string>> valuesIn(std::string_view english, std::string_view text) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        std::size_t hole = english.find("{}", start);
        parts.push_back(english.substr(start, hole - start));
        if (hole == std::string_view::npos) break;
        start = hole + 2;
    }
    if (!text.starts_with(parts.front())) return std::nullopt;
    std::size_t at = parts.front().size();
    std::vector<std::string> values;
    for (std::size_t k = 1; k < parts.size(); ++k) {
        bool last = k + 1 == parts.size();
        std::size_t end = last ? text.size() - std::min(text.size(), parts[k].size())
                               : text.find(parts[k], at + 1);
        if (end == std::string_view::npos || end <= at) return std::nullopt;
        if (last && !text.ends_with(parts[k])) return std::nullopt;
        values.emplace_back(text.substr(at, end - at));
        at = end + parts[k].size();
    }
    if (parts.size() == 1 && text.size() != at) return std::nullopt;
    return values;
}

// Fills "{0}", "{1}", ... of `chinese` with `values`.
std::string filled(std::string_view chinese, const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t k = 0; k < chinese.size(); ++k) {
        bool slot = chinese[k] == '{' && k + 2 < chinese.size() && chinese[k + 2] == '}' &&
                    chinese[k + 1] >= '0' && chinese[k + 1] <= '9';
        std::size_t index = slot ? std::size_t(chinese[k + 1] - '0') : values.size();
        if (index < values.size()) {
            out += values[index];
            k += 2;
        } else {
            out += chinese[k];
        }
    }
    return out;
}

template <std::size_t N>
std::optional<std::string> chineseForm(const DetailForm (&forms)[N], const std::string& text) {
    for (const DetailForm& form : forms) {
        if (auto values = valuesIn(form.english, text)) return filled(form.chinese, *values);
    }
    return std::nullopt;
}

// "pin to E03 failed: E03 is not eligible (capacity_full)", with the reason as its phrase.
std::optional<std::string> chinesePinFailure(const std::string& detail) {
    auto values = valuesIn("pin to {} failed: {} is not eligible ({})", detail);
    if (!values) return std::nullopt;
    const char* reason = reasonPhrase("lost", (*values)[2], true);
    std::string why = reason != nullptr ? reason : (*values)[2];
    return "指定给 " + (*values)[0] + " 失败：" + (*values)[1] + " 不符合条件（" + why + "）";
}

// "eligible employees: 4, 3 at max_clients, 1 with room", part by part.
std::optional<std::string> chineseLimitCounts(const std::string& detail) {
    constexpr std::string_view head = "eligible employees: ";
    if (!detail.starts_with(head)) return std::nullopt;
    constexpr DetailForm parts[] = {
        {"{} at max_clients", "{0} 名已达客户上限（max_clients）"},
        {"{} at max_workload", "{0} 名已达工作量上限（max_workload）"},
        {"{} at the max_value_share cap", "{0} 名已达价值份额上限（max_value_share）"},
        {"{} with room", "{0} 名尚有余量"},
    };
    std::string rest = detail.substr(head.size());
    std::size_t comma = rest.find(", ");
    std::string out = "符合条件的员工：" + rest.substr(0, comma) + " 名";
    while (comma != std::string::npos) {
        std::size_t start = comma + 2;
        comma = rest.find(", ", start);
        std::optional<std::string> part = chineseForm(parts, rest.substr(start, comma - start));
        if (!part) return std::nullopt;
        out += "，" + *part;
    }
    return out;
}

std::optional<std::string> chineseDetail(const std::string& detail) {
    constexpr std::string_view proposal = "the proposal does not place this client; ";
    if (detail.starts_with(proposal)) {
        std::optional<std::string> rest = chineseDetail(detail.substr(proposal.size()));
        if (rest) return "方案没有分配该客户；" + *rest;
        return std::nullopt;
    }
    if (auto text = chineseForm(kDetails, detail)) return text;
    if (auto text = chinesePinFailure(detail)) return text;
    return chineseLimitCounts(detail);
}

}  // namespace

std::string unassignedDetail(const std::string& lang, const std::string& detail) {
    if (lang != "zh-CN") return detail;
    return chineseDetail(detail).value_or(detail);
}

std::string witnessConstraint(const std::string& lang, const std::string& constraint) {
    if (lang != "zh-CN") return constraint;
    return chineseForm(kConstraints, constraint).value_or(constraint);
}

}  // namespace baton::cycle_text
