// Bad input to the import: mixed encodings, invisible characters in cells, damaged
// workbooks, wide tables. Each fixture is written here, byte by byte where it matters.
#include <doctest/doctest.h>

#include <string>

#include "app/file_import.h"
#include "app/session.h"
#include "io/importer.h"

using namespace baton;

namespace {

// "中文" and "客户" in GBK; "客户" and "王婷" in UTF-8 are written as text.
const std::string kGbkChinese = "\xD6\xD0\xCE\xC4";
const std::string kGbkClient = "\xBF\xCD\xBB\xA7";

const char* kClients = R"({"format": "baton-mapping", "version": 1, "tables": {"clients": {}}})";
const char* kUtf8Clients = R"({"format": "baton-mapping", "version": 1,
                               "tables": {"clients": {"encoding": "utf-8"}}})";

LoadTableResult loadClients(const std::string& file, const std::string& bytes,
                            ImportSurface surface = ImportSurface::Page) {
    return loadTable(Entity::Clients, file, bytes, TableMapping{}, surface);
}

// Loads `bytes` as c.csv, a clients table whose mapping sets the encoding to gb18030.
LoadTableResult loadAsGb18030(const std::string& bytes, ImportSurface surface) {
    TableMapping gb;
    gb.encoding = "gb18030";
    return loadTable(Entity::Clients, "c.csv", bytes, gb, surface);
}

ImportResult importClients(const std::string& file, const std::string& bytes) {
    LoadTableResult loaded = loadClients(file, bytes);
    REQUIRE_MESSAGE(loaded.source, loaded.error);
    std::vector<SourceTable> tables;
    tables.push_back(std::move(*loaded.source));
    ImportOptions options;
    options.today = "2024-01-01";
    return importTables(tables, Mapping{}, nullptr, options);
}

const IssueGroup* findWarning(const ImportReport& report, const std::string& code) {
    for (const IssueGroup& group : report.warnings()) {
        if (group.code == code) return &group;
    }
    return nullptr;
}

std::vector<std::string> clientIds(const Workspace& ws) {
    std::vector<std::string> ids;
    for (const Client& c : ws.clients) ids.push_back(c.id);
    return ids;
}

std::vector<std::string> clientNames(const Workspace& ws) {
    std::vector<std::string> names;
    for (const Client& c : ws.clients) names.push_back(c.name);
    return names;
}

}  // namespace

