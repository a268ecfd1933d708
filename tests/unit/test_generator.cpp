#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/dates.h"
#include "core/generator.h"
#include "core/sha256.h"
#include "io/workspace_json.h"

using namespace baton;

namespace {

int countStatus(const Workspace& ws, EmployeeStatus status) {
    int n = 0;
    for (const Employee& e : ws.employees) n += e.status == status ? 1 : 0;
    return n;
}

bool isReceiver(const Employee& e) {
    return e.status == EmployeeStatus::Active && e.kind == EmployeeKind::Person;
}

// Spare capacity of the receivers beyond their books and the released clients.
struct CapacityCheck {
    long long released = 0;
    long long spare = 0;
};

CapacityCheck capacityOf(const Workspace& ws) {
    std::map<std::string, long long> book;
    std::map<std::string, const Employee*> byId;
    for (const Employee& e : ws.employees) byId[e.id] = &e;
    CapacityCheck check;
    for (const Client& c : ws.clients) {
        if (c.owner) ++book[*c.owner];
        if (!c.owner || isLeaver(byId[*c.owner]->status)) ++check.released;
    }
    long long room = 0;
    for (const Employee& e : ws.employees) {
        if (isReceiver(e)) room += e.maxClients.value_or(0) - book[e.id];
    }
    check.spare = room - check.released;
    return check;
}

}  // namespace

