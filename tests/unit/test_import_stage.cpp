#include <doctest/doctest.h>

#include <string>

#include "app/file_import.h"
#include "app/session.h"

using namespace baton;

namespace {

const std::string kSales =
    "订货日期,客户,负责人,金额\r\n"
    "2026-01-05,Acme,Ann Lee,1200\r\n"
    "2026-02-07,Beta,Cai Wu,800\r\n"
    "2026-03-09,Gamma,Ann Lee,300\r\n";
const std::string kBroken =
    "订货日期,客户,负责人,金额\r\n"
    "2026-13-45,Acme,Ann Lee,abc\r\n";
const std::string kAccounts =
    "account,sector,office_location\n"
    "Acme,retail,Shanghai\n"
    "Beta,medical,Beijing\n";

// What staging must leave alone.
struct Snapshot {
    std::string workspace;
    std::uint64_t revision;
    std::size_t audit;
    bool canUndo;
    std::string lastResult;
};

Snapshot snapshot(const Session& session) {
    return {session.exportWorkspaceText(), session.revision(), session.workspace().audit.size(),
            session.canUndo(), session.lastResultText()};
}

void checkUnchanged(const Session& session, const Snapshot& before) {
    CHECK(session.exportWorkspaceText() == before.workspace);
    CHECK(session.revision() == before.revision);
    CHECK(session.workspace().audit.size() == before.audit);
    CHECK(session.canUndo() == before.canUndo);
    CHECK(session.lastResultText() == before.lastResult);
}

// A demo session with an allocation run and an undoable status edit.
void prepare(Session& session) {
    session.setClock([] { return std::string("2026-12-04T10:00:00Z"); });
    session.loadDemo();
    session.allocate(AllocateOptions{});
    const Employee& first = session.workspace().employees.front();
    session.setEmployeeStatus(0, EmployeeStatus::OnLeave, first.lastDay);
}

bool logged(const Session& session, const std::string& text) {
    for (const LogEntry& entry : session.log().entries()) {
        if (entry.message.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("import staging") {
    TEST_CASE("stage leaves the session untouched") {
        Session session;
        prepare(session);
        Snapshot before = snapshot(session);
        session.setPendingImport(
            stageFileBytes(session.workspace(), "sales.csv", kSales, "", false));
        checkUnchanged(session, before);
        const PendingImport* pending = session.pendingImport();
        REQUIRE(pending != nullptr);
        CHECK(pending->ok());
        CHECK_FALSE(pending->into);
        REQUIRE(pending->tables.size() == 1);
        CHECK(pending->tables[0].file == "sales.csv");
        CHECK(pending->tables[0].table == "transactions");
        CHECK(pending->tables[0].rows == 3);
        CHECK(pending->before.clients == static_cast<long>(session.workspace().clients.size()));
        CHECK(pending->after.clients == 3);
        CHECK(pending->after.transactions == 3);
        CHECK(pending->reportText == pending->report.toText());
        CHECK_FALSE(pending->report.derived().empty());
    }

    TEST_CASE("commit applies and logs") {
        Session session;
        prepare(session);
        Snapshot before = snapshot(session);
        session.setPendingImport(
            stageFileBytes(session.workspace(), "sales.csv", kSales, "", false));
        ImportOutcome outcome = session.commitImport();
        CHECK(outcome.ok);
        CHECK(session.pendingImport() == nullptr);
        CHECK(session.workspace().clients.size() == 3);
        CHECK(session.revision() > before.revision);
        CHECK_FALSE(session.canUndo());
        CHECK(session.lastResultText().empty());
        CHECK(logged(session, "Imported sales.csv as transactions: 2 employees, 3 clients"));
        const nlohmann::json& entry = session.workspace().audit.back();
        CHECK(entry["kind"] == "import");
        CHECK(entry["detail"]["source"] == "file");
        CHECK(entry["detail"]["file"] == "sales.csv");
        CHECK(entry["detail"]["clients"] == 3);
    }

    TEST_CASE("commit matches the one-shot import") {
        Session staged;
        Session direct;
        staged.setClock([] { return std::string("2026-12-04T10:00:00Z"); });
        direct.setClock([] { return std::string("2026-12-04T10:00:00Z"); });
        staged.setPendingImport(stageFileBytes(staged.workspace(), "sales.csv", kSales, "", false));
        REQUIRE(staged.commitImport().ok);
        std::string report;
        REQUIRE(direct.importFileBytes("sales.csv", kSales, "", report).ok);
        CHECK(staged.exportWorkspaceText() == direct.exportWorkspaceText());
        CHECK(staged.revision() == direct.revision());
    }

    TEST_CASE("discard leaves everything") {
        Session session;
        prepare(session);
        Snapshot before = snapshot(session);
        session.setPendingImport(
            stageFileBytes(session.workspace(), "sales.csv", kSales, "", false));
        session.discardImport();
        CHECK(session.pendingImport() == nullptr);
        checkUnchanged(session, before);
        ImportOutcome late = session.commitImport();
        CHECK_FALSE(late.ok);
        REQUIRE(late.errors.size() == 1);
        CHECK(late.errors[0].message == "no import is waiting for review.");
        checkUnchanged(session, before);
    }

    TEST_CASE("failed stage reports errors by row and column") {
        Session session;
        prepare(session);
        Snapshot before = snapshot(session);
        session.setPendingImport(
            stageFileBytes(session.workspace(), "broken.csv", kBroken, "", false));
        checkUnchanged(session, before);
        const PendingImport* pending = session.pendingImport();
        REQUIRE(pending != nullptr);
        CHECK_FALSE(pending->ok());
        CHECK(pending->errorCount() >= 2);
        CHECK(pending->after.clients == pending->before.clients);
        CHECK(logged(session, "Import of broken.csv rejected:"));

        ImportOutcome described = describeImport(*pending);
        CHECK(described.errors.empty());
        REQUIRE(described.issues.size() >= 2);
        CHECK(described.issues[0].file == "broken.csv");
        CHECK(described.issues[0].row == 2);
        CHECK_FALSE(described.issues[0].column.empty());

        ImportOutcome commit = session.commitImport();
        CHECK_FALSE(commit.ok);
        CHECK(commit.issues.size() == described.issues.size());
        CHECK(session.pendingImport() == nullptr);
        checkUnchanged(session, before);
    }

    TEST_CASE("merge stage counts before and after") {
        Session session;
        prepare(session);
        Snapshot before = snapshot(session);
        std::size_t clients = session.workspace().clients.size();
        std::string csv =
            "account,sector\n" + session.workspace().clients[0].id + ",retail\nNEW-1,medical\n";
        session.setPendingImport(
            stageFileBytes(session.workspace(), "accounts.csv", csv, "", true));
        checkUnchanged(session, before);
        const PendingImport* pending = session.pendingImport();
        REQUIRE(pending != nullptr);
        REQUIRE_MESSAGE(pending->ok(), pending->reportText);
        CHECK(pending->into);
        CHECK(pending->after.clients == static_cast<long>(clients) + 1);
        CHECK(pending->after.employees == pending->before.employees);

        REQUIRE(session.commitImport().ok);
        CHECK(session.workspace().clients.size() == clients + 1);
        CHECK(logged(session, "Merged accounts.csv as clients"));
    }

    TEST_CASE("merge is refused after the workspace changed") {
        Session session;
        prepare(session);
        std::string csv = "account,sector\nNEW-1,medical\n";
        session.setPendingImport(
            stageFileBytes(session.workspace(), "accounts.csv", csv, "", true));
        session.setEmployeeStatus(0, EmployeeStatus::Active, "");
        Snapshot before = snapshot(session);
        ImportOutcome outcome = session.commitImport();
        CHECK_FALSE(outcome.ok);
        REQUIRE(outcome.errors.size() == 1);
        CHECK(outcome.errors[0].message.find("changed after the file was read") !=
              std::string::npos);
        checkUnchanged(session, before);
    }

    TEST_CASE("workspace JSON stages and commits") {
        Session source;
        source.loadDemo();
        std::string text = source.exportWorkspaceText();
        Session session;
        Snapshot before = snapshot(session);
        session.setPendingImport(stageWorkspaceText(session.workspace(), text, "demo.json"));
        checkUnchanged(session, before);
        REQUIRE(session.pendingImport() != nullptr);
        CHECK(session.pendingImport()->after.clients ==
              static_cast<long>(source.workspace().clients.size()));
        REQUIRE(session.commitImport().ok);
        CHECK(session.workspace().clients.size() == source.workspace().clients.size());
        CHECK(session.workspace().audit.back()["detail"]["source"] == "workspace");

        Snapshot loaded = snapshot(session);
        session.setPendingImport(
            stageWorkspaceText(session.workspace(), "{\"format\": ", "bad.json"));
        checkUnchanged(session, loaded);
        REQUIRE(session.pendingImport() != nullptr);
        REQUIRE(session.pendingImport()->errors.size() == 1);
        CHECK(session.pendingImport()->errors[0].line.has_value());
        CHECK(session.pendingImport()->reportText.find("bad.json") != std::string::npos);
    }

    TEST_CASE("several files stage as one import") {
        Session session;
        Snapshot before = snapshot(session);
        session.setPendingImport(
            stageFiles(session.workspace(),
                       {{"accounts.csv", kAccounts, ""}, {"sales.csv", kSales, ""}}, "", false));
        checkUnchanged(session, before);
        const PendingImport* pending = session.pendingImport();
        REQUIRE(pending != nullptr);
        REQUIRE_MESSAGE(pending->ok(), pending->reportText);
        REQUIRE(pending->tables.size() == 2);
        CHECK(pending->tables[0].table == "clients");
        CHECK(pending->tables[1].table == "transactions");
        REQUIRE(session.commitImport().ok);
        CHECK(logged(session, "Imported accounts.csv as clients, sales.csv as transactions."));
    }

    TEST_CASE("one-shot import lists each error") {
        Session session;
        std::string report;
        ImportOutcome outcome = session.importFileBytes("broken.csv", kBroken, "", report);
        CHECK_FALSE(outcome.ok);
        CHECK(outcome.errors.empty());
        REQUIRE_FALSE(outcome.issues.empty());
        CHECK(outcome.issues[0].file == "broken.csv");
        CHECK(outcome.issues[0].row == 2);
    }

    TEST_CASE("error list is capped with a rest entry") {
        std::string csv = "订货日期,客户,负责人,金额\r\n";
        for (int i = 0; i < 30; ++i) csv += "2026-01-05,C" + std::to_string(i) + ",Ann,abc\r\n";
        PendingImport pending = stageFileBytes(Workspace{}, "many.csv", csv, "", false);
        REQUIRE_FALSE(pending.ok());
        long total = pending.report.errorCount();
        REQUIRE(total >= 30);
        std::vector<ImportIssue> list = listImportErrors(pending.report, 3);
        REQUIRE(list.size() == 4);
        CHECK(list[3].file.empty());
        CHECK(list[3].message ==
              "and " + std::to_string(total - 3) + " more errors; see the report");
    }
}
