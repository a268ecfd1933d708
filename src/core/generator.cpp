// The synthetic workspace generator: option checks, the people, and the order of the
// steps. Clients are made in generator_clients.cpp, histories in generator_history.cpp,
// relationships, deals and capacities in generator_links.cpp.
#include "core/generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/dates.h"
#include "core/generator_parts.h"

namespace baton {

namespace {

// A number as the user typed it: "-1", "0.5", not std::to_string's "-1.000000".
std::string shortNumber(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", x);
    return text;
}

using namespace generator;

const std::vector<std::string> kFamilies = {"mixed", "clustered",          "heavy_tailed",
                                            "tight", "sparse_eligibility", "skewed"};
const std::vector<std::string> kRegionalTeams = {"East", "West", "North", "South"};

// The three skill signatures of the clustered family: team, industry, languages, product.
struct Signature {
    const char* team;
    const char* industry;
    const char* region;
    const char* product;
};
const Signature kSignatures[3] = {{"East", "retail", "east", "erp"},
                                  {"North", "manufacturing", "north", "crm"},
                                  {"South", "logistics", "south", "erp"}};

std::string uniqueName(SplitMix64& rng, std::set<std::string>& used, bool chinese) {
    std::string name;
    for (int attempt = 0; attempt < 8; ++attempt) {
        name = personName(rng, chinese);
        if (used.insert(name).second) return name;
    }
    return name;
}

// The statuses of the persons: `leavers` departed, one leaving, one on leave in larger
// firms, and a few new hires among the active ones. Key account managers leave last.
struct Roster {
    std::vector<EmployeeStatus> status;
    std::vector<bool> newHire;
};

Roster drawRoster(SplitMix64& rng, const GenerateOptions& o, const std::vector<bool>& key) {
    int n = o.employees;
    Roster roster{std::vector<EmployeeStatus>(n, EmployeeStatus::Active),
                  std::vector<bool>(n, false)};
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    shuffle(rng, order);
    std::stable_partition(order.begin(), order.end(), [&](int i) { return !key[i]; });
    std::size_t next = 0;
    for (int k = 0; k < o.leavers; ++k) roster.status[order[next++]] = EmployeeStatus::Departed;
    roster.status[order[next++]] = EmployeeStatus::Leaving;
    int remaining = n - o.leavers - 1;
    if (n >= 20 && remaining >= 3 && !key[order[next]]) {
        roster.status[order[next++]] = EmployeeStatus::OnLeave;
        --remaining;
    }
    int hires = n >= 8 ? std::max(1, n / 12) : 0;
    for (int h = 0; h < hires && next < order.size() && remaining > 1; ++h, --remaining) {
        if (!key[order[next]]) roster.newHire[order[next]] = true;
        ++next;
    }
    return roster;
}

// Performance metrics from a latent ability in [0, 1]; `coherence` is how strongly every
// metric follows it (the skewed family's 0.95 spreads entitlements to about 1:10).
Metrics drawMetrics(SplitMix64& rng, double ability, double coherence) {
    auto follow = [&]() { return coherence * ability + (1.0 - coherence) * unit(rng); };
    Metrics m;
    double sales = follow();
    m.sales12m = roundToStep(250000.0 + 2750000.0 * sales * sales, 1000.0);
    m.quotaAttainment = roundToStep(0.55 + 0.7 * follow(), 0.01);
    m.csat = roundToStep(3.2 + 1.7 * follow(), 0.1);
    m.retention = roundToStep(0.7 + 0.28 * follow(), 0.01);
    m.review = roundToStep(2.5 + 2.5 * follow(), 0.5);
    return m;
}

std::vector<std::string> drawSkills(SplitMix64& rng, bool chinese, const std::string& region,
                                    bool keyTeam) {
    std::vector<std::string> skills;
    std::vector<std::string> pool = industries();
    shuffle(rng, pool);
    int count = between(rng, 1, 3);
    for (int k = 0; k < count; ++k) skills.push_back("industry:" + pool[k]);
    if (chinese || chance(rng, 0.5)) skills.push_back("lang:zh");
    if (!chinese || chance(rng, 0.35)) skills.push_back("lang:en");
    if (chance(rng, 0.03)) skills.push_back("lang:ja");
    skills.push_back("region:" + region);
    std::vector<std::string> offer = products();
    shuffle(rng, offer);
    int productCount = between(rng, 1, 2);
    for (int k = 0; k < productCount; ++k) skills.push_back("product:" + offer[k]);
    if (keyTeam) skills.push_back("team:key_accounts");
    return skills;
}

std::string regionOfTeam(const std::string& team) {
    for (std::size_t t = 0; t < kRegionalTeams.size(); ++t) {
        if (team == kRegionalTeams[t]) return regions()[t];
    }
    return "";
}

std::vector<std::string> drawTeams(SplitMix64& rng, int n, bool clustered) {
    std::vector<std::string> teams(n);
    int keyCount = (!clustered && n >= 6) ? std::max(1, n / 10) : 0;
    for (int i = 0; i < n; ++i) {
        if (clustered) {
            teams[i] = kSignatures[i % 3].team;
        } else {
            teams[i] = i < keyCount ? kKeyTeam : kRegionalTeams[(i - keyCount) % 4];
        }
    }
    shuffle(rng, teams);
    return teams;
}

void fillPerson(SplitMix64& rng, const GenerateOptions& o, Employee& e, bool newHire,
                std::set<std::string>& names) {
    bool clustered = o.family == "clustered";
    long long asOf = *parseIsoDate(o.asOf);
    bool chinese = clustered || chance(rng, 0.75);
    bool keyTeam = e.team == kKeyTeam;
    e.name = uniqueName(rng, names, chinese);
    if (keyTeam) {
        e.role = "Key account manager";
    } else if (newHire) {
        e.role = "Sales representative";
    } else {
        e.role = chance(rng, 0.25) ? "Senior account manager" : "Account manager";
    }
    long long hired = newHire ? asOf - between(rng, 20, 170) : asOf - between(rng, 200, 4400);
    e.hired = formatIsoDate(hired);
    std::string region = keyTeam ? pickOne(rng, regions()) : regionOfTeam(e.team);
    if (clustered) {
        const Signature& s = kSignatures[(e.team == "East") ? 0 : (e.team == "North" ? 1 : 2)];
        e.skills = {std::string("industry:") + s.industry, "lang:zh",
                    std::string("region:") + s.region, std::string("product:") + s.product};
    } else {
        e.skills = drawSkills(rng, chinese, region, keyTeam);
    }
}

void fillMetrics(SplitMix64& rng, const GenerateOptions& o, Employee& e, bool newHire,
                 int signature) {
    if (newHire) {
        // A new hire has no track record yet; some have a first review.
        if (chance(rng, 0.5)) {
            e.hasMetrics = true;
            e.metrics.review = roundToStep(3.0 + 1.5 * unit(rng), 0.5);
        }
        return;
    }
    e.hasMetrics = true;
    if (o.family == "clustered") {
        // Identical metrics within a signature: many exact ties.
        SplitMix64 fixed(static_cast<std::uint64_t>(signature) + 11);
        e.metrics = drawMetrics(fixed, 0.3 + 0.2 * signature, 0.8);
        return;
    }
    double coherence = o.family == "skewed" ? 0.95 : 0.5;
    e.metrics = drawMetrics(rng, unit(rng), coherence);
}

void addEmployees(Workspace& ws, const GenerateOptions& o, PeopleFacts& people) {
    SplitMix64 rng = streamFor(o.seed, Phase::Employees);
    int n = o.employees;
    long long asOf = *parseIsoDate(o.asOf);
    std::vector<std::string> teams = drawTeams(rng, n, o.family == "clustered");
    std::vector<bool> key(n);
    for (int i = 0; i < n; ++i) key[i] = teams[i] == kKeyTeam;
    Roster roster = drawRoster(rng, o, key);
    std::set<std::string> names;
    int width = idWidth(n, 2);
    for (int i = 0; i < n; ++i) {
        Employee e;
        e.id = paddedId('E', i + 1, width);
        e.team = teams[i];
        e.status = roster.status[i];
        fillPerson(rng, o, e, roster.newHire[i], names);
        int signature = e.team == "East" ? 0 : (e.team == "North" ? 1 : 2);
        fillMetrics(rng, o, e, roster.newHire[i], signature);
        long long last = 1LL << 40;
        if (e.status == EmployeeStatus::Departed) last = asOf - between(rng, 3, 60);
        if (e.status == EmployeeStatus::Leaving) last = asOf + between(rng, 14, 60);
        if (last != (1LL << 40)) e.lastDay = formatIsoDate(last);
        people.hiredDay.push_back(*parseIsoDate(e.hired));
        people.lastDayNum.push_back(last);
        if (e.status == EmployeeStatus::Active) people.receivers.push_back(i);
        if (key[i]) people.keyTeam.push_back(i);
        ws.employees.push_back(std::move(e));
    }
    Employee system;
    system.id = "SYS";
    system.name = "CRM integration";
    system.role = "System";
    system.kind = EmployeeKind::System;
    people.systemUser = n;
    people.hiredDay.push_back(asOf - 4000);
    people.lastDayNum.push_back(1LL << 40);
    ws.employees.push_back(std::move(system));
}

}  // namespace

std::string validateGenerateOptions(const GenerateOptions& o) {
    if (o.employees < 1) {
        return "--employees must be a positive whole number, found " + std::to_string(o.employees);
    }
    if (o.employees > kMaxGeneratedEmployees) {
        return "--employees must be at most " + std::to_string(kMaxGeneratedEmployees) +
               ", found " + std::to_string(o.employees);
    }
    if (o.clients < 1) {
        return "--clients must be a positive whole number, found " + std::to_string(o.clients);
    }
    if (o.clients > kMaxGeneratedClients) {
        return "--clients must be at most " + std::to_string(kMaxGeneratedClients) + ", found " +
               std::to_string(o.clients);
    }
    if (o.leavers < 0) return "--leavers must be 0 or more, found " + std::to_string(o.leavers);
    if (o.employees < o.leavers + 2) {
        return "--employees must be at least --leavers + 2 (the departed employees, one "
               "leaving employee and at least one who stays), found " +
               std::to_string(o.employees) + " with --leavers " + std::to_string(o.leavers);
    }
    if (o.transactions && (*o.transactions < 0 || *o.transactions > kMaxGeneratedTransactions)) {
        return "--transactions must be between 0 and " + std::to_string(kMaxGeneratedTransactions) +
               ", found " + std::to_string(*o.transactions);
    }
    if (std::find(kFamilies.begin(), kFamilies.end(), o.family) == kFamilies.end()) {
        return "--family must be one of mixed, clustered, heavy_tailed, tight, "
               "sparse_eligibility, skewed; found \"" +
               o.family + "\"";
    }
    if (o.spare && !(*o.spare >= 0.0 && *o.spare <= kMaxGeneratedSpare)) {
        return "--spare must be a number from 0 to 100, found \"" + shortNumber(*o.spare) + "\"";
    }
    if (!parseIsoDate(o.asOf)) {
        return "the as-of date must be an ISO date YYYY-MM-DD, found \"" + o.asOf + "\"";
    }
    return "";
}

Workspace generateWorkspace(const GenerateOptions& options) {
    Workspace ws;
    if (!validateGenerateOptions(options).empty()) return ws;
    ws.company = {{"name", "Xinyao Trading (demo)"}, {"currency", "CNY"}, {"locale", "zh-CN"}};
    ws.policy.seed = options.seed;
    ws.policy.asOf = options.asOf;
    if (options.family == "skewed") ws.policy.entitlement.mode = EntitlementMode::Performance;
    PeopleFacts people;
    addEmployees(ws, options, people);
    addClients(ws, options, people);
    long long total = options.transactions.value_or(10LL * options.clients);
    addTransactions(ws, options, people, total);
    addLinks(ws, options, people);
    setCapacities(ws, options, people);
    if (options.family == "sparse_eligibility") setSparseNeeds(ws, options, people);
    return ws;
}

}  // namespace baton
