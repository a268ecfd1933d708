// Name tables for generated people and clients, and the generator's small draws.
#include <algorithm>
#include <cmath>

#include "core/generator_parts.h"

namespace baton::generator {

namespace {

const std::vector<std::string> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
    "邓", "曹", "彭", "曾", "萧", "田", "董", "袁", "潘", "蒋", "蔡", "余"};
const std::vector<std::string> kGivenNames = {
    "婷",   "磊",   "鹏",   "翔",   "伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "军",
    "洋",   "勇",   "艳",   "杰",   "娟",   "涛",   "明",   "超",   "秀英", "晓东", "文博", "思远",
    "雨桐", "子涵", "浩然", "欣怡", "建国", "海燕", "志强", "嘉怡", "俊杰", "佳琪", "宇航", "梦琪",
    "晨曦", "一鸣", "雪梅", "国华", "立新", "春燕", "明轩", "诗涵", "天佑"};
const std::vector<std::string> kFirstNames = {
    "Emma", "Liam",  "Olivia", "Noah",   "Ava",   "James", "Sophia", "Lucas",
    "Mia",  "Ethan", "Chloe",  "Daniel", "Grace", "Henry", "Isla",   "Jack",
    "Nora", "Oscar", "Ruby",   "Samuel", "Zoe",   "Adam",  "Hannah", "Leo"};
const std::vector<std::string> kLastNames = {
    "Carter", "Nguyen", "Patel",  "Müller", "Smith",  "Brown",   "Wilson", "Taylor",
    "Clarke", "Walker", "Wright", "Hughes", "Foster", "Bennett", "Reyes",  "Kowalski",
    "Okafor", "Larsen", "Moreau", "Jensen", "Tan",    "Lim",     "Wong",   "Chen"};

const std::vector<std::string> kCities = {"深圳", "上海", "北京", "杭州", "广州", "苏州", "南京",
                                          "成都", "武汉", "厦门", "宁波", "青岛", "天津", "重庆",
                                          "西安", "长沙", "佛山", "东莞", "无锡", "合肥"};
const std::vector<std::string> kBrandSyllables = {
    "鑫", "垚", "华", "恒", "宏", "盛", "达", "远", "泰", "鼎", "嘉", "瑞",
    "丰", "汇", "佳", "和", "信", "诚", "润", "金", "天", "宇", "星", "海",
    "博", "新", "安", "康", "晟", "源", "腾", "凯", "联", "创", "誉", "隆"};
const std::vector<std::string> kChineseSuffixes = {"有限公司", "有限公司", "有限公司",
                                                   "股份有限公司", "集团有限公司"};
const std::vector<std::string> kEnglishBrands = {
    "Northwind", "Bluepeak", "Harbor",   "Summit",     "Evergreen", "Redwood",  "Silverline",
    "Atlas",     "Pioneer",  "Lakeside", "Brightway",  "Keystone",  "Meridian", "Oakridge",
    "Crescent",  "Granite",  "Horizon",  "Lighthouse", "Westbrook", "Fairfield"};
const std::vector<std::string> kEnglishSuffixes = {"Ltd", "Ltd", "Co.", "Inc.", "Group", "Limited"};
const std::vector<std::string> kJapaneseFamilies = {"山田", "佐藤", "高橋", "田中",
                                                    "中村", "小林", "渡辺", "伊藤"};
const std::vector<std::string> kJapaneseTrades = {"商事", "工業", "物産", "精機", "電子"};

const std::vector<std::string> kChineseNotes = {
    "对接人习惯用微信沟通，周五下午不便联系。", "每季度末对账，发票需提前一周寄出。",
    "年底有扩产计划，可重点跟进设备采购。",     "财务审批流程较长，付款通常在60天左右。",
    "老板重视交期，交货前务必电话确认。",       "去年因物流延误有过投诉，需保持主动沟通。"};
const std::vector<std::string> kEnglishNotes = {
    "Buyer prefers email; quarterly review in March.", "Pays on 60-day terms; send invoices early.",
    "Expanding to a second site next year: follow up on the tender.",
    "Raised a complaint about a late delivery last spring.",
    "Decision maker is the operations director, not purchasing."};
const std::vector<std::string> kJapaneseNotes = {"連絡は日本語のメールで。月末締め翌月払い。"};

// The word an industry adds to a company name, in Chinese and in English.
struct IndustryWords {
    const char* industry;
    std::vector<std::string> chinese;
    std::vector<std::string> english;
};

const std::vector<IndustryWords> kIndustryWords = {
    {"retail", {"贸易", "商贸", "百货"}, {"Trading", "Retail", "Stores"}},
    {"manufacturing", {"机械", "制造", "精密"}, {"Manufacturing", "Machinery", "Industries"}},
    {"logistics", {"物流", "供应链", "运输"}, {"Logistics", "Freight", "Supply Chain"}},
    {"healthcare", {"医疗器械", "医药", "健康科技"}, {"Medical", "Health", "Pharma"}},
    {"finance", {"投资", "融资租赁", "资产管理"}, {"Capital", "Leasing", "Partners"}},
    {"education", {"教育科技", "培训", "文化传媒"}, {"Learning", "Education", "Academy"}},
    {"hospitality", {"酒店管理", "餐饮", "旅游"}, {"Hospitality", "Hotels", "Catering"}},
    {"construction", {"建设工程", "建材", "装饰"}, {"Builders", "Construction", "Materials"}},
    {"technology", {"科技", "信息技术", "软件"}, {"Systems", "Technologies", "Software"}},
};

const IndustryWords& wordsFor(const std::string& industry) {
    for (const IndustryWords& words : kIndustryWords) {
        if (industry == words.industry) return words;
    }
    return kIndustryWords.front();
}

}  // namespace

