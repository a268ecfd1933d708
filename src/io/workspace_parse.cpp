// Reading JSON text: the nesting check, syntax errors with the line and the column in
// characters, text that is not UTF-8, and the readers of whole files, readWorkspace() and
// readPolicyFile(). The entity readers and reference checks are in io/workspace_json.cpp.
#include "io/workspace_json.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/encoding.h"
#include "io/json_fields.h"
#include "io/workspace_sax.h"

namespace baton {

using nlohmann::json;
using workspace_sax::StreamedLists;

namespace {

// nlohmann's message without its "[json.exception...] parse error at line L, column C: "
// prefix, whose column counts bytes.
std::string syntaxMessage(const std::string& exceptionText) {
    std::size_t at = exceptionText.find(": ");
    std::string detail = at == std::string::npos ? exceptionText : exceptionText.substr(at + 2);
    if (detail.find("unexpected end of input") != std::string::npos) {
        return json_fields::validUtf8("invalid JSON: " + detail +
                                      "; the text ends before the JSON is complete, so it may "
                                      "be cut off: save or copy the whole file again");
    }
    return json_fields::validUtf8("invalid JSON: " + detail + "; fix the syntax at this position");
}

// nlohmann's message without its "[json.exception.NAME.ID] " prefix.
std::string exceptionMessage(const std::string& exceptionText) {
    std::size_t at = exceptionText.find("] ");
    std::string detail = at == std::string::npos ? exceptionText : exceptionText.substr(at + 2);
    return json_fields::validUtf8("invalid JSON: " + detail);
}

// The error for JSON text that is not UTF-8, with what to do. Text that reads as GB18030 is
// named so, since that is what a Chinese editor or Excel saves by default.
std::string notUtf8Message(std::string_view text) {
    if (decodeText(text, Encoding::Gb18030).text) {
        return "the file is not UTF-8 text: it looks like GBK/GB18030, as Chinese Windows "
               "saves text by default. JSON must be UTF-8: save it again as UTF-8 (in Notepad: "
               "Save as, Encoding UTF-8; or iconv -f GB18030 -t UTF-8 FILE > NEW.json), or "
               "import the tables as CSV instead, which may be GBK (baton import "
               "--encoding gb18030, or Import in the page)";
    }
    return "the file is not UTF-8 text (this byte breaks UTF-8): JSON must be UTF-8; save it "
           "again as UTF-8, or import the tables as CSV instead";
}

// True for the characters of a JSON number.
bool isNumberCharacter(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The error for a number too large for a double, which nlohmann reports as an out_of_range
// exception (406) at `position`, the count of bytes read up to the end of the number (or
// one byte past it). The error points at the number's first character.
JsonError numberOverflowError(std::string_view text, std::size_t position) {
    std::size_t end = std::min(position, text.size());
    while (end > 0 && !isNumberCharacter(text[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && isNumberCharacter(text[start - 1])) --start;
    std::string number(text.substr(start, end - start));
    return syntaxErrorAt(text, start + 1,
                         "invalid JSON: the number " + number +
                             " is too large for a double, which holds numbers from -1.7e308 to "
                             "1.7e308; write the figure in that range, or put it in double "
                             "quotes if it is an id or a code, which are text");
}

// A SAX handler for nlohmann::json::sax_parse that accepts every value and keeps the
// failure, so that a failure which json::parse throws without a position (a number too
// large for a double) gets one.
struct FailureLocator {
    std::optional<workspace_sax::ParseFailure> failure;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string& /*token*/,
                     const nlohmann::detail::exception& error) {
        bool syntax = dynamic_cast<const json::parse_error*>(&error) != nullptr;
        failure = workspace_sax::ParseFailure{syntax, position, error.what()};
        return false;
    }
};

JsonError parseFailureError(std::string_view text, const workspace_sax::ParseFailure& failure) {
    std::string_view body = text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return JsonError{"", std::nullopt, std::nullopt,
                         "the file is empty: it holds no JSON at all; pick the right file "
                         "or save it again"};
    }
    if (!failure.syntax) {
        if (failure.byte > 0 && failure.what.find("number overflow") != std::string::npos) {
            return numberOverflowError(text, failure.byte);
        }
        return JsonError{"", std::nullopt, std::nullopt, exceptionMessage(failure.what)};
    }
    // A parse that stops at or after a byte that breaks UTF-8 failed on the encoding, not on
    // the syntax: most often a file saved as GBK by Chinese Windows.
    std::size_t bad = invalidUtf8Offset(text);
    if (bad != std::string_view::npos && bad < failure.byte) {
        return syntaxErrorAt(text, bad + 1, notUtf8Message(text));
    }
    return syntaxErrorAt(text, failure.byte, syntaxMessage(failure.what));
}

}  // namespace

JsonError syntaxErrorAt(std::string_view text, std::size_t byte, std::string message) {
    std::size_t end = byte == 0 ? 0 : std::min(byte - 1, text.size());
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (std::size_t i = lineStart; i < end; ++i) {
        // Continuation bytes 10xxxxxx do not start a character.
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return JsonError{"", line, column, std::move(message), end};
}

std::optional<json> parseJsonDocument(std::string_view text, std::vector<JsonError>& errors) {
    if (std::optional<JsonError> nul = checkJsonNul(text)) {
        errors.push_back(*nul);
        return std::nullopt;
    }
    if (std::optional<JsonError> deep = checkJsonDepth(text)) {
        errors.push_back(*deep);
        return std::nullopt;
    }
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        errors.push_back(parseFailureError(text, {true, e.byte, e.what()}));
    } catch (const json::exception& e) {
        FailureLocator locator;
        json::sax_parse(text.begin(), text.end(), &locator);
        errors.push_back(parseFailureError(
            text, locator.failure.value_or(workspace_sax::ParseFailure{false, 0, e.what()})));
    }
    return std::nullopt;
}

std::optional<JsonError> checkJsonNul(std::string_view text) {
    std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return std::nullopt;
    return syntaxErrorAt(text, nul + 1,
                         "invalid JSON: a NUL character (U+0000) is not allowed in JSON text; "
                         "remove it and read the text again");
}

std::optional<JsonError> checkJsonDepth(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '"') {
            inString = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > maxDepth) {
                return syntaxErrorAt(text, i + 1,
                                     "invalid JSON: arrays and objects nest deeper than " +
                                         std::to_string(maxDepth) +
                                         " levels; flatten the data at this position");
            }
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

WorkspaceReadResult readWorkspace(std::string_view text) {
    WorkspaceReadResult result;
    // A workspace saved as UTF-16 (Windows Notepad's "Unicode") is read as its UTF-8 text.
    std::string converted;
    if (startsLikeUtf16Json(text)) {
        DecodeViewResult decoded = decodeTextView(text, Encoding::Auto, converted);
        if (!decoded.text) {
            result.errors.push_back(JsonError{"", std::nullopt, std::nullopt,
                                              "the file starts like UTF-16 text but is not "
                                              "valid UTF-16 (" +
                                                  decoded.error + "); save it as UTF-8"});
            return result;
        }
        text = *decoded.text;
    }
    if (std::optional<JsonError> nul = checkJsonNul(text)) {
        result.errors.push_back(*nul);
        return result;
    }
    if (std::optional<JsonError> deep = checkJsonDepth(text)) {
        result.errors.push_back(*deep);
        return result;
    }
    json skeleton;
    StreamedLists lists;
    if (auto failure = workspace_sax::parseWorkspaceStream(text, skeleton, lists)) {
        result.errors.push_back(parseFailureError(text, *failure));
        return result;
    }
    return workspace_sax::assembleWorkspace(skeleton, &lists);
}

PolicyReadResult readPolicyFile(std::string_view text) {
    PolicyReadResult result;
    std::optional<json> doc = parseJsonDocument(text, result.errors);
    if (!doc) return result;
    auto format = doc->is_object() ? doc->find("format") : doc->end();
    if (!doc->is_object() || format == doc->end()) return policyFromJson(*doc, "");
    if (!format->is_string() || format->get<std::string>() != "baton-workspace") {
        result.errors.push_back(JsonError{"/format", std::nullopt, std::nullopt,
                                          "a policy file holds a bare policy object or a "
                                          "whole workspace with \"format\": "
                                          "\"baton-workspace\", found " +
                                              format->dump()});
        return result;
    }
    auto policy = doc->find("policy");
    result.pointer = "/policy";
    if (policy == doc->end() || policy->is_null()) {
        result.policy = Policy{};
        return result;
    }
    PolicyReadResult read = policyFromJson(*policy, "/policy");
    read.pointer = "/policy";
    return read;
}

}  // namespace baton
