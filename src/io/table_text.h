// Removal of characters from imported cells that a spreadsheet does not show but that would
// become part of ids and names. These are U+FEFF (a byte order mark left inside the text
// when files are joined), NUL and the other C0 control characters except tab, LF and CR,
// DEL, and the C1 control characters U+0080 to U+009F.
#pragma once

#include <string>
#include <string_view>

#include "io/csv.h"
#include "io/import_report.h"

namespace baton {

// True when `text` contains a character that removeInvisibleCharacters removes.
bool hasInvisibleCharacters(std::string_view text);

// Removes those characters from the header and the cells of `table`, and adds a warning for
// each header or cell changed (codes "byte_order_mark_in_cell", "control_character_in_cell")
// that names `file`, the row and the column.
void removeInvisibleCharacters(Table& table, const std::string& file, ImportReport& report);

}  // namespace baton
