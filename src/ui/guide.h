// The user guide: docs/guide.en.md and docs/guide.zh-CN.md, read at run time and parsed
// into blocks that the Help window draws. The parser knows the Markdown the guide uses:
// "#" and "##" headings, paragraphs, "- " bullets, pipe tables, **bold** and `code`
// (drawn as plain text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace baton::ui {

struct GuideBlock {
    enum class Kind { Title, Heading, Paragraph, Bullet, TableRow };
    Kind kind = Kind::Paragraph;
    std::string text;                // Title, Heading, Paragraph, Bullet
    std::vector<std::string> cells;  // TableRow; the header row comes first
};

// Parses the guide's Markdown. Inline markers are removed; lines of one paragraph or
// bullet are joined with a space, except next to a CJK character.
std::vector<GuideBlock> parseGuide(std::string_view markdown);

// The guide file for a UI language tag ("en" or "zh-CN") inside `folder`.
std::string guidePath(const std::string& folder, std::string_view locale);

}  // namespace baton::ui
