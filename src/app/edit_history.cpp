#include "app/edit_history.h"

#include <utility>

namespace baton {

void EditHistory::record(Edit edit) {
    m_redo.clear();
    m_undo.push_back(std::move(edit));
    if (m_undo.size() > kMaxRecords) m_undo.erase(m_undo.begin());
}

std::optional<Edit> EditHistory::takeUndo() {
    if (m_undo.empty()) return std::nullopt;
    Edit edit = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back(edit);
    return edit;
}

std::optional<Edit> EditHistory::takeRedo() {
    if (m_redo.empty()) return std::nullopt;
    Edit edit = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back(edit);
    return edit;
}

void EditHistory::clear() {
    m_undo.clear();
    m_redo.clear();
}

}  // namespace baton
