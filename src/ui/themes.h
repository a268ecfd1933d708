// The colour themes: light (the default), dark and high contrast. A theme sets ImGui's
// style colours and the panel colours of ui/widgets.h.
#pragma once

#include <optional>
#include <string_view>

namespace baton::ui {

enum class Theme { Light, Dark, HighContrast };

// Applies `theme` to the current ImGui context's style and to the panel colours.
void applyTheme(Theme theme);

// The theme's stable name ("light", "dark", "high_contrast"), as stored in preferences.
const char* toString(Theme theme);
std::optional<Theme> parseTheme(std::string_view name);

// The colour the frame is cleared to under the current theme, as RGBA from 0 to 1.
void clearColour(float rgba[4]);

}  // namespace baton::ui
