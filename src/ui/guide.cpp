#include "ui/guide.h"

namespace baton::ui {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// Removes the ** and ` markers.
std::string plain(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '`') continue;
        if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

// True when the UTF-8 text starts (or ends) with a character of three or more bytes,
// which in this guide are CJK characters and CJK punctuation.
bool startsWide(std::string_view text) {
    return !text.empty() && static_cast<unsigned char>(text.front()) >= 0xE0;
}
bool endsWide(std::string_view text) {
    std::size_t i = text.size();
    while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
    return i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0xE0;
}

void appendLine(std::string& text, std::string_view line) {
    if (!text.empty() && !endsWide(text) && !startsWide(line)) text += ' ';
    text += line;
}

std::vector<std::string> tableCells(std::string_view line) {
    std::vector<std::string> cells;
    line = trim(line);
    if (!line.empty() && line.front() == '|') line.remove_prefix(1);
    if (!line.empty() && line.back() == '|') line.remove_suffix(1);
    std::size_t start = 0;
    for (;;) {
        std::size_t bar = line.find('|', start);
        cells.push_back(plain(trim(line.substr(start, bar - start))));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return cells;
}

bool isTableSeparator(std::string_view line) {
    return line.find_first_not_of("|-: ") == std::string_view::npos;
}

}  // namespace

std::vector<GuideBlock> parseGuide(std::string_view markdown) {
    std::vector<GuideBlock> blocks;
    // The open paragraph or bullet that following lines continue, if any.
    bool open = false;
    std::size_t start = 0;
    while (start <= markdown.size()) {
        std::size_t end = markdown.find('\n', start);
        if (end == std::string_view::npos) end = markdown.size();
        std::string_view line = trim(markdown.substr(start, end - start));
        start = end + 1;

        if (line.empty()) {
            open = false;
        } else if (line.substr(0, 3) == "## " || line.substr(0, 2) == "# ") {
            bool title = line[1] == ' ';
            blocks.push_back({title ? GuideBlock::Kind::Title : GuideBlock::Kind::Heading,
                              plain(trim(line.substr(title ? 2 : 3))), {}});
            open = false;
        } else if (line.front() == '|') {
            if (!isTableSeparator(line)) {
                blocks.push_back({GuideBlock::Kind::TableRow, "", tableCells(line)});
            }
            open = false;
        } else if (line.substr(0, 2) == "- ") {
            blocks.push_back({GuideBlock::Kind::Bullet, plain(trim(line.substr(2))), {}});
            open = true;
        } else if (open) {
            appendLine(blocks.back().text, plain(line));
        } else {
            blocks.push_back({GuideBlock::Kind::Paragraph, plain(line), {}});
            open = true;
        }
        if (end == markdown.size()) break;
    }
    return blocks;
}

std::string guidePath(const std::string& folder, std::string_view locale) {
    return folder + (locale == "zh-CN" ? "/guide.zh-CN.md" : "/guide.en.md");
}

}  // namespace baton::ui
