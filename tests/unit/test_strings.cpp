// The UI translation tables, the log message patterns and the user guide: every text has
// both languages with the same printf directives, and the guide parses in both.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "io/verify_result.h"
#include "ui/guide.h"
#include "ui/log_text.h"
#include "ui/strings.h"
#include "ui/text_wrap.h"

using namespace baton;
using namespace baton::ui;

namespace {

// The printf directives of `format` in order, such as {"%d", "%.2f", "%%"}.
std::vector<std::string> directives(const std::string& format) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        std::size_t j = i + 1;
        while (j < format.size() &&
               std::string("-+ #0123456789.lhzjt").find(format[j]) != std::string::npos) {
            ++j;
        }
        if (j < format.size()) out.push_back(format.substr(i, j - i + 1));
        i = j;
    }
    return out;
}

std::vector<std::string> placeholders(const std::string& pattern) {
    std::vector<std::string> out;
    std::size_t open = pattern.find('{');
    while (open != std::string::npos) {
        std::size_t close = pattern.find('}', open);
        out.push_back(pattern.substr(open, close - open + 1));
        open = pattern.find('{', close);
    }
    return out;
}

bool hasNonAscii(const std::string& text) {
    for (unsigned char c : text) {
        if (c >= 0x80) return true;
    }
    return false;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Restores English after a test that switches the language.
struct EnglishAfter {
    ~EnglishAfter() { setLocale("en"); }
};

}  // namespace

