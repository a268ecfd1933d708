#include "io/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

namespace baton {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The 1-based line of byte `offset` in `bytes`, counting LF bytes (right for UTF-8 and
// GB18030, whose multi-byte sequences never contain 0x0A).
long lineOfOffset(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    return 1 + static_cast<long>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

struct IconvOutcome {
    std::string text;
    bool ok = true;
    std::size_t failedAt = 0;  // input offset of the first byte iconv rejected
    std::string reason;
};

// Appends the conversion of `input` to `out.text`, resetting `cd` first; on failure sets
// `out.ok`, `out.failedAt` and `out.reason` and keeps what was converted before.
void appendConverted(iconv_t cd, std::string_view input, IconvOutcome& out) {
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    std::size_t written = out.text.size();
    out.text.resize(written + input.size() * 2 + 16);
    char* in = const_cast<char*>(input.data());
    std::size_t inLeft = input.size();
    while (inLeft > 0) {
        char* dst = out.text.data() + written;
        std::size_t outLeft = out.text.size() - written;
        std::size_t rc = iconv(cd, &in, &inLeft, &dst, &outLeft);
        written = out.text.size() - outLeft;
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.text.resize(out.text.size() * 2);
            continue;
        }
        out.ok = false;
        out.failedAt = input.size() - inLeft;
        out.reason = errno == EINVAL ? "the text ends inside a multi-byte character"
                                     : "a byte sequence is not valid in this encoding";
        break;
    }
    out.text.resize(written);
}

// An iconv descriptor closed on destruction; `cd` is (iconv_t)-1 when iconv_open failed.
struct IconvHandle {
    iconv_t cd;
    IconvHandle(const char* to, const char* from) : cd(iconv_open(to, from)) {}
    ~IconvHandle() {
        if (opened()) iconv_close(cd);
    }
    IconvHandle(const IconvHandle&) = delete;
    IconvHandle& operator=(const IconvHandle&) = delete;
    bool opened() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

IconvOutcome convert(std::string_view input, const char* from, const char* to) {
    IconvOutcome out;
    IconvHandle handle(to, from);
    if (!handle.opened()) {
        out.ok = false;
        out.reason = std::string("this system's iconv cannot convert ") + from + " to " + to;
        return out;
    }
    appendConverted(handle.cd, input, out);
    return out;
}

// Converts `bytes` with iconv into `storage`; the view is into `storage`.
DecodeViewResult fromIconv(std::string_view bytes, const char* from, std::string detected,
                           std::string& storage) {
    DecodeViewResult result;
    result.detected = std::move(detected);
    IconvOutcome converted = convert(bytes, from, "UTF-8");
    if (!converted.ok) {
        result.error = "line " + std::to_string(lineOfOffset(bytes, converted.failedAt)) +
                       ": cannot read the file as " + result.detected + " (" + converted.reason +
                       ")";
        return result;
    }
    storage = std::move(converted.text);
    std::string_view text(storage);
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    result.text = text;
    return result;
}

// The offset of the first byte that breaks UTF-8, or npos.
std::size_t firstInvalidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size();
    std::size_t i = 0;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    while (i < n) {
        // Eight ASCII bytes at a time: none has its high bit set.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, sizeof word);
            std::uint64_t high = word & kHighBits;
            if (high == 0) {
                i += 8;
                continue;
            }
            // The word holds a non-ASCII byte, so the ASCII bytes before it are skipped here
            // without loading a word at each of them.
            while (p[i] < 0x80) ++i;
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;  // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < low || p[i + 1] > high) return i;
        for (std::size_t k = 2; k < len; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

// The bytes after a UTF-8 byte order mark, checked in place. When `strict` is false,
// invalid bytes give a result with neither text nor error, so that the caller tries GB18030.
DecodeViewResult decodeUtf8(std::string_view bytes, bool strict) {
    DecodeViewResult result;
    bool bom = bytes.substr(0, 3) == kUtf8Bom;
    if (bom) bytes.remove_prefix(3);
    result.detected = bom ? "utf-8-bom" : "utf-8";
    std::size_t bad = firstInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
        if (!strict) return result;
        result.error = "line " + std::to_string(lineOfOffset(bytes, bad)) +
                       ": the file is not valid UTF-8 (at byte offset " +
                       std::to_string(bad + (bom ? 3 : 0)) + ")";
        return result;
    }
    result.text = bytes;
    return result;
}

enum class LineKind { Ascii, Utf8, Other };

LineKind lineKind(std::string_view line) {
    if (firstInvalidUtf8(line) != std::string_view::npos) return LineKind::Other;
    bool ascii = std::all_of(line.begin(), line.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? LineKind::Ascii : LineKind::Utf8;
}

// Calls visit(line, number) for each line of `bytes`, its LF included; numbers are 1-based.
template <typename Visit>
void forEachLine(std::string_view bytes, Visit visit) {
    long number = 1;
    for (std::size_t start = 0; start < bytes.size(); ++number) {
        std::size_t end = bytes.find('\n', start);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        visit(bytes.substr(start, end - start), number);
        start = end;
    }
}

// The non-ASCII lines of a file by encoding: the count of lines that are valid UTF-8 and
// of those that are not, and the first few line numbers of each.
struct LineCensus {
    static constexpr std::size_t kListed = 5;
    long utf8 = 0;
    long other = 0;
    std::vector<long> utf8Lines;
    std::vector<long> otherLines;
};

LineCensus takeLineCensus(std::string_view bytes) {
    LineCensus census;
    forEachLine(bytes, [&](std::string_view line, long number) {
        LineKind kind = lineKind(line);
        if (kind == LineKind::Ascii) return;
        bool utf8 = kind == LineKind::Utf8;
        ++(utf8 ? census.utf8 : census.other);
        std::vector<long>& listed = utf8 ? census.utf8Lines : census.otherLines;
        if (listed.size() < LineCensus::kListed) listed.push_back(number);
    });
    return census;
}

// "4, 9 and 12", or "4, 9, 12, 15, 20 and 7 more" when `count` passes the numbers listed.
std::string describeLines(const std::vector<long>& listed, long count) {
    std::string out;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        bool last = i + 1 == listed.size() && count == static_cast<long>(listed.size());
        if (i > 0) out += last ? " and " : ", ";
        out += std::to_string(listed[i]);
    }
    long more = count - static_cast<long>(listed.size());
    if (more > 0) out += " and " + std::to_string(more) + " more";
    return out;
}

std::string linesPhrase(long count) {
    return std::to_string(count) + (count == 1 ? " line" : " lines");
}

// "line 4", or "lines 4, 9 and 12": the lines listed, with the count of the others.
std::string lineList(const std::vector<long>& listed, long count) {
    return (count == 1 ? "line " : "lines ") + describeLines(listed, count);
}

// The warning for a file read line by line: names the lines in the minority encoding.
std::string mixedWarning(const LineCensus& census) {
    bool fewerUtf8 = census.utf8 <= census.other;
    long minority = fewerUtf8 ? census.utf8 : census.other;
    long majority = fewerUtf8 ? census.other : census.utf8;
    const char* minorityName = fewerUtf8 ? "UTF-8" : "GB18030 (GBK)";
    const char* majorityName = fewerUtf8 ? "GB18030 (GBK)" : "UTF-8";
    return "the file mixes two encodings, as when two exports are joined: " +
           linesPhrase(minority) + " in " + minorityName + " (" +
           lineList(fewerUtf8 ? census.utf8Lines : census.otherLines, minority) + ") among " +
           linesPhrase(majority) + " in " + majorityName +
           "; each line was read in its own encoding. Check those lines, and save the file "
           "again in one encoding (CSV UTF-8) so that no line depends on this guess";
}

// Reads each line in its own encoding: UTF-8 lines as they are, the others as GB18030.
DecodeViewResult decodeByLine(std::string_view bytes, const LineCensus& census,
                              std::string& storage) {
    DecodeViewResult result;
    result.detected = "utf-8+gb18030";
    IconvHandle handle("UTF-8", "GB18030");
    if (!handle.opened()) {
        result.error = "line 1: this system's iconv cannot read GB18030";
        return result;
    }
    IconvOutcome out;
    out.text.reserve(bytes.size() + bytes.size() / 2);
    // Consecutive lines that are not UTF-8 are converted by one iconv call.
    std::size_t runStart = 0, runEnd = 0;
    auto flush = [&]() {
        if (runEnd > runStart && out.ok) {
            appendConverted(handle.cd, bytes.substr(runStart, runEnd - runStart), out);
            if (!out.ok) out.failedAt += runStart;
        }
        runStart = runEnd;
    };
    forEachLine(bytes, [&](std::string_view line, long) {
        std::size_t offset = static_cast<std::size_t>(line.data() - bytes.data());
        if (lineKind(line) == LineKind::Other) {
            if (runEnd != offset) runStart = offset;
            runEnd = offset + line.size();
            return;
        }
        flush();
        if (out.ok) out.text.append(line);
        runStart = runEnd = offset + line.size();
    });
    flush();
    if (!out.ok) {
        result.error = "line " + std::to_string(lineOfOffset(bytes, out.failedAt)) +
                       ": the line is neither UTF-8 nor GB18030 (" + out.reason + ")";
        return result;
    }
    storage = std::move(out.text);
    std::string_view text(storage);
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    result.text = text;
    result.warning = mixedWarning(census);
    return result;
}

// Decodes a file that is not valid UTF-8: as GB18030 when no non-ASCII line is UTF-8, else
// line by line. With `forced`, the encoding setting asked for GB18030, so the whole file
// is read as GB18030 and the UTF-8 lines are only warned about.
DecodeViewResult decodeGb18030(std::string_view bytes, bool forced, std::string& storage) {
    LineCensus census = takeLineCensus(bytes);
    if (census.utf8 > 0 && census.other > 0 && !forced) {
        return decodeByLine(bytes, census, storage);
    }
    DecodeViewResult result = fromIconv(bytes, "GB18030", "gb18030", storage);
    if (!result.text && !forced) {
        // GB18030 was only the last guess, so the message lists every encoding tried.
        std::string where = result.error.substr(0, result.error.find(':'));
        result.error = where + ": the file is not text in UTF-8, UTF-16 or GB18030 (GBK), the "
                       "encodings tried; a spreadsheet or other binary file must be saved as "
                       ".xlsx or CSV first";
    }
    if (result.text && census.utf8 > 0 && census.other > 0) {
        result.warning = lineList(census.utf8Lines, census.utf8) +
                         (census.utf8 == 1 ? " is" : " are") +
                         " valid UTF-8 and the other non-ASCII lines are not, but the whole file "
                         "was read as GB18030, as its encoding setting asks, so " +
                         (census.utf8 == 1 ? "that line" : "those lines") + " may be garbled. "
                         "Set the encoding to auto to read each line in its own encoding, or "
                         "save the file again in one encoding (CSV UTF-8)";
    }
    return result;
}

// The byte order of UTF-16 text without a byte order mark, guessed from the first 512
// bytes: in text that is mostly ASCII, every other byte is zero. nullptr when not UTF-16.
const char* utf16WithoutBom(std::string_view bytes) {
    std::string_view start = bytes.substr(0, 512);
    std::size_t pairs = start.size() / 2;
    if (pairs < 2) return nullptr;
    std::size_t evenZeros = 0, oddZeros = 0;
    for (std::size_t i = 0; i + 1 < start.size(); i += 2) {
        evenZeros += start[i] == '\0';
        oddZeros += start[i + 1] == '\0';
    }
    if (oddZeros * 2 >= pairs && evenZeros * 8 < oddZeros) return "UTF-16LE";
    if (evenZeros * 2 >= pairs && oddZeros * 8 < evenZeros) return "UTF-16BE";
    return nullptr;
}

}  // namespace

std::optional<Encoding> parseEncoding(std::string_view name) {
    std::string n = lowerAscii(name);
    if (n == "auto") return Encoding::Auto;
    if (n == "utf-8" || n == "utf8") return Encoding::Utf8;
    if (n == "utf-16" || n == "utf16") return Encoding::Utf16;
    if (n == "gb18030" || n == "gbk" || n == "gb2312") return Encoding::Gb18030;
    return std::nullopt;
}

bool startsLikeUtf16(std::string_view bytes) {
    std::string_view start = bytes.substr(0, 2);
    return start == "\xFF\xFE" || start == "\xFE\xFF" || utf16WithoutBom(bytes) != nullptr;
}

bool startsLikeUtf16Json(std::string_view text) {
    if (!startsLikeUtf16(text)) return false;
    std::string_view first = text.substr(0, 2);
    if (first == "\xFF\xFE" || first == "\xFE\xFF") return true;
    auto opens = [](char c) {
        return c == '{' || c == '[' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    bool little = opens(first[0]) && first[1] == '\0';
    bool big = first[0] == '\0' && opens(first[1]);
    return little || big;
}

bool isValidUtf8(std::string_view bytes) {
    return firstInvalidUtf8(bytes) == std::string_view::npos;
}

std::size_t invalidUtf8Offset(std::string_view bytes) { return firstInvalidUtf8(bytes); }

DecodeViewResult decodeTextView(std::string_view bytes, Encoding encoding, std::string& storage) {
    bool le = bytes.substr(0, 2) == "\xFF\xFE";
    bool be = bytes.substr(0, 2) == "\xFE\xFF";
    if (encoding == Encoding::Utf16 || (encoding == Encoding::Auto && (le || be))) {
        // iconv's "UTF-16LE"/"UTF-16BE" keep a byte order mark as U+FEFF, removed afterwards.
        return fromIconv(bytes, be ? "UTF-16BE" : "UTF-16LE", be ? "utf-16be" : "utf-16le",
                         storage);
    }
    if (encoding == Encoding::Utf8) return decodeUtf8(bytes, true);
    if (encoding == Encoding::Auto) {
        if (const char* utf16 = utf16WithoutBom(bytes)) {
            bool little = std::string_view(utf16) == "UTF-16LE";
            DecodeViewResult result =
                fromIconv(bytes, utf16, little ? "utf-16le" : "utf-16be", storage);
            if (result.text) {
                result.warning = std::string("the file has no byte order mark but every other "
                                             "byte is zero, so it was read as ") +
                                 utf16 + "; save it as UTF-8 so that no guess is needed";
            }
            return result;
        }
        DecodeViewResult utf8 = decodeUtf8(bytes, false);
        if (utf8.text) return utf8;
    }
    return decodeGb18030(bytes, encoding == Encoding::Gb18030, storage);
}

DecodeResult decodeText(std::string_view bytes, Encoding encoding) {
    std::string storage;
    DecodeViewResult view = decodeTextView(bytes, encoding, storage);
    DecodeResult result;
    result.detected = std::move(view.detected);
    result.error = std::move(view.error);
    result.warning = std::move(view.warning);
    if (!view.text) return result;
    // Only a conversion writes into `storage`; then the view starts at its offset 0 or 3.
    if (!storage.empty()) {
        storage.erase(0, static_cast<std::size_t>(view.text->data() - storage.data()));
        result.text = std::move(storage);
    } else {
        result.text = std::string(*view.text);
    }
    return result;
}

namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`. The input
// is known to be valid UTF-8.
char32_t nextCodePoint(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return s[i++];
    int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
    i += length;
    return cp;
}

void appendBytes(std::string& out, std::uint32_t code, int length) {
    for (int k = length - 1; k >= 0; --k) out.push_back(static_cast<char>((code >> (8 * k)) & 0xFF));
}

// The GB18030 codes of the Basic Multilingual Plane, found by decoding every two-byte code
// and every four-byte code below 0x84 0x31 0xA5 0x30 with iconv.
std::map<char32_t, std::uint32_t> gb18030ReverseTable(std::string& error) {
    std::map<char32_t, std::uint32_t> table;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        error = "this system's iconv cannot read GB18030";
        return table;
    }
    auto decodeOne = [&](std::uint32_t code, int length) {
        char in[4], out[8];
        for (int k = 0; k < length; ++k) in[k] = static_cast<char>(code >> (8 * (length - 1 - k)));
        char* ip = in;
        char* op = out;
        std::size_t inLeft = static_cast<std::size_t>(length), outLeft = sizeof out;
        if (iconv(cd, &ip, &inLeft, &op, &outLeft) == static_cast<std::size_t>(-1)) return;
        std::size_t at = 0;
        std::string_view decoded(out, sizeof out - outLeft);
        if (decoded.empty() || !isValidUtf8(decoded)) return;
        table.emplace(nextCodePoint(decoded, at), code);
    };
    for (std::uint32_t lead = 0x81; lead <= 0xFE; ++lead) {
        for (std::uint32_t trail = 0x40; trail <= 0xFE; ++trail) {
            if (trail != 0x7F) decodeOne((lead << 8) | trail, 2);
        }
    }
    for (std::uint32_t b1 = 0x81; b1 <= 0x84; ++b1) {
        for (std::uint32_t b2 = 0x30; b2 <= 0x39; ++b2) {
            for (std::uint32_t b3 = 0x81; b3 <= 0xFE; ++b3) {
                for (std::uint32_t b4 = 0x30; b4 <= 0x39; ++b4) {
                    decodeOne((b1 << 24) | (b2 << 16) | (b3 << 8) | b4, 4);
                }
            }
        }
    }
    iconv_close(cd);
    return table;
}

}  // namespace

std::optional<std::string> encodeGb18030ByTable(std::string_view utf8, std::string& error) {
    if (!isValidUtf8(utf8)) {
        error = "cannot write GB18030: the text is not valid UTF-8";
        return std::nullopt;
    }
    std::map<char32_t, std::uint32_t> table = gb18030ReverseTable(error);
    if (table.empty()) return std::nullopt;
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = nextCodePoint(utf8, i);
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp >= 0x10000) {
            // Supplementary planes map linearly onto four-byte codes from 0x90 0x30 0x81 0x30.
            std::uint32_t linear = cp - 0x10000;
            out.push_back(static_cast<char>(0x90 + linear / 12600));
            out.push_back(static_cast<char>(0x30 + linear / 1260 % 10));
            out.push_back(static_cast<char>(0x81 + linear / 10 % 126));
            out.push_back(static_cast<char>(0x30 + linear % 10));
        } else if (auto code = table.find(cp); code != table.end()) {
            appendBytes(out, code->second, code->second > 0xFFFF ? 4 : 2);
        } else {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            error = std::string("cannot write ") + hex + " in GB18030; write UTF-8 instead";
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> encodeGb18030(std::string_view utf8, std::string& error) {
    iconv_t probe = iconv_open("GB18030", "UTF-8");
    if (probe == reinterpret_cast<iconv_t>(-1)) return encodeGb18030ByTable(utf8, error);
    iconv_close(probe);
    IconvOutcome converted = convert(utf8, "UTF-8", "GB18030");
    if (!converted.ok) {
        error = "cannot write GB18030 (" + converted.reason + " at byte " +
                std::to_string(converted.failedAt) + "); write UTF-8 instead";
        return std::nullopt;
    }
    return converted.text;
}

}  // namespace baton
