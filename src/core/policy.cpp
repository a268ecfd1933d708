#include "core/policy.h"

namespace baton {

const char* toString(Normalisation n) {
    return n == Normalisation::WinsorisedMinMax ? "winsorised_minmax" : "percentile";
}

const char* toString(PerformanceGroup g) {
    switch (g) {
        case PerformanceGroup::Firm: return "firm";
        case PerformanceGroup::Team: return "team";
        case PerformanceGroup::Role: return "role";
    }
    return "firm";
}

const char* toString(EntitlementMode m) {
    switch (m) {
        case EntitlementMode::Equal: return "equal";
        case EntitlementMode::Performance: return "performance";
        case EntitlementMode::Blend: return "blend";
    }
    return "equal";
}

const char* toString(Scope s) { return s == Scope::All ? "all" : "leavers"; }

std::optional<Normalisation> parseNormalisation(const std::string& text) {
    if (text == "percentile") return Normalisation::Percentile;
    if (text == "winsorised_minmax") return Normalisation::WinsorisedMinMax;
    return std::nullopt;
}

std::optional<PerformanceGroup> parsePerformanceGroup(const std::string& text) {
    if (text == "firm") return PerformanceGroup::Firm;
    if (text == "team") return PerformanceGroup::Team;
    if (text == "role") return PerformanceGroup::Role;
    return std::nullopt;
}

std::optional<EntitlementMode> parseEntitlementMode(const std::string& text) {
    if (text == "equal") return EntitlementMode::Equal;
    if (text == "performance") return EntitlementMode::Performance;
    if (text == "blend") return EntitlementMode::Blend;
    return std::nullopt;
}

std::optional<Scope> parseScope(const std::string& text) {
    if (text == "leavers") return Scope::Leavers;
    if (text == "all") return Scope::All;
    return std::nullopt;
}

}  // namespace baton
