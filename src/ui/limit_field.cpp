#include "ui/limit_field.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "io/json_fields.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace baton::ui {

bool parseLimit(const std::string& text, const LimitField::Range& range,
                std::optional<double>& value) {
    std::size_t start = text.find_first_not_of(" \t");
    if (start == std::string::npos) {
        value.reset();
        return true;
    }
    std::size_t end = text.find_last_not_of(" \t");
    std::string trimmed = text.substr(start, end - start + 1);
    char* parsed = nullptr;
    double number = std::strtod(trimmed.c_str(), &parsed);
    if (parsed != trimmed.c_str() + trimmed.size() || !std::isfinite(number)) return false;
    if (number < range.low || number > range.high) return false;
    if (range.lowExcluded && number == range.low) return false;
    if (range.whole && number != std::floor(number)) return false;
    value = number / range.scale;
    return true;
}

void LimitField::load(std::optional<double> value) {
    m_value = value;
    m_invalid = false;
    std::string text = value ? json_fields::formatNumber(*value * m_range.scale) : std::string();
    std::snprintf(m_text, sizeof m_text, "%s", text.c_str());
}

bool LimitField::draw(const char* label, const char* hint, const std::string& widget) {
    if (m_invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, kColourBadBg);
    bool edited = ImGui::InputTextWithHint(labelWithId(label, widget.c_str()).c_str(), hint, m_text,
                                           sizeof m_text);
    if (m_invalid) ImGui::PopStyleColor();
    recordWidget(widget);
    if (!edited) return false;
    std::optional<double> value;
    m_invalid = !parseLimit(m_text, m_range, value);
    if (m_invalid || value == m_value) return false;
    m_value = value;
    return true;
}

}  // namespace baton::ui
