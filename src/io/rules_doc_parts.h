// Internal parts of the rules document: a small block model that both languages fill
// and both formats render. Not part of the public API.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace baton::rules {

enum class BlockKind { Heading, Paragraph, List, Table };

// Text in a block is plain text in which `backticks` mark code (identifiers, skills).
// Text that comes from the workspace goes through literal() first.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 1;
    std::string text;
    std::vector<std::string> items;
    std::vector<std::vector<std::string>> rows;  // the first row is the header
};

struct Document {
    std::string lang;  // "en" or "zh-CN"
    std::string title;
    std::vector<Block> blocks;

    void heading(int level, std::string text);
    void paragraph(std::string text);
    void list(std::vector<std::string> items);
    void table(std::vector<std::vector<std::string>> rows);
};

// The inputs both languages share besides the policy.
struct Context {
    const Policy& policy;
    const Workspace& workspace;
    std::string company;        // literal() applied
    std::string asOf;           // "YYYY-MM-DD", empty when there is none
    bool asOfFromData = false;  // true when as_of is the latest transaction date
};

// Formats a number with at most 6 decimals and no trailing zeros: 0.15, 365, 1e15 as
// 1000000000000000.
std::string number(double x);

// The sum of the fit weights that count, as the fit applies them: a negative or
// non-finite weight counts as 0.
double fitWeightSum(const FitPolicy& fit);

// Makes workspace text safe to embed: a backtick in it is kept as a character and
// never starts code.
std::string literal(const std::string& text);

// Returns "C0042 (Name)" for an id that the workspace has, else the id alone. The id is
// also alone when the name is empty or the same as the id.
std::string clientLabel(const Workspace& workspace, const std::string& id);
std::string employeeLabel(const Workspace& workspace, const std::string& id);

void buildEnglish(const Context& context, Document& document);
void buildChinese(const Context& context, Document& document);

std::string renderMarkdown(const Document& document);
std::string renderHtml(const Document& document);

}  // namespace baton::rules
