// The validation report of an import: errors (the import is not applied) and warnings,
// grouped by a stable code with a count and the first examples, each naming the file, row
// and column; the fields that were derived; and the counts of what was imported.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

// A message as a template key and the values that fill the template's placeholders {0},
// {1}, ..., so that a UI can show the message in its own language (ui/import_text.cpp has
// the templates). An empty key means the message has no template.
struct MessageKey {
    std::string key;
    std::vector<std::string> args;
};

struct ImportIssue {
    std::string file;
    long row = 0;         // 1-based row as a spreadsheet shows it (the header is row 1); 0: none
    std::string column;   // header of the column; empty: the whole row or file
    std::string message;  // English, as the command line and the report text show it
    MessageKey messageKey = {};
    // Occurrences merged into this issue: a warning repeated with the same file, column
    // and message (so the same value, such as one unknown product name) on other rows.
    long occurrences = 1;
    // With `occurrences` above 1, the first ImportReport::kRowsNamed rows, `row` first.
    std::vector<long> rows = {};
    // The id that the row names and that no record has, when the missing record causes the
    // issue (unknown_owner, unknown_client, unknown_employee). Other issues leave it empty.
    std::string reference = {};
};

// The rows of one file and column that name one unknown id.
struct ReferenceRows {
    std::string file;
    std::string column;
    long count = 0;
    std::vector<long> rows;  // the first rows, at most ImportReport::kRowsNamed + 1
};

// The issues that name one unknown id: their count per group code and their rows.
struct ReferenceTally {
    std::map<std::string, long> byCode;
    std::vector<ReferenceRows> places;  // in the order first seen
};

// A derived field or an assumption of the import, stated in one English sentence.
struct DerivedField {
    std::string sentence;
    MessageKey messageKey;
};

// A client whose owner a merge into an existing workspace changed, from the row that
// changed it. Ownership is what Baton allocates, so the report lists every change.
struct OwnerChange {
    std::string client;
    std::optional<std::string> from;  // the owner before the merge; nullopt: none
    std::optional<std::string> to;    // the owner after it; nullopt: none
    std::string file;
    long row = 0;
    std::string column;  // header of the owner column
};

// An employee whose status a merge into an existing workspace changed, from the row that
// changed it. The status decides whose clients an allocation releases, so the report lists
// every change.
struct StatusChange {
    std::string employee;
    std::string from;  // the status before the merge, as the workspace JSON writes it
    std::string to;    // the status the merge leaves, as the workspace JSON writes it
    std::string file;
    long row = 0;
    std::string column;  // header of the status column; empty when the table has none
};

struct IssueGroup {
    std::string code;  // e.g. "duplicate_id", "unknown_owner", "negative_amount"
    long count = 0;    // occurrences, each merged one included
    // The first distinct issues, kMaxExamples unless ImportReport::setMaxExamples changed
    // it. A later warning of the same file, column and message merges into its example;
    // errors never merge.
    std::vector<ImportIssue> examples;
};

class ImportReport {
public:
    static constexpr std::size_t kMaxExamples = 5;
    static constexpr std::size_t kRowsNamed = 3;

    // Sets how many distinct issues each group keeps as examples (kMaxExamples unless set),
    // for the groups added after the call.
    void setMaxExamples(std::size_t max) { m_maxExamples = max; }

    void addError(const std::string& code, ImportIssue issue);
    void addWarning(const std::string& code, ImportIssue issue);
    // Adds the warning groups of `other`, counts and examples, to this report's.
    void addWarnings(const ImportReport& other);
    void addDerived(std::string sentence, MessageKey key = {}) {
        m_derived.push_back(DerivedField{std::move(sentence), std::move(key)});
    }
    void addSuggestion(std::string sentence, MessageKey key = {}) {
        m_suggestions.push_back(std::move(sentence));
        m_suggestionKeys.push_back(std::move(key));
    }
    void setCount(const std::string& key, long value) { m_counts[key] = value; }
    // Lists the change, counts it in "owners_changed" and adds an owner_changed warning
    // that names the client, both owners, the file, row and column.
    void addOwnerChange(OwnerChange change);
    // Lists the change, counts it in "statuses_changed" and adds a status_changed warning
    // that names the employee, both statuses, the file, row and column.
    void addStatusChange(StatusChange change);

