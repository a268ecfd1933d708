// A text box that filters table rows: a row matches when one of its fields contains the
// typed text, ignoring the case of ASCII letters.
#pragma once

#include <string>
#include <string_view>

namespace baton::ui {

class TextFilter {
public:
    // Draws the text box; returns true when its text changed.
    bool draw(const char* id, const char* hint, float width);

    bool empty() const { return m_folded.empty(); }
    bool matches(std::string_view field) const;
    const char* text() const { return m_buffer; }

private:
    char m_buffer[128] = {};
    std::string m_folded;
};

}  // namespace baton::ui
