#include "io/mapping.h"

#include <algorithm>
#include <cctype>

#include "io/json_fields.h"
#include "io/name_suggest.h"

namespace baton {

using nlohmann::json;
using json_fields::pointerJoin;

namespace {

const std::vector<FieldSpec> kEmployeeFields = {
    {"id", FieldKind::Id},           {"name", FieldKind::Text},
    {"team", FieldKind::Text},       {"role", FieldKind::Text},
    {"hired", FieldKind::Date},      {"status", FieldKind::Choice},
    {"last_day", FieldKind::Date},   {"max_clients", FieldKind::Number},
    {"max_workload", FieldKind::Number}, {"skills", FieldKind::List},
    {"sales_12m", FieldKind::Number}, {"quota_attainment", FieldKind::Number},
    {"csat", FieldKind::Number},     {"retention", FieldKind::Number},
    {"review", FieldKind::Number},    {"kind", FieldKind::Choice},
};

const std::vector<FieldSpec> kClientFields = {
    {"id", FieldKind::Id},
    {"name", FieldKind::Text},
    {"owner", FieldKind::Id},
    {"industry", FieldKind::Text},
    {"region", FieldKind::Text},
    {"language", FieldKind::Text},
    {"tier", FieldKind::Text},
    {"revenue_12m", FieldKind::Number},
    {"potential", FieldKind::Number},
    {"workload", FieldKind::Number},
    {"difficulty", FieldKind::Number},
    {"satisfaction", FieldKind::Number},
    {"complaints", FieldKind::Number},
    {"late_payments", FieldKind::Number},
    {"key_account", FieldKind::Bool},
    {"needs", FieldKind::List},
    {"prefers", FieldKind::List},
    {"notes", FieldKind::Text},
};

const std::vector<FieldSpec> kTransactionFields = {
    {"client", FieldKind::Id},      {"date", FieldKind::Date},
    {"amount", FieldKind::Number},  {"employee", FieldKind::Id},
    {"quantity", FieldKind::Number}, {"price", FieldKind::Number},
    {"product", FieldKind::Text},
};

const std::vector<FieldSpec> kDealFields = {
    {"id", FieldKind::Id},          {"client", FieldKind::Id},
    {"employee", FieldKind::Id},    {"stage", FieldKind::Choice},
    {"amount", FieldKind::Number},  {"expected_close", FieldKind::Date},
    {"close_date", FieldKind::Date}, {"product", FieldKind::Text},
};

const std::vector<FieldSpec> kRelationshipFields = {
    {"employee", FieldKind::Id},
    {"client", FieldKind::Id},
    {"kind", FieldKind::Choice},
};

using Synonyms = std::vector<std::pair<const char*, std::vector<const char*>>>;

// Known header names per field, normalised (see normaliseHeader), most specific first.
const std::vector<const char*> kClientRef = {
    "clientid", "customerid", "accountid", "client", "customer", "account", "clientname",
    "customername", "accountname", "company", "客户id", "客户编号", "客户代码", "客户",
    "客户名称", "客户名", "公司", "公司名称", "单位"};
const std::vector<const char*> kEmployeeRef = {
    "employeeid", "employee", "salesagent", "salesrep", "agent", "rep", "owner",
    "accountowner", "salesperson", "负责人", "销售", "业务员", "销售员", "经办人",
    "客户经理", "归属人", "员工", "员工姓名"};

const Synonyms kEmployeeSynonyms = {
    {"id", {"employeeid", "staffid", "id", "工号", "员工编号", "员工id", "编号"}},
    {"name", {"name", "employeename", "employee", "salesagent", "agent", "salesrep",
              "salesperson", "姓名", "员工", "员工姓名", "销售", "业务员", "销售员", "负责人"}},
    {"team", {"team", "regionaloffice", "office", "department", "部门", "团队", "小组"}},
    {"role", {"role", "title", "position", "jobtitle", "职位", "岗位"}},
    {"hired", {"hired", "hiredate", "startdate", "入职日期", "入职时间"}},
    {"status", {"status", "状态", "在职状态"}},
    {"last_day", {"lastday", "leavedate", "enddate", "离职日期"}},
    {"max_clients", {"maxclients", "最大客户数"}},
    {"max_workload", {"maxworkload"}},
    {"skills", {"skills", "技能"}},
    {"sales_12m", {"sales12m", "近12个月销售额"}},
    {"quota_attainment", {"quotaattainment", "quota", "完成率", "指标完成率"}},
    {"csat", {"csat", "满意度"}},
    {"retention", {"retention", "留存率"}},
    {"review", {"review", "rating", "绩效", "考评"}},
    {"kind", {"kind", "employeekind", "accountkind", "账号类型", "账户类型"}},
};

const Synonyms kClientSynonyms = {
    {"id", {"clientid", "customerid", "accountid", "id", "客户id", "客户编号", "客户代码",
            "编号"}},
    {"name", {"name", "clientname", "customername", "accountname", "client", "customer",
              "account", "company", "客户", "客户名称", "客户名", "公司", "公司名称", "姓名",
              "名称"}},
    {"owner", {"owner", "accountowner", "salesagent", "salesrep", "rep", "负责人", "销售",
               "业务员", "销售员", "客户经理", "归属人"}},
    {"industry", {"industry", "sector", "行业", "所属行业"}},
    {"region", {"region", "officelocation", "location", "city", "area", "地区", "区域",
                "城市", "省份"}},
    {"language", {"language", "语言"}},
    {"tier", {"tier", "grade", "level", "class", "等级", "级别", "客户等级"}},
    {"revenue_12m", {"revenue12m", "sales12m", "近12个月销售额", "近12月销售额", "近12个月收入",
                     "近12月收入", "年销售额", "年收入", "营业收入", "销售额", "营收", "收入"}},
    {"potential", {"potential", "潜力", "潜在价值"}},
    {"workload", {"workload", "工作量"}},
    {"difficulty", {"difficulty", "难度"}},
    {"satisfaction", {"satisfaction", "csat", "满意度"}},
    {"complaints", {"complaints", "投诉", "投诉次数"}},
    {"late_payments", {"latepayments", "逾期", "逾期次数"}},
    {"key_account", {"keyaccount", "大客户", "重点客户"}},
    {"needs", {"needs", "需求"}},
    {"prefers", {"prefers", "偏好"}},
    {"notes", {"notes", "note", "remarks", "comment", "备注", "说明"}},
};

const Synonyms kTransactionSynonyms = {
    {"client", kClientRef},
    {"date", {"date", "orderdate", "closedate", "transactiondate", "invoicedate", "日期",
              "订货日期", "订单日期", "销售日期", "成交日期", "交易日期", "下单日期"}},
    {"amount", {"amount", "value", "closevalue", "total", "sales", "revenue", "金额",
                "销售额", "总额", "总金额", "成交金额", "订单金额", "销售金额"}},
    {"employee", kEmployeeRef},
    {"quantity", {"quantity", "qty", "数量", "销售数量", "订货数量"}},
    {"price", {"price", "unitprice", "售价", "单价", "价格"}},
    {"product", {"product", "item", "sku", "商品", "商品名称", "产品", "产品名称"}},
};

const Synonyms kDealSynonyms = {
    {"id", {"dealid", "opportunityid", "id", "商机编号", "商机id", "编号"}},
    {"client", kClientRef},
    {"employee", kEmployeeRef},
    {"stage", {"stage", "dealstage", "status", "阶段", "商机阶段", "状态"}},
    {"amount", {"amount", "closevalue", "value", "dealvalue", "金额", "商机金额"}},
    {"expected_close", {"expectedclose", "expectedclosedate", "预计成交日期"}},
    {"close_date", {"closedate", "成交日期", "关闭日期"}},
    {"product", {"product", "item", "商品", "商品名称", "产品", "产品名称"}},
};

const Synonyms kRelationshipSynonyms = {
    {"employee", kEmployeeRef},
    {"client", kClientRef},
    {"kind", {"kind", "type", "relationship", "关系", "关系类型"}},
};

// Headers that name the record itself, as "client" in a clients table. Beside a column
// that gives the name, such a column gives the id, as the "client" column of a
// transactions table gives a client's id.
const std::vector<const char*> kClientSelf = {"client", "customer", "account"};
const std::vector<const char*> kEmployeeSelf = {"employee"};

const Synonyms& synonymsOf(Entity entity) {
    switch (entity) {
        case Entity::Employees: return kEmployeeSynonyms;
        case Entity::Clients: return kClientSynonyms;
        case Entity::Transactions: return kTransactionSynonyms;
        case Entity::Deals: return kDealSynonyms;
        case Entity::Relationships: return kRelationshipSynonyms;
    }
    return kEmployeeSynonyms;
}

std::string fieldList(Entity entity) {
    std::string names;
    for (const FieldSpec& f : fieldsOf(entity)) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

}  // namespace

const char* entityName(Entity entity) {
    switch (entity) {
        case Entity::Employees: return "employees";
        case Entity::Clients: return "clients";
        case Entity::Transactions: return "transactions";
        case Entity::Deals: return "deals";
        case Entity::Relationships: return "relationships";
    }
    return "";
}

std::optional<Entity> parseEntity(std::string_view name) {
    for (Entity e : {Entity::Employees, Entity::Clients, Entity::Transactions, Entity::Deals,
                     Entity::Relationships}) {
        if (name == entityName(e)) return e;
    }
    return std::nullopt;
}

const std::vector<FieldSpec>& fieldsOf(Entity entity) {
    switch (entity) {
        case Entity::Employees: return kEmployeeFields;
        case Entity::Clients: return kClientFields;
        case Entity::Transactions: return kTransactionFields;
        case Entity::Deals: return kDealFields;
        case Entity::Relationships: return kRelationshipFields;
    }
    return kEmployeeFields;
}

const FieldSpec* findField(Entity entity, std::string_view name) {
    for (const FieldSpec& f : fieldsOf(entity)) {
        if (name == f.name) return &f;
    }
    return nullptr;
}

std::string normaliseHeader(std::string_view header) {
    std::string out;
    for (char c : header) {
        if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

namespace {

// The first column not yet used whose normalised header names the record itself.
std::optional<std::size_t> selfColumn(Entity entity, const std::vector<std::string>& normalised,
                                      const std::vector<bool>& used) {
    if (entity != Entity::Clients && entity != Entity::Employees) return std::nullopt;
    const std::vector<const char*>& names = entity == Entity::Clients ? kClientSelf : kEmployeeSelf;
    for (std::size_t i = 0; i < normalised.size(); ++i) {
        if (used[i]) continue;
        for (const char* name : names) {
            if (normalised[i] == name) return i;
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> knownHeaders(Entity entity, std::string_view field) {
    for (const auto& [name, headers] : synonymsOf(entity)) {
        if (field == name) return std::vector<std::string>(headers.begin(), headers.end());
    }
    return {};
}

bool namesRecordItself(Entity entity, std::string_view header) {
    std::vector<bool> unused(1, false);
    return selfColumn(entity, {normaliseHeader(header)}, unused).has_value();
}

std::map<std::string, std::string> suggestColumns(Entity entity,
                                                  const std::vector<std::string>& header) {
    std::vector<std::string> normalised;
    for (const std::string& h : header) normalised.push_back(normaliseHeader(h));
    std::vector<bool> used(header.size(), false);
    std::map<std::string, std::string> columns;
    for (const auto& [field, names] : synonymsOf(entity)) {
        std::string_view fieldName = field;
        bool sharesWithId = fieldName == "name" && columns.count("id");
        for (const char* name : names) {
            auto at = std::find(normalised.begin(), normalised.end(), name);
            if (at == normalised.end()) continue;
            std::size_t index = static_cast<std::size_t>(at - normalised.begin());
            if (used[index] && !(sharesWithId && header[index] == columns["id"])) continue;
            columns[field] = header[index];
            used[index] = true;
            break;
        }
    }
    bool named = columns.count("name") > 0, identified = columns.count("id") > 0;
    bool hasIdAndName = findField(entity, "id") && findField(entity, "name");
    if (hasIdAndName && named && !identified) {
        std::optional<std::size_t> self = selfColumn(entity, normalised, used);
        columns["id"] = self ? header[*self] : columns["name"];
    }
    if (hasIdAndName && identified && !named) columns["name"] = columns["id"];
    return columns;
}

namespace {

class MappingReader {
public:
    explicit MappingReader(std::vector<JsonError>& errors) : m_errors(errors) {}

    void error(const std::string& path, std::string message) {
        m_errors.push_back(JsonError{path, std::nullopt, std::nullopt, std::move(message)});
    }

    std::optional<std::string> text(const json& object, const char* key, const std::string& at,
                                    std::initializer_list<const char*> allowed) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        std::string path = pointerJoin(at, key);
        if (!it->is_string()) {
            error(path, "expected a string, got " + json_fields::describeType(*it));
            return std::nullopt;
        }
        std::string value = it->get<std::string>();
        if (allowed.size() == 0) return value;
        std::string names;
        for (const char* a : allowed) {
            if (value == a) return value;
            names += (names.empty() ? "\"" : ", \"") + std::string(a) + "\"";
        }
        error(path, "\"" + value + "\" is not one of " + names);
        return std::nullopt;
    }

    void unknownName(const std::string& path, const std::string& what, const std::string& name,
                     const std::vector<std::string>& known, const std::string& advice);
    void table(Entity entity, const json& object, const std::string& at, TableMapping& out);
    void derive(const json& object, const std::string& at, Mapping& out);
    void header(const json& doc);
    void document(const json& doc, Mapping& out);

private:
    std::vector<JsonError>& m_errors;
};

// Records "WHAT; ADVICE" for a name that is not one of `known`, or for a near miss of a
// known name "WHAT; did you mean "NAME"? ADVICE", with the advice's first letter in capitals.
void MappingReader::unknownName(const std::string& path, const std::string& what,
                                const std::string& name, const std::vector<std::string>& known,
                                const std::string& advice) {
    std::optional<std::string> near = NameSuggester(known).suggest(name);
    if (!near) {
        error(path, what + "; " + advice);
        return;
    }
    std::string sentence = advice;
    if (!sentence.empty()) {
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    }
    error(path, what + "; did you mean \"" + *near + "\"? " + sentence);
}

void MappingReader::table(Entity entity, const json& object, const std::string& at,
                          TableMapping& out) {
    if (!object.is_object()) {
        error(at, "expected an object, got " + json_fields::describeType(object));
        return;
    }
    const std::vector<std::string> keys = {"encoding", "delimiter", "decimal", "sheet", "columns"};
    for (const auto& [key, value] : object.items()) {
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        unknownName(pointerJoin(at, key), "unknown key", key, keys,
                    "a table takes encoding, delimiter, decimal, sheet and columns");
    }
    if (auto e = text(object, "encoding", at, {"auto", "utf-8", "utf-16", "gb18030"})) {
        out.encoding = *e;
    }
    if (auto d = text(object, "delimiter", at, {",", ";", "\t"})) out.delimiter = (*d)[0];
    if (auto d = text(object, "decimal", at, {"auto", ".", ","})) out.decimal = *d;
    if (auto s = text(object, "sheet", at, {})) out.sheet = *s;
    auto columns = object.find("columns");
    if (columns == object.end()) return;
    std::string path = pointerJoin(at, "columns");
    if (!columns->is_object()) {
        error(path, "expected an object of field: header, got " +
                        json_fields::describeType(*columns));
        return;
    }
    for (const auto& [field, header] : columns->items()) {
        std::string fieldPath = pointerJoin(path, field);
        if (!findField(entity, field)) {
            std::vector<std::string> fields;
            for (const FieldSpec& f : fieldsOf(entity)) fields.emplace_back(f.name);
            unknownName(fieldPath, "unknown field of " + std::string(entityName(entity)), field,
                        fields, "use one of " + fieldList(entity));
        } else if (!header.is_string() || header.get<std::string>().empty()) {
            error(fieldPath, "expected the header of a column, got " +
                                 json_fields::describeType(header));
        } else {
            out.columns[field] = header.get<std::string>();
        }
    }
}

void MappingReader::derive(const json& object, const std::string& at, Mapping& out) {
    if (!object.is_object()) {
        error(at, "expected an object, got " + json_fields::describeType(object));
        return;
    }
    for (const auto& [key, value] : object.items()) {
        if (key == "owner" || key == "revenue_12m") continue;
        unknownName(pointerJoin(at, key), "unknown key", key, {"owner", "revenue_12m"},
                    "the derive block takes owner and revenue_12m");
    }
    if (auto o = text(object, "owner", at, {"largest_won_value", "most_transactions", "none"})) {
        out.deriveOwner = *o;
    }
    if (auto r = text(object, "revenue_12m", at, {"transactions", "none"})) out.deriveRevenue = *r;
}

// Checks "format" and "version", the members that mark the document as a mapping of the
// version this code reads.
void MappingReader::header(const json& doc) {
    const std::string start =
        "a mapping file starts with \"format\": \"baton-mapping\", \"version\": 1";
    auto format = doc.find("format");
    if (format == doc.end()) {
        error("/format", "missing; " + start);
    } else if (*format != "baton-mapping") {
        error("/format", "expected \"baton-mapping\", found " +
                             json_fields::validUtf8(format->dump()) + "; " + start);
    }
    auto version = doc.find("version");
    if (version == doc.end()) {
        error("/version",
              "missing; add \"version\": 1, the version of the mapping file's own "
              "format that this version of Baton reads");
    } else if (*version != 1) {
        error("/version",
              "version " + json_fields::validUtf8(version->dump()) +
                  " is not a mapping format this version of Baton reads. \"version\" is the "
                  "version of the mapping file's own format, not of your data, and this Baton "
                  "reads version 1: set \"version\": 1, or start again from the suggested "
                  "mapping that an import without a mapping shows");
    }
}

void MappingReader::document(const json& doc, Mapping& out) {
    if (!doc.is_object()) {
        error("", "expected a mapping object, got " + json_fields::describeType(doc));
        return;
    }
    header(doc);
    for (const auto& [key, value] : doc.items()) {
        if (key == "format" || key == "version") continue;
        if (key == "tables") {
            if (!value.is_object()) {
                error("/tables", "expected an object keyed by employees, clients, "
                                 "transactions, deals or relationships");
                continue;
            }
            for (const auto& [name, table] : value.items()) {
                std::string at = pointerJoin("/tables", name);
                std::optional<Entity> entity = parseEntity(name);
                if (!entity) {
                    unknownName(at, "unknown table", name,
                                {"employees", "clients", "transactions", "deals", "relationships"},
                                "use employees, clients, transactions, deals or relationships");
                    continue;
                }
                this->table(*entity, table, at, out.tables[name]);
            }
        } else if (key == "derive") {
            derive(value, "/derive", out);
        } else if (key == "fill_down") {
            if (!value.is_array()) {
                error("/fill_down", "expected an array of headers");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_string()) out.fillDown.push_back(value[i].get<std::string>());
                else error(pointerJoin("/fill_down", i), "expected the header of a column");
            }
        } else {
            unknownName(pointerJoin("", key), "unknown key", key,
                        {"format", "version", "tables", "derive", "fill_down"},
                        "a mapping takes format, version, tables, derive and fill_down");
        }
    }
}

}  // namespace

MappingReadResult readMapping(std::string_view text) {
    MappingReadResult result;
    std::optional<json> doc = parseJsonDocument(text, result.errors);
    if (!doc) return result;
    Mapping mapping;
    MappingReader reader(result.errors);
    reader.document(*doc, mapping);
    if (result.errors.empty()) result.mapping = std::move(mapping);
    return result;
}

json mappingToJson(const Mapping& mapping) {
    json tables = json::object();
    for (const auto& [name, t] : mapping.tables) {
        json columns = json::object();
        for (const auto& [field, header] : t.columns) columns[field] = header;
        tables[name] = {{"encoding", t.encoding},
                        {"delimiter", t.delimiter ? json(std::string(1, *t.delimiter)) : json()},
                        {"decimal", t.decimal},
                        {"sheet", t.sheet.empty() ? json() : json(t.sheet)},
                        {"columns", columns}};
    }
    return {{"format", "baton-mapping"},
            {"version", 1},
            {"tables", tables},
            {"derive", {{"owner", mapping.deriveOwner}, {"revenue_12m", mapping.deriveRevenue}}},
            {"fill_down", mapping.fillDown}};
}

Entity guessEntity(const std::vector<std::string>& header) {
    const Entity order[] = {Entity::Transactions, Entity::Deals, Entity::Clients,
                            Entity::Employees, Entity::Relationships};
    Entity best = Entity::Transactions;
    std::size_t bestCount = 0;
    for (Entity entity : order) {
        std::size_t count = suggestColumns(entity, header).size();
        if (count > bestCount) {
            best = entity;
            bestCount = count;
        }
    }
    return best;
}

}  // namespace baton
