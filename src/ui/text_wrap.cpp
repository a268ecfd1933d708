#include "ui/text_wrap.h"

#include <cstdint>

namespace baton::ui {
namespace {

// Decodes the UTF-8 character at `text[i]`, writing its length to `length`. Invalid
// bytes count as one character of one byte.
std::uint32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char first = byte(i);
    length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (i + length > text.size()) length = 1;
    if (length == 1) return first;
    std::uint32_t code = first & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
    return code;
}

bool isWide(std::uint32_t c) { return c >= 0x2E80; }

bool isClosing(std::uint32_t c) {
    constexpr std::uint32_t kClosing[] = {',', '.', ';', ':', '!', '?', ')', ']', 0x2019,
                                          0x201D, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D,
                                          0x300F, 0x3011, 0xFF01, 0xFF09, 0xFF0C, 0xFF1A,
                                          0xFF1B, 0xFF1F, 0x2026};
    for (std::uint32_t k : kClosing) {
        if (c == k) return true;
    }
    return false;
}

bool isOpening(std::uint32_t c) {
    constexpr std::uint32_t kOpening[] = {'(', '[', 0x2018, 0x201C, 0x3008, 0x300A,
                                          0x300C, 0x300E, 0x3010, 0xFF08};
    for (std::uint32_t k : kOpening) {
        if (c == k) return true;
    }
    return false;
}

bool isDigit(std::uint32_t c) {
    return c >= '0' && c <= '9';
}

// The characters around a possible break: `before` and `after` meet there, `lastVisible` is
// the last character before it that is not a space, and `quoted` is true when the break
// would fall inside ASCII double quotes.
struct BreakContext {
    std::uint32_t lastVisible = 0;
    std::uint32_t before = 0;
    std::uint32_t after = 0;
    bool quoted = false;
};

// True when a line may break between `before` and `after` (`after` starts the next line).
bool mayBreak(const BreakContext& at) {
    // A number stays with the measure word after it, with or without a space between.
    if (isDigit(at.lastVisible) && isWide(at.after)) return false;
    if (at.before == ' ') return at.after != ' ';
    if (at.after == ' ' || isClosing(at.after) || isOpening(at.before) || at.quoted) return false;
    return isWide(at.before) || isWide(at.after);
}

std::string_view trimSpaces(std::string_view line) {
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    return line;
}

}  // namespace

std::vector<std::string_view> wrapLines(std::string_view text, float width,
                                        const std::function<float(std::string_view)>& advance) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    std::size_t lastBreak = std::string_view::npos;  // a byte offset where a line may start
    float lineWidth = 0.0f;
    float widthAtBreak = 0.0f;
    BreakContext context;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        std::uint32_t c = decode(text, i, length);
        if (c == '\n') {
            lines.push_back(trimSpaces(text.substr(start, i - start)));
            start = i + 1;
            i = start;
            lastBreak = std::string_view::npos;
            lineWidth = 0.0f;
            context = BreakContext{};
            continue;
        }
        context.after = c;
        if (i > start && mayBreak(context)) {
            lastBreak = i;
            widthAtBreak = lineWidth;
        }
        float charWidth = advance(text.substr(i, length));
        if (lineWidth + charWidth > width && i > start && c != ' ') {
            std::size_t end = lastBreak != std::string_view::npos ? lastBreak : i;
            lines.push_back(trimSpaces(text.substr(start, end - start)));
            lineWidth = end == i ? 0.0f : lineWidth - widthAtBreak;
            start = end;
            lastBreak = std::string_view::npos;
        }
        lineWidth += charWidth;
        context.before = c;
        if (c != ' ') context.lastVisible = c;
        if (c == '"') context.quoted = !context.quoted;
        i += length;
    }
    if (start < text.size()) lines.push_back(trimSpaces(text.substr(start)));
    return lines;
}

std::string fitWithEllipsis(std::string_view text, float width,
                            const std::function<float(std::string_view)>& advance) {
    constexpr std::string_view kEllipsis = "…";
    float total = 0.0f;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        decode(text, i, length);
        total += advance(text.substr(i, length));
        i += length;
    }
    if (total <= width) return std::string(text);
    float room = width - advance(kEllipsis);
    if (room < 0.0f) return "";
    float used = 0.0f;
    std::size_t end = 0;
    while (end < text.size()) {
        std::size_t length = 1;
        decode(text, end, length);
        float next = advance(text.substr(end, length));
        if (used + next > room) break;
        used += next;
        end += length;
    }
    return std::string(trimSpaces(text.substr(0, end))) + std::string(kEllipsis);
}

}  // namespace baton::ui
