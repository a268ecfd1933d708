#include "ui/text_filter.h"

#include <imgui.h>

#include <algorithm>

namespace baton::ui {
namespace {

char foldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool TextFilter::draw(const char* id, const char* hint, float width) {
    ImGui::SetNextItemWidth(width);
    if (!ImGui::InputTextWithHint(id, hint, m_buffer, sizeof m_buffer)) return false;
    m_folded.clear();
    for (const char* c = m_buffer; *c != '\0'; ++c) m_folded.push_back(foldAscii(*c));
    // Leading and trailing spaces are typing noise, not part of what is searched for.
    while (!m_folded.empty() && m_folded.back() == ' ') m_folded.pop_back();
    m_folded.erase(0, std::min(m_folded.find_first_not_of(' '), m_folded.size()));
    return true;
}

bool TextFilter::matches(std::string_view field) const {
    if (m_folded.empty()) return true;
    auto found = std::search(field.begin(), field.end(), m_folded.begin(), m_folded.end(),
                             [](char a, char b) { return foldAscii(a) == b; });
    return found != field.end();
}

}  // namespace baton::ui
