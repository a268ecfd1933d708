#include "core/fit.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace baton {

namespace {

std::string prefixed(const char* prefix, const std::string& x) {
    return x.empty() ? std::string() : std::string(prefix).append(x);
}
std::string industryTag(const std::string& x) {
    return prefixed("industry:", x);
}
std::string regionTag(const std::string& x) {
    return prefixed("region:", x);
}
std::string languageTag(const std::string& x) {
    return prefixed("lang:", x);
}

}  // namespace

double roundDecimals(double x, int decimals) {
    static const double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double scale = kPowers[std::clamp(decimals, 0, 9)];
    double r = std::round(x * scale) / scale;
    return r == 0.0 ? 0.0 : r;  // no negative zero in the output
}

FitModel::FitModel(const Workspace& workspace, const Policy& policy, bool indexAll) {
    internTags(workspace);
    if (indexAll) {
        std::vector<int> clients(workspace.clients.size());
        for (std::size_t j = 0; j < clients.size(); ++j) clients[j] = int(j);
        indexContinuity(workspace, clients);
    }

    const FitPolicy& w = policy.fit;
    double raw[5] = {w.prefers, w.industry, w.region, w.language, w.continuity};
    double sum = 0.0;
    for (double x : raw) sum += std::max(0.0, x);
    for (int k = 0; k < 5; ++k) {
        m_weights[k] = sum > 0.0 ? std::max(0.0, raw[k]) / sum : 0.0;
        m_weightMicro[k] = std::llround(m_weights[k] * double(kFitScale));
    }
}

// Interns every tag in sorted string order. The workspace repeats a few hundred distinct
// tags across 100,000 clients, so the distinct ones are collected through hash sets of
// views first and only they are sorted.
void FitModel::internTags(const Workspace& workspace) {
    std::unordered_set<std::string_view> plain;
    std::unordered_set<std::string_view> industries;
    std::unordered_set<std::string_view> regions;
    std::unordered_set<std::string_view> languages;
    for (const Employee& e : workspace.employees) plain.insert(e.skills.begin(), e.skills.end());
    for (const Client& c : workspace.clients) {
        plain.insert(c.needs.begin(), c.needs.end());
        plain.insert(c.prefers.begin(), c.prefers.end());
        industries.insert(c.industry);
        regions.insert(c.region);
        languages.insert(c.language);
    }
    std::vector<std::string> all(plain.begin(), plain.end());
    for (std::string_view x : industries) all.push_back(industryTag(std::string(x)));
    for (std::string_view x : regions) all.push_back(regionTag(std::string(x)));
    for (std::string_view x : languages) all.push_back(languageTag(std::string(x)));
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (!all.empty() && all.front().empty()) all.erase(all.begin());
    m_tags = std::move(all);

    // The id of each distinct view, so that each client costs hash lookups, not searches.
    auto idsByView = [this](const std::unordered_set<std::string_view>& views,
                            std::string (*tagOf)(const std::string&)) {
        std::unordered_map<std::string_view, int> ids;
        for (std::string_view x : views) {
            ids.emplace(x, x.empty() ? -1 : tagId(tagOf ? tagOf(std::string(x)) : std::string(x)));
        }
        return ids;
    };
    auto plainIds = idsByView(plain, nullptr);
    auto industryIds = idsByView(industries, industryTag);
    auto regionIds = idsByView(regions, regionTag);
    auto languageIds = idsByView(languages, languageTag);

    m_words = std::max(1, (tagCount() + 63) / 64);
    m_skills.assign(workspace.employees.size(), TagBits(std::size_t(m_words), 0));
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        for (const std::string& skill : workspace.employees[i].skills) {
            int id = plainIds.at(skill);
            if (id < 0) continue;  // an empty skill names no tag
            m_skills[i][std::size_t(id / 64)] |= std::uint64_t{1} << (id % 64);
        }
    }
    auto idsOf = [&](const std::vector<std::string>& tags) {
        std::vector<int> ids;
        for (const std::string& t : tags) ids.push_back(plainIds.at(t));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    };
    m_clients.resize(workspace.clients.size());
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        const Client& c = workspace.clients[j];
        ClientTags& t = m_clients[j];
        t.needs = idsOf(c.needs);
        t.prefers = idsOf(c.prefers);
        t.industry = industryIds.at(c.industry);
        t.region = regionIds.at(c.region);
        t.language = languageIds.at(c.language);
    }
}

