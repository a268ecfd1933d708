// Reading a manager's proposal as spreadsheets save it: GBK and UTF-16 bytes, semicolon or
// tab separators, headers in another case or in Chinese, and empty files.
#include <doctest/doctest.h>

#include <string>

#include "io/allocation_json.h"
#include "io/encoding.h"

using baton::ProposalReadResult;
using baton::readProposal;

namespace {

std::string firstError(const ProposalReadResult& r) {
    return r.errors.empty() ? std::string() : r.errors.front().message;
}

void checkPairs(const ProposalReadResult& r, const std::string& client,
                const std::string& employee) {
    INFO(firstError(r));
    REQUIRE(r.errors.empty());
    REQUIRE(r.pairs.has_value());
    REQUIRE(r.pairs->size() == 2);
    CHECK((*r.pairs)[0].client == client);
    CHECK((*r.pairs)[0].employee == employee);
}

}  // namespace

TEST_SUITE("proposal csv") {
    TEST_CASE("the format's own header still reads") {
        checkPairs(readProposal("client,employee\nC1,E2\nC3,E4\n"), "C1", "E2");
    }

    TEST_CASE("headers in another case, with spaces, and in either order") {
        checkPairs(readProposal("Client, Employee\nC1, E2\nC3,E4\n"), "C1", "E2");
        checkPairs(readProposal("EMPLOYEE,note,CLIENT\nE2,x,C1\nE4,y,C3\n"), "C1", "E2");
    }

    TEST_CASE("semicolon and tab separators") {
        checkPairs(readProposal("client;employee\nC1;E2\nC3;E4\n"), "C1", "E2");
        checkPairs(readProposal("client\temployee\nC1\tE2\nC3\tE4\n"), "C1", "E2");
    }

    TEST_CASE("Chinese headers in UTF-8 and in GBK") {
        std::string utf8 = "客户,负责人\n客户1,王婷\n客户2,李强\n";
        checkPairs(readProposal(utf8), "客户1", "王婷");
        std::string error;
        std::optional<std::string> gbk = baton::encodeGb18030(utf8, error);
        REQUIRE_MESSAGE(gbk.has_value(), error);
        REQUIRE(*gbk != utf8);
        checkPairs(readProposal(*gbk), "客户1", "王婷");
    }

    TEST_CASE("UTF-16 text with a byte order mark") {
        std::string text = "client,employee\nC1,E2\nC3,E4\n";
        std::string utf16 = "\xFF\xFE";
        for (char ch : text) {
            utf16 += ch;
            utf16 += '\0';
        }
        checkPairs(readProposal(utf16), "C1", "E2");
    }

    TEST_CASE("an empty file says it is empty") {
        for (std::string text : {"", "  \r\n\n"}) {
            ProposalReadResult r = readProposal(text);
            REQUIRE(r.errors.size() == 1);
            CHECK(firstError(r).find("the proposal file is empty") == 0);
        }
    }

    TEST_CASE("a header without pairs warns") {
        for (std::string text : {"client,employee\n", "客户,负责人\r\n\r\n"}) {
            ProposalReadResult r = readProposal(text);
            REQUIRE(r.pairs.has_value());
            CHECK(r.pairs->empty());
            CHECK(r.errors.empty());
            REQUIRE(r.warnings.size() == 1);
            CHECK(r.warnings[0].line == 2);
            CHECK(r.warnings[0].message.find("the proposal has its header but no pairs") == 0);
        }
    }

    TEST_CASE("a wrong header names what it found and what to do") {
        ProposalReadResult r = readProposal("customer,owner\nC1,E2\n");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        CHECK(firstError(r).find("found \"customer,owner\"") != std::string::npos);
        CHECK(firstError(r).find("column headed client") != std::string::npos);
    }

    TEST_CASE("a line without both ids names its line") {
        ProposalReadResult r = readProposal("client;employee\nC1;E2\nC3;\n");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 3);
    }
}
