// The Simplified Chinese text of the rules document.
#include "io/result_terms.h"
#include "io/rules_doc_parts.h"

namespace baton::rules {

namespace {

std::string methodText(Normalisation method, const std::string& population) {
    if (method == Normalisation::WinsorisedMinMax) {
        return "每项数据先在" + population +
               "中做缩尾处理：两端各 5% 最极端的数值被截到最近的保留值；再按最低 0、最高 100 "
               "线性换算。所有数值相同时，每人都得 50。";
    }
    return "每项数据换算为在" + population +
           "中的百分位排名：最低得 0，最高得 100，数值相同者取其名次的平均。只有一个数值或"
           "所有数值相同时，每人都得 50。";
}

const char* kMissingRule =
    "某项数据缺失时，该项不计入，其余各项的权重按比例放大，使权重之和保持不变。每份明细都列出"
    "实际采用的权重。缺失的数据绝不按零计算。";

void releasedSection(const Context& c, Document& d) {
    d.heading(2, "1. 哪些客户需要交接");
    if (c.policy.scope == Scope::All) {
        d.paragraph("交接范围：" + namedCode("scope", "all", "zh-CN") +
                    "。所有客户重新分配，相当于全公司范围的重新平衡。重点客户留在原负责人"
                    "名下，除非其负责人离职。");
    } else {
        d.paragraph("交接范围：" + namedCode("scope", "leavers", "zh-CN") +
                    "，包括即将离职或已离职员工的客户，以及所有没有负责人的客户。");
    }
}

void eligibilitySection(const Context& c, Document& d) {
    const ConstraintPolicy& k = c.policy.constraints;
    d.heading(2, "2. 谁可以接收客户");
    std::vector<std::string> items = {
        "只有在职员工可以接收客户。即将离职、已离职或休假中的员工不接收客户，系统（自动化）用户"
        "也不接收。",
        "硬性需求：客户需要的技能（例如 `lang:zh` 或 `product:erp`）必须全部具备的员工才能接收该"
        "客户。",
        "利益冲突：与客户有 `conflict`（冲突）或 `personal`（私人）关系的员工，绝不会接收该客户。",
        "重点客户：重点客户的负责人离职时，该客户只交给具备技能 `team:key_accounts` 的员工。",
        k.teamBoundary ? "团队边界已开启：客户只交给其原负责人所在团队的成员。"
                       : "团队边界未开启：客户可以交给任何团队的成员。",
        "容量：每位员工最多负责 " + std::to_string(k.defaultMaxClients) +
            " 个客户（保留的客户与新接收的客户合计），员工另有容量设置的除外。",
    };
    if (k.defaultMaxWorkload) {
        items.push_back("工作量：每位员工的客户工作量合计不超过 " + number(*k.defaultMaxWorkload) +
                        "，员工另有容量设置的除外。");
    }
    if (k.maxValueShare) {
        items.push_back("价值上限：任何人接收的价值不超过释放价值的 " +
                        number(*k.maxValueShare * 100.0) + "%。");
    }
    items.push_back("按这些规则无法安排的客户会列为未分配，并注明确切原因；不会有客户被悄悄遗漏。");
    d.list(std::move(items));
}

void valueSection(const Context& c, Document& d) {
    const ValuePolicy& v = c.policy.value;
    d.heading(2, "3. 客户价值 V（0 到 100）");
    d.paragraph("V 衡量客户对公司的价值，是以下五项数据的加权和：");
    std::string tiers;
    for (const auto& [tier, points] : v.tierPoints) {
        tiers += (tiers.empty() ? "" : "，") + literal(tier) + " = " + number(points);
    }
    const std::string window = std::to_string(v.windowDays);
    d.table({{"数据", "权重", "含义"},
             {"金额", number(v.monetary),
              "截至评估日（含当日）的 " + window +
                  " 天内该客户的交易总额；没有任何交易的客户，取其近 12 个月的收入。"},
             {"频次", number(v.frequency), "这 " + window + " 天内该客户的交易笔数。"},
             {"近度", number(v.recency), "距最近一次交易的天数：天数越少，得分越高。"},
             {"潜力", number(v.potential), "客户的预估潜力。"},
             {"等级", number(v.tier),
              "客户等级的分值（" + (tiers.empty() ? "未设置" : tiers) +
                  "）；没有分值的等级视为缺失。"}});
    d.paragraph("V =（各项标准化得分 × 实际权重之和）÷（权重之和）。按上表，权重之和为 " +
                number(v.monetary + v.frequency + v.recency + v.potential + v.tier) + "。");
    d.paragraph(methodText(v.normalisation, "所有客户"));
    d.paragraph(kMissingRule);
    d.paragraph(
        "不可信的数据会被标记并排除：负数交易金额和 10^15 及以上的金额不计入，负数的收入视为"
        "缺失。负数的潜力不被接受：导入会停止，并指出需要更正的文件、行和列。完全没有交易时，"
        "所有客户的近度和频次都不计入。");
}

void difficultySection(const Context& c, Document& d) {
    const DifficultyPolicy& p = c.policy.difficulty;
    d.heading(2, "4. 客户难度 D（0 到 100）");
    d.paragraph(
        "D 衡量客户带来的工作量和麻烦程度。它是一种负担，与价值分开计算：公平规则把它当作"
        "需要分摊的任务。");
    d.table({{"数据", "权重", "含义"},
             {"给定难度", number(p.given), "为客户记录的难度，0 到 100。"},
             {"工作量", number(p.workload), "客户记录的工作量。"},
             {"满意度", number(p.satisfaction), "客户满意度（1 到 5 分）：越低越难。"},
             {"投诉", number(p.complaints), "投诉次数。"},
             {"逾期付款", number(p.latePayments), "逾期付款次数。"}});
    d.paragraph(
        "D =（各项标准化得分 × 实际权重之和）÷（权重之和）。超出范围的数值（难度不在 0 到 "
        "100 之间、满意度不在 1 到 5 之间、工作量或次数为负）不被接受：导入会停止，并指出需要"
        "更正的文件、行和列。");
    d.paragraph(methodText(p.normalisation, "所有客户"));
    d.paragraph(kMissingRule);
}

std::string groupText(PerformanceGroup group) {
    switch (group) {
        case PerformanceGroup::Firm: return "全公司";
        case PerformanceGroup::Team: return "同一团队";
        case PerformanceGroup::Role: return "同一岗位";
    }
    return "全公司";
}

void performanceSection(const Context& c, Document& d) {
    const PerformancePolicy& p = c.policy.performance;
    const std::string ramp = std::to_string(p.rampMonths);
    d.heading(2, "5. 员工绩效 P（0 到 100）");
    d.paragraph("P 把每位员工与" + groupText(p.group) + "的同事比较（比较组 `" + toString(p.group) +
                "`）。系统用户得 0，不参与比较。");
    std::vector<std::vector<std::string>> rows = {
        {"数据", "权重", "含义"},
        {"`sales_12m`", number(p.sales12m), "近 12 个月的销售额。"},
        {"`quota_attainment`", number(p.quotaAttainment), "销售指标完成率。"},
        {"`csat`", number(p.csat), "客户满意度评分。"},
        {"`retention`", number(p.retention), "客户保留率。"},
        {"`review`", number(p.review), "最近一次绩效评估。"}};
    if (p.tenure > 0.0) {
        rows.push_back({"`tenure`", number(p.tenure), "入职以来的整月数。"});
    }
    d.table(std::move(rows));
    if (!(p.tenure > 0.0)) {
        d.paragraph("仅凭资历不得分：司龄的权重为 " + number(p.tenure) + "。");
    }
    d.paragraph(methodText(p.normalisation, "比较组的员工"));
    d.paragraph(kMissingRule);
    d.paragraph("暂定得分：入职不满 " + ramp +
                " 个月或有数据缺失的员工，其得分为暂定。证据度 =（已有数据的绩效权重占比）× "
                "min(1, 入职整月数 ÷ " +
                ramp +
                ")。P = 证据度 × 本人得分 +（1 − 证据度）× 比较组得分的中位数。因此没有数据的"
                "新员工得到比较组的中位数，绝不会是最低分；个人说明会写明得分为何是暂定。");
}

void fitSection(const Context& c, Document& d) {
    const FitPolicy& f = c.policy.fit;
    d.heading(2, "6. 匹配度 F（0 到 1）");
    d.paragraph(
        "F 衡量员工与客户的匹配程度。首先必须满足客户的全部硬性需求；然后按下列加权匹配项"
        "累加：");
    d.table({{"匹配项", "权重", "何时计分"},
             {"偏好", number(f.prefers), "员工具备的客户偏好技能所占比例。"},
             {"行业", number(f.industry), "员工具备技能 `industry:` + 客户所在行业。"},
             {"地区", number(f.region), "员工具备技能 `region:` + 客户所在地区。"},
             {"语言", number(f.language), "员工具备技能 `lang:` + 客户使用的语言。"},
             {"延续性", number(f.continuity),
              "员工以前服务过该客户（有 `served_before` 关系或由其完成的交易）。"}});
    double sum = fitWeightSum(f);
    if (sum <= 0.0) {
        d.paragraph(
            "所有匹配度权重均为 0，因此每位客户与每位员工的 F 都是 "
            "0：匹配度不参与决定由谁接收客户，"
            "完全由各项上限、公平规则和带种子的抽签决定。");
        return;
    }
    d.paragraph("每项权重除以匹配度权重之和（" + number(sum) + "），因此 F 不超过 1。");
}

void entitlementSection(const Context& c, Document& d) {
    const EntitlementPolicy& e = c.policy.entitlement;
    d.heading(2, "7. 应得份额与目标");
    switch (e.mode) {
        case EntitlementMode::Equal:
            d.paragraph("应得份额模式：" + namedCode("entitlement", "equal", "zh-CN") +
                        "。每位可接收客户的员工应得份额相同，w = 1。");
            break;
        case EntitlementMode::Performance:
            d.paragraph("应得份额模式：" + namedCode("entitlement", "performance", "zh-CN") +
                        "。w = max(P, " + number(e.performanceFloor) +
                        ")，因此没有人的应得份额为零。");
            break;
        case EntitlementMode::Blend:
            d.paragraph("应得份额模式：" + namedCode("entitlement", "blend", "zh-CN") +
                        "。w = " + number(e.alpha) + " +（1 − " + number(e.alpha) +
                        "）× P ÷（可接收客户员工的平均 P）。");
            break;
    }
    d.paragraph(
        "你的目标价值 T = w ÷（所有 w 之和）×（释放客户的 V 总和）；你的难度份额 S = w ÷"
        "（所有 w 之和）×（释放客户的 D 总和）。");
    if (e.bookTopUp) {
        d.paragraph(
            "已开启按客户簿补足：T = max(0, w ÷（所有 w 之和）×（释放客户的 V + 所有客户簿的"
            " V）− 你自己客户簿的 V)，再按比例缩放，使目标之和等于释放价值。客户簿较薄的人"
            "会接收更多。");
    }
}

void fairnessSection(const Context& c, Document& d) {
    d.heading(2, "8. 公平保证");
    d.list({"价值（WPROP1）：你接收的价值在最多再加一个释放客户后达到你的目标 T。",
            "难度（WPROP1）：你接收的难度减去你最难的一个新客户后，不超过你的难度份额 S。",
            "如果某条规则使某项保证无法实现（固定分配、只有一人具备的技能、已满额的员工），报告会"
            "指出这条规则。",
            "价值和难度上的嫉妒（WEF1）会在每两位员工之间检查，未通过时给出实例，并报告同时消除"
            "两方面嫉妒所需移除的最少客户数 c。",
            "在满足这些规则的分配中，选择总匹配度最高的一个。平局由种子为 " +
                std::to_string(c.policy.seed) +
                " 的抽签决定：相同的数据、规则和种子总是得到相同的结果。"});
    d.paragraph("V、D、P 保留 4 位小数、F 保留 6 位小数后再进行比较。");
}

void overrideTable(const Context& c, Document& d, const std::vector<PairOverride>& list,
                   const std::string& none) {
    if (list.empty()) {
        d.paragraph(none);
        return;
    }
    std::vector<std::vector<std::string>> rows = {{"客户", "员工", "原因"}};
    for (const PairOverride& o : list) {
        rows.push_back({clientLabel(c.workspace, o.client), employeeLabel(c.workspace, o.employee),
                        o.reason.empty() ? "（未说明）" : literal(o.reason)});
    }
    d.table(std::move(rows));
}

}  // namespace

void buildChinese(const Context& c, Document& d) {
    d.title = c.company.empty() ? "客户交接规则" : "客户交接规则：" + c.company;
    d.heading(1, d.title);
    std::string asOf = c.asOf.empty() ? "最近一次交易的日期（目前还没有交易）" : c.asOf;
    if (!c.asOf.empty() && c.asOfFromData) asOf += "（最近一次交易的日期）";
    d.paragraph("规则版本 " + std::to_string(c.policy.version) + "，评估日 " + asOf + "。");
    d.paragraph(
        "这些规则决定由谁接手离职同事的客户，在本轮交接中保持不变。每位员工都可以查看自己"
        "得分背后的数据，并可在异议期结束前提出申诉。");
    releasedSection(c, d);
    eligibilitySection(c, d);
    valueSection(c, d);
    difficultySection(c, d);
    performanceSection(c, d);
    fitSection(c, d);
    entitlementSection(c, d);
    fairnessSection(c, d);
    d.heading(2, "9. 固定分配与禁止分配");
    d.paragraph("固定分配把客户指定给某位员工；禁止分配使二者不配对。");
    d.heading(3, "固定分配");
    overrideTable(c, d, c.policy.pins, "没有固定分配。");
    d.heading(3, "禁止分配");
    overrideTable(c, d, c.policy.forbids, "没有禁止分配。");
}

}  // namespace baton::rules