    bool ok() const { return m_errors.empty(); }
    long errorCount() const;
    long warningCount() const;
    const std::vector<IssueGroup>& errors() const { return m_errors; }
    const std::vector<IssueGroup>& warnings() const { return m_warnings; }
    const std::vector<DerivedField>& derived() const { return m_derived; }
    const std::vector<std::string>& suggestions() const { return m_suggestions; }
    // The message key of each suggestion, in the order of suggestions().
    const std::vector<MessageKey>& suggestionKeys() const { return m_suggestionKeys; }
    const std::map<std::string, long>& counts() const { return m_counts; }
    const std::vector<OwnerChange>& ownerChanges() const { return m_ownerChanges; }
    const std::vector<StatusChange>& statusChanges() const { return m_statusChanges; }
    // The count of one group, 0 when there is none.
    long count(const std::string& code) const;
    // The issues with `reference` `id`, or nullptr when there are none.
    const ReferenceTally* reference(const std::string& id) const;

    // The report as JSON; "owner_changes" lists every OwnerChange and "status_changes" every
    // StatusChange, each when there is one.
    nlohmann::json toJson() const;
    // Plain text for a terminal: counts, derived fields, then each group with its examples.
    // A group with more issues than examples ends with "... and N more", followed by
    // "; " and `moreHint` when that is not empty. Unless setMaxExamples lifted the limit,
    // the issues that name one unknown id are folded: the first example shown is given in
    // full, followed by one line "... N more rows name "ID"" with their files and rows.
    std::string toText(const std::string& moreHint = "") const;

private:
    std::vector<IssueGroup> m_errors;
    std::vector<IssueGroup> m_warnings;
    std::vector<DerivedField> m_derived;
    std::vector<std::string> m_suggestions;
    std::vector<MessageKey> m_suggestionKeys;
    std::map<std::string, long> m_counts;
    std::vector<OwnerChange> m_ownerChanges;
    std::vector<StatusChange> m_statusChanges;
    std::map<std::string, ReferenceTally> m_references;  // by unknown id
    std::size_t m_maxExamples = kMaxExamples;

    void addReference(const std::string& code, const ImportIssue& issue);
};

// The maximum code points of a value that an import message quotes in full.
constexpr std::size_t kMaxQuotedCodePoints = 60;

// Returns `text` when it has at most kMaxQuotedCodePoints code points of UTF-8, else its first
// kMaxQuotedCodePoints code points followed by "…".
std::string shortenCellText(std::string_view text);

// Shortens the long values that `issue` quotes, so that a cell of megabytes gives a message of
// readable length. Its column, its reference and each message argument that the message
// quotes go through shortenCellText. In the English message, such an argument becomes
// "START…" (N characters), and any other quoted text that is too long becomes "START…".
// ImportReport applies it to every issue it adds.
void shortenQuotedValues(ImportIssue& issue);

// "data.csv row 3, column "客户": message", or for an issue that merges repeats,
// "data.csv column "客户", 729 rows (2, 5, 9 and 726 more): message".
std::string formatIssue(const ImportIssue& issue);

// The rows of an issue that merges repeats, "2, 5, 9 and 726 more"; the row alone otherwise.
std::string rowList(const ImportIssue& issue);

// The occurrences of a group that its examples do not cover.
long occurrencesNotShown(const IssueGroup& group, std::size_t examplesShown);

// Returns `count` followed by `singular` when the count is 1 and by `plural` otherwise, for
// the English sentences of a report: countedNoun(1, "client has", "clients have") is
// "1 client has".
std::string countedNoun(long count, std::string_view singular, std::string_view plural);

}  // namespace baton
