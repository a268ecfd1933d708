// Line breaking for text that mixes Chinese and Latin script. ImGui 1.86 breaks lines only
// at spaces, so a Chinese sentence after a Latin word wraps at that word and leaves the
// line short. Here a line may also break between two characters when either is CJK,
// except before closing punctuation (，。）”), after opening punctuation (（“), between a
// number and the CJK measure word after it ("52 个", "3天"), and inside a name in ASCII
// double quotes ("销售日期").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::ui {

// Splits `text` into lines no wider than `width`, measuring each character with
// `advance` (its UTF-8 bytes in, its width out). A character wider than `width` gets a
// line of its own. Spaces at a break and "\n" are dropped.
std::vector<std::string_view> wrapLines(std::string_view text, float width,
                                        const std::function<float(std::string_view)>& advance);

// Returns `text` when it fits `width`, else its longest start of whole characters followed
// by "…" that fits, or "" when not even "…" fits. `advance` is as for wrapLines().
std::string fitWithEllipsis(std::string_view text, float width,
                            const std::function<float(std::string_view)>& advance);

}  // namespace baton::ui
