// Log messages in the UI language. The session and the platform log in English, because
// scripts and tests read the log too. The panels show each message through
// logMessageText(), which rewrites the messages it has a pattern for.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace baton::ui {

// Returns `message` in the current UI language: the zh-CN form when a pattern matches, in
// English the pattern's englishShown form when it has one, otherwise `message` unchanged.
std::string logMessageText(const std::string& message);

// Appends the zh-CN text of every pattern, so that the font atlas can hold its glyphs.
void appendLogTexts(std::string& out);

// One log pattern: literal text with placeholders. "{}" captures any non-empty text,
// "{status}" an employee status code, "{method}" an allocation method code, "{table}" an
// import's table name ("clients"), "{tables}" a list "a.csv as employees, b.csv as
// clients" and "{limit}" a capacity limit ("E03's max_clients", "policy
// default_max_clients", a number or "the policy default"). The last five are shown in the
// UI language, the table names and limits only in Chinese.
struct LogPattern {
    const char* english;
    const char* chinese;
    // The English text shown in place of a message that `english` matches, or nullptr to show
    // the message as logged. It has the placeholders of `english` and may add plural choices
    // "{singular|plural}", each decided by the count captured by the placeholder before it.
    const char* englishShown = nullptr;
};
std::vector<LogPattern> logPatterns();

// Returns `message` rewritten by the first of `patterns` that matches it, in the current UI
// language, as logMessageText() does with the log's own patterns. Returns `message`
// unchanged when none matches. Besides the log's placeholders, "{type}" captures a JSON type such
// as "a string" and "{noun}" a record noun such as "employee", both shown in the UI language.
std::string patternText(std::span<const LogPattern> patterns, const std::string& message);

}  // namespace baton::ui