TEST_SUITE("import input") {
    TEST_CASE("utf-8 lines in a gbk file are read as utf-8") {
        std::string bytes = "id,name\n"
                            "C1," + kGbkChinese + "\n"
                            "C2,客户\n"
                            "C3," + kGbkClient + "\n"
                            "C4," + kGbkChinese + "\n";
        ImportResult result = importClients("joined.csv", bytes);
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(clientNames(*result.workspace) ==
              std::vector<std::string>{"中文", "客户", "客户", "中文"});
        const IssueGroup* warning = findWarning(result.report, "encoding_guessed");
        REQUIRE(warning);
        REQUIRE(warning->examples.size() == 1);
        const ImportIssue& issue = warning->examples.front();
        CHECK(issue.file == "joined.csv");
        CHECK(issue.message.find("1 line in UTF-8 (line 3) among 3 lines in GB18030 (GBK)") !=
              std::string::npos);
        CHECK(issue.message.find("save the file again in one encoding") != std::string::npos);
    }

    TEST_CASE("gbk lines in a utf-8 file are named") {
        std::string bytes = "id,name\n";
        for (int i = 1; i <= 9; ++i) bytes += "C" + std::to_string(i) + ",王婷\n";
        for (int i = 10; i <= 17; ++i) bytes += "C" + std::to_string(i) + "," + kGbkClient + "\n";
        ImportResult result = importClients("joined.csv", bytes);
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(result.workspace->clients.at(0).name == "王婷");
        CHECK(result.workspace->clients.at(16).name == "客户");
        const IssueGroup* warning = findWarning(result.report, "encoding_guessed");
        REQUIRE(warning);
        CHECK(warning->examples.front().message.find(
                  "8 lines in GB18030 (GBK) (lines 11, 12, 13, 14, 15 and 3 more) among 9 lines "
                  "in UTF-8") != std::string::npos);
    }

    TEST_CASE("loaded table records the mixed encoding") {
        LoadTableResult loaded = loadClients("joined.csv", "id\n" + kGbkClient + "\n客户\n");
        REQUIRE(loaded.source);
        CHECK(loaded.source->encoding == "utf-8+gb18030");
    }

    TEST_CASE("byte order mark inside the file is removed with a warning") {
        std::string bytes = "\xEF\xBB\xBFid,name\nC1,Ann\n\xEF\xBB\xBFid,name\nC2,Bo\n";
        ImportResult result = importClients("two.csv", bytes);
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(clientIds(*result.workspace) == std::vector<std::string>{"C1", "id", "C2"});
        const IssueGroup* warning = findWarning(result.report, "byte_order_mark_in_cell");
        REQUIRE(warning);
        CHECK(warning->count == 1);
        CHECK(formatIssue(warning->examples.front()).rfind("two.csv row 3, column \"id\": "
                                                           "removed U+FEFF",
                                                           0) == 0);
    }

    TEST_CASE("nul and control characters are removed with a warning") {
        std::string bytes = "id,name\nC" + std::string(1, '\0') + "1,Ann\x07\nC2,B\x1B[0mo\n";
        ImportResult result = importClients("ctl.csv", bytes);
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(clientIds(*result.workspace) == std::vector<std::string>{"C1", "C2"});
        CHECK(clientNames(*result.workspace) == std::vector<std::string>{"Ann", "B[0mo"});
        const IssueGroup* warning = findWarning(result.report, "control_character_in_cell");
        REQUIRE(warning);
        CHECK(warning->count == 3);
        CHECK(formatIssue(warning->examples.at(0)).rfind(
                  "ctl.csv row 2, column \"id\": removed 1 control character (U+0000)", 0) == 0);
        CHECK(formatIssue(warning->examples.at(1)).rfind("ctl.csv row 2, column \"name\"", 0) ==
              0);
        CHECK(formatIssue(warning->examples.at(2)).rfind(
                  "ctl.csv row 3, column \"name\": removed 1 control character (U+001B)", 0) == 0);
    }

    TEST_CASE("control characters in a header are removed") {
        ImportResult result = importClients("h.csv", "id\x01,name\nC1,Ann\n");
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        const IssueGroup* warning = findWarning(result.report, "control_character_in_cell");
        REQUIRE(warning);
        CHECK(formatIssue(warning->examples.front()).rfind("h.csv row 1, column \"id\"", 0) == 0);
    }

    TEST_CASE("tabs and line breaks in quoted cells are kept") {
        ImportResult result = importClients("ok.csv", "id,name\nC1,\"a\tb\r\nc\"\n");
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(result.workspace->clients.at(0).name == "a\tb\r\nc");
        CHECK(result.report.warnings().empty());
    }

    TEST_CASE("xlsx name with unreadable bytes is a workbook error") {
        LoadTableResult r = loadClients("clients.xlsx", "id,name\nC1,Ann\n");
        CHECK_FALSE(r.source);
        CHECK(r.error ==
              "clients.xlsx: cannot read the file as an XLSX workbook: the file is not a readable "
              "zip archive (the file is too short to be a zip archive). It has no zip signature "
              "and starts like text: if it is a CSV file, rename it to .csv and import it again");
    }

    TEST_CASE("zip signature with a damaged archive is a workbook error") {
        std::string bytes = std::string("PK\x03\x04", 4) + std::string(200, '\x11');
        LoadTableResult r = loadClients("upload.bin", bytes);
        CHECK_FALSE(r.source);
        CHECK(r.error == "upload.bin: cannot read the file as an XLSX workbook: the file is not a "
                         "readable zip archive (no zip end-of-directory record was found). Open "
                         "it in Excel and save it again as .xlsx, or export the sheet as CSV "
                         "UTF-8 and import that");
        CHECK(r.error.find("gb18030") == std::string::npos);
    }

    TEST_CASE("excel 97 workbook is named") {
        std::string bytes = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, 0);
        LoadTableResult r = loadClients("old.xls", bytes);
        CHECK_FALSE(r.source);
        CHECK(r.error.rfind("old.xls: this is an Excel 97-2003 workbook (.xls)", 0) == 0);
    }

    TEST_CASE("csv header starting with PK stays a csv") {
        ImportResult result = importClients("keys.csv", "PK,id,name\n1,C1,Ann\n");
        REQUIRE_MESSAGE(result.workspace, result.report.toText());
        CHECK(clientIds(*result.workspace) == std::vector<std::string>{"C1"});
    }

    TEST_CASE("encoding advice names the page or the command line option") {
        TableMapping utf8;
        utf8.encoding = "utf-8";
        std::string bytes = "id,name\nC1," + kGbkClient + "\n";
        LoadTableResult page = loadTable(Entity::Clients, "c.csv", bytes, utf8);
        REQUIRE_FALSE(page.source);
        CHECK(page.error ==
              "c.csv line 2: the file is not valid UTF-8 (at byte offset 11); save it as UTF-8 "
              "(in Excel: Save As, \"CSV UTF-8\"), or choose its encoding in the import "
              "mapping: set tables.clients.encoding to auto, utf-8, utf-16 or gb18030");
        LoadTableResult cli =
            loadTable(Entity::Clients, "c.csv", bytes, utf8, ImportSurface::CommandLine);
        REQUIRE_FALSE(cli.source);
        CHECK(cli.error == "c.csv line 2: the file is not valid UTF-8 (at byte offset 11); "
                           "save it as UTF-8, or choose its encoding with --encoding (auto, "
                           "utf-8, utf-16 or gb18030)");
    }

    TEST_CASE("wide table lists ten headers and a count") {
        std::string header = "id,name";
        std::string row = "C1,Ann";
        for (int c = 0; c < 50000; ++c) {
            header += ",x" + std::to_string(c);
            row += ",v";
        }
        ImportResult result = importClients("wide.csv", header + "\n" + row + "\n");
        REQUIRE_MESSAGE(result.workspace, result.report.errors().size());
        std::string text = result.report.toText();
        CHECK(text.size() < 4000);
        CHECK(text.find("\"x9\" and 49990 more; kept as extra fields") != std::string::npos);
        CHECK(text.find("\"x10\"") == std::string::npos);
    }

    TEST_CASE("missing column error lists ten headers and a count") {
        std::string header = "id";
        for (int c = 0; c < 30; ++c) header += ",h" + std::to_string(c);
        Mapping mapping;
        mapping.tables["clients"].columns = {{"id", "id"}, {"name", "客户名称"}};
        LoadTableResult loaded = loadClients("m.csv", header + "\nC1\n");
        REQUIRE(loaded.source);
        std::vector<SourceTable> tables;
        tables.push_back(std::move(*loaded.source));
        ImportResult result = importTables(tables, mapping, nullptr, ImportOptions{});
        REQUIRE_FALSE(result.workspace);
        std::string text = result.report.toText();
        CHECK(text.find("\"h8\" and 21 more: correct tables.clients.columns.name") !=
              std::string::npos);
    }
}

