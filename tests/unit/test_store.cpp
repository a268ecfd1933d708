#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/workspace_json.h"
#include "store/backup.h"
#include "store/pseudonymise.h"
#include "store/snapshot.h"
#include "store/store_meta.h"
#include "store/store_time.h"
#include "store/workspace_store.h"

namespace fs = std::filesystem;

namespace {

std::string fixtureText() {
    std::ifstream in(std::string(BATON_SOURCE_DIR) + "/tests/fixtures/workspace_round_trip.json");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

baton::Workspace fixture() {
    baton::WorkspaceReadResult read = baton::readWorkspace(fixtureText());
    REQUIRE(read.workspace.has_value());
    return std::move(*read.workspace);
}

// A fresh, empty folder under the system temporary folder.
fs::path freshRoot(const char* name) {
    fs::path root = fs::temp_directory_path() / name;
    fs::remove_all(root);
    fs::create_directories(root);
    return root;
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kNow = "2026-12-04T10:00:00Z";

}  // namespace

TEST_SUITE("store meta") {
    TEST_CASE("meta round trip keeps every field") {
        baton::StoreMeta meta;
        meta.generation = 41;
        meta.current = "ws-2";
        meta.workspaces.push_back({"default", "Default workspace", kNow, "", std::nullopt});
        baton::EncryptionInfo info;
        info.salt = "c2FsdA==";
        info.check = "Y2hlY2s=";
        meta.workspaces.push_back({"ws-2", "Firm A", kNow, "2026-12-05T08:00:00Z", info});
        std::string error;
        auto read = baton::readMeta(baton::writeMeta(meta), error);
        REQUIRE(read.has_value());
        CHECK(error.empty());
        CHECK(read->generation == 41);
        CHECK(read->current == "ws-2");
        REQUIRE(read->workspaces.size() == 2);
        CHECK(read->workspaces[0].lastBackup.empty());
        CHECK_FALSE(read->workspaces[0].encryption.has_value());
        CHECK(read->workspaces[1].lastBackup == "2026-12-05T08:00:00Z");
        REQUIRE(read->workspaces[1].encryption.has_value());
        CHECK(read->workspaces[1].encryption->iterations == baton::kMinKdfIterations);
        CHECK(read->workspaces[1].encryption->salt == "c2FsdA==");
    }

    TEST_CASE("meta from a newer version is rejected") {
        std::string error;
        auto read = baton::readMeta(
            R"({"format": "baton-store", "version": 2, "generation": 1, "workspaces": []})", error);
        CHECK_FALSE(read.has_value());
        CHECK(error ==
              "meta.json: storage version 2 is newer than this Baton reads (1); open the page "
              "of a newer Baton");
    }

    TEST_CASE("meta with a bad entry names it") {
        std::string error;
        auto read = baton::readMeta(
            R"({"format": "baton-store", "version": 1, "generation": 3,
                "workspaces": [{"id": "a", "name": "A"}, {"id": 7}]})",
            error);
        CHECK_FALSE(read.has_value());
        CHECK(error ==
              "meta.json: /workspaces/1: expected an object with string id, name, created and "
              "last_backup");
    }
}

