#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/rules_doc.h"
#include "io/rules_doc_parts.h"

using namespace baton;

namespace {

// A policy whose every setting has a value that occurs nowhere else in the document.
Policy distinctPolicy() {
    Policy p;
    p.version = 7;
    p.asOf = "2026-11-30";
    p.seed = 4242;
    p.value.windowDays = 180;
    p.value.tierPoints = {{"A", 95.0}, {"B", 55.0}, {"C", 15.0}};
    p.value.monetary = 0.41;
    p.value.frequency = 0.16;
    p.value.recency = 0.13;
    p.value.potential = 0.21;
    p.value.tier = 0.09;
    p.difficulty.given = 0.37;
    p.difficulty.workload = 0.23;
    p.difficulty.satisfaction = 0.17;
    p.difficulty.complaints = 0.11;
    p.difficulty.latePayments = 0.12;
    p.performance.rampMonths = 7;
    p.performance.sales12m = 0.31;
    p.performance.quotaAttainment = 0.24;
    p.performance.csat = 0.19;
    p.performance.retention = 0.14;
    p.performance.review = 0.07;
    p.performance.tenure = 0.05;
    p.fit.prefers = 0.33;
    p.fit.industry = 0.22;
    p.fit.region = 0.15;
    p.fit.language = 0.08;
    p.fit.continuity = 0.26;
    p.entitlement.mode = EntitlementMode::Blend;
    p.entitlement.alpha = 0.35;
    p.constraints.defaultMaxClients = 33;
    p.constraints.defaultMaxWorkload = 77.0;
    p.constraints.maxValueShare = 0.45;
    return p;
}

std::vector<std::string> distinctValues() {
    return {"0.41", "0.16", "0.13", "0.21", "0.09", "0.37", "0.23", "0.17", "0.11", "0.12", "0.31",
            "0.24", "0.19", "0.14", "0.07", "0.05", "0.33", "0.22", "0.15", "0.08", "0.26", "0.35",
            "180",  "95",   "55",   "15",   " 7 ",  "33",   "77",   "45%",  "4242"};
}

// A small workspace with one pin and one forbid, for the golden files.
Workspace goldenWorkspace() {
    Workspace w;
    w.company = {{"name", "Example Trading"}};
    Employee e;
    e.id = "E03";
    e.name = "Li Lei";
    w.employees.push_back(e);
    Client c;
    c.id = "C0042";
    c.name = "Acme <East> & Co";
    w.clients.push_back(c);
    w.policy.version = 3;
    w.policy.asOf = "2026-11-30";
    w.policy.pins.push_back({"C0042", "E03", "Served them for five years", {}});
    w.policy.forbids.push_back({"C0042", "E05", "Brother-in-law of the buyer", {}});
    return w;
}

std::string fixturePath(const std::string& name) {
    return std::string(BATON_SOURCE_DIR) + "/tests/fixtures/" + name;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Compares with the golden file; BATON_UPDATE_GOLDEN=1 rewrites it instead.
void checkGolden(const std::string& name, const std::string& actual) {
    const std::string path = fixturePath(name);
    if (const char* update = std::getenv("BATON_UPDATE_GOLDEN"); update && *update == '1') {
        std::ofstream(path, std::ios::binary) << actual;
    }
    const std::string expected = readFile(path);
    REQUIRE_MESSAGE(!expected.empty(), "golden file missing: " << path);
    CHECK(actual == expected);
}

}  // namespace

TEST_SUITE("rules document") {
    TEST_CASE("every setting appears in both languages and formats") {
        Policy policy = distinctPolicy();
        Workspace workspace;
        for (const char* lang : {"en", "zh-CN"}) {
            for (const char* format : {"md", "html"}) {
                const std::string doc = rulesDocument(policy, workspace, lang, format);
                for (const std::string& value : distinctValues()) {
                    CHECK_MESSAGE(doc.find(value) != std::string::npos,
                                  lang << " " << format << " lacks " << value);
                }
                CHECK(doc.find("2026-11-30") != std::string::npos);
            }
        }
    }

    TEST_CASE("entitlement modes state their formula") {
        Policy policy;
        Workspace workspace;
        policy.entitlement.mode = EntitlementMode::Performance;
        policy.entitlement.performanceFloor = 12.5;
        CHECK(rulesDocument(policy, workspace, "en", "md").find("w = max(P, 12.5)") !=
              std::string::npos);
        CHECK(rulesDocument(policy, workspace, "zh-CN", "md").find("w = max(P, 12.5)") !=
              std::string::npos);
        policy.entitlement.mode = EntitlementMode::Equal;
        CHECK(rulesDocument(policy, workspace, "en", "md").find("w = 1") != std::string::npos);
        policy.entitlement.bookTopUp = true;
        CHECK(rulesDocument(policy, workspace, "en", "md").find("Book top-up is on") !=
              std::string::npos);
    }

    TEST_CASE("zero tenure weight says seniority earns nothing") {
        Policy policy;
        Workspace workspace;
        const std::string doc = rulesDocument(policy, workspace, "en", "md");
        CHECK(doc.find("Seniority alone earns nothing: tenure has weight 0.") != std::string::npos);
        CHECK(doc.find("`tenure`") == std::string::npos);
    }

    TEST_CASE("html escapes workspace text") {
        Workspace workspace = goldenWorkspace();
        workspace.policy.pins[0].reason = "<script>alert(1)</script> & `x`";
        const std::string html = rulesDocument(workspace.policy, workspace, "en", "html");
        CHECK(html.find("<script>") == std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; `x`") != std::string::npos);
        CHECK(html.find("Acme &lt;East&gt; &amp; Co") != std::string::npos);
        const std::string md = rulesDocument(workspace.policy, workspace, "en", "md");
        CHECK(md.find("\\<script\\>alert(1)\\</script\\> & \\`x\\`") != std::string::npos);
    }

    TEST_CASE("html is standalone") {
        Workspace workspace = goldenWorkspace();
        const std::string html = rulesDocument(workspace.policy, workspace, "zh-CN", "html");
        CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
        CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
        CHECK(html.find("http") == std::string::npos);
        CHECK(html.find("src=") == std::string::npos);
        CHECK(html.find("<link") == std::string::npos);
        CHECK(html.substr(html.size() - 8) == "</html>\n");
    }

    TEST_CASE("language tags and formats") {
        Workspace workspace = goldenWorkspace();
        const Policy& policy = workspace.policy;
        CHECK(rulesDocument(policy, workspace, "zh", "md") ==
              rulesDocument(policy, workspace, "zh-CN", "md"));
        CHECK(canonicalRulesLanguage("zh") == "zh-CN");
        CHECK_FALSE(canonicalRulesLanguage("fr").has_value());
        CHECK(isRulesFormat("html"));
        CHECK_FALSE(isRulesFormat("pdf"));
        CHECK_THROWS_WITH_AS(rulesDocument(policy, workspace, "fr", "md"),
                             "invalid language \"fr\": use en or zh-CN", std::invalid_argument);
        CHECK_THROWS_WITH_AS(rulesDocument(policy, workspace, "en", "pdf"),
                             "invalid format \"pdf\": use md or html", std::invalid_argument);
    }

    TEST_CASE("as-of date from the data") {
        Workspace workspace;
        Client c;
        c.id = "C1";
        c.name = "One";
        workspace.clients.push_back(c);
        workspace.transactions.push_back({"C1", "2026-05-04", 10.0, std::nullopt, {}});
        const std::string doc = rulesDocument(workspace.policy, workspace, "en", "md");
        CHECK(doc.find("as of 2026-05-04 (the date of the latest transaction)") !=
              std::string::npos);
    }

    TEST_CASE("label names a person once") {
        Workspace workspace;
        Employee same;
        same.id = "Darcel Schlecht";
        same.name = "Darcel Schlecht";
        workspace.employees.push_back(same);
        Employee other;
        other.id = "E07";
        other.name = "Li Lei";
        workspace.employees.push_back(other);
        Client client;
        client.id = "Betatech";
        client.name = "Betatech";
        workspace.clients.push_back(client);
        CHECK(rules::employeeLabel(workspace, "Darcel Schlecht") == "Darcel Schlecht");
        CHECK(rules::employeeLabel(workspace, "E07") == "E07 (Li Lei)");
        CHECK(rules::clientLabel(workspace, "Betatech") == "Betatech");
        CHECK(rules::employeeLabel(workspace, "E99") == "E99");
    }

    TEST_CASE("golden English Markdown") {
        Workspace workspace = goldenWorkspace();
        checkGolden("rules_en.md", rulesDocument(workspace.policy, workspace, "en", "md"));
    }

    TEST_CASE("golden Chinese HTML") {
        Workspace workspace = goldenWorkspace();
        checkGolden("rules_zh-CN.html", rulesDocument(workspace.policy, workspace, "zh", "html"));
    }
}