TEST_SUITE("generator") {
    TEST_CASE("same options give the same bytes") {
        GenerateOptions options;
        std::string first = writeWorkspace(generateWorkspace(options));
        CHECK(first == writeWorkspace(generateWorkspace(options)));
        options.seed = 2;
        CHECK(first != writeWorkspace(generateWorkspace(options)));
    }

    TEST_CASE("bytes match the pinned digests") {
        // The same digests natively and in WebAssembly: the generator uses only exact IEEE
        // operations. A deliberate change of the generator updates them.
        CHECK(sha256Hex(writeWorkspace(generateWorkspace(GenerateOptions{}))) ==
              "406eb39a4897b99d9de434d4f02052a4e254507b94671ce301bf6e6eac80b97c");
        std::string families;
        for (const char* family :
             {"mixed", "clustered", "heavy_tailed", "tight", "sparse_eligibility", "skewed"}) {
            GenerateOptions options;
            options.family = family;
            options.employees = 30;
            options.clients = 500;
            options.seed = 99;
            families += sha256Hex(writeWorkspaceLines(generateWorkspace(options)));
        }
        CHECK(sha256Hex(families) ==
              "d1396f6ee002e416905ebc0a12c86bad4d22410b82978859fd900841efde601a");
    }

    TEST_CASE("demo has the default counts") {
        Workspace ws = generateWorkspace(GenerateOptions{});
        CHECK(ws.employees.size() == 13);  // 12 persons and the system user
        CHECK(ws.clients.size() == 200);
        CHECK(ws.transactions.size() == 2000);
        CHECK(countStatus(ws, EmployeeStatus::Departed) == 1);
        CHECK(countStatus(ws, EmployeeStatus::Leaving) == 1);
        CHECK(std::string(toString(ws.employees.back().kind)) == "system");
        CHECK(ws.policy.asOf == std::optional<std::string>("2026-11-30"));
    }

    TEST_CASE("flags are honoured") {
        GenerateOptions options;
        options.seed = 5;
        options.employees = 40;
        options.clients = 900;
        options.transactions = 1234;
        options.leavers = 6;
        Workspace ws = generateWorkspace(options);
        CHECK(ws.employees.size() == 41);
        CHECK(ws.clients.size() == 900);
        CHECK(ws.transactions.size() == 1234);
        CHECK(countStatus(ws, EmployeeStatus::Departed) == 6);
        CHECK(countStatus(ws, EmployeeStatus::Leaving) == 1);
        CHECK(countStatus(ws, EmployeeStatus::OnLeave) == 1);
        CHECK(ws.policy.seed == 5);
    }

    TEST_CASE("one leaving employee with a future last day") {
        GenerateOptions options;
        options.employees = 30;
        options.clients = 300;
        options.leavers = 3;
        Workspace ws = generateWorkspace(options);
        long long asOf = *parseIsoDate(options.asOf);
        int leaving = 0;
        for (const Employee& e : ws.employees) {
            if (e.status == EmployeeStatus::Leaving) {
                ++leaving;
                CHECK(*parseIsoDate(e.lastDay) > asOf);
            }
            if (e.status == EmployeeStatus::Departed) CHECK(*parseIsoDate(e.lastDay) <= asOf);
        }
        CHECK(leaving == 1);
    }

    TEST_CASE("spare capacity is the requested fraction") {
        GenerateOptions options;
        options.employees = 50;
        options.clients = 2000;
        options.leavers = 5;
        CapacityCheck mixed = capacityOf(generateWorkspace(options));
        CHECK(mixed.released > 100);
        CHECK(mixed.spare == static_cast<long long>(0.2 * mixed.released + 0.5));
        options.family = "tight";
        CapacityCheck tight = capacityOf(generateWorkspace(options));
        CHECK(tight.spare == static_cast<long long>(0.01 * tight.released + 0.5));
        options.spare = 0.5;
        CapacityCheck half = capacityOf(generateWorkspace(options));
        CHECK(half.spare == static_cast<long long>(0.5 * half.released + 0.5));
    }

    TEST_CASE("sparse eligibility leaves 2 to 5 by needs") {
        for (int employees : {4, 60}) {
            GenerateOptions options;
            options.family = "sparse_eligibility";
            options.employees = employees;
            options.clients = 500;
            options.leavers = 1;
            Workspace ws = generateWorkspace(options);
            int receivers = 0;
            for (const Employee& e : ws.employees) receivers += isReceiver(e) ? 1 : 0;
            std::set<int> seen;
            for (const Client& c : ws.clients) {
                REQUIRE(c.needs.size() == 1);
                int eligible = 0;
                for (const Employee& e : ws.employees) {
                    if (!isReceiver(e)) continue;
                    for (const std::string& s : e.skills) eligible += s == c.needs[0] ? 1 : 0;
                }
                seen.insert(eligible);
            }
            if (receivers < 6) {
                CHECK(seen == std::set<int>{receivers - 1});
            } else {
                CHECK(*seen.begin() >= 2);
                CHECK(*seen.rbegin() <= 5);
                CHECK(seen.size() > 1);
            }
        }
    }

    TEST_CASE("new hires have missing metrics") {
        GenerateOptions options;
        options.employees = 48;
        Workspace ws = generateWorkspace(options);
        long long asOf = *parseIsoDate(options.asOf);
        int hires = 0;
        for (const Employee& e : ws.employees) {
            if (e.kind == EmployeeKind::System || *parseIsoDate(e.hired) <= asOf - 183) continue;
            ++hires;
            CHECK_FALSE(e.metrics.sales12m.has_value());
            CHECK_FALSE(e.metrics.quotaAttainment.has_value());
        }
        CHECK(hires == 4);
    }

    TEST_CASE("key accounts belong to the key team") {
        GenerateOptions options;
        options.employees = 30;
        options.clients = 1000;
        Workspace ws = generateWorkspace(options);
        std::map<std::string, std::string> team;
        for (const Employee& e : ws.employees) team[e.id] = e.team;
        int keyAccounts = 0;
        for (const Client& c : ws.clients) {
            if (!c.keyAccount) continue;
            ++keyAccounts;
            REQUIRE(c.owner);
            CHECK(team[*c.owner] == "Key accounts");
            CHECK(c.tier == "A");
        }
        CHECK(keyAccounts > 10);
    }

    TEST_CASE("skewed family uses performance entitlement") {
        GenerateOptions options;
        options.family = "skewed";
        Workspace ws = generateWorkspace(options);
        CHECK(std::string(toString(ws.policy.entitlement.mode)) == "performance");
    }

    TEST_CASE("every family reads back without errors") {
        for (const char* family :
             {"mixed", "clustered", "heavy_tailed", "tight", "sparse_eligibility", "skewed"}) {
            GenerateOptions options;
            options.family = family;
            options.employees = 25;
            options.clients = 400;
            options.leavers = 2;
            Workspace ws = generateWorkspace(options);
            WorkspaceReadResult back = readWorkspace(writeWorkspaceLines(ws));
            CHECK_MESSAGE(back.errors.empty(), family << ": " << formatErrors(back.errors, ""));
        }
    }

    TEST_CASE("invalid options are named") {
        GenerateOptions options;
        options.employees = 0;
        CHECK(validateGenerateOptions(options) ==
              "--employees must be a positive whole number, found 0");
        options.employees = 3;
        options.leavers = 2;
        CHECK(validateGenerateOptions(options) ==
              "--employees must be at least --leavers + 2 (the departed employees, one leaving "
              "employee and at least one who stays), found 3 with --leavers 2");
        options.leavers = 1;
        options.family = "uniform";
        CHECK(validateGenerateOptions(options) ==
              "--family must be one of mixed, clustered, heavy_tailed, tight, "
              "sparse_eligibility, skewed; found \"uniform\"");
        options.family = "mixed";
        CHECK(validateGenerateOptions(options) == "");
    }
}
