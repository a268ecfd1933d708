// The bounds from which a money amount is absurd, that is a typing error rather than data:
// kAbsurdAmount (core/evaluation.h), or far above the other amounts of its kind in the same
// workspace. The evaluation leaves such an amount out of the scores and flags it, and the
// import warns about its file, row and column.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/model.h"

namespace baton {

// An amount at least this many times the median of the positive amounts of its kind is
// absurd: 1e13 where the exports hold amounts near 10,000 is a slip of the keyboard. The
// largest amount in the real exports tried (a CRM practice set of 8,800 deals and 85
// accounts, and small Chinese spreadsheet exports) is at most 65 times its median.
inline constexpr double kAbsurdFactor = 1e6;
// The median needs at least this many positive amounts of a kind to set a bound; with fewer,
// only kAbsurdAmount applies.
inline constexpr std::size_t kAbsurdScaleCount = 10;

// The bound of one kind of amount and the median it comes from.
struct AbsurdBound {
    double bound;                  // an amount of at least this is absurd
    std::optional<double> median;  // nullopt when the bound is kAbsurdAmount
};

// The bound of `amounts`: kAbsurdFactor times the median of the finite positive amounts
// below kAbsurdAmount. It is kAbsurdAmount instead when there are fewer than
// kAbsurdScaleCount such amounts or the product is not below kAbsurdAmount.
AbsurdBound absurdBound(const std::vector<double>& amounts);

// The bounds of a workspace: of transaction amounts (every transaction, dated or not), of
// clients' revenue_12m and of clients' potential.
struct AbsurdBounds {
    AbsurdBound amount;
    AbsurdBound revenue;
    AbsurdBound potential;
};
AbsurdBounds absurdBounds(const Workspace& workspace);

}  // namespace baton
