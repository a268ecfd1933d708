#include "core/fit.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

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

// Distinct tag texts of one kind, numbered in the order first seen.
class TagInterner {
public:
    int add(std::string_view text) {
        auto [it, added] = m_ids.try_emplace(text, int(m_texts.size()));
        if (added) m_texts.push_back(text);
        return it->second;
    }
    int idOf(std::string_view text) const { return m_ids.at(text); }
    const std::vector<std::string_view>& texts() const { return m_texts; }

private:
    std::unordered_map<std::string_view, int> m_ids;
    std::vector<std::string_view> m_texts;
};

// Interns every tag in sorted string order. The workspace repeats a few hundred distinct
// tags across 100,000 clients, so one pass numbers the distinct texts in the order first
// seen, only they are sorted, and a second pass renumbers each client's tags.
void FitModel::internTags(const Workspace& workspace) {
    TagInterner plain, industries, regions, languages;
    for (const Employee& e : workspace.employees) {
        for (const std::string& skill : e.skills) plain.add(skill);
    }
    m_clients.resize(workspace.clients.size());
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        const Client& c = workspace.clients[j];
        ClientTags& t = m_clients[j];
        for (const std::string& need : c.needs) t.needs.push_back(plain.add(need));
        for (const std::string& prefer : c.prefers) t.prefers.push_back(plain.add(prefer));
        t.industry = industries.add(c.industry);
        t.region = regions.add(c.region);
        t.language = languages.add(c.language);
    }

    std::vector<std::string> all(plain.texts().begin(), plain.texts().end());
    for (std::string_view x : industries.texts()) all.push_back(industryTag(std::string(x)));
    for (std::string_view x : regions.texts()) all.push_back(regionTag(std::string(x)));
    for (std::string_view x : languages.texts()) all.push_back(languageTag(std::string(x)));
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (!all.empty() && all.front().empty()) all.erase(all.begin());
    m_tags = std::move(all);

    // The final id of each first-seen number; an empty text names no tag (-1).
    auto finalIds = [this](const TagInterner& interner, std::string (*tagOf)(const std::string&)) {
        std::vector<int> ids;
        for (std::string_view x : interner.texts()) {
            ids.push_back(x.empty() ? -1 : tagId(tagOf ? tagOf(std::string(x)) : std::string(x)));
        }
        return ids;
    };
    std::vector<int> plainIds = finalIds(plain, nullptr);
    std::vector<int> industryIds = finalIds(industries, industryTag);
    std::vector<int> regionIds = finalIds(regions, regionTag);
    std::vector<int> languageIds = finalIds(languages, languageTag);

    m_words = std::max(1, (tagCount() + 63) / 64);
    m_skills.assign(workspace.employees.size(), TagBits(std::size_t(m_words), 0));
    for (std::size_t i = 0; i < workspace.employees.size(); ++i) {
        for (const std::string& skill : workspace.employees[i].skills) {
            int id = plainIds[std::size_t(plain.idOf(skill))];
            if (id < 0) continue;  // an empty skill names no tag
            m_skills[i][std::size_t(id / 64)] |= std::uint64_t{1} << (id % 64);
        }
    }
    auto renumber = [&](std::vector<int>& ids) {
        for (int& id : ids) id = plainIds[std::size_t(id)];
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    };
    for (ClientTags& t : m_clients) {
        renumber(t.needs);
        renumber(t.prefers);
        t.industry = industryIds[std::size_t(t.industry)];
        t.region = regionIds[std::size_t(t.region)];
        t.language = languageIds[std::size_t(t.language)];
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
