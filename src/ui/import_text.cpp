#include "ui/import_text.h"

#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>

#include "ui/strings.h"

namespace baton::ui {
namespace {

// Keys as the importer writes them (src/io/import_*.cpp, importer.cpp, table_text.cpp).
// Quoted values keep the ASCII quotes of the English messages, so that a value with spaces
// reads the same in both languages.
// TODO: the encoding warnings (encoding_guessed, utf8_byte_order_mark_removed,
// utf8_read_as_gb18030) carry no key yet, so they are shown in English.
constexpr ImportTemplate kTemplates[] = {
    // Warnings about a cell.
    {"excel_mangled_id",
     "\"{0}\" 是科学计数法形式的数字：Excel "
     "这样显示较长的数字编号时会丢失末尾几位；请把该列按文本导出"},
    {"invalid_number.out_of_range",
     "\"{0}\" 超出范围：数值必须在 -1.7e308 与 1.7e308 之间；请更正该单元格；该值未导入"},
    {"invalid_number.decimal_comma",
     "\"{0}\" 不是数字；请写成 1.234,5（如果小数点符号不同，请在映射中设置 "
     "\"decimal\"）；该值未导入"},
    {"invalid_number.decimal_point",
     "\"{0}\" 不是数字；请写成 1234.5 或 1,234.5（如果小数点符号不同，请在映射中设置 "
     "\"decimal\"）；该值未导入"},
    {"invalid_date.shape", "\"{0}\" 不是日期；请写成 YYYY-MM-DD（2023-09-01）；该值未导入"},
    {"invalid_date.month", "\"{0}\" 不是日期：没有 {1} 月；请更正日期；该值未导入"},
    {"invalid_date.day",
     "\"{0}\" 不是日期：{1} 只有 {2} 天，没有第 {3} 天；请更正日期；该值未导入"},
    {"invalid_boolean", "\"{0}\" 不是“是”或“否”；请写成 true 或 false；该值未导入"},
    {"negative_amount", "金额为负数：按原值导入（退款会降低客户的价值），如果是输入错误请更正"},
    {"absurd_amount.median",
     "{0} 至少是导入的同类金额中位数（{1}）的 100 万倍，很可能是输入错误；更正之前评分不计入该值"},
    {"absurd_amount", "{0} 达到 1e15 或以上，无法精确到分，评分不计入该值；请更正"},
    {"future_date", "日期 {0} 晚于今天（{1}）；请核对，因为价值窗口截止于最近一笔交易"},
    {"unknown_product", "产品 \"{0}\" 不在产品列表中；请更正名称或添加该产品"},
    {"unknown_product.suggestion",
     "产品 \"{0}\" 不在产品列表中；是否是指 \"{1}\"？请更正名称或添加该产品"},
    {"unknown_client.transaction",
     "客户 \"{0}\" "
     "既不是客户表中某个客户的编号，也不是其名称，因此跳过这笔交易；请添加该客户或更正名称"},
    {"unknown_client.deal",
     "客户 \"{0}\" "
     "既不是客户表中某个客户的编号，也不是其名称，因此跳过该商机；请添加该客户或更正名称"},
    {"unknown_client.relationship",
     "客户 \"{0}\" "
     "既不是客户表中某个客户的编号，也不是其名称，因此跳过该关系；请添加该客户或更正名称"},
    {"unknown_employee.transaction",
     "员工 \"{0}\" 既不是员工表中某位员工的编号，也不是其姓名，因此这笔交易导入时不带员工；"
     "请添加该员工或更正姓名"},
    {"unknown_employee.deal",
     "员工 \"{0}\" "
     "既不是员工表中某位员工的编号，也不是其姓名，因此跳过该商机；请添加该员工或更正姓名"},
    {"unknown_employee.relationship",
     "员工 \"{0}\" "
     "既不是员工表中某位员工的编号，也不是其姓名，因此跳过该关系；请添加该员工或更正姓名"},
    {"missing_amount", "单元格为空，因此跳过这笔交易；请填写金额"},
    {"deal_without_client", "该商机没有填写客户，因此跳过"},
    {"byte_order_mark_in_cell",
     "已从文本中删除 U+FEFF（字节顺序标记）；文件中间出现它，通常说明后面拼接了另一个文件，"
     "请检查本行及之后的行"},
    {"control_character_in_cell.one",
     "已删除 {0} 个电子表格不显示的控制字符（{1}）；请将该值与源数据比对并在源数据中删除，"
     "损坏的文件或 UTF-16 文件常含有这类字符"},
    {"control_character_in_cell.many",
     "已删除 {0} 个电子表格不显示的控制字符（第一个为 {1}）；请将该值与源数据比对并在源数据中删除，"
     "损坏的文件或 UTF-16 文件常含有这类字符"},
    // Warnings about a row or a file.
    {"missing_cells.comma",
     "该行有 {0} 个单元格，但表头有 {1} 列，因此 {2} 列按空值读取；请补上缺少的单元格，"
     "或检查各值之间是否漏了逗号"},
    {"missing_cells.semicolon",
     "该行有 {0} 个单元格，但表头有 {1} 列，因此 {2} 列按空值读取；请补上缺少的单元格，"
     "或检查各值之间是否漏了分号"},
    {"missing_cells.tab",
     "该行有 {0} 个单元格，但表头有 {1} 列，因此 {2} 列按空值读取；请补上缺少的单元格，"
     "或检查各值之间是否漏了制表符"},
    // Warnings of a merge. {1} and {2} of status_changed are statuses, shown in Chinese (see
    // localisedArgs).
    {"owner_changed",
     "客户 \"{0}\" 的负责人由 {1} 改为 {2}；如果该客户应继续由 {1} 负责，请更正该行"},
    {"owner_changed.from_none", "客户 \"{0}\" 的负责人由无改为 {1}"},
    {"owner_changed.to_none",
     "客户 \"{0}\" 的负责人由 {1} 改为无，因为负责人单元格为空；如果该客户应继续由 {1} "
     "负责，请填写该单元格"},
    {"status_changed", "员工 \"{0}\" 的状态由{1}改为{2}；如果状态应保持为{1}，请更正该行"},
    {"status_changed.released",
     "员工 \"{0}\" 的状态由{1}改为{2}，因此下一次分配会释放其客户；如果状态应保持为{1}，"
     "请更正该行"},
    {"departed_read_as_leaving",
     "状态 \"{0}\" 表示已离职，但最后工作日 {1} 晚于截止日期 {2}，因此该员工按离职中导入："
     "最后工作日前仍在职，其客户按离职人员的客户释放；如果其已经离职，请更正最后工作日"},
    {"departed_read_as_leaving.past",
     "状态 \"{0}\" 表示已离职，但最后工作日 {1} 晚于截止日期 {2}，因此该员工按离职中导入："
     "最后工作日前仍在职，其客户按离职人员的客户释放；最后工作日不晚于今天（{3}），很可能无误："
     "如需按已离职导入，请把工作区策略的 as_of 设为 {3} 或更晚，再把该表重新合并导入该工作区"},
    {"policy_not_in_workbook.page",
     "该工作簿是 Baton 的工作区导出文件，只含数据表，不含策略、公司信息、交接周期和审计日志，"
     "因此新工作区使用默认策略。如需按原策略工作，请改为打开原工作区 "
     "JSON，或在“策略”页重新设置策略"},
    // {1} lists the columns as "2 (B), 3 (C)", {2} is the column read and {3} its fields.
    {"repeated_header",
     "表头 \"{0}\" 对应多列：{1}；读取第 {2} 列作为 {3}，其余列未导入；请在文件中重命名这些列，"
     "只保留一列使用该表头，如需其他列的值，再在导入映射中映射改名后的列"},
    {"repeated_header.unmapped",
     "表头 \"{0}\" 对应多列：{1}，导入映射中没有字段读取它；请在文件中重命名这些列，只保留一列使用该表头，"
     "如需其他列的值，再在导入映射中映射改名后的列"},
    // Errors. {0} is a field name and {1} a table name, both shown in Chinese (see
    // localisedArgs).
    {"unmapped_field.page",
     "没有哪一列给出{1}的{0}。请在 Excel 中添加这一列，或把含有它的那一列的表头改为以下名称之一："
     "{2}（不区分大小写，忽略空格、\"-\" 和 \"_\"），然后重新打开该文件；也可以点“使用映射文件…”，"
     "用映射文件读取该文件。读到的表头为：{3}"},
    {"duplicate_id",
     "编号 \"{0}\" 也出现在第 {1} 行；编号必须唯一，请更正或删除其中一行（两行不会合并）"},
    {"duplicate_id.deal", "商机编号 \"{0}\" 也出现在第 {1} 行；编号必须唯一，请更正或删除其中一行"},
    {"mangled_id_collision",
     "\"{0}\" 也是第 {1} 行的编号；两者都是被 Excel 缩短的长数字，可能是不同的记录："
     "请把该列按文本导出后重新导入"},
    // Suggestions.
    {"fill_down.page",
     "{0} 的 \"{1}\" 列在有值的单元格下方有空单元格，合并单元格导出后就是这样。如需用上方的值填充"
     "这些空单元格，请在 Excel 中填好它们；或点“保存映射”，在保存的文件的 \"fill_down\" 列表中加入 "
     "\"{1}\"，再点“使用映射文件…”用该文件重新读取"},
    // Derived fields.
    {"unmapped_columns.not_imported", "{0} 中未映射到任何字段的列：{1}；未导入"},
    {"unmapped_columns.employee_extras",
     "{0} 中未映射到任何字段的列：{1}；作为每位员工的附加字段保留"},
    {"unmapped_columns.client_extras",
     "{0} 中未映射到任何字段的列：{1}；作为每个客户的附加字段保留"},
    {"transaction_amounts.quantity_times_price",
     "{0} 的交易金额：数量 \"{1}\" 乘以单价 \"{2}\"；如需使用金额，请映射金额列"},
    {"transaction_amounts.quantity",
     "{0} 的交易金额：取数量 \"{1}\"，因为该表没有金额列或单价列；如需使用金额，请映射金额列"},
    {"deals.kept_in_stage",
     "{0} 的商机：该工作簿是 Baton 的工作区导出文件，因此 {1} 个赢单、{2} 个进行中和 {3} "
     "个丢单的商机都按原阶段保留为商机"},
    {"deals.from_crm",
     "{0} 的商机：{1} 个赢单商机按成交日期转为交易，{2} 个进行中的商机保留为商机，{3} "
     "个丢单商机未导入"},
    {"deals.without_amount", "{1} 中有 {0} 个保留为商机的商机没有金额，已记为 0"},
    {"owners.largest_value",
     "{0} 个客户的负责人：该客户上赢单金额（交易金额之和）最大的员工，金额相同时取交易笔数多者，"
     "再相同时取编号较小者"},
    {"owners.largest_value_and_unowned",
     "{0} 个客户的负责人：该客户上赢单金额（交易金额之和）最大的员工，金额相同时取交易笔数多者，"
     "再相同时取编号较小者；{1} 个客户没有带员工的交易，也没有负责人"},
    {"owners.most_transactions",
     "{0} 个客户的负责人：该客户上交易笔数最多的员工，笔数相同时取金额大者，再相同时取编号较小者"},
    {"owners.most_transactions_and_unowned",
     "{0} 个客户的负责人：该客户上交易笔数最多的员工，笔数相同时取金额大者，再相同时取编号较小者；"
     "{1} 个客户没有带员工的交易，也没有负责人"},
    {"owners.unowned", "{0} 个客户没有带员工的交易，也没有负责人"},
    {"revenue_12m",
     "{0} 个客户的近 12 个月收入：取其 {1} 至 {2} 的交易金额之和（截至最近一笔交易的价值窗口）"},
    {"employees_created", "根据 {1} 列创建了 {0} 名员工（编号和姓名取单元格文本，状态为在职）"},
    {"clients_created", "根据 {1} 列创建了 {0} 个客户（编号和名称取单元格文本）"},
};

struct CodeTitle {
    const char* code;
    const char* chinese;
};

// Titles of the issue codes that an import of CSV, XLSX or workspace JSON reports.
constexpr CodeTitle kCodeTitles[] = {
    {"excel_mangled_id", "编号被 Excel 改为科学计数法"},
    {"invalid_number", "数字无效"},
    {"invalid_date", "日期无效"},
    {"invalid_boolean", "是/否值无效"},
    {"invalid_choice", "取值无效"},
    {"out_of_range", "超出范围"},
    {"negative_amount", "金额为负数"},
    {"absurd_amount", "金额过大"},
    {"future_date", "日期晚于今天"},
    {"unknown_product", "未知产品"},
    {"unknown_client", "未知客户"},
    {"unknown_employee", "未知员工"},
    {"unknown_owner", "未知负责人"},
    {"missing_amount", "缺少金额"},
    {"missing_value", "缺少值"},
    {"missing_column", "缺少列"},
    {"missing_cells", "单元格不足"},
    {"extra_cells", "单元格过多"},
    {"unmapped_field", "字段未映射"},
    {"no_data_rows", "没有数据行"},
    {"duplicate_id", "编号重复"},
    {"repeated_header", "表头重复"},
    {"mangled_id_collision", "编号被改后重复"},
    {"deal_without_client", "商机缺少客户"},
    {"encoding_guessed", "编码为推测结果"},
    {"utf8_byte_order_mark_removed", "已删除 UTF-8 字节顺序标记"},
    {"utf8_read_as_gb18030", "UTF-8 文件按 GB18030 读取"},
    {"byte_order_mark_in_cell", "单元格含字节顺序标记"},
    {"control_character_in_cell", "单元格含控制字符"},
    {"policy_not_in_workbook", "工作簿不含策略"},
    {"invalid_workspace", "工作区无效"},
    {"owner_changed", "负责人已变更"},
    {"status_changed", "状态已变更"},
    {"departed_read_as_leaving", "已离职按离职中导入"},
};

// Chinese names of the employee statuses, as status_changed names them.
constexpr CodeTitle kStatusNames[] = {
    {"active", "在职"},
    {"leaving", "离职中"},
    {"departed", "已离职"},
    {"on_leave", "休假"},
};

// Chinese names of the fields that a table cannot do without, as the errors name them.
constexpr CodeTitle kFieldNames[] = {
    {"id", "编号"},       {"name", "名称"},    {"client", "客户"},
    {"employee", "员工"}, {"date", "日期"},    {"amount", "金额"},
    {"stage", "阶段"},    {"owner", "负责人"}, {"quantity", "数量"},
    {"price", "单价"},    {"product", "产品"}, {"revenue_12m", "近 12 个月收入"},
};

bool chinese() {
    return std::string_view(locale()) == "zh-CN";
}

std::string fieldText(std::string_view field) {
    for (const CodeTitle& name : kFieldNames) {
        if (field == name.code) return name.chinese;
    }
    return std::string(field);
}

// Rewrites " and N more", which quotedList() appends to a long list, in Chinese.
std::string chineseList(std::string list) {
    std::size_t at = list.rfind(" and ");
    if (at == std::string::npos || list.size() < at + 6 ||
        list.compare(list.size() - 5, 5, " more")) {
        return list;
    }
    std::string count = list.substr(at + 5, list.size() - 5 - (at + 5));
    return list.substr(0, at) + "，另有 " + count + " 个";
}

std::string statusText(std::string_view status) {
    for (const CodeTitle& name : kStatusNames) {
        if (status == name.code) return name.chinese;
    }
    return std::string(status);
}

// The values of `key` as its Chinese template shows them: field, table and status names in
// Chinese.
std::vector<std::string> localisedArgs(const MessageKey& key) {
    std::vector<std::string> args = key.args;
    if (key.key.rfind("status_changed", 0) == 0 && args.size() >= 3) {
        args[1] = statusText(args[1]);
        args[2] = statusText(args[2]);
        return args;
    }
    if (key.key != "unmapped_field.page" || args.size() < 4) return args;
    std::string fields;
    std::string_view rest = args[0];
    for (;;) {
        std::size_t at = rest.find(" or ");
        fields += (fields.empty() ? "" : "或") + fieldText(rest.substr(0, at));
        if (at == std::string_view::npos) break;
        rest.remove_prefix(at + 4);
    }
    args[0] = fields;
    const char* table = tableText(args[1]);
    if (table != nullptr) args[1] = table;
    args[3] = chineseList(args[3]);
    return args;
}

// Fills the placeholders {0} to {9} of `pattern` with `args`, or returns nullopt when a
// placeholder has no value, so that a key with too few values falls back to English.
std::optional<std::string> fill(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        bool placeholder = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
                           pattern[i + 1] >= '0' && pattern[i + 1] <= '9';
        if (!placeholder) {
            out += pattern[i];
            continue;
        }
        std::size_t index = static_cast<std::size_t>(pattern[i + 1] - '0');
        if (index >= args.size()) return std::nullopt;
        out += args[index];
        i += 2;
    }
    return out;
}

}  // namespace

std::string importMessageText(const std::string& english, const MessageKey& key) {
    if (key.key.empty() || !chinese()) return english;
    for (const ImportTemplate& entry : kTemplates) {
        if (key.key == entry.key) return fill(entry.chinese, localisedArgs(key)).value_or(english);
    }
    return english;
}

const char* importCodeTitle(const std::string& code) {
    if (!chinese()) return code.c_str();
    for (const CodeTitle& title : kCodeTitles) {
        if (code == title.code) return title.chinese;
    }
    return code.c_str();
}

void appendImportTexts(std::string& out) {
    for (const ImportTemplate& entry : kTemplates) out += entry.chinese;
    for (const CodeTitle& title : kCodeTitles) out += title.chinese;
    for (const CodeTitle& name : kFieldNames) out += name.chinese;
    for (const CodeTitle& name : kStatusNames) out += name.chinese;
    out += "，另有 个或";
}

std::vector<ImportTemplate> importTemplates() {
    return std::vector<ImportTemplate>(std::begin(kTemplates), std::end(kTemplates));
}

}  // namespace baton::ui
