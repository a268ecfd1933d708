// Helpers shared by the tests of the Chinese message texts: the placeholders of a pattern, and
// a guard that shows the UI in Chinese for one test.
#pragma once

#include <string>
#include <vector>

#include "ui/strings.h"

namespace baton::test {

// Returns the placeholders of `pattern` ("{id}", "{count}" and so on) in the order they occur.
inline std::vector<std::string> placeholderList(const std::string& pattern) {
    std::vector<std::string> out;
    std::size_t open = pattern.find('{');
    while (open != std::string::npos) {
        std::size_t close = pattern.find('}', open);
        if (close == std::string::npos) break;
        out.push_back(pattern.substr(open, close - open + 1));
        open = pattern.find('{', close);
    }
    return out;
}

// Switches the UI to Chinese for one test and back to English after it.
struct ChineseDuring {
    ChineseDuring() { ui::setLocale("zh-CN"); }
    ~ChineseDuring() { ui::setLocale("en"); }
    ChineseDuring(const ChineseDuring&) = delete;
    ChineseDuring& operator=(const ChineseDuring&) = delete;
};

}  // namespace baton::test