TEST_SUITE("import input with gb18030 set") {
    TEST_CASE("utf-8 file with byte order mark is an error") {
        std::string bytes = "\xEF\xBB\xBFid,name\nC1,客户\n";
        LoadTableResult cli = loadAsGb18030(bytes, ImportSurface::CommandLine);
        CHECK_FALSE(cli.source);
        CHECK(cli.error ==
              "c.csv: the file starts with a UTF-8 byte order mark (bytes EF BB BF) and the rest "
              "is valid UTF-8, but its encoding is set to gb18030, which would garble its "
              "headers and text; drop --encoding gb18030 to have the encoding detected, or pass "
              "--encoding utf-8");
        LoadTableResult page = loadAsGb18030(bytes, ImportSurface::Page);
        CHECK_FALSE(page.source);
        CHECK(page.error.find("set tables.clients.encoding in the import mapping to auto or "
                              "utf-8") != std::string::npos);
        CHECK(page.error.find("--encoding") == std::string::npos);
    }

    TEST_CASE("ascii file with byte order mark is an error") {
        LoadTableResult r =
            loadAsGb18030("\xEF\xBB\xBFid,name\nC1,Ann\n", ImportSurface::CommandLine);
        CHECK_FALSE(r.source);
        CHECK(r.error.rfind("c.csv: the file starts with a UTF-8 byte order mark", 0) == 0);
    }

    TEST_CASE("byte order mark before gbk text is removed") {
        std::string bytes = "\xEF\xBB\xBFid,name\nC1," + kGbkChinese + "\n";
        LoadTableResult r = loadAsGb18030(bytes, ImportSurface::CommandLine);
        REQUIRE_MESSAGE(r.source, r.error);
        CHECK(r.source->table.header == std::vector<std::string>{"id", "name"});
        CHECK(r.source->table.cell(0, 1) == "中文");
        const IssueGroup* warning =
            findWarning(r.source->warnings, "utf8_byte_order_mark_removed");
        REQUIRE(warning);
        CHECK(warning->examples.front().file == "c.csv");
        CHECK(warning->examples.front().message.find("the mark was removed and the rest read as "
                                                     "GB18030") != std::string::npos);
    }

    TEST_CASE("valid utf-8 without mark is warned about") {
        // "客户" in UTF-8 is also valid GB18030 ("瀹㈡埛"), so the file decodes, garbled.
        LoadTableResult r = loadAsGb18030("id,name\nC1,客户\n", ImportSurface::CommandLine);
        REQUIRE_MESSAGE(r.source, r.error);
        CHECK(r.source->table.cell(0, 1) == "瀹㈡埛");
        const IssueGroup* warning = findWarning(r.source->warnings, "utf8_read_as_gb18030");
        REQUIRE(warning);
        CHECK(warning->examples.front().message ==
              "the file is valid UTF-8 with non-ASCII text, so it looks like UTF-8, but it was "
              "read as GB18030 because its encoding is set to gb18030; if its headers or names "
              "look garbled, drop --encoding gb18030 to have the encoding detected, or pass "
              "--encoding utf-8");
    }

    TEST_CASE("ascii and gbk files give no warning") {
        LoadTableResult ascii = loadAsGb18030("id,name\nC1,Ann\n", ImportSurface::CommandLine);
        REQUIRE(ascii.source);
        CHECK(ascii.source->warnings.warnings().empty());
        LoadTableResult gbk =
            loadAsGb18030("id,name\nC1," + kGbkClient + "\n", ImportSurface::CommandLine);
        REQUIRE(gbk.source);
        CHECK(gbk.source->table.cell(0, 1) == "客户");
        CHECK(gbk.source->warnings.warnings().empty());
    }

    TEST_CASE("undecodable utf-8 error says utf-8") {
        // "中" is E4 B8 AD in UTF-8; AD followed by a line feed is no GB18030 character.
        LoadTableResult r = loadAsGb18030("id,name\nC1,中\n", ImportSurface::CommandLine);
        CHECK_FALSE(r.source);
        CHECK(r.error == "c.csv line 2: cannot read the file as gb18030 (a byte sequence is not "
                         "valid in this encoding); the file is valid UTF-8, so drop --encoding "
                         "gb18030 to have the encoding detected, or pass --encoding utf-8");
    }

    TEST_CASE("no id column lists the headers read") {
        std::vector<SourceTable> tables;
        LoadTableResult loaded =
            loadClients("h.csv", "编号x,名称y\nC1,Ann\n", ImportSurface::CommandLine);
        REQUIRE(loaded.source);
        tables.push_back(std::move(*loaded.source));
        ImportResult result = importTables(tables, Mapping{}, nullptr, ImportOptions{});
        REQUIRE_FALSE(result.workspace);
        CHECK(result.report.toText().find(
                  "h.csv row 1: no column gives the id or name of clients; add \"id\": "
                  "\"HEADER\" to tables.clients.columns in the import mapping, with one of the "
                  "headers read: \"编号x\", \"名称y\"") != std::string::npos);
    }

    TEST_CASE("no id column on the page names headers to use") {
        std::vector<SourceTable> tables;
        LoadTableResult loaded = loadClients("h.csv", "编号x,名称y\nC1,Ann\n");
        REQUIRE(loaded.source);
        tables.push_back(std::move(*loaded.source));
        ImportResult result = importTables(tables, Mapping{}, nullptr, ImportOptions{});
        REQUIRE_FALSE(result.workspace);
        REQUIRE(result.report.errors().size() == 1);
        const ImportIssue& issue = result.report.errors()[0].examples.at(0);
        CHECK(issue.message.find("no column gives the id or name of clients. In Excel") == 0);
        CHECK(issue.message.find("\"客户编号\"") != std::string::npos);
        CHECK(issue.message.find("\"客户名称\"") != std::string::npos);
        CHECK(issue.message.find("The headers read are \"编号x\", \"名称y\"") != std::string::npos);
        CHECK(issue.message.find("tables.clients.columns") == std::string::npos);
        CHECK(issue.messageKey.key == "unmapped_field.page");
    }
}

