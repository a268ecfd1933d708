// Importing CSV files into the open workspace (the page's importFile and importFiles with
// {into: true}): the records are merged, and a failed merge changes nothing.
#include <doctest/doctest.h>

#include "app/file_import.h"
#include "core/generator.h"
#include "io/workspace_json.h"

using namespace baton;

namespace {

const char* kMapping = R"({"format": "baton-mapping", "version": 1,
  "tables": {"transactions": {"columns": {"client": "client", "date": "date",
                                          "amount": "amount", "employee": "employee"}}}})";

// Opens a small generated workspace in a new session.
void openGenerated(Session& session) {
    GenerateOptions options;
    options.employees = 5;
    options.clients = 20;
    ImportOutcome opened = session.importWorkspaceText(writeWorkspace(generateWorkspace(options)));
    REQUIRE(opened.ok);
}

// Two new transactions on the first two clients and employees of `ws`.
std::string newTransactions(const Workspace& ws) {
    return "client,date,amount,employee\r\n" + ws.clients[0].id + ",2026-11-01,100," +
           ws.employees[0].id + "\r\n" + ws.clients[1].id + ",2026-11-02,250," +
           ws.employees[1].id + "\r\n";
}

}  // namespace

TEST_SUITE("import into the open workspace") {
    TEST_CASE("file bytes merge into the workspace") {
        Session session;
        openGenerated(session);
        Workspace before = session.workspace();
        std::string report;
        ImportOutcome outcome =
            session.importFileBytes("new.csv", newTransactions(before), kMapping, report, true);
        REQUIRE_MESSAGE(outcome.ok, report);
        const Workspace& after = session.workspace();
        CHECK(after.transactions.size() == before.transactions.size() + 2);
        CHECK(after.clients.size() == before.clients.size());
        CHECK(after.employees.size() == before.employees.size());
        CHECK(after.employees[0].name == before.employees[0].name);
    }

    TEST_CASE("file bytes without into replace the workspace") {
        Session session;
        openGenerated(session);
        Workspace before = session.workspace();
        std::string report;
        ImportOutcome outcome =
            session.importFileBytes("new.csv", newTransactions(before), kMapping, report);
        REQUIRE_MESSAGE(outcome.ok, report);
        CHECK(session.workspace().transactions.size() == 2);
    }

    TEST_CASE("failed merge changes nothing") {
        Session session;
        openGenerated(session);
        std::string before = session.exportWorkspaceText();
        std::string csv = newTransactions(session.workspace()) + "X,2026-13-45,abc,\r\n";
        std::string report;
        ImportOutcome single = session.importFileBytes("bad.csv", csv, kMapping, report, true);
        CHECK_FALSE(single.ok);
        CHECK(report.find("bad.csv row 4") != std::string::npos);
        CHECK(session.exportWorkspaceText() == before);
        ImportOutcome several =
            importFiles(session, {{"bad.csv", csv, "transactions"}}, kMapping, report, true);
        CHECK_FALSE(several.ok);
        CHECK(session.exportWorkspaceText() == before);
    }

    TEST_CASE("several files merge into the workspace") {
        Session session;
        openGenerated(session);
        Workspace before = session.workspace();
        std::string report;
        ImportOutcome outcome =
            importFiles(session, {{"new.csv", newTransactions(before), "transactions"}}, kMapping,
                        report, true);
        REQUIRE_MESSAGE(outcome.ok, report);
        CHECK(session.workspace().transactions.size() == before.transactions.size() + 2);
        CHECK(session.workspace().clients.size() == before.clients.size());
    }
}
