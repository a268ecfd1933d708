// Compact encodings of skills and tags, and the fit F(client, employee) in 0-1.
//
// Every skill, need, preference and the derived tags "industry:X", "region:X" and
// "lang:X" are interned to dense ids in sorted string order, so ids do not depend on
// input order. Employees carry their skills as a bit set. F is the weighted share of
// matches: prefers (fraction of the client's preferences the employee has), industry,
// region, language (the employee has the client's tag) and continuity (the employee
// served the client before, by a served_before relationship or a transaction the
// employee made). Each weight is divided by the sum of the five weights, so F <= 1.
// Each term is rounded to a whole number of 10^-6 and F is their sum, so F has 6
// decimals; the solver uses the integer F x 10^6.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/served_before.h"

namespace baton {

constexpr std::int64_t kFitScale = 1000000;

// One bit per interned tag.
using TagBits = std::vector<std::uint64_t>;

struct FitBreakdown {
    double prefers = 0.0;  // contributions, each a whole number of 10^-6
    double industry = 0.0;
    double region = 0.0;
    double language = 0.0;
    double continuity = 0.0;
    double fit = 0.0;  // micro / 10^6
    std::int64_t micro = 0;
};

// Rounds half away from zero to `decimals` places (at most 9).
double roundDecimals(double x, int decimals);

class FitModel {
public:
    // With `indexAll` false, no client has continuity until indexContinuity() or
    // useContinuity() gives the model an index.
    FitModel(const Workspace& workspace, const Policy& policy, bool indexAll = true);

    // Lists who served each of `clients` (workspace indices) before; every other client
    // has an empty list. An allocation reads continuity only for the released book, so
    // transactions of kept clients cost one failed lookup each.
    void indexContinuity(const Workspace& workspace, const std::vector<int>& clients);
    // Takes an index built from the same workspace, such as the evaluation's.
    void useContinuity(std::shared_ptr<const ServedBefore> index) { m_served = std::move(index); }

    // Returns the id of a tag, or -1 when no employee or client mentions it.
    int tagId(const std::string& tag) const;
    const std::string& tagName(int id) const { return m_tags[static_cast<std::size_t>(id)]; }
    int tagCount() const { return static_cast<int>(m_tags.size()); }
    int wordCount() const { return m_words; }

    const TagBits& skills(int employee) const { return m_skills[std::size_t(employee)]; }
    bool hasTag(const TagBits& bits, int tag) const;
    // True when every need of the client is in `bits`.
    bool meetsNeeds(int client, const TagBits& bits) const;
    // The client's needs missing from `bits`, as tag names in sorted order.
    std::vector<std::string> missingNeeds(int client, const TagBits& bits) const;
    bool servedBefore(int client, int employee) const;
    // Employees that served the client before, in index order.
    ServedRow continuityOf(int client) const { return m_served->of(client); }

    // The fit of a client to an employee with skill set `bits`.
    FitBreakdown breakdown(int client, const TagBits& bits, bool continuity) const;
    FitBreakdown breakdown(int client, int employee) const;
    std::int64_t micro(int client, const TagBits& bits, bool continuity) const;
    // The fit of the pair in 10^-6 units, without the breakdown's conversions.
    std::int64_t micro(int client, int employee) const {
        return micro(client, skills(employee), servedBefore(client, employee));
    }
    // The tag ids every fit and need test of the client reads; clients with equal keys
    // have equal fits to every skill set.
    std::vector<int> profileKey(int client) const;

private:
    struct Terms {
        std::int64_t micro[5] = {0, 0, 0, 0, 0};
        std::int64_t total() const {
            std::int64_t sum = micro[0] + micro[1] + micro[2] + micro[3] + micro[4];
            return sum < 0 ? 0 : (sum > kFitScale ? kFitScale : sum);
        }
    };
    Terms terms(int client, const TagBits& bits, bool continuity) const;
    void internTags(const Workspace& workspace);

    struct ClientTags {
        std::vector<int> needs;
        std::vector<int> prefers;
        int industry = -1;
        int region = -1;
        int language = -1;
    };

    std::vector<std::string> m_tags;
    int m_words = 0;
    std::vector<TagBits> m_skills;
    std::vector<ClientTags> m_clients;
    // Never null; empty until an index is given.
    std::shared_ptr<const ServedBefore> m_served = std::make_shared<const ServedBefore>();
    double m_weights[5] = {0, 0, 0, 0, 0};  // prefers, industry, region, language, continuity
    std::int64_t m_weightMicro[5] = {0, 0, 0, 0, 0};
};

}  // namespace baton
