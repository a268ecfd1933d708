// Text encodings of imported files: everything is converted to UTF-8 before parsing.
// Detection order for "auto": a byte order mark (UTF-8, UTF-16 LE/BE), then UTF-16 without
// a byte order mark when every other byte of the start is zero, then strict UTF-8, then
// GB18030 (a superset of GBK and GB2312). A file that is neither, but whose lines each are
// UTF-8 or GB18030 (two exports joined into one), is read line by line with a warning.
// Conversion uses iconv (glibc natively, musl in the Emscripten sysroot; both read GB18030).
// NOTE: musl's iconv in the Emscripten 3.1.6 sysroot decodes four-byte GB18030 codes beyond
// the BMP (CJK Extension B and later) to wrong characters; the BMP decodes correctly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace baton {

enum class Encoding { Auto, Utf8, Utf16, Gb18030 };

// Parses "auto", "utf-8", "utf-16", "gb18030" (also "utf8", "gbk", "gb2312", any case).
std::optional<Encoding> parseEncoding(std::string_view name);

struct DecodeResult {
    std::optional<std::string> text;  // UTF-8 without a byte order mark; absent on error
    // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", or "utf-8+gb18030" for a
    // file read line by line
    std::string detected;
    // "line L: ..." saying what failed; empty on success. The caller adds how to choose an
    // encoding, which differs between the command line and the page.
    std::string error;
    std::string warning;  // a guess the user should check (mixed encodings); may be empty
};

// The UTF-8 text of a file as a view: into the bytes given when they already are UTF-8 (a
// byte order mark skipped), else into the storage string given to decodeTextView.
struct DecodeViewResult {
    std::optional<std::string_view> text;  // absent on error
    std::string detected;                  // as in DecodeResult
    std::string error;
    std::string warning;
};

// True when `bytes` starts with a UTF-16 byte order mark, or like UTF-16 text without one
// (every other byte of the start is zero), so that decodeTextView with Auto reads UTF-16.
bool startsLikeUtf16(std::string_view bytes);

// True when `text` starts with a UTF-16 byte order mark, or with JSON's first character
// ('{', '[' or white space) in UTF-16 and zero bytes as startsLikeUtf16 counts them. Other
// text with zero bytes is not taken for UTF-16 JSON, because nlohmann::json 3.11.2 ends its
// input at a zero byte, and JSON readers must agree on where a document ends.
bool startsLikeUtf16Json(std::string_view text);

// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view bytes);
// The offset of the first byte that breaks UTF-8 in `bytes`, or npos when there is none.
std::size_t invalidUtf8Offset(std::string_view bytes);

// Converts `bytes` in `encoding` to UTF-8. A byte order mark is removed, never kept as part
// of the first header. With Utf16 and no byte order mark, little endian is assumed.
DecodeResult decodeText(std::string_view bytes, Encoding encoding);

// Decodes like decodeText without copying text that is valid UTF-8: the view points into
// `bytes`, and only a conversion writes into `storage`. Both must outlive the view.
DecodeViewResult decodeTextView(std::string_view bytes, Encoding encoding, std::string& storage);

// Converts UTF-8 text to GB18030; nullopt when it cannot, with the reason in `error`. Where
// iconv cannot write GB18030 (musl's in the Emscripten sysroot only reads it), the
// conversion goes through encodeGb18030ByTable.
std::optional<std::string> encodeGb18030(std::string_view utf8, std::string& error);

// Converts UTF-8 text to GB18030 with a reverse table built by decoding every GB18030 code
// of the Basic Multilingual Plane with iconv (about 63,000 calls, built on each call).
std::optional<std::string> encodeGb18030ByTable(std::string_view utf8, std::string& error);

}  // namespace baton