TEST_SUITE("strings") {
    TEST_CASE("every row has both languages") {
        for (const TranslationRow& row : translationRows()) {
            INFO(row.key);
            REQUIRE(row.english != nullptr);
            REQUIRE(row.chinese != nullptr);
            CHECK(std::string(row.english).size() > 0);
            CHECK(std::string(row.chinese).size() > 0);
        }
    }

    TEST_CASE("keys are unique") {
        std::set<std::string> keys;
        for (const TranslationRow& row : translationRows()) {
            INFO(row.key);
            CHECK(keys.insert(row.key).second);
        }
    }

    TEST_CASE("printf directives match between languages") {
        for (const TranslationRow& row : translationRows()) {
            if (row.chinese == nullptr) continue;
            INFO(row.key);
            CHECK(directives(row.english) == directives(row.chinese));
        }
    }

    TEST_CASE("directive parser reads flags and lengths") {
        CHECK(directives("%d of %.2f%% seed %llu %s") ==
              std::vector<std::string>{"%d", "%.2f", "%%", "%llu", "%s"});
    }

    TEST_CASE("chinese texts are translated") {
        // Texts that read the same in both languages: a symbol, a language's own name, a
        // product name and the technical terms kept in Latin letters.
        const std::set<std::string> same = {"column.sequence", "employees.provisional",
                                            "language.en", "language.zh"};
        for (const TranslationRow& row : translationRows()) {
            if (row.chinese == nullptr || same.count(row.key) > 0) continue;
            INFO(row.key);
            CHECK(std::string(row.english) != std::string(row.chinese));
            CHECK(hasNonAscii(row.chinese));
        }
    }

    TEST_CASE("tr follows the locale") {
        EnglishAfter restore;
        REQUIRE(setLocale("en"));
        CHECK(std::string(tr(Str::TabEmployees)) == "Employees");
        CHECK(std::string(statusText(EmployeeStatus::Departed)) == "departed");
        REQUIRE(setLocale("zh"));
        CHECK(std::string(locale()) == "zh-CN");
        CHECK(std::string(tr(Str::TabEmployees)) == "员工");
        CHECK(std::string(statusText(EmployeeStatus::Departed)) == "已离职");
        CHECK(std::string(lostBecauseText("capacity_full")) == "已达客户上限");
        CHECK_FALSE(setLocale("fr"));
        CHECK(std::string(locale()) == "zh-CN");
    }

    TEST_CASE("unknown code falls back to itself") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(std::string(wonBecauseText("new_reason")) == "new_reason");
    }

    TEST_CASE("plural choices follow their counts") {
        const std::string text = "%d {client|clients} · %d of %d {task|tasks}";
        const long one[] = {1, 1};
        const long two[] = {2, 0};
        const long mixed[] = {0, 1};
        CHECK(choosePlurals(text, one) == "%d client · %d of %d task");
        CHECK(choosePlurals(text, two) == "%d clients · %d of %d tasks");
        CHECK(choosePlurals(text, mixed) == "%d clients · %d of %d task");
        CHECK(choosePlurals(text, {}) == "%d clients · %d of %d tasks");
        CHECK(choosePlurals("{} {client has|clients have} {status}", one) ==
              "{} client has {status}");
        CHECK(choosePlurals("no choice {", one) == "no choice {");
    }

    TEST_CASE("plural choices contain no directive") {
        for (const TranslationRow& row : translationRows()) {
            INFO(row.key);
            const std::string english = row.english;
            for (std::size_t open = english.find('{'); open != std::string::npos;
                 open = english.find('{', open + 1)) {
                std::size_t close = english.find('}', open);
                REQUIRE(close != std::string::npos);
                CHECK(english.substr(open, close - open).find('%') == std::string::npos);
                CHECK(english.substr(open, close - open).find('|') != std::string::npos);
            }
            if (row.chinese != nullptr) {
                CHECK(std::string(row.chinese).find('{') == std::string::npos);
            }
        }
    }

    TEST_CASE("tr shows the plural form") {
        EnglishAfter restore;
        setLocale("en");
        CHECK(std::string(tr(Str::ReviewFailed)) ==
              "This import has %ld errors and cannot be applied. Nothing changed: the open "
              "workspace is as it was.");
        for (int id = 0; id < static_cast<int>(Str::Count); ++id) {
            std::string text = tr(static_cast<Str>(id));
            INFO(text);
            CHECK(text.find('{') == std::string::npos);
        }
    }

    TEST_CASE("english count of one is singular") {
        EnglishAfter restore;
        setLocale("en");
        char text[256];
        std::snprintf(text, sizeof text, trPlural(Str::ReviewFailed, {1}).c_str(), 1L);
        CHECK(std::string(text) ==
              "This import has 1 error and cannot be applied. Nothing "
              "changed: the open workspace is as it was.");
        std::snprintf(text, sizeof text, trPlural(Str::ReviewFailed, {2}).c_str(), 2L);
        CHECK(std::string(text) ==
              "This import has 2 errors and cannot be applied. Nothing "
              "changed: the open workspace is as it was.");
        std::snprintf(text, sizeof text, trPlural(Str::ToolbarCounts, {1, 1}).c_str(), 1, 1, 1);
        CHECK(std::string(text) == "1 employee · 1 client · 1 released");
        std::snprintf(text, sizeof text, trPlural(Str::RiskSummary, {40, 1, 1}).c_str(), 1, 40);
        CHECK(std::string(text) ==
              "1 of 40 clients of staying employees has no colleague who could take it.");
        std::snprintf(text, sizeof text, trPlural(Str::RiskSummary, {40, 3, 3}).c_str(), 3, 40);
        CHECK(std::string(text) ==
              "3 of 40 clients of staying employees have no colleague who could take them.");
        std::snprintf(text, sizeof text, trPlural(Str::AllocateHint, {1, 1}).c_str(), 1);
        CHECK(std::string(text) ==
              "Allocate proposes a new owner for the 1 released client. It "
              "changes no owner until you apply it.");
        std::snprintf(text, sizeof text, trPlural(Str::VerifyUnreadable, {1}).c_str(), 1);
        CHECK(std::string(text) == "✗ Verify: the text is not an allocation result (1 error):");
    }

    TEST_CASE("share note names both causes") {
        EnglishAfter restore;
        setLocale("en");
        char text[1024];
        std::snprintf(text, sizeof text, trPlural(Str::ShareNoteConcentrated, {3, 1}).c_str(), 9,
                      10, 3, 10, 7, 2, 1, 3, 0, 0);
        CHECK(std::string(text) ==
              "No client goes to 9 of the 10 receivers. 3 clients among 10 receivers leave 7 "
              "without one; the other 2 get none because the placed clients went to 1 "
              "receiver: 3 by continuity (a colleague who served the client before), 0 by best "
              "fit and 0 for other reasons (only eligible, pin or fairness). Each receiver is "
              "still within one client of its target value, as the Value share test (WPROP1) "
              "requires.");
    }

    TEST_CASE("chinese counts stay unchanged") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(trPlural(Str::ReviewFailed, {1}) == tr(Str::ReviewFailed));
        CHECK(trPlural(Str::ReviewFailed, {1}) ==
              "此导入有 %ld 个错误，无法应用。没有做任何更改：当前工作区保持原样。");
        CHECK(trPlural(Str::ToolbarCounts, {1, 1}) == "%d 名员工 · %d 个客户 · %d 个待交接");
    }
}