TEST_SUITE("snapshot") {
    TEST_CASE("snapshot round trip loses nothing") {
        baton::Workspace workspace = fixture();
        std::string bytes = baton::writeSnapshot(workspace);
        CHECK(baton::isSnapshot(bytes));
        std::string error;
        auto read = baton::readSnapshot(bytes, error);
        REQUIRE(read.has_value());
        CHECK(error.empty());
        CHECK(baton::writeWorkspace(*read) == baton::writeWorkspace(workspace));
    }

    TEST_CASE("damaged snapshot is rejected") {
        std::string bytes = baton::writeSnapshot(fixture());
        std::string error;
        std::string flipped = bytes;
        flipped[flipped.size() / 2] ^= 0x40;
        CHECK_FALSE(baton::readSnapshot(flipped, error).has_value());
        CHECK(error == "snapshot is damaged (CRC-32 mismatch)");

        CHECK_FALSE(baton::readSnapshot(bytes.substr(0, bytes.size() - 9), error).has_value());
        CHECK(error == "snapshot is truncated or has trailing bytes");

        CHECK_FALSE(baton::readSnapshot("{\"format\": 1}", error).has_value());
        CHECK(error == "not a Baton snapshot (wrong magic)");

        std::string newer = bytes;
        newer[8] = 9;
        CHECK_FALSE(baton::readSnapshot(newer, error).has_value());
        CHECK(error == "snapshot version 9 is newer than this Baton reads (1)");
    }

    TEST_CASE("snapshot of an empty workspace") {
        baton::Workspace empty;
        std::string error;
        auto read = baton::readSnapshot(baton::writeSnapshot(empty), error);
        REQUIRE(read.has_value());
        CHECK(read->clients.empty());
        CHECK(baton::writeWorkspace(*read) == baton::writeWorkspace(empty));
    }
}

