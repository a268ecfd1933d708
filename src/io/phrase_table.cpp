#include "io/phrase_table.h"

namespace baton {

const char* findCodePhrase(std::span<const CodePhrase> rows, std::string_view group,
                           std::string_view code, bool chinese) {
    for (const CodePhrase& row : rows) {
        std::string_view key = row.key;
        if (key.size() == group.size() + 1 + code.size() && key.starts_with(group) &&
            key[group.size()] == '.' && key.ends_with(code)) {
            return chinese ? row.chinese : row.english;
        }
    }
    return nullptr;
}

}  // namespace baton
