// Reading the cells of one imported table row by row, through its column mapping, with
// fill-down and typed readers that report problems by file, row and column. Internal to
// the importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/importer.h"

namespace baton::import_detail {

// The names quoted and joined by ", ": at most `max` of them, then "and N more", so that
// a table with thousands of columns gives a message of readable length.
std::string quotedList(const std::vector<std::string>& names, std::size_t max = 10);

// The error that no column of `source` gives `fields` (one field, or "id" and "name" for
// either). The command line keeps `commandLineMessage`, whose advice is the mapping file.
// The page's message instead explains how to fix the file in a spreadsheet and lists the
// header names that the import recognises. It carries the key "unmapped_field.page", whose
// arguments are the fields joined by " or ", the table, the recognised names and the
// headers read.
ImportIssue unmappedFieldIssue(const SourceTable& source, const std::vector<std::string>& fields,
                               std::string commandLineMessage);

class TableCursor {
public:
    TableCursor(const SourceTable& source, const TableMapping& mapping,
                const std::vector<std::string>& fillDown, ImportReport& report);

    // The column mapped to `field`, or -1.
    int column(const char* field) const;
    bool mapped(const char* field) const { return column(field) >= 0; }
    const std::string& header(int column) const { return m_source.table.header[column]; }
    const std::string& file() const { return m_source.file; }
    std::size_t rowCount() const { return m_source.table.rowCount(); }
    // Columns no field is mapped to.
    std::vector<int> unmappedColumns() const;
    // False after reporting mapped headers the table does not have.
    bool checkColumns(std::initializer_list<const char*> required);

    // Moves to `row`; rows must be visited in increasing order for fill-down. Cells read
    // before moveTo() is first called are empty.
    void moveTo(std::size_t row);
    long rowNumber() const;
    std::string_view raw(int column) const;
    bool missing(int column) const;

    // Adds an error; `key` lets the UI show it in its own language (see MessageKey), and
    // `reference` is the unknown id the row names, if that is the cause.
    void error(const std::string& code, int column, std::string message, MessageKey key = {},
               std::string reference = {});
    // Adds a warning, with `key` and `reference` as for an error.
    void warning(const std::string& code, int column, std::string message, MessageKey key = {},
                 std::string reference = {});

    std::optional<std::string> text(int column) const;
    // An id: text, trimmed. Required ones report an empty cell. Warns about Excel-mangled
    // numbers ("2.77414E+11").
    std::optional<std::string> id(int column, bool required);
    // The same as id(), as a view valid until the cursor moves.
    std::optional<std::string_view> idView(int column, bool required);
    std::optional<double> number(int column, bool required);
    // An optional number within [low, high] (HUGE_VAL for no bound on that side). A value
    // outside is an out_of_range error naming `field` and the range, and gives nullopt.
    std::optional<double> numberIn(const char* field, double low, double high);
    // An optional whole number within [low, high]; a fraction is an invalid_number error.
    std::optional<long long> wholeIn(const char* field, long long low, long long high);
    std::optional<std::string> date(int column, bool required);
    // The same as date(), without an allocation.
    std::optional<IsoDate> isoDate(int column, bool required);
    std::optional<bool> boolean(int column);
    std::vector<std::string> list(int column) const;

    // The empty-cell error, with the fill-down hint when the column shows that pattern.
    void reportMissing(int column);

private:
    const SourceTable& m_source;
    ImportReport& m_report;
    std::vector<std::pair<std::string, int>> m_fields;  // field -> column
    std::vector<std::string> m_mappedHeaders;           // field order, for checkColumns
    std::vector<std::string> m_fieldNames;
    std::vector<bool> m_fillDown;           // by column
    std::vector<std::string> m_filled;      // last non-empty value by fill-down column
    std::vector<std::string_view> m_cells;  // the trimmed cells of the row, filled down
    std::size_t m_row = 0;
    DecimalMark m_decimal = DecimalMark::Point;
};

// Headers of mapped columns whose blanks follow a filled cell, as merged cells export.
std::vector<std::string> fillDownCandidates(const SourceTable& source, const TableMapping& mapping,
                                            const std::vector<std::string>& fillDown);

}  // namespace baton::import_detail