TEST_SUITE("log text") {
    TEST_CASE("patterns keep their placeholders") {
        for (const LogPattern& pattern : logPatterns()) {
            INFO(pattern.english);
            CHECK(placeholders(pattern.english) == placeholders(pattern.chinese));
            CHECK(hasNonAscii(pattern.chinese));
            if (pattern.englishShown != nullptr) {
                CHECK(placeholders(choosePlurals(pattern.englishShown, {})) ==
                      placeholders(pattern.english));
            }
        }
    }

    TEST_CASE("verify log lines in Chinese") {
        EnglishAfter restore;
        setLocale("zh-CN");
        std::string pass = "Verify: the result passes every check against the open workspace; " +
                           std::string(kVerifyUnchecked) + ".";
        CHECK(logMessageText(pass).rfind("验证：结果对照当前工作区通过了全部检查；", 0) == 0);
        std::string applied =
            "Verify: the result passes every check against the workspace as it was before Apply; " +
            std::string(kVerifyUnchecked) + ".";
        CHECK(logMessageText(applied).rfind("验证：结果对照应用前的工作区通过了全部检查；", 0) ==
              0);
        CHECK(logMessageText("Verify: 2 breach(es) against the open workspace; first: C1 → E2: "
                             "x") == "验证：对照当前工作区发现 2 处违规；第一处：C1 → E2: x");
        setLocale("en");
        CHECK(logMessageText("Verify: 1 breach(es) against the open workspace; first: x") ==
              "Verify: 1 breach against the open workspace; first: x");
    }

    TEST_CASE("english log count of one") {
        EnglishAfter restore;
        setLocale("en");
        CHECK(logMessageText("Applied the proposal: 1 clients have a new owner.") ==
              "Applied the proposal: 1 client has a new owner.");
        CHECK(logMessageText("Applied the proposal: 14 clients have a new owner.") ==
              "Applied the proposal: 14 clients have a new owner.");
        CHECK(logMessageText("Import rejected: 1 error(s); the open workspace is unchanged. "
                             "First: a.csv row 2: no id") ==
              "Import rejected: 1 error; the open workspace is unchanged. First: a.csv row 2: "
              "no id");
        CHECK(logMessageText("Import rejected: 3 error(s); the open workspace is unchanged. "
                             "First: 1 clients") ==
              "Import rejected: 3 errors; the open workspace is unchanged. First: 1 clients");
        CHECK(logMessageText("Import of a.csv rejected: 1 errors; the open workspace is "
                             "unchanged.") ==
              "Import of a.csv rejected: 1 error; the open workspace is unchanged.");
        CHECK(logMessageText("Imported b.xlsx as clients: 1 employees, 12 clients, 1 warnings.") ==
              "Imported b.xlsx as clients: 1 employee, 12 clients, 1 warning.");
        CHECK(logMessageText("Verify: 1 breach(es); first: E1 over capacity") ==
              "Verify: 1 breach; first: E1 over capacity");
        CHECK(logMessageText("Proposal rejected: 1 error(s).") == "Proposal rejected: 1 error.");
        CHECK(logMessageText("Import of a.csv rejected: the mapping is invalid.") ==
              "Import of a.csv rejected: the mapping is invalid.");
        CHECK(logMessageText("Employee E07: status active -> leaving, last day 2026-12-31") ==
              "Employee E07: status active -> leaving, last day 2026-12-31");
    }

    TEST_CASE("chinese log counts stay unchanged") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(logMessageText("Applied the proposal: 1 clients have a new owner.") ==
              "已应用方案：1 个客户有了新负责人。");
        CHECK(logMessageText("Proposal rejected: 1 error(s).") == "方案被拒绝：1 个错误。");
    }

    TEST_CASE("log names the method") {
        REQUIRE(setLocale("zh-CN"));
        CHECK(logMessageText("Allocation (fair): 3 placed, 0 unassigned, seed 1.") ==
              "分配（公平求解器）：已分配 3 个，未分配 0 个，随机种子 1。");
        REQUIRE(setLocale("en"));
        CHECK(logMessageText("Allocation (round_robin): 3 placed, 0 unassigned, seed 1.") ==
              "Allocation (Round robin): 3 placed, 0 unassigned, seed 1.");
        CHECK(logMessageText("Allocation (other): 3 placed, 0 unassigned, seed 1.") ==
              "Allocation (other): 3 placed, 0 unassigned, seed 1.");
    }

    TEST_CASE("messages are translated in chinese") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(logMessageText("Opened the demo workspace: 12 employees, 200 clients.") ==
              "已打开演示工作区：12 名员工，200 个客户。");
        CHECK(logMessageText("Employee E07: status active -> leaving, last day 2026-12-31") ==
              "员工 E07：状态由“在职”改为“即将离职”，最后工作日 2026-12-31");
        CHECK(logMessageText("Employee E07: status leaving -> departed") ==
              "员工 E07：状态由“即将离职”改为“已离职”");
        CHECK(logMessageText("Import of a.csv rejected: 3 errors; the open workspace is "
                             "unchanged.") == "a.csv 的导入被拒绝：3 个错误，当前工作区未更改。");
        CHECK(logMessageText("Import of a.csv rejected: no header row") ==
              "a.csv 的导入被拒绝：no header row");
    }

    TEST_CASE("audit and proposal lines are chinese") {
        EnglishAfter restore;
        setLocale("zh-CN");
        std::string tail =
            ". The workspace is imported with its log as it is, and new entries are appended "
            "after the break. If nobody here changed that entry, open a backup or an earlier "
            "export of this workspace instead.";
        CHECK(logMessageText("Import: /audit/0/hash: the audit log is broken at entry 1 (seq 1), "
                             "field hash: does not match" +
                             tail) ==
              "导入：/audit/0/hash：审计日志在第 1 条记录（序号 1）的字段 hash 处断开：does not "
              "match。工作区连同其日志原样导入，新记录追加在断开处之后。如果不是这里的人改动了这条"
              "记录，请改为打开该工作区的备份或较早的导出文件。");
        CHECK(logMessageText("Restored the proposal of the last allocation: 52 placed, 0 "
                             "unassigned. It is not applied yet.") ==
              "已恢复上次分配的方案：已分配 52 个，未分配 0 个。该方案尚未应用。");
    }

    TEST_CASE("import log lines are chinese") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(logMessageText("Imported b.xlsx as clients: 1 employees, 12 clients, 1 warnings.") ==
              "已导入 b.xlsx（客户）：1 名员工，12 个客户，1 条警告。");
        CHECK(logMessageText("Merged b.csv as deals: 3 employees, 12 clients, 0 warnings.") ==
              "已合并 b.csv（商机）：3 名员工，12 个客户，0 条警告。");
        CHECK(logMessageText("Imported a.csv as employees, b.csv as clients.") ==
              "已导入 a.csv（员工）、b.csv（客户）。");
        CHECK(logMessageText("Imported a, b.csv as employees.") ==
              "已导入 a, b.csv as employees。");
        CHECK(logMessageText("Import of 2 files rejected: 3 errors; the open workspace is "
                             "unchanged.") == "2 个文件的导入被拒绝：3 个错误，当前工作区未更改。");
        CHECK(logMessageText("Import of 1 file(s) cancelled; the open workspace is unchanged.") ==
              "已取消 1 个文件的导入，当前工作区未更改。");
        CHECK(logMessageText("Import rejected: a.csv and b.csv are both a clients table; give "
                             "one file per table, or name each file's table. The open workspace "
                             "is unchanged.") ==
              "导入被拒绝：a.csv 和 b.csv 都是客户表；请每张表只给一个文件，或指明每个文件的表。"
              "当前工作区未更改。");
        CHECK(logMessageText("Import not applied: no import is waiting for review.") ==
              "导入未应用：没有等待审核的导入。");
        CHECK(logMessageText("Import: /policy/weights/x: unknown weight") ==
              "导入：/policy/weights/x: unknown weight");
        CHECK(logMessageText("Imported 4 follow-up outcome(s).") == "已导入 4 条跟进结果。");
    }

    TEST_CASE("english import log lines stay") {
        EnglishAfter restore;
        setLocale("en");
        for (const char* line :
             {"Merged b.csv as deals: 3 employees, 12 clients, 0 warnings.",
              "Imported a.csv as employees, b.csv as clients.",
              "Import of 2 files rejected: 3 errors; the open workspace is unchanged.",
              "Import of 1 file(s) cancelled; the open workspace is unchanged.",
              "Import not applied: no import is waiting for review.",
              "Imported 4 follow-up outcome(s)."}) {
            CHECK(logMessageText(line) == line);
        }
    }

    TEST_CASE("unmatched and english messages stay") {
        EnglishAfter restore;
        setLocale("zh-CN");
        CHECK(logMessageText("Something new happened.") == "Something new happened.");
        CHECK(logMessageText("Verify: the result passes every check. Extra") ==
              "Verify: the result passes every check. Extra");
        setLocale("en");
        CHECK(logMessageText("Opened the demo workspace: 12 employees, 200 clients.") ==
              "Opened the demo workspace: 12 employees, 200 clients.");
    }
}

