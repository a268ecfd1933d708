// UI-free logic behind the app's data tables: the display order of the rows (filter, then a
// stable sort by one column with the row id as tie-break) and the tab-separated text that a
// copied selection becomes. Kept apart from ImGui so that it builds natively for tests.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

struct RowOrderRequest {
    int rowCount = 0;
    int sortColumn = 0;
    bool descending = false;
    // The column whose values are the row ids; sorting by it compares ids only.
    int idColumn = 0;
};

// Callbacks that describe one table's rows by their index in the source data.
struct RowSource {
    // Returns true when row `index` passes the filter; unset keeps every row.
    std::function<bool(int index)> keep;
    // Compares rows `a` and `b` by `column`: negative, zero or positive.
    std::function<int(int a, int b, int column)> compare;
    // The row's id, unique within the table: the tie-break that makes every order total.
    std::function<std::string_view(int index)> id;
};

// Returns the indices of the kept rows in display order. Equal values keep id order (ids
// ascending, also when the column is descending, except for the id column itself), and
// equal ids keep index order, so the order never depends on the sort algorithm.
std::vector<int> orderRows(const RowOrderRequest& request, const RowSource& source);

// Compares two numbers for RowSource::compare; a NaN sorts before every number.
int compareNumbers(double a, double b);

// Formats one cell for tab-separated text that spreadsheets paste as cells: a value that
// contains a tab, a line break or a double quote is quoted, with its quotes doubled. Text
// that starts with =, +, -, @, a tab or a carriage return and is not a plain number gets a
// leading ', so that a spreadsheet pastes it as text, not as a formula.
std::string tsvCell(std::string_view text);

// True for a decimal number with an optional sign, fraction and exponent, such as -12.5.
bool isPlainNumber(std::string_view text);

// Joins rows of cells as tab-separated lines ending in CRLF, the line break that Excel
// writes to the clipboard and reads back.
std::string tabSeparated(const std::vector<std::vector<std::string>>& rows);

}  // namespace baton