TEST_SUITE("workspace store") {
    TEST_CASE("first layout is migrated without loss") {
        fs::path root = freshRoot("baton-store-migrate");
        writeText(root / "workspaces/default/workspace.json", fixtureText());
        baton::WorkspaceStore store(root.string());
        baton::StoreOpenOutcome opened = store.open(kNow);
        REQUIRE(opened.ok);
        CHECK(opened.migrated);
        REQUIRE(store.meta().workspaces.size() == 1);
        CHECK(store.meta().current == "default");
        CHECK(store.meta().workspaces[0].name == "Default workspace");
        CHECK(fs::exists(root / "meta.json"));

        std::string error;
        auto loaded = store.load("default", error);
        REQUIRE(loaded.has_value());
        CHECK(baton::writeWorkspace(*loaded) == baton::writeWorkspace(fixture()));

        // The first save writes the snapshot and drops the old JSON.
        REQUIRE(store.save("default", *loaded, error));
        CHECK(fs::exists(root / "workspaces/default/workspace.snap"));
        CHECK_FALSE(fs::exists(root / "workspaces/default/workspace.json"));
        baton::WorkspaceStore reopened(root.string());
        REQUIRE(reopened.open(kNow).ok);
        CHECK_FALSE(reopened.open(kNow).migrated);
        auto again = reopened.load("default", error);
        REQUIRE(again.has_value());
        CHECK(baton::writeWorkspace(*again) == baton::writeWorkspace(fixture()));
        fs::remove_all(root);
    }

    TEST_CASE("every save raises the generation") {
        fs::path root = freshRoot("baton-store-generation");
        baton::WorkspaceStore store(root.string());
        REQUIRE(store.open(kNow).ok);
        CHECK(store.meta().generation == 0);
        std::string error;
        std::string id = store.create("Firm A", kNow, error);
        CHECK(id == "ws-1");
        CHECK(store.meta().generation == 1);
        REQUIRE(store.save(id, fixture(), error));
        REQUIRE(store.save(id, fixture(), error));
        CHECK(store.meta().generation == 3);
        baton::WorkspaceStore other(root.string());
        REQUIRE(other.open(kNow).ok);
        CHECK(other.meta().generation == 3);
        CHECK_FALSE(fs::exists(root / "meta.json.tmp"));
        fs::remove_all(root);
    }

    TEST_CASE("create rename duplicate delete") {
        fs::path root = freshRoot("baton-store-crud");
        baton::WorkspaceStore store(root.string());
        REQUIRE(store.open(kNow).ok);
        std::string error;
        std::string a = store.create("  Firm A  ", kNow, error);
        REQUIRE(a == "ws-1");
        CHECK(store.meta().find(a)->name == "Firm A");
        REQUIRE(store.save(a, fixture(), error));
        CHECK(store.rename(a, "Firm A (2027)", error));
        CHECK(store.meta().find(a)->name == "Firm A (2027)");
        CHECK_FALSE(store.rename(a, "bad\nname", error));
        CHECK(error == "workspace name contains a control character");

        std::string b = store.duplicate(a, "2026-12-06T00:00:00Z", error);
        REQUIRE(b == "ws-2");
        CHECK(store.meta().find(b)->name == "Firm A (2027) (copy)");
        auto copy = store.load(b, error);
        REQUIRE(copy.has_value());
        CHECK(baton::writeWorkspace(*copy) == baton::writeWorkspace(fixture()));

        REQUIRE(store.setCurrent(a, error));
        REQUIRE(store.remove(a, error));
        CHECK(store.meta().find(a) == nullptr);
        CHECK(store.meta().current.empty());
        CHECK_FALSE(fs::exists(root / "workspaces/ws-1"));
        CHECK(store.create("", kNow, error) == "ws-3");
        CHECK(store.meta().find("ws-3")->name == "Workspace");
        CHECK_FALSE(store.remove("ws-9", error));
        CHECK(error == "workspace \"ws-9\" not found");
        fs::remove_all(root);
    }

    TEST_CASE("proposal file beside plain data") {
        fs::path root = freshRoot("baton-store-proposal");
        baton::WorkspaceStore store(root.string());
        REQUIRE(store.open(kNow).ok);
        std::string error;
        std::string id = store.create("Firm", kNow, error);
        REQUIRE(store.save(id, fixture(), error));
        CHECK_FALSE(store.readProposal(id, error).has_value());
        CHECK(error.empty());

        REQUIRE(store.writeProposal(id, "{\"method\": \"fair\"}", error));
        CHECK(fs::exists(root / baton::WorkspaceStore::proposalPath(id)));
        CHECK(store.readProposal(id, error) ==
              std::optional<std::string>("{\"method\": \"fair\"}"));
        // A copy has the same data, so it keeps the same proposal.
        std::string copy = store.duplicate(id, kNow, error);
        REQUIRE_FALSE(copy.empty());
        CHECK(store.readProposal(copy, error) == store.readProposal(id, error));

        REQUIRE(store.writeProposal(id, "", error));
        CHECK_FALSE(fs::exists(root / baton::WorkspaceStore::proposalPath(id)));
        CHECK(store.writeProposal(id, "", error));  // removing none is no error
        CHECK_FALSE(store.writeProposal("ws-9", "{}", error));
        CHECK(error == "workspace \"ws-9\" not found");
        fs::remove_all(root);
    }

    TEST_CASE("encrypted data drops the proposal") {
        fs::path root = freshRoot("baton-store-proposal-enc");
        baton::WorkspaceStore store(root.string());
        REQUIRE(store.open(kNow).ok);
        std::string error;
        std::string id = store.create("Secret", kNow, error);
        REQUIRE(store.save(id, fixture(), error));
        REQUIRE(store.writeProposal(id, "{}", error));
        baton::EncryptionInfo key;
        key.salt = "salt";
        key.check = "check";
        REQUIRE(store.setEncryption(id, key, error));
        REQUIRE(store.writeData(id, "sealed bytes", true, error));
        CHECK_FALSE(fs::exists(root / baton::WorkspaceStore::proposalPath(id)));
        CHECK_FALSE(store.readProposal(id, error).has_value());
        CHECK_FALSE(store.writeProposal(id, "{}", error));
        CHECK(error.find("is encrypted") != std::string::npos);
        fs::remove_all(root);
    }

    TEST_CASE("new workspace has no data yet") {
        fs::path root = freshRoot("baton-store-empty");
        baton::WorkspaceStore store(root.string());
        REQUIRE(store.open(kNow).ok);
        std::string error;
        std::string id = store.create("Empty", kNow, error);
        CHECK_FALSE(store.load(id, error).has_value());
        CHECK(error.empty());
        fs::remove_all(root);
    }

    TEST_CASE("unreadable meta leaves storage untouched") {
        fs::path root = freshRoot("baton-store-badmeta");
        writeText(root / "meta.json", "{not json");
        baton::WorkspaceStore store(root.string());
        baton::StoreOpenOutcome opened = store.open(kNow);
        CHECK_FALSE(opened.ok);
        CHECK(opened.error == "meta.json is not a JSON object");
        std::ifstream in(root / "meta.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text == "{not json");
        fs::remove_all(root);
    }
}

TEST_SUITE("pseudonymise") {
    TEST_CASE("pseudonym comes from the id alone") {
        CHECK(baton::pseudonym("Client", "C0042") == "Client 0042");
        CHECK(baton::pseudonym("Employee", "E07") == "Employee 07");
        CHECK(baton::pseudonym("Client", "007") == "Client 007");
        CHECK(baton::pseudonym("Client", "acme") == baton::pseudonym("Client", "acme"));
        CHECK(baton::pseudonym("Client", "acme").size() == std::string("Client ").size() + 8);
        CHECK(baton::pseudonym("Client", "acme") != baton::pseudonym("Client", "acme2x"));
    }

    TEST_CASE("pseudonymised workspace hides names and text") {
        baton::Workspace copy = baton::pseudonymise(fixture());
        std::string text = baton::writeWorkspace(copy);
        CHECK(text.find("王婷") == std::string::npos);
        CHECK(text.find("杭州云帆科技有限公司") == std::string::npos);
        CHECK(text.find("prefers WeChat") == std::string::npos);
        CHECK(text.find("深圳鑫垚贸易有限公司") == std::string::npos);
        CHECK(text.find("0015000000Xyz") == std::string::npos);
        // "SYS" is not an opaque code, so every employee id is replaced, in the old order.
        CHECK(copy.employees[0].id == "E001");
        CHECK(copy.employees[0].name == "Employee 001");
        CHECK(copy.employees[2].id == "E003");
        CHECK(copy.clients[0].name == "Client 0042");
        CHECK(copy.clients[0].id == "C0042");
        CHECK(copy.clients[0].owner == "E002");
        CHECK(copy.extra["pseudonymised"] == true);
        CHECK(baton::readWorkspace(text).workspace.has_value());
    }
}

TEST_SUITE("pseudonymise ids") {
    // A workspace whose ids are names, as a CRM import makes them from name columns.
    constexpr const char* kNamedIds = R"({
      "format": "baton-workspace", "version": 1,
      "company": {"name": "Snelling Trading", "currency": "EUR"},
      "employees": [
        {"id": "Anna Snelling", "name": "Anna Snelling", "status": "active", "team": "Central"},
        {"id": "Daniell Hammack", "name": "Daniell Hammack", "status": "leaving",
         "last_day": "2026-12-31"},
        {"id": "王婷", "name": "王婷", "status": "active"}
      ],
      "clients": [
        {"id": "Acme Corporation", "name": "Acme Corporation", "owner": "Daniell Hammack",
         "revenue_12m": 1000},
        {"id": "杭州云帆科技有限公司", "name": "杭州云帆科技有限公司", "owner": "Anna Snelling"},
        {"id": "Betatech", "name": "Betatech", "owner": "王婷", "notes": "Anna Snelling's friend"}
      ],
      "transactions": [
        {"client": "Acme Corporation", "date": "2026-06-30", "amount": 120,
         "employee": "Daniell Hammack"},
        {"client": "Betatech", "date": "2026-05-01", "amount": 80}
      ],
      "relationships": [
        {"employee": "Anna Snelling", "client": "Acme Corporation", "kind": "served_before"},
        {"employee": "王婷", "client": "杭州云帆科技有限公司", "kind": "conflict"}
      ],
      "deals": [
        {"id": "Acme Corporation renewal", "client": "Acme Corporation",
         "employee": "Daniell Hammack", "stage": "open", "amount": 500}
      ],
      "policy": {
        "pins": [{"client": "Acme Corporation", "employee": "Anna Snelling",
                  "reason": "Anna Snelling knows Acme Corporation"}],
        "forbids": [{"client": "Betatech", "employee": "Daniell Hammack",
                     "reason": "Betatech asked for anyone but Daniell Hammack"}]
      },
      "audit": [{"seq": 1, "action": "edit", "actor": "Anna Snelling",
                 "detail": {"client": "Acme Corporation"}}]
    })";

    baton::Workspace namedIds() {
        baton::WorkspaceReadResult read = baton::readWorkspace(kNamedIds);
        REQUIRE(read.workspace.has_value());
        return std::move(*read.workspace);
    }

    TEST_CASE("opaque codes are recognised") {
        CHECK(baton::isOpaqueCode("C0042"));
        CHECK(baton::isOpaqueCode("E07"));
        CHECK(baton::isOpaqueCode("007"));
        CHECK(baton::isOpaqueCode("EMP-7"));
        CHECK(baton::isOpaqueCode("D_12345678"));
        CHECK_FALSE(baton::isOpaqueCode("Anna Snelling"));
        CHECK_FALSE(baton::isOpaqueCode("A"));
        CHECK_FALSE(baton::isOpaqueCode("SYS"));
        CHECK_FALSE(baton::isOpaqueCode("客户1"));
        CHECK_FALSE(baton::isOpaqueCode("ACME1"));
        CHECK_FALSE(baton::isOpaqueCode("13812345678"));
        CHECK_FALSE(baton::isOpaqueCode(""));
    }

    TEST_CASE("export keeps no name used as an id") {
        std::string text = baton::writeWorkspace(baton::pseudonymise(namedIds()));
        for (const char* original : {"Anna Snelling", "Daniell Hammack", "王婷", "Acme Corporation",
                                     "杭州云帆科技有限公司", "Betatech", "Snelling", "Acme",
                                     "renewal", "knows", "asked"}) {
            CAPTURE(original);
            CHECK(text.find(original) == std::string::npos);
        }
    }

    TEST_CASE("replaced ids still resolve") {
        baton::Workspace copy = baton::pseudonymise(namedIds());
        baton::WorkspaceReadResult read = baton::readWorkspace(baton::writeWorkspace(copy));
        REQUIRE(read.workspace.has_value());
        const baton::Workspace& w = *read.workspace;
        REQUIRE(w.employees.size() == 3);
        REQUIRE(w.clients.size() == 3);
        for (const baton::Client& c : w.clients) {
            REQUIRE(c.owner.has_value());
            CHECK(w.findEmployee(*c.owner) >= 0);
        }
        for (const baton::Transaction& t : w.transactions) CHECK(w.findClient(t.client) >= 0);
        CHECK(w.findEmployee(*w.transactions[0].employee) >= 0);
        for (const baton::Relationship& r : w.relationships) {
            CHECK(w.findEmployee(r.employee) >= 0);
            CHECK(w.findClient(r.client) >= 0);
        }
        REQUIRE(w.deals.size() == 1);
        CHECK(w.deals[0].id == "D0001");
        CHECK(w.findClient(w.deals[0].client) >= 0);
        CHECK(w.findEmployee(w.deals[0].employee) >= 0);
        REQUIRE(w.policy.pins.size() == 1);
        REQUIRE(w.policy.forbids.size() == 1);
        CHECK(w.findEmployee(w.policy.pins[0].employee) >= 0);
        CHECK(w.findClient(w.policy.pins[0].client) >= 0);
        CHECK(w.findEmployee(w.policy.forbids[0].employee) >= 0);
        CHECK(w.findClient(w.policy.forbids[0].client) >= 0);
    }

    TEST_CASE("replaced ids keep each pair") {
        baton::Workspace original = namedIds();
        baton::Workspace copy = baton::pseudonymise(original);
        // Byte order: "Acme Corporation" < "Betatech" < "杭州…", and "Anna Snelling" <
        // "Daniell Hammack" < "王婷", so the new numbers follow that order.
        CHECK(copy.employees[0].id == "E001");
        CHECK(copy.employees[1].id == "E002");
        CHECK(copy.employees[2].id == "E003");
        CHECK(copy.employees[0].name == "Employee 001");
        CHECK(copy.clients[0].id == "C0001");
        CHECK(copy.clients[1].id == "C0003");
        CHECK(copy.clients[2].id == "C0002");
        CHECK(copy.clients[0].owner == "E002");
        CHECK(copy.clients[1].owner == "E001");
        CHECK(copy.clients[2].owner == "E003");
        CHECK(copy.policy.pins[0].client == "C0001");
        CHECK(copy.policy.pins[0].employee == "E001");
        CHECK(copy.policy.pins[0].reason.empty());
        CHECK(copy.relationships[1].employee == "E003");
        CHECK(copy.relationships[1].client == "C0003");
        CHECK(copy.company.value("currency", "") == "EUR");
        CHECK_FALSE(copy.company.contains("name"));
        CHECK(copy.employees[0].team == "Central");
    }
}

