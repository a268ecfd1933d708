#include "io/rules_doc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string_view>

#include "core/dates.h"
#include "core/evaluation.h"
#include "io/rules_doc_parts.h"

namespace baton {

namespace rules {

namespace {

// Stands for a backtick that came from the workspace, so that it never opens code.
constexpr char kLiteralBacktick = '\x1F';

std::string escapeMarkdownText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == kLiteralBacktick) {
            out += "\\`";
        } else if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string escapeHtmlText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case kLiteralBacktick: out += '`'; break;
            default: out += c;
        }
    }
    return out;
}

// Renders text in which `backticks` mark code, escaping the rest for the format.
std::string inlineText(const std::string& text, bool html) {
    std::string out;
    std::size_t start = 0;
    bool code = false;
    while (start <= text.size()) {
        std::size_t end = text.find('`', start);
        if (end == std::string::npos) end = text.size();
        const std::string part = text.substr(start, end - start);
        if (code) {
            out += html ? "<code>" + escapeHtmlText(part) + "</code>" : "`" + part + "`";
        } else {
            out += html ? escapeHtmlText(part) : escapeMarkdownText(part);
        }
        code = !code;
        start = end + 1;
    }
    return out;
}

std::string markdownTable(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "|";
        for (const std::string& cell : rows[r]) {
            out += ' ';
            out += inlineText(cell, false);
            out += " |";
        }
        out += "\n";
        if (r == 0) {
            out += "|";
            for (std::size_t c = 0; c < rows[0].size(); ++c) out += " --- |";
            out += "\n";
        }
    }
    return out;
}

std::string htmlTable(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "<table>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const char* cell = r == 0 ? "th" : "td";
        out += "<tr>";
        for (const std::string& text : rows[r]) {
            out += std::string("<") + cell + ">" + inlineText(text, true) + "</" + cell + ">";
        }
        out += "</tr>\n";
    }
    return out + "</table>\n";
}

}  // namespace

void Document::heading(int level, std::string text) {
    Block block;
    block.kind = BlockKind::Heading;
    block.level = level;
    block.text = std::move(text);
    blocks.push_back(std::move(block));
}

void Document::paragraph(std::string text) {
    Block block;
    block.kind = BlockKind::Paragraph;
    block.text = std::move(text);
    blocks.push_back(std::move(block));
}

void Document::list(std::vector<std::string> items) {
    Block block;
    block.kind = BlockKind::List;
    block.items = std::move(items);
    blocks.push_back(std::move(block));
}

void Document::table(std::vector<std::vector<std::string>> rows) {
    Block block;
    block.kind = BlockKind::Table;
    block.rows = std::move(rows);
    blocks.push_back(std::move(block));
}

std::string number(double x) {
    if (!std::isfinite(x)) return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", roundTo(x, 6));
    std::string text = buffer;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
}

double fitWeightSum(const FitPolicy& fit) {
    double sum = 0.0;
    for (double w : {fit.prefers, fit.industry, fit.region, fit.language, fit.continuity}) {
        if (std::isfinite(w) && w > 0.0) sum += w;
    }
    return sum;
}

std::string literal(const std::string& text) {
    std::string out = text;
    for (char& c : out) {
        if (c == '`') c = kLiteralBacktick;
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return out;
}

namespace {

// "id (name)", or the id alone when the name is empty or the same text, as in CRM exports
// that use each name as its id.
std::string idWithName(const std::string& id, const std::string& name) {
    if (name.empty() || name == id) return literal(id);
    return literal(id) + " (" + literal(name) + ")";
}

}  // namespace

std::string clientLabel(const Workspace& workspace, const std::string& id) {
    int index = workspace.findClient(id);
    if (index < 0) return literal(id);
    return idWithName(id, workspace.clients[std::size_t(index)].name);
}

std::string employeeLabel(const Workspace& workspace, const std::string& id) {
    int index = workspace.findEmployee(id);
    if (index < 0) return literal(id);
    return idWithName(id, workspace.employees[std::size_t(index)].name);
}

std::string renderMarkdown(const Document& document) {
    std::string out;
    for (const Block& block : document.blocks) {
        if (!out.empty()) out += "\n";
        switch (block.kind) {
            case BlockKind::Heading:
                out += std::string(std::size_t(std::clamp(block.level, 1, 6)), '#') + " " +
                       inlineText(block.text, false) + "\n";
                break;
            case BlockKind::Paragraph: out += inlineText(block.text, false) + "\n"; break;
            case BlockKind::List:
                for (const std::string& item : block.items) {
                    out += "- ";
                    out += inlineText(item, false);
                    out += '\n';
                }
                break;
            case BlockKind::Table: out += markdownTable(block.rows); break;
        }
    }
    return out;
}

std::string renderHtml(const Document& document) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + escapeHtmlText(document.lang) + "\">\n";
    out += "<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + inlineText(document.title, true) + "</title>\n";
    out +=
        "<style>\n"
        "body { font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; "
        "padding: 0 1em; line-height: 1.5; }\n"
        "table { border-collapse: collapse; margin: 0.5em 0; }\n"
        "th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: left; "
        "vertical-align: top; }\n"
        "code { background: #f2f2f2; padding: 0 0.2em; }\n"
        "</style>\n</head>\n<body>\n";
    for (const Block& block : document.blocks) {
        switch (block.kind) {
            case BlockKind::Heading: {
                const char level = static_cast<char>('0' + std::clamp(block.level, 1, 6));
                out += "<h";
                out += level;
                out += '>';
                out += inlineText(block.text, true);
                out += "</h";
                out += level;
                out += ">\n";
                break;
            }
            case BlockKind::Paragraph:
                out += "<p>" + inlineText(block.text, true) + "</p>\n";
                break;
            case BlockKind::List:
                out += "<ul>\n";
                for (const std::string& item : block.items) {
                    out += "<li>" + inlineText(item, true) + "</li>\n";
                }
                out += "</ul>\n";
                break;
            case BlockKind::Table: out += htmlTable(block.rows); break;
        }
    }
    return out + "</body>\n</html>\n";
}

}  // namespace rules

std::optional<std::string> canonicalRulesLanguage(const std::string& lang) {
    if (lang == "en") return std::string("en");
    if (lang == "zh-CN" || lang == "zh") return std::string("zh-CN");
    return std::nullopt;
}

bool isRulesFormat(const std::string& format) {
    return format == "md" || format == "html";
}

std::string rulesDocument(const Policy& policy, const Workspace& workspace, const std::string& lang,
                          const std::string& format) {
    std::optional<std::string> language = canonicalRulesLanguage(lang);
    if (!language) {
        throw std::invalid_argument("invalid language \"" + lang + "\": use en or zh-CN");
    }
    if (!isRulesFormat(format)) {
        throw std::invalid_argument("invalid format \"" + format + "\": use md or html");
    }
    std::string company;
    if (workspace.company.is_object() && workspace.company.contains("name") &&
        workspace.company["name"].is_string()) {
        company = rules::literal(workspace.company["name"].get<std::string>());
    }
    rules::Context context{policy, workspace, company, "", false};
    if (std::optional<long long> day = effectiveAsOfDay(workspace, policy)) {
        context.asOf = formatIsoDate(*day);
        context.asOfFromData = !policy.asOf || !parseIsoDate(*policy.asOf);
    }
    rules::Document document;
    document.lang = *language;
    if (*language == "zh-CN") {
        rules::buildChinese(context, document);
    } else {
        rules::buildEnglish(context, document);
    }
    return format == "html" ? rules::renderHtml(document) : rules::renderMarkdown(document);
}

}  // namespace baton