void FitModel::indexContinuity(const Workspace& workspace, const std::vector<int>& clients) {
    m_served = std::make_shared<const ServedBefore>(buildServedBefore(workspace, clients));
}

int FitModel::tagId(const std::string& tag) const {
    auto it = std::lower_bound(m_tags.begin(), m_tags.end(), tag);
    if (it == m_tags.end() || *it != tag) return -1;
    return static_cast<int>(it - m_tags.begin());
}

bool FitModel::hasTag(const TagBits& bits, int tag) const {
    if (tag < 0) return false;
    return (bits[std::size_t(tag / 64)] >> (tag % 64)) & 1u;
}

bool FitModel::meetsNeeds(int client, const TagBits& bits) const {
    for (int need : m_clients[std::size_t(client)].needs) {
        if (!hasTag(bits, need)) return false;
    }
    return true;
}

std::vector<std::string> FitModel::missingNeeds(int client, const TagBits& bits) const {
    std::vector<std::string> missing;
    for (int need : m_clients[std::size_t(client)].needs) {
        if (!hasTag(bits, need)) missing.push_back(tagName(need));
    }
    return missing;
}

bool FitModel::servedBefore(int client, int employee) const {
    return m_served->contains(client, employee);
}

FitBreakdown FitModel::breakdown(int client, const TagBits& bits, bool continuity) const {
    Terms t = terms(client, bits, continuity);
    FitBreakdown b;
    double scale = double(kFitScale);
    b.prefers = double(t.micro[0]) / scale;
    b.industry = double(t.micro[1]) / scale;
    b.region = double(t.micro[2]) / scale;
    b.language = double(t.micro[3]) / scale;
    b.continuity = double(t.micro[4]) / scale;
    b.micro = t.total();
    b.fit = double(b.micro) / scale;
    return b;
}

// Each term in integer micro units, so that F never depends on the order of additions.
FitModel::Terms FitModel::terms(int client, const TagBits& bits, bool continuity) const {
    const ClientTags& c = m_clients[std::size_t(client)];
    Terms t;
    if (!c.prefers.empty()) {
        int met = 0;
        for (int p : c.prefers) met += hasTag(bits, p) ? 1 : 0;
        if (met > 0)
            t.micro[0] =
                std::llround(m_weights[0] * double(kFitScale) * met / double(c.prefers.size()));
    }
    t.micro[1] = hasTag(bits, c.industry) ? m_weightMicro[1] : 0;
    t.micro[2] = hasTag(bits, c.region) ? m_weightMicro[2] : 0;
    t.micro[3] = hasTag(bits, c.language) ? m_weightMicro[3] : 0;
    t.micro[4] = continuity ? m_weightMicro[4] : 0;
    return t;
}

FitBreakdown FitModel::breakdown(int client, int employee) const {
    return breakdown(client, skills(employee), servedBefore(client, employee));
}

std::vector<int> FitModel::profileKey(int client) const {
    const ClientTags& c = m_clients[std::size_t(client)];
    std::vector<int> key = {c.industry, c.region, c.language, int(c.needs.size())};
    key.insert(key.end(), c.needs.begin(), c.needs.end());
    key.insert(key.end(), c.prefers.begin(), c.prefers.end());
    return key;
}

std::int64_t FitModel::micro(int client, const TagBits& bits, bool continuity) const {
    return terms(client, bits, continuity).total();
}

}  // namespace baton
