#include "io/import_report.h"

#include <algorithm>
#include <limits>
#include <set>

namespace baton {

using nlohmann::json;

namespace {

bool sameIssue(const ImportIssue& a, const ImportIssue& b) {
    return a.file == b.file && a.column == b.column && a.message == b.message;
}

// Counts `repeat` as more occurrences of `issue`, keeping the first kRowsNamed rows.
void mergeRepeat(ImportIssue& issue, const ImportIssue& repeat) {
    if (issue.rows.empty()) issue.rows.push_back(issue.row);
    if (repeat.rows.empty()) {
        if (issue.rows.size() < ImportReport::kRowsNamed) issue.rows.push_back(repeat.row);
    } else {
        for (long row : repeat.rows) {
            if (issue.rows.size() < ImportReport::kRowsNamed) issue.rows.push_back(row);
        }
    }
    issue.occurrences += repeat.occurrences;
}

// Adds `issue` to the group of `code`. With `merge`, an issue of the same file, column and
// message as a kept example becomes more occurrences of that example, so that one value
// repeated on many rows is listed once.
void addTo(std::vector<IssueGroup>& groups, const std::string& code, ImportIssue issue, bool merge,
           std::size_t maxExamples) {
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const IssueGroup& g) { return g.code == code; });
    if (group == groups.end()) {
        groups.push_back(IssueGroup{code, 0, {}});
        group = groups.end() - 1;
    }
    group->count += issue.occurrences;
    if (merge) {
        for (ImportIssue& example : group->examples) {
            if (!sameIssue(example, issue)) continue;
            mergeRepeat(example, issue);
            return;
        }
    }
    if (group->examples.size() < maxExamples) {
        group->examples.push_back(std::move(issue));
    }
}

// The code points of UTF-8 `text`, counting each byte that is not a continuation byte.
std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// Shortens each text between a pair of double quotes in `message` that is too long. A value
// that itself contains a double quote shifts the pairs, so a keyed argument is shortened
// before this runs (see shortenQuotedValues), which finds it whole.
void shortenQuotedRuns(std::string& message) {
    std::string out;
    std::size_t done = 0;
    for (std::size_t open = message.find('"'); open != std::string::npos;) {
        std::size_t close = message.find('"', open + 1);
        if (close == std::string::npos) break;
        std::string_view inside(message.data() + open + 1, close - open - 1);
        out.append(message, done, open + 1 - done);
        out += shortenCellText(inside);
        done = close;
        open = message.find('"', close + 1);
    }
    if (done == 0) return;
    out.append(message, done, std::string::npos);
    message = std::move(out);
}

long total(const std::vector<IssueGroup>& groups) {
    long n = 0;
    for (const IssueGroup& g : groups) n += g.count;
    return n;
}

json groupsToJson(const std::vector<IssueGroup>& groups) {
    json out = json::array();
    for (const IssueGroup& g : groups) {
        json examples = json::array();
        for (const ImportIssue& i : g.examples) {
            json example = {{"file", i.file},
                            {"row", i.row > 0 ? json(i.row) : json()},
                            {"column", i.column.empty() ? json() : json(i.column)},
                            {"message", i.message}};
            if (i.occurrences > 1) {
                example["occurrences"] = i.occurrences;
                example["rows"] = i.rows;
            }
            examples.push_back(std::move(example));
        }
        out.push_back({{"code", g.code}, {"count", g.count}, {"examples", examples}});
    }
    return out;
}

// "clients.csv rows 7, 10, 13 and 2 more": the rows of `at` other than those of `shown`,
// the issue given in full, with their count; empty when there are none.
std::string otherRows(ReferenceRows at, const ImportIssue& shown, long& count) {
    if (at.file == shown.file && at.column == shown.column) {
        at.count -= shown.occurrences;
        std::vector<long> rows = shown.rows.empty() ? std::vector<long>{shown.row} : shown.rows;
        std::erase_if(at.rows, [&](long row) {
            return std::find(rows.begin(), rows.end(), row) != rows.end();
        });
    }
    if (at.count <= 0) return "";
    count += at.count;
    std::string out = at.file + (at.count == 1 ? " row " : " rows ");
    std::size_t named = std::min(at.rows.size(), ImportReport::kRowsNamed);
    long more = at.count - static_cast<long>(named);
    for (std::size_t k = 0; k < named; ++k) {
        if (k > 0) out += k + 1 == named && more <= 0 ? " and " : ", ";
        out += std::to_string(at.rows[k]);
    }
    if (more > 0) out += " and " + std::to_string(more) + " more";
    return out;
}