TEST_SUITE("backup") {
    TEST_CASE("backup round trip keeps the workspace and name") {
        baton::Workspace workspace = fixture();
        std::string text = baton::writeBackup(workspace, "Firm A", kNow, kNow);
        baton::BackupReadResult read = baton::readBackup(text);
        REQUIRE(read.workspace.has_value());
        CHECK(read.errors.empty());
        CHECK(read.name == "Firm A");
        CHECK(baton::writeWorkspace(*read.workspace) == baton::writeWorkspace(workspace));
    }

    TEST_CASE("bare workspace restores as a backup") {
        baton::BackupReadResult read = baton::readBackup(fixtureText());
        CHECK(read.workspace.has_value());
        CHECK(read.name.empty());
    }

    TEST_CASE("encrypted or broken backup is rejected") {
        baton::BackupReadResult encrypted =
            baton::readBackup(R"({"format": "baton-backup", "version": 1, "encrypted": {}})");
        CHECK_FALSE(encrypted.workspace.has_value());
        REQUIRE(encrypted.errors.size() == 1);
        CHECK(encrypted.errors[0].message ==
              "this backup is encrypted: give its passphrase to restore it");

        baton::BackupReadResult bad = baton::readBackup(
            R"({"format": "baton-backup", "version": 1, "data": {"format": "baton-workspace",
                "version": 1, "employees": [], "clients": [{"id": "C1"}]}})");
        CHECK_FALSE(bad.workspace.has_value());
        REQUIRE_FALSE(bad.errors.empty());
        CHECK(bad.errors[0].path.rfind("/data/clients/0", 0) == 0);
    }
}

