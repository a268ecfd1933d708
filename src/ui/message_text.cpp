#include "ui/message_text.h"

#include <iterator>

namespace baton::ui {
namespace {

// The messages of src/io/json_fields.cpp, workspace_parse.cpp, workspace_sax.cpp and
// workspace_json.cpp. Specific patterns come before the general ones that match them too.
constexpr LogPattern kJsonPatterns[] = {
    {"missing required field \"owner\"; give the owner's employee id, or null for a client "
     "nobody owns",
     "缺少必填字段 \"owner\"；请填写负责人的员工编号，没有负责人的客户填 null"},
    {"missing required field \"{}\"; a workspace starts with \"format\": \"baton-workspace\", "
     "\"version\": 1",
     "缺少必填字段 \"{}\"；工作区文件应以 \"format\": \"baton-workspace\", \"version\": 1 开头"},
    {"missing required field \"{}\"; add it", "缺少必填字段 \"{}\"；请添加该字段"},
    {"missing required field \"{}\"; {}", "缺少必填字段 \"{}\"；{}"},
    {"must be {type}, not null", "不能为 null，应为{type}"},
    {"must be an object such as {}, found {type}; give each limit by its name, and leave out a "
     "limit that does not apply",
     "应为对象，例如 {}，实际为{type}；请按名称给出每项上限，不适用的上限请省略"},
    {"must be an object such as {}, found {type}; give each metric by its name, and leave out a "
     "metric that is unknown",
     "应为对象，例如 {}，实际为{type}；请按名称给出每项指标，未知的指标请省略"},
    {"must be an object such as {}, found {type}; {}", "应为对象，例如 {}，实际为{type}；{}"},
    {"must be an array of {noun} objects, found {type}",
     "应为由{noun}对象组成的数组，实际为{type}"},
    {"each {noun} must be an object, found {type}", "每条{noun}记录都应为对象，实际为{type}"},
    {"ids are text: write this id in quotes, as \"{}\", so that long ids and leading zeros are "
     "kept",
     "编号是文本：请把该编号写在双引号中，写成 \"{}\"，以免较长的编号和开头的 0 丢失"},
    {"an id must not be empty", "编号不能为空；请填写编号"},
    {"invalid date \"{}\"; use an ISO date YYYY-MM-DD, such as 2026-11-30",
     "日期 \"{}\" 无效；请使用 ISO 日期格式 YYYY-MM-DD，例如 2026-11-30"},
    {"must be between {} and {}, found {}", "应在 {} 与 {} 之间，实际为 {}；请更正该值"},
    {"is too large: it must be a whole number from {} to {}, found {}",
     "过大：应为 {} 到 {} 之间的整数，实际为 {}；请更正该值"},
    {"must be a whole number, found {}", "应为整数，实际为 {}；请更正该值"},
    {"must be {} or more, found {}", "应不小于 {}，实际为 {}；请更正该值"},
    {"must be \"baton-workspace\", found \"{}\"; this file is not a Baton workspace",
     "应为 \"baton-workspace\"，实际为 \"{}\"；该文件不是 Baton 工作区"},
    {"version {} is newer than this build of Baton reads (version 1); open the file with a "
     "newer Baton, or export it as version 1",
     "版本 {} 比当前 Baton 能读取的版本（版本 1）新；请用更新的 Baton 打开该文件，或将其导出为版本 "
     "1"},
    {"invalid {} \"{}\"; use one of: {}", "{} \"{}\" 无效；请使用以下值之一：{}"},
    {"duplicate {noun} id \"{}\": {} has it already; give each {noun} its own id",
     "{noun}编号 \"{}\" 重复：{} 已使用该编号；请为每条{noun}记录使用不同的编号"},
    {"owner \"{}\" is not the id of any employee; use an id from /employees, or null for a "
     "client nobody owns",
     "负责人 \"{}\" 不是任何员工的编号；请使用 /employees 中的编号，没有负责人的客户填 null"},
    {"{noun} \"{}\" is not the id of any {noun}; use an id from {}",
     "{noun} \"{}\" 不是任何{noun}的编号；请使用 {} 中的编号"},
    {"must be 0 or more (or null for no limit), found {}",
     "应不小于 0（或填 null 表示不设上限），实际为 {}；请更正该值"},
    {"must be more than 0 and at most 1 (or null for no cap), found {}",
     "应大于 0 且不超过 1（或填 null 表示不设上限），实际为 {}；请更正该值"},
    {"must be {type}, found {type}", "应为{type}，实际为{type}"},
    {"a workspace must be a JSON object, found {type}", "工作区应为 JSON 对象，实际为{type}"},
    {"this key appears more than once in its object, and JSON readers differ on which value "
     "counts; keep one of them",
     "该键在同一对象中出现了不止一次，不同的 JSON 读取程序取值不同；请只保留其中一个"},
    {"too many errors: only the first 100 are listed; fix them and read the file again to see "
     "the rest",
     "错误过多：只列出前 100 个；请改正后重新读取该文件，以查看其余错误"},
    {"the file is empty: it holds no JSON at all; pick the right file or save it again",
     "文件为空：其中没有任何 JSON；请选择正确的文件，或重新保存该文件"},
    {"the file is not UTF-8 text (this byte breaks UTF-8): JSON must be UTF-8; save it again as "
     "UTF-8, or import the tables as CSV instead",
     "该文件不是 UTF-8 文本（此字节不符合 UTF-8）：JSON 必须是 UTF-8；请重新保存为 "
     "UTF-8，或改为以 CSV 导入各表"},
    {"the file is not UTF-8 text: it looks like GBK/GB18030, as Chinese Windows saves text by "
     "default. JSON must be UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding UTF-8; "
     "or iconv -f GB18030 -t UTF-8 FILE > NEW.json), or import the tables as CSV instead, which "
     "may be GBK (baton import --encoding gb18030, or Import in the page)",
     "该文件不是 UTF-8 文本：看起来是 GBK/GB18030 编码，中文 Windows 默认这样保存文本。JSON "
     "必须是 UTF-8：请重新保存为 UTF-8（记事本：“另存为”，编码选 UTF-8；或 iconv -f GB18030 -t "
     "UTF-8 FILE > NEW.json），或改为以 CSV 导入各表，CSV 可以是 GBK（baton import --encoding "
     "gb18030，或页面中的“导入”）"},
    {"the file starts like UTF-16 text but is not valid UTF-16 ({}); save it as UTF-8",
     "该文件开头像 UTF-16 文本，但不是有效的 UTF-16（{}）；请将其保存为 UTF-8"},
    {"invalid JSON: the number {} is too large for a double, which holds numbers from -1.7e308 "
     "to 1.7e308; write the figure in that range, or put it in double quotes if it is an id or "
     "a code, which are text",
     "JSON 无效：数字 {} 超出双精度数的范围（-1.7e308 到 1.7e308）；请把数值写在该范围内；"
     "如果它是编号或代码（属于文本），请加上双引号"},
    {"invalid JSON: arrays and objects nest deeper than {} levels; flatten the data at this "
     "position",
     "JSON 无效：数组和对象的嵌套超过 {} 层；请减少此位置的嵌套"},
    {"invalid JSON: {}; the text ends before the JSON is complete, so it may be cut off: save "
     "or copy the whole file again",
     "JSON 无效：{}；文本在 JSON 结束之前就结束了，文件可能不完整：请重新保存或复制整个文件"},
    {"invalid JSON: {}; fix the syntax at this position", "JSON 无效：{}；请修正此位置的语法"},
    {"invalid JSON: {}", "JSON 无效：{}"},
};

// The breaches of src/core/verify*.cpp and the input hash check. Each keeps its ids, paths,
// codes and numbers; a reason quoted from another check stays as written.
constexpr LogPattern kBreachPatterns[] = {
    {"the result states no input_sha256, so it cannot be tied to this workspace",
     "结果没有给出 input_sha256，因此无法与此工作区对应"},
    {"input_sha256 {} is not the hash of this workspace under the result's policy ({}): the "
     "result was made for another input, or the workspace changed since",
     "input_sha256 {} 不是此工作区在结果所用策略下的哈希（{}）：该结果是为其他输入生成的，"
     "或工作区在此后有了更改"},
    {"{}: the employee is a system user", "{}：该员工是系统用户"},
    {"{}: the employee is outside the previous owner's team", "{}：该员工不在原负责人的团队中"},
    {"{}: the employee is {status}", "{}：该员工状态为“{status}”"},
    {"{}: the employee lacks the need {}", "{}：该员工不具备客户需要的 {}"},
    {"{}: a key account needs team:key_accounts", "{}：重点客户需要 team:key_accounts"},
    {"{}: the pair has a {} relationship", "{}：该配对存在 {} 关系"},
    {"{}: the policy forbids the pair", "{}：策略禁止该配对"},
    {"{}: reported fit {}, recomputed {}", "{}：报告的匹配度为 {}，重新计算为 {}"},
    {"{}: reported value {}, recomputed {}", "{}：报告的价值为 {}，重新计算为 {}"},
    {"{}: reported difficulty {}, recomputed {}", "{}：报告的难度为 {}，重新计算为 {}"},
    {"unassigned {}: no client has this id", "未分配 {}：没有客户使用此编号"},
    {"unassigned {}: the client is listed twice", "未分配 {}：该客户被列出两次"},
    {"{}: released but neither assigned nor listed", "{}：已释放，但既未分配也未列为未分配"},
    {"{}: not in the released book", "{}：不在待交接客户中"},
    {"{}: the workspace's current policy forbids the pair, and the result's policy does not; "
     "allocate again under the current policy",
     "{}：工作区当前的策略禁止该配对，而结果所用的策略没有禁止；请按当前策略重新分配"},
    {"pin {} of the workspace's current policy is not honoured, and the result's policy does "
     "not have it; allocate again under the current policy",
     "工作区当前策略中的锁定配对 {} 未被遵守，结果所用的策略中没有它；请按当前策略重新分配"},
    {"pin {} is not honoured", "锁定配对 {} 未被遵守"},
    {"{}: {} client exceeds max_clients {}", "{}：{} 个客户超过客户上限 max_clients {}"},
    {"{}: {} clients exceed max_clients {}", "{}：{} 个客户超过客户上限 max_clients {}"},
    {"{}: workload {} exceeds max_workload {}", "{}：工作量 {} 超过工作量上限 max_workload {}"},
    {"{}: received value {} exceeds max_value_share {} of the released value {} ({})",
     "{}：接收的价值 {} 超过价值上限 max_value_share {}（待交接价值 {} 的该比例为 {}）"},
    {"certificate {}: reported {}, recomputed {}", "证书 {}：报告值为 {}，重新计算为 {}"},
    {"figure price_of_fairness is negative", "指标 price_of_fairness 为负数"},
    {"figure {}: reported {}, recomputed {}", "指标 {}：报告值为 {}，重新计算为 {}"},
    {"employees: {} is listed twice", "员工：{} 被列出两次"},
    {"employees: {} can receive clients but has no statement", "员工：{} 可以接收客户，但没有说明"},
    {"employees: {} has a statement but cannot receive clients", "员工：{} 有说明，但不能接收客户"},
    {"employees: {} {}: reported {}, recomputed {}", "员工：{} 的 {}：报告值为 {}，重新计算为 {}"},
    {"optimality status \"{}\": expected \"optimal\" or \"bound\"",
     "最优性状态为 \"{}\"：应为 \"optimal\" 或 \"bound\""},
    {"optimality gap {} is negative", "最优性差距 {} 为负数"},
    {"optimality status \"optimal\" with a gap of {}", "最优性状态为 \"optimal\"，但差距为 {}"},
    {"optimality upper_bound {} is below total_fit {}",
     "最优性上界 upper_bound {} 低于 total_fit {}"},
    {"optimality status \"optimal\" with a price_of_fairness of {}; an optimal fit gives up "
     "nothing",
     "最优性状态为 \"optimal\"，但公平代价 price_of_fairness 为 {}；最优解不会让出任何匹配度"},
    {"optimality has no dual prices (optimality/dual), so its upper_bound cannot be rechecked; "
     "allocate again with this version of baton",
     "最优性声明没有对偶价格（optimality/dual），因此无法复核其上界 upper_bound；"
     "请用此版本的 baton 重新分配"},
    {"optimality upper_bound {} is below the dual bound {} recomputed from its prices; the fit "
     "is not shown to be within it",
     "最优性上界 upper_bound {} 低于按其对偶价格重新计算的上界 {}；无法证明匹配度不超过它"},
    {"optimality status \"optimal\" for {} placed clients (optimality/dual/placed), but the "
     "result places {} released clients without a pin",
     "最优性状态为 \"optimal\"，对应 {} 个已安置客户（optimality/dual/placed），"
     "但结果安置了 {} 个未锁定的待交接客户"},
    {"optimality status \"optimal\" with total_fit {} below the dual bound {} recomputed from "
     "its prices; the fit is not shown to be optimal",
     "最优性状态为 \"optimal\"，但 total_fit {} 低于按其对偶价格重新计算的上界 {}；"
     "无法证明匹配度最优"},
    {"optimality dual scale {} is outside 1 to 10^12",
     "最优性对偶价格的 scale {} 不在 1 到 10^12 之间"},
    {"optimality dual placement is above 10^18", "最优性对偶价格的 placement 超过 10^18"},
    {"optimality dual placed {} is more than the {} released clients without a pin",
     "最优性对偶价格的 placed {} 多于 {} 个未锁定的待交接客户"},
    {"optimality dual prices: {} is not an employee who can receive clients",
     "最优性对偶价格：{} 不是可以接收客户的员工"},
    {"optimality dual prices: {} is above 10^18", "最优性对偶价格：{} 超过 10^18"},
    {"optimality status \"optimal\" in a result of method {}",
     "方法 {} 的结果中最优性状态为 \"optimal\""},
    {"assignment {}: no employee has this id", "分配 {}：没有员工使用此编号"},
    {"assignment {}: no client has this id", "分配 {}：没有客户使用此编号"},
    {"assignment {}: the client is assigned twice", "分配 {}：该客户被分配了两次"},
    // The lead of an explanation's breach; the reason after "but" stays as the verifier wrote.
    {"{} is \"{}\", but {}", "{} 为 \"{}\"，但{}"},
    {"{}: reported {}, recomputed {}", "{}：报告值为 {}，重新计算为 {}"},
};

}  // namespace

std::string jsonErrorMessageText(const std::string& message) {
    return patternText(kJsonPatterns, message);
}

std::string breachText(const std::string& breach) {
    return patternText(kBreachPatterns, breach);
}

void appendMessageTexts(std::string& out) {
    for (const LogPattern& pattern : kJsonPatterns) out += pattern.chinese;
    for (const LogPattern& pattern : kBreachPatterns) out += pattern.chinese;
}

std::vector<LogPattern> jsonErrorPatterns() {
    return std::vector<LogPattern>(std::begin(kJsonPatterns), std::end(kJsonPatterns));
}

std::vector<LogPattern> breachPatterns() {
    return std::vector<LogPattern>(std::begin(kBreachPatterns), std::end(kBreachPatterns));
}

}  // namespace baton::ui