// The ids of the references folded in the text, and those whose first issue is written.
struct Folds {
    const ImportReport* report = nullptr;  // null: nothing is folded
    std::set<std::string> references;
    std::set<std::string> written;
};

// Writes `issue`, the first shown of its reference, and one line for the other rows that
// name the same id.
void appendFolded(std::string& out, const ImportIssue& issue, const ReferenceTally& tally,
                  const std::string& moreHint) {
    out += "  " + formatIssue(issue) + "\n";
    long count = 0;
    std::string places;
    for (const ReferenceRows& at : tally.places) {
        std::string rows = otherRows(at, issue, count);
        if (!rows.empty()) places += (places.empty() ? "" : "; ") + rows;
    }
    if (count == 0) return;
    out += "  ... " + countedNoun(count, "more row names", "more rows name") + " \"" +
           issue.reference + "\" (" + places + ")";
    out += moreHint.empty() ? "\n" : "; " + moreHint + "\n";
}

void appendGroups(std::string& out, const char* kind, const std::vector<IssueGroup>& groups,
                  const std::string& moreHint, Folds& folds) {
    for (const IssueGroup& g : groups) {
        out += std::string(kind) + " " + g.code + " (" + std::to_string(g.count) + "):\n";
        long more = g.count;
        std::set<std::string> earlier = folds.written;
        for (const ImportIssue& i : g.examples) {
            if (folds.references.count(i.reference) == 0) {
                out += "  " + formatIssue(i) + "\n";
                more -= i.occurrences;
            } else if (folds.written.insert(i.reference).second) {
                appendFolded(out, i, *folds.report->reference(i.reference), moreHint);
            }
        }
        // The issues of every folded reference are written in full or in its line, and those
        // of a reference written in another group are named here by their id.
        long elsewhere = 0;
        std::string ids;
        for (const std::string& id : folds.references) {
            const std::map<std::string, long>& byCode = folds.report->reference(id)->byCode;
            auto found = byCode.find(g.code);
            if (found == byCode.end()) continue;
            more -= found->second;
            bool writtenHere = folds.written.count(id) > 0 && earlier.count(id) == 0;
            if (writtenHere) continue;
            elsewhere += found->second;
            ids += (ids.empty() ? "\"" : ", \"") + id + "\"";
        }
        if (elsewhere > 0) {
            out += "  ... " + std::to_string(elsewhere) + " more, listed under " + ids + "\n";
        }
        if (more <= 0) continue;
        out += "  ... and " + std::to_string(more) + " more";
        out += moreHint.empty() ? "\n" : "; " + moreHint + "\n";
    }
}

// The owner as the owner_changed message names it.
std::string ownerText(const std::optional<std::string>& owner) {
    return owner ? *owner : "no owner";
}

ImportIssue ownerChangeIssue(const OwnerChange& change) {
    std::string message = "client \"" + change.client + "\" changes owner from " +
                          ownerText(change.from) + " to " + ownerText(change.to);
    MessageKey key{"owner_changed", {change.client}};
    if (change.from) key.args.push_back(*change.from);
    if (change.to) key.args.push_back(*change.to);
    if (!change.from) {
        key.key += ".from_none";
    } else if (!change.to) {
        key.key += ".to_none";
        message +=
            ", because the owner cell is empty; fill it in if the client should stay "
            "with " +
            *change.from;
    } else {
        message += "; correct the row if the client should stay with " + *change.from;
    }
    return ImportIssue{change.file, change.row, change.column, std::move(message), std::move(key)};
}

json ownerChangesToJson(const std::vector<OwnerChange>& changes) {
    json out = json::array();
    for (const OwnerChange& c : changes) {
        out.push_back({{"client", c.client},
                       {"from", c.from ? json(*c.from) : json()},
                       {"to", c.to ? json(*c.to) : json()},
                       {"file", c.file},
                       {"row", c.row}});
    }
    return out;
}