TEST_SUITE("guide") {
    TEST_CASE("parser reads headings bullets and tables") {
        std::string text =
            "# Title\n\nFirst line\nsecond **bold** line.\n\n## Part\n- one\n  more\n- two\n\n"
            "| key | action |\n|---|---|\n| `F1` | help |\n\n中文第一行\n第二行\n";
        std::vector<GuideBlock> blocks = parseGuide(text);
        REQUIRE(blocks.size() == 8);
        CHECK(blocks[0].kind == GuideBlock::Kind::Title);
        CHECK(blocks[0].text == "Title");
        CHECK(blocks[1].text == "First line second bold line.");
        CHECK(blocks[2].kind == GuideBlock::Kind::Heading);
        CHECK(blocks[3].kind == GuideBlock::Kind::Bullet);
        CHECK(blocks[3].text == "one more");
        CHECK(blocks[5].kind == GuideBlock::Kind::TableRow);
        CHECK(blocks[6].cells == std::vector<std::string>{"F1", "help"});
        CHECK(blocks[7].text == "中文第一行第二行");
    }

    TEST_CASE("both guides have the same sections") {
        std::string folder = std::string(BATON_SOURCE_DIR) + "/docs";
        std::vector<GuideBlock> english = parseGuide(readText(guidePath(folder, "en")));
        std::vector<GuideBlock> chinese = parseGuide(readText(guidePath(folder, "zh-CN")));
        auto headings = [](const std::vector<GuideBlock>& blocks) {
            std::vector<std::string> out;
            for (const GuideBlock& b : blocks) {
                if (b.kind == GuideBlock::Kind::Heading) out.push_back(b.text);
            }
            return out;
        };
        std::vector<std::string> englishHeadings = headings(english);
        std::vector<std::string> chineseHeadings = headings(chinese);
        REQUIRE(englishHeadings.size() >= 8);
        REQUIRE(englishHeadings.size() == chineseHeadings.size());
        // The six steps are numbered alike in both guides.
        for (std::size_t i = 0; i < englishHeadings.size(); ++i) {
            INFO(englishHeadings[i]);
            bool numbered = englishHeadings[i][0] >= '1' && englishHeadings[i][0] <= '9';
            if (numbered) CHECK(chineseHeadings[i].substr(0, 2) == englishHeadings[i].substr(0, 2));
        }
        CHECK(english.size() > 20);
        CHECK(chinese.size() > 20);
    }
}

