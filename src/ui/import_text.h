// The import report's warnings, derived fields and issue codes in the UI language. The
// importer writes each message in English and, for the messages listed here, adds a
// MessageKey: a template key and the values that fill it. In Chinese the UI fills the
// key's template with those values. In English, and for a key without a template, it shows
// the English message as the importer wrote it.
#pragma once

#include <string>
#include <vector>

#include "io/import_report.h"

namespace baton::ui {

// Returns `english` in the current UI language, filling the template of `key` in Chinese.
std::string importMessageText(const std::string& english, const MessageKey& key);

// Returns the title of an issue group's code in Chinese, or the code itself in English and
// for a code without a title.
const char* importCodeTitle(const std::string& code);

// Appends the Chinese text of every template and title, so that the font atlas can hold
// its glyphs.
void appendImportTexts(std::string& out);

// One Chinese template: `chinese` has the placeholders {0}, {1}, ... that the MessageKey's
// values fill, in the order the importer gives them.
struct ImportTemplate {
    const char* key;
    const char* chinese;
};
std::vector<ImportTemplate> importTemplates();

}  // namespace baton::ui