bool releases(const std::string& status) {
    return status == "leaving" || status == "departed";
}

ImportIssue statusChangeIssue(const StatusChange& change) {
    std::string message = "employee \"" + change.employee + "\" changes status from " +
                          change.from + " to " + change.to;
    MessageKey key{"status_changed", {change.employee, change.from, change.to}};
    if (releases(change.to) && !releases(change.from)) {
        message += ", so the next allocation releases their clients";
        key.key += ".released";
    }
    message += "; correct the row if the status should stay " + change.from;
    return ImportIssue{change.file, change.row, change.column, std::move(message), std::move(key)};
}

json statusChangesToJson(const std::vector<StatusChange>& changes) {
    json out = json::array();
    for (const StatusChange& c : changes) {
        out.push_back({{"employee", c.employee},
                       {"from", c.from},
                       {"to", c.to},
                       {"file", c.file},
                       {"row", c.row}});
    }
    return out;
}

}  // namespace

void ImportReport::addStatusChange(StatusChange change) {
    addWarning("status_changed", statusChangeIssue(change));
    ++m_counts["statuses_changed"];
    m_statusChanges.push_back(std::move(change));
}

void ImportReport::addOwnerChange(OwnerChange change) {
    addWarning("owner_changed", ownerChangeIssue(change));
    ++m_counts["owners_changed"];
    m_ownerChanges.push_back(std::move(change));
}

void ImportReport::addReference(const std::string& code, const ImportIssue& issue) {
    if (issue.reference.empty()) return;
    ReferenceTally& tally = m_references[issue.reference];
    tally.byCode[code] += issue.occurrences;
    auto at = std::find_if(tally.places.begin(), tally.places.end(), [&](const ReferenceRows& r) {
        return r.file == issue.file && r.column == issue.column;
    });
    if (at == tally.places.end()) {
        tally.places.push_back(ReferenceRows{issue.file, issue.column, 0, {}});
        at = tally.places.end() - 1;
    }
    at->count += issue.occurrences;
    std::vector<long> rows = issue.rows.empty() ? std::vector<long>{issue.row} : issue.rows;
    for (long row : rows) {
        if (at->rows.size() <= kRowsNamed) at->rows.push_back(row);
    }
}

std::string shortenCellText(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (count == kMaxQuotedCodePoints) return std::string(text.substr(0, i)) + "…";
        ++count;
    }
    return std::string(text);
}

void shortenQuotedValues(ImportIssue& issue) {
    issue.column = shortenCellText(issue.column);
    issue.reference = shortenCellText(issue.reference);
    for (std::string& arg : issue.messageKey.args) {
        // Only an argument that the message quotes is a value. Others, such as a list of
        // headers, are kept whole.
        std::size_t length = codePoints(arg);
        std::string quoted = "\"" + arg + "\"";
        if (length <= kMaxQuotedCodePoints || issue.message.find(quoted) == std::string::npos) {
            continue;
        }
        std::string shortened = shortenCellText(arg);
        replaceAll(issue.message, quoted,
                   "\"" + shortened + "\" (" + std::to_string(length) + " characters)");
        arg = std::move(shortened);
    }
    shortenQuotedRuns(issue.message);
}

void ImportReport::addError(const std::string& code, ImportIssue issue) {
    shortenQuotedValues(issue);
    addReference(code, issue);
    addTo(m_errors, code, std::move(issue), false, m_maxExamples);
}

void ImportReport::addWarning(const std::string& code, ImportIssue issue) {
    shortenQuotedValues(issue);
    addReference(code, issue);
    addTo(m_warnings, code, std::move(issue), true, m_maxExamples);
}

const ReferenceTally* ImportReport::reference(const std::string& id) const {
    auto found = m_references.find(id);
    return found == m_references.end() ? nullptr : &found->second;
}

void ImportReport::addWarnings(const ImportReport& other) {
    for (const IssueGroup& group : other.m_warnings) {
        for (const ImportIssue& issue : group.examples) {
            addTo(m_warnings, group.code, issue, true, m_maxExamples);
        }
        auto added = std::find_if(m_warnings.begin(), m_warnings.end(),
                                  [&](const IssueGroup& g) { return g.code == group.code; });
        if (added == m_warnings.end()) continue;
        // The examples' occurrences were counted; the group's other issues are counted here.
        added->count += occurrencesNotShown(group, group.examples.size());
    }
}

