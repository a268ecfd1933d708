#include "io/import_report.h"

#include <algorithm>

namespace baton {

using nlohmann::json;

namespace {

void addTo(std::vector<IssueGroup>& groups, const std::string& code, ImportIssue issue) {
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const IssueGroup& g) { return g.code == code; });
    if (group == groups.end()) {
        groups.push_back(IssueGroup{code, 0, {}});
        group = groups.end() - 1;
    }
    ++group->count;
    if (group->examples.size() < ImportReport::kMaxExamples) {
        group->examples.push_back(std::move(issue));
    }
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
            examples.push_back({{"file", i.file},
                                {"row", i.row > 0 ? json(i.row) : json()},
                                {"column", i.column.empty() ? json() : json(i.column)},
                                {"message", i.message}});
        }
        out.push_back({{"code", g.code}, {"count", g.count}, {"examples", examples}});
    }
    return out;
}

void appendGroups(std::string& out, const char* kind, const std::vector<IssueGroup>& groups) {
    for (const IssueGroup& g : groups) {
        out += std::string(kind) + " " + g.code + " (" + std::to_string(g.count) + "):\n";
        for (const ImportIssue& i : g.examples) out += "  " + formatIssue(i) + "\n";
        if (g.count > static_cast<long>(g.examples.size())) {
            out += "  ... and " + std::to_string(g.count - static_cast<long>(g.examples.size())) +
                   " more\n";
        }
    }
}

}  // namespace

void ImportReport::addError(const std::string& code, ImportIssue issue) {
    addTo(m_errors, code, std::move(issue));
}

void ImportReport::addWarning(const std::string& code, ImportIssue issue) {
    addTo(m_warnings, code, std::move(issue));
}

void ImportReport::addWarnings(const ImportReport& other) {
    for (const IssueGroup& group : other.m_warnings) {
        for (const ImportIssue& issue : group.examples) addTo(m_warnings, group.code, issue);
        auto added = std::find_if(m_warnings.begin(), m_warnings.end(),
                                  [&](const IssueGroup& g) { return g.code == group.code; });
        if (added == m_warnings.end()) continue;
        // The examples were counted one each; the group's other issues are counted here.
        added->count += group.count - static_cast<long>(group.examples.size());
    }
}

long ImportReport::errorCount() const { return total(m_errors); }
long ImportReport::warningCount() const { return total(m_warnings); }

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
    return {{"ok", ok()},
            {"counts", counts},
            {"derived", derived},
            {"suggestions", m_suggestions},
            {"errors", groupsToJson(m_errors)},
            {"warnings", groupsToJson(m_warnings)}};
}

std::string ImportReport::toText() const {
    std::string out;
    for (const auto& [key, value] : m_counts) out += key + ": " + std::to_string(value) + "\n";
    for (const DerivedField& d : m_derived) out += "derived: " + d.sentence + "\n";
    for (const std::string& s : m_suggestions) out += "suggestion: " + s + "\n";
    appendGroups(out, "error", m_errors);
    appendGroups(out, "warning", m_warnings);
    out += countedNoun(errorCount(), "error", "errors") + ", " +
           countedNoun(warningCount(), "warning", "warnings") + "\n";
    return out;
}

std::string formatIssue(const ImportIssue& issue) {
    std::string where = issue.file;
    if (issue.row > 0) where += " row " + std::to_string(issue.row);
    if (!issue.column.empty()) {
        where += (issue.row > 0 ? ", column \"" : " column \"") + issue.column + "\"";
    }
    return where.empty() ? issue.message : where + ": " + issue.message;
}

std::string countedNoun(long count, std::string_view singular, std::string_view plural) {
    return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

}  // namespace baton
