// Pieces of the synthetic workspace generator shared by its source files: draws on the
// project's PRNG and the name tables. Only +, -, *, / and comparisons are used on doubles,
// so the same seed gives the same workspace natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/generator.h"
#include "core/model.h"
#include "core/rng.h"

namespace baton::generator {

// Each phase of the generator draws from its own stream, so that a change in one phase
// leaves the others' draws as they were.
enum class Phase : std::uint64_t {
    Employees = 1,
    Clients = 2,
    Names = 3,
    Transactions = 4,
    Relationships = 5,
    Deals = 6,
    Capacity = 7,
    Needs = 8,
};

SplitMix64 streamFor(std::uint64_t seed, Phase phase);

inline constexpr const char* kKeyTeam = "Key accounts";

// "E007" from ('E', 7, 3): the number zero-padded to `width` digits.
std::string paddedId(char prefix, long long number, int width);
// The digits of `count`, at least `minimum`.
int idWidth(long long count, int minimum);
// The value of the first skill "prefix:value", or "".
std::string skillValue(const std::vector<std::string>& skills, const std::string& prefix);

// A draw in [0, 1).
inline double unit(SplitMix64& rng) {
    return rng.uniform();
}
// A whole number in [low, high].
int between(SplitMix64& rng, int low, int high);
bool chance(SplitMix64& rng, double probability);

template <typename T>
const T& pickOne(SplitMix64& rng, const std::vector<T>& items) {
    return items[static_cast<std::size_t>(rng.below(items.size()))];
}

// Rounds to a multiple of `step` (a whole number, or 1/k for a whole k), halves away
// from zero.
double roundToStep(double x, double step);

// Splits `total` in proportion to `weights`, exactly, by largest remainder; among equal
// remainders the lower index gets the extra one.
std::vector<long long> splitTotal(long long total, const std::vector<double>& weights);

// Shuffles in place with Fisher-Yates on the project's PRNG.
template <typename T>
void shuffle(SplitMix64& rng, std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::size_t j = static_cast<std::size_t>(rng.below(i));
        std::swap(items[i - 1], items[j]);
    }
}

// A person's name: a Chinese one such as 王婷 or an English one such as Emma Carter.
std::string personName(SplitMix64& rng, bool chinese);
// A client's name in its language: 深圳鑫垚贸易有限公司, Bluepeak Logistics Ltd, 株式会社山田商事.
std::string clientName(SplitMix64& rng, const std::string& language, const std::string& industry);
// A short handover note in the client's language, or an empty string.
std::string clientNote(SplitMix64& rng, const std::string& language);

// The client industries, regions and products the generator uses.
const std::vector<std::string>& industries();
const std::vector<std::string>& regions();
const std::vector<std::string>& products();

// Facts about the generated people that the history and capacity steps need.
struct PeopleFacts {
    std::vector<long long> hiredDay;    // per employee; day number
    std::vector<long long> lastDayNum;  // per employee; day number, or a large value
    std::vector<int> receivers;         // active persons, who may receive clients
    std::vector<int> ownerOf;           // per client: the owner's employee index, or -1
    std::vector<int> keyTeam;           // employee indices of the key-account team
    int systemUser = -1;                // employee index of the system user, or -1
};

// Adds the clients, with their owners, attributes, needs and preferences.
void addClients(Workspace& ws, const GenerateOptions& options, PeopleFacts& people);
// Adds served-before, conflict and personal relationships and a few deals.
void addLinks(Workspace& ws, const GenerateOptions& options, const PeopleFacts& people);
// Sets max_clients of the active persons so that their spare capacity is the requested
// fraction of the released clients.
void setCapacities(Workspace& ws, const GenerateOptions& options, const PeopleFacts& people);
// Gives every client one need that 2-5 active persons meet (all but one in small firms).
void setSparseNeeds(Workspace& ws, const GenerateOptions& options, const PeopleFacts& people);

// Adds `total` transactions over the two years up to `asOf`, seasonal and weighted by
// client size, and sets each client's revenue_12m to its last 365 days of sales.
void addTransactions(Workspace& ws, const GenerateOptions& options, const PeopleFacts& people,
                     long long total);

}  // namespace baton::generator