long ImportReport::errorCount() const {
    return total(m_errors);
}
long ImportReport::warningCount() const {
    return total(m_warnings);
}

long ImportReport::count(const std::string& code) const {
    for (const auto* groups : {&m_errors, &m_warnings}) {
        for (const IssueGroup& g : *groups) {
            if (g.code == code) return g.count;
        }
    }
    return 0;
}

json ImportReport::toJson() const {
    json counts = json::object();
    for (const auto& [key, value] : m_counts) counts[key] = value;
    json derived = json::array();
    for (const DerivedField& d : m_derived) derived.push_back(d.sentence);
    json out = {{"ok", ok()},
                {"counts", counts},
                {"derived", derived},
                {"suggestions", m_suggestions},
                {"errors", groupsToJson(m_errors)},
                {"warnings", groupsToJson(m_warnings)}};
    if (!m_ownerChanges.empty()) out["owner_changes"] = ownerChangesToJson(m_ownerChanges);
    if (!m_statusChanges.empty()) out["status_changes"] = statusChangesToJson(m_statusChanges);
    return out;
}

std::string ImportReport::toText(const std::string& moreHint) const {
    std::string out;
    for (const auto& [key, value] : m_counts) out += key + ": " + std::to_string(value) + "\n";
    for (const DerivedField& d : m_derived) out += "derived: " + d.sentence + "\n";
    for (const std::string& s : m_suggestions) out += "suggestion: " + s + "\n";
    Folds folds;
    if (m_maxExamples != std::numeric_limits<std::size_t>::max()) {
        folds.report = this;
        for (const auto* groups : {&m_errors, &m_warnings}) {
            for (const IssueGroup& g : *groups) {
                for (const ImportIssue& i : g.examples) {
                    if (reference(i.reference) != nullptr) folds.references.insert(i.reference);
                }
            }
        }
    }
    appendGroups(out, "error", m_errors, moreHint, folds);
    appendGroups(out, "warning", m_warnings, moreHint, folds);
    out += countedNoun(errorCount(), "error", "errors") + ", " +
           countedNoun(warningCount(), "warning", "warnings") + "\n";
    return out;
}

std::string formatIssue(const ImportIssue& issue) {
    if (issue.occurrences > 1) {
        std::string where = issue.file;
        if (!issue.column.empty()) {
            where += (where.empty() ? "column \"" : " column \"") + issue.column + "\"";
        }
        std::string repeats = issue.row > 0 ? countedNoun(issue.occurrences, "row", "rows") + " (" +
                                                  rowList(issue) + ")"
                                            : std::to_string(issue.occurrences) + " times";
        where += (where.empty() ? "" : ", ") + repeats;
        return where + ": " + issue.message;
    }
    std::string where = issue.file;
    if (issue.row > 0) where += " row " + std::to_string(issue.row);
    if (!issue.column.empty()) {
        where += (issue.row > 0 ? ", column \"" : " column \"") + issue.column + "\"";
    }
    return where.empty() ? issue.message : where + ": " + issue.message;
}

std::string rowList(const ImportIssue& issue) {
    if (issue.rows.empty()) return std::to_string(issue.row);
    long more = issue.occurrences - static_cast<long>(issue.rows.size());
    std::string out;
    for (std::size_t i = 0; i < issue.rows.size(); ++i) {
        bool last = i + 1 == issue.rows.size();
        if (i > 0) out += last && more <= 0 ? " and " : ", ";
        out += std::to_string(issue.rows[i]);
    }
    if (more > 0) out += " and " + std::to_string(more) + " more";
    return out;
}

long occurrencesNotShown(const IssueGroup& group, std::size_t examplesShown) {
    long shown = 0;
    std::size_t n = std::min(examplesShown, group.examples.size());
    for (std::size_t i = 0; i < n; ++i) shown += group.examples[i].occurrences;
    return group.count - shown;
}

std::string countedNoun(long count, std::string_view singular, std::string_view plural) {
    return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

}  // namespace baton
