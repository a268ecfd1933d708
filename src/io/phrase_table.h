// A table of codes with their English and Simplified Chinese text, and its lookup. The result
// terms and the reason phrases are such tables, each with its rows in its own file.
#pragma once

#include <span>
#include <string_view>

namespace baton {

// One code with its text. `key` is "GROUP.CODE", for example "figure.total_fit".
struct CodePhrase {
    const char* key;
    const char* english;
    const char* chinese;
};

// Returns the text of the row whose key is "GROUP.CODE" for `group` and `code`, in Chinese
// when `chinese` is set and in English otherwise. Returns nullptr when no row has that key.
const char* findCodePhrase(std::span<const CodePhrase> rows, std::string_view group,
                           std::string_view code, bool chinese);

}  // namespace baton