TEST_SUITE("text wrap") {
    // Every character is one unit wide, so widths count characters.
    float unitAdvance(std::string_view) {
        return 1.0f;
    }

    std::vector<std::string> wrap(std::string_view text, float width) {
        std::vector<std::string> out;
        for (std::string_view line : wrapLines(text, width, unitAdvance)) out.emplace_back(line);
        return out;
    }

    TEST_CASE("latin breaks at spaces") {
        CHECK(wrap("one two three", 8) == std::vector<std::string>{"one two", "three"});
        CHECK(wrap("one two three", 100) == std::vector<std::string>{"one two three"});
    }

    TEST_CASE("chinese breaks between characters") {
        CHECK(wrap("在分配面板中点击分配", 4) ==
              std::vector<std::string>{"在分配面", "板中点击", "分配"});
    }

    TEST_CASE("mixed text fills the line") {
        // ImGui alone would break after "Baton" and leave the first line short.
        CHECK(wrap("点击 Baton 为每个客户提出负责人", 10) ==
              std::vector<std::string>{"点击 Baton 为", "每个客户提出负责人"});
    }

    TEST_CASE("punctuation stays with its text") {
        CHECK(wrap("甲乙丙，丁戊", 3) == std::vector<std::string>{"甲乙", "丙，丁", "戊"});
        CHECK(wrap("甲乙“丙丁”", 3) == std::vector<std::string>{"甲乙", "“丙", "丁”"});
    }

    TEST_CASE("newline and long words") {
        CHECK(wrap("ab\ncd", 10) == std::vector<std::string>{"ab", "cd"});
        CHECK(wrap("abcdefgh", 3) == std::vector<std::string>{"abc", "def", "gh"});
    }

    TEST_CASE("number keeps its measure word") {
        // The allocation hint: "52" and "个" stay on one line, with or without a space.
        CHECK(wrap("为 52 个客户", 5) == std::vector<std::string>{"为", "52 个客", "户"});
        CHECK(wrap("共有52个客户", 4) == std::vector<std::string>{"共有", "52个客", "户"});
        // A number before Latin text still breaks at the space.
        CHECK(wrap("有 3 clients", 8) == std::vector<std::string>{"有 3", "clients"});
    }

    TEST_CASE("comma never starts a line") {
        CHECK(wrap("在您应用之前，不会更改", 6) ==
              std::vector<std::string>{"在您应用之", "前，不会更改"});
    }

    TEST_CASE("quoted name stays whole") {
        CHECK(wrap("表头为\"销售日期\"和", 7) ==
              std::vector<std::string>{"表头为", "\"销售日期\"和"});
        // A space inside the quotes is still a break.
        CHECK(wrap("\"ab cd\"", 4) == std::vector<std::string>{"\"ab", "cd\""});
    }

    TEST_CASE("fit with ellipsis") {
        // Every character, "…" included, is one unit wide.
        CHECK(fitWithEllipsis("Anderson", 10, unitAdvance) == "Anderson");
        CHECK(fitWithEllipsis("Anderson", 5, unitAdvance) == "Ande…");
        CHECK(fitWithEllipsis("王小明先生", 3, unitAdvance) == "王小…");
        CHECK(fitWithEllipsis("ab cd", 4, unitAdvance) == "ab…");
        CHECK(fitWithEllipsis("Anderson", 1, unitAdvance) == "…");
        CHECK(fitWithEllipsis("Anderson", 0.5f, unitAdvance).empty());
    }
}
