// "Did you mean" suggestions for a name that a fixed list does not contain, such as a
// product name typed differently from the product list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

// Finds the listed name that a name missing from the list most likely means. Names are
// compared folded: ASCII letters in lower case, with spaces, hyphens and underscores
// removed. A listed name whose folded form equals the name's is taken first, the earliest
// in list order when several are. Otherwise the listed name at the smallest edit distance
// (Levenshtein's, with a swap of two adjacent characters counted as one edit, in code
// points of the folded forms) is taken, when no other listed name is as
// near and the distance is at most kMaxDistance and at most a third of the folded name's
// length, so that short names get no far-fetched match. The result depends only on the
// list and the name.
class NameSuggester {
public:
    static constexpr std::size_t kMaxDistance = 2;

    NameSuggester() = default;
    explicit NameSuggester(std::vector<std::string> names);

    // The listed name that `name` most likely means, or nullopt when none is near enough.
    std::optional<std::string> suggest(std::string_view name) const;

private:
    std::vector<std::string> m_names;
    std::vector<std::u32string> m_folded;  // by index in m_names
};

}  // namespace baton