SplitMix64 streamFor(std::uint64_t seed, Phase phase) {
    SplitMix64 mixer(seed ^ (static_cast<std::uint64_t>(phase) * 0xD1B54A32D192ED03ull));
    return SplitMix64(mixer.next());
}

std::string paddedId(char prefix, long long number, int width) {
    std::string digits = std::to_string(number);
    if (static_cast<int>(digits.size()) < width) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return std::string(1, prefix) + digits;
}

int idWidth(long long count, int minimum) {
    return std::max(minimum, static_cast<int>(std::to_string(count).size()));
}

std::string skillValue(const std::vector<std::string>& skills, const std::string& prefix) {
    for (const std::string& skill : skills) {
        if (skill.size() > prefix.size() + 1 && skill.compare(0, prefix.size(), prefix) == 0 &&
            skill[prefix.size()] == ':') {
            return skill.substr(prefix.size() + 1);
        }
    }
    return "";
}

int between(SplitMix64& rng, int low, int high) {
    return low + static_cast<int>(rng.below(static_cast<std::uint64_t>(high - low + 1)));
}

bool chance(SplitMix64& rng, double probability) {
    return unit(rng) < probability;
}

double roundToStep(double x, double step) {
    // floor, * and / are correctly rounded IEEE operations, so this rounds the same
    // everywhere. A step below 1 is applied as a division by its whole inverse, so that
    // 3.8 comes out as the double nearest 3.8 and not 38 * 0.1.
    double inverse = step < 1.0 ? std::floor(1.0 / step + 0.5) : 1.0;
    double scaled = step < 1.0 ? x * inverse : x / step;
    double rounded = scaled < 0 ? -std::floor(-scaled + 0.5) : std::floor(scaled + 0.5);
    return step < 1.0 ? rounded / inverse : rounded * step;
}

// Each draw is its own statement: the operands of one + are evaluated in an unspecified
// order, which differs between compilers and would change the names.
std::string personName(SplitMix64& rng, bool chinese) {
    if (chinese) {
        std::string surname = pickOne(rng, kSurnames);
        return surname + pickOne(rng, kGivenNames);
    }
    std::string first = pickOne(rng, kFirstNames);
    return first + " " + pickOne(rng, kLastNames);
}

std::string clientName(SplitMix64& rng, const std::string& language, const std::string& industry) {
    const IndustryWords& words = wordsFor(industry);
    if (language == "ja") {
        std::string family = pickOne(rng, kJapaneseFamilies);
        return "株式会社" + family + pickOne(rng, kJapaneseTrades);
    }
    if (language == "en") {
        std::string brand = pickOne(rng, kEnglishBrands);
        std::string trade = pickOne(rng, words.english);
        return brand + " " + trade + " " + pickOne(rng, kEnglishSuffixes);
    }
    std::string city = pickOne(rng, kCities);
    std::string brand = pickOne(rng, kBrandSyllables);
    std::string second = pickOne(rng, kBrandSyllables);
    if (second == brand) second = pickOne(rng, kBrandSyllables);
    std::string trade = pickOne(rng, words.chinese);
    return city + brand + second + trade + pickOne(rng, kChineseSuffixes);
}

std::string clientNote(SplitMix64& rng, const std::string& language) {
    if (!chance(rng, 0.25)) return "";
    if (language == "ja") return pickOne(rng, kJapaneseNotes);
    if (language == "en") return pickOne(rng, kEnglishNotes);
    return pickOne(rng, kChineseNotes);
}

const std::vector<std::string>& industries() {
    static const std::vector<std::string> kList = {"retail",      "manufacturing", "logistics",
                                                   "healthcare",  "finance",       "education",
                                                   "hospitality", "construction",  "technology"};
    return kList;
}

const std::vector<std::string>& regions() {
    static const std::vector<std::string> kList = {"east", "west", "north", "south"};
    return kList;
}

const std::vector<std::string>& products() {
    static const std::vector<std::string> kList = {"erp", "crm", "cloud", "payroll", "analytics"};
    return kList;
}

}  // namespace baton::generator