TEST_SUITE("import input through the page") {
    TEST_CASE("session import of a mixed file warns") {
        Session session;
        std::string report;
        std::string bytes = "id,name\nC1," + kGbkChinese + "\nC2,客户\nC3," + kGbkClient + "\n";
        ImportOutcome outcome = session.importFileBytes("clients.csv", bytes, kClients, report);
        REQUIRE_MESSAGE(outcome.ok, report);
        CHECK(report.find("warning encoding_guessed (1)") != std::string::npos);
        CHECK(session.workspace().clients.at(1).name == "客户");
    }

    TEST_CASE("page encoding error names the mapping, not the option") {
        Session session;
        std::string report;
        std::string bytes = "id,name\nC1," + kGbkClient + "\n";
        ImportOutcome outcome = session.importFileBytes("clients.csv", bytes, kUtf8Clients, report);
        CHECK_FALSE(outcome.ok);
        CHECK(report.find("--encoding") == std::string::npos);
        CHECK(report.find("tables.clients.encoding") != std::string::npos);
    }

    TEST_CASE("page rejects row with extra cells") {
        Session session;
        std::string report;
        std::string bytes = "id,name,notes\nC8,Gamma,call Monday, then email the CFO\n";
        ImportOutcome outcome = session.importFileBytes("notes.csv", bytes, kClients, report);
        CHECK_FALSE(outcome.ok);
        CHECK(report.find("notes.csv row 2: the row has 4 cells but the header has 3 columns") !=
              std::string::npos);
        CHECK(report.find("set tables.clients.delimiter in the import mapping") !=
              std::string::npos);
        CHECK(session.workspace().clients.empty());
    }

    TEST_CASE("files import of a damaged workbook names it") {
        Session session;
        std::string report;
        std::string bytes = std::string("PK\x03\x04", 4) + std::string(100, 'x');
        ImportOutcome outcome = importFiles(session, {{"accounts.xlsx", bytes, ""}}, "", report);
        CHECK_FALSE(outcome.ok);
        CHECK(report.rfind("accounts.xlsx: cannot read the file as an XLSX workbook", 0) == 0);
    }
}
