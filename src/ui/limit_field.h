// A text field for an optional limit, such as a workload limit: an empty field means no limit
// of its own (none at all, or the policy's default, as the caller decides). The field keeps
// the typed text, so that a half-typed or invalid number stays in view with its error.
#pragma once

#include <optional>
#include <string>

namespace baton::ui {

class LimitField {
public:
    // The range a limit must be in; `scale` multiplies the stored value for display, so that
    // a fraction shows as a percentage (100).
    struct Range {
        double low = 0.0;
        double high = 1e300;
        bool lowExcluded = false;
        bool whole = false;
        double scale = 1.0;
    };

    explicit LimitField(Range range) : m_range(range) {}

    // Shows `value` times the scale, or an empty field for no value.
    void load(std::optional<double> value);
    // Draws the field, with `hint` in grey while it is empty, and records it as `widget`.
    // Returns true when the text changed to a valid limit, which value() then returns.
    bool draw(const char* label, const char* hint, const std::string& widget);
    // The limit divided by the scale, or nothing for an empty field.
    std::optional<double> value() const { return m_value; }
    // Whether the text is neither empty nor a number in the range.
    bool invalid() const { return m_invalid; }

private:
    Range m_range;
    char m_text[40] = {};
    std::optional<double> m_value;
    bool m_invalid = false;
};

// Parses `text` as a limit in `range`: true with `value` empty for blank text, true with the
// number divided by the scale for a valid number, false otherwise.
bool parseLimit(const std::string& text, const LimitField::Range& range,
                std::optional<double>& value);

}  // namespace baton::ui
