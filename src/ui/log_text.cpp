#include "ui/log_text.h"

#include <iterator>
#include <optional>
#include <span>
#include <string_view>

#include "core/model.h"
#include "ui/cycle_log_text.h"
#include "ui/strings.h"

namespace baton::ui {
namespace {

// Ordered from specific to general: the first pattern that matches is used. The session logs
// every count with a plural noun ("1 clients"), and englishShown words it by the count.
constexpr LogPattern kPatterns[] = {
    {"Opened the demo workspace: {} employees, {} clients.",
     "已打开演示工作区：{} 名员工，{} 个客户。",
     "Opened the demo workspace: {} {employee|employees}, {} {client|clients}."},
    {"Imported a workspace: {} employees, {} clients.", "已导入工作区：{} 名员工，{} 个客户。",
     "Imported a workspace: {} {employee|employees}, {} {client|clients}."},
    {"Opened workspace \"{}\": {} employees, {} clients.",
     "已打开工作区“{}”：{} 名员工，{} 个客户。",
     "Opened workspace \"{}\": {} {employee|employees}, {} {client|clients}."},
    {"Imported {} as {table}: {} employees, {} clients, {} warnings.",
     "已导入 {}（{table}）：{} 名员工，{} 个客户，{} 条警告。",
     "Imported {} as {table}: {} {employee|employees}, {} {client|clients}, "
     "{} {warning|warnings}."},
    {"Merged {} as {table}: {} employees, {} clients, {} warnings.",
     "已合并 {}（{table}）：{} 名员工，{} 个客户，{} 条警告。"},
    {"Imported {} follow-up outcome(s).", "已导入 {} 条跟进结果。"},
    {"Restored {} file(s) of changes not yet saved when the page was last closed.",
     "已恢复上次关闭页面时尚未保存的更改（{} 个文件）。"},
    {"Import rejected: {} error(s); the open workspace is unchanged. First: {}",
     "导入被拒绝：{} 个错误，当前工作区未更改。第一个错误：{}",
     "Import rejected: {} {error|errors}; the open workspace is unchanged. First: {}"},
    {"Import rejected: the mapping is invalid.", "导入被拒绝：映射无效。"},
    {"Import rejected: no file was given. The open workspace is unchanged.",
     "导入被拒绝：没有提供文件。当前工作区未更改。"},
    {"Import rejected: {} and {} are both a {table} table; give one file per table, or name "
     "each file's table. The open workspace is unchanged.",
     "导入被拒绝：{} 和 {} "
     "都是{table}表；请每张表只给一个文件，或指明每个文件的表。当前工作区未更改。"},
    {"Import rejected: {} The open workspace is unchanged.", "导入被拒绝：{} 当前工作区未更改。"},
    {"Import not applied: no import is waiting for review.", "导入未应用：没有等待审核的导入。"},
    {"Import not applied: the open workspace changed after the file was read; open the file "
     "again to merge it.",
     "导入未应用：读取文件后当前工作区已有更改；请重新打开该文件再合并。"},
    {"Import not applied: {}", "导入未应用：{}"},
    {"Import of {} file(s) cancelled; the open workspace is unchanged.",
     "已取消 {} 个文件的导入，当前工作区未更改。"},
    {"Import of {} files rejected: {} errors; the open workspace is unchanged.",
     "{} 个文件的导入被拒绝：{} 个错误，当前工作区未更改。"},
    {"Import of {} rejected: the mapping is invalid.", "{} 的导入被拒绝：映射无效。"},
    {"Import of {} rejected: {} errors; the open workspace is unchanged.",
     "{} 的导入被拒绝：{} 个错误，当前工作区未更改。",
     "Import of {} rejected: {} {error|errors}; the open workspace is unchanged."},
    {"Import of {} rejected: {}", "{} 的导入被拒绝：{}"},
    {"Policy version {} replaced by version {}.", "策略版本 {} 已由版本 {} 取代。"},
    {"Employee {}: status {status} -> {status}, last day {}",
     "员工 {}：状态由“{status}”改为“{status}”，最后工作日 {}"},
    {"Employee {}: status {status} -> {status}", "员工 {}：状态由“{status}”改为“{status}”"},
    {"Employee {}: client limit {limit}, workload limit {limit}.",
     "员工 {}：客户上限 {limit}，工作量上限 {limit}。"},
    {"Undo: employee {} has client limit {limit}, workload limit {limit} again.",
     "撤销：员工 {} 的客户上限恢复为 {limit}，工作量上限恢复为 {limit}。"},
    {"Redo: employee {} has client limit {limit}, workload limit {limit} again.",
     "重做：员工 {} 的客户上限恢复为 {limit}，工作量上限恢复为 {limit}。"},
    {"Allocation ({method}): {} placed, {} unassigned, seed {}.",
     "分配（{method}）：已分配 {} 个，未分配 {} 个，随机种子 {}。",
     "Allocation ({method}): {} placed, {} unassigned, seed {}."},
    {"Allocation failed: {}", "分配失败：{}"},
    {"Restored the proposal of the last allocation: {} placed, {} unassigned. It is not "
     "applied yet.",
     "已恢复上次分配的方案：已分配 {} 个，未分配 {} 个。该方案尚未应用。"},
    {"Restored the result applied last: {} placed. Its owners are the owners of record.",
     "已恢复上次应用的分配结果：已分配 {} 个。其负责人即当前记录的负责人。"},
    {"The workspace changed after the last Apply, so Verify cannot check the applied result. "
     "Run Allocate for a new result, then verify it.",
     "上次应用后工作区有了更改，因此“验证”无法检查已应用的结果。请重新运行“分配”生成新结果后再验证"
     "。"},
    {"The proposal kept from the last visit was discarded: the workspace or its policy changed "
     "after it was made (its input hash is {}, the workspace's is {}). Run Allocate for a new "
     "one.",
     "上次保留的方案已丢弃：方案生成后工作区或其策略有了更改（方案的输入哈希为 {}，工作区的为 "
     "{}）。请重新运行“分配”生成新方案。"},
    {"The kept proposal of this workspace cannot be read ({}); run Allocate for a new one.",
     "无法读取此工作区保留的方案（{}）；请重新运行“分配”生成新方案。"},
    {"No proposal to apply: run Allocate first.", "没有可应用的方案：请先运行“分配”。"},
    {"The manager's proposal breaks rules ({} in all), so nothing was applied; the first: {}. "
     "Fix the proposal and import it again, or run Allocate for the fair allocation.",
     "经理的方案违反了规则（共 {} 条），因此未应用；第一条：{}。请修改方案后重新导入，"
     "或运行“分配”生成公平分配。"},
    {"This proposal is already applied: run Allocate again for a new one.",
     "该方案已经应用：如需新方案，请重新运行“分配”。"},
    {"Applied the proposal: {} clients have a new owner.", "已应用方案：{} 个客户有了新负责人。",
     "Applied the proposal: {} {client has|clients have} a new owner."},
    {"The proposal changes no owner, so nothing was applied: no active employee can receive "
     "clients, so none of the {} released clients was placed. Set at least one employee's "
     "status to active, then allocate again.",
     "方案不会更改任何负责人，因此未应用：没有在职员工可以接收客户，{} "
     "个待交接客户都未能分配。请至少将一位员工的状态设为在职，然后重新分配。",
     "The proposal changes no owner, so nothing was applied: no active employee can receive "
     "clients, so none of the {} released {client was|clients were} placed. Set at least one "
     "employee's status to active, then allocate again."},
    {"The proposal changes no owner, so nothing was applied: none of the {} released clients "
     "could be placed. The unassigned list gives each client's reason.",
     "方案不会更改任何负责人，因此未应用：{} 个待交接客户都无法分配。"
     "“未分配”列表给出了每位客户的原因。",
     "The proposal changes no owner, so nothing was applied: none of the {} released "
     "{client|clients} could be placed. The unassigned list gives each client's reason."},
    {"The proposal changes no owner, so nothing was applied: no client is released. Mark an "
     "employee as leaving or departed, then allocate again.",
     "方案不会更改任何负责人，因此未应用：没有待交接的客户。"
     "请将员工标记为即将离职或已离职，然后重新分配。"},
    {"The proposal changes no owner, so nothing was applied: every proposed owner already owns "
     "the client.",
     "方案不会更改任何负责人，因此未应用：每位客户的负责人已经是建议的负责人。"},
    {"Verify: the result passes every check; its free-text \"reasons\" and \"detail\" "
     "sentences are not checked.",
     "验证：结果通过了全部检查；其中的自由文本说明（reasons 与 detail）不在检查之列。"},
    {"Verify: the result passes every check against the open workspace; "
     "its free-text \"reasons\", \"detail\" and \"notes\" sentences and each witness's "
     "\"constraint\" are not checked, nor are the baselines' figures beyond their ranges; "
     "baton allocate with the same seed reproduces them.",
     "验证：结果对照当前工作区通过了全部检查；自由文本（reasons、detail、notes 与见证的 "
     "constraint）和基准方法指标的范围之外不在检查之列，用同一随机种子运行 baton allocate "
     "可复现它们。"},
    {"Verify: the result passes every check against the workspace as it was before Apply; "
     "its free-text \"reasons\", \"detail\" and \"notes\" sentences and each witness's "
     "\"constraint\" are not checked, nor are the baselines' figures beyond their ranges; "
     "baton allocate with the same seed reproduces them.",
     "验证：结果对照应用前的工作区通过了全部检查；自由文本（reasons、detail、notes 与见证的 "
     "constraint）和基准方法指标的范围之外不在检查之列，用同一随机种子运行 baton allocate "
     "可复现它们。"},
    {"Verify: {} breach(es) against the open workspace; first: {}",
     "验证：对照当前工作区发现 {} 处违规；第一处：{}",
     "Verify: {} {breach|breaches} against the open workspace; first: {}"},
    {"Verify: {} breach(es) against the workspace as it was before Apply; first: {}",
     "验证：对照应用前的工作区发现 {} 处违规；第一处：{}",
     "Verify: {} {breach|breaches} against the workspace as it was before Apply; first: {}"},
    {"Verify: the text is not an allocation result.", "验证：该文本不是分配结果。"},
    {"Verify: {} breach(es); first: {}", "验证：发现 {} 处违规；第一处：{}",
     "Verify: {} {breach|breaches}; first: {}"},
    {"Proposal rejected: {} error(s).", "方案被拒绝：{} 个错误。",
     "Proposal rejected: {} {error|errors}."},
    {"Imported a manual proposal of {} pairs; the next allocation reviews it.",
     "已导入包含 {} 个配对的人工方案，下一次分配将对其进行审核。",
     "Imported a manual proposal of {} {pair|pairs}; the next allocation reviews it."},
    {"Offered {} as a download.", "已提供 {} 供下载。"},
    {"Export rules failed: {}", "导出规则失败：{}"},
    {"Font atlas rebuilt: {} glyphs, {}x{} pixels", "字体图集已重建：{} 个字形，{}x{} 像素",
     "Font atlas rebuilt: {} {glyph|glyphs}, {}x{} pixels"},
    {"Exported a backup of \"{}\".", "已导出“{}”的备份。"},
    {"Restored a backup into the new workspace \"{}\".", "已将备份恢复到新工作区“{}”。"},
    {"Locked workspace \"{}\".", "已锁定工作区“{}”。"},
    {"Outcomes import rejected: {} error(s); first: {}",
     "跟进结果导入被拒绝：{} 个错误；第一个：{}"},
    {"The mapping was not used: {}", "未使用该映射：{}"},
    // An audit log that fails its hash check, as an import warning and as a log line.
    {"Import: {}: the audit log is broken at entry {} (seq {}), field {}: {}. The workspace is "
     "imported with its log as it is, and new entries are appended after the break. If nobody "
     "here changed that entry, open a backup or an earlier export of this workspace instead.",
     "导入：{}：审计日志在第 {} 条记录（序号 {}）的字段 {} 处断开：{}。工作区连同其日志原样导入，"
     "新记录追加在断开处之后。如果不是这里的人改动了这条记录，请改为打开该工作区的备份或较早的导出"
     "文件。"},
    {"the audit log is broken at entry {} (seq {}), field {}: {}. The workspace is imported "
     "with its log as it is, and new entries are appended after the break. If nobody here "
     "changed that entry, open a backup or an earlier export of this workspace instead.",
     "审计日志在第 {} 条记录（序号 {}）的字段 {} 处断开：{}。工作区连同其日志原样导入，"
     "新记录追加在断开处之后。如果不是这里的人改动了这条记录，请改为打开该工作区的备份或较早的导出"
     "文件。"},
    {"The audit log of this workspace is broken at entry {} (seq {}), field {}: {}. It is kept "
     "as it is; new entries are appended after it.",
     "此工作区的审计日志在第 {} 条记录（序号 {}）的字段 {} 处断开：{}。日志保持原样，"
     "新记录追加在其后。"},
    // The capacity warnings of `baton validate`, shown with an imported workspace.
    {"pin {} → {} fails: {} already keeps as many clients as {limit} allows ({} kept, {} from "
     "earlier pins, max {}), so {} goes unassigned as a pin conflict: raise {limit} to at least "
     "{} or remove the pin",
     "指定 {} → {} 无法生效：{} 现有客户数已达 {limit} 上限（现有 {} 个，之前的指定占 {} "
     "个，上限 {}），因此 {} 将因指定冲突而未分配：请将 {limit} 提高到至少 {}，或删除该指定"},
    {"pin {} → {} fails: {} keeps workload {} and {} adds {}, over {limit} of {}, so {} goes "
     "unassigned as a pin conflict: raise {limit} to at least {} or remove the pin",
     "指定 {} → {} 无法生效：{} 现有工作量 {}，{} 再加 {}，超出 {limit} 上限 {}，因此 {} "
     "将因指定冲突而未分配：请将 {limit} 提高到至少 {}，或删除该指定"},
    {"the team boundary is on, but {}, who owns {} of the released clients, has no team, so "
     "those clients go only to employees without a team: set {}'s team or turn "
     "/policy/constraints/team_boundary off",
     "已开启团队边界，但 {} 名下有 {} 个待交接客户却没有团队，这些客户只能交给同样没有团队的员工："
     "请设置 {} 的团队，或关闭 /policy/constraints/team_boundary"},
    {"the team boundary is on, but active employees without a team: {} ({}); they receive only "
     "clients whose previous owner has no team either: set their teams",
     "已开启团队边界，但有 {} 名在职员工没有团队（{}），他们只能接收原负责人同样没有团队的客户："
     "请为他们设置团队"},
    {"{} already keeps more clients than {limit} allows ({} kept, max {}), so it receives no "
     "released client: raise {limit} to at least {} or move some of its clients to a colleague",
     "{} 现有客户数已超出 {limit} 上限（现有 {} 个，上限 {}），因此不会分到待交接客户：请将 "
     "{limit} 提高到至少 {}，或把部分客户转给同事"},
    {"{} already keeps more workload than {limit} allows ({} kept, max {}), so it receives no "
     "released client: raise {limit} to at least {} or move some of its clients to a colleague",
     "{} 现有工作量已超出 {limit} 上限（现有 {}，上限 {}），因此不会分到待交接客户：请将 "
     "{limit} 提高到至少 {}，或把部分客户转给同事"},
    {"more active employees keep more clients or workload than their limits allow: {} ({}), so "
     "they receive no released client: raise their max_clients or max_workload",
     "另有 {} 名在职员工的客户数或工作量超出上限（{}），因此不会分到待交接客户：请提高他们的 "
     "max_clients 或 max_workload"},
    {"no active employee has room for another client ({}), so allocate can place no released "
     "client (released clients: {}): raise max_clients or max_workload in the employees' "
     "capacity or in the policy's constraints",
     "没有在职员工还能接收客户（{}），因此分配无法安排任何待交接客户（待交接客户 {} "
     "个）：请在员工的 capacity 或策略的 constraints 中提高 max_clients 或 max_workload"},
    {"no active employee has room for another client ({}), so allocate can place no released "
     "client with a workload above 0 (released clients with a workload above 0: {}): raise "
     "max_clients or max_workload in the employees' capacity or in the policy's constraints",
     "没有在职员工还能接收客户（{}），因此分配无法安排任何工作量大于 0 "
     "的待交接客户（这类客户 {} 个）：请在员工的 capacity 或策略的 constraints 中提高 "
     "max_clients 或 max_workload"},
    // The override warnings of `baton validate`, shown with an imported workspace. The
    // system-account pattern comes first, because {status} would capture its text too.
    {"pin {} → {}: {} is a system account and cannot receive clients, so the pin can never "
     "hold; pin the client to an active employee or remove the pin",
     "指定 {} → {}：{} 是系统账户，不能接收客户，因此该指定永远无法生效：请把该客户指定给在职员工，"
     "或删除该指定"},
    {"pin {} → {}: {} is {status} and cannot receive clients, so the pin can never hold; pin "
     "the client to an active employee or remove the pin",
     "指定 {} → {}：{} 的状态为“{status}”，不能接收客户，因此该指定永远无法生效：请把该客户指定给"
     "在职员工，或删除该指定"},
    {"pin {} → {} is also forbidden by {}, so it can never hold; remove one of the two",
     "指定 {} → {} 同时被 {} 禁止，因此永远无法生效：请删除两者之一"},
    {"client {} is pinned to {} by {} and to {} here; only one of them can apply, so remove the "
     "other",
     "客户 {} 被指定给 {}（{}），又在此处被指定给 {}：只有一个能生效，请删除另一个"},
    {"every fit weight is 0 (a negative weight counts as 0), so every fit is 0 and the fit "
     "cannot prefer one employee over another: give at least one of prefers, industry, region, "
     "language or continuity a weight above 0",
     "所有匹配度权重均为 0（负权重按 0 计），因此每项匹配度都是 0，无法据此选择员工：请给 "
     "prefers、industry、region、language 或 continuity 中至少一项大于 0 的权重"},
    // The evaluation's warnings of `baton validate`: notes on the policy's weights, clients
    // without difficulty inputs, and one line per data-quality flag.
    {"policy as_of \"{}\" is not a valid YYYY-MM-DD date: the latest transaction date is used "
     "instead",
     "策略的 as_of“{}”不是有效的 YYYY-MM-DD 日期：改用最近一笔交易的日期"},
    {"policy {} is negative or not a number: 0 used", "策略的 {} 为负数或不是数字：按 0 计算"},
    {"policy {}.weights are all 0, so every {} score is 0; give at least one of them a weight "
     "above 0",
     "策略的 {}.weights 全部为 0，因此每个 {} 评分都是 0：请至少给其中一项大于 0 的权重"},
    {"no client has a difficulty input (difficulty, workload, satisfaction, complaints or "
     "late_payments), so every difficulty is 0: difficulty_spread is 0 and wprop1_difficulty and "
     "wef1_difficulty pass without testing how the work is shared; import a clients table with "
     "at least one of these columns to test it",
     "没有客户带有难度数据（difficulty、workload、satisfaction、complaints 或 "
     "late_payments），因此所有难度都是 0：difficulty_spread 为 0，wprop1_difficulty 和 "
     "wef1_difficulty 未检验工作量如何分配就通过；请导入至少含其中一列的客户表以进行检验"},
    {"{} {noun} flagged {} ({}): the hire date is after the as-of date, so it counts as less "
     "than a month of tenure; check it in the source data",
     "{} 名{noun}被标记为 {}（{}）：入职日期晚于 as_of 日期，因此任职时间按不足一个月计算；"
     "请核对源数据"},
    {"{} {noun} flagged {} ({}): the flagged figure does not count toward the score; check it "
     "in the source data",
     "{} 个{noun}被标记为 {}（{}）：被标记的数值不计入评分；请核对源数据"},
    {"Import: {}", "导入：{}"},
    // After every other "Imported ..." and "Merged ..." pattern, which these would match too.
    {"Imported {tables}.", "已导入 {tables}。"},
    {"Merged {tables}.", "已合并 {tables}。"},
};

// A pattern split at its placeholders: literals.size() == placeholders.size() + 1.
struct SplitPattern {
    std::vector<std::string_view> literals;
    std::vector<std::string_view> placeholders;  // "{}" or "{status}"
};

SplitPattern split(std::string_view pattern) {
    SplitPattern out;
    std::size_t start = 0;
    for (;;) {
        std::size_t open = pattern.find('{', start);
        std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            out.literals.push_back(pattern.substr(start));
            return out;
        }
        out.literals.push_back(pattern.substr(start, open - start));
        out.placeholders.push_back(pattern.substr(open, close - open + 1));
        start = close + 1;
    }
}

// Returns the captured texts when `message` matches `pattern`. Each placeholder takes the
// shortest non-empty text before the next literal; the last literal must end the message.
std::optional<std::vector<std::string>> match(std::string_view pattern, std::string_view message) {
    SplitPattern parts = split(pattern);
    const std::vector<std::string_view>& literals = parts.literals;
    if (message.substr(0, literals.front().size()) != literals.front()) return std::nullopt;
    std::size_t position = literals.front().size();
    std::vector<std::string> captures;
    for (std::size_t i = 1; i < literals.size(); ++i) {
        std::string_view literal = literals[i];
        std::size_t found = 0;
        if (i + 1 == literals.size()) {
            if (message.size() < position + literal.size() + 1) return std::nullopt;
            found = message.size() - literal.size();
            if (message.substr(found) != literal) return std::nullopt;
        } else {
            found = message.find(literal, position + 1);
            if (found == std::string_view::npos) return std::nullopt;
        }
        captures.emplace_back(message.substr(position, found - position));
        position = found + literal.size();
    }
    if (literals.size() == 1 && message.size() != position) return std::nullopt;
    return captures;
}

// "a.csv as employees, b.csv as clients" in Chinese: "a.csv（员工）、b.csv（客户）". A list
// that does not split into such pairs, as when a file name contains ", ", stays unchanged.
std::string chineseTables(const std::string& capture) {
    std::string out;
    std::size_t start = 0;
    while (start <= capture.size()) {
        std::size_t end = capture.find(", ", start);
        if (end == std::string::npos) end = capture.size();
        std::string_view item(capture.data() + start, end - start);
        std::size_t asPosition = item.rfind(" as ");
        if (asPosition == std::string_view::npos || asPosition == 0) return capture;
        std::string table(item.substr(asPosition + 4));
        if (tableText(table) == nullptr) return capture;
        out += (out.empty() ? "" : "、") + std::string(item.substr(0, asPosition)) + "（" +
               tableText(table) + "）";
        start = end + 2;
    }
    return out;
}

// "E03's max_clients" as "E03 的 max_clients", "policy default_max_clients" as
// "策略的 default_max_clients"; another text stays unchanged.
std::string limitText(const std::string& capture) {
    constexpr std::string_view policy = "policy ";
    if (capture.starts_with(policy)) return "策略的 " + capture.substr(policy.size());
    std::size_t owner = capture.rfind("'s ");
    if (owner == std::string::npos) return capture;
    return capture.substr(0, owner) + " 的 " + capture.substr(owner + 3);
}

struct Term {
    const char* english;
    const char* chinese;
};

// JSON types as the workspace reader names them in its errors.
constexpr Term kJsonTypes[] = {
    {"a string", "字符串"},
    {"a number", "数字"},
    {"a boolean", "布尔值"},
    {"an object", "对象"},
    {"an array", "数组"},
    {"null", "null"},
    {"true or false", "true 或 false"},
    {"an array of strings", "字符串数组"},
    {"an unsupported value", "不支持的值"},
};

// Record nouns as the workspace reader names them in its errors.
constexpr Term kNouns[] = {
    {"employee", "员工"},
    {"client", "客户"},
    {"transaction", "交易"},
    {"deal", "商机"},
    {"relationship", "关系"},
    // Plural forms, as the warnings about flagged figures count records.
    {"clients", "客户"},
    {"employees", "员工"},
};

std::string termText(std::span<const Term> terms, const std::string& capture) {
    for (const Term& term : terms) {
        if (capture == term.english) return term.chinese;
    }
    return capture;
}

std::string captureText(std::string_view placeholder, const std::string& capture) {
    // An import's table names stay as logged in English, where the tab names are capitalised.
    bool chinese = std::string_view(locale()) == "zh-CN";
    if (placeholder == "{type}" && chinese) return termText(kJsonTypes, capture);
    if (placeholder == "{noun}" && chinese) return termText(kNouns, capture);
    if (placeholder == "{limit}" && chinese && capture == "the policy default") {
        return "策略默认值";
    }
    if (placeholder == "{table}" && chinese && tableText(capture) != nullptr) {
        return tableText(capture);
    }
    if (placeholder == "{tables}" && chinese) return chineseTables(capture);
    if (placeholder == "{status}") {
        if (auto status = parseEmployeeStatus(capture)) return statusText(*status);
    }
    if (placeholder == "{method}") return methodName(capture);
    if (chinese) {
        if (std::optional<std::string> term = cycleTermText(placeholder, capture)) return *term;
    }
    if (placeholder == "{limit}" && chinese) return limitText(capture);
    return capture;
}

std::string fill(std::string_view pattern, const std::vector<std::string>& captures) {
    SplitPattern parts = split(pattern);
    std::string out(parts.literals.front());
    for (std::size_t i = 0; i < parts.placeholders.size() && i < captures.size(); ++i) {
        out += captureText(parts.placeholders[i], captures[i]);
        out += parts.literals[i + 1];
    }
    return out;
}

// The counts that decide the plural choices of `englishShown`, in order: each choice takes
// the capture of the placeholder before it, and a capture other than "1" counts as plural.
std::vector<long> choiceCounts(std::string_view englishShown,
                               const std::vector<std::string>& captures) {
    std::vector<long> counts;
    std::size_t placeholder = 0;
    std::size_t open = englishShown.find('{');
    while (open != std::string_view::npos) {
        std::size_t close = englishShown.find('}', open);
        if (close == std::string_view::npos) break;
        if (englishShown.substr(open, close - open).find('|') == std::string_view::npos) {
            ++placeholder;
        } else {
            bool singular = placeholder > 0 && placeholder <= captures.size() &&
                            captures[placeholder - 1] == "1";
            counts.push_back(singular ? 1 : 0);
        }
        open = englishShown.find('{', close);
    }
    return counts;
}

std::string englishText(const char* englishShown, const std::vector<std::string>& captures) {
    std::vector<long> counts = choiceCounts(englishShown, captures);
    return fill(choosePlurals(englishShown, counts), captures);
}

}  // namespace

std::string logMessageText(const std::string& message) {
    std::string text = patternText(kPatterns, message);
    if (text != message) return text;
    return patternText(cycleLogPatterns(), message);
}

std::string patternText(std::span<const LogPattern> patterns, const std::string& message) {
    bool chinese = std::string_view(locale()) == "zh-CN";
    for (const LogPattern& pattern : patterns) {
        auto captures = match(pattern.english, message);
        if (!captures) continue;
        if (chinese) return fill(pattern.chinese, *captures);
        return pattern.englishShown ? englishText(pattern.englishShown, *captures) : message;
    }
    return message;
}

void appendLogTexts(std::string& out) {
    for (const LogPattern& pattern : kPatterns) out += pattern.chinese;
    for (const LogPattern& pattern : cycleLogPatterns()) out += pattern.chinese;
}

std::vector<LogPattern> logPatterns() {
    return std::vector<LogPattern>(std::begin(kPatterns), std::end(kPatterns));
}

}  // namespace baton::ui
