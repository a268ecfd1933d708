#include "io/name_suggest.h"

#include <algorithm>
#include <utility>

namespace baton {

namespace {

// The code point of the UTF-8 sequence at `i`, advancing `i` past it. A byte that does not
// start a complete sequence is taken as one code point of its own, so that text that is not
// valid UTF-8 still compares byte by byte.
char32_t nextCodePoint(std::string_view text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length == 1 || i + length > text.size()) return byte(i++);
    char32_t code = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return byte(i++);
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return code;
}

// The code points of `name` with ASCII letters in lower case and spaces, hyphens and
// underscores removed.
std::u32string fold(std::string_view name) {
    std::u32string out;
    for (std::size_t i = 0; i < name.size();) {
        char32_t code = nextCodePoint(name, i);
        if (code == U' ' || code == U'-' || code == U'_') continue;
        if (code >= U'A' && code <= U'Z') code += U'a' - U'A';
        out.push_back(code);
    }
    return out;
}

// The optimal string alignment distance of `a` and `b` (Levenshtein's, with the swap of two
// adjacent characters, the commonest typing slip, counted as one edit), or `limit` + 1 when
// it is more than `limit`.
std::size_t boundedDistance(const std::u32string& a, const std::u32string& b,
                            std::size_t limit) {
    std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit) return limit + 1;
    std::vector<std::size_t> beforePrevious(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    std::size_t previousMin = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t rowMin = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], beforePrevious[j - 2] + 1);
            }
            rowMin = std::min(rowMin, current[j]);
        }
        // A row's entries come from the row above, or from the row before it at a cost of
        // one (a swap), so once two rows in a row pass the limit every later row does.
        if (rowMin > limit && previousMin > limit) return limit + 1;
        previousMin = rowMin;
        std::swap(beforePrevious, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

}  // namespace

NameSuggester::NameSuggester(std::vector<std::string> names) : m_names(std::move(names)) {
    m_folded.reserve(m_names.size());
    for (const std::string& name : m_names) m_folded.push_back(fold(name));
}

std::optional<std::string> NameSuggester::suggest(std::string_view name) const {
    std::u32string folded = fold(name);
    if (folded.empty()) return std::nullopt;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (m_folded[i] == folded) return m_names[i];
    }
    std::size_t limit = std::min(kMaxDistance, folded.size() / 3);
    if (limit == 0) return std::nullopt;
    std::size_t best = limit + 1;
    std::optional<std::size_t> bestIndex;
    bool tied = false;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        std::size_t distance = boundedDistance(folded, m_folded[i], std::min(best, limit));
        if (distance > limit) continue;
        if (distance < best) {
            best = distance;
            bestIndex = i;
            tied = false;
        } else if (distance == best) {
            tied = true;
        }
    }
    if (!bestIndex || tied) return std::nullopt;
    return m_names[*bestIndex];
}

}  // namespace baton