TEST_SUITE("store time") {
    TEST_CASE("utc time from milliseconds") {
        CHECK(baton::formatUtcTime(0) == "1970-01-01T00:00:00Z");
        CHECK(baton::formatUtcTime(1796378400000.0) == "2026-12-04T10:00:00Z");
        CHECK(baton::formatUtcTime(-1000) == "1969-12-31T23:59:59Z");
    }

    TEST_CASE("backup reminder after the set days") {
        baton::StorageStatus status;
        baton::updateBackupAge(status, "2026-11-20T09:00:00Z", "", "2026-11-26T23:00:00Z");
        CHECK(status.backupAgeDays == 6);
        CHECK_FALSE(status.backupDue);
        baton::updateBackupAge(status, "2026-11-20T09:00:00Z", "", "2026-11-27T00:00:00Z");
        CHECK(status.backupDue);
        baton::updateBackupAge(status, "2026-11-01T00:00:00Z", "2026-11-26T12:00:00Z",
                               "2026-11-27T00:00:00Z");
        CHECK(status.lastBackup == "2026-11-26T12:00:00Z");
        CHECK(status.backupAgeDays == 1);
        CHECK_FALSE(status.backupDue);
        CHECK(baton::daysBetweenTimes("garbage", "2026-11-27") == -1);
    }
}
